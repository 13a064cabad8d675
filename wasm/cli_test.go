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

	"github.com/shopspring/decimal"

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

// TestCalcTableSaysWhenNotProven prints a recommendation whose search ran out of
// steps (made so by hand: no scenario small enough for a quick test does): the
// table must say so, and how close the plan is to the best possible.
func TestCalcTableSaysWhenNotProven(t *testing.T) {
	s := calc.DefaultScenario()
	res, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	printResult(&out, res, rec, nil, nil)
	if strings.Contains(out.String(), "not proven") {
		t.Errorf("a proven recommendation is said not to be:\n%s", out.String())
	}

	rec.Proven = false
	rec.Bound = decimal.NewNullDecimal(rec.ObjectiveValue.Mul(decimal.RequireFromString("1.0125")).Ceil())
	out.Reset()
	printResult(&out, res, rec, nil, nil)
	want := "not proven the best: the search stopped after its budget of " + calc.Grouped(fmt.Sprint(calc.RecommendStepBudget)) +
		" steps; this plan is within 1.3% of the best possible (at most "
	if !strings.Contains(out.String(), want) {
		t.Errorf("table lacks %q:\n%s", want, out.String())
	}
}

// The command line reads a scenario file through calc.LoadScenario, as the page does,
// so the two accept and refuse the same files with the same lines; it never reads more
// of a file than one byte over the limit.
func TestCalcLimitsAndEncodings(t *testing.T) {
	base, _ := calc.MarshalScenario(calc.DefaultScenario())
	pad := func(n int) string { // the default scenario, n bytes long (white space added)
		return string(base) + strings.Repeat(" ", n-len(base))
	}
	benefits := func(n int) string {
		lines := make([]string, n)
		for i := range lines {
			lines[i] = `{"name": "b", "amountPerMonth": "1"}`
		}
		return strings.Replace(string(base), `"valuePer1000"`, `"benefits": [`+strings.Join(lines, ",")+`], "valuePer1000"`, 1)
	}
	tests := []struct {
		name    string
		content string
		ok      bool
		want    string // the one stderr line, after "FILE: "
	}{
		{"at the size limit", pad(calc.MaxScenarioFile), true, ""},
		{"one byte over the size limit", pad(calc.MaxScenarioFile + 1), false, "the file is larger than 4 MiB (4194304 bytes), the most a scenario file may have; is it the right file?"},
		{"far over the size limit", pad(3 * calc.MaxScenarioFile), false, "the file is larger than 4 MiB"},
		{"benefit lines at the limit", benefits(calc.MaxBenefits), true, ""},
		{"one benefit line over the limit", benefits(calc.MaxBenefits + 1), false, "benefits: has 1001 benefit lines; at most 1000 are accepted"},
		{"not UTF-8", strings.Replace(string(base), "Mid-size", "Mid-s\xefze", 1), false, "4:17: not valid JSON: the file is not UTF-8 text: the byte at offset 71 (0xEF) is not part of a UTF-8 character; save the file as UTF-8"},
		{"null", "null", false, "a scenario file is a JSON object { … }, found null"},
		{"a list", "[]\n", false, "a scenario file is a JSON object { … }, found a list"},
		{"a number", "42", false, "a scenario file is a JSON object { … }, found a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, "s.json", tt.content)
			for _, arg := range []string{p, "-"} {
				if arg == "-" {
					f, err := os.Open(p)
					if err != nil {
						t.Fatal(err)
					}
					old := os.Stdin
					os.Stdin = f
					defer func() { os.Stdin = old; f.Close() }()
				}
				code, out, errs := runArgs(t, "calc", "--json", arg)
				if tt.ok {
					if code != exitOK || out == "" || errs != "" {
						t.Fatalf("%s: exit %d, stderr %q; want results", arg, code, errs)
					}
					continue
				}
				prefix := p + ":"
				if arg == "-" {
					prefix = "stdin:"
				}
				lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
				if code != exitInput || out != "" || len(lines) != 1 || !strings.HasPrefix(lines[0], prefix) || !strings.Contains(lines[0], tt.want) {
					t.Fatalf("%s: exit %d, stderr:\n%s\nwant exit %d and one line %q", arg, code, errs, exitInput, prefix+" "+tt.want)
				}
			}
			// The page reads the same bytes with the same function.
			_, err := calc.LoadScenario([]byte(tt.content), nil)
			if (err == nil) != tt.ok || (err != nil && !strings.Contains(err.Error(), strings.TrimPrefix(tt.want, "4:17: not valid JSON: "))) {
				t.Fatalf("calc.LoadScenario: %v", err)
			}
		})
	}
}

// endless is a file that never ends, counting the bytes read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadScenarioFileStopsAtTheLimit(t *testing.T) {
	src := &endless{}
	data, err := readScenarioFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != calc.MaxScenarioFile+1 || src.n != calc.MaxScenarioFile+1 {
		t.Fatalf("read %d bytes (%d from the file); want %d", len(data), src.n, calc.MaxScenarioFile+1)
	}
}

// The table says what the result depends on; --json carries it as uncertainty, with
// --draws and --seed in place of the scenario's settings; bad values are refused.
func TestCalcUncertainty(t *testing.T) {
	code, out, _ := runArgs(t, "calc")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"What the result depends on", "Value per 1,000 people reached                   5.00 EUR to 20.00 EUR",
		"What moves net value most (5 of the 13 inputs that move net value or reach", "a value per 1,000 people reached of 154.06 EUR",
		"reach rate multiplied by 17.0948", "Likely range (2,000 draws, seed 1)", "10th percentile to 90th", "Net   ",
		"net value is 0 or more in", "The recommendation (YouTube, Facebook, Instagram)"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	code, out, errs := runArgs(t, "calc", "--json", "--draws", "300", "--seed=4")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc calc.ResultsDocument
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	u := doc.Uncertainty
	if u == nil || u.Simulation.Draws != 300 || u.Simulation.Seed != 4 || len(u.Inputs) != 17 || len(u.Robustness) != 5 ||
		u.Switching.ValuePer1000ForBreakEven == nil || *u.Switching.ValuePer1000ForBreakEven != "154.06" {
		t.Errorf("uncertainty: %+v", u)
	}
	for _, bad := range [][]string{{"--draws", "99"}, {"--draws=20001"}, {"--seed", "-1"}, {"--seed", "x"}, {"--draws"}} {
		code, out, errs := runArgs(t, append([]string{"calc"}, bad...)...)
		if code != exitInput || out != "" || !strings.Contains(errs, "--"+strings.TrimLeft(strings.SplitN(bad[0], "=", 2)[0], "-")) {
			t.Errorf("calc %v: exit %d, stderr %q", bad, code, errs)
		}
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

// The command line names the demographics with their year once, as the page does: the
// embedded titles already carry it ("…by age, 2023 (2023)" before).
func TestCalcTableNamesTheDatasetYearOnce(t *testing.T) {
	code, out, _ := runArgs(t, "calc")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "Demographics: US adults' use of online platforms by age, 2023. A figure is") {
		t.Errorf("the demographics line: %q", strings.SplitN(out, "\n", 4)[2])
	}
}
