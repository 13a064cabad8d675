package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// ChartSpec is one chart: the ECharts option built by go-echarts (JSON), and its text
// alternative, a table with the same figures. Charts are built from results only.
type ChartSpec struct {
	ID      string
	Title   string
	Summary string // one sentence for screen readers
	Source  string // the source line the chart shows (wrapped), for slides
	Options string // ECharts option, JSON
	Table   Table
}

// Table is a chart's data as text.
type Table struct {
	Head []string
	Rows [][]string
}

// chartFont keeps chart text readable when the image is pasted into a deck.
var chartText = &opts.TextStyle{Color: "#1a1a1a", FontSize: 16}

// f hands a decimal to a chart: the only place where numbers become floats.
func f(d decimal.Decimal, places int32) float64 { return d.Round(places).InexactFloat64() }

// subtitle carries the scenario name, the units, the date and the source, so that a
// chart pasted into a briefing deck stands on its own. source is the chart's own:
// the survey for figures of the audience (surveySource), the scenario's inputs for
// costs and value (inputsSource).
func subtitle(r *calc.Result, units, date, source string) string {
	// The date stays whole on its line (web/start.js re-dates kept charts by it).
	dated := units + " · " + date
	if len([]rune(dated)) > sourceWidth {
		dated = wrap(units, sourceWidth) + "\n" + date
	}
	return wrap("Scenario: "+r.Scenario, sourceWidth) + "\n" + dated + "\n" + source
}

// Today is the date charts carry, as "23 November 2026".
func Today() string { return time.Now().Format("2 January 2006") }

// sourceWidth is the most characters of a source line on one line of a chart: longer
// ones are wrapped at a space, never cut. At the subtitle's 13 px it fits a chart
// about 560 px wide, the narrowest the page draws beside the form.
const sourceWidth = 72

// gridTop is where a chart's plot starts, in pixels: below the title (26 px a line)
// and each of the subtitle's lines (18 px), with room to spare.
func gridTop(sub string) int { return 16 + 26 + 18*(strings.Count(sub, "\n")+1) + 30 }

