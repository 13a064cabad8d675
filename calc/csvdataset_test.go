package calc_test

// Tests of ReadDatasetCSV: platform demographics imported from a CSV file.
//
//	go test ./calc -run XXX -fuzz FuzzReadDatasetCSV -fuzztime 20s

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// qaCSVDocExample is the example file of ReadDatasetCSV's doc comment, read from the
// source so that the documentation cannot drift from the code.
func qaCSVDocExample(t testing.TB) string {
	t.Helper()
	src, err := os.ReadFile("csvdataset.go")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(src), "// # The CSV format\n")
	if !ok {
		t.Fatalf("csvdataset.go has no \"# The CSV format\" section")
	}
	var lines []string
	for _, l := range strings.Split(after, "\n") {
		if text, ok := strings.CutPrefix(l, "//\t"); ok {
			lines = append(lines, text)
		} else if len(lines) > 0 {
			break
		}
	}
	if len(lines) < 5 {
		t.Fatalf("no example file in the doc comment")
	}
	return strings.Join(lines, "\n") + "\n"
}

// qaCSV is a small valid CSV file; header and rows replace the table when given.
func qaCSV(meta string, table string) string {
	if meta == "" {
		meta = "# title: Test survey\n# source: Made by hand for the tests\n# year: 2024\n# measure: Share who use it\n"
	}
	if table == "" {
		table = "platform,a,b\nfacebook,0.5,0.25\n"
	}
	return meta + table
}

func qaReadCSV(t testing.TB, data string) *calc.Dataset {
	t.Helper()
	d, err := calc.ReadDatasetCSV([]byte(data))
	if err != nil {
		t.Fatalf("ReadDatasetCSV: %v\nfile:\n%s", err, data)
	}
	return d
}

