package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Chart draws one ChartSpec with ECharts (through web/charts.js) and shows its text
// alternative: a one-sentence summary for screen readers and a data table.
type Chart struct {
	app.Compo
	Spec ChartSpec
}

// Render shows the chart's container, summary and table. The canvas is drawn in the
// browser only; the prerendered page already carries the table.
func (c *Chart) Render() app.UI {
	s := c.Spec
	head := []app.UI{}
	for _, h := range s.Table.Head {
		head = append(head, app.Th().Scope("col").Text(h))
	}
	rows := []app.UI{}
	for _, r := range s.Table.Rows {
		cells := []app.UI{}
		for j, v := range r {
			if j == 0 {
				cells = append(cells, app.Th().Scope("row").Text(v))
			} else {
				cells = append(cells, app.Td().Class("num").Text(v))
			}
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	return app.Figure().Class("chart").Aria("labelledby", s.ID+"-caption").Body(
		app.Div().ID(s.ID).Class("chart-canvas").Role("img").Aria("label", s.Title+". "+s.Summary),
		app.FigCaption().ID(s.ID+"-caption").Body(
			app.Span().Class("chart-title").Text(s.Title),
			app.P().Class("chart-summary").Text(s.Summary),
		),
		app.Details().Body(
			app.Summary().Text("Data table: "+s.Title),
			app.Table().Class("grid").Body(
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(rows...),
			),
		),
	)
}

// OnMount draws the chart.
func (c *Chart) OnMount(ctx app.Context) { c.draw(ctx) }

// OnUpdate redraws the chart when its spec changed.
func (c *Chart) OnUpdate(ctx app.Context) { c.draw(ctx) }

// OnDismount frees the chart.
func (c *Chart) OnDismount() {
	if bridge := app.Window().Get("roiCharts"); bridge.Truthy() {
		bridge.Call("dispose", c.Spec.ID)
	}
}

func (c *Chart) draw(ctx app.Context) {
	if bridge := app.Window().Get("roiCharts"); bridge.Truthy() {
		bridge.Call("draw", c.Spec.ID, c.Spec.Options)
	}
}
