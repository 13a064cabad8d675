package app

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// AudienceSection edits the audience: the demographics it is read against, its size
// and its weight per segment.
type AudienceSection struct {
	app.Compo
	Ed       *Editor
	DS       *calc.Dataset // nil when the form names an unknown dataset
	Groups   []DatasetGroup
	Inline   *DatasetOption // the dataset the scenario carries, when it does
	Missing  *DatasetOption // the dataset the scenario names, when it is not here
	Selected string         // the option of the form's dataset
	Country  string         // the host country chosen (area code), or ""
	Typed    string         // what was typed when no dataset describes it
	Size     string
	Weights  map[string]string
	Problems map[string]string
	// Switched is the last change of demographics of this scenario, for its notice.
	Switched *Switch
	// ImportError lists the problems of the last CSV file that could not be imported.
	ImportError string
	// Pending is an imported dataset whose id is taken; Imported, the imported datasets.
	Pending  *calc.Dataset
	Imported []DatasetOption
	// Template is the label of the CSV template's button (whose platforms it has).
	Template string
	// Removal is the last imported dataset removed, for its notice and its undo.
	Removal RemovalNote
}

// DatasetOption is a dataset the form can be switched to.
type DatasetOption struct{ Value, Label string }

// inlineOption is the option value of a dataset the scenario carries itself.
const inlineOption = "inline"

func (p *Page) audienceSection(ds *calc.Dataset) app.UI {
	f := p.st.Form
	var inline, missing *DatasetOption
	selected := f.Dataset
	// The dataset the scenario carries stays an option once switched away from, so
	// that the arrow keys, or a choice, go back to it.
	if c := carried(f); c != nil {
		inline = &DatasetOption{inlineOption, datasetName(c.Title, c.Year, "") + ", carried by this scenario"}
	}
	if f.DatasetInline != nil {
		selected = inlineOption
	}
	if ds == nil {
		missing = &DatasetOption{f.Dataset, fmt.Sprintf("%s (not available in this browser)", f.Dataset)}
	}
	if p.ws.Country == "" && p.ws.CountryTyped == "" {
		if a := countryOf(ds); !isRegion(a) {
			p.ws.Country = a
		}
	}
	_, template := templateDataset(p.cat, ds, p.ws.Country)
	var sw *Switch
	if p.ws.Switched != nil && p.ws.Switched.ID == p.ws.CurrentID() {
		sw = p.ws.Switched
	}
	return &AudienceSection{Ed: p.ed, DS: ds, Groups: datasetOptions(p.cat, p.ws.Country), Inline: inline, Missing: missing,
		Country: p.ws.Country, Typed: p.ws.CountryTyped, Selected: selected, Size: f.Audience.Size,
		Weights: f.Audience.Weights, Problems: problemsUnder(p.st.Problems, "audience", "dataset", "datasetInline"),
		Switched: sw, ImportError: p.ws.DatasetError, Pending: p.ws.PendingDataset, Imported: importedOptions(p.cat),
		Template: template, Removal: p.removalNote(areaDatasets)}
}

// Render shows the fields.
func (s *AudienceSection) Render() app.UI {
	ds := s.DS
	option := func(o DatasetOption) app.UI {
		return app.Option().Value(o.Value).Selected(o.Value == s.Selected).Text(o.Label)
	}
	options := []app.UI{}
	if s.Inline != nil {
		options = append(options, option(*s.Inline))
	}
	if s.Missing != nil {
		options = append(options, option(*s.Missing))
	}
	for _, g := range s.Groups {
		opts := make([]app.UI, len(g.Options))
		for i, o := range g.Options {
			opts[i] = option(o)
		}
		options = append(options, app.OptGroup().Label(g.Label).Body(opts...))
	}
	var info app.UI = app.P().Class("error").Text("This scenario names a dataset that is not available here: import it (CSV) or choose another.")
	segs, buttons := []app.UI{}, []app.UI{}
	if ds != nil {
		info = app.Div().Class("dataset-info").Body(append([]app.UI{
			app.P().Body(app.Strong().Text(ds.Title), app.Text(strings.TrimPrefix(datasetName(ds.Title, ds.Year, ""), ds.Title))),
			app.P().Text("A figure is the " + lowerFirst(ds.Measure)),
			app.P().Class("source").Text("Source: " + ds.Source)},
			provenanceLines(ds)...)...,
		)
		sum := decimal.Zero
		for _, w := range s.Weights {
			if v, err := decimal.NewFromString(strings.TrimSpace(w)); err == nil && v.IsPositive() {
				sum = sum.Add(v)
			}
		}
		for _, seg := range ds.Segments {
			share := ""
			if v, err := decimal.NewFromString(strings.TrimSpace(s.Weights[seg.ID])); err == nil && sum.IsPositive() {
				share = calc.Percent(v.DivRound(sum, 6)) + " of the audience"
			}
			segs = append(segs, app.Div().Class("segment").Body(
				field(s.Ed, "audience.weights."+seg.ID, "Weight of "+segLabel(seg), "relative", s.Weights[seg.ID], "0", s.Problems),
				app.Span().Class("share").Text(share),
			))
		}
		for _, pr := range presets(ds) {
			pr := pr
			buttons = append(buttons, app.Button().Type("button").Class("secondary").Text(pr.Name).
				OnClick(func(ctx app.Context, e app.Event) {
					s.Ed.Edit(func(f *calc.Form) { f.Audience.Weights = cloneMap(pr.Weights) })
				}, ds.ID, pr.Name)) // the scope names all the handler captures (see input)
		}
	}
	var switched app.UI
	if s.Switched != nil {
		msg := "Switched the demographics; everything was kept."
		if len(s.Switched.Lost) > 0 {
			msg = "Switched the demographics. Not kept: " + strings.Join(s.Switched.Lost, " ")
		}
		switched = app.Div().Class("notice").Role("status").ID("switch-notice").Body(
			app.Text(msg+" "),
			app.Button().Type("button").Class("secondary small").ID("undo-switch").Text("Undo the switch").
				OnClick(func(ctx app.Context, e app.Event) {
					s.Ed.focusAfter("f-dataset") // this button goes with the switch undone
					s.Ed.UndoSwitch()
				}),
		)
	}
	return section("audience", "Audience",
		countryPicker(s.Ed, s.Ed.p.cat, s.Country, s.Typed),
		app.Div().Class("field").Body(
			app.Label().For("f-dataset").Text("Platform demographics"),
			app.Select().ID("f-dataset").DataSet("field", "dataset").Body(options...).
				OnChange(func(ctx app.Context, e app.Event) { s.Ed.SwitchDataset(ctx.JSSrc().Get("value").String()) }),
			problemAt(s.Problems, "dataset"),
		),
		// Stable containers: a child appearing or going must never shift the inputs
		// after it (go-app matches children by position; a text input patched into a
		// file input throws, and the patch stops half-way).
		app.Div().Class("switch-area").Body(switched),
		info,
		datasetImport(s.Ed, s.ImportError, s.Pending, s.Imported, s.Template, s.Removal),
		field(s.Ed, "audience.size", "Audience size", "people", s.Size, "", s.Problems),
		// A dataset of one segment ("all") has no weights to set: one weight would
		// mean nothing. It is shown only if it has a problem to fix.
		app.If(ds != nil && len(ds.Segments) > 1, app.FieldSet().Body(
			app.Legend().Text("Who is in the audience: weight per segment"),
			app.Div().Class("presets").Body(buttons...),
			app.Div().Class("segments").Body(segs...),
			problemAt(s.Problems, "audience.weights"),
		)).ElseIf(len(s.Problems) > 0 && ds != nil, app.Div().Body(segs...), problemAt(s.Problems, "audience.weights")),
	)
}

