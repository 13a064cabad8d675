package app

import (
	"fmt"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// The printed briefing (print-only; web/app.css lays it out on A4 landscape): on the
// first page the proposal with its key figures across the page, then, in two columns,
// what the result depends on, the assumptions in plain words and the sources; on the
// second the comparison of the workspace's scenarios (when there are several) and the
// charts, drawn as vector images by web/charts.js. Its figures are those the page
// shows, formatted alike.

// briefing is the print-only first page of the printed briefing.
func (s *ResultsSection) briefing() app.UI {
	st := s.St
	r := st.Result
	if r == nil {
		return nil
	}
	return app.Div().Class("print-only briefing").ID("briefing").Body(
		s.briefProposal(),
		app.Div().Class("brief-rest").Body(s.briefDepends(), s.briefAssumptions(), s.briefSources()),
	)
}

// planKey is a plan as text, its lines sorted, with no line of zero hours: two plans
// with the same key are the same plan.
func planKey(lines []calc.PlanLine) string {
	var out []string
	for _, l := range lines {
		if l.HoursPerWeek.IsZero() {
			continue
		}
		out = append(out, l.Platform+"\x00"+l.Role+"\x00"+l.HoursPerWeek.String())
	}
	sort.Strings(out)
	return strings.Join(out, "\x01")
}

// applied reports whether the plan in use is the recommended plan: the person applied
// the recommendation (or planned just that), so it is the proposal.
func applied(st *State) bool {
	return st.Rec != nil && st.Scenario != nil && !st.RecPending && planKey(st.Scenario.Plan) == planKey(st.Rec.Plan)
}

// planLines names a plan's lines, by role: "Digital officer: YouTube 10, Facebook 10
// (h/week)".
func planLines(r *calc.Result, lines []calc.PlanLine) []app.UI {
	names := map[string]string{}
	for _, pl := range r.Platforms {
		names[pl.ID] = pl.Name
	}
	var roles []string
	byRole := map[string][]string{}
	for _, l := range lines {
		if l.HoursPerWeek.IsZero() {
			continue
		}
		name := names[l.Platform]
		if name == "" {
			name = l.Platform
		}
		if _, ok := byRole[l.Role]; !ok {
			roles = append(roles, l.Role)
		}
		byRole[l.Role] = append(byRole[l.Role], name+" "+l.HoursPerWeek.String())
	}
	var out []app.UI
	for _, role := range roles {
		out = append(out, app.Li().Text(role+": "+strings.Join(byRole[role], ", ")+" (h/week)"))
	}
	if len(out) == 0 {
		out = append(out, app.Li().Text("No platform"))
	}
	return out
}

// keyFigures are a result's key figures, as the page's headline shows them.
func keyFigures(r *calc.Result) [][2]string {
	// The page's headline figures (report.Headline), with the net value and the staff
	// time of the plan.
	shown := map[string][2]string{}
	for _, f := range report.Headline(r, nil) {
		shown[f.ID] = [2]string{f.Label, f.Value}
	}
	t, cur := r.Totals, r.Currency
	return [][2]string{
		shown["total-cost"], shown["staff-cost"], shown["cash-cost"], shown["value"],
		{"Net (value − cost)", calc.MoneyText(t.Net, cur)},
		shown["roi"], shown["break-even"], shown["cost-per-1000"], shown["reach"],
		{"Staff time in the plan", calc.HoursText(t.HoursPerWeek)},
	}
}

// likelyColumn is the likely range (P10 to P90) of each key figure of the plan in use,
// "" where there is none.
func likelyColumn(st *State) []string {
	out := make([]string, len(keyFigures(st.Result)))
	u := st.U
	if u == nil || len(u.Inputs) == 0 {
		return out
	}
	cur := st.Result.Currency
	// "56,428.41 to 57,147.41 EUR": the unit once, after the range.
	spread := func(sp calc.Spread, show func(decimal.Decimal) string, unit string) string {
		if !sp.P10.Valid || !sp.P90.Valid {
			return "n/a"
		}
		return show(sp.P10.Decimal) + " to " + show(sp.P90.Decimal) + unit
	}
	money := func(d decimal.Decimal) string { return calc.Grouped(calc.Money(d)) }
	sim := u.Simulation
	out[0] = spread(sim.Cost, money, " "+cur)
	out[3] = spread(sim.Value, money, " "+cur)
	out[4] = spread(sim.Net, money, " "+cur)
	out[5] = spread(sim.ROI, calc.Percent, "")
	out[7] = spread(sim.CostPer1000Reached, money, " "+cur)
	out[8] = spread(sim.AverageMonthlyReach, calc.PeopleText, " people")
	return out
}

// briefProposal states what is proposed: the recommended plan when it is the plan in
// use (applied), else the current plan and the recommendation, not applied, side by
// side, with their key figures.
func (s *ResultsSection) briefProposal() app.UI {
	st := s.St
	r, rec := st.Result, st.Rec
	isApplied := applied(st)
	var heading, lede string
	cols := []string{}
	switch {
	case rec == nil:
		heading = "Proposed: the current plan"
		lede = "The recommendation is not worked out yet; the figures are the current plan's."
		cols = append(cols, "Proposed: the current plan")
	case isApplied:
		heading = "Proposed: the recommended plan"
		lede = "The recommendation was applied: the plan in use is the recommended plan."
		cols = append(cols, "Proposed: the recommended plan (applied)")
	default:
		heading = "Proposal: the current plan or the recommendation"
		lede = "Not chosen yet: the recommendation has not been applied. Both plans are shown."
		cols = append(cols, "Current plan")
	}
	u := st.U
	hasLikely := u != nil && len(u.Inputs) > 0
	if hasLikely {
		cols = append(cols, "Likely range (P10 to P90)")
	}
	showRec := rec != nil && !isApplied
	if showRec {
		cols = append(cols, "Recommendation (not applied)")
	}
	head := []app.UI{app.Th().Scope("col").Text("Figure")}
	for i, c := range cols {
		th := app.Th().Scope("col").Text(c)
		if hasLikely && i == 1 {
			th = th.Class("likely")
		}
		head = append(head, th)
	}
	plans := []app.UI{app.Th().Scope("row").Text("Platforms and hours")}
	// A plan has no likely range: its lines take that column's width too, and so fewer
	// lines on paper.
	cur := app.Td().Body(app.Ul().Body(planLines(r, st.Scenario.Plan)...))
	if hasLikely {
		cur = cur.ColSpan(2)
	}
	plans = append(plans, cur)
	if showRec {
		plans = append(plans, app.Td().Body(app.Ul().Body(planLines(r, rec.Plan)...)))
	}
	rows := []app.UI{app.Tr().Class("brief-plans").Body(plans...)}
	likely := likelyColumn(st)
	var recFigures [][2]string
	if showRec {
		recFigures = keyFigures(rec.Result)
	}
	for i, kf := range keyFigures(r) {
		cells := []app.UI{app.Th().Scope("row").Text(kf[0]), app.Td().Class("num").Text(kf[1])}
		if hasLikely {
			cells = append(cells, app.Td().Class("num likely").Text(likely[i]))
		}
		if showRec {
			cells = append(cells, app.Td().Class("num").Text(recFigures[i][1]))
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	var why []string
	if rec != nil {
		names := map[string]string{}
		for _, pl := range r.Platforms {
			names[pl.ID] = pl.Name
		}
		for _, m := range rec.Marginal {
			loss := calc.PeopleCount(m.Loss) + " reached"
			if rec.Objective == calc.ObjectiveNet {
				loss = calc.MoneyText(m.Loss, r.Currency) + " of net value"
			}
			why = append(why, fmt.Sprintf("without %s it would lose %s", names[m.Platform], loss))
		}
	}
	objective := "the most people reached"
	if rec != nil && rec.Objective == calc.ObjectiveNet {
		objective = "the highest net value"
	}
	// app.If evaluates its element whatever the condition: nothing in it may need rec.
	bound, whyLine := "", ""
	if rec != nil {
		bound = calc.BoundText(rec, r.Currency)
		whyLine = fmt.Sprintf("The recommendation is the plan with %s for the %s of staff time available.", objective, calc.HoursText(rec.PoolHours)) + whyText(why)
	}
	return app.Section().Class("brief-proposal").Body(
		app.H3().ID("brief-proposal-h").Text(heading),
		app.P().Text(lede),
		app.If(st.RecPending, app.P().Text("The recommendation is being worked out again for the changed inputs; the one shown is for the inputs before them.")),
		app.Table().Class("grid brief-figures").ID("brief-figures").Body(
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		),
		app.If(whyLine != "", app.P().ID("brief-why").Text(whyLine)),
		app.If(bound != "", app.P().Text("Not proven the best: the search stopped at its step budget. The recommended plan is "+bound+".")),
	)
}

func whyText(why []string) string {
	if len(why) == 0 {
		return ""
	}
	return " Why these platforms: " + strings.Join(why, "; ") + "."
}

// briefDepends says, in brief, what the result depends on: what would have to be true
// to break even, the likely net value, and whether the recommendation holds.
func (s *ResultsSection) briefDepends() app.UI {
	st := s.St
	u := st.U
	if u == nil {
		return app.Section().Class("brief-depends").Body(
			app.H3().Text("What the result depends on"),
			app.P().Text("The likely range was still being worked out when this was printed."))
	}
	cur := st.Result.Currency
	sim := u.Simulation
	money := func(d decimal.Decimal) string { return calc.MoneyText(d, cur) }
	labels := uncertainLabels(st)
	return app.Section().Class("brief-depends").Body(
		app.H3().Text("What the result depends on"),
		app.If(st.UPending, app.P().Text("Being worked out again for the changed inputs; what follows is for the inputs before them.")),
		app.P().ID("brief-must-be-true").Text("What would have to be true: "+mustBeTrue(st, u)),
		app.If(len(u.Inputs) > 0, app.P().ID("brief-likely").Text(fmt.Sprintf(
			"Likely range: in the middle 80%% of %s draws of the uncertain inputs (P10 to P90) the net value is %s; %s.",
			calc.Grouped(fmt.Sprint(sim.Draws)), spreadText(sim.Net, money), calc.DrawsPayText(st.Result, sim)))),
		app.If(len(u.Inputs) == 0, app.P().Text("No input has a range: the figures are exact for the inputs as given.")),
		app.P().ID("brief-robustness").Text(briefRobustness(u, labels)),
	)
}

// briefRobustness says in one sentence whether the recommendation holds at the ends of
// the ranges of the inputs that move the result most (the page says what it becomes).
func briefRobustness(u *calc.Uncertainty, labels map[string]string) string {
	if len(u.Robustness) == 0 {
		return "No input has a range, so the recommendation was not tested against one."
	}
	var changes []string
	for _, rb := range u.Robustness {
		if !rb.Same {
			changes = append(changes, labels[rb.Input])
		}
	}
	if len(changes) == 0 {
		if len(u.Robustness) == 1 {
			return "The recommendation holds at both ends of the range of the 1 assumption that moves the result most."
		}
		return fmt.Sprintf("The recommendation holds at both ends of the ranges of the %d assumptions that move the result most.", len(u.Robustness))
	}
	return fmt.Sprintf("The recommendation is not certain: it changes when one of these is at an end of its range: %s.", strings.Join(changes, "; "))
}

// briefAssumptions puts the scenario's inputs in plain words, and names the figures
// still at their defaults.
func (s *ResultsSection) briefAssumptions() app.UI {
	st := s.St
	r, sc := st.Result, st.Scenario
	cur := r.Currency
	items := []app.UI{}
	items = append(items, app.Li().Text(fmt.Sprintf("The target audience is %s people; the figures cover %s.",
		calc.PeopleText(sc.Audience.Size), calc.MonthsText(r.HorizonMonths))))
	for _, role := range sc.Staff {
		rate := decimal.Zero
		how := "an hour, loaded"
		switch {
		case role.HourlyCost != nil:
			rate = *role.HourlyCost
		case role.AnnualSalary != nil:
			rate = calc.LoadedRate(*role.AnnualSalary, orDefault(role.OnCost, calc.DefaultOnCost),
				orDefault(role.Overhead, calc.DefaultOverhead), orDefault(role.ProductiveHours, calc.DefaultProductiveHours))
			how = "an hour (from the annual salary of " + calc.MoneyText(*role.AnnualSalary, cur) + " with on-costs and overhead)"
		}
		items = append(items, app.Li().Text(fmt.Sprintf("%s: %s %s, with %s available.", role.Name, calc.MoneyText(rate, cur), how, calc.HoursText(role.HoursPerWeek))))
	}
	v := decimal.Zero
	if sc.ValuePer1000 != nil {
		v = *sc.ValuePer1000
	}
	items = append(items, app.Li().Text(fmt.Sprintf("Reaching 1,000 people of the target audience is worth %s.", calc.MoneyText(v, cur))))
	for _, b := range sc.Benefits {
		ramp := ""
		if b.Ramped {
			ramp = ", growing as the presence matures"
		}
		items = append(items, app.Li().Text(fmt.Sprintf("%s: worth %s a month%s.", b.Name, calc.MoneyText(b.AmountPerMonth, cur), ramp)))
	}
	// Platforms with the same assumed parameters are named together.
	var order []string
	groups := map[string][]string{}
	for _, pl := range r.Platforms {
		if !pl.InPlan || len(pl.Assumed) == 0 {
			continue
		}
		var words []string
		for _, a := range pl.Assumed {
			words = append(words, report.ParamText(a))
		}
		k := strings.Join(words, ", ")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], pl.Name)
	}
	for _, k := range order {
		items = append(items, app.Li().Text(fmt.Sprintf("Assumed, not measured (defaults of the dataset): %s: %s.", strings.Join(groups[k], ", "), k)))
	}
	if len(r.Defaults) > 0 {
		// "Digital officer: on-costs, overhead", not the role's name each time.
		var d []string
		at := map[string]int{}
		for _, f := range r.Defaults {
			label := st.Form.FieldLabel(f, r.Dataset)
			if who, what, ok := strings.Cut(label, ": "); ok {
				if i, seen := at[who]; seen {
					d[i] += ", " + what
					continue
				}
				at[who] = len(d)
			}
			d = append(d, label)
		}
		items = append(items, app.Li().Text("At the calculator's defaults: "+strings.Join(d, "; ")+"."))
	}
	return app.Section().Class("brief-assumptions").Body(
		app.H3().Text("Assumptions"),
		app.Ul().ID("brief-assumptions").Body(items...),
	)
}

func orDefault(d *decimal.Decimal, def decimal.Decimal) decimal.Decimal {
	if d == nil {
		return def
	}
	return *d
}

// briefSources says where the figures come from.
func (s *ResultsSection) briefSources() app.UI {
	ds := s.DS
	if s.St.Result != nil && s.St.Result.Dataset != nil {
		ds = s.St.Result.Dataset
	}
	demo := "Who uses each platform: " + sourceText(ds)
	return app.Section().Class("brief-sources").Body(
		app.H3().Text("Sources"),
		app.Ul().Body(
			app.Li().ID("brief-source-demographics").Text(demo),
			app.Li().Text("Costs and value: the scenario's own inputs; platform parameters from the dataset unless the scenario sets them."),
		),
	)
}
