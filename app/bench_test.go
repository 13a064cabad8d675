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

// keptStore is a store holding n scenarios, as a browser would after a long use.
func keptStore(b *testing.B, n int) MemoryStore {
	c := calc.Embedded()
	w := NewWorkspace(c)
	for i := 1; i < n; i++ {
		w.New(c, "copy")
		edit(w.Current(), c, func(f *calc.Form) { f.Audience.Size = strconv.Itoa(1000000 + i) })
	}
	store := MemoryStore{}
	if err := w.Save(store, c); err != nil {
		b.Fatal(err)
	}
	return store
}

// BenchmarkOpen500 opens a workspace of 500 kept scenarios, as the page does at load
// (only the scenario shown is computed).
func BenchmarkOpen500(b *testing.B) {
	store := keptStore(b, 500)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		LoadWorkspace(store, calc.Embedded(), "t")
	}
}

// BenchmarkOpen500ComputeAll opens the same workspace and computes every scenario, as
// the first release did at load (and as comparing them all does).
func BenchmarkOpen500ComputeAll(b *testing.B) {
	store := keptStore(b, 500)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := calc.Embedded()
		LoadWorkspace(store, c, "t").CheckAll(c)
	}
}

// BenchmarkSaveKeystroke500 is what one keystroke writes to the browser's storage with
// 500 kept scenarios: only the scenario edited is written out again.
func BenchmarkSaveKeystroke500(b *testing.B) {
	store := keptStore(b, 500)
	c := calc.Embedded()
	w := LoadWorkspace(store, c, "t")
	if err := w.Save(store, c); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edit(w.Current(), c, func(f *calc.Form) { f.SetPlanHours("facebook", 0, strconv.Itoa(6+i%4)) })
		if err := w.Save(store, c); err != nil {
			b.Fatal(err)
		}
	}
}