func TestReadDatasetCSVDocExample(t *testing.T) {
	data := qaCSVDocExample(t)
	d := qaReadCSV(t, data)
	if d.ID != "fr-2024" || d.Year != 2024 || !strings.HasPrefix(d.Title, "Adults'") || d.URL == "" ||
		!strings.HasPrefix(d.Source, "National statistics office, Internet use survey 2024") || !strings.HasPrefix(d.Measure, "Share of adults") {
		t.Fatalf("header: %+v", d)
	}
	var segs []string
	for _, s := range d.Segments {
		segs = append(segs, s.ID+"="+s.Label)
	}
	if got := strings.Join(segs, "; "); got != "15-29=Ages 15 to 29; 30-49=30-49; 50-64=50-64; 65+=65+" {
		t.Fatalf("segments: %s", got)
	}
	if p := d.Segments[0].Population; p == nil || !p.Equal(qaDec("11200000")) {
		t.Fatalf("population of 15-29: %v", p)
	}
	if len(d.Platforms) != 3 {
		t.Fatalf("%d platforms", len(d.Platforms))
	}
	pew := calc.Embedded().Get(calc.DefaultDatasetID)

	// facebook: every parameter, name, kind and notes from the built-in one.
	fb, pfb := d.Platform("facebook"), pew.Platform("facebook")
	if fb.Name != pfb.Name || fb.Kind != pfb.Kind || fb.Params != pfb.Params {
		t.Fatalf("facebook: %+v; want the built-in name, kind and parameters", fb)
	}
	if diff := qaStrMapDiff("notes", pfb.Notes, fb.Notes); len(diff) > 0 {
		t.Fatalf("facebook notes: %v", diff)
	}
	// Its context, less the US survey's figures (they say nothing about another country).
	wantCtx := map[string]string{}
	for k, v := range pfb.Context {
		if !strings.HasPrefix(k, "pew") {
			wantCtx[k] = v
		}
	}
	if len(wantCtx) == len(pfb.Context) || wantCtx["foreignMinistries2016"] == "" {
		t.Fatalf("the built-in context %v has no US figures to drop or no ministries count to keep", pfb.Context)
	}
	if diff := qaStrMapDiff("context", wantCtx, fb.Context); len(diff) > 0 {
		t.Fatalf("facebook context: %v", diff)
	}
	if strings.Join(fb.Assumed, ",") != strings.Join(calc.ParamNames, ",") {
		t.Fatalf("facebook assumed %v", fb.Assumed)
	}
	if diff := qaDecMapDiff("penetration", fb.Penetration, map[string]decimal.Decimal{
		"15-29": qaDec("0.62"), "30-49": qaDec("0.71"), "50-64": qaDec("0.66"), "65+": qaDec("0.41")}); len(diff) > 0 {
		t.Fatalf("facebook: %v", diff)
	}

	// youtube: percentages; the reach rate given replaces the built-in one and its note.
	yt, pyt := d.Platform("youtube"), pew.Platform("youtube")
	if diff := qaDecMapDiff("penetration", yt.Penetration, map[string]decimal.Decimal{
		"15-29": qaDec("0.92"), "30-49": qaDec("0.90"), "50-64": qaDec("0.84"), "65+": qaDec("0.52")}); len(diff) > 0 {
		t.Fatalf("youtube: %v", diff)
	}
	if !yt.Params.ReachRate.Equal(qaDec("0.025")) || !yt.Params.MinHours.Equal(pyt.Params.MinHours) {
		t.Fatalf("youtube parameters %+v", yt.Params)
	}
	if _, ok := yt.Notes["reachRate"]; ok || yt.Notes["minHours"] != pyt.Notes["minHours"] {
		t.Fatalf("youtube notes %v: want the built-in ones but reachRate's", yt.Notes)
	}

	// dailymotion: not built in, everything from the file, parameters assumed.
	dm := d.Platform("dailymotion")
	want := calc.Params{MinHours: qaDec("2"), FullHours: qaDec("8"), ReachRate: qaDec("0.02"), SetupHours: qaDec("16"), ToolCost: qaDec("0"), AdCost: qaDec("0")}
	if dm.Name != "Dailymotion" || dm.Kind != "" || len(dm.Notes) != 0 || len(dm.Context) != 0 ||
		dm.Params.MinHours.Cmp(want.MinHours) != 0 || dm.Params.FullHours.Cmp(want.FullHours) != 0 ||
		dm.Params.ReachRate.Cmp(want.ReachRate) != 0 || dm.Params.SetupHours.Cmp(want.SetupHours) != 0 ||
		strings.Join(dm.Assumed, ",") != strings.Join(calc.ParamNames, ",") {
		t.Fatalf("dailymotion: %+v", dm)
	}
	for _, p := range d.Platforms {
		if p.IsAssumed("penetration") {
			t.Fatalf("%s: the file's penetration figures are marked assumed", p.ID)
		}
	}

	// The dataset is valid: it writes and reads back as a dataset file, it can be
	// imported, and a scenario computes and recommends with it.
	b1, err := calc.MarshalDataset(d)
	if err != nil {
		t.Fatal(err)
	}
	d2, err := calc.ReadDataset(b1)
	if err != nil {
		t.Fatalf("ReadDataset of the written dataset: %v\n%s", err, b1)
	}
	if diff := qaDatasetDiff("", d, d2); len(diff) > 0 {
		t.Fatalf("read back a different dataset: %v", diff)
	}
	c := calc.Embedded()
	if err := c.Add(d); err != nil {
		t.Fatalf("Catalog.Add: %v", err)
	}
	s := &calc.Scenario{Name: "France", Currency: "EUR", HorizonMonths: 12, Dataset: d.ID,
		Audience: calc.Audience{Size: qaDec("1000000"), Weights: map[string]decimal.Decimal{"15-29": qaDec("1"), "30-49": qaDec("1")}},
		Staff:    []calc.Role{{Name: "Officer", HourlyCost: qaPtr("40"), HoursPerWeek: qaDec("20")}},
		Plan: []calc.PlanLine{{Platform: "dailymotion", Role: "Officer", HoursPerWeek: qaDec("4")},
			{Platform: "youtube", Role: "Officer", HoursPerWeek: qaDec("6")}},
		ValuePer1000: qaPtr("10")}
	r, err := calc.Compute(s, c)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	if len(r.Platforms) != 3 || r.Totals.Reach.Sign() <= 0 {
		t.Fatalf("result: %d platform rows, reach %v", len(r.Platforms), r.Totals.Reach)
	}
	// dailymotion's fit is (0.12 + 0.10) / 2; its potential audience 110,000.
	for _, p := range r.Platforms {
		if p.ID == "dailymotion" && !p.Fit.Equal(qaDec("0.11")) {
			t.Fatalf("dailymotion fit %v; want 0.11", p.Fit)
		}
	}
	if _, err := calc.Recommend(s, c); err != nil {
		t.Fatalf("Recommend: %v", err)
	}
}

