package calc

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Form is a scenario as a person typed it: the scenario file's own shape with every
// number kept as its text, exactly as typed, even while it has problems. One Form is
// at once what the page edits, the file it exports, the payload of a share link and
// the entry kept in the browser; Prepare reads and checks it, once per change.
//
// An optional field is left out of the file when its text is "" (it then takes its
// default, and the results list it among the defaults); a required one is written as
// typed, so that an empty required field is reported at its own path.
type Form struct {
	Name          string
	Currency      string
	HorizonMonths string
	Audience      FormAudience
	// Dataset names a dataset of the catalog; DatasetInline carries one instead.
	Dataset       string
	DatasetInline *Dataset
	// Carried is the dataset the scenario carried before it was switched to one of
	// the catalog, kept (as a role keeps the cost fields of the way not chosen) so that
	// it can be switched back to; it is not part of the file while not in use.
	Carried *Dataset
	// Platforms holds the parameters the scenario sets, by platform id and parameter
	// name (ParamNames); a parameter left out keeps the dataset's default.
	Platforms map[string]map[string]string
	Staff     []FormRole
	Plan      []FormLine
	// ValuePer1000 is money per 1,000 people reached; "" leaves it to its default, 0.
	ValuePer1000 string
	Benefits     []FormBenefit
	// Maturity is the maturity curve; nil leaves it to DefaultMaturity.
	Maturity []FormAnchor
	// Objective is "reach" or "net"; "" leaves it to its default, reach.
	Objective Objective
	// Candidates are the platforms the recommendation may use; nil means every one.
	Candidates []string
	// Ranges holds the ranges typed for uncertain inputs. A benefit line's range is
	// kept with the line (FormBenefit.Range), so that it follows the line when lines
	// are removed; the file lists them by position under ranges.benefits.
	Ranges FormRanges
	// Simulation holds the simulation's settings as typed.
	Simulation FormSimulation
}

// FormRange is a range as typed. With both ends "" there is none; with one given, the
// other is written as typed (empty) and reported at its own path.
type FormRange struct {
	Low, High string
}

// IsZero reports whether no end of the range is typed.
func (r FormRange) IsZero() bool { return r.Low == "" && r.High == "" }

// FormRanges are the ranges of valuePer1000 and of platform parameters, as typed.
type FormRanges struct {
	ValuePer1000 FormRange
	// Platforms holds ranges by platform id and parameter name (RangeParams).
	Platforms map[string]map[string]FormRange
}

// FormSimulation is the simulation's settings as typed; "" leaves a setting to its
// default (DefaultDraws, DefaultSeed).
type FormSimulation struct {
	Draws, Seed string
}

// FormAudience is the audience as typed: its size and a weight per segment id (a
// segment left out has weight 0).
type FormAudience struct {
	Size    string
	Weights map[string]string
}

// FormRole is a staff role as typed. BySalary says which way its cost is given: an
// hourly cost, or an annual salary with on-costs, overhead and productive hours. The
// fields of the other way are kept as typed, so that switching back shows them again,
// but only the chosen way's fields are part of the scenario.
type FormRole struct {
	Role            string
	BySalary        bool
	HourlyCost      string
	AnnualSalary    string
	OnCost          string // "" means DefaultOnCost
	Overhead        string // "" means DefaultOverhead
	ProductiveHours string // "" means DefaultProductiveHours
	HoursPerWeek    string
}

// FormLine is a plan line as typed. It follows its role by position in the staff
// list, so that renaming a role keeps its lines.
type FormLine struct {
	Platform     string
	Role         string // the role's name, as read; the role at position role wins
	HoursPerWeek string
	// ref is the line's role: its position in Staff plus one, so that the zero value
	// of a FormLine made elsewhere means "the first role named Role".
	ref int
}

// FormBenefit is a benefit line as typed, with the range of its amount per month.
type FormBenefit struct {
	Name           string
	AmountPerMonth string
	Ramped         bool
	Range          FormRange
}

// FormAnchor is a point of the maturity curve as typed.
type FormAnchor struct {
	Month, Factor string
}

// Clone returns a deep copy: an edit of the copy never changes f.
func (f *Form) Clone() *Form {
	c := *f
	c.Audience.Weights = cloneStrings(f.Audience.Weights)
	if f.Platforms != nil {
		c.Platforms = make(map[string]map[string]string, len(f.Platforms))
		for id, m := range f.Platforms {
			c.Platforms[id] = cloneStrings(m)
		}
	}
	c.Staff = append([]FormRole(nil), f.Staff...)
	c.Plan = append([]FormLine(nil), f.Plan...)
	c.linkPlan()
	c.Benefits = append([]FormBenefit(nil), f.Benefits...)
	if f.Maturity != nil {
		c.Maturity = append([]FormAnchor{}, f.Maturity...)
	}
	if f.Candidates != nil {
		c.Candidates = append([]string{}, f.Candidates...)
	}
	if f.Ranges.Platforms != nil {
		c.Ranges.Platforms = make(map[string]map[string]FormRange, len(f.Ranges.Platforms))
		for id, m := range f.Ranges.Platforms {
			c.Ranges.Platforms[id] = cloneRanges(m)
		}
	}
	return &c
}

