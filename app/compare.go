package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/app/report"
	"platformroi/calc"
)

// Compare builds the comparison of the workspace's scenarios.
func Compare(w *Workspace) *report.Comparison {
	cur := w.Current()
	if cur.Result == nil {
		return nil
	}
	cur0 := cur.Result.Currency
	c := &report.Comparison{}
	for _, e := range w.Entries {
		r := e.State.Result
		switch {
		case !e.State.Checked():
			c.Left = append(c.Left, e.State.Form.Name+" (not computed yet)")
			c.Unchecked++
		case r == nil:
			c.Left = append(c.Left, e.State.Form.Name+" (no figures yet: it has problems)")
		case r.Currency != cur0:
			c.Left = append(c.Left, fmt.Sprintf("%s (amounts in %s)", r.Scenario, r.Currency))
		default:
			// A form with problems keeps the figures of its last input without
			// problems: its name says they are out of date, in the table and charts.
			name := r.Scenario
			if e.State.Stale() {
				name += " (out of date: its form has problems)"
			}
			c.Rows = append(c.Rows, report.CompareRow{Name: name, Current: e.State == cur, Result: r})
		}
	}
	out := report.NewComparison(cur0, cur.Result.Scenario, c.Rows, c.Left)
	out.Unchecked = c.Unchecked
	base := cur.simulatedNet()
	for _, r := range c.Rows {
		text := ""
		if !r.Current {
			for _, e := range w.Entries {
				if e.State.Result == r.Result {
					if s := calc.ShareAhead(e.State.simulatedNet(), base); s.Valid {
						text = calc.Percent(s.Decimal)
					}
				}
			}
		}
		out.Ahead = append(out.Ahead, text)
	}
	return out
}

// comparison is the comparison of the workspace's scenarios, when there are several.
func (p *Page) comparison() *report.Comparison {
	if len(p.ws.Entries) < 2 {
		return nil
	}
	return Compare(p.ws)
}

// compareSection shows the comparison of kept scenarios (when there are several).
// stale, when not "", says that the scenario edited has problems (see Chart.Stale).
func compareSection(ed *Editor, c *report.Comparison, kept int, stale string) app.UI {
	if kept < 2 {
		return nil
	}
	if c == nil {
		return app.Section().Class("compare").Body(app.H3().Text("Compare scenarios"),
			app.P().Text("The scenario being edited has no valid figures yet; fix its problems to compare it."))
	}
	if len(c.Rows) < 2 {
		// Nothing to set beside the scenario edited: no table or charts of it alone.
		return app.Section().Class("compare").ID("compare").Aria("labelledby", "compare-h").Body(
			app.H3().ID("compare-h").Text("Compare scenarios"),
			app.Div().Class("compare-body").Body(
				app.P().Class("hint").Text("No other scenario kept can be compared with this one yet."),
				app.If(len(c.Left) > 0, app.P().Class("hint").Text("Not compared: "+joinNames(c.Left)+".")),
				app.If(c.Unchecked > 0, app.Button().Type("button").Class("secondary").ID("compare-all").
					Text(fmt.Sprintf("Compute and compare the other %s", plural(c.Unchecked, "scenario", "scenarios"))).
					OnClick(func(ctx app.Context, e app.Event) { ed.compareAll() })),
			),
		)
	}
	head := []app.UI{app.Th().Scope("col").Text("Figure")}
	for _, r := range c.Rows {
		label := r.Name
		if r.Current {
			label += " (being edited)"
		}
		head = append(head, app.Th().Scope("col").Text(label))
	}
	rows := []app.UI{}
	ahead := []app.UI{app.Th().Scope("row").Text(report.AheadLabel)}
	for i := range c.Rows {
		text := "—"
		if i < len(c.Ahead) && c.Ahead[i] != "" {
			text = c.Ahead[i]
		}
		ahead = append(ahead, app.Td().Class("num").Text(text))
	}
	for _, kf := range report.KeyFigures {
		cells := []app.UI{app.Th().Scope("row").Text(kf.Label)}
		for _, r := range c.Rows {
			text, diff := c.Cell(kf, r)
			cells = append(cells, app.Td().Class("num").Body(app.Text(text),
				app.If(diff != "", app.Br(), app.Span().Class("diff").Body(app.Text(diff), app.Span().Class("vs").Text(" vs "+c.Base)))))
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	return app.Section().Class("compare").ID("compare").Aria("labelledby", "compare-h").Body(
		app.H3().ID("compare-h").Text("Compare scenarios"),
		// The table and its notes in one block: printed, the key figures chart stands
		// beside it (web/app.css).
		app.Div().Class("compare-body").Body(
			app.P().Class("hint").Text("Differences are against the scenario being edited ("+c.Base+"); amounts in "+c.Currency+"."),
			app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Scenario comparison").Body(
				app.Table().Class("grid").ID("compare-table").Body(
					app.Caption().Text("Key figures per scenario"),
					app.THead().Body(app.Tr().Body(head...)),
					app.TBody().Body(append(rows, app.Tr().ID("compare-ahead").Body(ahead...))...),
				)),
			app.P().Class("hint").ID("compare-ahead-note").Text(report.AheadNote),
			app.If(len(c.Left) > 0, app.P().Class("hint").Text("Not compared: "+joinNames(c.Left)+".")),
			app.If(mixedMeasures(c) != "", app.P().Class("notice").Role("note").ID("compare-measures").Text(mixedMeasures(c))),
			app.If(c.Unchecked > 0, app.Button().Type("button").Class("secondary").ID("compare-all").
				Text(fmt.Sprintf("Compute and compare the other %s", plural(c.Unchecked, "scenario", "scenarios"))).
				OnClick(func(ctx app.Context, e app.Event) { ed.compareAll() })),
		),
		app.Div().Class("charts").Body(app.Range(c.Charts).Slice(func(i int) app.UI {
			return &Chart{Spec: c.Charts[i], FileName: "Comparison", Stale: stale}
		})),
	)
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += "; "
		}
		out += n
	}
	return out
}

