package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// What the result depends on: the likely range of each headline figure, what would
// have to be true for the plan to pay, what moves the result most, whether the
// recommendation holds, and the ranges of the uncertain inputs, editable where they
// are (the scenario's own ranges are typed here; defaults for assumptions are shown).

// illustrative names the assumed default that moves the result most, when one of the
// three inputs that move it most is such a default: the figures are then illustrative.
func illustrative(u *calc.Uncertainty, labels map[string]string) string {
	if u == nil {
		return ""
	}
	from := map[string]calc.RangeSource{}
	for _, in := range u.Inputs {
		from[in.Name] = in.From
	}
	for i, s := range u.Sensitivity {
		if i == 3 {
			break
		}
		if from[s.Input] != calc.FromScenario {
			return labels[s.Input]
		}
	}
	return ""
}

func spreadText(sp calc.Spread, show func(decimal.Decimal) string) string {
	return report.SpreadText(sp, show)
}

// uncertaintyProgress shows how far the uncertainty analysis is.
func (s *ResultsSection) uncertaintyProgress() app.UI {
	return &Progress{Ed: s.Ed, St: s.St, Of: progressUncertainty}
}

// uncertaintyBlock shows what the result depends on.
func (s *ResultsSection) uncertaintyBlock() app.UI {
	st := s.St
	u, r := st.U, st.Result
	if r == nil {
		return nil
	}
	if u == nil {
		return app.Div().Class("uncertainty updating").ID("uncertainty").Aria("busy", true).Body(
			app.H3().Text("What the result depends on"),
			app.P().Class("updating-note").ID("uncertainty-progress").Text("Working out the likely range…"),
			s.uncertaintyProgress())
	}
	cur := r.Currency
	labels := uncertainLabels(st)
	money := func(d decimal.Decimal) string { return calc.MoneyText(d, cur) }
	pct := func(d decimal.Decimal) string { return calc.Percent(d) }
	people := calc.PeopleCount
	sim := u.Simulation
	t := r.Totals
	rows := []struct{ id, label, now, likely string }{
		{"cost", "Total cost", money(t.Cost), spreadText(sim.Cost, money)},
		{"value", "Value", money(t.Value), spreadText(sim.Value, money)},
		{"net", "Net (value − cost)", money(t.Net), spreadText(sim.Net, money)},
		{"roi", "Return on investment", calc.NullPercent(t.ROI), spreadText(sim.ROI, pct)},
		{"reach", "Unique reach, average per month", people(t.AverageMonthlyReach), spreadText(sim.AverageMonthlyReach, people)},
		{"cost-per-1000", "Cost per 1,000 people reached", calc.NullMoneyText(t.CostPer1000Reached, cur), spreadText(sim.CostPer1000Reached, money)},
	}
	trs := []app.UI{}
	for _, row := range rows {
		trs = append(trs, app.Tr().ID("likely-"+row.id).Body(app.Th().Scope("row").Text(row.label),
			app.Td().Class("num").Text(row.now), app.Td().Class("num").Text(row.likely)))
	}
	class := "uncertainty"
	if st.UPending {
		class += " updating"
	}
	return app.Div().Class(class).ID("uncertainty").Aria("busy", st.UPending).Body(
		app.H3().Text("What the result depends on"),
		app.If(st.UPending, app.P().Class("updating-note").ID("uncertainty-progress").Text("Updating for the changed inputs; what follows is for the inputs before them.")),
		app.If(st.UPending, s.uncertaintyProgress()),
		app.P().ID("must-be-true").Text(mustBeTrue(st, u)),
		app.If(len(u.Inputs) > 0, app.P().ID("likely-net-text").Text(fmt.Sprintf("Likely net value (the middle 80%% of %s draws of the uncertain inputs): %s; %s.",
			calc.Grouped(fmt.Sprint(sim.Draws)), spreadText(sim.Net, money), calc.DrawsPayText(r, sim)))),
		app.If(len(u.Inputs) == 0, app.P().Text("No input has a range: the figures below are exact for the inputs as given.")),
		app.If(len(u.Inputs) > 0, app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Likely range").Body(
			app.Table().Class("grid").ID("likely-range").Body(
				app.Caption().Text(fmt.Sprintf("Likely range: the middle 80%% of %s draws of the uncertain inputs (P10 to P90); %s",
					calc.Grouped(fmt.Sprint(sim.Draws)), calc.DrawsPayText(r, sim))),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Figure"), app.Th().Scope("col").Text("With the values in use"), app.Th().Scope("col").Text("Likely range (P10 to P90)"))),
				app.TBody().Body(trs...),
			))),
		app.P().ID("robustness").Text(robustnessText(st, u, labels)),
		s.rangeList(u, labels),
	)
}