// What editors and spreadsheets write is accepted: a byte order mark, CRLF, blank
// lines and rows, padding commas, metadata in quotes or with its value in the next
// cell, blank columns, header names in other cases, platforms by name.
func TestReadDatasetCSVSpreadsheetQuirks(t *testing.T) {
	data := "\ufeff# Figures typed from the report, table 3\r\n" +
		"# See https://example.org for the method\r\n" +
		"\"# Title: Survey, \"\"spring\"\" 2024\",,,,\r\n" +
		"# SOURCE:,\"Embassy poll, 2024\",,\r\n" +
		"# year: 2024,,,,\r\n" +
		",,,,\r\n" +
		"# measure: Share of respondents who use the platform weekly\r\n" +
		"\r\n" +
		"Platform , Reach rate,18-29,  30+ ,,\r\n" +
		"Facebook,,\"0.5\",25 %,,\r\n" +
		",,,,,\r\n" +
		"X (Twitter), 0.01 ,0.2,0.1,,\r\n" +
		"YOUTUBE,,1,0,,,,\r\n"
	d := qaReadCSV(t, data)
	if d.Title != `Survey, "spring" 2024` || d.ID != "survey-spring-2024" || d.Source != "Embassy poll, 2024" || d.Year != 2024 {
		t.Fatalf("header: id %q, title %q, source %q, year %d", d.ID, d.Title, d.Source, d.Year)
	}
	if len(d.Segments) != 2 || d.Segments[0].ID != "18-29" || d.Segments[1].ID != "30+" {
		t.Fatalf("segments %+v", d.Segments)
	}
	var ids []string
	for _, p := range d.Platforms {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, ",") != "facebook,x,youtube" {
		t.Fatalf("platforms %v", ids)
	}
	if fb := d.Platform("facebook"); !fb.Penetration["30+"].Equal(qaDec("0.25")) || !fb.Params.ReachRate.Equal(qaDec("0.03")) {
		t.Fatalf("facebook %+v", fb)
	}
	if x := d.Platform("x"); x.Name != "X (Twitter)" || !x.Params.ReachRate.Equal(qaDec("0.01")) {
		t.Fatalf("x %+v", x)
	}
	if yt := d.Platform("youtube"); !yt.Penetration["18-29"].Equal(qaDec("1")) || !yt.Penetration["30+"].IsZero() {
		t.Fatalf("youtube %+v", yt)
	}
}

func TestReadDatasetCSVDefaults(t *testing.T) {
	// The title is the id when only the id is given; a blank cell gives no figure.
	d := qaReadCSV(t, qaCSV("# id: my-poll\n# source: S\n# year: 1990\n# measure: M\n", "platform,a,b\nwebsite,,0.9\n"))
	if d.ID != "my-poll" || d.Title != "my-poll" || d.Year != 1990 {
		t.Fatalf("id %q, title %q, year %d", d.ID, d.Title, d.Year)
	}
	if p := d.Platforms[0]; len(p.Penetration) != 1 || !p.Penetration["b"].Equal(qaDec("0.9")) {
		t.Fatalf("penetration %v", p.Penetration)
	}
	// website's penetration is an assumption in the built-in dataset, not here.
	if d.Platforms[0].IsAssumed("penetration") {
		t.Fatalf("website: penetration assumed")
	}
	if _, ok := d.Platforms[0].Notes["penetration"]; ok {
		t.Fatalf("website: the built-in note on penetration kept")
	}
	// An id made from a title in another script.
	d = qaReadCSV(t, qaCSV("# title: Пользование платформами, 2024\n# source: S\n# year: 2024\n# measure: M\n", ""))
	if d.ID != "пользование-платформами-2024" {
		t.Fatalf("id %q", d.ID)
	}
	// At most 60 characters, without a trailing dash.
	d = qaReadCSV(t, qaCSV("# title: "+strings.Repeat("abcd ", 30)+"\n# source: S\n# year: 2024\n# measure: M\n", ""))
	if n := len([]rune(d.ID)); n > 60 || strings.HasSuffix(d.ID, "-") {
		t.Fatalf("id %q (%d characters)", d.ID, n)
	}
}

