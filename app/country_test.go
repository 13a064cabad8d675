package app

import (
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// Tests of the host country first (the picker, what it says when no dataset describes
// the country, the demographics' provenance, the CSV template of the country's
// platforms).

// pageText is the page's HTML with its text unescaped.
func pageText(p *Page) string { return html.UnescapeString(app.HTMLString(p)) }

// Every embedded dataset, once chosen, shows what a figure measures, of whom, when,
// how it was collected and where it was read; second-hand figures say so with the
// original to check.
func TestDatasetProvenanceShown(t *testing.T) {
	p, d := mount(t)
	for _, ds := range calc.Embedded().Datasets() {
		p.ed.SwitchDataset(ds.ID)
		d.Consume()
		if got := p.State().Form.Dataset; got != ds.ID {
			t.Fatalf("switched to %s, the form names %s", ds.ID, got)
		}
		text := pageText(p)
		pr := ds.Provenance
		for _, want := range []string{
			ds.Title, "Source: " + ds.Source, pr.AreaName,
			pr.MeasureKind.Description(), "of " + calc.BaseDescription(pr.Base, pr.Ages),
			"Method: " + pr.Method, "Licence: " + pr.Licence,
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the page does not show %q", ds.ID, want)
			}
		}
		// The year, once: in the title, or after it.
		if !strings.Contains(ds.Title, itoa(ds.Year)) && !strings.Contains(text, ds.Title+" ("+itoa(ds.Year)+")") || strings.Contains(text, itoa(ds.Year)+" ("+itoa(ds.Year)+")") {
			t.Errorf("%s: the page does not show the year %d once beside the title", ds.ID, ds.Year)
		}
		if pr.Hand == calc.HandSecond {
			if want := "Read second-hand (" + pr.ReadAt + "): check the figures against the original, " + pr.Original + "."; !strings.Contains(text, want) {
				t.Errorf("%s: the page does not say %q", ds.ID, want)
			}
		} else if want := "Read first-hand: " + pr.ReadAt; !strings.Contains(text, want) || strings.Contains(text, "Read second-hand") {
			t.Errorf("%s: the page does not say %q (or says second-hand)", ds.ID, want)
		}
		if pr.Fieldwork != "" && !strings.Contains(text, "fieldwork "+pr.Fieldwork) {
			t.Errorf("%s: no fieldwork %s", ds.ID, pr.Fieldwork)
		}
	}
}