func cloneRanges(m map[string]FormRange) map[string]FormRange {
	if m == nil {
		return nil
	}
	c := make(map[string]FormRange, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func cloneStrings(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// DefaultForm returns the default scenario as a form.
func DefaultForm() *Form {
	data, _ := dataFiles.ReadFile("data/default-scenario.json")
	f, err := ReadForm(data)
	if err != nil {
		panic(fmt.Sprintf("embedded default scenario: %v", err))
	}
	return f
}

// DatasetIn returns the form's dataset: the one it carries, or the catalog's.
func (f *Form) DatasetIn(c *Catalog) *Dataset {
	if f.DatasetInline != nil {
		return f.DatasetInline
	}
	if c == nil {
		c = Embedded()
	}
	return c.Get(f.Dataset)
}

// ---- Reading and writing ----

// ReadForm reads a scenario file into a form, keeping every number's text. It checks
// the file's shape (JSON, known fields, each value of a type the form can hold: text
// or a number where a number goes), not the values: Prepare does that, so that a form
// kept with problems reads back as it was. A file that LoadScenario accepts always
// reads.
func ReadForm(data []byte) (*Form, error) {
	root, err := parseTree(data, scenarioShape)
	if err != nil {
		return nil, err
	}
	var ps problems
	f := formOf(root, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return f, nil
}

// ReadFormForLabels reads a scenario file into a form as far as its shape allows, for
// naming the fields of its problems (FieldLabel) even when a value has the wrong kind:
// what cannot be read is left out. It returns nil when the file is not JSON.
func ReadFormForLabels(data []byte) *Form {
	root, err := parseTree(data, scenarioShape)
	if err != nil {
		return nil
	}
	var ps problems
	return formOf(root, &ps)
}

// formReader reads values of a tree into text, reporting values of the wrong shape.
type formReader struct{ ps *problems }

// text reads a string, or a number's literal text.
func (r formReader) text(n *node, p string) string {
	if n.kind != 's' && n.kind != 'n' {
		r.ps.add(p, "must be text or a number, found %s", n.kindName())
	}
	return n.text
}

// object calls fn for each field of n that is one of names.
func (r formReader) object(n *node, p string, names []string, fn func(k string, v *node, p string)) {
	fields(n, p, r.ps, names, fn)
}

func (r formReader) list(n *node, p string, fn func(i int, v *node, p string)) {
	for i, it := range list(n, p, r.ps) {
		fn(i, it, index(p, i))
	}
}

// texts reads an object of texts in key order.
func (r formReader) texts(n *node, p string) map[string]string {
	m := map[string]string{}
	if n.kind != 'o' {
		r.ps.add(p, "must be an object, found %s", n.kindName())
		return m
	}
	for i, k := range n.keys {
		m[k] = r.text(n.vals[i], join(p, k))
	}
	return m
}

// rangeOf reads { "low": …, "high": … } as typed.
func (r formReader) rangeOf(n *node, p string) FormRange {
	var out FormRange
	r.object(n, p, []string{"low", "high"}, func(k string, v *node, p string) {
		if k == "low" {
			out.Low = r.text(v, p)
		} else {
			out.High = r.text(v, p)
		}
	})
	return out
}

// rangesOf reads a scenario file's ranges into f; the ranges of benefit lines, by
// position, are returned to be given to the lines once they are read.
func (r formReader) rangesOf(f *Form, n *node, p string) (benefits []FormRange) {
	r.object(n, p, []string{"valuePer1000", "platforms", "benefits"}, func(k string, v *node, p string) {
		switch k {
		case "valuePer1000":
			f.Ranges.ValuePer1000 = r.rangeOf(v, p)
		case "platforms":
			if v.kind != 'o' {
				r.ps.add(p, "must be an object of platform ids, found %s", v.kindName())
				return
			}
			for j, id := range v.keys {
				m := map[string]FormRange{}
				r.object(v.vals[j], join(p, id), RangeParams, func(k string, v *node, p string) {
					if rg := r.rangeOf(v, p); !rg.IsZero() {
						m[k] = rg
					}
				})
				if len(m) > 0 {
					if f.Ranges.Platforms == nil {
						f.Ranges.Platforms = map[string]map[string]FormRange{}
					}
					f.Ranges.Platforms[id] = m
				}
			}
		case "benefits":
			benefits = []FormRange{}
			r.list(v, p, func(_ int, it *node, p string) {
				rg := FormRange{}
				if it.kind != 'z' {
					rg = r.rangeOf(it, p)
				}
				benefits = append(benefits, rg)
			})
		}
	})
	return benefits
}

// formOf builds the form of a scenario file's tree, reporting what has the wrong shape.
func formOf(root *node, ps *problems) *Form {
	r := formReader{ps}
	f := &Form{Name: UntitledName, HorizonMonths: fmt.Sprint(DefaultHorizonMonths)}
	inline := false
	var benefitRanges []FormRange
	r.object(root, "", scenarioFields, func(k string, v *node, p string) {
		switch k {
		case "format":
			if str(v, p, ps) != FileFormat && v.kind == 's' {
				ps.add(p, "must be %q (this is not a scenario file of this tool)", FileFormat)
			}
		case "version":
			readVersion(v, p, ps)
		case "name":
			f.Name = str(v, p, ps)
		case "currency":
			f.Currency = str(v, p, ps)
		case "horizonMonths":
			f.HorizonMonths = r.text(v, p)
		case "audience":
			f.Audience.Weights = map[string]string{}
			r.object(v, p, []string{"size", "weights"}, func(k string, v *node, p string) {
				if k == "size" {
					f.Audience.Size = r.text(v, p)
				} else {
					f.Audience.Weights = r.texts(v, p)
				}
			})
		case "dataset":
			f.Dataset = str(v, p, ps)
		case "datasetInline":
			var dps problems
			d := decodeDataset(v, p, &dps)
			if len(dps.list) == 0 { // a number's stand-in is checked by its field (see number)
				checkDataset(d, p, &dps)
			}
			_ = dps.err() // reports the stand-ins no check reported
			for _, pr := range dps.list {
				ps.add(pr.Field, "%s", pr.Message)
			}
			f.DatasetInline, inline = d, true
		case "platforms":
			f.Platforms = map[string]map[string]string{}
			if v.kind != 'o' {
				ps.add(p, "must be an object of platform ids, found %s", v.kindName())
				return
			}
			for j, id := range v.keys {
				m := map[string]string{}
				r.object(v.vals[j], join(p, id), ParamNames, func(k string, v *node, p string) { m[k] = r.text(v, p) })
				f.Platforms[id] = m
			}
		case "staff":
			r.list(v, p, func(_ int, it *node, p string) {
				role := FormRole{}
				r.object(it, p, roleFields, func(k string, v *node, p string) {
					t := r.text(v, p)
					switch k {
					case "role":
						role.Role = t
					case "hourlyCost":
						role.HourlyCost = t
					case "annualSalary":
						role.AnnualSalary, role.BySalary = t, true
					case "onCost":
						role.OnCost, role.BySalary = t, true
					case "overhead":
						role.Overhead, role.BySalary = t, true
					case "productiveHours":
						role.ProductiveHours, role.BySalary = t, true
					case "hoursPerWeek":
						role.HoursPerWeek = t
					}
				})
				f.Staff = append(f.Staff, role)
			})
		case "plan":
			r.list(v, p, func(_ int, it *node, p string) {
				l := FormLine{}
				r.object(it, p, []string{"platform", "role", "hoursPerWeek"}, func(k string, v *node, p string) {
					t := r.text(v, p)
					switch k {
					case "platform":
						l.Platform = t
					case "role":
						l.Role = t
					case "hoursPerWeek":
						l.HoursPerWeek = t
					}
				})
				f.Plan = append(f.Plan, l)
			})
		case "valuePer1000":
			f.ValuePer1000 = r.text(v, p)
		case "benefits":
			r.list(v, p, func(_ int, it *node, p string) {
				b := FormBenefit{}
				r.object(it, p, []string{"name", "amountPerMonth", "ramped"}, func(k string, v *node, p string) {
					switch k {
					case "name":
						b.Name = r.text(v, p)
					case "amountPerMonth":
						b.AmountPerMonth = r.text(v, p)
					case "ramped":
						b.Ramped = boolean(v, p, ps)
					}
				})
				f.Benefits = append(f.Benefits, b)
			})
		case "maturity":
			f.Maturity = []FormAnchor{}
			r.list(v, p, func(_ int, it *node, p string) {
				a := FormAnchor{}
				r.object(it, p, []string{"month", "factor"}, func(k string, v *node, p string) {
					if k == "month" {
						a.Month = r.text(v, p)
					} else {
						a.Factor = r.text(v, p)
					}
				})
				f.Maturity = append(f.Maturity, a)
			})
		case "objective":
			f.Objective = Objective(str(v, p, ps))
		case "candidates":
			f.Candidates = stringList(v, p, ps)
			if f.Candidates == nil {
				f.Candidates = []string{}
			}
		case "ranges":
			benefitRanges = r.rangesOf(f, v, p)
		case "simulation":
			r.object(v, p, []string{"draws", "seed"}, func(k string, v *node, p string) {
				if k == "draws" {
					f.Simulation.Draws = r.text(v, p)
				} else {
					f.Simulation.Seed = r.text(v, p)
				}
			})
		}
	})
	for i, rg := range benefitRanges {
		switch {
		case i < len(f.Benefits):
			f.Benefits[i].Range = rg
		case !rg.IsZero():
			ps.add(index("ranges.benefits", i), "is a range for benefit line %d, but the scenario has %d; ranges.benefits lists ranges in the order of the benefit lines, null for a line without one", i+1, len(f.Benefits))
		}
	}
	if f.Dataset == "" && !inline {
		f.Dataset = DefaultDatasetID
	}
	f.linkPlan()
	return f
}

// linkPlan ties each plan line not yet tied to a role to the first role of its name.
func (f *Form) linkPlan() {
	for i := range f.Plan {
		if f.Plan[i].ref > 0 {
			continue
		}
		for j, r := range f.Staff {
			if r.Role == f.Plan[i].Role {
				f.Plan[i].ref = j + 1
				break
			}
		}
	}
}

// numberText is a number as typed, written as a JSON number when it is one and as a
// string otherwise, so that the reader reports it at its field exactly as typed.
type numberText string

func (n numberText) MarshalJSON() ([]byte, error) {
	if isJSONNumber(string(n)) {
		return []byte(n), nil
	}
	return json.Marshal(string(n))
}

// isJSONNumber reports whether s is a JSON number literal (RFC 8259 section 6):
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	i, n := 0, len(s)
	digits := func() int {
		start := i
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if i < n && s[i] == '-' {
		i++
	}
	switch {
	case i < n && s[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < n && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == n
}

type formFile struct {
	Format        string                    `json:"format"`
	Version       int                       `json:"version"`
	Name          string                    `json:"name"`
	Currency      string                    `json:"currency"`
	HorizonMonths numberText                `json:"horizonMonths"`
	Audience      formFileAudience          `json:"audience"`
	Dataset       string                    `json:"dataset,omitempty"`
	DatasetInline *fileDataset              `json:"datasetInline,omitempty"`
	Platforms     map[string]map[string]any `json:"platforms,omitempty"`
	Staff         []formFileRole            `json:"staff"`
	Plan          []formFileLine            `json:"plan"`
	ValuePer1000  *string                   `json:"valuePer1000,omitempty"`
	Benefits      []formFileBenefit         `json:"benefits,omitempty"`
	Maturity      *[]formFileAnchor         `json:"maturity,omitempty"`
	Objective     Objective                 `json:"objective,omitempty"`
	Candidates    []string                  `json:"candidates,omitempty"`
	Ranges        *formFileRanges           `json:"ranges,omitempty"`
	Simulation    *formFileSimulation       `json:"simulation,omitempty"`
}

type formFileRanges struct {
	ValuePer1000 *formFileRange                       `json:"valuePer1000,omitempty"`
	Platforms    map[string]map[string]*formFileRange `json:"platforms,omitempty"`
	Benefits     []*formFileRange                     `json:"benefits,omitempty"`
}

// formFileRange is a range as typed: money as strings, other numbers as numberText.
type formFileRange struct {
	Low  any `json:"low"`
	High any `json:"high"`
}

func toFormFileRange(r FormRange, money bool) *formFileRange {
	if r.IsZero() {
		return nil
	}
	if money {
		return &formFileRange{Low: r.Low, High: r.High}
	}
	return &formFileRange{Low: numberText(r.Low), High: numberText(r.High)}
}

type formFileSimulation struct {
	Draws *numberText `json:"draws,omitempty"`
	Seed  *numberText `json:"seed,omitempty"`
}

type formFileAudience struct {
	Size    numberText            `json:"size"`
	Weights map[string]numberText `json:"weights"`
}

type formFileRole struct {
	Role            string      `json:"role"`
	HourlyCost      *string     `json:"hourlyCost,omitempty"`
	AnnualSalary    *string     `json:"annualSalary,omitempty"`
	OnCost          *numberText `json:"onCost,omitempty"`
	Overhead        *numberText `json:"overhead,omitempty"`
	ProductiveHours *numberText `json:"productiveHours,omitempty"`
	HoursPerWeek    numberText  `json:"hoursPerWeek"`
}

type formFileLine struct {
	Platform     string     `json:"platform"`
	Role         string     `json:"role"`
	HoursPerWeek numberText `json:"hoursPerWeek"`
}

type formFileBenefit struct {
	Name           string `json:"name"`
	AmountPerMonth string `json:"amountPerMonth"`
	Ramped         bool   `json:"ramped"`
}

type formFileAnchor struct {
	Month  numberText `json:"month"`
	Factor numberText `json:"factor"`
}

// moneyParams are the parameters that are money: written as strings, as in files.
var moneyParams = map[string]bool{"toolCost": true, "adCost": true}

func optText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optNumberText(s string) *numberText {
	if s == "" {
		return nil
	}
	n := numberText(s)
	return &n
}

// File writes the form as a scenario file (indented JSON, UTF-8, ending in a newline):
// money as strings, other numbers as JSON numbers where the text is one, optional
// fields left out where they are empty. ReadForm gives the form back.
func (f *Form) File() []byte {
	ff := formFile{Format: FileFormat, Version: FileVersion, Name: f.Name, Currency: f.Currency,
		HorizonMonths: numberText(f.HorizonMonths), Dataset: f.Dataset, ValuePer1000: optText(f.ValuePer1000),
		Objective: f.Objective, Candidates: f.Candidates,
		Audience: formFileAudience{Size: numberText(f.Audience.Size), Weights: map[string]numberText{}},
		Staff:    []formFileRole{}, Plan: []formFileLine{}}
	if f.Candidates != nil && len(f.Candidates) == 0 {
		// An explicit empty list means every platform, as an absent one does.
		ff.Candidates = nil
	}
	for k, w := range f.Audience.Weights {
		ff.Audience.Weights[k] = numberText(w)
	}
	if f.DatasetInline != nil {
		ff.DatasetInline, ff.Dataset = toFileDataset(f.DatasetInline), ""
	}
	for id, m := range f.Platforms {
		o := map[string]any{}
		for name, v := range m {
			switch {
			case v == "":
			case moneyParams[name]:
				o[name] = v
			default:
				o[name] = numberText(v)
			}
		}
		if len(o) > 0 {
			if ff.Platforms == nil {
				ff.Platforms = map[string]map[string]any{}
			}
			ff.Platforms[id] = o
		}
	}
	for _, r := range f.Staff {
		fr := formFileRole{Role: r.Role, HoursPerWeek: numberText(r.HoursPerWeek)}
		if r.BySalary {
			s := r.AnnualSalary
			fr.AnnualSalary = &s
			fr.OnCost, fr.Overhead, fr.ProductiveHours = optNumberText(r.OnCost), optNumberText(r.Overhead), optNumberText(r.ProductiveHours)
		} else {
			h := r.HourlyCost
			fr.HourlyCost = &h
		}
		ff.Staff = append(ff.Staff, fr)
	}
	f.linkPlan()
	for _, l := range f.Plan {
		name := l.Role
		if l.ref > 0 && l.ref <= len(f.Staff) {
			name = f.Staff[l.ref-1].Role
		}
		ff.Plan = append(ff.Plan, formFileLine{Platform: l.Platform, Role: name, HoursPerWeek: numberText(l.HoursPerWeek)})
	}
	for _, b := range f.Benefits {
		ff.Benefits = append(ff.Benefits, formFileBenefit{Name: b.Name, AmountPerMonth: b.AmountPerMonth, Ramped: b.Ramped})
	}
	ranges := &formFileRanges{ValuePer1000: toFormFileRange(f.Ranges.ValuePer1000, true)}
	for id, m := range f.Ranges.Platforms {
		for name, rg := range m {
			if rg.IsZero() {
				continue
			}
			if ranges.Platforms == nil {
				ranges.Platforms = map[string]map[string]*formFileRange{}
			}
			if ranges.Platforms[id] == nil {
				ranges.Platforms[id] = map[string]*formFileRange{}
			}
			ranges.Platforms[id][name] = toFormFileRange(rg, false)
		}
	}
	for i, b := range f.Benefits {
		if !b.Range.IsZero() {
			for len(ranges.Benefits) < i {
				ranges.Benefits = append(ranges.Benefits, nil)
			}
			ranges.Benefits = append(ranges.Benefits, toFormFileRange(b.Range, true))
		}
	}
	if ranges.ValuePer1000 != nil || ranges.Platforms != nil || ranges.Benefits != nil {
		ff.Ranges = ranges
	}
	if sim := f.Simulation; sim.Draws != "" || sim.Seed != "" {
		ff.Simulation = &formFileSimulation{Draws: optNumberText(sim.Draws), Seed: optNumberText(sim.Seed)}
	}
	if f.Maturity != nil {
		as := []formFileAnchor{}
		for _, a := range f.Maturity {
			as = append(as, formFileAnchor{Month: numberText(a.Month), Factor: numberText(a.Factor)})
		}
		ff.Maturity = &as
	}
	data, err := marshalIndent(ff)
	if err != nil {
		// Every field is a string, a bool or a valid JSON literal: this cannot fail.
		panic(err)
	}
	return data
}

// ---- Checking and computing ----

// Prepared is a form that was read and checked: a scenario that can be computed and
// recommended. Only Prepare makes one, so nothing unchecked is ever computed.
type Prepared struct {
	Scenario *Scenario
	m        *model
}

// Prepare reads and checks the form against the catalog (nil: the embedded datasets).
// It returns every problem at once as an *InputError whose fields are the form's own
// paths (those of the scenario file, such as "staff[0].hourlyCost" or
// "plan[2].hoursPerWeek").
func (f *Form) Prepare(c *Catalog) (*Prepared, error) {
	return prepareTree(f.tree(), c)
}

func prepareTree(root *node, c *Catalog) (*Prepared, error) {
	var ps problems
	s := decodeScenario(root, &ps)
	m, err := resolveWith(s, c, &ps)
	if err != nil {
		return nil, err
	}
	return &Prepared{Scenario: s, m: m}, nil
}

// Compute computes the results of the prepared scenario.
func (p *Prepared) Compute() *Result { return p.m.compute() }

// Recommend finds the recommended allocation of the prepared scenario.
func (p *Prepared) Recommend() *Recommendation { return p.m.recommend(RecommendStepBudget) }

// ---- Edits that change the form's shape ----

// AddRole appends a role.
func (f *Form) AddRole(r FormRole) { f.Staff = append(f.Staff, r) }

// RemoveRole deletes the role at position i and its plan lines; other lines keep
// their roles. It returns what was taken out, for Restore (nil when there is no role i).
func (f *Form) RemoveRole(i int) *Removed {
	if i < 0 || i >= len(f.Staff) {
		return nil
	}
	r := &Removed{Kind: RemovedRole, Index: i, role: f.Staff[i]}
	f.Staff = append(f.Staff[:i:i], f.Staff[i+1:]...)
	f.linkPlan()
	plan := f.Plan[:0:0]
	for at, l := range f.Plan {
		switch {
		case l.ref == i+1:
			r.lines = append(r.lines, placedLine{at, l})
			continue
		case l.ref > i+1:
			l.ref--
		}
		plan = append(plan, l)
	}
	f.Plan = plan
	return r
}

// What can be taken out of a form's lists and put back (Removed.Kind).
const (
	RemovedRole     = "role"
	RemovedBenefit  = "benefit"
	RemovedPoint    = "point"     // a point of the maturity curve
	RemovedCurve    = "curve"     // the whole curve of one's own, for the default one
	RemovedPlanLine = "plan line" // a line the plan's grid cannot show
)

// Removed is what an edit took out of one of the form's lists, with all that went with
// it (a role's plan lines, with their places in the plan), so that Restore puts it back
// as it was: same values as typed, same position.
type Removed struct {
	Kind  string
	Index int // the line's position in its list
	role  FormRole
	lines []placedLine // a role's plan lines, in plan order
	// benefit, anchor and line are the benefit, the point and the plan line removed.
	benefit FormBenefit
	anchor  FormAnchor
	line    FormLine
	// curve is the maturity curve before the edit; nil when it was the default one.
	curve []FormAnchor
}

// placedLine is a plan line with its position in the plan.
type placedLine struct {
	at   int
	line FormLine
}

// Role is the role removed (RemovedRole).
func (r *Removed) Role() FormRole { return r.role }

// Lines are the plan lines removed with a role, in plan order.
func (r *Removed) Lines() []FormLine {
	out := make([]FormLine, len(r.lines))
	for i, l := range r.lines {
		out[i] = l.line
	}
	return out
}

// Benefit is the benefit line removed (RemovedBenefit).
func (r *Removed) Benefit() FormBenefit { return r.benefit }

// Anchor is the point of the maturity curve removed (RemovedPoint).
func (r *Removed) Anchor() FormAnchor { return r.anchor }

// Line is the plan line removed (RemovedPlanLine).
func (r *Removed) Line() FormLine { return r.line }

// Curve is the maturity curve replaced by the default one (RemovedCurve).
func (r *Removed) Curve() []FormAnchor { return append([]FormAnchor(nil), r.curve...) }

// RemoveBenefit deletes benefit line i, with its range.
func (f *Form) RemoveBenefit(i int) *Removed {
	if i < 0 || i >= len(f.Benefits) {
		return nil
	}
	r := &Removed{Kind: RemovedBenefit, Index: i, benefit: f.Benefits[i]}
	f.Benefits = append(f.Benefits[:i:i], f.Benefits[i+1:]...)
	return r
}

// RemovePoint deletes point i of the maturity curve; the default curve (nil) becomes
// the curve of its other points.
func (f *Form) RemovePoint(i int) *Removed {
	curve := f.Maturity
	if curve == nil {
		curve = DefaultFormMaturity()
	}
	if i < 0 || i >= len(curve) {
		return nil
	}
	r := &Removed{Kind: RemovedPoint, Index: i, anchor: curve[i], curve: cloneAnchors(f.Maturity)}
	f.Maturity = append(curve[:i:i], curve[i+1:]...)
	return r
}

// DefaultCurve puts the default maturity curve in place of the form's own.
func (f *Form) DefaultCurve() *Removed {
	if f.Maturity == nil {
		return nil
	}
	r := &Removed{Kind: RemovedCurve, curve: cloneAnchors(f.Maturity)}
	f.Maturity = nil
	return r
}

// RemovePlanLine deletes line i of the plan.
func (f *Form) RemovePlanLine(i int) *Removed {
	if i < 0 || i >= len(f.Plan) {
		return nil
	}
	f.linkPlan()
	r := &Removed{Kind: RemovedPlanLine, Index: i, line: f.Plan[i]}
	f.Plan = append(f.Plan[:i:i], f.Plan[i+1:]...)
	return r
}

func cloneAnchors(as []FormAnchor) []FormAnchor {
	if as == nil {
		return nil
	}
	return append([]FormAnchor{}, as...)
}

// CanRestore reports whether r can be put back into f: a curve replaced by the default
// one only while the default one is in place (a point of it typed since would be lost).
func (f *Form) CanRestore(r *Removed) bool {
	return r != nil && (r.Kind != RemovedCurve || f.Maturity == nil)
}

// Restore puts back what an edit removed, at its position (or at the end of a list
// that has become shorter since), with all that went with it. Values typed elsewhere
// since the removal stay; with no edit between, the form is again exactly as it was
// (its File is the same).
func (f *Form) Restore(r *Removed) {
	if !f.CanRestore(r) {
		return
	}
	at := func(n int) int { return max(0, min(r.Index, n)) }
	switch r.Kind {
	case RemovedRole:
		i := at(len(f.Staff))
		f.linkPlan()
		f.Staff = slices.Insert(slices.Clip(f.Staff), i, r.role)
		plan := make([]FormLine, 0, len(f.Plan)+len(r.lines))
		for _, l := range f.Plan {
			if l.ref > i { // a role after the one put back
				l.ref++
			}
			plan = append(plan, l)
		}
		for _, pl := range r.lines { // in plan order: each goes back to its place
			l := pl.line
			l.ref = i + 1
			plan = slices.Insert(plan, max(0, min(pl.at, len(plan))), l)
		}
		f.Plan = plan
	case RemovedBenefit:
		f.Benefits = slices.Insert(slices.Clip(f.Benefits), at(len(f.Benefits)), r.benefit)
	case RemovedPoint:
		curve := f.Maturity
		if curve == nil {
			curve = DefaultFormMaturity()
		}
		curve = slices.Insert(slices.Clip(curve), at(len(curve)), r.anchor)
		if r.curve == nil && slices.Equal(curve, DefaultFormMaturity()) {
			curve = nil // the default curve, as it was
		}
		f.Maturity = curve
	case RemovedCurve:
		f.Maturity = cloneAnchors(r.curve)
	case RemovedPlanLine:
		f.linkPlan()
		f.Plan = slices.Insert(slices.Clip(f.Plan), at(len(f.Plan)), r.line)
	}
}

// PlanLine returns the position in Plan of the first line of platform and the role at
// position role, or -1.
func (f *Form) PlanLine(platform string, role int) int {
	f.linkPlan()
	for i, l := range f.Plan {
		if l.Platform == platform && l.ref == role+1 {
			return i
		}
	}
	return -1
}

// SetPlanHours sets the weekly hours of the role at position role on platform, as
// typed. Empty text removes the line; further lines of the same platform and role
// are merged into the first.
func (f *Form) SetPlanHours(platform string, role int, text string) {
	text = strings.TrimSpace(text)
	first := f.PlanLine(platform, role)
	plan := f.Plan[:0:0]
	for i, l := range f.Plan {
		if l.Platform == platform && l.ref == role+1 {
			if i != first || text == "" {
				continue
			}
			l.HoursPerWeek = text
		}
		plan = append(plan, l)
	}
	if first < 0 && text != "" && role >= 0 && role < len(f.Staff) {
		plan = append(plan, FormLine{Platform: platform, Role: f.Staff[role].Role, HoursPerWeek: text, ref: role + 1})
	}
	f.Plan = plan
}

// SetPlan replaces the plan by lines naming roles of the staff.
func (f *Form) SetPlan(lines []PlanLine) {
	f.Plan = nil
	for _, l := range lines {
		f.Plan = append(f.Plan, FormLine{Platform: l.Platform, Role: l.Role, HoursPerWeek: l.HoursPerWeek.String()})
	}
	f.linkPlan()
}

// SetParam sets a platform parameter as typed; empty text goes back to the default.
func (f *Form) SetParam(platform, name, text string) {
	text = strings.TrimSpace(text)
	if f.Platforms == nil {
		f.Platforms = map[string]map[string]string{}
	}
	m := cloneStrings(f.Platforms[platform])
	if m == nil {
		m = map[string]string{}
	}
	if text == "" {
		delete(m, name)
	} else {
		m[name] = text
	}
	if len(m) == 0 {
		delete(f.Platforms, platform)
	} else {
		f.Platforms[platform] = m
	}
}

// SetCandidate puts a platform of ds into the recommendation's candidates or takes it
// out. The list stays in dataset order.
func (f *Form) SetCandidate(ds *Dataset, id string, on bool) {
	in := map[string]bool{}
	if f.Candidates == nil {
		for _, p := range ds.Platforms {
			in[p.ID] = true
		}
	} else {
		for _, c := range f.Candidates {
			in[c] = true
		}
	}
	in[id] = on
	out := []string{}
	for _, p := range ds.Platforms {
		if in[p.ID] {
			out = append(out, p.ID)
		}
	}
	f.Candidates = out
}

// IsCandidate reports whether platform id may be used by the recommendation.
func (f *Form) IsCandidate(id string) bool {
	if len(f.Candidates) == 0 {
		return true
	}
	for _, c := range f.Candidates {
		if c == id {
			return true
		}
	}
	return false
}

// SwitchDataset moves the form to dataset to (id is what the form names it by; ""
// with an inline dataset; a dataset the form carried is then kept as Carried), keeping what still applies: plan lines and parameters of
// the platforms both datasets have, weights of the segments both have, candidates
// that exist in both. When no weight is left, the weights become general. It returns
// what could not be kept, one sentence each, for the person to read.
// Platforms and segments are named as from, the dataset switched from, names them
// (nil: the form's own inline or built-in dataset), else by their ids.
func (f *Form) SwitchDataset(from, to *Dataset, id string, general map[string]string) []string {
	var lost []string
	var planLost, paramLost, weightLost []string
	if from == nil {
		from = f.DatasetIn(nil)
	}
	platformName := func(pid string) string {
		if from != nil {
			if p := from.Platform(pid); p != nil && p.Name != "" {
				return p.Name
			}
		}
		return pid
	}
	segmentName := func(seg string) string {
		if from != nil {
			if s := from.Segment(seg); s != nil && s.Label != "" {
				return s.Label
			}
		}
		return seg
	}
	for _, l := range f.Plan {
		if to.Platform(l.Platform) == nil {
			planLost = appendOnce(planLost, platformName(l.Platform))
		}
	}
	plan := f.Plan[:0:0]
	for _, l := range f.Plan {
		if to.Platform(l.Platform) != nil {
			plan = append(plan, l)
		}
	}
	f.Plan = plan
	for _, pid := range sortedKeys(f.Platforms) {
		if to.Platform(pid) == nil {
			paramLost = append(paramLost, platformName(pid))
			delete(f.Platforms, pid)
		}
	}
	if f.Ranges.Platforms != nil {
		kept := map[string]map[string]FormRange{}
		for _, pid := range sortedKeys(f.Ranges.Platforms) {
			if to.Platform(pid) == nil {
				paramLost = appendOnce(paramLost, platformName(pid))
				continue
			}
			kept[pid] = f.Ranges.Platforms[pid]
		}
		f.Ranges.Platforms = kept // a new map: a clone's original keeps its own
	}
	weights := map[string]string{}
	for _, seg := range sortedKeys(f.Audience.Weights) {
		if to.Segment(seg) == nil {
			weightLost = append(weightLost, segmentName(seg))
			continue
		}
		weights[seg] = f.Audience.Weights[seg]
	}
	if !anyPositive(weights) {
		weights = cloneStrings(general)
		if len(weightLost) > 0 {
			lost = append(lost, fmt.Sprintf("The audience weights (segments %s) are not segments of the new dataset; the weights were set to its general public.", strings.Join(weightLost, ", ")))
		}
	} else if len(weightLost) > 0 {
		lost = append(lost, fmt.Sprintf("Weights of segments the new dataset does not have: %s.", strings.Join(weightLost, ", ")))
	}
	f.Audience.Weights = weights
	var candLost []string
	if f.Candidates != nil {
		kept := []string{}
		for _, c := range f.Candidates {
			if to.Platform(c) != nil {
				kept = append(kept, c)
			} else {
				candLost = appendOnce(candLost, platformName(c))
			}
		}
		if len(kept) == 0 {
			kept = nil
		}
		f.Candidates = kept
	}
	if len(planLost) > 0 {
		lost = append(lost, "Plan hours on platforms the new dataset does not have: "+strings.Join(planLost, ", ")+".")
	}
	if len(paramLost) > 0 {
		lost = append(lost, "Your parameters or ranges for platforms the new dataset does not have: "+strings.Join(paramLost, ", ")+".")
	}
	if len(candLost) > 0 {
		msg := "Platforms considered for the recommendation that the new dataset does not have: " + strings.Join(candLost, ", ") + "."
		if f.Candidates == nil {
			msg += " None of them is left, so every platform of the new dataset is considered."
		}
		lost = append(lost, msg)
	}
	if id == "" {
		f.Dataset, f.DatasetInline, f.Carried = "", to, nil
	} else {
		if f.DatasetInline != nil {
			f.Carried = f.DatasetInline
		}
		f.Dataset, f.DatasetInline = id, nil
	}
	return lost
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func anyPositive(weights map[string]string) bool {
	for _, w := range weights {
		if d, err := decimal.NewFromString(strings.TrimSpace(w)); err == nil && d.IsPositive() {
			return true
		}
	}
	return false
}

// ForSharing returns the form as it travels in a file or a link: with its dataset
// inline when the catalog's dataset it names is not embedded (an imported one), so
// that whoever opens it has the figures.
func (f *Form) ForSharing(c *Catalog) *Form {
	if f.DatasetInline != nil || IsEmbedded(f.Dataset) || c == nil {
		return f
	}
	ds := c.Get(f.Dataset)
	if ds == nil {
		return f
	}
	out := f.Clone()
	out.Dataset, out.DatasetInline = "", ds
	return out
}
