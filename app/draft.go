package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// Draft is what the user has typed, field by field, as text. Turning it into a
// scenario document and reading that with calc.ReadScenario gives the same checks and
// the same field-named messages as a file or the command line. Field keys are the
// scenario's field paths ("staff[0].hoursPerWeek", "platforms.facebook.minHours"),
// except the plan grid, keyed "hours.<platform>.<role index>".
type Draft struct {
	Name         string
	Currency     string
	Horizon      string
	Dataset      string
	Size         string
	Weights      map[string]string            // segment id → weight
	Params       map[string]map[string]string // platform id → parameter → value; "" keeps the default
	Staff        []RoleDraft
	Hours        map[string][]string // platform id → hours per role (staff order)
	ValuePer1000 string
	Benefits     []BenefitDraft
	Maturity     []AnchorDraft
	Objective    string
	Excluded     map[string]bool // platforms left out of the recommendation
}

// RoleDraft is a staff role as typed. BySalary chooses between HourlyCost and the
// salary fields.
type RoleDraft struct {
	Name, HourlyCost, AnnualSalary, OnCost, Overhead, ProductiveHours, HoursPerWeek string
	BySalary                                                                        bool
}

// BenefitDraft is a benefit line as typed.
type BenefitDraft struct {
	Name, AmountPerMonth string
	Ramped               bool
}

// AnchorDraft is a maturity point as typed.
type AnchorDraft struct{ Month, Factor string }

func text(d decimal.Decimal) string { return d.String() }

