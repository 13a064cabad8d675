package report

import (
	"fmt"
	"sort"

	"github.com/go-echarts/go-echarts/v2/opts"

	"platformroi/calc"
)

// TornadoReachChart is the tornado chart's other view: what moves the reach. For the
// inputs that move the current plan's reach most (monthly unique reach summed over the
// horizon, people; MODEL.md's one-way sensitivity), the reach with that input at the
// low and at the high end of its range, as the change from the reach with every input
// at its value in use. Inputs that do not move the reach (the value per 1,000, the
// benefits, set-up hours) are left out. It has the net value view's element id, so
// that the page draws either in the same place.
func TornadoReachChart(r *calc.Result, u *calc.Uncertainty, labels map[string]string, date string) ChartSpec {
	spec := ChartSpec{ID: "chart-tornado", Name: "what moves the reach", Title: "What moves the reach: people at each end of a range",
		Table: Table{Head: []string{"Input", "Range", "Reach at the low end (people)", "Reach at the high end (people)"}}}
	base := r.Totals.Reach
	inputs := map[string]calc.UncertainInput{}
	for _, in := range u.Inputs {
		inputs[in.Name] = in
	}
	// The sensitivity list by how much each input moves the reach, in whole people,
	// largest first; equal ones keep the list's order.
	swing := func(s calc.Sensitivity) int64 { return s.ReachAtHigh.Sub(s.ReachAtLow).Abs().Round(0).IntPart() }
	sens := []calc.Sensitivity{}
	for _, s := range u.Sensitivity {
		if swing(s) > 0 {
			sens = append(sens, s)
		}
	}
	sort.SliceStable(sens, func(a, b int) bool { return swing(sens[a]) > swing(sens[b]) })
	if len(sens) > tornadoInputs {
		sens = sens[:tornadoInputs]
	}
	label := func(input string) string {
		if l := labels[input]; l != "" {
			return l
		}
		return input
	}
	names := []string{}
	low, high := []opts.BarData{}, []opts.BarData{}
	for i := len(sens) - 1; i >= 0; i-- { // the largest at the top
		s := sens[i]
		names = append(names, label(s.Input))
		low = append(low, opts.BarData{Value: f(s.ReachAtLow.Sub(base), 0)})
		high = append(high, opts.BarData{Value: f(s.ReachAtHigh.Sub(base), 0)})
	}
	for _, s := range sens {
		in := inputs[s.Input]
		spec.Table.Rows = append(spec.Table.Rows, []string{label(s.Input),
			fmt.Sprintf("%s to %s (%s)", calc.InputText(in, in.Low), calc.InputText(in, in.High), rangeFrom(in.From)),
			calc.PeopleText(s.ReachAtLow), calc.PeopleText(s.ReachAtHigh)})
	}
	units := fmt.Sprintf("People reached, summed over %s: change from %s", calc.MonthsText(r.HorizonMonths), calc.PeopleText(base))
	spec.Source = inputsSource(r, true)
	// Reach runs to millions: fewer, slanted labels keep them apart.
	switch {
	case len(u.Sensitivity) == 0:
		spec.Headline = "No input of the current plan has a range"
	case len(sens) == 0:
		spec.Headline = "No input with a range moves the reach"
	}
	spec.Options = tornadoBars(r, spec.Title, spec.Headline, units, date, spec.Source,
		opts.XAxis{Name: "Change in people reached", NameLocation: "middle", NameGap: 45, SplitNumber: 4, AxisLabel: &opts.AxisLabel{FontSize: 14, Rotate: 30}},
		names, low, high)
	if len(sens) == 0 {
		spec.Summary = "No input of the current plan with a range moves the reach."
	} else if len(sens) == 1 {
		spec.Summary = fmt.Sprintf("Bar chart of the 1 input that moves the reach: %s moves it from %s to %s people (summed over %s).",
			label(sens[0].Input), calc.PeopleText(sens[0].ReachAtLow), calc.PeopleText(sens[0].ReachAtHigh), calc.MonthsText(r.HorizonMonths))
	} else {
		spec.Summary = fmt.Sprintf("Bar chart of the %d inputs that move the reach most; the first, %s, moves it from %s to %s people (summed over %s).",
			len(sens), label(sens[0].Input), calc.PeopleText(sens[0].ReachAtLow), calc.PeopleText(sens[0].ReachAtHigh), calc.MonthsText(r.HorizonMonths))
	}
	return described(spec)[0]
}
