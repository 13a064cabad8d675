package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/app/report"
	"platformroi/calc"
)

// scenarioBar lets the user switch between scenarios, create, copy, delete (with
// undo), and move scenarios in and out as files.
func (p *Page) scenarioBar() app.UI {
	w := p.ws
	options := []app.UI{}
	for _, e := range w.Entries {
		label := e.State.Form.Name
		if e.State.Checked() && e.State.Stale() {
			label += " (has problems)"
		}
		options = append(options, app.Option().Value(e.ID).Selected(e == w.Entries[w.Active]).Text(label))
	}
	action := func(label, id string, f func()) app.UI {
		return app.Button().Type("button").Class("secondary").ID(id).Text(label).OnClick(func(ctx app.Context, e app.Event) {
			f()
			p.changed()
		}, id)
	}
	return app.Nav().Class("bar").Aria("label", "Scenarios").Body(
		app.Div().Class("field").Body(
			app.Label().For("f-scenario").Text(fmt.Sprintf("Scenario (%d kept in this browser)", len(w.Entries))),
			app.Select().ID("f-scenario").Body(options...).OnChange(func(ctx app.Context, e app.Event) {
				w.Select(ctx.JSSrc().Get("value").String())
				p.changed()
			}),
		),
		action("New from the default", "new-default", func() { w.New(p.cat, "default") }),
		action("New blank", "new-blank", func() { w.New(p.cat, "blank") }),
		action("Copy", "copy-scenario", func() { w.New(p.cat, "copy") }),
		action("Delete", "delete-scenario", w.Delete),
		app.Span().Class("undo-area").Body(app.If(w.Deleted != nil, app.Button().Type("button").Class("secondary").ID("undo-delete").Text("Undo delete").
			OnClick(func(ctx app.Context, e app.Event) {
				p.ed.focusAfter("f-scenario") // this button goes with the deletion undone
				w.Undo()
				p.changed()
			}))),
		app.Button().Type("button").Class("secondary").ID("share").Text("Share link").
			OnClick(func(ctx app.Context, e app.Event) { p.makeShareLink() }),
		app.Button().Type("button").Class("secondary").ID("export-json").Text("Export JSON").
			OnClick(func(ctx app.Context, e app.Event) { p.exportJSON() }),
		app.Label().For("import-json").Class("file").Text("Import JSON"),
		app.Input().Type("file").ID("import-json").Accept(".json,application/json").
			OnChange(func(ctx app.Context, e app.Event) { p.importFile(ctx, ctx.JSSrc()) }),
		app.If(w.ShareLink != "", app.Div().Class("share").Body(
			app.Label().For("share-link").Text("Link to this scenario (the scenario travels in the link itself, after #; it is never sent to a server)"),
			app.Input().Type("text").ID("share-link").ReadOnly(true).Value(w.ShareLink).
				OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
			app.Button().Type("button").Class("secondary").ID("copy-link").Text("Copy").Aria("label", "Copy the link").
				OnClick(func(ctx app.Context, e app.Event) { p.copyShareLink() }),
			app.Span().Class("hint").Role("status").ID("copy-link-note").Text(w.LinkCopied),
		)),
		app.If(w.Notice != "", app.P().Class("notice").Role("status").ID("notice").Text(w.Notice)),
		refused("import-error", w.ImportError),
	)
}

// exportJSON downloads the current scenario as a scenario file, as typed, with its
// dataset inline when that is an imported one. A form with problems is not exported:
// the file would not open anywhere; the notice says why.
func (p *Page) exportJSON() {
	if p.refuseStale("exported") {
		return
	}
	f := p.st.Form.ForSharing(p.cat)
	download(fileName(f.Name)+".json", "application/json", string(f.File()))
}

// refuseStale tells the person why the scenario cannot be exported or shared while its
// form has problems, and reports whether it did.
func (p *Page) refuseStale(what string) bool {
	if !p.st.Stale() {
		return false
	}
	p.ws.ShareLink = ""
	p.ws.Notice = fmt.Sprintf("The scenario was not %s: its form has %s (listed under Results). Fix them first; a file or link with problems would not open elsewhere. Your work is kept in this browser meanwhile.",
		what, plural(p.st.ProblemCount(), "problem", "problems"))
	p.Update()
	return true
}

// fileName makes a file name from a scenario name (report.FileName).
func fileName(name string) string { return report.FileName(name) }

// importFile reads a scenario file chosen by the user and adds it as a new scenario.
// A file with problems changes nothing; its problems are listed.
func (p *Page) importFile(ctx app.Context, input app.Value) {
	readFile(input, calc.MaxScenarioFile, func(name string, data []byte, failure string) {
		ctx.Dispatch(func(ctx app.Context) {
			p.importText(name, string(data), failure)
		})
	})
}

