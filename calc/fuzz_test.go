package calc_test

// Fuzz tests of the file readers, and a test of the package's dependencies.
//
//	go test ./calc -run XXX -fuzz FuzzReadScenario -fuzztime 20s
//	go test ./calc -run XXX -fuzz FuzzReadDataset -fuzztime 20s
//
// The seed corpus (f.Add below, and testdata/fuzz/<Fuzz…>/ when the fuzzer has saved
// a failing input there) runs in every plain `go test`.

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// qaCheckReadError checks that a reader's error is one of the two documented kinds,
// well formed.
func qaCheckReadError(t *testing.T, data []byte, err error) {
	t.Helper()
	var se *calc.SyntaxError
	var ie *calc.InputError
	switch {
	case errors.As(err, &se):
		lines := bytes.Count(data, []byte("\n")) + 1
		if se.Line < 1 || se.Line > lines || se.Column < 1 || se.Msg == "" {
			t.Fatalf("syntax error at line %d, column %d (%q) in a file of %d lines", se.Line, se.Column, se.Msg, lines)
		}
	case errors.As(err, &ie):
		if len(ie.Problems) == 0 {
			t.Fatalf("an *InputError without problems")
		}
		for _, p := range ie.Problems {
			if p.Message == "" {
				t.Fatalf("a problem at %q without a message", p.Field)
			}
		}
	default:
		t.Fatalf("error of type %T: %v; want *SyntaxError or *InputError", err, err)
	}
}

