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
// "KE", "kenya" or the start of a name.
func areaChoice(c *calc.Catalog, typed string) (code string, ok bool) {
	t := strings.TrimSpace(typed)
	if i := strings.LastIndex(t, "["); i >= 0 && strings.HasSuffix(t, "]") {
		t = strings.TrimSpace(t[i+1 : len(t)-1])
	}
	if t == "" {
		return "", true
	}
	var prefix []string
	for _, a := range c.Areas() {
		if strings.EqualFold(a.Code, t) || strings.EqualFold(a.Name, t) {
			return a.Code, true
		}
		if strings.HasPrefix(strings.ToLower(a.Name), strings.ToLower(t)) {
			prefix = append(prefix, a.Code)
		}
	}
	if len(prefix) == 1 {
		return prefix[0], true
	}
	return "", false
}

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
	value := typed
	if value == "" && name != "" {
		value = fmt.Sprintf("%s [%s]", name, country)
	}
	var found app.UI
	switch {
	case typed != "" && country == "":
		found = app.P().Class("notice").Role("status").ID("country-found").Text(
			fmt.Sprintf("No dataset describes %q yet. Use a regional or all-markets one below, or import the country's own figures (CSV).", typed))
	case country != "":
		n := len(c.ForCountry(country))
		found = app.P().Class("hint").Role("status").ID("country-found").Text(
			fmt.Sprintf("%s: %s listed first below.", name, plural(n, "dataset", "datasets")))
	}
	return app.Div().Class("field").Body(
		app.Label().For("f-country").Text("Host country or region"),
		app.Input().Type("text").ID("f-country").List("areas").Value(value).AutoComplete(false).
			Placeholder("Start typing: Kenya, Japan, Québec…").
			OnChange(func(ctx app.Context, e app.Event) { ed.chooseCountry(ctx.JSSrc().Get("value").String()) }),
		app.DataList().ID("areas").Body(opts...),
		found,
	)
}

// chooseCountry takes the host country typed or picked.
func (e *Editor) chooseCountry(typed string) {
	w := e.p.ws
	code, ok := areaChoice(e.p.cat, typed)
	w.Country, w.CountryTyped = code, ""
	if !ok {
		w.CountryTyped = strings.TrimSpace(typed)
	}
	e.p.Update()
}

// datasetOptions groups the datasets for the demographics select: the host country's
// first, then regional and all-market ones, then the other countries', then imported.
func datasetOptions(c *calc.Catalog, country string) []DatasetGroup {
	var mine, regions, others, imported []DatasetOption
	for _, x := range c.Datasets() {
		label := fmt.Sprintf("%s (%d)", x.Title, x.Year)
		if x.Provenance != nil && x.Provenance.MeasureKind != "" {
			label += " · " + string(x.Provenance.MeasureKind)
		}
		o := DatasetOption{x.ID, label}
		area := countryOf(x)
		switch {
		case !calc.IsEmbedded(x.ID):
			o.Label += ", imported"
			imported = append(imported, o)
		case country != "" && (strings.EqualFold(area, country) || len(country) == 2 && strings.HasPrefix(strings.ToUpper(area), strings.ToUpper(country)+"-")):
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
	pr := ds.Provenance
	if pr == nil {
		return nil
	}
	var out []app.UI
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
	if pr.Hand == calc.HandSecond {
		out = append(out, app.P().Class("second-hand").ID("second-hand").Text(
			"Read second-hand ("+pr.ReadAt+"): check the figures against the original, "+pr.Original+"."))
	} else if pr.ReadAt != "" {
		out = append(out, app.P().Class("provenance").Text("Read first-hand: "+pr.ReadAt))
	}
	if pr.Licence != "" {
		out = append(out, app.P().Class("provenance").Text("Licence: "+pr.Licence))
	}
	return out
}
