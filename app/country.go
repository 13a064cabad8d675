package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// The host country comes first: the person names it (searched as typed, from the
// areas the datasets describe), and the demographics offered are that country's,
// then the regional and all-market ones, then the others. When no dataset describes
// the country the page says so, and points to the regional or global ones and to the
// CSV import.

// countryOf is the area of a dataset, or "".
func countryOf(ds *calc.Dataset) string {
	if ds == nil || ds.Provenance == nil {
		return ""
	}
	return ds.Provenance.Area
}

// isRegion reports whether an area code names a region ("global", "arab-states")
// rather than a country: region ids are lower case.
func isRegion(code string) bool { return code != "" && strings.ToLower(code) == code }

// areaChoice reads what the person typed into the host-country field: "Kenya [KE]",
// "KE", "kenya", the start of a name or of a word of it ("Korea"), when only one area
// matches.
func areaChoice(c *calc.Catalog, typed string) (code string, ok bool) {
	t := areaTyped(typed)
	if t == "" {
		return "", true
	}
	for _, a := range c.Areas() {
		if strings.EqualFold(a.Code, t) || folded(a.Name) == folded(t) {
			return a.Code, true
		}
	}
	if m := areaMatches(c, t); len(m) == 1 {
		return m[0].Code, true
	}
	return "", false
}

// areaTyped is what was typed, without the code in brackets that the list adds.
func areaTyped(typed string) string {
	t := strings.TrimSpace(typed)
	if i := strings.LastIndex(t, "["); i >= 0 && strings.HasSuffix(t, "]") {
		t = strings.TrimSpace(t[i+1 : len(t)-1])
	}
	return t
}

// areaMatches are the areas whose name starts with t, or else those with a word that
// starts with it (letter case and accents ignored).
func areaMatches(c *calc.Catalog, t string) []calc.Area {
	t = folded(t)
	if t == "" {
		return nil
	}
	var prefix, word []calc.Area
	for _, a := range c.Areas() {
		name := folded(a.Name)
		if strings.HasPrefix(name, t) {
			prefix = append(prefix, a)
			continue
		}
		for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ':' }) {
			if strings.HasPrefix(w, t) {
				word = append(word, a)
				break
			}
		}
	}
	if len(prefix) > 0 {
		return prefix
	}
	return word
}

// folded is s in lower case, with the accents of Latin letters taken off ("Québec"
// is "quebec"), to match what was typed against the areas' names.
func folded(s string) string {
	return strings.Map(func(r rune) rune {
		if b, ok := unaccented[r]; ok {
			return b
		}
		return r
	}, strings.ToLower(s))
}

// unaccented gives each lower-case Latin letter with a diacritic its base letter.
var unaccented = func() map[rune]rune {
	m := map[rune]rune{}
	for base, marked := range map[rune]string{'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě",
		'g': "ĝğġģ", 'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž"} {
		for _, r := range marked {
			m[r] = base
		}
	}
	return m
}()

// countryPicker is the host-country field and what it found.
func countryPicker(ed *Editor, c *calc.Catalog, country, typed string) app.UI {
	areas := c.Areas()
	opts := make([]app.UI, 0, len(areas))
	name := ""
	for _, a := range areas {
		opts = append(opts, app.Option().Value(fmt.Sprintf("%s [%s]", a.Name, a.Code)))
		if a.Code == country {
			name = a.Name
		}
	}
	value := countryValue(c, country, typed)
	var found app.UI
	switch {
	case typed != "" && country == "":
		if m := areaMatches(c, areaTyped(typed)); len(m) > 1 {
			names := make([]string, len(m))
			for i, a := range m {
				names[i] = a.Name
			}
			found = app.P().Class("notice").Role("status").ID("country-found").Text(
				fmt.Sprintf("Several countries or regions match %s: %s. Choose one from the list.", calc.Quote(typed), strings.Join(names, "; ")))
			break
		}
		found = noDatasetNotice(ed, c, typed)
	case country != "":
		n := len(c.ForCountry(country))
		found = app.P().Class("hint").Role("status").ID("country-found").Text(
			fmt.Sprintf("%s: %s listed first below.", name, plural(n, "dataset", "datasets")))
	}
	return app.Div().Class("field").Body(
		app.Label().For("f-country").Text("Host country or region"),
		app.Input().Type("text").ID("f-country").List("areas").Value(value).AutoComplete(false).
			Placeholder("Start typing: Kenya, Japan, Québec…").
			OnChange(func(ctx app.Context, e app.Event) {
				// The field then reads as the page took it: the country's full name, even
				// when that is the value it had (go-app patches only values that changed,
				// so "Ken" typed over "Kenya [KE]" would stay).
				ctx.JSSrc().Set("value", ed.chooseCountry(ctx.JSSrc().Get("value").String()))
			}),
		app.DataList().ID("areas").Body(opts...),
		found,
	)
}