func TestReadDatasetCSVErrors(t *testing.T) {
	meta := "# title: T\n# source: S\n# year: 2024\n# measure: M\n"
	without := func(key string) string {
		var out []string
		for _, l := range strings.SplitAfter(meta, "\n") {
			if l != "" && !strings.HasPrefix(l, "# "+key+":") {
				out = append(out, l)
			}
		}
		return strings.Join(out, "")
	}
	table := "platform,a,b\nfacebook,0.5,0.25\n"
	tests := []struct {
		name, data   string
		field, words string // a problem's field, and a substring of its message
	}{
		{"empty file", "", "", "the file is empty"},
		{"blank file", " \r\n\n", "", "the file is empty"},
		{"only metadata", meta, "", "no table"},
		{"not UTF-8", meta + "platform,a\nfacebook,\xff\n", "", "line 6 is not UTF-8"},
		{"too large", meta + table + strings.Repeat("#\n", calc.MaxDatasetCSV), "", "larger than"},
		{"missing source", without("source") + table, "# source", "missing: add a line such as \"# source:"},
		{"missing year", without("year") + table, "# year", "missing"},
		{"missing measure", without("measure") + table, "# measure", "missing"},
		{"missing title and id", without("title") + table, "# title", "missing"},
		{"bad year", strings.Replace(meta, "2024", "20x4", 1) + table, "# year (line 3)", `a whole number such as 2024, found "20x4"`},
		{"year out of range", strings.Replace(meta, "2024", "1899", 1) + table, "# year (line 3)", "from 1990 to 2100, found 1899"},
		{"year given twice", meta + "# Year: 2023\n" + table, "# Year (line 5)", "given twice (first on line 3)"},
		{"unknown key", "# sorce: S\n" + meta + table, "# sorce (line 1)", `unknown key "sorce"`},
		{"no key", "#: x\n" + meta + table, "line 1", "no key"},
		{"built-in id", meta + "# id: pew-us-2023\n" + table, "# id (line 5)", "built into the tool"},
		{"title making a built-in id", strings.Replace(meta, "# title: T", "# title: Pew US 2023", 1) + table, "# id", "built into the tool"},
		{"title without letters", strings.Replace(meta, "# title: T", "# title: ---", 1) + table, "# id", "no letters or digits"},
		{"long source", strings.Replace(meta, "# source: S", "# source: "+strings.Repeat("s", 2001), 1) + table, "# source (line 2)", "has 2,001 characters; at most 2,000 are accepted"},
		{"label of no segment", meta + "# label c: C\n" + table, "# label c (line 5)", `the segments are "a", "b"`},
		{"population not a number", meta + "# population a: 5,400,000\n" + table, "# population a (line 5)", `found "5,400,000"`},
		{"population not whole", meta + "# population a: 10.5\n" + table, "# population a (line 5)", "whole number of people"},
		{"share out of range", meta + "platform,a,b\nfacebook,1.7,0.25\n", `row 6, column "a"`, `must be a share from 0 to 1 (such as 0.45) or a percentage (such as 45%), found "1.7"`},
		{"share as a whole percentage", meta + "platform,a,b\nfacebook,45,0.25\n", `row 6, column "a"`, `found "45" (for 45%, write 0.45 or 45%)`},
		{"percentage over 100", meta + "platform,a,b\nfacebook,0.5,120%\n", `row 6, column "b"`, `found "120%"`},
		{"negative share", meta + "platform,a,b\nfacebook,-0.1,0.25\n", `row 6, column "a"`, `found "-0.1"`},
		{"non-number", meta + "platform,a,b\nfacebook,n/a,0.25\n", `row 6, column "a"`, `found "n/a"`},
		{"decimal comma", meta + "platform,a,b\nfacebook,\"0,5\",0.25\n", `row 6, column "a"`, "a point for the decimals"},
		{"too many decimals", meta + "platform,a,b\nfacebook,0.1234567890123,0.25\n", `row 6, column "a"`, "more than 12 decimal places"},
		{"percent sign on hours", meta + "platform,a,minHours\nfacebook,0.5,5%\n", `row 6, column "minHours"`, `must be a number, such as 2 or 2.5, found "5%"`},
		{"hours out of range", meta + "platform,a,fullHours\nfacebook,0.5,200\n", `row 6, column "fullHours"`, "up to 168, found 200"},
		{"full under min", meta + "platform,a,minHours,fullHours\nfacebook,0.5,5,4\n", `row 6, column "fullHours"`, "must be at least the minimum hours per week, 5, found 4"},
		{"min over the built-in full", meta + "platform,a,minHours\nfacebook,0.5,15\n", "row 6", "fullHours (the built-in value) must be at least the minimum hours per week, 15, found 10"},
		{"unknown column", meta + "platform,a,minHour\nfacebook,0.5,2\n", `row 5, column "minHour"`, `unknown column "minHour"`},
		{"column the format does not carry", meta + "platform,a,notes\nfacebook,0.5,x\n", `row 5, column "notes"`, "cannot give a dataset's notes"},
		{"id column", meta + "id,a\nfacebook,0.5\n", `row 5, column "id"`, `a column named "platform"`},
		{"duplicate platform", meta + "platform,a,b\nfacebook,0.5,0.25\nFacebook,0.5,0.25\n", `row 7, column "platform"`, `"facebook" is listed twice (first on row 6)`},
		{"duplicate segment column", meta + "platform,a,b,a\nfacebook,0.5,0.25,0.5\n", `row 5, column "a"`, `the segment column "a" appears twice in the header row (columns 2 and 4)`},
		{"duplicate fixed column", meta + "platform,a,reachRate,Reach rate\nfacebook,0.5,0.1,0.1\n", `row 5, column "Reach rate"`, "appears twice"},
		{"ragged row, short", meta + "platform,a,b\nfacebook,0.5\n", "row 6", "has 2 cells, but the header row (line 5) has 3 columns"},
		{"ragged row, long", meta + "platform,a,b\nfacebook,0.5,0.25,0.1\n", "row 6", "has 4 cells"},
		{"no platform column", meta + "a,b\n0.5,0.25\n", "row 5", `no "platform" column`},
		{"no segment column", meta + "platform,minHours\nfacebook,2\n", "row 5", "names no segment column"},
		{"semicolons", meta + "platform;a;b\nfacebook;0,5;0,25\n", "row 5", "separate the columns with commas"},
		{"no rows", meta + "platform,a,b\n\n", "row 5", "no platform rows"},
		{"empty platform id", meta + "platform,a,b\n,0.5,0.25\n", `row 6, column "platform"`, "empty: give the platform's id"},
		{"unknown platform without parameters", meta + "platform,a,minHours\nvk,0.5,2\n", "row 6", `"vk" is not a built-in platform`},
		{"value in a column without a header", meta + "platform,a,\nfacebook,0.5,x\n", "row 6, column 3", "no name in the header row"},
		{"metadata in the table", meta + table + "# url: https://example.org\n", "row 7", "metadata lines go above the header row (line 5)"},
		{"bare quote", meta + "platform,a,b\nFacebook \"Meta\",0.5,0.25\n", "row 6", "is not valid CSV"},
		{"unclosed quote", meta + "platform,a,b\n\"facebook,0.5,0.25\n", "row 6", "is not valid CSV"},
		{"bad quote in the header", meta + "platform,\"a\"x,b\nfacebook,0.5,0.25\n", "row 5", "is not valid CSV"},
		{"quoted metadata with more cells", "\"# source: S\",x\n" + meta + table, "line 1", "must hold only the quoted metadata"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := calc.ReadDatasetCSV([]byte(tt.data))
			if d != nil {
				t.Fatalf("a dataset returned with the error %v", err)
			}
			ps := qaProblems(t, err)
			if p := qaFind(ps, tt.field); p == nil || !strings.Contains(p.Message, tt.words) {
				t.Fatalf("want a problem at %q with %q; got:\n%v", tt.field, tt.words, err)
			}
			qaCheckCSVProblems(t, ps)
		})
	}
}

