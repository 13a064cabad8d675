package app

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// draftV1 is a scenario as the first release kept it in the browser (workspace format
// version 1): the page's own copy of the form, field by field. It is read only to
// migrate it to a calc.Form.
type draftV1 struct {
	Name, Currency, Horizon, Dataset, Size string
	Weights                                map[string]string
	Params                                 map[string]map[string]string
	Staff                                  []struct {
		Name, HourlyCost, AnnualSalary, OnCost, Overhead, ProductiveHours, HoursPerWeek string
		BySalary                                                                        bool
	}
	Hours        map[string][]string // platform id → hours per role (staff order)
	ValuePer1000 string
	Benefits     []struct {
		Name, AmountPerMonth string
		Ramped               bool
	}
	Maturity  []struct{ Month, Factor string }
	Objective string
	Excluded  map[string]bool
}

// migrateDraft turns a version 1 draft into a form, keeping every typed value; c is
// the catalog with the workspace's imported datasets already added. The
// first release wrote the objective and the maturity curve only where they differed
// from the defaults, so "reach" and the default curve become defaults again.
func migrateDraft(raw json.RawMessage, c *calc.Catalog) (*calc.Form, error) {
	var d draftV1
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, err
	}
	if d.Weights == nil || d.Dataset == "" {
		return nil, errors.New("not a kept scenario")
	}
	f := &calc.Form{Name: d.Name, Currency: d.Currency, HorizonMonths: d.Horizon, Dataset: d.Dataset,
		Audience:     calc.FormAudience{Size: d.Size, Weights: map[string]string{}},
		ValuePer1000: d.ValuePer1000}
	for k, v := range d.Weights {
		if v != "" {
			f.Audience.Weights[k] = v
		}
	}
	for id, m := range d.Params {
		for name, v := range m {
			f.SetParam(id, name, v)
		}
	}
	for _, r := range d.Staff {
		f.AddRole(calc.FormRole{Role: r.Name, BySalary: r.BySalary, HourlyCost: r.HourlyCost, AnnualSalary: r.AnnualSalary,
			OnCost: r.OnCost, Overhead: r.Overhead, ProductiveHours: r.ProductiveHours, HoursPerWeek: r.HoursPerWeek})
	}
	ds := c.Get(d.Dataset)
	ids := make([]string, 0, len(d.Hours))
	for id := range d.Hours {
		ids = append(ids, id)
	}
	// Dataset order where the dataset is known (the order the first release wrote
	// plan lines in), else by id.
	sort.SliceStable(ids, func(a, b int) bool {
		return order(ds, ids[a]) < order(ds, ids[b]) || order(ds, ids[a]) == order(ds, ids[b]) && ids[a] < ids[b]
	})
	for _, id := range ids {
		for i, h := range d.Hours[id] {
			if i < len(f.Staff) && !isZeroText(h) {
				f.SetPlanHours(id, i, h)
			}
		}
	}
	for _, b := range d.Benefits {
		f.Benefits = append(f.Benefits, calc.FormBenefit{Name: b.Name, AmountPerMonth: b.AmountPerMonth, Ramped: b.Ramped})
	}
	curve := []calc.FormAnchor{}
	for _, a := range d.Maturity {
		curve = append(curve, calc.FormAnchor{Month: a.Month, Factor: a.Factor})
	}
	if !isDefaultCurve(curve) {
		f.Maturity = curve
	}
	if d.Objective != "" && d.Objective != string(calc.ObjectiveReach) {
		f.Objective = calc.Objective(d.Objective)
	}
	if len(d.Excluded) > 0 && ds != nil {
		for _, p := range ds.Platforms {
			if !d.Excluded[p.ID] {
				f.Candidates = append(f.Candidates, p.ID)
			}
		}
		if f.Candidates == nil {
			f.Candidates = []string{""} // every platform excluded: the first release wrote this, an error to fix
		}
	}
	return f, nil
}

func order(ds *calc.Dataset, id string) int {
	if ds != nil {
		for i, p := range ds.Platforms {
			if p.ID == id {
				return i
			}
		}
	}
	return 1 << 30
}

// isZeroText reports whether a plan cell is empty or zero: such a cell is not a plan line.
func isZeroText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	d, err := decimal.NewFromString(s)
	return err == nil && d.IsZero()
}

// isDefaultCurve reports whether the typed curve is the model's default curve.
func isDefaultCurve(as []calc.FormAnchor) bool {
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