// SwitchDataset moves the current form to the dataset of the option value, keeping
// what both datasets have; the switch can be undone in one step.
func (e *Editor) SwitchDataset(value string) {
	p := e.p
	f := p.st.Form
	// Switches one after another with no edit between them, such as the arrow keys
	// make on the closed select (one per dataset passed), are one switch: each starts
	// from the form before the first, so that nothing is lost to a dataset passed on
	// the way, and one undo goes back.
	before := f.Clone()
	if sw := p.ws.Switched; sw != nil && sw.ID == p.ws.CurrentID() {
		before = sw.Before
	}
	var to *calc.Dataset
	id := value
	if value == inlineOption {
		to, id = carried(before), ""
	} else {
		to = p.cat.Get(value)
	}
	if to == nil || to == f.DatasetIn(p.cat) {
		return
	}
	if to == before.DatasetIn(p.cat) { // back where the switches started
		e.UndoSwitch()
		return
	}
	p.ws.Removed = nil // a switch changes the plan's shape
	next := before.Clone()
	lost := next.SwitchDataset(before.DatasetIn(p.cat), to, id, presets(to)[0].Weights)
	p.st.Form = next
	p.st.Recompute(p.cat)
	p.ws.Switched = &Switch{ID: p.ws.CurrentID(), Before: before, Lost: lost}
	p.changed()
}

// carried is the dataset the form carries, in use or not, or nil.
func carried(f *calc.Form) *calc.Dataset {
	if f.DatasetInline != nil {
		return f.DatasetInline
	}
	return f.Carried
}

// UndoSwitch puts back the form as it was before the last change of demographics.
func (e *Editor) UndoSwitch() {
	p := e.p
	sw := p.ws.Switched
	if sw == nil || sw.ID != p.ws.CurrentID() {
		return
	}
	p.st.Form = sw.Before
	p.st.Recompute(p.cat)
	p.ws.Switched, p.ws.Removed = nil, nil
	p.ws.Notice = "The switch of demographics was undone."
	p.changed()
}

func segLabel(s calc.Segment) string {
	if s.Label != "" {
		return s.Label
	}
	return s.ID
}

// lowerFirst lowers the first letter of s, whatever its length in bytes.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func cloneMap[V any](m map[string]V) map[string]V {
	c := make(map[string]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// presets are audience weight presets for a dataset: its general public (by
// population where the dataset gives it), the youngest segment, the older half.
func presets(ds *calc.Dataset) []struct {
	Name    string
	Weights map[string]string
} {
	type preset = struct {
		Name    string
		Weights map[string]string
	}
	general := map[string]string{}
	def := calc.DefaultScenario()
	for _, s := range ds.Segments {
		switch {
		case s.Population != nil:
			general[s.ID] = s.Population.String()
		case ds.ID == def.Dataset:
			general[s.ID] = def.Audience.Weights[s.ID].String()
		default:
			general[s.ID] = "1"
		}
	}
	out := []preset{{"General public", general}}
	n := len(ds.Segments)
	if n >= 2 {
		young, older := map[string]string{ds.Segments[0].ID: "1"}, map[string]string{}
		for _, s := range ds.Segments[n/2:] {
			older[s.ID] = "1"
		}
		out = append(out, preset{"Young adults (" + segLabel(ds.Segments[0]) + ")", young}, preset{"Older adults", older})
	}
	return out
}