// noDatasetNotice says plainly that no dataset describes the country typed, and offers
// the regional and all-markets datasets, each with what it measures, and the CSV import.
func noDatasetNotice(ed *Editor, c *calc.Catalog, typed string) app.UI {
	var offers []app.UI
	for _, x := range c.Datasets() {
		if !calc.IsEmbedded(x.ID) || !isRegion(countryOf(x)) {
			continue
		}
		id := x.ID
		what := x.Provenance.AreaName
		if d := x.Provenance.MeasureKind.Description(); d != "" {
			what += ": " + d
		}
		if b := calc.BaseDescription(x.Provenance.Base, x.Provenance.Ages); b != "" {
			what += ", of " + b
		}
		offers = append(offers, app.Li().Body(
			app.Text(datasetName(x.Title, x.Year, what)+" "),
			app.Button().Type("button").Class("secondary small").ID(fieldID("use-dataset."+id)).
				Aria("label", "Use "+x.Title).Text("Use it").
				OnClick(func(ctx app.Context, e app.Event) { ed.SwitchDataset(id) }, id),
		))
	}
	return app.Div().Class("notice").Role("status").ID("country-found").Body(
		app.P().Text(fmt.Sprintf("No dataset describes %s yet. The nearest are regional or all-markets figures, not the country's own:", calc.Quote(typed))),
		app.Ul().ID("country-offers").Body(offers...),
		app.P().Body(app.Text("Or import the country's own figures (CSV): "),
			app.A().Href("#import-csv").Text("the import and its template are below the demographics").
				OnClick(func(ctx app.Context, e app.Event) {
					e.PreventDefault()
					focusElement("import-csv")
				}),
			app.Text(".")),
	)
}

// countryValue is what the host-country field shows: the country's name and code, or
// what was typed when no area matches it.
func countryValue(c *calc.Catalog, country, typed string) string {
	if typed != "" {
		return typed
	}
	for _, a := range c.Areas() {
		if a.Code == country {
			return fmt.Sprintf("%s [%s]", a.Name, a.Code)
		}
	}
	return ""
}

// chooseCountry takes the host country typed or picked, and returns what the field
// shows for it. Emptied, the field goes back to the country of the demographics in
// use, for which the list is ordered.
func (e *Editor) chooseCountry(typed string) string {
	w := e.p.ws
	code, ok := areaChoice(e.p.cat, typed)
	w.Country, w.CountryTyped = code, ""
	if !ok {
		w.CountryTyped = strings.TrimSpace(typed)
	}
	if code == "" && w.CountryTyped == "" {
		if a := countryOf(e.p.st.Form.DatasetIn(e.p.cat)); !isRegion(a) {
			w.Country = a
		}
	}
	e.p.Update()
	return countryValue(e.p.cat, w.Country, w.CountryTyped)
}

// inArea reports whether a dataset's area is the country's, or one of its
// subdivisions (CA-QC is in CA).
func inArea(area, country string) bool {
	return strings.EqualFold(area, country) || len(country) == 2 && strings.HasPrefix(strings.ToUpper(area), strings.ToUpper(country)+"-")
}

// templateDataset is the dataset the CSV template is made from: the one in use when it
// describes the host country (or none is chosen), else the host country's newest, else
// the one in use; and the template button's label, which says whose platforms it has.
func templateDataset(c *calc.Catalog, inUse *calc.Dataset, country string) (*calc.Dataset, string) {
	if inUse == nil {
		inUse = c.Get(calc.DefaultDatasetID)
	}
	if country != "" && !inArea(countryOf(inUse), country) {
		if ds := c.ForCountry(country); len(ds) > 0 {
			return ds[0], fmt.Sprintf("Download a template (CSV) with the platforms of %s (%s)", ds[0].Provenance.AreaName, ds[0].ID)
		}
	}
	return inUse, "Download a template (CSV) with these platforms"
}

