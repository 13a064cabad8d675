package report

import (
	"encoding/json"
	"fmt"
	"sort"
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
	ID       string
	Title    string
	Headline string // the chart's message, drawn under its title ("" for none)
	Source   string // the chart's source line, whole (as the image carries it)
	Name     string // its short name for files, when not its element's (a second view of it)
	Summary  string // one sentence for screen readers
	Options  string // ECharts option, JSON
	Table    Table
}

// FileName is the chart's short name for the files it is exported to, such as "cost".
func (s ChartSpec) FileName() string {
	if s.Name != "" {
		return s.Name
	}
	if n, ok := fileNames[s.ID]; ok {
		return n
	}
	return strings.TrimPrefix(s.ID, "chart-")
}

var fileNames = map[string]string{
	"chart-fit": "audience share", "chart-cost": "cost", "chart-cumulative": "cost and value by month",
	"chart-reach": "reach by month", "chart-compare-key": "key figures", "chart-compare-net": "net by month",
	"chart-tornado": "what moves the result", "chart-net-draws": "likely net value",
}

// Table is a chart's data as text.
type Table struct {
	Head []string
	Rows [][]string
}

// f hands a decimal to a chart: the only place where numbers become floats.
func f(d decimal.Decimal, places int32) float64 { return d.Round(places).InexactFloat64() }

// subtitle carries the scenario name, the units, the date and the source, so that a
// chart pasted into a briefing deck stands on its own: one line each, which
// web/charts.js wraps at spaces to the width drawn (never cutting a word). source is
// the chart's own: the survey for figures of the audience (surveySource), the
// scenario's inputs for costs and value (inputsSource). units is "" for none.
func subtitle(r *calc.Result, units, date, source string) string {
	dated := date
	if units != "" {
		dated = units + " · " + date
	}
	return "Scenario: " + r.Scenario + "\n" + dated + "\n" + source
}

// Today is the date charts carry, as "23 November 2026".
func Today() string { return time.Now().Format("2 January 2006") }

// gridTop is where a chart's plot starts, in design pixels: below the title, the
// headline and the subtitle's lines. web/charts.js works it out again from the lines
// as wrapped at the width drawn.
func gridTop(sub string) int {
	return 8 + titleLine + 6 + headlineLine + 6 + textLine*(strings.Count(sub, "\n")+2) + 14
}

// surveySource is the source line of a chart of the audience's figures: the
// dataset's source and year, whole.
func surveySource(ds *calc.Dataset) string {
	return "Source: " + ds.SourceWithYear()
}

// inputsSource is the source line of a chart of costs and value: the scenario's own
// staff, plan and value inputs; reach also rests on the survey.
func inputsSource(r *calc.Result, withReach bool) string {
	text := "Source: the scenario's staff costs, plan and value inputs"
	if withReach {
		text += "; reach from " + r.Dataset.SourceWithYear()
	}
	return text
}

