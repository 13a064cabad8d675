package app

import (
	"strconv"
	"testing"

	"platformroi/app/report"
	"platformroi/calc"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkEditPlan is one plan edit: read the draft, compute, build the charts (the
// recommendation is reused, its inputs being unchanged).
func BenchmarkEditPlan(b *testing.B) {
	c := calc.Embedded()
	st := NewState(c, calc.DefaultForm())
	for i := 0; i < b.N; i++ {
		edit(st, c, func(f *calc.Form) { f.SetPlanHours("facebook", 0, strconv.Itoa(6+i%4)) })
	}
}

// BenchmarkEditAudience is one audience edit: the recommendation is recomputed too.
func BenchmarkEditAudience(b *testing.B) {
	c := calc.Embedded()
	st := NewState(c, calc.DefaultForm())
	for i := 0; i < b.N; i++ {
		edit(st, c, func(f *calc.Form) { f.Audience.Size = strconv.Itoa(1500000 + i) })
	}
}

// BenchmarkCharts builds the four charts' options.
func BenchmarkCharts(b *testing.B) {
	c := calc.Embedded()
	st := NewState(c, calc.DefaultForm())
	for i := 0; i < b.N; i++ {
		report.Charts(st.Result, st.Rec, "23 November 2026")
	}
}

// BenchmarkRender renders the whole page once (the virtual tree go-app then diffs).
func BenchmarkRender(b *testing.B) {
	p := &Page{}
	p.OnInit()
	for i := 0; i < b.N; i++ {
		p.Render()
	}
}

// edit is what the page's editor does on a change: a copy of the form, changed, checked
// and computed.
func edit(st *State, c *calc.Catalog, change func(f *calc.Form)) {
	f := st.Form.Clone()
	change(f)
	st.Form = f
	st.Recompute(c)
}

// BenchmarkPageEditPlan is one plan edit through go-app, as in the browser: the
// editor's change, the sections that changed rendered again and diffed (no DOM).
func BenchmarkPageEditPlan(b *testing.B) {
	p := &Page{}
	d := app.NewServerTester(p)
	defer d.Close()
	d.Consume()
	for i := 0; i < b.N; i++ {
		p.ed.Set(calc.PlanCell("facebook", 0), strconv.Itoa(6+i%4))
		d.Consume()
	}
}
