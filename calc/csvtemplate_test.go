package calc_test

// Tests of the provenance lines of a CSV file and of DatasetCSVTemplate: a dataset
// written as a CSV file and read back with ReadDatasetCSV is the same dataset, as far
// as the CSV format carries it.

import (
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// qaCSVCarriedDiff compares what a CSV file carries of two datasets.
func qaCSVCarriedDiff(a, b *calc.Dataset) []string {
	var out []string
	if a.ID != b.ID || a.Title != b.Title || a.Source != b.Source || a.Year != b.Year || a.URL != b.URL || a.Measure != b.Measure {
		out = append(out, "header differs")
	}
	if !reflect.DeepEqual(a.Provenance, b.Provenance) {
		out = append(out, "provenance differs")
	}
	if len(a.Segments) != len(b.Segments) {
		return append(out, "segments differ")
	}
	for i, s := range a.Segments {
		u := b.Segments[i]
		if s.ID != u.ID || s.Label != u.Label || !qaPtrEq(s.Population, u.Population) {
			out = append(out, "segment "+s.ID+" differs")
		}
	}
	if len(a.Platforms) != len(b.Platforms) {
		return append(out, "platforms differ")
	}
	for i, p := range a.Platforms {
		q := b.Platforms[i]
		if p.ID != q.ID || p.Name != q.Name || p.Kind != q.Kind {
			out = append(out, "platform "+p.ID+" differs")
		}
		for _, name := range calc.ParamNames {
			if !qaParam(p.Params, name).Equal(qaParam(q.Params, name)) {
				out = append(out, p.ID+"."+name+" differs")
			}
		}
		out = append(out, qaDecMapDiff(p.ID+".penetration", p.Penetration, q.Penetration)...)
	}
	return out
}

func qaParam(p calc.Params, name string) decimal.Decimal {
	return map[string]decimal.Decimal{"minHours": p.MinHours, "fullHours": p.FullHours, "reachRate": p.ReachRate,
		"setupHours": p.SetupHours, "toolCost": p.ToolCost, "adCost": p.AdCost}[name]
}

func TestReadDatasetCSVProvenance(t *testing.T) {
	d := qaReadCSV(t, qaCSVDocExample(t))
	want := &calc.Provenance{Area: "FR", AreaName: "France", MeasureKind: calc.MeasureMonthly, Base: calc.BaseAdults,
		Citation: calc.Citation{ReadAt: "https://example.org/survey-2024.pdf, table 3.2", Hand: calc.HandFirst}}
	if !reflect.DeepEqual(d.Provenance, want) {
		t.Errorf("the doc example's provenance is %+v", d.Provenance)
	}
	// Every key, in any letter case; "license" for licence.
	meta := "# title: T\n# source: S\n# year: 2024\n# measure: M\n" +
		"# AREA: KE\n# areaname: Kenya\n# measureKind: weekly-news\n# base: online-news-users\n# ages: 18-50\n" +
		"# method: Online panel, weighted\n# sample: 2043\n# fieldwork: 2024-01/2024-02\n# license: CC BY 4.0\n" +
		"# readAt: the-star.co.ke, 2024-07-05\n# hand: second-hand\n# original: The report's Kenya page\n"
	d = qaReadCSV(t, qaCSV(meta, ""))
	want = &calc.Provenance{Area: "KE", AreaName: "Kenya", MeasureKind: calc.MeasureWeeklyNews, Base: calc.BaseOnlineNewsUsers,
		Ages: "18-50", Method: "Online panel, weighted", Sample: 2043, Fieldwork: "2024-01/2024-02", Licence: "CC BY 4.0",
		Citation: calc.Citation{ReadAt: "the-star.co.ke, 2024-07-05", Hand: calc.HandSecond, Original: "The report's Kenya page"}}
	if !reflect.DeepEqual(d.Provenance, want) {
		t.Errorf("provenance %+v\nwant %+v", d.Provenance, want)
	}
	// Without provenance lines, no provenance.
	if d := qaReadCSV(t, qaCSV("", "")); d.Provenance != nil {
		t.Errorf("provenance %+v from a file without it", d.Provenance)
	}

	base := "# title: T\n# source: S\n# year: 2024\n# measure: M\n"
	tests := []struct {
		name, file, field, words string
	}{
		{"unknown kind of measure", base + "# measureKind: weekly news\n", "# measureKind (line 5)", `"weekly news"`},
		{"area without its name", base + "# area: KE\n", "# areaName", "missing"},
		{"area in lower case", base + "# area: ke\n# areaName: Kenya\n", "# area (line 5)", "ISO 3166-1"},
		{"sample with a thousands separator", base + "# sample: 2,043\n", "# sample (line 5)", "thousands separators"},
		{"sample of 0", base + "# sample: 0\n", "# sample (line 5)", "at least 1"},
		{"fieldwork in words", base + "# fieldwork: spring 2024\n", "# fieldwork (line 5)", "ISO 8601"},
		{"second-hand without its original", base + "# readAt: x\n# hand: second-hand\n", "# original", "missing"},
		{"hand without where", base + "# hand: first-hand\n", "# readAt", "missing"},
		{"a key given twice", base + "# licence: A\n# license: B\n", "# license (line 6)", "given twice"},
		{"provenance as a column", base, `row 5, column "area"`, `"# area: …"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := "platform,a\nfacebook,0.5\n"
			if strings.Contains(tt.field, "column") {
				table = "platform,a,area\nfacebook,0.5,KE\n"
			}
			_, err := calc.ReadDatasetCSV([]byte(tt.file + table))
			ps := qaProblems(t, err)
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %s; problems: %v", tt.field, ps)
			}
			if !strings.Contains(p.Message, tt.words) {
				t.Errorf("message %q does not contain %q", p.Message, tt.words)
			}
			if len(ps) != 1 {
				t.Errorf("problems at %v, want only %s", qaFields(ps), tt.field)
			}
		})
	}
}

// Every embedded dataset, written as a CSV template and read back, is the same dataset
// as far as a CSV file carries it (its id with -copy added, as an import may not take
// an embedded id).
func TestDatasetCSVTemplateRoundTrip(t *testing.T) {
	for _, d := range calc.Embedded().Datasets() {
		t.Run(d.ID, func(t *testing.T) {
			data := calc.DatasetCSVTemplate(d)
			back, err := calc.ReadDatasetCSV(data)
			if err != nil {
				t.Fatalf("ReadDatasetCSV of the template: %v\n%s", err, data)
			}
			want := *d
			want.ID += "-copy"
			if diff := qaCSVCarriedDiff(&want, back); len(diff) > 0 {
				t.Errorf("read back a different dataset: %v\n%s", diff, data)
			}
			// A second trip changes nothing more.
			again := calc.DatasetCSVTemplate(back)
			if back2, err := calc.ReadDatasetCSV(again); err != nil || len(qaCSVCarriedDiff(back, back2)) > 0 {
				t.Errorf("second trip: %v %v", err, qaCSVCarriedDiff(back, back2))
			}
		})
	}
}

// A dataset read from a CSV file comes back whole from its template: notes, context
// and assumptions included.
func TestDatasetCSVTemplateOfAnImport(t *testing.T) {
	for name, file := range map[string]string{
		"doc example": qaCSVDocExample(t),
		"labels, populations, blanks": "# id: my-poll\n# title: My poll\n# source: Us\n# year: 2025\n# measure: Share\n" +
			"# label young people: Under 30s\n# population young people: 1200\n# sample: 800\n" +
			"platform,name,kind,young people,\"older, 30+\",minHours,fullHours,reachRate,setupHours,toolCost,adCost\n" +
			"x,,,0.2,,,,,,,\n" +
			"dailymotion,\"Dailymotion \"\"DM\"\"\",video,0.1,0.05,2,8,0.02,16,0,1.5\n",
	} {
		t.Run(name, func(t *testing.T) {
			d := qaReadCSV(t, file)
			data := calc.DatasetCSVTemplate(d)
			back, err := calc.ReadDatasetCSV(data)
			if err != nil {
				t.Fatalf("ReadDatasetCSV of the template: %v\n%s", err, data)
			}
			if diff := qaDatasetDiff("", d, back); len(diff) > 0 {
				t.Errorf("read back a different dataset:\n  %s\n%s", strings.Join(diff, "\n  "), data)
			}
		})
	}
}

func TestDatasetCSVTemplateShape(t *testing.T) {
	d := calc.Embedded().Get("kpf-kr-2024")
	got := string(calc.DatasetCSVTemplate(d))
	for _, want := range []string{
		"# Made from the built-in dataset kpf-kr-2024",
		"# id: kpf-kr-2024-copy\n", "# year: 2024\n", "# area: KR\n", "# areaName: South Korea\n", "# sample: 3000\n",
		"# hand: second-hand\n", "# label all: Adults 19+\n",
		"platform,name,kind,all,minHours,fullHours,reachRate,setupHours,toolCost,adCost\n",
		"kakaotalk,KakaoTalk,messaging and channels,0.989,1,5,0.02,4,0,0\n", // not built in: every parameter
		"youtube,YouTube,video,0.849,,,,,,\n",                               // built in, its own parameters: blank
	} {
		if !strings.Contains(got, want) {
			t.Errorf("template lacks %q:\n%s", want, got)
		}
	}
}

// An imported dataset whose names start like a spreadsheet formula gives a template
// whose cells cannot run as formulas when the file is opened in a spreadsheet, and
// which reads back as the same dataset.
func TestDatasetCSVTemplateDefusesFormulas(t *testing.T) {
	file := "# id: my-poll\n# title: My poll\n# source: Us\n# year: 2025\n# measure: Share\n" +
		"platform,name,kind,\"=cmd|' /C calc'!A0\",@seg,minHours,fullHours,reachRate,setupHours,toolCost,adCost\n" +
		"facebook,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\",+kind,0.5,0.25,,,,,,\n" +
		"-forum,-Forum,@social,0.1,0.2,2,8,0.02,16,0,1.5\n"
	d := qaReadCSV(t, file)
	data := calc.DatasetCSVTemplate(d)
	rows := qaCSVTable(t, data)
	for i, row := range rows {
		for j, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("table row %d, cell %d is %q: a spreadsheet takes it for a formula\n%s", i+1, j+1, cell, data)
			}
		}
	}
	back, err := calc.ReadDatasetCSV(data)
	if err != nil {
		t.Fatalf("ReadDatasetCSV of the template: %v\n%s", err, data)
	}
	if diff := qaDatasetDiff("", d, back); len(diff) > 0 {
		t.Errorf("read back a different dataset:\n  %s\n%s", strings.Join(diff, "\n  "), data)
	}
}

// qaCSVTable reads the table of a dataset CSV file (the lines that are not metadata).
func qaCSVTable(t *testing.T, data []byte) [][]string {
	t.Helper()
	var table []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "#") && l != "" {
			table = append(table, l)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(table, "\n"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