func common(title, sub string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: sub, Left: "center", Top: "8",
			TitleStyle:    &opts.TextStyle{Color: textColor, FontSize: titleSize, LineHeight: titleLine, FontWeight: "bold"},
			SubtitleStyle: &opts.TextStyle{Color: mutedColor, FontSize: textSize, LineHeight: textLine}}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "4"}),
		// The plot starts below the title and every line of the subtitle.
		charts.WithGridOpts(opts.Grid{Top: fmt.Sprint(gridTop(sub)), Bottom: "40", Left: "12", Right: "28", ContainLabel: opts.Bool(true)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
}

// marshal gives the option of a chart in the design's text sizes and colours.
func marshal(c interface{ JSON() map[string]interface{} }, extra map[string]any) string {
	m := toOption(c).styled("")
	for k, v := range extra {
		m[k] = v
	}
	return m.String()
}

// upperFirst is s with its first letter in capitals, for a phrase that begins a
// sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
		Source: surveySource(r.Dataset),
		Table:  Table{Head: []string{"Platform", "Audience on the platform (%)", "People", "In the current plan"}}}
	// Largest first, top to bottom; the plan's platforms in the plan's colour, in bold
	// and labelled "in plan".
	order := make([]calc.PlatformResult, len(r.Platforms))
	copy(order, r.Platforms)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Fit.GreaterThan(order[j].Fit) })
	names := []any{}
	inPlan, others := []opts.BarData{}, []opts.BarData{}
	planned := 0
	for _, p := range order {
		// Labelled as the table says it: "83.0%".
		label := calc.Percent(p.Fit)
		if p.InPlan {
			label += " · in plan"
		}
		v := opts.BarData{Value: f(p.Fit.Shift(2), 1), Label: &opts.Label{Show: opts.Bool(true), Formatter: types.FuncStr(label)}}
		none := opts.BarData{Value: "-"}
		if p.InPlan {
			planned++
			names = append(names, map[string]any{"value": p.Name, "textStyle": map[string]any{"fontWeight": "bold", "color": textColor}})
			inPlan, others = append(inPlan, v), append(others, none)
		} else {
			names = append(names, p.Name)
			inPlan, others = append(inPlan, none), append(others, v)
		}
		yes := "no"
		if p.InPlan {
			yes = "yes"
		}
		spec.Table.Rows = append(spec.Table.Rows, []string{p.Name, calc.Percent(p.Fit), calc.PeopleText(p.PotentialAudience), yes})
	}
	best := order[0]
	spec.Headline = fmt.Sprintf("%s reaches the largest share of the target audience, %s; the plan uses %d of the %d platforms",
		best.Name, calc.Percent(best.Fit), planned, len(order))
	sub := subtitle(r, "% of the target audience who use the platform", date, spec.Source)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(spec.Title, sub),
		charts.WithXAxisOpts(opts.XAxis{Name: "% of the target audience", NameLocation: "middle", NameGap: 24, Max: 100}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)...)
	bar.SetXAxis(names).
		AddSeries("In the current plan", inPlan, charts.WithBarChartOpts(opts.BarChart{Stack: "share"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorPlan}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}% · in plan", FontWeight: "bold"})).
		AddSeries("Not in the plan", others, charts.WithBarChartOpts(opts.BarChart{Stack: "share"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorOther}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}%"}))
	bar.XYReversal()
	bar.Validate()
	m := toOption(bar).styled(spec.Headline).rows(26)
	obj(m, "yAxis")["inverse"] = true
	obj(obj(m, "yAxis"), "axisTick")["show"] = false
	obj(m, "xAxis")["interval"] = 25
	for _, s := range list(m, "series") {
		s["barMaxWidth"] = 18
	}
	// Room on the right for "90.5% · in plan".
	obj(m, "grid")["right"] = 96
	spec.Options = m.String()
	marked := fmt.Sprintf("the %d in the current plan marked", planned)
	if planned == 0 {
		marked = "none of them in the current plan"
	}
	spec.Summary = fmt.Sprintf("Bar chart, largest first: the share of the target audience on each of %d platforms, %s; the largest is %s with %s.", len(order), marked, best.Name, calc.Percent(best.Fit))
	return spec
}

func costChart(r *calc.Result, date string) ChartSpec {
	cur := r.Currency
	spec := ChartSpec{ID: "chart-cost", Title: "Sticker price and real cost per platform",
		Source: inputsSource(r, false),
		Table:  Table{Head: []string{"Platform", "Sticker price: tools and ads (" + cur + ")", "Staff time (" + cur + ")", "Total cost (" + cur + ")"}}}
	// The plan's platforms, the costliest first; each bar labelled with its figures.
	var plan []calc.PlatformResult
	for _, p := range r.Platforms {
		if p.InPlan {
			plan = append(plan, p)
		}
	}
	sort.SliceStable(plan, func(i, j int) bool { return plan[i].Cost.GreaterThan(plan[j].Cost) })
	names := []string{}
	staff, cash := []opts.BarData{}, []opts.BarData{}
	staffTotal, cashTotal := decimal.Zero, decimal.Zero
	for _, p := range plan {
		names = append(names, p.Name)
		label := fmt.Sprintf("%s: %s staff time + %s sticker price", plain.Replace(p.Name), wholeMoney(p.StaffCost, cur), wholeMoney(p.CashCost, cur))
		staff = append(staff, opts.BarData{Value: f(p.StaffCost, 2), Label: &opts.Label{Show: opts.Bool(true), Formatter: types.FuncStr(label)}})
		cash = append(cash, opts.BarData{Value: f(p.CashCost, 2)})
		staffTotal, cashTotal = staffTotal.Add(p.StaffCost), cashTotal.Add(p.CashCost)
		spec.Table.Rows = append(spec.Table.Rows, []string{p.Name, calc.MoneyText(p.CashCost, cur), calc.MoneyText(p.StaffCost, cur), calc.MoneyText(p.Cost, cur)})
	}
	spec.Table.Rows = append(spec.Table.Rows, []string{"Total", calc.MoneyText(cashTotal, cur), calc.MoneyText(staffTotal, cur), calc.MoneyText(staffTotal.Add(cashTotal), cur)})
	if why := calc.NothingToPayBack(r); why != "" {
		spec.Headline = upperFirst(why)
	} else if cashTotal.IsZero() {
		spec.Headline = fmt.Sprintf("The 'free' platforms cost %s in staff time", wholeMoney(staffTotal, cur))
	} else {
		spec.Headline = fmt.Sprintf("Staff time is %s of the cost: %s of %s", calc.NullPercent(r.Totals.HiddenCostShare), wholeMoney(staffTotal, cur), wholeMoney(staffTotal.Add(cashTotal), cur))
	}
	sub := subtitle(r, fmt.Sprintf("%s over %s", cur, calc.MonthsText(r.HorizonMonths)), date, spec.Source)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(spec.Title, sub),
		charts.WithXAxisOpts(opts.XAxis{Name: cur + " over " + calc.MonthsText(r.HorizonMonths), NameLocation: "middle", NameGap: 24}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{Show: opts.Bool(false)}}),
	)...)
	bar.SetXAxis(names).
		AddSeries("Staff time: "+wholeMoney(staffTotal, cur)+" in total", staff, charts.WithBarChartOpts(opts.BarChart{Stack: "cost", BarWidth: "14"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorStaff})).
		AddSeries("Sticker price (tools, ads): "+wholeMoney(cashTotal, cur)+" in total", cash, charts.WithBarChartOpts(opts.BarChart{Stack: "cost", BarWidth: "14"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorSticker}))
	bar.XYReversal()
	bar.Validate()
	m := toOption(bar).styled(spec.Headline).rows(52)
	y := obj(m, "yAxis")
	y["inverse"] = true
	obj(y, "axisTick")["show"] = false
	// Each platform's figures above its bar, from its start: the sticker price shows
	// even when it is zero. On a narrow chart they wrap (web/charts.js gives them the
	// plot's width).
	s := list(m, "series")[0]
	s["label"] = map[string]any{"show": true, "position": []int{0, -4}, "align": "left", "verticalAlign": "bottom", "fontSize": dataSize, "lineHeight": textLine, "color": textColor, "overflow": "break"}
	s["labelLayout"] = map[string]any{"hideOverlap": false}
	spec.Options = m.String()
	each := fmt.Sprintf("for each of the %d platforms in the plan", len(names))
	if len(names) == 1 {
		each = "for the 1 platform in the plan"
	}
	spec.Summary = fmt.Sprintf("Stacked bar chart, costliest first: %s, the sticker price (tools and ads) and the staff time, in %s over %s; staff time is %s of the total cost of %s.",
		each, cur, calc.MonthsText(r.HorizonMonths), calc.NullPercent(r.Totals.HiddenCostShare), calc.MoneyText(r.Totals.Cost, cur))
	if len(names) == 0 {
		spec.Summary = "No platform is in the plan: no platform has staff hours, so there is no cost to show."
	}
	return spec
}

