package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// ResultsSection shows the results of the scenario being edited: the headline
// figures, the recommendation, the table per platform, the charts, the comparison of
// scenarios and the assumptions. While the form has problems it shows the last
// results without problems, marked out of date on the page and on paper.
type ResultsSection struct {
	app.Compo
	Ed      *Editor
	St      *State
	Version int // St.Version: St is changed in place
	DS      *calc.Dataset
	Labels  []ProblemLink
	Compare *report.Comparison
	Kept    int // scenarios in the workspace
	// Said is set once the results have been worked out and left unchanged for a
	// moment: screen readers hear them then.
	Said bool
}

// Render shows the results.
func (s *ResultsSection) Render() app.UI {
	st := s.St
	r := st.Result
	if r == nil {
		return app.Section().ID("results").TabIndex(-1).Class("results").Aria("labelledby", "results-h").Body(
			app.H2().ID("results-h").Text("Results"),
			app.Div().Class("stale-notice out-of-date").Role("status").Body(
				app.Strong().Text(fmt.Sprintf("No results yet: fix %s. ", plural(st.ProblemCount(), "problem", "problems"))),
				problemList(s.Labels),
			))
	}
	cur := r.Currency
	t := r.Totals
	stale := ""
	if st.Stale() {
		stale = report.StaleText(st.ProblemCount())
	}
	class := "results"
	if st.Stale() {
		class += " stale"
	}
	return app.Section().ID("results").TabIndex(-1).Class(class).Aria("labelledby", "results-h").Body(
		app.H2().ID("results-h").Text("Results: "+r.Scenario),
		app.P().Class("print-only").Text(fmt.Sprintf("Briefing, %s. Amounts in %s over %s. Prepared with the platform ROI calculator; figures computed from the scenario's inputs.", report.Today(), cur, calc.MonthsText(r.HorizonMonths))),
		// Stable containers: a notice appearing must not shift what follows (go-app
		// matches children by position, and would rebuild the open details below).
		app.Div().Class("notice-area").Body(app.If(st.Stale(), app.Div().Class("stale-notice out-of-date").Role("status").ID("out-of-date").Body(
			app.Strong().Text(fmt.Sprintf("Out of date: fix %s. ", plural(st.ProblemCount(), "problem", "problems"))),
			app.Text("These results are for the last input without problems, not for the form as it is now."),
			problemList(s.Labels),
		))),
		app.Div().Class("notice-area").Body(app.If(illustrative(st.U, uncertainLabels(st)) != "", app.P().Class("illustrative").ID("illustrative").Text(
			"Illustrative figures: an assumed default is among the three inputs that move them most. Replace it first with your own analytics: "+illustrative(st.U, uncertainLabels(st))+"."))),
		s.briefing(),
		app.Div().Class("headline").Body(headline(headlineFigures(st))...),
		// What screen readers hear of the results: once they are all worked out, not at
		// each key typed (the figures, then their likely ranges, change at each one).
		app.P().Class("sr-only").Aria("live", "polite").ID("results-said").Text(resultsSaid(st, s.Said)),
		app.P().Class("hint").Text(fmt.Sprintf("Unique reach counts a person once a month across platforms; summed over %s it is %s. ROI is (value − cost) / cost.",
			calc.MonthsText(r.HorizonMonths), calc.PeopleText(t.Reach))),
		app.Div().Class("downloads no-print").Body(
			app.Button().Type("button").ID("print-briefing").Text("Print briefing (A4)").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
			app.Button().Type("button").Class("secondary").ID("results-json").Text("Results (JSON)").
				OnClick(func(ctx app.Context, e app.Event) { s.Ed.downloadResults("json") }),
			app.Button().Type("button").Class("secondary").ID("results-platforms-csv").Text("Per platform (CSV)").
				OnClick(func(ctx app.Context, e app.Event) { s.Ed.downloadResults("platforms") }),
			app.Button().Type("button").Class("secondary").ID("results-months-csv").Text("Per month (CSV)").
				OnClick(func(ctx app.Context, e app.Event) { s.Ed.downloadResults("months") }),
			&SlidesButton{Ed: s.Ed},
			app.If(st.Stale(), app.P().Class("hint").Text("Results files hold the last results without problems, and say so in their name.")),
		),
		s.uncertaintyBlock(),
		s.recommendationBox(),
		s.platformTable(),
		app.Div().Class("charts").Body(app.Range(st.Charts).Slice(func(i int) app.UI {
			return &Chart{Spec: st.Charts[i], FileName: r.Scenario, Alt: st.altView(st.Charts[i].ID), Stale: stale}
		})),
		compareSection(s.Ed, s.Compare, s.Kept, stale),
		s.assumptions(),
	)
}