// Every problem is reported at once, in the order of the file, each naming its place.
func TestReadDatasetCSVAllProblemsAtOnce(t *testing.T) {
	data := "# sorce: X\n" + // 1
		"# year: 20x4\n" + // 2
		"# Note: a comment with a colon is an unknown key\n" + // 3
		"# A comment: several words before the colon\n" + // 4
		"platform,name,18-29,30-49,30-49,minHour,reachRate\n" + // 5
		"facebook,,1.7,45,0.1,,x\n" + // 6
		"vk,VKontakte,0.1\n" + // 7
		"facebook,,0.1,0.2,0.3,,\n" + // 8
		"vk,,0.1,0.2,0.3,,0.02\n" // 9
	_, err := calc.ReadDatasetCSV([]byte(data))
	ps := qaProblems(t, err)
	want := []string{
		"# source",
		"# measure",
		"# title",
		"# sorce (line 1)",
		"# year (line 2)",
		"# Note (line 3)",
		`row 5, column "30-49"`,
		`row 5, column "minHour"`,
		`row 6, column "18-29"`,
		`row 6, column "30-49"`,
		`row 6, column "reachRate"`,
		"row 7",
		`row 8, column "platform"`,
		"row 9",
	}
	if got := qaFields(ps); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("fields\n%s\nwant\n%s\nall:\n%v", strings.Join(got, "\n"), strings.Join(want, "\n"), err)
	}
	if !strings.Contains(err.Error(), `row 6, column "18-29": must be a share from 0 to 1 (such as 0.45) or a percentage (such as 45%), found "1.7"`) {
		t.Fatalf("message:\n%v", err)
	}
	qaCheckCSVProblems(t, ps)
}