func cumulativeChart(r *calc.Result, date string) ChartSpec {
	cur := r.Currency
	spec := ChartSpec{ID: "chart-cumulative", Title: "Cumulative cost and value by month",
		Source: inputsSource(r, true),
		Table:  Table{Head: []string{"Month", "Cumulative cost (" + cur + ")", "Cumulative value (" + cur + ")", "Cumulative net (" + cur + ")"}}}
	months := []string{}
	cost, value := []opts.LineData{}, []opts.LineData{}
	for _, m := range r.Months {
		months = append(months, fmt.Sprint(m.Month))
		cost = append(cost, opts.LineData{Value: f(m.CumulativeCost, 2)})
		value = append(value, opts.LineData{Value: f(m.CumulativeValue, 2)})
		spec.Table.Rows = append(spec.Table.Rows, []string{fmt.Sprint(m.Month), calc.MoneyText(m.CumulativeCost, cur), calc.MoneyText(m.CumulativeValue, cur), calc.MoneyText(m.CumulativeNet, cur)})
	}
	last := r.Months[len(r.Months)-1]
	if why := calc.NothingToPayBack(r); why != "" {
		spec.Headline = fmt.Sprintf("%s; after %s, %s of value", upperFirst(why), calc.MonthsText(r.HorizonMonths), wholeMoney(last.CumulativeValue, cur))
	} else if r.Totals.BreakEvenMonth > 0 {
		spec.Headline = fmt.Sprintf("Value overtakes cost in month %d; after %s: %s of value for %s of cost",
			r.Totals.BreakEvenMonth, calc.MonthsText(r.HorizonMonths), wholeMoney(last.CumulativeValue, cur), wholeMoney(last.CumulativeCost, cur))
	} else {
		spec.Headline = fmt.Sprintf("Value stays below cost: after %s, %s of value for %s of cost",
			calc.MonthsText(r.HorizonMonths), wholeMoney(last.CumulativeValue, cur), wholeMoney(last.CumulativeCost, cur))
	}
	be := calc.BreakEvenText(r)
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(spec.Title, subtitle(r, cur+", cumulative; break-even: "+be, date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{Name: "Month", NameLocation: "middle", NameGap: 24}),
		charts.WithYAxisOpts(opts.YAxis{Name: cur + ", cumulative"}),
	)...)
	valueOpts := []charts.SeriesOpts{charts.WithLineStyleOpts(opts.LineStyle{Color: colorValue, Width: 3}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorValue})}
	if r.Totals.BreakEvenMonth > 0 {
		valueOpts = append(valueOpts,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: "Break-even", XAxis: fmt.Sprint(r.Totals.BreakEvenMonth)}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Label: &opts.Label{Show: opts.Bool(true), Formatter: types.FuncStr(fmt.Sprintf("Break-even: month %d", r.Totals.BreakEvenMonth))}}))
	}
	line.SetXAxis(months).
		AddSeries("Cumulative cost", cost, charts.WithLineStyleOpts(opts.LineStyle{Color: colorCost, Width: 3, Type: "dashed"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorCost})).
		AddSeries("Cumulative value", value, valueOpts...)
	line.Validate()
	m := toOption(line).styled(spec.Headline)
	spec.Options = m.String()
	spec.Summary = fmt.Sprintf("Line chart over %s: cumulative cost reaches %s and cumulative value %s; break-even: %s.",
		calc.MonthsText(r.HorizonMonths), calc.MoneyText(last.CumulativeCost, cur), calc.MoneyText(last.CumulativeValue, cur), be)
	return spec
}

