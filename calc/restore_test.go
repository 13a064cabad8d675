package calc_test

import (
	"bytes"
	"testing"

	"platformroi/calc"
)

// restoreForm is a form with three roles whose plan lines are interleaved, one of them
// given by salary with its hourly cost kept aside, two benefits with ranges, a curve of
// its own and a plan line the grid cannot show.
func restoreForm(t *testing.T) *calc.Form {
	t.Helper()
	f, err := calc.ReadForm([]byte(`{"format":"platform-roi-scenario","version":1,"name":"R","currency":"EUR","horizonMonths":12,
	"audience":{"size":1000,"weights":{"18-29":1}},"dataset":"pew-us-2023",
	"staff":[{"role":"A","hourlyCost":"40.50","hoursPerWeek":10},{"role":"B","annualSalary":"52000","onCost":"0.3","hoursPerWeek":"7.5"},{"role":"C","hourlyCost":"30","hoursPerWeek":5}],
	"plan":[{"platform":"facebook","role":"B","hoursPerWeek":2},{"platform":"x","role":"A","hoursPerWeek":1},{"platform":"youtube","role":"B","hoursPerWeek":"3.50"},{"platform":"myspace","role":"C","hoursPerWeek":1},{"platform":"website","role":"C","hoursPerWeek":1}],
	"benefits":[{"name":"Calls","amountPerMonth":"300","ramped":true},{"name":"Travel","amountPerMonth":"150.50","ramped":false}],
	"maturity":[{"month":0,"factor":0.1},{"month":3,"factor":"0.50"},{"month":12,"factor":1}],
	"ranges":{"benefits":[null,{"low":"100","high":"200"}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	f.Staff[1].HourlyCost = "44" // typed for the other way
	return f
}

// What is removed from a list of the form and put back leaves the form as it was: its
// file, and what no file shows (the other way's cost fields, the plan lines' roles).
func TestFormRestore(t *testing.T) {
	cases := []struct {
		name   string
		form   func(*testing.T) *calc.Form
		remove func(*calc.Form) *calc.Removed
	}{
		{"first role", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemoveRole(0) }},
		{"middle role with interleaved lines", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemoveRole(1) }},
		{"last role", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemoveRole(2) }},
		{"first benefit", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemoveBenefit(0) }},
		{"benefit with a range", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemoveBenefit(1) }},
		{"point of one's own curve", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemovePoint(1) }},
		{"point of the default curve", func(*testing.T) *calc.Form { return calc.DefaultForm() }, func(f *calc.Form) *calc.Removed { return f.RemovePoint(2) }},
		{"one's own curve", restoreForm, func(f *calc.Form) *calc.Removed { return f.DefaultCurve() }},
		{"plan line", restoreForm, func(f *calc.Form) *calc.Removed { return f.RemovePlanLine(3) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			orig := c.form(t)
			f := orig.Clone()
			r := c.remove(f)
			if r == nil {
				t.Fatal("nothing removed")
			}
			if bytes.Equal(f.File(), orig.File()) {
				t.Fatal("the removal changed nothing")
			}
			g := f.Clone()
			g.Restore(r)
			if got, want := string(g.File()), string(orig.File()); got != want {
				t.Fatalf("restored:\n%s\nwant:\n%s", got, want)
			}
			for i := range orig.Staff {
				if g.Staff[i] != orig.Staff[i] {
					t.Errorf("role %d restored as %+v, want %+v", i, g.Staff[i], orig.Staff[i])
				}
			}
			for i, l := range orig.Plan {
				if g.Plan[i].RoleIndex() != l.RoleIndex() {
					t.Errorf("plan line %d belongs to role %d, want %d", i, g.Plan[i].RoleIndex(), l.RoleIndex())
				}
			}
			if bytes.Equal(f.File(), orig.File()) {
				t.Error("restoring a copy changed the form it was copied from")
			}
		})
	}
}

// A role put back after other fields were typed keeps what was typed, and the roles
// after it keep their plan lines.
func TestFormRestoreAfterTyping(t *testing.T) {
	f := restoreForm(t)
	r := f.RemoveRole(0)
	// Now B is role 0 and C role 1.
	f.SetPlanHours("instagram", 1, "2")
	f.Staff[0].HoursPerWeek = "8"
	f.Restore(r)
	if f.Staff[0].Role != "A" || f.Staff[1].HoursPerWeek != "8" {
		t.Fatalf("staff after restore: %+v", f.Staff)
	}
	if i := f.PlanLine("instagram", 2); i < 0 || f.Plan[i].HoursPerWeek != "2" {
		t.Errorf("the line typed for C after the removal is not C's: %+v", f.Plan)
	}
	if i := f.PlanLine("x", 0); i < 0 || f.Plan[i].HoursPerWeek != "1" {
		t.Errorf("A's line is not back: %+v", f.Plan)
	}
	// A default curve typed into since it replaced one's own is not overwritten.
	g := restoreForm(t)
	rc := g.DefaultCurve()
	g.Set("maturity[1].factor", "0.7")
	if g.CanRestore(rc) {
		t.Error("the curve can be put back over a point typed since")
	}
}