// resultsSaid is the headline figures in one sentence, once the recommendation and the
// likely ranges are worked out for the inputs as they are and said is set (no edit came
// for a moment); "" before, and while the form has problems (the out-of-date notice
// says them).
func resultsSaid(st *State, said bool) string {
	if !said || st.Result == nil || st.Stale() || st.RecPending || st.UPending {
		return ""
	}
	parts := []string{}
	for _, f := range report.Headline(st.Result, st.U) {
		part := f.Label + ": " + f.Value
		if f.Likely != "" {
			part += ", likely " + f.Likely
		}
		parts = append(parts, part)
	}
	return "Results: " + strings.Join(parts, "; ") + "."
}

// pendingLikely stands for a likely range while it is worked out again for the
// changed inputs: the one at hand is for the inputs before them.
const pendingLikely = "range: updating…"

// headlineFigures are the headline's figures; while what the result depends on is
// worked out again, their likely ranges say so rather than show the old inputs'.
func headlineFigures(st *State) []report.Figure {
	figs := report.Headline(st.Result, st.U)
	if st.UPending {
		for i := range figs {
			if figs[i].Likely != "" {
				figs[i].Likely = pendingLikely
			}
		}
	}
	return figs
}

// figure is a headline figure, with its likely range (P10 to P90) when there is one.
func figure(id, label, value, likely string) app.UI {
	return app.Div().Class("figure").ID("fig-"+id).Body(
		app.Span().Class("label").Text(label),
		app.Span().Class("value").Text(value),
		app.If(likely != "" && likely != pendingLikely, app.Span().Class("likely").Text("likely "+likely)).
			ElseIf(likely == pendingLikely, app.Span().Class("likely updating").Text("likely "+likely)),
	)
}

// searchProgress shows how far the search for the recommendation is.
func (s *ResultsSection) searchProgress() app.UI {
	return &Progress{Ed: s.Ed, St: s.St, Of: progressSearch}
}

func (s *ResultsSection) recommendationBox() app.UI {
	st := s.St
	rec, r := st.Rec, st.Result
	if rec == nil {
		if !st.RecPending {
			return nil
		}
		return app.Div().Class("recommendation updating").ID("recommendation").Aria("busy", true).Body(
			app.H3().Text("Recommendation"),
			app.P().Class("updating-note").Text("Working out the recommendation for these inputs."),
			s.searchProgress(),
		)
	}
	cur := r.Currency
	names := map[string]string{}
	for _, pl := range r.Platforms {
		names[pl.ID] = pl.Name
	}
	objective := "the most people reached"
	value := calc.PeopleCount(rec.ObjectiveValue) + " (monthly unique reach summed over the horizon)"
	loss := calc.PeopleCount
	if rec.Objective == calc.ObjectiveNet {
		objective = "the highest net value"
		value = calc.MoneyText(rec.ObjectiveValue, cur) + " net"
		loss = func(d decimal.Decimal) string { return calc.MoneyText(d, cur) }
	}
	rt := rec.Result.Totals
	items := []app.UI{}
	for _, l := range rec.Plan {
		items = append(items, app.Li().Text(fmt.Sprintf("%s: %s by %s", names[l.Platform], calc.HoursText(l.HoursPerWeek), l.Role)))
	}
	why := []app.UI{}
	for _, m := range rec.Marginal {
		why = append(why, app.Li().Text(fmt.Sprintf("Without %s the plan would lose %s.", names[m.Platform], loss(m.Loss))))
	}
	class := "recommendation"
	if st.RecPending {
		class += " updating"
	}
	bound := calc.BoundText(rec, cur)
	return app.Div().Class(class).ID("recommendation").Aria("busy", st.RecPending).Body(
		app.H3().Text("Recommendation"),
		app.If(st.RecPending, app.P().Class("updating-note").Text("Updating for the changed inputs; what follows is for the inputs before them.")),
		app.If(st.RecPending, s.searchProgress()),
		app.P().Text(fmt.Sprintf("For %s with %s of staff time: %s.", objective, calc.HoursText(rec.PoolHours), value)),
		app.If(bound != "", app.P().ID("recommendation-bound").Text("Not proven the best: the search stopped at its step budget. This plan is "+bound+".")),
		app.If(len(items) == 0, app.P().Text("No platform: with these hours and values, no presence improves the objective.")),
		app.Ul().ID("recommended-plan").Body(items...),
		app.If(len(why) > 0, app.P().Text("Why these platforms:"), app.Ul().Body(why...)),
		app.P().Text(fmt.Sprintf("The recommended plan costs %s over %s (ROI %s, break-even %s).",
			calc.MoneyText(rt.Cost, cur), calc.MonthsText(r.HorizonMonths), calc.NullPercent(rt.ROI), calc.BreakEvenText(rec.Result))),
	)
}