func FuzzReadScenario(f *testing.F) {
	// Valid scenarios: the default one, MODEL.md's example, the golden scenarios.
	def, err := calc.MarshalScenario(calc.DefaultScenario())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(def)
	f.Add([]byte(qaModelExample))
	files, _ := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	// Variants: the small base, numbers as strings, an inline dataset, every optional
	// field, a zero audience.
	f.Add([]byte(qaScenarioJSON("")))
	f.Add([]byte(qaScenarioJSON(`"horizonMonths": "120", "valuePer1000": "0.30000000000000004"`, "horizonMonths")))
	f.Add([]byte(qaScenarioJSON(`"audience": {"size": "0", "weights": {"65+": "1"}}`, "audience")))
	f.Add([]byte(qaScenarioJSON(`"objective": "net", "candidates": ["facebook", "x"], "benefits": [{"name": "b", "amountPerMonth": 5, "ramped": true}], "maturity": [{"month": 0, "factor": 1}]`)))
	f.Add([]byte(qaScenarioJSON(`"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "segments": [{"id": "18-29", "population": 10}], "platforms": [{"id": "facebook", "name": "F", "penetration": {"18-29": 0.5}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0", "assumed": ["reachRate"], "notes": {"reachRate": "n"}, "context": {"n": 3}}]}`, "dataset")))
	f.Add([]byte(qaScenarioJSON(`"platforms": {"facebook": {"minHours": 0.5, "fullHours": "0.5", "reachRate": 1, "setupHours": 0, "toolCost": "1e3", "adCost": "0.01"}}`)))
	f.Add([]byte(qaScenarioJSON(`"staff": [{"role": "A", "annualSalary": "52000", "onCost": 0, "overhead": "0.5", "productiveHours": 1, "hoursPerWeek": 168}]`, "staff", "plan")))
	// Invalid values that read: bad horizon, unknown ids, over-allocation.
	f.Add([]byte(qaScenarioJSON(`"horizonMonths": 121, "candidates": ["myspace"], "plan": [{"platform": "facebook", "role": "Officer", "hoursPerWeek": 50}]`, "horizonMonths", "plan")))
	// Numbers written with an exponent. 1e39 is 40 digits once written out, the
	// longest number text the reader accepts. The next three read (their text is
	// short) but are written out in full (41 characters, 41 characters, and 10,000
	// digits), which the reader then refuses: a scenario that was read cannot be read
	// back once saved. They fail until the engine writes or refuses them consistently
	// (see the report of these tests).
	f.Add([]byte(qaScenarioJSON(`"valuePer1000": 1e39`)))
	f.Add([]byte(qaScenarioJSON(`"valuePer1000": 1e40`)))
	f.Add([]byte(qaScenarioJSON(`"valuePer1000": 1e-39`)))
	f.Add([]byte(qaScenarioJSON(`"valuePer1000": 1e9999`)))
	// Broken bits: truncated, trailing comma, duplicate key, garbage, wrong kinds.
	f.Add(def[:len(def)/2])
	f.Add([]byte(`{"format": "platform-roi-scenario",}`))
	f.Add([]byte(`{"version": 1, "version": 1}`))
	f.Add([]byte(`{} {}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte("{\"name\": \"\xff\"}"))
	f.Add([]byte(`{"name": "\ud800"}`))
	f.Add([]byte(""))
	f.Add([]byte("null"))
	f.Add([]byte("[]"))
	f.Add([]byte(`"scenario"`))
	f.Add([]byte(`{"staff": {"role": "A"}, "plan": "none", "audience": [], "platforms": [1]}`))
	f.Add([]byte(strings.Repeat("[", 100) + strings.Repeat("]", 100)))
	// Over the limits of limits.go, and not UTF-8.
	f.Add([]byte(`{"benefits": [` + strings.Repeat(`{"name": "b", "amountPerMonth": 1}, `, calc.MaxBenefits) + `{}], "plan": [` + strings.Repeat("1, ", calc.MaxPlanLines) + `1]}`))
	f.Add([]byte(`{"platforms": {"x": {` + strings.Repeat(`"a": [1, {"b": 2}], `, 1000) + `"c": 3}}}`))
	f.Add([]byte("{\"name\": \"caf\xe9\"}"))
	f.Add([]byte(`{"format": "platform-roi-scenario", "version": 1e0, "currency": "EUR", "audience": {"size": 1.0, "weights": {}}}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := calc.ReadScenario(data)
		if err != nil {
			if s != nil {
				t.Fatalf("a scenario returned with the error %v", err)
			}
			qaCheckReadError(t, data, err)
			return
		}
		verr := calc.Validate(s, nil)
		r, cerr := calc.Compute(s, nil)
		if (verr == nil) != (cerr == nil) {
			t.Fatalf("Validate: %v; Compute: %v", verr, cerr)
		}
		if cerr == nil {
			if r == nil || len(r.Months) != s.HorizonMonths {
				t.Fatalf("Compute gave no result or the wrong number of months")
			}
			if _, err := calc.MarshalResults(r, nil); err != nil {
				t.Fatalf("MarshalResults: %v", err)
			}
		} else {
			qaCheckReadError(t, nil, cerr)
		}

		// Written and read back, the scenario is the same and writes the same bytes.
		b1, err := calc.MarshalScenario(s)
		if err != nil {
			t.Fatalf("MarshalScenario: %v", err)
		}
		s2, err := calc.ReadScenario(b1)
		if err != nil {
			t.Fatalf("a scenario that was read cannot be read back once written: %v\nwritten:\n%s", err, b1)
		}
		if diff := qaScenarioDiff(s, s2); len(diff) > 0 {
			t.Fatalf("read back a different scenario: %v", diff)
		}
		b2, err := calc.MarshalScenario(s2)
		if err != nil {
			t.Fatalf("MarshalScenario: %v", err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("marshal → read → marshal is not stable:\n%s\n----\n%s", b1, b2)
		}
		if v2 := calc.Validate(s2, nil); fmt.Sprint(v2) != fmt.Sprint(verr) {
			t.Fatalf("Validate before writing: %v\nafter reading back: %v", verr, v2)
		}
	})
}

func FuzzReadDataset(f *testing.F) {
	// The embedded datasets, as shipped and as written by MarshalDataset.
	files, _ := filepath.Glob(filepath.Join("data", "*.dataset.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, d := range calc.Embedded().Datasets() {
		if data, err := calc.MarshalDataset(d); err == nil {
			f.Add(data)
		}
	}
	// The small test dataset and variants.
	f.Add([]byte(qaDatasetJSON("", "")))
	f.Add([]byte(qaDatasetJSON(`"url": "https://example.org"`, `"kind": "video", "assumed": ["penetration", "minHours"], "notes": {"minHours": "a guess"}, "context": {"ministries": 75, "listed": false}`)))
	f.Add([]byte(qaDatasetJSON("", `"assumed": ["reachRate", "setupHours"], "ranges": {"reachRate": {"low": 0, "high": "0.5"}, "setupHours": {"low": 1, "high": 1e3}}`)))
	f.Add([]byte(qaDatasetJSON(qaProvenanceJSON, `"citation": {"readAt": "r", "hand": "first-hand", "segments": {"a": {"readAt": "s", "hand": "second-hand", "original": "o"}}}`)))
	f.Add([]byte(strings.Replace(qaDatasetJSON("", ""), `"population": 1000`, `"population": "1e3"`, 1)))
	f.Add([]byte(strings.Replace(qaDatasetJSON("", ""), `"a": 0.5`, `"a": 5e-1`, 1)))
	f.Add([]byte(strings.Replace(qaDatasetJSON("", ""), `"setupHours": 4`, `"setupHours": 4e3`, 1)))
	f.Add([]byte(strings.Replace(qaDatasetJSON("", ""), `"toolCost": "0"`, `"toolCost": "1e-12"`, 1)))
	// Invalid ones.
	f.Add([]byte(strings.Replace(qaDatasetJSON("", ""), `"a": 0.5`, `"a": 1.5`, 1)))
	f.Add([]byte(strings.Replace(qaDatasetJSON("", ""), `"version": 1`, `"version": 2`, 1)))
	f.Add([]byte(qaDatasetJSON(`"segments": []`, "")))
	f.Add([]byte(`{"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "segments": [{"id": "a"}, {"id": "a"}], "platforms": [{"id": "p", "name": "P", "penetration": {}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}, {"id": "p", "name": "P", "penetration": {"z": 1}, "minHours": 1, "fullHours": 0, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}]}`))
	// Broken bits.
	f.Add([]byte(qaDatasetJSON("", ""))[:100])
	f.Add([]byte(`{"id": "x",, "title": "X"}`))
	f.Add([]byte(`{"id": "x", "id": "y"}`))
	f.Add([]byte(""))
	f.Add([]byte("[]"))
	f.Add([]byte(`{"platforms": [{"penetration": [], "notes": 1, "context": {"a": null}}]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := calc.ReadDataset(data)
		if err != nil {
			if d != nil {
				t.Fatalf("a dataset returned with the error %v", err)
			}
			qaCheckReadError(t, data, err)
			return
		}
		// A dataset that reads is valid: it can be imported (unless it takes an
		// embedded id), and a scenario can use it inline without panics.
		c := calc.Embedded()
		if err := c.Add(d); err != nil && !calc.IsEmbedded(d.ID) {
			t.Fatalf("a dataset that reads cannot be imported: %v", err)
		}
		s := &calc.Scenario{Name: "fuzz", Currency: "EUR", HorizonMonths: 3, DatasetInline: d,
			Audience: calc.Audience{Size: qaDec("1000")}}
		if len(d.Segments) > 0 {
			s.Audience.Weights = map[string]decimal.Decimal{d.Segments[0].ID: qaDec("1")}
		}
		if len(d.Platforms) > 0 {
			s.Staff = []calc.Role{{Name: "r", HourlyCost: qaPtr("10"), HoursPerWeek: qaDec("40")}}
			s.Plan = []calc.PlanLine{{Platform: d.Platforms[0].ID, Role: "r", HoursPerWeek: qaDec("3")}}
		}
		_ = calc.Validate(s, nil)
		_, _ = calc.Compute(s, nil)

		checkDatasetRoundTrip(t, d)
	})
}

// checkDatasetRoundTrip checks that a dataset that was read is written and read back
// the same, and that writing is stable.
func checkDatasetRoundTrip(t *testing.T, d *calc.Dataset) {
	t.Helper()
	b1, err := calc.MarshalDataset(d)
	if err != nil {
		t.Fatalf("MarshalDataset: %v", err)
	}
	d2, err := calc.ReadDataset(b1)
	if err != nil {
		t.Fatalf("a dataset that was read cannot be read back once written: %v\nwritten:\n%s", err, b1)
	}
	if diff := qaDatasetDiff("", d, d2); len(diff) > 0 {
		t.Fatalf("read back a different dataset: %v", diff)
	}
	b2, err := calc.MarshalDataset(d2)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1, b2) {
		t.Fatalf("marshal → read → marshal is not stable")
	}
}

// Package calc depends on the standard library and shopspring/decimal only (MODEL.md,
// doc.go), so that it builds to WebAssembly and its arithmetic is auditable. This test
// reads the direct imports of its files; TestDepsOnlyStdlibAndDecimal (deps_test.go,
// not under js/wasm, where no command can run) asks the go command for every
// dependency.
func TestImportsOnlyStdlibAndDecimal(t *testing.T) {
	const decimalPath = "github.com/shopspring/decimal"

	// Direct imports of the package's own files.
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checked++
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first := strings.Split(path, "/")[0]
			if path != decimalPath && strings.Contains(first, ".") {
				t.Errorf("%s imports %s: package calc may use only the standard library and %s", name, path, decimalPath)
			}
		}
	}
	if checked == 0 {
		t.Fatalf("no Go files of package calc found")
	}
}