// wrap breaks text into lines of at most width characters at spaces (a word longer
// than width stays whole on its own line).
func wrap(text string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// surveySource is the source line of a chart of the audience's figures: the
// dataset's source and year, whole.
func surveySource(ds *calc.Dataset) string {
	return wrap(fmt.Sprintf("Source: %s (%d)", ds.Source, ds.Year), sourceWidth)
}

// inputsSource is the source line of a chart of costs and value: the scenario's own
// staff, plan and value inputs; reach also rests on the survey.
func inputsSource(r *calc.Result, withReach bool) string {
	text := "Source: the scenario's staff costs, plan and value inputs"
	if withReach {
		text += fmt.Sprintf("; reach from %s (%d)", r.Dataset.Source, r.Dataset.Year)
	}
	return wrap(text, sourceWidth)
}

func common(title, sub string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: sub, Left: "center",
			TitleStyle: &opts.TextStyle{Color: "#1a1a1a", FontSize: 20, LineHeight: 26}, SubtitleStyle: &opts.TextStyle{Color: "#444", FontSize: 13, LineHeight: 18}}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", TextStyle: chartText}),
		// The plot starts below the title and every line of the subtitle.
		charts.WithGridOpts(opts.Grid{Top: fmt.Sprint(gridTop(sub)), Bottom: "70", Left: "90", Right: "40", ContainLabel: opts.Bool(true)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
}

func marshal(c interface{ JSON() map[string]interface{} }, extra map[string]any) string {
	m := c.JSON()
	m["backgroundColor"] = "#ffffff"
	for k, v := range extra {
		m[k] = v
	}
	data, err := json.Marshal(m)
	if err != nil {
		return "{}"
	}
	return string(data)
}

// Charts builds the page's charts for a result and its recommendation (which may be
// nil), dated date.
func Charts(r *calc.Result, rec *calc.Recommendation, date string) []ChartSpec {
	return described(fitChart(r, date), costChart(r, date), cumulativeChart(r, date), reachChart(r, rec, date))
}

// described makes each chart's accessible text the page's own summary: ECharts
// otherwise writes a generated description of its series over the chart's label.
func described(specs ...ChartSpec) []ChartSpec {
	for i := range specs {
		desc, err := json.Marshal(specs[i].Title + ". " + specs[i].Summary)
		if err != nil {
			continue
		}
		specs[i].Options = strings.Replace(specs[i].Options, ariaOn, `"aria":{"enabled":true,"label":{"enabled":true,"description":`+string(desc)+`}}`, 1)
	}
	return specs
}

// ariaOn is the aria option every chart is built with (common), as marshalled.
const ariaOn = `"aria":{"enabled":true}`

func fitChart(r *calc.Result, date string) ChartSpec {
	spec := ChartSpec{ID: "chart-fit", Title: "Share of the target audience on each platform",
		Table: Table{Head: []string{"Platform", "Audience on the platform (%)", "People"}}}
	names := []string{}
	data := []opts.BarData{}
	for i := len(r.Platforms) - 1; i >= 0; i-- { // top to bottom in dataset order
		p := r.Platforms[i]
		names = append(names, p.Name)
		data = append(data, opts.BarData{Value: f(p.Fit.Shift(2), 1)})
	}
	for _, p := range r.Platforms {
		spec.Table.Rows = append(spec.Table.Rows, []string{p.Name, calc.Percent(p.Fit), calc.PeopleText(p.PotentialAudience)})
	}
	bar := charts.NewBar()
	spec.Source = surveySource(r.Dataset)
	bar.SetGlobalOptions(append(common(spec.Title, subtitle(r, "% of the target audience who use the platform", date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{Name: "% of the target audience", NameLocation: "middle", NameGap: 30, Max: 100, AxisLabel: &opts.AxisLabel{FontSize: 14}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{FontSize: 14, Interval: "0"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)...)
	bar.SetXAxis(names).AddSeries("Audience on the platform (%)", data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}%"}))
	bar.XYReversal()
	bar.Validate()
	spec.Options = marshal(bar, nil)
	best := r.Platforms[0]
	for _, p := range r.Platforms {
		if p.Fit.GreaterThan(best.Fit) {
			best = p
		}
	}
	spec.Summary = fmt.Sprintf("Bar chart: the share of the target audience on each of %d platforms; the largest is %s with %s.", len(r.Platforms), best.Name, calc.Percent(best.Fit))
	return spec
}

func costChart(r *calc.Result, date string) ChartSpec {
	cur := r.Currency
	spec := ChartSpec{ID: "chart-cost", Title: "Sticker price and real cost per platform",
		Table: Table{Head: []string{"Platform", "Sticker price: tools and ads (" + cur + ")", "Staff time (" + cur + ")", "Total cost (" + cur + ")"}}}
	names := []string{}
	staff, cash := []opts.BarData{}, []opts.BarData{}
	for _, p := range r.Platforms {
		if !p.InPlan {
			continue
		}
		names = append(names, p.Name)
		staff = append(staff, opts.BarData{Value: f(p.StaffCost, 2)})
		cash = append(cash, opts.BarData{Value: f(p.CashCost, 2)})
		spec.Table.Rows = append(spec.Table.Rows, []string{p.Name, calc.MoneyText(p.CashCost, cur), calc.MoneyText(p.StaffCost, cur), calc.MoneyText(p.Cost, cur)})
	}
	bar := charts.NewBar()
	spec.Source = inputsSource(r, false)
	bar.SetGlobalOptions(append(common(spec.Title, subtitle(r, fmt.Sprintf("%s over %d months", cur, r.HorizonMonths), date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{FontSize: 14, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Name: cur + " over " + fmt.Sprint(r.HorizonMonths) + " months", AxisLabel: &opts.AxisLabel{FontSize: 14}}),
	)...)
	bar.SetXAxis(names).
		AddSeries("Sticker price (tools, ads)", cash, charts.WithBarChartOpts(opts.BarChart{Stack: "cost"})).
		AddSeries("Staff time", staff, charts.WithBarChartOpts(opts.BarChart{Stack: "cost"}))
	bar.Validate()
	spec.Options = marshal(bar, nil)
	spec.Summary = fmt.Sprintf("Stacked bar chart: for each of the %d platforms in the plan, the sticker price (tools and ads) and the staff time, in %s over %d months; staff time is %s of the total cost of %s.",
		len(names), cur, r.HorizonMonths, calc.NullPercent(r.Totals.HiddenCostShare), calc.MoneyText(r.Totals.Cost, cur))
	return spec
}

func cumulativeChart(r *calc.Result, date string) ChartSpec {
	cur := r.Currency
	spec := ChartSpec{ID: "chart-cumulative", Title: "Cumulative cost and value by month",
		Table: Table{Head: []string{"Month", "Cumulative cost (" + cur + ")", "Cumulative value (" + cur + ")", "Cumulative net (" + cur + ")"}}}
	months := []string{}
	cost, value := []opts.LineData{}, []opts.LineData{}
	for _, m := range r.Months {
		months = append(months, fmt.Sprint(m.Month))
		cost = append(cost, opts.LineData{Value: f(m.CumulativeCost, 2)})
		value = append(value, opts.LineData{Value: f(m.CumulativeValue, 2)})
		spec.Table.Rows = append(spec.Table.Rows, []string{fmt.Sprint(m.Month), calc.MoneyText(m.CumulativeCost, cur), calc.MoneyText(m.CumulativeValue, cur), calc.MoneyText(m.CumulativeNet, cur)})
	}
	be := calc.BreakEvenText(r)
	line := charts.NewLine()
	spec.Source = inputsSource(r, true)
	line.SetGlobalOptions(append(common(spec.Title, subtitle(r, cur+", cumulative; break-even: "+be, date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{Name: "Month", NameLocation: "middle", NameGap: 30, AxisLabel: &opts.AxisLabel{FontSize: 14}}),
		charts.WithYAxisOpts(opts.YAxis{Name: cur + ", cumulative", AxisLabel: &opts.AxisLabel{FontSize: 14}}),
	)...)
	valueOpts := []charts.SeriesOpts{}
	if r.Totals.BreakEvenMonth > 0 {
		valueOpts = append(valueOpts,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: "Break-even", XAxis: fmt.Sprint(r.Totals.BreakEvenMonth)}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Label: &opts.Label{Show: opts.Bool(true), Formatter: types.FuncStr(fmt.Sprintf("Break-even: month %d", r.Totals.BreakEvenMonth))}}))
	}
	line.SetXAxis(months).
		AddSeries("Cumulative cost", cost).
		AddSeries("Cumulative value", value, valueOpts...)
	line.Validate()
	spec.Options = marshal(line, nil)
	last := r.Months[len(r.Months)-1]
	spec.Summary = fmt.Sprintf("Line chart over %d months: cumulative cost reaches %s and cumulative value %s; break-even: %s.",
		r.HorizonMonths, calc.MoneyText(last.CumulativeCost, cur), calc.MoneyText(last.CumulativeValue, cur), be)
	return spec
}

func reachChart(r *calc.Result, rec *calc.Recommendation, date string) ChartSpec {
	spec := ChartSpec{ID: "chart-reach", Title: "Unique reach per month: current plan and recommendation",
		Table: Table{Head: []string{"Month", "Current plan (people)", "Recommendation (people)"}}}
	months := []string{}
	cur, best := []opts.LineData{}, []opts.LineData{}
	for i, m := range r.Months {
		months = append(months, fmt.Sprint(m.Month))
		cur = append(cur, opts.LineData{Value: f(m.UniqueReach, 0)})
		row := []string{fmt.Sprint(m.Month), calc.PeopleText(m.UniqueReach), "n/a"}
		if rec != nil {
			u := rec.Result.Months[i].UniqueReach
			best = append(best, opts.LineData{Value: f(u, 0)})
			row[2] = calc.PeopleText(u)
		}
		spec.Table.Rows = append(spec.Table.Rows, row)
	}
	line := charts.NewLine()
	spec.Source = surveySource(r.Dataset)
	line.SetGlobalOptions(append(common(spec.Title, subtitle(r, "people reached in the month, counted once across platforms", date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{Name: "Month", NameLocation: "middle", NameGap: 30, AxisLabel: &opts.AxisLabel{FontSize: 14}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "People per month", AxisLabel: &opts.AxisLabel{FontSize: 14}}),
	)...)
	line.SetXAxis(months).AddSeries("Current plan", cur)
	if rec != nil {
		line.AddSeries("Recommendation", best)
	}
	line.Validate()
	spec.Options = marshal(line, nil)
	spec.Summary = fmt.Sprintf("Line chart over %d months: average unique reach %s people a month with the current plan", r.HorizonMonths, calc.PeopleText(r.Totals.AverageMonthlyReach))
	if rec != nil {
		spec.Summary += fmt.Sprintf(" and %s with the recommendation", calc.PeopleText(rec.Result.Totals.AverageMonthlyReach))
	}
	spec.Summary += "."
	return spec
}