func (s *ResultsSection) platformTable() app.UI {
	r := s.St.Result
	cur := r.Currency
	rows := []app.UI{}
	for _, pl := range r.Platforms {
		if !pl.InPlan {
			continue
		}
		status := "credible"
		if !pl.Credible {
			status = "below minimum hours: reaches no one"
		}
		rows = append(rows, app.Tr().DataSet("platform", pl.ID).Body(
			app.Th().Scope("row").Text(pl.Name),
			app.Td().Class("num").Text(calc.HoursText(pl.HoursPerWeek)),
			app.Td().Text(status),
			app.Td().Class("num").Text(calc.MoneyText(pl.Cost, cur)),
			app.Td().Class("num").Text(calc.MoneyText(pl.StaffCost, cur)),
			app.Td().Class("num").Text(calc.MoneyText(pl.CashCost, cur)),
			app.Td().Class("num").Text(calc.MoneyText(pl.Value, cur)),
			app.Td().Class("num").Text(calc.NullPercent(pl.ROI)),
			app.Td().Class("num").Text(calc.PeopleText(pl.Reach)),
		))
	}
	return app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Results per platform").Body(app.Table().Class("grid").ID("platform-results").Body(
		app.Caption().Text(fmt.Sprintf("Per platform over %s (amounts in %s; a platform's value counts its own reach only)", calc.MonthsText(r.HorizonMonths), cur)),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text("Platform"), app.Th().Scope("col").Text("Hours"), app.Th().Scope("col").Text("Presence"),
			app.Th().Scope("col").Text("Cost"), app.Th().Scope("col").Text("Staff time"), app.Th().Scope("col").Text("Tools and ads"),
			app.Th().Scope("col").Text("Value"), app.Th().Scope("col").Text("ROI"), app.Th().Scope("col").Text("Reach (people, summed over months)"),
		)),
		app.TBody().Body(rows...),
	))
}

func (s *ResultsSection) assumptions() app.UI {
	r := s.St.Result
	items := []app.UI{}
	for _, a := range report.Assumptions(r) {
		items = append(items, app.Li().Text(a))
	}
	return app.Div().Class("assumptions").Body(
		app.H3().Text("Assumptions still at their defaults"),
		app.Ul().Body(items...),
		app.P().Class("source").Text("Source of the demographic figures: "+sourceText(s.DS)),
	)
}

// downloadResults offers the results as a file: the results document (JSON, the
// command line's --json), or the per-platform or per-month CSV.
func (e *Editor) downloadResults(kind string) {
	p := e.p
	if kind == "json" {
		p.st.Recommend() // if it is pending: the file must carry the inputs' own
	}
	r, rec := p.st.Result, p.st.Rec
	if r == nil {
		return
	}
	name := fileName(r.Scenario)
	if p.st.Stale() {
		name += " (out of date)"
	}
	switch kind {
	case "json":
		// The uncertainty the page shows, or, while it is being worked out, worked out
		// for the file.
		u := p.st.U
		if p.st.UPending || u == nil {
			u = nil
			if p.st.prep != nil && rec != nil {
				u = p.st.prep.Uncertainty(rec)
			}
		}
		data, err := calc.MarshalResults(r, rec, u)
		if err != nil {
			p.ws.Notice = "The results could not be exported: " + err.Error()
			p.Update()
			return
		}
		download(name+" - results.json", "application/json", string(data))
	case "platforms":
		download(name+" - per platform.csv", "text/csv", string(calc.PlatformsCSV(r)))
	case "months":
		download(name+" - per month.csv", "text/csv", string(calc.MonthsCSV(r)))
	}
}
