package app

import (
	"platformroi/app/report"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Chart draws one report.ChartSpec with ECharts (through web/charts.js) and shows its text
// alternative: a one-sentence summary for screen readers and a data table.
type Chart struct {
	app.Compo
	Spec     report.ChartSpec
	FileName string // base name of exported images, such as the scenario's name
	// Stale, when not "", says that the figures are the last without problems: the
	// exported images carry it, and their files say "(out of date)".
	Stale string
	// Alt, when not nil, is another view of the chart, which radio buttons beside it
	// switch to (the tornado shows net value, or reach).
	Alt    *ChartView
	copied string
	alt    bool // Alt is shown
}

// ChartView is another view of a chart: its spec (the same element id), and what the
// radio buttons call the chart's own view and this one.
type ChartView struct {
	Legend, Label, AltLabel string
	Spec                    report.ChartSpec
}

// spec is the view shown.
func (c *Chart) spec() report.ChartSpec {
	if c.alt && c.Alt != nil {
		return c.Alt.Spec
	}
	return c.Spec
}

// Render shows the chart's container, summary and table. The canvas is drawn in the
// browser only; the prerendered page already carries the table.
func (c *Chart) Render() app.UI {
	s := c.spec()
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
	exportButton := func(label, format string) app.UI {
		return app.Button().Type("button").Class("secondary small").ID(s.ID+"-"+format).
			Aria("label", label+": "+s.Title).Text(label).
			OnClick(func(ctx app.Context, e app.Event) { c.export(ctx, format) }, format)
	}
	return app.Figure().Class("chart").Aria("labelledby", s.ID+"-caption").Body(
		app.Div().ID(s.ID).Class("chart-canvas").Role("img").Aria("label", s.Title+". "+s.Summary),
		app.FigCaption().ID(s.ID+"-caption").Body(
			app.Span().Class("chart-title").Text(s.Title),
			app.P().Class("chart-summary").Text(s.Summary),
		),
		c.viewSwitch(),
		app.Div().Class("chart-actions no-print").Body(
			exportButton("PNG", "png"),
			exportButton("SVG", "svg"),
			exportButton("Copy image", "copy"),
			app.If(c.copied != "", app.Span().Class("hint").Role("status").Text(c.copied)),
		),
		app.Details().Body(
			app.Summary().Text("Data table: "+s.Title),
			// Scrolled in its own box on a narrow screen, as the page's other tables are.
			app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Data table: "+s.Title).Body(
				app.Table().Class("grid").Body(
					app.THead().Body(app.Tr().Body(head...)),
					app.TBody().Body(rows...),
				),
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

// drawCharts hands charts to web/charts.js from the handler of the edit that changed
// them: those on screen draw in the input's own task rather than after go-app's next
// frame (up to 8 ms later) and the animation frame after it; their components' draw
// of the same option, after go-app's render, is then skipped by web/charts.js.
func drawCharts(specs []report.ChartSpec) {
	if !app.IsClient {
		return
	}
	if bridge := app.Window().Get("roiCharts"); bridge.Truthy() {
		for _, s := range specs {
			bridge.Call("draw", s.ID, s.Options)
		}
	}
}

func (c *Chart) draw(ctx app.Context) {
	if bridge := app.Window().Get("roiCharts"); bridge.Truthy() {
		s := c.spec()
		bridge.Call("draw", s.ID, s.Options)
	}
}

// viewSwitch is the pair of radio buttons that switch between the chart's views, or
// nothing when it has one.
func (c *Chart) viewSwitch() app.UI {
	if c.Alt == nil {
		return nil
	}
	name := c.Spec.ID + "-view"
	radio := func(key, label string, on bool) app.UI {
		id := name + "-" + key
		return app.Span().Body(
			app.Input().Type("radio").Name(name).ID(id).Value(key).Checked(on).
				OnChange(func(ctx app.Context, e app.Event) {
					c.alt = key == "alt"
					c.draw(ctx)
				}, key),
			app.Label().For(id).Text(label),
		)
	}
	return app.FieldSet().Class("chart-view no-print").Body(
		app.Legend().Text(c.Alt.Legend),
		radio("main", c.Alt.Label, !c.alt),
		radio("alt", c.Alt.AltLabel, c.alt),
	)
}

// export downloads the chart as a 1600 × 900 image (PNG at 2× pixel ratio, or SVG),
// or copies the PNG to the clipboard where the browser allows it.
func (c *Chart) export(ctx app.Context, format string) {
	bridge := app.Window().Get("roiCharts")
	if !bridge.Truthy() {
		return
	}
	s := c.spec()
	// The scenario's name, cut whole at a word when long, and the chart's short name.
	name := fileName(c.FileName) + " - " + s.FileName()
	option := s.Options
	if c.Stale != "" {
		name = fileName(c.FileName) + " (out of date) - " + s.FileName()
		option = report.MarkStale(option, c.Stale)
	}
	if format != "copy" {
		bridge.Call("download", s.ID, option, format, name)
		return
	}
	var done app.Func
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer done.Release()
		ok := len(args) > 0 && args[0].Bool()
		ctx.Dispatch(func(ctx app.Context) {
			c.copied = "Copied."
			if !ok {
				c.copied = "This browser does not allow copying images here: use PNG."
			}
		})
		return nil
	})
	bridge.Call("copy", option, done)
}
