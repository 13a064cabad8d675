package app

import (
	"encoding/json"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/app/report"
)

// DeckOf is the slide deck of a scenario's results as the page shows them: its
// headline figures, charts, the comparison c (nil for none), assumptions and sources.
// The render command builds the deck of a scenario file with it too. st must have
// results.
func DeckOf(st *State, c *report.Comparison) report.Deck {
	r := st.Result
	return report.NewDeck(report.DeckInput{
		Result:       r,
		U:            st.U,
		Charts:       st.Charts,
		Comparison:   c,
		CompareNotes: []string{mixedMeasures(c)},
		Problems:     st.ProblemCount(),
		Date:         report.Today(),
		FileName:     fileName(r.Scenario),
	})
}

// headline shows the headline figures.
func headline(figures []report.Figure) []app.UI {
	out := make([]app.UI, len(figures))
	for i, f := range figures {
		out[i] = figure(f.ID, f.Label, f.Value, f.Likely)
	}
	return out
}

// SlidesButton offers the results as a slide deck (PPTX), built in the browser by
// web/slides.js, which loads its library (PptxGenJS, served from the site) on first
// use. Progress and failures are said beside the button.
type SlidesButton struct {
	app.Compo
	Ed     *Editor
	status string
	failed bool
	busy   bool
}

// Render shows the button and its status line (always there, so that screen readers
// hear its changes).
func (b *SlidesButton) Render() app.UI {
	class := "hint slides-status"
	if b.failed {
		class = "error slides-status"
	}
	return app.Span().Class("slides").Body(
		app.Button().Type("button").Class("secondary").ID("slides-pptx").Text("Download slides (PPTX)").
			Aria("describedby", "slides-status").Aria("disabled", b.busy).
			OnClick(func(ctx app.Context, e app.Event) { b.download(ctx) }),
		app.Span().ID("slides-status").Class(class).Role("status").Text(b.status),
	)
}

// download builds the deck of the scenario shown and offers it as a file. The status
// says "Preparing slides…" at once; the work starts once that has painted.
func (b *SlidesButton) download(ctx app.Context) {
	if b.busy {
		return
	}
	slides := app.Window().Get("roiSlides")
	if !slides.Truthy() {
		b.status, b.failed = "The slides could not be made: the page's slide code (slides.js) did not load; reload the page.", true
		return
	}
	b.busy, b.failed, b.status = true, false, "Preparing slides…"
	ctx.After(20*time.Millisecond, func(ctx app.Context) { b.build(ctx, slides) })
}

// build hands the deck's data to web/slides.js, which says how far it has got and
// when it is done.
func (b *SlidesButton) build(ctx app.Context, slides app.Value) {
	p := b.Ed.p
	// The deck shows what the page shows once the recommendation and the uncertainty
	// are worked out for these inputs (they are, at most, pending).
	p.st.Uncertain()
	fail := func(msg string) {
		b.busy, b.status, b.failed = false, "The slides could not be made: "+msg, true
		b.Update()
	}
	if p.st.Result == nil {
		fail("there are no results yet; fix the problems first.")
		return
	}
	deck := DeckOf(p.st, p.comparison())
	data, err := json.Marshal(deck)
	if err != nil {
		fail(err.Error())
		return
	}
	p.Update() // the page shows what the deck holds
	var progress, done app.Func
	progress = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := ""
		if len(args) > 0 {
			text = args[0].String()
		}
		ctx.Dispatch(func(ctx app.Context) { b.status = text })
		return nil
	})
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer progress.Release()
		defer done.Release()
		failure := ""
		if len(args) > 0 && args[0].Truthy() {
			failure = args[0].String()
		}
		ctx.Dispatch(func(ctx app.Context) {
			b.busy = false
			if failure != "" {
				b.status, b.failed = "The slides could not be made: "+failure, true
				return
			}
			b.status, b.failed = "Slides ready: "+deck.FileName+".pptx.", false
		})
		return nil
	})
	slides.Call("download", string(data), progress, done)
}