// A platform or a figure read elsewhere than its dataset says so, second-hand ones with
// the original to check.
func TestCitationsShown(t *testing.T) {
	ds, err := calc.ReadDataset([]byte(`{"id": "cited", "title": "Cited", "source": "A survey", "year": 2024,
	  "measure": "Share", "segments": [{"id": "a", "label": "Segment A"}, {"id": "b"}],
	  "provenance": {"readAt": "The survey's report", "hand": "first-hand"},
	  "platforms": [{"id": "p1", "name": "Platform one", "penetration": {"a": 0.5, "b": 0.2},
	    "minHours": 1, "fullHours": 5, "reachRate": 0.02, "setupHours": 4, "toolCost": "0", "adCost": "0",
	    "citation": {"readAt": "A newspaper", "hand": "second-hand", "original": "The survey's table 3",
	      "segments": {"a": {"readAt": "The survey's page 2", "hand": "first-hand"}}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	text := html.UnescapeString(app.HTMLString(app.Div().Body(provenanceLines(ds)...)))
	for _, want := range []string{
		"Read first-hand: The survey's report",
		"Platform one's figures read second-hand (A newspaper): check against the original, The survey's table 3.",
		"Platform one's figure for Segment A read first-hand: The survey's page 2",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the provenance does not say %q:\n%s", want, text)
		}
	}
}

// A dataset of one segment ("all") has no audience weights in the form; one of several
// segments has a weight for each.
func TestSingleSegmentHidesTheWeights(t *testing.T) {
	p, d := mount(t)
	for id, weights := range map[string]int{"reuters-dnr-ke-2024": 0, "ofcom-gb-2021": 2, calc.DefaultDatasetID: 4} {
		p.ed.SwitchDataset(id)
		d.Consume()
		text := pageText(p)
		if got := strings.Count(text, ">Weight of "); got != weights {
			t.Errorf("%s: %d weight fields, want %d", id, got, weights)
		}
		if got := strings.Contains(text, "Who is in the audience: weight per segment"); got != (weights > 0) {
			t.Errorf("%s: the weights' fieldset shown: %v", id, got)
		}
	}
}

// The picker finds a country by a word of its name, says when several match, and when
// none does says so plainly, offering the regional and all-markets datasets (which
// switch the demographics) and the CSV import.
func TestCountryPickerWhenNoneMatches(t *testing.T) {
	c := calc.Embedded()
	for typed, want := range map[string]string{"Korea": "KR", "kingdom": "GB", "Québec": "CA-QC", "united s": "US",
		// Typed without the accents of the name, as many keyboards make people do.
		"quebec": "CA-QC", "Quebec, Canada": "CA-QC", "QUÉBEC": "CA-QC"} {
		if code, ok := areaChoice(c, typed); !ok || code != want {
			t.Errorf("%q found %q (%v), want %s", typed, code, ok, want)
		}
	}
	p, d := mount(t)
	p.ed.chooseCountry("South")
	d.Consume()
	if text := pageText(p); !strings.Contains(text, `Several countries or regions match "South": South Africa; South Korea.`) ||
		strings.Contains(text, "No dataset describes") {
		t.Errorf("an ambiguous name is not said to be one")
	}
	p.ed.chooseCountry("Chile")
	d.Consume()
	text := pageText(p)
	if !strings.Contains(text, `No dataset describes "Chile" yet.`) || !strings.Contains(text, "import the country's own figures (CSV)") {
		t.Errorf("the page does not say plainly that no dataset describes Chile")
	}
	offered := 0
	for _, ds := range c.Datasets() {
		if isRegion(countryOf(ds)) {
			offered++
			year := itoa(ds.Year) + "; "
			if strings.Contains(ds.Title, itoa(ds.Year)) {
				year = ""
			}
			if !strings.Contains(text, ds.Title+" ("+year+ds.Provenance.AreaName+": "+ds.Provenance.MeasureKind.Description()) {
				t.Errorf("%s is not offered with what it measures", ds.ID)
			}
			if !strings.Contains(text, `id="`+fieldID("use-dataset."+ds.ID)+`"`) {
				t.Errorf("no button to use %s", ds.ID)
			}
		}
	}
	if offered < 2 {
		t.Fatalf("%d regional datasets", offered)
	}
	p.ed.SwitchDataset("reuters-dnr-2025")
	d.Consume()
	if p.State().Form.Dataset != "reuters-dnr-2025" || !strings.Contains(pageText(p), `No dataset describes "Chile" yet.`) {
		t.Errorf("using the all-markets dataset lost the country typed or did not switch")
	}
}

// The CSV template has the host country's platforms: those of the demographics in use
// when they describe it, else of the country's newest dataset; it reads back through
// the importer with the same figures.
func TestTemplateOfTheHostCountry(t *testing.T) {
	p, d := mount(t)
	c := p.cat
	if ds, label := templateDataset(c, p.State().Form.DatasetIn(c), p.ws.Country); ds.ID != calc.DefaultDatasetID || label != "Download a template (CSV) with these platforms" {
		t.Errorf("template of %s, %q", ds.ID, label)
	}
	p.ed.chooseCountry("South Korea [KR]")
	d.Consume()
	ds, label := templateDataset(c, p.State().Form.DatasetIn(c), p.ws.Country)
	if ds.ID != "kpf-kr-2024" || label != "Download a template (CSV) with the platforms of South Korea (kpf-kr-2024)" {
		t.Errorf("template for Korea on the US figures: %s, %q", ds.ID, label)
	}
	if !strings.Contains(pageText(p), label) {
		t.Errorf("the page's button does not say %q", label)
	}
	back, err := calc.ReadDatasetCSV(calc.DatasetCSVTemplate(ds))
	if err != nil {
		t.Fatalf("the template does not import: %v", err)
	}
	if back.Provenance.Area != "KR" || len(back.Platforms) != len(ds.Platforms) {
		t.Fatalf("imported %s of %s with %d platforms", back.ID, back.Provenance.Area, len(back.Platforms))
	}
	for i, pl := range ds.Platforms {
		if back.Platforms[i].ID != pl.ID || !back.Platforms[i].Penetration["all"].Equal(pl.Penetration["all"]) {
			t.Errorf("platform %d: %s %s, want %s %s", i, back.Platforms[i].ID, back.Platforms[i].Penetration["all"], pl.ID, pl.Penetration["all"])
		}
	}
	// On one of the country's datasets, the template is that one's.
	p.ed.SwitchDataset("pew-ke-2023")
	d.Consume()
	p.ed.chooseCountry("Kenya")
	d.Consume()
	if ds, label := templateDataset(c, p.State().Form.DatasetIn(c), p.ws.Country); ds.ID != "pew-ke-2023" || label != "Download a template (CSV) with these platforms" {
		t.Errorf("template on pew-ke-2023 for Kenya: %s, %q", ds.ID, label)
	}
}

// Scenarios on datasets of one kind of measure but different bases (adults against
// people aged 15+) are flagged, in the comparison and in the briefing; on the same
// measure and base they are not.
func TestComparisonAcrossBasesFlagged(t *testing.T) {
	p, d := mount(t)
	p.ed.SwitchDataset("pew-ke-2023")
	d.Consume()
	p.ws.New(p.cat, "copy")
	p.changed()
	p.ed.SwitchDataset("pew-ke-2018")
	d.Consume()
	if msg := mixedMeasures(Compare(p.ws)); msg != "" {
		t.Errorf("two datasets of adults' ever use flagged: %q", msg)
	}
	p.ed.SwitchDataset("ca-ke-2024")
	d.Consume()
	msg := mixedMeasures(Compare(p.ws))
	for _, want := range []string{"not comparable", "of adults (", "of people aged 15+ ("} {
		if !strings.Contains(msg, want) {
			t.Errorf("flag %q lacks %q", msg, want)
		}
	}
	if text := pageText(p); !strings.Contains(text, msg) || !strings.Contains(text, `id="compare-measures"`) {
		t.Error("the page does not show the flag")
	}
}

// The default scenario says whose figures it uses: its name is not a host country's,
// and the country the page starts on is the one its dataset describes.
func TestDefaultScenarioNamesItsCountry(t *testing.T) {
	s := calc.DefaultScenario()
	ds := calc.Embedded().Get(s.Dataset)
	if ds.Provenance.Area != "US" || !strings.Contains(s.Name, "US adults") || strings.Contains(strings.ToLower(s.Name), "host country") {
		t.Errorf("default scenario %q on %s of %s", s.Name, ds.ID, ds.Provenance.Area)
	}
	p, _ := mount(t)
	if text := pageText(p); p.ws.Country != "US" || !strings.Contains(text, "United States: 2 datasets listed first below.") {
		t.Errorf("the page starts on the country %q", p.ws.Country)
	}
}

// Figures imported as read second-hand say so wherever they show, with the original to
// check, though the file's source does not: the page's source lines, the charts', the
// slides' and the comparison's.
func TestImportedSecondHandSaysSo(t *testing.T) {
	ds, err := calc.ReadDatasetCSV([]byte("# id: my-survey\n# title: My survey\n# source: The Daily, 3 May\n# year: 2024\n" +
		"# measure: Share of adults who use it\n# area: CL\n# areaName: Chile\n# measureKind: ever\n# base: adults\n" +
		"# readAt: The Daily, 3 May, page 4\n# hand: second-hand\n# original: The statistics office's survey 2024, table 2\n" +
		"platform,all\nfacebook,0.6\nyoutube,55%\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "The Daily, 3 May. Read second-hand (The Daily, 3 May, page 4); check against the original, The statistics office's survey 2024, table 2."
	if got := ds.CitedSource(); got != want {
		t.Errorf("cited source %q, want %q", got, want)
	}
	c := calc.Embedded()
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	s := calc.DefaultScenario()
	s.Dataset, s.Audience.Weights, s.Plan = ds.ID, map[string]decimal.Decimal{"all": decimal.NewFromInt(1)}, s.Plan[:1]
	r, err := calc.Compute(s, c)
	if err != nil {
		t.Fatal(err)
	}
	cited := 0
	for _, spec := range report.Charts(r, nil, "1 May 2025") {
		if !strings.Contains(spec.Source, "The Daily") {
			continue // a chart of the scenario's own inputs (costs)
		}
		cited++
		if !strings.Contains(spec.Source, want) {
			t.Errorf("chart %s: source %q", spec.ID, spec.Source)
		}
	}
	if cited < 2 {
		t.Errorf("%d charts cite the survey", cited)
	}
	if got := report.DatasetText(r.Dataset); !strings.Contains(got, want[:len(want)-1]) {
		t.Errorf("slides' source %q", got)
	}
	if got := sourceText(r.Dataset); !strings.Contains(got, want+" Figures of 2024.") {
		t.Errorf("page's source %q", got)
	}
	// Embedded datasets' sources say so themselves, and are shown as they are.
	for _, d := range calc.Embedded().Datasets() {
		if d.CitedSource() != d.Source {
			t.Errorf("%s: cited source %q", d.ID, d.CitedSource())
		}
	}
	// First-hand figures, or no provenance: the source alone.
	ds.Provenance.Hand, ds.Provenance.Original = calc.HandFirst, ""
	if got := ds.CitedSource(); got != "The Daily, 3 May" {
		t.Errorf("first-hand: %q", got)
	}
}

// A dataset's name gives its year once.
func TestDatasetName(t *testing.T) {
	for _, c := range []struct {
		title string
		year  int
		more  string
		want  string
	}{
		{"Weekly use of platforms for news, India 2025", 2025, "", "Weekly use of platforms for news, India 2025"},
		{"Weekly use of platforms for news, India 2025", 2025, "weekly-news", "Weekly use of platforms for news, India 2025 (weekly-news)"},
		{"Our own survey", 2024, "", "Our own survey (2024)"},
		{"Our own survey", 2024, "mine", "Our own survey (2024; mine)"},
		{"Survey 2023", 2024, "", "Survey 2023 (2024)"},
		{"Undated", 0, "", "Undated"},
	} {
		if got := datasetName(c.title, c.year, c.more); got != c.want {
			t.Errorf("datasetName(%q, %d, %q) = %q, want %q", c.title, c.year, c.more, got, c.want)
		}
	}
}

// The page's and the briefing's source line reads as sentences for every embedded
// dataset: a source that ends with a full stop is not followed by ", 2023" (the
// default's printed "their figures are assumptions., 2023"), nor by "(2023)".
func TestSourceTextPunctuation(t *testing.T) {
	for _, d := range calc.Embedded().Datasets() {
		if got := sourceText(d); strings.Contains(got, ".,") || strings.Contains(got, ". (") || strings.Contains(got, "..") || !strings.Contains(got, " "+strconv.Itoa(d.Year)) {
			t.Errorf("%s: %q", d.ID, got)
		}
	}
}
