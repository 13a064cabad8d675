package calc_test

// Tests of a dataset's provenance (MODEL.md, "Dataset files"): what the figures
// describe (area, kind of measure, population base), how and when they were collected,
// the terms of reuse, and where they were read, for the whole dataset and per figure.
// Old files without it still read.

import (
	"reflect"
	"strings"
	"testing"

	"platformroi/calc"
)

// qaProvenanceJSON is a complete provenance object; extra fields replace its own.
const qaProvenanceJSON = `"provenance": {"area": "KE", "areaName": "Kenya", "measureKind": "weekly-news",
    "base": "online-news-users", "ages": "18-50", "method": "Online panel", "sample": 2043,
    "fieldwork": "2024-01/2024-02", "licence": "CC BY 4.0", "readAt": "https://example.org/news",
    "hand": "second-hand", "original": "The report's Kenya page"}`

func TestReadDatasetProvenance(t *testing.T) {
	in := qaDatasetJSON(qaProvenanceJSON, `"citation": {"readAt": "https://example.org/p1", "hand": "first-hand",
	   "segments": {"b": {"readAt": "A press release", "hand": "second-hand", "original": "The report, table 2"}}}`)
	d, err := calc.ReadDataset([]byte(in))
	if err != nil {
		t.Fatalf("ReadDataset: %v", err)
	}
	want := &calc.Provenance{Area: "KE", AreaName: "Kenya", MeasureKind: calc.MeasureWeeklyNews,
		Base: calc.BaseOnlineNewsUsers, Ages: "18-50", Method: "Online panel", Sample: 2043,
		Fieldwork: "2024-01/2024-02", Licence: "CC BY 4.0",
		Citation: calc.Citation{ReadAt: "https://example.org/news", Hand: calc.HandSecond, Original: "The report's Kenya page"}}
	if !reflect.DeepEqual(d.Provenance, want) {
		t.Errorf("provenance read as %+v\nwant %+v", d.Provenance, want)
	}
	if m := d.Provenance.Missing(); len(m) != 0 {
		t.Errorf("complete provenance misses %v", m)
	}
	p := d.Platforms[0]
	if p.Citation == nil || *p.Citation != (calc.Citation{ReadAt: "https://example.org/p1", Hand: calc.HandFirst}) {
		t.Errorf("platform citation %+v", p.Citation)
	}
	// The most specific citation applies.
	if c := d.CitationOf("p1", "b"); c.ReadAt != "A press release" || c.Hand != calc.HandSecond {
		t.Errorf("citation of p1, b: %+v", c)
	}
	if c := d.CitationOf("p1", "a"); c.ReadAt != "https://example.org/p1" {
		t.Errorf("citation of p1, a: %+v", c)
	}
	if c := d.CitationOf("other", "a"); c != d.Provenance.Citation {
		t.Errorf("citation of an unknown platform: %+v", c)
	}

	// Written and read back: the same provenance and citations.
	b, err := calc.MarshalDataset(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := calc.ReadDataset(b)
	if err != nil {
		t.Fatalf("ReadDataset of what MarshalDataset wrote: %v\n%s", err, b)
	}
	if !reflect.DeepEqual(back.Provenance, d.Provenance) || !reflect.DeepEqual(back.Platforms[0].Citation, p.Citation) ||
		!reflect.DeepEqual(back.Platforms[0].SegmentCitations, p.SegmentCitations) {
		t.Errorf("read back %+v %+v %+v\nfile:\n%s", back.Provenance, back.Platforms[0].Citation, back.Platforms[0].SegmentCitations, b)
	}
}

// A file written before provenance was recorded still reads, and is written back
// without it.
func TestReadDatasetWithoutProvenance(t *testing.T) {
	d, err := calc.ReadDataset([]byte(qaDatasetJSON("", "")))
	if err != nil {
		t.Fatal(err)
	}
	if d.Provenance != nil || d.Platforms[0].Citation != nil || d.Platforms[0].SegmentCitations != nil {
		t.Errorf("provenance %+v, citation %+v", d.Provenance, d.Platforms[0].Citation)
	}
	if d.CitationOf("p1", "a") != (calc.Citation{}) {
		t.Errorf("a citation without provenance")
	}
	b, err := calc.MarshalDataset(d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "provenance") || strings.Contains(string(b), "citation") {
		t.Errorf("written with provenance:\n%s", b)
	}
}

func TestProvenanceMissing(t *testing.T) {
	if got := strings.Join((&calc.Provenance{}).Missing(), ","); got != "area,areaName,measureKind,base,method,licence,readAt,hand" {
		t.Errorf("empty provenance misses %s", got)
	}
	p := calc.Provenance{Area: "global", AreaName: "All markets", MeasureKind: calc.MeasureEver, Base: "13-69",
		Method: "m", Licence: "l", Citation: calc.Citation{ReadAt: "r", Hand: calc.HandSecond}}
	if got := strings.Join(p.Missing(), ","); got != "original" {
		t.Errorf("second-hand provenance without its original misses %q", got)
	}
}

func TestProvenanceProblems(t *testing.T) {
	prov := func(old, new string) string {
		return qaDatasetJSON(strings.Replace(qaProvenanceJSON, old, new, 1), "")
	}
	tests := []struct {
		name  string
		in    string
		field string
		words []string
	}{
		{"country code in lower case", prov(`"area": "KE"`, `"area": "ke"`), "provenance.area", []string{"ISO 3166-1", `"ke"`}},
		{"three-letter code", prov(`"area": "KE"`, `"area": "KEN"`), "provenance.area", []string{"alpha-2", `"KEN"`}},
		{"region with spaces", prov(`"area": "KE"`, `"area": "arab states"`), "provenance.area", []string{"region id", `"arab states"`}},
		{"area without a name", prov(`"areaName": "Kenya", `, ``), "provenance.areaName", []string{"missing", `"KE"`}},
		{"name without an area", prov(`"area": "KE", `, ``), "provenance.area", []string{"missing", `"Kenya"`}},
		{"unknown measure kind", prov(`"weekly-news"`, `"weekly news"`), "provenance.measureKind", []string{"ever", "measured-reach", `"weekly news"`}},
		{"unknown base", prov(`"online-news-users"`, `"everyone"`), "provenance.base", []string{"adults", "internet-users", "age range", `"everyone"`}},
		{"ages the wrong way round", prov(`"18-50"`, `"50-18"`), "provenance.ages", []string{"age range", `"50-18"`}},
		{"sample of 0", prov(`2043`, `0`), "provenance.sample", []string{"at least 1"}},
		{"sample as a fraction", prov(`2043`, `20.5`), "provenance.sample", []string{"whole number"}},
		{"fieldwork in words", prov(`"2024-01/2024-02"`, `"early 2024"`), "provenance.fieldwork", []string{"ISO 8601", `"early 2024"`}},
		{"fieldwork on a day that does not exist", prov(`"2024-01/2024-02"`, `"2023-02-30"`), "provenance.fieldwork", []string{"ISO 8601"}},
		{"fieldwork ending before it starts", prov(`"2024-01/2024-02"`, `"2024-02/2024-01-31"`), "provenance.fieldwork", []string{"before it ends"}},
		{"unknown hand", prov(`"second-hand"`, `"second"`), "provenance.hand", []string{"first-hand", "second-hand", `"second"`}},
		{"second-hand without its original", prov(`, "original": "The report's Kenya page"`, ``), "provenance.original", []string{"missing", "original"}},
		{"read without saying how", prov(`"hand": "second-hand", `, ``), "provenance.hand", []string{"missing"}},
		{"a hand without where", prov(`"readAt": "https://example.org/news",`, ``), "provenance.readAt", []string{"missing"}},
		{"unknown provenance field", prov(`"licence"`, `"license"`), "provenance.license", []string{"unknown", "licence"}},
		{"citation of an unknown segment", qaDatasetJSON("", `"citation": {"segments": {"c": {"readAt": "x", "hand": "first-hand"}}}`),
			"platforms[0].citation.segments.c", []string{"segment", `"c"`}},
		{"second-hand figure without its original", qaDatasetJSON("", `"citation": {"segments": {"a": {"readAt": "x", "hand": "second-hand"}}}`),
			"platforms[0].citation.segments.a.original", []string{"missing"}},
		{"unknown citation field", qaDatasetJSON("", `"citation": {"page": 3}`), "platforms[0].citation.page", []string{"unknown", "readAt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.ReadDataset([]byte(tt.in))
			ps := qaProblems(t, err)
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %s; problems: %v", tt.field, ps)
			}
			for _, w := range tt.words {
				if !strings.Contains(p.Message, w) {
					t.Errorf("message %q does not contain %q", p.Message, w)
				}
			}
			if len(ps) != 1 {
				t.Errorf("problems at %v, want only %s", qaFields(ps), tt.field)
			}
		})
	}
	// Accepted forms.
	for _, ok := range []string{
		prov(`"area": "KE"`, `"area": "CA-QC"`), prov(`"area": "KE"`, `"area": "arab-states"`),
		prov(`"online-news-users"`, `"15+"`), prov(`"2024-01/2024-02"`, `"2023"`),
		prov(`"2024-01/2024-02"`, `"2023-05-19/2023-09-05"`), prov(`"2024-01/2024-02"`, `"2024-02/2024"`),
		qaDatasetJSON(`"provenance": {}`, ""),
	} {
		if _, err := calc.ReadDataset([]byte(ok)); err != nil {
			t.Errorf("%v\n%s", err, ok)
		}
	}
}