// compareAll computes the scenarios kept in the browser that were not computed yet.
func (e *Editor) compareAll() {
	e.p.ws.CheckAll(e.p.cat)
	e.p.Update()
}

// CheckAll checks and computes the scenarios not computed yet.
func (w *Workspace) CheckAll(c *calc.Catalog) {
	for _, en := range w.Entries {
		if !en.State.Checked() {
			en.State.Recompute(c)
		}
	}
}

// mixedMeasures says when the scenarios compared read their audience against datasets
// that measure different things (weekly news use against ever use, adults against
// internet users): their fit and reach are then not comparable as they stand.
func mixedMeasures(c *report.Comparison) string {
	if c == nil {
		return ""
	}
	kinds := map[string][]string{}
	var order []string
	for _, r := range c.Rows {
		ds := r.Result.Dataset
		k := ds.Measure
		if pr := ds.Provenance; pr != nil && pr.MeasureKind != "" {
			k = pr.MeasureKind.Description()
			ages := pr.Ages
			if pr.Base == calc.BaseAdults && ages == "18+" {
				ages = "" // adults are 18 and over where a source does not say otherwise
			}
			if b := calc.BaseDescription(pr.Base, ages); b != "" {
				k += " of " + b
			}
		}
		if _, seen := kinds[k]; !seen {
			order = append(order, k)
		}
		kinds[k] = append(kinds[k], r.Name)
	}
	if len(order) < 2 {
		return ""
	}
	parts := make([]string, len(order))
	for i, k := range order {
		parts[i] = fmt.Sprintf("%s (%s)", k, joinNames(kinds[k]))
	}
	return "Careful: these scenarios' demographics measure different things, so their reach and fit are not comparable as they stand: " + strings.Join(parts, "; ") + "."
}

// simulatedNet is the scenario's net value in each draw of its simulation (nil when it
// has none), kept until its inputs change.
func (s *State) simulatedNet() []float64 {
	if s.prep == nil || s.Stale() {
		return nil
	}
	if s.netsVersion != s.Version {
		s.nets, s.netsVersion = s.prep.SimulatedNet(), s.Version
	}
	return s.nets
}
