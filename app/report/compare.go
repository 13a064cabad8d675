package report

import (
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// Comparison is the scenarios' key figures side by side, against the scenario being
// edited, and the comparison charts. Only scenarios with valid figures in the same
// currency as the current one are compared; the others are named in Left.
type Comparison struct {
	Currency string
	Base     string // the scenario the differences are taken against
	Rows     []CompareRow
	Left     []string
	// Ahead says, per row, in what share of the simulation's draws the row's net value
	// is above the base scenario's (the same draws for the inputs they share); "" for
	// the base itself, or when a row has no simulation.
	Ahead []string
	// Unchecked counts the scenarios not computed yet (kept ones are computed when
	// shown or compared).
	Unchecked int
	Charts    []ChartSpec
}

// CompareRow is one scenario's key figures.
type CompareRow struct {
	Name    string
	Current bool
	Result  *calc.Result
}

// figure is one key figure: its label, and how to read and show it.
type KeyFigure struct {
	Label string
	Value func(r *calc.Result) (decimal.Decimal, bool) // false: n/a
	Show  func(d decimal.Decimal, cur string) string
	// None says why a figure has no value (Value's false), where "n/a" would not say
	// what the headline says; nil: "n/a".
	None func(r *calc.Result) string
	// Diff shows a difference of two values, where it is not in Show's units (a
	// difference of two percentages is in percentage points); nil: Show.
	Diff func(d decimal.Decimal, cur string) string
	// Places is how many decimals Show gives (-1: the value as it is). A difference is
	// that of the values as shown, so that it is what a reader gets by subtracting them.
	Places int32
}

var KeyFigures = []KeyFigure{
	{"Total cost", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.Cost, true }, calc.MoneyText, nil, nil, calc.MoneyPlaces},
	{"Staff cost", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.StaffCost, true }, calc.MoneyText, nil, nil, calc.MoneyPlaces},
	{"Value", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.Value, true }, calc.MoneyText, nil, nil, calc.MoneyPlaces},
	{"Net", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.Net, true }, calc.MoneyText, nil, nil, calc.MoneyPlaces},
	{"ROI", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.ROI.Decimal, r.Totals.ROI.Valid }, func(d decimal.Decimal, _ string) string { return calc.Percent(d) }, nil,
		func(d decimal.Decimal, _ string) string {
			return strings.TrimSuffix(calc.Percent(d), "%") + " percentage points"
		}, 3},
	{"Break-even month", func(r *calc.Result) (decimal.Decimal, bool) {
		return decimal.NewFromInt(int64(r.Totals.BreakEvenMonth)), r.Totals.BreakEvenMonth > 0
	}, func(d decimal.Decimal, _ string) string { return "month " + d.String() }, calc.BreakEvenText, nil, 0},
	{"Unique reach, average per month (people)", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.AverageMonthlyReach, true }, func(d decimal.Decimal, _ string) string { return calc.PeopleText(d) }, nil, nil, 0},
	{"Staff hours per week", func(r *calc.Result) (decimal.Decimal, bool) { return r.Totals.HoursPerWeek, true }, func(d decimal.Decimal, _ string) string { return d.String() + " h" }, nil, nil, -1},
}

// AheadLabel names the comparison's row of the share of the simulation's draws in
// which each scenario's net value is above the scenario edited's, and AheadNote says
// how those draws are made. (The row named the scenario edited in full:
// "Net value above Copy of Mid-size embassy, US adults (example)'s, share of the
// simulation's draws (the same draws for the assumptions they share)", eight lines
// at 640 px.)
const (
	AheadLabel = "Draws with a higher net value than the scenario being edited"
	AheadNote  = "Draws: the share of the simulation's draws in which a scenario's net value is above that of the scenario being edited; both take the same draws for the assumptions they share."
)

// NewComparison returns the comparison of rows (one per scenario with valid figures in
// currency), against the scenario named base, with its charts; left names the
// scenarios that could not be compared, and why.
func NewComparison(currency, base string, rows []CompareRow, left []string) *Comparison {
	c := &Comparison{Currency: currency, Base: base, Rows: rows, Left: left}
	c.Charts = described(c.keyChart(), c.netChart())
	return c
}

