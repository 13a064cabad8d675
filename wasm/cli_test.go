//go:build !js

package main

import (
	"bytes"
	"encoding/json"
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
	if !strings.Contains(out, "assumed figures (not survey data): Embassy website, Wikipedia (editing), Blog, Flickr") {
		t.Errorf("datasets output does not mark the assumed platforms:\n%s", out)
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
		"What moves net value most (5 of 17 inputs", "a value per 1,000 people reached of 154.06 EUR",
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