var qaCSVField = regexp.MustCompile(`^(|row \d+|row \d+, column (\d+|".*")|line \d+|# \S.*)$`)

// qaCheckCSVProblems checks the conventions of ReadDatasetCSV's problems: each with a
// field of the documented forms (never a path of the JSON format), a message, one per
// field.
func qaCheckCSVProblems(t testing.TB, ps []calc.Problem) {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range ps {
		if !qaCSVField.MatchString(p.Field) {
			t.Fatalf("problem field %q is none of the documented forms (%s)", p.Field, p.String())
		}
		if p.Message == "" {
			t.Fatalf("problem at %q without a message", p.Field)
		}
		if p.Field != "" && seen[p.Field] {
			t.Fatalf("two problems at %q", p.Field)
		}
		seen[p.Field] = true
	}
}

func FuzzReadDatasetCSV(f *testing.F) {
	// Valid files: the documented example, the quirks a spreadsheet adds, the small
	// test file, a platform that is not built in.
	f.Add([]byte(qaCSVDocExample(f)))
	f.Add([]byte("\ufeff\"# title: A, \"\"B\"\"\",,\r\n# source:,S\r\n# year: 2024\r\n# measure: M\r\n\r\nPlatform,Reach rate,a,,\r\nX (Twitter),1%,0.5,,\r\n"))
	f.Add([]byte(qaCSV("", "")))
	f.Add([]byte(qaCSV("", "platform,a,minHours,fullHours,reachRate,setupHours,toolCost,adCost,kind\nvk,5e-1,0,0.5,1,1e4,1e12,0,social\n")))
	f.Add([]byte(qaCSV("# id: x\n# source: S\n# year: 2100\n# measure: M\n# label a: A\n# population a: 1e3\n", "")))
	f.Add([]byte(qaCSV("# title: \"\"\"Quoted\"\"\"\n# source: S\n# year: 2024\n# measure: M\n# area: KE\n# areaName: Kenya\n# sample: 12\n# readAt: \"a, b,\"\n# hand: second-hand\n# original: O\n", "")))
	// Invalid ones: each kind of problem.
	f.Add([]byte(""))
	f.Add([]byte("# source: S\n"))
	f.Add([]byte(qaCSV("# year: 1e3\n# year: 2024\n# sorce: S\n#: x\n", "")))
	f.Add([]byte(qaCSV("", "platform,a,a,minHour,notes,\nfacebook,1.7,45%,x,,y\nvk,0.1\nfacebook,,,,,\n# url: u\n")))
	f.Add([]byte(qaCSV("", "platform,a,minHours\nfacebook,0.5,15\n")))
	f.Add([]byte(qaCSV("", "platform,a\n\"facebook,0.5\n")))
	f.Add([]byte(qaCSV("", "platform;a\nfacebook;0,5\n")))
	f.Add([]byte(qaCSV("", "platform,a\nfacebook,\xff\n")))
	f.Add([]byte(qaCSV("", "a,b\n1,2\n")))
	f.Add([]byte(qaCSV("# id: pew-us-2023\n# source: S\n# year: 2024\n# measure: M\n", "")))

	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := calc.ReadDatasetCSV(data)
		if err != nil {
			if d != nil {
				t.Fatalf("a dataset returned with the error %v", err)
			}
			var ie *calc.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T (%v); want an *InputError", err, err)
			}
			if len(ie.Problems) == 0 {
				t.Fatalf("an *InputError without problems")
			}
			qaCheckCSVProblems(t, ie.Problems)
			return
		}
		// The dataset passes the dataset checks: Catalog.Add runs them (and refuses
		// built-in ids, which ReadDatasetCSV refuses too), and so does ReadDataset.
		c := calc.Embedded()
		if err := c.Add(d); err != nil {
			t.Fatalf("a dataset read from CSV cannot be imported: %v", err)
		}
		// A scenario using it computes.
		s := &calc.Scenario{Name: "fuzz", Currency: "EUR", HorizonMonths: 3, Dataset: d.ID,
			Audience: calc.Audience{Size: qaDec("1000"), Weights: map[string]decimal.Decimal{d.Segments[0].ID: qaDec("1")}},
			Staff:    []calc.Role{{Name: "r", HourlyCost: qaPtr("10"), HoursPerWeek: qaDec("40")}},
			Plan:     []calc.PlanLine{{Platform: d.Platforms[0].ID, Role: "r", HoursPerWeek: qaDec("3")}}}
		if _, err := calc.Compute(s, c); err != nil {
			t.Fatalf("Compute with a dataset read from CSV: %v", err)
		}
		checkDatasetRoundTrip(t, d)
		// Written as a CSV template, it reads back the same.
		tpl := calc.DatasetCSVTemplate(d)
		back, err := calc.ReadDatasetCSV(tpl)
		if err != nil {
			t.Fatalf("the CSV template of a dataset read from CSV cannot be read: %v\n%s", err, tpl)
		}
		if diff := qaDatasetDiff("", d, back); len(diff) > 0 {
			t.Fatalf("the CSV template reads back a different dataset: %v\n%s", diff, tpl)
		}
	})
}