// mustBeTrue says, in words, what would have to be true for the plan to break even.
func mustBeTrue(st *State, u *calc.Uncertainty) string {
	r := st.Result
	cur := r.Currency
	if why := calc.NothingToPayBack(r); why != "" {
		return "There is nothing to break even: " + why + "."
	}
	if r.Totals.Net.Round(2).IsZero() { // as shown: to the cent
		return "The plan breaks even with the values in use: its value equals its cost."
	}
	if r.Totals.Net.IsPositive() {
		return "The plan pays with the values in use."
	}
	var parts []string
	sw := u.Switching
	if sw.ValuePer1000ForBreakEven.Valid {
		now := decimal.Zero
		if st.Scenario != nil && st.Scenario.ValuePer1000 != nil {
			now = *st.Scenario.ValuePer1000
		}
		parts = append(parts, fmt.Sprintf("1,000 people reached would have to be worth %s (now %s)",
			calc.MoneyText(sw.ValuePer1000ForBreakEven.Decimal, cur), calc.MoneyText(now, cur)))
	}
	if sw.ReachRateScaleForBreakEven.Valid {
		parts = append(parts, fmt.Sprintf("the reach rates would have to be %s× the assumed ones", calc.Grouped(sw.ReachRateScaleForBreakEven.Decimal.Round(1).String())))
	} else if sw.ValuePer1000ForBreakEven.Valid {
		parts = append(parts, "no reach rate alone would make it pay")
	}
	if len(parts) == 0 {
		if why := calc.NoReachText(r); why != "" {
			return "The plan does not pay: it reaches no one, because " + why + ". No value per 1,000 or reach rate alone would change that."
		}
		return "The plan does not pay, and no value per 1,000 or reach rate alone would change that."
	}
	return "To break even, " + strings.Join(parts, ", or ") + "."
}

// robustnessText says whether the recommendation holds at the ends of the ranges of
// the inputs that move the result most.
func robustnessText(st *State, u *calc.Uncertainty, labels map[string]string) string {
	if len(u.Robustness) == 0 {
		return "No input has a range, so the recommendation was not tested against one."
	}
	names := func(ids []string) string {
		if len(ids) == 0 {
			return "no platform"
		}
		var out []string
		for _, id := range ids {
			out = append(out, platformName(st, id))
		}
		return strings.Join(out, ", ")
	}
	var changes []string
	for _, rb := range u.Robustness {
		if rb.Same {
			continue
		}
		if !equalIDs(rb.AtLow, u.Recommended) {
			changes = append(changes, fmt.Sprintf("with %s at the low end it becomes %s", labels[rb.Input], names(rb.AtLow)))
		}
		if !equalIDs(rb.AtHigh, u.Recommended) {
			changes = append(changes, fmt.Sprintf("with %s at the high end it becomes %s", labels[rb.Input], names(rb.AtHigh)))
		}
	}
	if len(changes) == 0 {
		if len(u.Robustness) == 1 {
			return fmt.Sprintf("The recommendation (%s) holds for the 1 assumption that moves the result most, at both ends of its range.", names(u.Recommended))
		}
		return fmt.Sprintf("The recommendation (%s) holds for the %d assumptions that move the result most, at both ends of their ranges.",
			names(u.Recommended), len(u.Robustness))
	}
	return fmt.Sprintf("The recommendation (%s) changes: %s.", names(u.Recommended), strings.Join(changes, "; "))
}

func equalIDs(a, b []string) bool {
	return strings.Join(a, ",") == strings.Join(b, ",")
}

func platformName(st *State, id string) string {
	if st.Result != nil {
		for _, p := range st.Result.Platforms {
			if p.ID == id {
				return p.Name
			}
		}
	}
	return id
}

// rangeList shows each uncertain input with its range and where it comes from; each
// row's button opens the range beside the input in the form, where it is typed.
func (s *ResultsSection) rangeList(u *calc.Uncertainty, labels map[string]string) app.UI {
	if len(u.Inputs) == 0 {
		return nil
	}
	rows := []app.UI{}
	for _, in := range u.Inputs {
		name := in.Name
		rows = append(rows, app.Tr().DataSet("input", name).Body(
			app.Th().Scope("row").Text(labels[name]),
			app.Td().Class("num").Text(calc.InputText(in, in.Base)),
			app.Td().Class("num").Text(calc.InputText(in, in.Low)),
			app.Td().Class("num").Text(calc.InputText(in, in.High)),
			app.Td().Text(rangeSourceText(in.From)),
			app.Td().Class("no-print").Body(app.Button().Type("button").Class("secondary small").Text("Change").
				Aria("label", "Change the range of "+labels[name]).
				OnClick(func(ctx app.Context, e app.Event) { openRange(name) }, name)),
		))
	}
	return app.Details().Class("ranges").ID("ranges").Body(
		app.Summary().Text(fmt.Sprintf("The %s with a range, and where each range comes from", plural(len(u.Inputs), "input", "inputs"))),
		app.P().Class("hint").Text("Each range is typed beside its input in the form (Change goes there). A value you typed yourself counts as known unless you give its range."),
		app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Ranges of the uncertain inputs").Body(app.Table().Class("grid").Body(
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Input"), app.Th().Scope("col").Text("In use"),
				app.Th().Scope("col").Text("Low end"), app.Th().Scope("col").Text("High end"), app.Th().Scope("col").Text("Range from"),
				app.Th().Scope("col").Class("no-print").Text("Edit"))),
			app.TBody().Body(rows...),
		)),
	)
}

func rangeSourceText(from calc.RangeSource) string {
	switch from {
	case calc.FromScenario:
		return "this scenario"
	case calc.FromDataset:
		return "the dataset"
	}
	return "default range of an assumption"
}

// reachView is the tornado chart's view of what moves the reach, beside its view of
// net value.
func reachView(s *State) *ChartView {
	return &ChartView{Legend: "Show what moves", Label: "net value", AltLabel: "reach",
		Spec: report.TornadoReachChart(s.Result, s.U, uncertainLabels(s), report.Today())}
}

// altView is the other view of the chart with element id id, or nil.
func (s *State) altView(id string) *ChartView {
	if id == "chart-tornado" && len(s.tornado) > 0 {
		return s.reach
	}
	return nil
}