// Cell shows figure f of row r, with its difference to the current scenario.
func (c *Comparison) Cell(f KeyFigure, r CompareRow) (text, diff string) {
	v, ok := f.Value(r.Result)
	if !ok {
		if f.None != nil {
			return f.None(r.Result), ""
		}
		return "n/a", ""
	}
	text = f.Show(v, c.Currency)
	if r.Current {
		return text, ""
	}
	show := f.Show
	if f.Diff != nil {
		show = f.Diff
	}
	for _, b := range c.Rows {
		if b.Current {
			// Figures that read the same as shown differ by nothing a reader can see.
			if bv, ok := f.Value(b.Result); ok && f.Show(bv, c.Currency) != text {
				d := v.Sub(bv)
				if f.Places >= 0 {
					d = v.Round(f.Places).Sub(bv.Round(f.Places))
				}
				sign := "+"
				if d.IsNegative() {
					sign, d = "−", d.Neg()
				}
				diff = sign + show(d, c.Currency)
			}
		}
	}
	return text, diff
}

// compareSubtitle is the comparison charts' subtitle, in the same parts as the
// others': what is compared, the units and the date, the source.
func (c *Comparison) compareSubtitle(units string) string {
	return fmt.Sprintf("%d scenarios compared with %s", len(c.Rows), c.Base) + "\n" +
		units + " · " + Today() + "\n" + c.source()
}

func (c *Comparison) keyChart() ChartSpec {
	cur := c.Currency
	spec := ChartSpec{ID: "chart-compare-key", Title: "Key figures per scenario", Source: c.source(),
		Table: Table{Head: []string{"Scenario", "Total cost (" + cur + ")", "Value (" + cur + ")", "Net (" + cur + ")"}}}
	names := []any{}
	cost, value, net := []opts.BarData{}, []opts.BarData{}, []opts.BarData{}
	var best *CompareRow
	for i, r := range c.Rows {
		t := r.Result.Totals
		if r.Current {
			names = append(names, map[string]any{"value": r.Name, "textStyle": map[string]any{"fontWeight": "bold", "color": textColor}})
		} else {
			names = append(names, r.Name)
		}
		label := func(d decimal.Decimal) opts.BarData {
			return opts.BarData{Value: f(d, 2), Label: &opts.Label{Show: opts.Bool(true), Formatter: types.FuncStr(wholeMoney(d, cur))}}
		}
		cost, value, net = append(cost, label(t.Cost)), append(value, label(t.Value)), append(net, label(t.Net))
		if best == nil || t.Net.GreaterThan(best.Result.Totals.Net) {
			best = &c.Rows[i]
		}
		spec.Table.Rows = append(spec.Table.Rows, []string{r.Name, calc.MoneyText(t.Cost, cur), calc.MoneyText(t.Value, cur), calc.MoneyText(t.Net, cur)})
	}
	if best != nil {
		spec.Headline = fmt.Sprintf("%s has the highest net value: %s", best.Name, wholeMoney(best.Result.Totals.Net, cur))
		if best.Result.Totals.Net.IsNegative() {
			spec.Headline = fmt.Sprintf("%s loses least: a net value of %s", best.Name, wholeMoney(best.Result.Totals.Net, cur))
		}
		if why := calc.NothingToPayBack(best.Result); why != "" {
			spec.Headline += ", spending nothing (" + why + ")"
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(spec.Title, c.compareSubtitle(cur+" over each scenario's horizon")),
		charts.WithXAxisOpts(opts.XAxis{Name: cur, NameLocation: "middle", NameGap: 24}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)...)
	bar.SetXAxis(names).
		AddSeries("Total cost", cost, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorCost})).
		AddSeries("Value", value, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorValue})).
		AddSeries("Net", net, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorNet}))
	bar.XYReversal()
	bar.Validate()
	m := toOption(bar).styled(spec.Headline).rows(64)
	y := obj(m, "yAxis")
	y["inverse"] = true
	// Long scenario names wrap rather than push the plot away (web/charts.js).
	for _, s := range list(m, "series") {
		s["label"] = map[string]any{"show": true, "position": "right", "fontSize": dataSize, "color": textColor}
		s["barMaxWidth"] = 14
	}
	obj(m, "grid")["right"] = 84 // room for "-61,478 EUR"
	spec.Options = m.String()
	spec.Summary = fmt.Sprintf("Bar chart: total cost, value and net in %s for %d scenarios.", cur, len(c.Rows))
	return spec
}