// Files of the largest size accepted, built to give a problem per cell, row or line,
// are read quickly and report at most 200 problems, then say that reading stopped.
func TestReadDatasetCSVLargeFiles(t *testing.T) {
	meta := "# title: T\n# source: S\n# year: 2024\n# measure: M\n"
	fill := func(head, line string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := 0; b.Len()+len(line)+100 < calc.MaxDatasetCSV; i++ {
			fmt.Fprintf(&b, line, i)
		}
		return b.String()
	}
	var wide, row strings.Builder
	wide.WriteString("platform")
	row.WriteString("vk%d")
	for i := range calc.MaxSegments {
		fmt.Fprintf(&wide, ",s%d", i)
		row.WriteString(",2")
	}
	const stopped = "reading stopped after 200 problems"
	tests := map[string]struct{ data, last string }{
		"a bad cell in every column": {fill(meta+wide.String()+"\n", row.String()+"\n"), stopped},
		"unknown platforms":          {fill(meta+"platform,a\n", "vk%d,0.5\n"), stopped},
		"the same platform":          {fill(meta+"platform,a\n", "facebook,0.5%.0d\n"), fmt.Sprintf("at most %d are accepted", calc.MaxCSVRows)},
		"bad quotes":                 {fill(meta+"platform,a\n", "x\"%d,1\n"), stopped},
		"unknown keys":               {fill("", "# k%d: v\n"), stopped},
		"labels of no segment":       {fill(meta, "# label x%d: L\n") + "platform,a\nfacebook,1\n", stopped},
	}
	for name, tt := range tests {
		data := tt.data
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := calc.ReadDatasetCSV([]byte(data))
			ps := qaProblems(t, err)
			t.Logf("%d bytes: %d problems in %v", len(data), len(ps), time.Since(start))
			if len(ps) > 201 {
				t.Fatalf("%d problems; want at most 200 and a last line saying reading stopped", len(ps))
			}
			if last := ps[len(ps)-1]; last.Field != "" || !strings.Contains(last.Message, tt.last) {
				t.Fatalf("last problem %q; want it to say %q", last.String(), tt.last)
			}
		})
	}
}
