package report

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// tornadoInputs is how many inputs of the sensitivity list the tornado chart shows.
const tornadoInputs = 10

// TornadoChart shows what moves the result: for the inputs that move the current
// plan's net value most (the top of the sensitivity list), the net value with that
// input at the low and at the high end of its range, as the change from the net value
// with every input at its value in use. labels names the inputs for people.
func TornadoChart(r *calc.Result, u *calc.Uncertainty, labels map[string]string, date string) ChartSpec {
	cur := r.Currency
	spec := ChartSpec{ID: "chart-tornado", Title: "What moves the result: net value at each end of a range",
		Table: Table{Head: []string{"Input", "Range", "Net at the low end (" + cur + ")", "Net at the high end (" + cur + ")"}}}
	base := r.Totals.Net
	inputs := map[string]calc.UncertainInput{}
	for _, in := range u.Inputs {
		inputs[in.Name] = in
	}
	// Inputs that do not move the net value (to the cent) are left out: the chart of
	// reach shows those that move the reach only.
	sens := []calc.Sensitivity{}
	for _, s := range u.Sensitivity {
		if !s.NetAtHigh.Sub(s.NetAtLow).Round(2).IsZero() {
			sens = append(sens, s)
		}
	}
	if len(sens) > tornadoInputs {
		sens = sens[:tornadoInputs]
	}
	names := []string{}
	low, high := []opts.BarData{}, []opts.BarData{}
	for i := len(sens) - 1; i >= 0; i-- { // the largest at the top
		s := sens[i]
		name := labels[s.Input]
		if name == "" {
			name = s.Input
		}
		names = append(names, name)
		low = append(low, opts.BarData{Value: f(s.NetAtLow.Sub(base), 2)})
		high = append(high, opts.BarData{Value: f(s.NetAtHigh.Sub(base), 2)})
	}
	for _, s := range sens {
		in := inputs[s.Input]
		name := labels[s.Input]
		if name == "" {
			name = s.Input
		}
		spec.Table.Rows = append(spec.Table.Rows, []string{name,
			fmt.Sprintf("%s to %s (%s)", calc.InputText(in, in.Low), calc.InputText(in, in.High), rangeFrom(in.From)),
			calc.MoneyText(s.NetAtLow, cur), calc.MoneyText(s.NetAtHigh, cur)})
	}
	spec.Source = inputsSource(r, true)
	switch {
	case len(u.Sensitivity) == 0:
		spec.Headline = "No input of the current plan has a range"
	case len(sens) == 0:
		spec.Headline = "No input with a range moves the net value"
	}
	spec.Options = tornadoBars(r, spec.Title, spec.Headline, fmt.Sprintf("%s over %s: change in net value from %s", cur, calc.MonthsText(r.HorizonMonths), calc.MoneyText(base, cur)), date, spec.Source,
		opts.XAxis{Name: "Change in net value (" + cur + ")", NameLocation: "middle", NameGap: 30, AxisLabel: &opts.AxisLabel{FontSize: 14}}, names, low, high)
	top := ""
	if len(sens) > 0 {
		top = labels[sens[0].Input]
	}
	switch {
	case len(u.Sensitivity) == 0:
		spec.Summary = "No input of the current plan has a range: nothing moves the result."
	case len(sens) == 0:
		spec.Summary = "No input with a range moves the net value of the current plan."
	case len(sens) == 1:
		spec.Summary = fmt.Sprintf("Bar chart of the 1 input that moves the net value: %s moves it from %s to %s.",
			top, calc.MoneyText(sens[0].NetAtLow, cur), calc.MoneyText(sens[0].NetAtHigh, cur))
	default:
		spec.Summary = fmt.Sprintf("Bar chart of the %d inputs that move the net value most; the first, %s, moves it from %s to %s.",
			len(sens), top, calc.MoneyText(sens[0].NetAtLow, cur), calc.MoneyText(sens[0].NetAtHigh, cur))
	}
	return described(spec)[0]
}