func (p *Page) importText(name, text, failure string) {
	p.ws.ImportError = ""
	if failure != "" {
		p.setImportProblem(name + ": the file could not be read: " + failure)
		return
	}
	f, err := readScenarioForm([]byte(text), p.cat)
	if err != nil {
		p.setImportProblem(describe(name, err, scenarioLabels([]byte(text), p.cat, true)))
		return
	}
	p.ws.AddForm(p.cat, f)
	p.ws.Notice = fmt.Sprintf("Imported %s from %s as a new scenario.", calc.Quote(p.ws.Current().Form.Name), calc.ShortText(name))
	p.changed()
}

// readScenarioForm reads a scenario file from outside (a file or a link) as a form,
// after checking it as the command line would: one with problems is refused.
func readScenarioForm(data []byte, c *calc.Catalog) (*calc.Form, error) {
	if _, err := calc.LoadScenario(data, c); err != nil {
		return nil, err
	}
	return calc.ReadForm(data)
}

func (p *Page) setImportProblem(msg string) {
	p.ws.ImportError = msg
	p.Update()
}

// describe turns an input error into lines for people, each naming the field: by
// label (nil names it by its path in the file).
func describe(source string, err error, label func(path string) string) string {
	var se *calc.SyntaxError
	var ie *calc.InputError
	source = calc.ShortText(source)
	switch {
	case asError(err, &se):
		return fmt.Sprintf("%s, line %d, column %d: not valid JSON: %s", source, se.Line, se.Column, se.Msg)
	case asError(err, &ie):
		lines := make([]string, len(ie.Problems))
		for i, pr := range ie.Problems {
			lines[i] = source + ": " + pr.String()
			if label != nil && pr.Field != "" {
				if l := label(pr.Field); l != "" {
					lines[i] = source + ": " + l + ": " + pr.Message
				}
			}
		}
		return strings.Join(lines, "\n")
	}
	return source + ": " + err.Error()
}

// scenarioLabels names the fields of a scenario file as the page does ("Digital
// officer: hourly cost"), followed by the field's path in the file when withPath is
// set (so that the person can find it there), or nil when the file is not JSON. A
// file with a value of the wrong kind is read as far as it can be, so that its other
// problems are named too.
func scenarioLabels(data []byte, c *calc.Catalog, withPath bool) func(path string) string {
	f := calc.ReadFormForLabels(data)
	if f == nil {
		return nil
	}
	ds := f.DatasetIn(c)
	return func(path string) string {
		l := f.FieldLabel(path, ds)
		switch {
		case l == path || l == calc.ShortPath(path):
			return ""
		case withPath:
			return l + " (" + calc.ShortPath(path) + " in the file)"
		}
		return l
	}
}

// makeShareLink shows the link that carries the current scenario, as typed, with its
// dataset inline when that is an imported one.
func (p *Page) makeShareLink() {
	if p.refuseStale("shared") {
		return
	}
	payload, err := calc.EncodeShareJSON(p.st.Form.ForSharing(p.cat).File())
	if err != nil {
		p.ws.Notice = "No link could be made: " + err.Error()
	} else {
		p.ws.ShareLink = pageAddress() + calc.SharePrefix + payload
	}
	p.ws.LinkCopied = ""
	p.Update()
}

// copyShareLink puts the share link on the clipboard and says whether it is there;
// where the browser refuses, the link is selected, to be copied by hand.
func (p *Page) copyShareLink() {
	link := p.ws.ShareLink
	if p.ctx == nil {
		return
	}
	copyText(link, func(ok bool) {
		p.ctx.Dispatch(func(app.Context) {
			if link != p.ws.ShareLink {
				return // another link is shown now
			}
			p.ws.LinkCopied = "Copied the link."
			if !ok {
				p.ws.LinkCopied = "This browser did not let the page copy: the link is selected, copy it with Ctrl+C (⌘C on a Mac)."
				p.ed.focusAfter("share-link") // the input selects its text when it takes the focus
			}
			p.Update()
		})
	})
}

// openShared adds the scenario of a share link as a new scenario. A damaged link
// changes nothing and says why.
func (p *Page) openShared(hash string) {
	data, err := calc.DecodeShareJSON(hash)
	var f *calc.Form
	if err == nil {
		f, err = readScenarioForm(data, p.cat)
	}
	if err != nil {
		p.ws.Notice = "The scenario in this link could not be opened; nothing was changed. " + strings.ReplaceAll(describe("link", err, scenarioLabels(data, p.cat, false)), "\n", "; ")
		return
	}
	p.ws.AddForm(p.cat, f)
	p.ws.Notice = fmt.Sprintf("Opened the scenario %s from the link as a new scenario; nothing was replaced.", calc.Quote(p.ws.Current().Form.Name))
}

// refused lists the problems of a file that was not imported, one per line of msg.
func refused(id, msg string) app.UI {
	if msg == "" {
		return nil
	}
	lines := strings.Split(msg, "\n")
	return app.Div().Class("error").Role("alert").ID(id).Body(
		app.Text("The file was not imported; nothing changed. "),
		app.Ul().Body(app.Range(lines).Slice(func(i int) app.UI { return app.Li().Text(lines[i]) })),
	)
}
