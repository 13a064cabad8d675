package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// Imported datasets: platform demographics for another country, read from a CSV file
// (the format is in the README and calc.ReadDatasetCSV), kept in the browser with the
// scenarios and chosen like the built-in ones. A file with problems changes nothing; a
// file whose id is already taken waits for the person to choose between replacing
// that dataset and importing the file as a copy; a dataset can be removed, and the
// scenarios using it then carry it themselves, so that none of them is broken.

// datasetImport shows the import, the choice a taken id asks for, and the imported
// datasets with their remove buttons.
func datasetImport(ed *Editor, problem string, pending *calc.Dataset, imported []DatasetOption, template string, removal RemovalNote) app.UI {
	var choice app.UI
	if pending != nil {
		choice = app.Div().Class("notice").Role("alert").ID("import-csv-choice").Body(
			app.P().Text(fmt.Sprintf("A dataset with the id %s is already imported. Replace it with this file (the scenarios using it will be computed with the new figures), or import this file as a copy with its own id?", calc.Quote(pending.ID))),
			// The choice goes once made: the focus goes back to the import.
			app.Button().Type("button").Class("secondary small").ID("import-csv-replace").Text("Replace "+pending.ID).
				OnClick(func(ctx app.Context, e app.Event) { ed.focusAfter("import-csv"); ed.resolveImport(true) }),
			app.Button().Type("button").Class("secondary small").ID("import-csv-copy").Text("Import as a copy").
				OnClick(func(ctx app.Context, e app.Event) { ed.focusAfter("import-csv"); ed.resolveImport(false) }),
			app.Button().Type("button").Class("secondary small").ID("import-csv-cancel").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) { ed.focusAfter("import-csv"); ed.cancelImport() }),
		)
	}
	items := []app.UI{}
	for _, o := range imported {
		id := o.Value
		items = append(items, app.Li().Body(
			app.Text(o.Label+" "),
			app.Button().Type("button").Class("secondary small").ID(fieldID("remove-dataset."+id)).
				Aria("label", "Remove the imported dataset "+o.Label).Text("Remove").
				OnClick(func(ctx app.Context, e app.Event) { ed.removeDataset(id) }, id),
		))
	}
	return app.Div().Class("dataset-import").Body(
		app.Label().For("import-csv").Text("Import demographics for another country (CSV)"),
		app.Input().Type("file").ID("import-csv").Accept(".csv,text/csv").
			OnChange(func(ctx app.Context, e app.Event) {
				readFile(ctx.JSSrc(), calc.MaxDatasetCSV, func(name string, data []byte, failure string) {
					ctx.Dispatch(func(ctx app.Context) { ed.importDataset(name, string(data), failure) })
				})
			}),
		app.Button().Type("button").Class("secondary small").ID("csv-template").
			Text(template).
			OnClick(func(ctx app.Context, e app.Event) { ed.downloadTemplate() }),
		app.Div().Class("import-area").Body(refused("import-csv-error", problem), choice),
		removalArea(ed, removal),
		app.If(len(items) > 0, app.Div().Class("imported").Body(
			app.P().Class("hint").Text("Imported datasets kept in this browser:"),
			app.Ul().ID("imported-datasets").Body(items...),
		)),
	)
}

// importedOptions lists the catalog's imported datasets.
func importedOptions(c *calc.Catalog) []DatasetOption {
	var out []DatasetOption
	for _, d := range c.Datasets() {
		if !calc.IsEmbedded(d.ID) {
			out = append(out, DatasetOption{d.ID, datasetName(d.Title, d.Year, d.ID)})
		}
	}
	return out
}

func (e *Editor) importDataset(name, text, failure string) {
	p := e.p
	w := p.ws
	w.DatasetError, w.PendingDataset = "", nil
	if failure != "" {
		w.DatasetError = name + ": the file could not be read: " + failure
		p.Update()
		return
	}
	ds, err := calc.ReadDatasetCSV([]byte(text))
	if err == nil && p.cat.Get(ds.ID) != nil && !calc.IsEmbedded(ds.ID) {
		w.PendingDataset, w.pendingFrom = ds, name
		p.Update()
		return
	}
	if err == nil {
		err = p.cat.Add(ds)
	}
	if err != nil {
		w.DatasetError = describe(name, err, nil)
		p.Update()
		return
	}
	w.Notice = fmt.Sprintf("Imported the dataset %s (%s, %d) from %s. Choose it under Platform demographics; it is kept in this browser.", calc.Quote(ds.Title), ds.ID, ds.Year, calc.ShortText(name))
	p.recomputeAll()
	p.changed()
}