// tornadoBars is a tornado chart's option: a bar per input (names from the bottom up,
// so the largest at the top), from the figure in use to the input's low and high end.
// headline, when not empty, is drawn under the title (where no input moves the figure).
func tornadoBars(r *calc.Result, title, headline, units, date, source string, x opts.XAxis, names []string, low, high []opts.BarData) string {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(title, subtitle(r, units, date, source)),
		charts.WithXAxisOpts(x),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", AxisLabel: &opts.AxisLabel{FontSize: 14, Interval: "0"}}),
	)...)
	bar.SetXAxis(names).
		AddSeries("Input at the low end", low, charts.WithBarChartOpts(opts.BarChart{Stack: "t"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorLowEnd})).
		AddSeries("Input at the high end", high, charts.WithBarChartOpts(opts.BarChart{Stack: "t"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colorHighEnd}))
	bar.XYReversal()
	bar.Validate()
	return toOption(bar).styled(headline).String()
}

// rangeFrom says where a range came from, for people.
func rangeFrom(from calc.RangeSource) string {
	switch from {
	case calc.FromScenario:
		return "the scenario's"
	case calc.FromDataset:
		return "the dataset's"
	}
	return "default for an assumption"
}

// histogramBins is how many bars the chart of the simulated net value has.
const histogramBins = 20

// NetDistributionChart shows the likely range of the net value: how many of the
// simulation's draws fall in each band of net value, with the break-even line.
// nets are the draws' net values (money, float64, as the simulation allows).
func NetDistributionChart(r *calc.Result, u *calc.Uncertainty, nets []float64, date string) ChartSpec {
	cur := r.Currency
	spec := ChartSpec{ID: "chart-net-draws", Title: "Likely net value: the simulation's draws",
		Table: Table{Head: []string{"Net value from (" + cur + ")", "to (" + cur + ")", "Draws"}}}
	lo, hi := 0.0, 0.0
	for i, n := range nets {
		if i == 0 || n < lo {
			lo = n
		}
		if i == 0 || n > hi {
			hi = n
		}
	}
	// Draws that all have one net value (to the cent: nothing uncertain moves it) are
	// one band at that value, not bands of a made-up width beside it.
	bins := histogramBins
	width := (hi - lo) / histogramBins
	if math.Round(lo*100) == math.Round(hi*100) {
		bins, width = 1, 0
	}
	counts := make([]int, bins)
	for _, n := range nets {
		i := 0
		if width > 0 {
			i = min(int((n-lo)/width), bins-1)
		}
		counts[i]++
	}
	names := []string{}
	data := []opts.BarData{}
	for i, c := range counts {
		from, to := lo+float64(i)*width, lo+float64(i+1)*width
		names = append(names, calc.Grouped(fmt.Sprintf("%.0f", (from+to)/2)))
		color := colorLoss // draws that do not pay
		if from >= 0 {
			color = colorNet
		}
		data = append(data, opts.BarData{Value: c, ItemStyle: &opts.ItemStyle{Color: color}})
		spec.Table.Rows = append(spec.Table.Rows, []string{calc.Grouped(fmt.Sprintf("%.2f", from)), calc.Grouped(fmt.Sprintf("%.2f", to)), fmt.Sprint(c)})
	}
	sim := u.Simulation
	bar := charts.NewBar()
	spec.Source = inputsSource(r, true)
	bar.SetGlobalOptions(append(common(spec.Title, subtitle(r, fmt.Sprintf("%s over %s; draws of %s", cur, calc.MonthsText(r.HorizonMonths), calc.Grouped(fmt.Sprint(sim.Draws))), date, spec.Source)),
		charts.WithXAxisOpts(opts.XAxis{Name: "Net value (" + cur + "), middle of the band", NameLocation: "middle", NameGap: 30, AxisLabel: &opts.AxisLabel{FontSize: 12}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Draws", AxisLabel: &opts.AxisLabel{FontSize: 14}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)...)
	bar.SetXAxis(names).AddSeries("Draws", data)
	bar.Validate()
	spec.Options = marshal(bar, nil)
	spec.Summary = fmt.Sprintf("Bar chart of %s draws of the uncertain inputs: the net value is likely between %s and %s (P10 to P90); %s.",
		calc.Grouped(fmt.Sprint(len(nets))), money(sim.Net.P10, cur), money(sim.Net.P90, cur), calc.DrawsPayText(r, sim))
	return described(spec)[0]
}

func money(d decimal.NullDecimal, cur string) string {
	if !d.Valid {
		return "n/a"
	}
	return calc.MoneyText(d.Decimal, cur)
}
