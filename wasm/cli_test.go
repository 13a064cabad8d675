//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"platformroi/calc"
)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCalcJSONMatchesEngine(t *testing.T) {
	code, out, errs := runArgs(t, "calc", "--json")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc calc.ResultsDocument
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not a results document: %v", err)
	}
	s := calc.DefaultScenario()
	r, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Totals.Cost != calc.Money(r.Totals.Cost) || doc.Currency != "EUR" || doc.Scenario != s.Name {
		t.Errorf("document totals %+v do not match the engine's cost %s", doc.Totals, r.Totals.Cost)
	}
	if len(doc.Platforms) != len(r.Platforms) || len(doc.Months) != s.HorizonMonths {
		t.Errorf("document has %d platforms and %d months, want %d and %d", len(doc.Platforms), len(doc.Months), len(r.Platforms), s.HorizonMonths)
	}
	if doc.Recommendation == nil || len(doc.Recommendation.Plan) == 0 {
		t.Errorf("document has no recommendation: %+v", doc.Recommendation)
	}
	if !regexp.MustCompile(`^-?\d+\.\d\d$`).MatchString(doc.Totals.Cost) {
		t.Errorf("money %q is not written with 2 decimals", doc.Totals.Cost)
	}
}

func TestCalcTableShowsCurrencyOnEveryAmount(t *testing.T) {
	code, out, _ := runArgs(t, "calc")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	amount := regexp.MustCompile(`-?\d[\d,]*\.\d\d\b( EUR)?`)
	for _, m := range amount.FindAllStringSubmatch(out, -1) {
		if m[1] == "" {
			t.Errorf("amount %q has no currency", m[0])
		}
	}
	for _, want := range []string{"Total cost", "ROI", "Break-even month", "not within the horizon", "n/a", "Recommendation", "Source: Pew Research Center"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

func TestCalcFileMatchesDefault(t *testing.T) {
	data, err := calc.MarshalScenario(calc.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, "s.json", string(data))
	_, fromFile, _ := runArgs(t, "calc", "--json", p)
	_, builtIn, _ := runArgs(t, "calc", "--json")
	if fromFile != builtIn {
		t.Error("the default scenario written to a file gives other results than the built-in one")
	}
}

func TestCalcInvalidInput(t *testing.T) {
	base, _ := calc.MarshalScenario(calc.DefaultScenario())
	overAllocated := strings.Replace(string(base), `"hoursPerWeek": 30`, `"hoursPerWeek": 10`, 1)
	threeProblems := strings.NewReplacer(`"horizonMonths": 12`, `"horizonMonths": 200`,
		`"currency": "EUR"`, `"currency": "EURO"`, `"size": 1500000`, `"size": -5`).Replace(string(base))
	tests := []struct {
		name    string
		content string
		want    []string // each on its own stderr line
	}{
		{"over-allocated role", overAllocated, []string{`staff[0].hoursPerWeek (Digital officer: hours per week available): role "Digital officer" has 10 hours per week available, but the plan gives it 24`}},
		{"three problems at once", threeProblems, []string{"currency (Currency):", "horizonMonths (Horizon (months)):", "audience.size (Audience size):"}},
		{"truncated JSON", string(base[:40]), []string{"not valid JSON", "truncated"}},
		{"broken JSON", "{\n  \"name\": x\n}", []string{":2:11: not valid JSON"}},
		{"unknown field", strings.Replace(string(base), `"name"`, `"title"`, 1), []string{`title: unknown field "title"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, "bad.json", tt.content)
			code, out, errs := runArgs(t, "calc", p)
			if code != exitInput {
				t.Errorf("exit status %d, want %d", code, exitInput)
			}
			if out != "" {
				t.Errorf("printed results for invalid input: %q", out)
			}
			lines := strings.Split(strings.TrimSpace(errs), "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || strings.Contains(l, w)
				}
				if !found {
					t.Errorf("stderr lacks a line with %q:\n%s", w, errs)
				}
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("stderr shows a crash:\n%s", errs)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"calc", "--yaml"}, {"calc", "a.json", "b.json"}, {"calc", filepath.Join(t.TempDir(), "missing.json")}, {"datasets", "x"}} {
		code, out, errs := runArgs(t, args...)
		if code != exitInput || out != "" || errs == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and a message on stderr", args, code, out, errs)
		}
	}
}

func TestDatasets(t *testing.T) {
	code, out, _ := runArgs(t, "datasets")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, d := range calc.Embedded().Datasets() {
		for _, want := range []string{d.ID, d.Source, d.Measure} {
			if !strings.Contains(out, want) {
				t.Errorf("datasets output lacks %q", want)
			}
		}
	}
	if !strings.Contains(out, "assumed figures (not survey data, or only approximate; see their notes): Embassy website, Wikipedia (editing), Blog, Flickr") {
		t.Errorf("datasets output does not mark the assumed platforms:\n%s", out)
	}
}

// datasets lists every dataset under its country or region, areas by name, with its
// measure, base, year and provenance.
func TestDatasetsByCountry(t *testing.T) {
	code, out, errs := runArgs(t, "datasets")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	c := calc.Embedded()
	// Each area's heading, in the order of Areas (by name), each dataset once, under its area.
	pos := -1
	for _, a := range c.Areas() {
		heading := "\n" + a.Name + " [" + a.Code + "]\n"
		i := strings.Index(out, heading)
		if i < 0 || i < pos {
			t.Fatalf("heading %q missing or out of order", heading)
		}
		pos = i
	}
	under := map[string]string{} // dataset id → the heading it is listed under
	heading := ""
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.HasSuffix(l, "]") && !strings.HasPrefix(l, " "):
			heading = l
		case strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   "):
			id, _, _ := strings.Cut(strings.TrimSpace(l), ":")
			under[id] = heading
		}
	}
	for _, d := range c.Datasets() {
		entry := "\n  " + d.ID + ": " + d.Title + "\n"
		if strings.Count(out, entry) != 1 {
			t.Errorf("%s is not listed once", d.ID)
			continue
		}
		if want := d.Provenance.AreaName + " [" + d.Provenance.Area + "]"; under[d.ID] != want {
			t.Errorf("%s is under %q, want %q", d.ID, under[d.ID], want)
		}
		i := strings.Index(out, entry)
		block := out[i:]
		if j := strings.Index(block[1:], "\n\n"); j >= 0 {
			block = block[:j+1]
		}
		pr := d.Provenance
		for _, want := range []string{"year:", fmt.Sprint(d.Year), "measure:", string(pr.MeasureKind), "base:",
			calc.BaseDescription(pr.Base, pr.Ages), "method:", pr.Method, "licence:", pr.Licence, "read:", string(pr.Hand) + ": " + pr.ReadAt, "source:", d.Source} {
			if !strings.Contains(block, want) {
				t.Errorf("%s: its entry lacks %q:\n%s", d.ID, want, block)
			}
		}
		if pr.Hand == calc.HandSecond && !strings.Contains(block, "check against "+pr.Original) {
			t.Errorf("%s: a second-hand entry without its original:\n%s", d.ID, block)
		}
	}
	if !strings.Contains(out, "    sample:      2,043 respondents\n") || !strings.Contains(out, "    fieldwork:   2023-05-19/2023-09-05\n") {
		t.Errorf("sample or fieldwork not shown")
	}
}

func TestDatasetsForOneCountry(t *testing.T) {
	for _, args := range [][]string{{"--country", "KE"}, {"--country=ke"}, {"-country", "Ke"}} {
		code, out, errs := runArgs(t, append([]string{"datasets"}, args...)...)
		if code != exitOK || errs != "" {
			t.Fatalf("%q: exit %d, stderr %q", args, code, errs)
		}
		want := calc.Embedded().ForCountry("KE")
		if !strings.HasPrefix(out, fmt.Sprintf("%d datasets describing 1 country or region.", len(want))) {
			t.Errorf("%q: %s", args, out[:strings.Index(out, "\n")])
		}
		for _, d := range calc.Embedded().Datasets() {
			listed := strings.Contains(out, "\n  "+d.ID+": ")
			if listed != (d.Provenance.Area == "KE") {
				t.Errorf("%q: %s (%s) listed: %v", args, d.ID, d.Provenance.Area, listed)
			}
		}
		if !strings.Contains(out, "\nKenya [KE]\n") || strings.Count(out, "]\n") != 1 {
			t.Errorf("%q: not one heading for Kenya:\n%s", args, out)
		}
	}
	// A country finds its subdivisions, under their own heading.
	_, out, _ := runArgs(t, "datasets", "--country", "CA")
	if !strings.Contains(out, "\nQuébec, Canada [CA-QC]\n") || !strings.Contains(out, "netendances-ca-qc-2024:") {
		t.Errorf("--country CA:\n%s", out)
	}
	// A region.
	_, out, _ = runArgs(t, "datasets", "--country", "global")
	if !strings.Contains(out, "\n  reuters-dnr-2025: ") {
		t.Errorf("--country global:\n%s", out)
	}
}

func TestDatasetsUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		words []string
	}{
		{[]string{"--country", "XX"}, []string{`no dataset describes "XX"`, "KE (Kenya)", "CA-QC (Québec, Canada)", "global ("}},
		{[]string{"--country"}, []string{"needs a code"}},
		{[]string{"--contry", "KE"}, []string{`unknown flag "--contry"`, "--country CODE"}},
		{[]string{"KE"}, []string{`unexpected argument "KE"`, "--country KE"}},
	} {
		code, out, errs := runArgs(t, append([]string{"datasets"}, tt.args...)...)
		if code != exitInput || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want exit 2 and nothing on stdout", tt.args, code, out)
		}
		for _, w := range tt.words {
			if !strings.Contains(errs, w) {
				t.Errorf("%q: stderr %q lacks %q", tt.args, errs, w)
			}
		}
	}
}