// resolveImport replaces the dataset of the pending file's id, or adds the file under
// an id of its own.
func (e *Editor) resolveImport(replace bool) {
	p := e.p
	w := p.ws
	ds := w.PendingDataset
	if ds == nil {
		return
	}
	if !replace {
		base := ds.ID
		for i := 2; p.cat.Get(ds.ID) != nil; i++ {
			ds.ID = fmt.Sprintf("%s-%d", base, i)
		}
		ds.Title += " (copy)"
	}
	old := p.cat.Get(ds.ID) // the dataset replaced, whose names the notice uses
	if err := p.cat.Add(ds); err != nil {
		w.DatasetError = describe(w.pendingFrom, err, nil)
		w.PendingDataset = nil
		p.Update()
		return
	}
	users := p.usersOf(ds.ID)
	w.PendingDataset = nil
	if replace {
		w.Notice = fmt.Sprintf("Replaced the dataset %s with %s; %s now computed with its figures.", ds.ID, w.pendingFrom, plural(len(users), "scenario is", "scenarios are"))
		// The scenarios using it keep what the new file still has, as a switch of
		// demographics does, so that none is left with lines or parameters of a
		// platform it no longer shows (problems the form could not fix).
		for _, st := range users {
			f := st.Form.Clone()
			if lost := f.SwitchDataset(old, ds, ds.ID, presets(ds)[0].Weights); len(lost) > 0 {
				w.Notice += fmt.Sprintf(" Not kept in %s: %s", calc.Quote(f.Name), strings.Join(lost, " "))
			}
			st.Form = f
		}
	} else {
		w.Notice = fmt.Sprintf("Imported %s as a copy, with the id %s.", w.pendingFrom, ds.ID)
	}
	p.recomputeAll()
	p.changed()
}

func (e *Editor) cancelImport() {
	e.p.ws.PendingDataset = nil
	e.p.ws.Notice = "Nothing was imported."
	e.p.Update()
}

// removeDataset takes an imported dataset out of the browser; the scenarios using it
// keep their figures by carrying it themselves.
func (e *Editor) removeDataset(id string) {
	p := e.p
	ds := p.cat.Get(id)
	if ds == nil || calc.IsEmbedded(id) {
		return
	}
	at := p.cat.Position(id)
	users := p.usersOf(id)
	var userIDs []string
	for _, e := range p.ws.Entries {
		if slices.Contains(users, e.State) {
			userIDs = append(userIDs, e.ID)
		}
	}
	for _, st := range users {
		f := st.Form.Clone()
		f.Dataset, f.DatasetInline = "", ds
		st.Form = f
	}
	p.cat.Remove(id)
	p.recomputeAll()
	msg := fmt.Sprintf("Removed the imported dataset %s (%s).", calc.Quote(ds.Title), id)
	if len(users) > 0 {
		names := make([]string, len(users))
		for i, st := range users {
			names[i] = st.Form.Name
		}
		msg += fmt.Sprintf(" %s using it now %s it in the scenario itself, so %s figures are unchanged: %s.",
			plural(len(users), "scenario", "scenarios"), map[bool]string{true: "carries", false: "carry"}[len(users) == 1],
			map[bool]string{true: "its", false: "their"}[len(users) == 1], strings.Join(names, "; "))
	}
	// Said where the list was, with an Undo button, as a line removed from the form is;
	// the focus goes to the notice, not to the next dataset's Remove button.
	p.ws.Removed = &Removal{ID: p.ws.CurrentID(), Area: areaDatasets, Text: msg, Focus: fieldID("remove-dataset." + id),
		dataset: ds, datasetAt: at, users: userIDs}
	p.ws.Notice = ""
	e.focusAfter("removal-notice")
	p.changed()
}

// putBackDataset undoes removeDataset: the dataset is imported again at its place,
// and the scenarios that used it and carry it since name it again.
func (e *Editor) putBackDataset(r *Removal) {
	p := e.p
	ds := r.dataset
	if !p.cat.PutBack(ds, r.datasetAt) {
		p.ws.Removed = nil
		p.ws.Notice = fmt.Sprintf("The imported dataset %q could not be put back: another dataset has its id %s now.", ds.Title, ds.ID)
		p.Update()
		return
	}
	for _, en := range p.ws.Entries {
		if slices.Contains(r.users, en.ID) && en.State.Form.DatasetInline == ds {
			f := en.State.Form.Clone()
			f.Dataset, f.DatasetInline = ds.ID, nil
			en.State.Form = f
		}
	}
	p.recomputeAll()
	e.focusAfter(r.Focus)
	r.Undone, r.Text = true, fmt.Sprintf("Put back the imported dataset %q (%s).", ds.Title, ds.ID)
	p.changed()
}

// usersOf returns the scenarios that name the catalog's dataset id.
func (p *Page) usersOf(id string) []*State {
	var out []*State
	for _, e := range p.ws.Entries {
		if e.State.Form.DatasetInline == nil && e.State.Form.Dataset == id {
			out = append(out, e.State)
		}
	}
	return out
}

// recomputeAll checks and computes every scenario again, after the catalog changed.
func (p *Page) recomputeAll() {
	for _, e := range p.ws.Entries {
		e.State.Recompute(p.cat)
	}
}

// downloadTemplate offers the CSV import's format, prefilled with the platforms, segments
// and parameters of the demographics in use, or of the host country's when those are
// another country's, to fill in with the host country's figures.
func (e *Editor) downloadTemplate() {
	ds, _ := templateDataset(e.p.cat, e.p.st.Form.DatasetIn(e.p.cat), e.p.ws.Country)
	download(fileName(ds.ID+" template")+".csv", "text/csv", string(calc.DatasetCSVTemplate(ds)))
}

// datasetName is a dataset's title with its year and more (in brackets), the year left
// out where the title already gives it (the embedded datasets' titles do: "Weekly use of
// platforms for news, India 2025").
func datasetName(title string, year int, more string) string {
	var in []string
	if y := strconv.Itoa(year); year > 0 && !strings.Contains(title, y) {
		in = append(in, y)
	}
	if more != "" {
		in = append(in, more)
	}
	if len(in) == 0 {
		return title
	}
	return title + " (" + strings.Join(in, "; ") + ")"
}