func optText(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// DraftOf turns a valid scenario into a draft.
func DraftOf(s *calc.Scenario, ds *calc.Dataset) Draft {
	d := Draft{Name: s.Name, Currency: s.Currency, Horizon: strconv.Itoa(s.HorizonMonths), Dataset: s.Dataset,
		Size: text(s.Audience.Size), Weights: map[string]string{}, Params: map[string]map[string]string{},
		Hours: map[string][]string{}, ValuePer1000: optText(s.ValuePer1000), Objective: string(s.Objective),
		Excluded: map[string]bool{}}
	if d.Objective == "" {
		d.Objective = string(calc.ObjectiveReach)
	}
	for k, w := range s.Audience.Weights {
		d.Weights[k] = text(w)
	}
	for id, o := range s.Platforms {
		m := map[string]string{}
		for name, v := range map[string]*decimal.Decimal{"minHours": o.MinHours, "fullHours": o.FullHours,
			"reachRate": o.ReachRate, "setupHours": o.SetupHours, "toolCost": o.ToolCost, "adCost": o.AdCost} {
			if v != nil {
				m[name] = v.String()
			}
		}
		d.Params[id] = m
	}
	for _, r := range s.Staff {
		d.Staff = append(d.Staff, RoleDraft{Name: r.Name, HourlyCost: optText(r.HourlyCost), AnnualSalary: optText(r.AnnualSalary),
			OnCost: optText(r.OnCost), Overhead: optText(r.Overhead), ProductiveHours: optText(r.ProductiveHours),
			HoursPerWeek: text(r.HoursPerWeek), BySalary: r.AnnualSalary != nil})
	}
	roleIndex := map[string]int{}
	for i, r := range s.Staff {
		roleIndex[r.Name] = i
	}
	for _, l := range s.Plan {
		hs := d.hoursOf(l.Platform)
		i := roleIndex[l.Role]
		sum := l.HoursPerWeek
		if prev, err := decimal.NewFromString(hs[i]); err == nil {
			sum = sum.Add(prev)
		}
		hs[i] = sum.String()
	}
	for _, b := range s.Benefits {
		d.Benefits = append(d.Benefits, BenefitDraft{Name: b.Name, AmountPerMonth: text(b.AmountPerMonth), Ramped: b.Ramped})
	}
	curve := s.Maturity
	if curve == nil {
		curve = calc.DefaultMaturity()
	}
	for _, a := range curve {
		d.Maturity = append(d.Maturity, AnchorDraft{Month: text(a.Month), Factor: text(a.Factor)})
	}
	if len(s.Candidates) > 0 && ds != nil {
		in := map[string]bool{}
		for _, c := range s.Candidates {
			in[c] = true
		}
		for _, p := range ds.Platforms {
			if !in[p.ID] {
				d.Excluded[p.ID] = true
			}
		}
	}
	return d
}

// hoursOf returns the platform's hours per role, sized to the staff list.
func (d *Draft) hoursOf(platform string) []string {
	hs := d.Hours[platform]
	for len(hs) < len(d.Staff) {
		hs = append(hs, "")
	}
	d.Hours[platform] = hs
	return hs
}

// Clone returns a deep copy, so that an edit never changes a draft held elsewhere.
func (d Draft) Clone() Draft {
	c := d
	c.Weights = cloneMap(d.Weights)
	c.Excluded = cloneMap(d.Excluded)
	c.Params = map[string]map[string]string{}
	for k, v := range d.Params {
		c.Params[k] = cloneMap(v)
	}
	c.Hours = map[string][]string{}
	for k, v := range d.Hours {
		c.Hours[k] = append([]string(nil), v...)
	}
	c.Staff = append([]RoleDraft(nil), d.Staff...)
	c.Benefits = append([]BenefitDraft(nil), d.Benefits...)
	c.Maturity = append([]AnchorDraft(nil), d.Maturity...)
	return c
}

func cloneMap[V any](m map[string]V) map[string]V {
	c := make(map[string]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Document turns the draft into a scenario file. It returns, for each plan line of
// the document, the field key of the grid cell it came from.
func (d Draft) Document(ds *calc.Dataset) ([]byte, []string) {
	doc := map[string]any{
		"format": calc.FileFormat, "version": calc.FileVersion,
		"name": d.Name, "currency": d.Currency, "horizonMonths": d.Horizon, "dataset": d.Dataset,
	}
	// The objective and maturity curve are written only where they differ from the
	// model's defaults, so that results say which inputs are still defaults.
	if d.Objective != string(calc.ObjectiveReach) {
		doc["objective"] = d.Objective
	}
	doc["audience"] = map[string]any{"size": d.Size, "weights": nonEmpty(d.Weights)}
	if d.ValuePer1000 != "" {
		doc["valuePer1000"] = d.ValuePer1000
	}
	platforms := map[string]any{}
	for id, m := range d.Params {
		if o := nonEmpty(m); len(o) > 0 {
			platforms[id] = o
		}
	}
	doc["platforms"] = platforms
	staff := []any{}
	for _, r := range d.Staff {
		role := map[string]any{"role": r.Name, "hoursPerWeek": r.HoursPerWeek}
		if r.BySalary {
			role["annualSalary"] = r.AnnualSalary
			for k, v := range map[string]string{"onCost": r.OnCost, "overhead": r.Overhead, "productiveHours": r.ProductiveHours} {
				if v != "" {
					role[k] = v
				}
			}
		} else {
			role["hourlyCost"] = r.HourlyCost
		}
		staff = append(staff, role)
	}
	doc["staff"] = staff
	plan, keys := []any{}, []string{}
	if ds != nil {
		for _, p := range ds.Platforms {
			for i, h := range d.Hours[p.ID] {
				if i >= len(d.Staff) || isZero(h) {
					continue
				}
				plan = append(plan, map[string]any{"platform": p.ID, "role": d.Staff[i].Name, "hoursPerWeek": h})
				keys = append(keys, HoursKey(p.ID, i))
			}
		}
	}
	doc["plan"] = plan
	benefits := []any{}
	for _, b := range d.Benefits {
		benefits = append(benefits, map[string]any{"name": b.Name, "amountPerMonth": b.AmountPerMonth, "ramped": b.Ramped})
	}
	doc["benefits"] = benefits
	if !isDefaultMaturity(d.Maturity) {
		maturity := []any{}
		for _, a := range d.Maturity {
			maturity = append(maturity, map[string]any{"month": a.Month, "factor": a.Factor})
		}
		doc["maturity"] = maturity
	}
	if ds != nil && len(d.Excluded) > 0 {
		cands := []string{}
		for _, p := range ds.Platforms {
			if !d.Excluded[p.ID] {
				cands = append(cands, p.ID)
			}
		}
		if len(cands) == 0 {
			cands = append(cands, "")
		}
		doc["candidates"] = cands
	}
	data, _ := json.Marshal(doc)
	return data, keys
}

// HoursKey is the field key of a plan grid cell.
func HoursKey(platform string, role int) string { return fmt.Sprintf("hours.%s.%d", platform, role) }

// isZero reports whether a plan cell is empty or zero: such a cell is not a plan line.
func isZero(s string) bool {
	if s == "" {
		return true
	}
	d, err := decimal.NewFromString(s)
	return err == nil && d.IsZero()
}

func nonEmpty(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

var planField = regexp.MustCompile(`^plan\[(\d+)\]`)

// Scenario reads the draft as the engine would read a file. On failure it returns the
// problems by field key; a problem that no field shows is keyed "".
func (d Draft) Scenario(c *calc.Catalog) (*calc.Scenario, map[string]string) {
	ds := c.Get(d.Dataset)
	data, keys := d.Document(ds)
	s, err := calc.LoadScenario(data, c)
	if err == nil {
		return s, nil
	}
	problems := map[string]string{}
	var ie *calc.InputError
	if !errors.As(err, &ie) {
		problems[""] = err.Error()
		return nil, problems
	}
	for _, p := range ie.Problems {
		key := p.Field
		if m := planField.FindStringSubmatch(key); m != nil {
			if i, _ := strconv.Atoi(m[1]); i < len(keys) {
				key = keys[i]
			}
		}
		if _, dup := problems[key]; !dup {
			problems[key] = p.Message
		}
	}
	return nil, problems
}

// isDefaultMaturity reports whether the typed curve is the model's default curve.
func isDefaultMaturity(as []AnchorDraft) bool {
	def := calc.DefaultMaturity()
	if len(as) != len(def) {
		return false
	}
	for i, a := range as {
		m, err1 := decimal.NewFromString(a.Month)
		f, err2 := decimal.NewFromString(a.Factor)
		if err1 != nil || err2 != nil || !m.Equal(def[i].Month) || !f.Equal(def[i].Factor) {
			return false
		}
	}
	return true
}
