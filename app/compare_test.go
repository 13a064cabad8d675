package app

import (
	"html"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/app/report"
	"platformroi/calc"
)

func TestCompareMarksDifferences(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) { f.SetPlanHours("tiktok", 0, "4") })
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) { f.Currency = "USD" })
	w.Select(w.Entries[0].ID)
	cmp := Compare(w)
	if len(cmp.Rows) != 2 || len(cmp.Left) != 1 || !strings.Contains(cmp.Left[0], "USD") {
		t.Fatalf("rows %d, left %v; want 2 compared and the USD scenario left out", len(cmp.Rows), cmp.Left)
	}
	base, other := w.Entries[0].State.Result, w.Entries[1].State.Result
	text, diff := cmp.Cell(report.KeyFigures[0], cmp.Rows[1])
	if text != calc.MoneyText(other.Totals.Cost, "EUR") {
		t.Errorf("cost cell %q", text)
	}
	if want := "+" + calc.MoneyText(other.Totals.Cost.Sub(base.Totals.Cost), "EUR"); diff != want {
		t.Errorf("difference %q, want %q", diff, want)
	}
	if _, d := cmp.Cell(report.KeyFigures[0], cmp.Rows[0]); d != "" {
		t.Errorf("the current scenario shows a difference to itself: %q", d)
	}
	if _, d := cmp.Cell(report.KeyFigures[5], cmp.Rows[1]); d != "" {
		t.Errorf("break-even n/a in both shows a difference %q", d)
	}
	if len(cmp.Charts) != 2 || len(cmp.Charts[1].Table.Rows) != 12 || len(cmp.Charts[1].Table.Head) != 3 {
		t.Errorf("comparison charts: %d, net table %d rows × %d columns", len(cmp.Charts), len(cmp.Charts[1].Table.Rows), len(cmp.Charts[1].Table.Head))
	}
}

// The break-even row says what the headline says: "not within the horizon" for a plan
// that costs and does not pay back (the headline, the briefing and the command line
// say so), "n/a (no cost)" for one that costs nothing; never a bare "n/a" for both.
func TestCompareBreakEvenInWords(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) {
		for _, id := range []string{"facebook", "instagram", "x", "website"} {
			f.SetPlanHours(id, 0, "0")
		}
		f.Name = "No plan"
	})
	w.Select(w.Entries[0].ID)
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) {
		f.ValuePer1000, f.Name = "5000", "Pays back"
		f.Ranges.ValuePer1000 = calc.FormRange{}
	})
	w.Select(w.Entries[0].ID)
	cmp := Compare(w)
	if len(cmp.Rows) != 3 {
		t.Fatalf("%d rows compared, want 3", len(cmp.Rows))
	}
	var be report.KeyFigure
	for _, kf := range report.KeyFigures {
		if kf.Label == "Break-even month" {
			be = kf
		}
	}
	byName := map[string]int{}
	for i, r := range cmp.Rows {
		byName[r.Name] = i
	}
	for k, want := range []string{"not within the horizon", "n/a (no cost)", ""} {
		i := byName[[]string{w.Entries[0].State.Form.Name, "No plan", "Pays back"}[k]]
		r := cmp.Rows[i].Result
		if k == 2 {
			if r.Totals.BreakEvenMonth == 0 {
				t.Fatalf("the third scenario does not break even")
			}
			want = "month " + itoa(r.Totals.BreakEvenMonth)
		}
		if got := calc.BreakEvenText(r); got != want {
			t.Fatalf("%s: the headline says %q, want %q", cmp.Rows[i].Name, got, want)
		}
		if text, _ := cmp.Cell(be, cmp.Rows[i]); text != want {
			t.Errorf("%s: the comparison's break-even cell is %q, the headline's %q", cmp.Rows[i].Name, text, want)
		}
	}
}

// With one other scenario kept, in another currency, there is nothing to compare: the
// section says so and names it, without a table or charts of the one scenario (the
// briefing printed "1 scenarios compared with …", "… loses least", instead of the
// scenario's own charts).
func TestCompareNothingComparable(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) { f.Currency = "JPY"; f.Name = "Tokyo" })
	cmp := Compare(w)
	if len(cmp.Rows) != 1 || len(cmp.Left) != 1 {
		t.Fatalf("%d rows, left %q", len(cmp.Rows), cmp.Left)
	}
	text := html.UnescapeString(app.HTMLString(compareSection(nil, cmp, len(w.Entries), "")))
	if strings.Contains(text, `id="compare-table"`) || strings.Contains(text, "chart-compare") || strings.Contains(text, "scenarios compared") {
		t.Errorf("a comparison of one scenario: %s", text)
	}
	if !strings.Contains(text, "Not compared: Mid-size embassy, US adults (example) (amounts in EUR).") {
		t.Errorf("the scenario left out is not named: %s", text)
	}
}

// When the scenario with the highest net value is one that spends nothing, the
// comparison's chart says so, rather than only that it has the highest net value.
func TestCompareBestSpendsNothing(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) {
		f.Plan, f.Name = nil, "No plan"
	})
	cmp := Compare(w)
	if len(cmp.Rows) != 2 || len(cmp.Charts) == 0 {
		t.Fatalf("%d rows and %d charts compared", len(cmp.Rows), len(cmp.Charts))
	}
	const want = "No plan has the highest net value: 0 EUR, spending nothing (no platform has staff hours in the plan, so it costs nothing)"
	if got := cmp.Charts[0].Headline; got != want {
		t.Errorf("the comparison's key figures say %q, want %q", got, want)
	}
}
