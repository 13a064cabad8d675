package app

import (
	"strings"
	"testing"

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