// datasetOptions groups the datasets for the demographics select: the host country's
// first, then regional and all-market ones, then the other countries', then imported.
func datasetOptions(c *calc.Catalog, country string) []DatasetGroup {
	var mine, regions, others, imported []DatasetOption
	for _, x := range c.Datasets() {
		label := datasetName(x.Title, x.Year, "")
		if x.Provenance != nil && x.Provenance.MeasureKind != "" {
			label += " · " + string(x.Provenance.MeasureKind)
		}
		o := DatasetOption{x.ID, label}
		area := countryOf(x)
		switch {
		case !calc.IsEmbedded(x.ID):
			o.Label += ", imported"
			imported = append(imported, o)
		case country != "" && inArea(area, country):
			mine = append(mine, o)
		case isRegion(area):
			regions = append(regions, o)
		default:
			others = append(others, o)
		}
	}
	var out []DatasetGroup
	add := func(label string, opts []DatasetOption) {
		if len(opts) > 0 {
			out = append(out, DatasetGroup{label, opts})
		}
	}
	add("The host country", mine)
	add("Regional and all markets", regions)
	add("Other countries", others)
	add("Imported", imported)
	return out
}

// DatasetGroup is a group of datasets in the demographics select.
type DatasetGroup struct {
	Label   string
	Options []DatasetOption
}

// provenanceLines say what a dataset's figures are, where they were read, and how sure.
func provenanceLines(ds *calc.Dataset) []app.UI {
	var out []app.UI
	pr := ds.Provenance
	if pr == nil {
		pr = &calc.Provenance{}
	}
	what := []string{}
	if pr.AreaName != "" {
		what = append(what, pr.AreaName)
	}
	if d := pr.MeasureKind.Description(); d != "" && pr.MeasureKind != "" {
		what = append(what, d)
	}
	if b := calc.BaseDescription(pr.Base, pr.Ages); b != "" {
		what = append(what, "of "+b)
	}
	if pr.Sample > 0 {
		what = append(what, calc.Grouped(fmt.Sprint(pr.Sample))+" respondents")
	}
	if pr.Fieldwork != "" {
		what = append(what, "fieldwork "+pr.Fieldwork)
	}
	if len(what) > 0 {
		out = append(out, app.P().Class("provenance").Text(strings.Join(what, " · ")))
	}
	if pr.Method != "" {
		out = append(out, app.P().Class("provenance").Text("Method: "+pr.Method))
	}
	if pr.Hand == calc.HandSecond {
		out = append(out, app.P().Class("second-hand").ID("second-hand").Text(
			"Read second-hand ("+pr.ReadAt+"): check the figures against the original, "+pr.Original+"."))
	} else if pr.ReadAt != "" {
		out = append(out, app.P().Class("provenance").Text("Read first-hand: "+pr.ReadAt))
	}
	if pr.Licence != "" {
		out = append(out, app.P().Class("provenance").Text("Licence: "+pr.Licence))
	}
	// Platforms and figures read elsewhere than the dataset say where, second-hand
	// ones with the original to check.
	cited := func(what string, c calc.Citation) {
		switch {
		case c.Hand == calc.HandSecond:
			out = append(out, app.P().Class("second-hand").Text(
				what+" read second-hand ("+c.ReadAt+"): check against the original, "+c.Original+"."))
		case c.ReadAt != "":
			out = append(out, app.P().Class("provenance").Text(what+" read first-hand: "+c.ReadAt))
		}
	}
	for _, pl := range ds.Platforms {
		if pl.Citation != nil {
			cited(pl.Name+"'s figures", *pl.Citation)
		}
		for _, s := range ds.Segments {
			if c, ok := pl.SegmentCitations[s.ID]; ok {
				cited(pl.Name+"'s figure for "+segLabel(s), c)
			}
		}
	}
	return out
}
