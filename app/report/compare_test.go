package report

import (
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// The comparison's differences are those of the figures as shown: a ROI difference is
// in percentage points, money differs by what the two amounts as shown differ by, and
// figures that read the same show no difference.
func TestComparisonDifferencesAreOfTheFiguresAsShown(t *testing.T) {
	d := decimal.RequireFromString
	row := func(name string, current bool, cost, net, roi string) CompareRow {
		return CompareRow{Name: name, Current: current, Result: &calc.Result{Totals: calc.Totals{
			Cost: d(cost), Net: d(net), ROI: decimal.NewNullDecimal(d(roi))}}}
	}
	base := row("Edited", true, "10.005", "-5.004", "-0.9354")
	c := &Comparison{Currency: "EUR", Base: "Edited", Rows: []CompareRow{base,
		row("Other", false, "15.004", "-5.0041", "-0.9362")}}
	figure := func(label string) KeyFigure {
		for _, f := range KeyFigures {
			if f.Label == label {
				return f
			}
		}
		t.Fatalf("no key figure %q", label)
		return KeyFigure{}
	}
	for _, tc := range []struct{ label, text, diff string }{
		// 15.00 EUR against 10.01 EUR as shown: 4.99 EUR apart (the raw 4.999 shows as 5.00).
		{"Total cost", "15.00 EUR", "+4.99 EUR"},
		// -5.00 EUR both, as shown.
		{"Net", "-5.00 EUR", ""},
		// -93.6% against -93.5%: 0.1 percentage points, not 0.1%.
		{"ROI", "-93.6%", "−0.1 percentage points"},
	} {
		text, diff := c.Cell(figure(tc.label), c.Rows[1])
		if text != tc.text || diff != tc.diff {
			t.Errorf("%s: %q, %q; want %q, %q", tc.label, text, diff, tc.text, tc.diff)
		}
	}
}