// lineTypes and symbols tell the scenarios other than the base apart without colour.
var (
	lineTypes = []string{"dashed", "dotted"}
	symbols   = []string{"triangle", "diamond", "rect", "pin"}
)

func (c *Comparison) netChart() ChartSpec {
	spec := ChartSpec{ID: "chart-compare-net", Title: "Cumulative net by month, per scenario", Source: c.source(),
		Table: Table{Head: []string{"Month"}}}
	months := 0
	for _, r := range c.Rows {
		months = max(months, r.Result.HorizonMonths)
		spec.Table.Head = append(spec.Table.Head, r.Name+" ("+c.Currency+")")
	}
	axis := []string{}
	for m := 1; m <= months; m++ {
		axis = append(axis, fmt.Sprint(m))
		row := []string{fmt.Sprint(m)}
		for _, r := range c.Rows {
			if m <= len(r.Result.Months) {
				row = append(row, calc.MoneyText(r.Result.Months[m-1].CumulativeNet, c.Currency))
			} else {
				row = append(row, "")
			}
		}
		spec.Table.Rows = append(spec.Table.Rows, row)
	}
	var first *CompareRow
	for i, r := range c.Rows {
		if be := r.Result.Totals.BreakEvenMonth; be > 0 && (first == nil || be < first.Result.Totals.BreakEvenMonth) {
			first = &c.Rows[i]
		}
	}
	if first != nil {
		spec.Headline = fmt.Sprintf("%s breaks even first, in month %d", first.Name, first.Result.Totals.BreakEvenMonth)
	} else if len(c.Rows) > 0 {
		spec.Headline = "No scenario breaks even within its horizon"
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(spec.Title, c.compareSubtitle(c.Currency+", cumulative value − cumulative cost")),
		charts.WithXAxisOpts(opts.XAxis{Name: "Month", NameLocation: "middle", NameGap: 24}),
		charts.WithYAxisOpts(opts.YAxis{Name: c.Currency + ", cumulative net"}),
	)...)
	line.SetXAxis(axis)
	other := 0
	for _, r := range c.Rows {
		data := []opts.LineData{}
		for _, m := range r.Result.Months {
			data = append(data, opts.LineData{Value: f(m.CumulativeNet, 2)})
		}
		name := r.Name
		style, symbol, color := opts.LineStyle{Color: colorPlan, Width: 3}, "circle", colorPlan
		if !r.Current {
			style = opts.LineStyle{Color: colorOther, Width: 2.5, Type: lineTypes[other%len(lineTypes)]}
			symbol, color = symbols[other%len(symbols)], colorOther
			other++
		} else {
			name += " (this scenario)"
		}
		line.AddSeries(name, data, charts.WithLineStyleOpts(style), charts.WithItemStyleOpts(opts.ItemStyle{Color: color}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: symbol, SymbolSize: 7}))
	}
	line.Validate()
	m := toOption(line).styled(spec.Headline)
	spec.Options = m.String()
	spec.Summary = fmt.Sprintf("Line chart: cumulative net in %s by month, one line for each of %d scenarios.", c.Currency, len(c.Rows))
	return spec
}

// compareSection shows the comparison when there is more than one scenario.

// source is the comparison charts' source line: the scenarios' own inputs, and the
// surveys their reach rests on.
func (c *Comparison) source() string {
	seen := map[string]bool{}
	var surveys []string
	for _, r := range c.Rows {
		ds := r.Result.Dataset
		k := ds.SourceWithYear()
		if !seen[k] {
			seen[k] = true
			surveys = append(surveys, k)
		}
	}
	// Listed with "; ", each but the last without its final full stop.
	for i := range surveys[:max(len(surveys)-1, 0)] {
		surveys[i] = strings.TrimSuffix(surveys[i], ".")
	}
	return "Source: each scenario's staff costs, plan and value inputs; reach from " + strings.Join(surveys, "; ")
}