func reachChart(r *calc.Result, rec *calc.Recommendation, date string) ChartSpec {
	spec := ChartSpec{ID: "chart-reach", Title: "Unique reach per month: current plan and recommendation",
		Source: surveySource(r.Dataset),
		Table:  Table{Head: []string{"Month", "Current plan (people)", "Recommendation (people)"}}}
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
	spec.Headline = fmt.Sprintf("The current plan reaches %s a month on average", calc.PeopleCount(r.Totals.AverageMonthlyReach))
	if rec != nil {
		spec.Headline = fmt.Sprintf("The recommendation reaches %s a month on average; the current plan %s",
			calc.PeopleCount(rec.Result.Totals.AverageMonthlyReach), calc.PeopleCount(r.Totals.AverageMonthlyReach))
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(spec.Title, subtitle(r, "people reached in the month, counted once across platforms", date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{Name: "Month", NameLocation: "middle", NameGap: 24}),
		charts.WithYAxisOpts(opts.YAxis{Name: "People per month"}),
	)...)
	line.SetXAxis(months).AddSeries("Current plan", cur, charts.WithLineStyleOpts(opts.LineStyle{Color: colorPlan, Width: 3}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorPlan}))
	if rec != nil {
		line.AddSeries("Recommendation", best, charts.WithLineStyleOpts(opts.LineStyle{Color: colorRec, Width: 3, Type: "dashed"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorRec}))
	}
	line.Validate()
	m := toOption(line).styled(spec.Headline)
	spec.Options = m.String()
	spec.Summary = fmt.Sprintf("Line chart over %s: average unique reach %s a month with the current plan", calc.MonthsText(r.HorizonMonths), calc.PeopleCount(r.Totals.AverageMonthlyReach))
	if rec != nil {
		spec.Summary += fmt.Sprintf(" and %s with the recommendation", calc.PeopleCount(rec.Result.Totals.AverageMonthlyReach))
	}
	spec.Summary += "."
	return spec
}
