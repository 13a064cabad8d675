package calc_test

// Tests of reading scenario and dataset files (ReadScenario, ReadDataset) and of
// writing them back (MarshalScenario, MarshalDataset), against MODEL.md's "Files"
// section: unknown fields name the field, numbers are read exactly from JSON numbers
// or strings, broken JSON is reported with its line and column, every problem is
// reported at once, and a scenario written and read back is the same scenario.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// ---- helpers shared by this package's test files (prefix qa, to stay clear of the
// names other test files may use) ----

// qaDec parses a decimal literal; the literals are the test's own, so a bad one is a
// bug in the test.
func qaDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// qaPtr returns a pointer to the decimal s.
func qaPtr(s string) *decimal.Decimal { d := qaDec(s); return &d }

// qaProblems returns the problems of an *InputError, or fails the test when err is
// something else.
func qaProblems(t *testing.T, err error) []calc.Problem {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want an *InputError")
	}
	var ie *calc.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %T (%v); want an *InputError", err, err)
	}
	if len(ie.Problems) == 0 {
		t.Fatalf("an *InputError with no problems")
	}
	return ie.Problems
}

// qaFind returns the problem about field, or nil.
func qaFind(ps []calc.Problem, field string) *calc.Problem {
	for i := range ps {
		if ps[i].Field == field {
			return &ps[i]
		}
	}
	return nil
}

func qaFields(ps []calc.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Field
	}
	return out
}

// qaScenarioJSON builds a small valid scenario file; extra is spliced in as more
// top-level fields (with a leading comma when not empty), and the named fields of the
// base are left out so that a test may give its own.
func qaScenarioJSON(extra string, without ...string) string {
	base := []struct{ name, value string }{
		{"format", `"platform-roi-scenario"`},
		{"version", `1`},
		{"name", `"Test scenario"`},
		{"currency", `"EUR"`},
		{"horizonMonths", `12`},
		{"audience", `{"size": 1000, "weights": {"18-29": 1}}`},
		{"dataset", `"pew-us-2023"`},
		{"staff", `[{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": 20}]`},
		{"plan", `[{"platform": "facebook", "role": "Officer", "hoursPerWeek": 5}]`},
	}
	var parts []string
	for _, f := range base {
		skip := false
		for _, w := range without {
			if w == f.name {
				skip = true
			}
		}
		if !skip {
			parts = append(parts, fmt.Sprintf("%q: %s", f.name, f.value))
		}
	}
	if extra != "" {
		parts = append(parts, extra)
	}
	return "{\n  " + strings.Join(parts, ",\n  ") + "\n}\n"
}

// qaDatasetJSON is a small valid dataset file; platformExtra is spliced into its
// first platform and topExtra at its top level.
func qaDatasetJSON(topExtra, platformExtra string) string {
	if topExtra != "" {
		topExtra = ",\n  " + topExtra
	}
	if platformExtra != "" {
		platformExtra = ", " + platformExtra
	}
	return `{
  "format": "platform-roi-dataset", "version": 1,
  "id": "test-ds", "title": "Test dataset", "source": "Made by hand for the tests", "year": 2024,
  "measure": "Share of each segment that uses the platform",
  "segments": [{"id": "a", "label": "Segment A", "population": 1000}, {"id": "b"}],
  "platforms": [
    {"id": "p1", "name": "Platform one", "penetration": {"a": 0.5, "b": "0.3"},
     "minHours": 2, "fullHours": "10", "reachRate": 0.1, "setupHours": 4,
     "toolCost": "0", "adCost": "0"` + platformExtra + `}
  ]` + topExtra + `
}
`
}

// ---- numbers ----

func TestReadScenarioNumbersExact(t *testing.T) {
	tests := []struct {
		name  string
		extra string   // top-level fields replacing the base's
		omit  []string // base fields left out
		get   func(s *calc.Scenario) decimal.Decimal
		want  string // exact decimal text of the value read
	}{
		{
			name:  "JSON number 0.1 stays exactly 0.1",
			extra: `"audience": {"size": 1000, "weights": {"18-29": 0.1, "30-49": 0.2}}`, omit: []string{"audience"},
			get:  func(s *calc.Scenario) decimal.Decimal { return s.Audience.Weights["18-29"] },
			want: "0.1",
		},
		{
			name:  "string 0.1 stays exactly 0.1",
			extra: `"audience": {"size": 1000, "weights": {"18-29": "0.1"}}`, omit: []string{"audience"},
			get:  func(s *calc.Scenario) decimal.Decimal { return s.Audience.Weights["18-29"] },
			want: "0.1",
		},
		{
			// float64 would give 123456789012345677877719597056.
			name:  "30-digit JSON number is not rounded through float64",
			extra: `"audience": {"size": 123456789012345678901234567890, "weights": {"18-29": 1}}`, omit: []string{"audience"},
			get:  func(s *calc.Scenario) decimal.Decimal { return s.Audience.Size },
			want: "123456789012345678901234567890",
		},
		{
			name:  "30-digit string is not rounded",
			extra: `"audience": {"size": "123456789012345678901234567891", "weights": {"18-29": 1}}`, omit: []string{"audience"},
			get:  func(s *calc.Scenario) decimal.Decimal { return s.Audience.Size },
			want: "123456789012345678901234567891",
		},
		{
			name:  "30 significant digits after the point, as a JSON number",
			extra: `"valuePer1000": 12.3456789012345678901234567891`,
			get:   func(s *calc.Scenario) decimal.Decimal { return *s.ValuePer1000 },
			want:  "12.3456789012345678901234567891",
		},
		{
			// The shortest float64 text of 0.1 + 0.2 is kept digit for digit, not
			// collapsed to 0.3.
			name:  "float artefact text is kept exactly",
			extra: `"valuePer1000": 0.30000000000000004`,
			get:   func(s *calc.Scenario) decimal.Decimal { return *s.ValuePer1000 },
			want:  "0.30000000000000004",
		},
		{
			name:  "money as a string",
			extra: `"valuePer1000": "1200.50"`,
			get:   func(s *calc.Scenario) decimal.Decimal { return *s.ValuePer1000 },
			want:  "1200.5",
		},
		{
			name:  "money as a JSON number",
			extra: `"valuePer1000": 1200.50`,
			get:   func(s *calc.Scenario) decimal.Decimal { return *s.ValuePer1000 },
			want:  "1200.5",
		},
		{
			name:  "hours as a string",
			extra: `"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": "7.25"}]`, omit: []string{"staff"},
			get:  func(s *calc.Scenario) decimal.Decimal { return s.Staff[0].HoursPerWeek },
			want: "7.25",
		},
		{
			name:  "hours as a JSON number",
			extra: `"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": 7.25}]`, omit: []string{"staff"},
			get:  func(s *calc.Scenario) decimal.Decimal { return s.Staff[0].HoursPerWeek },
			want: "7.25",
		},
		{
			name:  "exponent in a JSON number",
			extra: `"valuePer1000": 1.5e3`,
			get:   func(s *calc.Scenario) decimal.Decimal { return *s.ValuePer1000 },
			want:  "1500",
		},
		{
			name:  "hourly cost with cents",
			extra: `"staff": [{"role": "Officer", "hourlyCost": "50.79", "hoursPerWeek": 30}]`, omit: []string{"staff"},
			get:  func(s *calc.Scenario) decimal.Decimal { return *s.Staff[0].HourlyCost },
			want: "50.79",
		},
		{
			name:  "maturity factor as a number, month as a string",
			extra: `"maturity": [{"month": "0.5", "factor": 0.35}]`,
			get:   func(s *calc.Scenario) decimal.Decimal { return s.Maturity[0].Month.Add(s.Maturity[0].Factor) },
			want:  "0.85",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := calc.ReadScenario([]byte(qaScenarioJSON(tt.extra, tt.omit...)))
			if err != nil {
				t.Fatalf("ReadScenario: %v", err)
			}
			got := tt.get(s)
			if got.String() != tt.want || !got.Equal(qaDec(tt.want)) {
				t.Errorf("read %s, want exactly %s", got.String(), tt.want)
			}
		})
	}

	// 0.1 + 0.2 is exactly 0.3 once read: no binary fraction on the way.
	s, err := calc.ReadScenario([]byte(qaScenarioJSON(`"audience": {"size": 1000, "weights": {"18-29": 0.1, "30-49": 0.2}}`, "audience")))
	if err != nil {
		t.Fatal(err)
	}
	if sum := s.Audience.Weights["18-29"].Add(s.Audience.Weights["30-49"]); !sum.Equal(qaDec("0.3")) {
		t.Errorf("0.1 + 0.2 = %s, want exactly 0.3", sum)
	}
}

func TestReadScenarioBadNumbers(t *testing.T) {
	tests := []struct {
		name, extra string
		omit        []string
		field       string
	}{
		{"text that is not a number", `"valuePer1000": "ten euros"`, nil, "valuePer1000"},
		{"empty string", `"valuePer1000": ""`, nil, "valuePer1000"},
		{"true is not a number", `"valuePer1000": true`, nil, "valuePer1000"},
		{"null is not a number", `"valuePer1000": null`, nil, "valuePer1000"},
		{"object is not a number", `"valuePer1000": {"amount": 1}`, nil, "valuePer1000"},
		{"hours in words", `"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": "six"}]`, []string{"staff"}, "staff[0].hoursPerWeek"},
		{"unicode minus sign", `"staff": [{"role": "Officer", "hourlyCost": "\u22125", "hoursPerWeek": 6}]`, []string{"staff"}, "staff[0].hourlyCost"},
		{"weight as a list", `"audience": {"size": 1000, "weights": {"18-29": [1]}}`, []string{"audience"}, "audience.weights.18-29"},
		{"horizon with a fraction", `"horizonMonths": 6.5`, []string{"horizonMonths"}, "horizonMonths"},
		{"horizon in words", `"horizonMonths": "a year"`, []string{"horizonMonths"}, "horizonMonths"},
		{"penetration in words in an inline dataset",
			`"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "segments": [{"id": "a"}], "platforms": [{"id": "p", "name": "P", "penetration": {"a": "half"}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}]}`,
			[]string{"dataset"}, "datasetInline.platforms[0].penetration.a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.ReadScenario([]byte(qaScenarioJSON(tt.extra, tt.omit...)))
			ps := qaProblems(t, err)
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %s; problems: %v", tt.field, ps)
			}
			if !strings.Contains(p.Message, "number") {
				t.Errorf("message %q does not say a number is expected", p.Message)
			}
			if len(ps) != 1 {
				t.Errorf("got %d problems %v, want only the one at %s", len(ps), qaFields(ps), tt.field)
			}
		})
	}
}

// ---- unknown fields ----

func TestReadScenarioUnknownFields(t *testing.T) {
	tests := []struct {
		name, extra string
		omit        []string
		field       string
	}{
		{"top level", `"colour": "blue"`, nil, "colour"},
		{"top level, case matters", `"Currency": "EUR"`, nil, "Currency"},
		{"audience", `"audience": {"size": 1000, "weights": {"18-29": 1}, "colour": "red"}`, []string{"audience"}, "audience.colour"},
		{"staff role", `"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": 20, "salary": "50000"}]`, []string{"staff"}, "staff[0].salary"},
		{"second staff role", `"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": 20}, {"role": "Head", "hourlyCost": "90", "hoursPerWeek": 2, "grade": "A1"}]`, []string{"staff"}, "staff[1].grade"},
		{"plan line", `"plan": [{"platform": "facebook", "role": "Officer", "hoursPerWeek": 5, "hours": 5}]`, []string{"plan"}, "plan[0].hours"},
		{"platform override", `"platforms": {"instagram": {"minHours": 2, "reach": 0.5}}`, nil, "platforms.instagram.reach"},
		{"benefit", `"benefits": [{"name": "Calls", "amountPerMonth": "10", "amount": "10"}]`, nil, "benefits[0].amount"},
		{"maturity point", `"maturity": [{"month": 0, "factor": 0.1, "value": 1}]`, nil, "maturity[0].value"},
		{"inline dataset top level",
			`"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "licence": "CC", "segments": [{"id": "a"}], "platforms": [{"id": "p", "name": "P", "penetration": {"a": 0.5}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}]}`,
			[]string{"dataset"}, "datasetInline.licence"},
		{"inline dataset segment",
			`"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "segments": [{"id": "a", "name": "A"}], "platforms": [{"id": "p", "name": "P", "penetration": {"a": 0.5}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}]}`,
			[]string{"dataset"}, "datasetInline.segments[0].name"},
		{"inline dataset platform",
			`"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "segments": [{"id": "a"}], "platforms": [{"id": "p", "name": "P", "penetration": {"a": 0.5}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0", "logo": "p.png"}]}`,
			[]string{"dataset"}, "datasetInline.platforms[0].logo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.ReadScenario([]byte(qaScenarioJSON(tt.extra, tt.omit...)))
			ps := qaProblems(t, err)
			if len(ps) != 1 {
				t.Errorf("got problems %v, want exactly one at %s", qaFields(ps), tt.field)
			}
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %s; problems: %v", tt.field, ps)
			}
			last := tt.field[strings.LastIndex(tt.field, ".")+1:]
			if !strings.Contains(p.Message, "unknown") || !strings.Contains(p.Message, `"`+last+`"`) {
				t.Errorf("message %q does not say that field %q is unknown", p.Message, last)
			}
		})
	}
}

// ---- broken JSON ----

func TestReadScenarioSyntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		// col is the column (in characters, from 1) of the first character that makes
		// the document invalid; altCol, when not 0, is the start of the broken value,
		// also an acceptable place to point at.
		col, altCol int
		msg         string // a word the message must contain
	}{
		// "{", "\"", "a", "\"", " ", then '1' at column 6: a colon was expected.
		{name: "missing colon", in: `{"a" 1}`, line: 1, col: 6},
		// The 'x' after "Zürich" is character 19 (byte 20: ü takes two bytes).
		{name: "column counts characters, not bytes", in: `{"name": "Zürich" x}`, line: 1, col: 19},
		// Line 4 starts with two spaces, then the quote of "name": column 3.
		{name: "missing comma between lines", in: "{\n  \"format\": \"platform-roi-scenario\",\n  \"version\": 1\n  \"name\": \"x\"\n}", line: 4, col: 3},
		// The '}' after the trailing comma is column 9.
		{name: "trailing comma in object", in: `{"a": 1,}`, line: 1, col: 9},
		// `{"a": [1, 2,]}`: the ']' is column 13.
		{name: "trailing comma in list", in: `{"a": [1, 2,]}`, line: 1, col: 13},
		// `{"a": [1 2]}`: the '2' is column 10.
		{name: "missing comma in list", in: `{"a": [1 2]}`, line: 1, col: 10},
		// `{"a": tru}`: 't' is column 7, the '}' that breaks "true" is column 10.
		{name: "broken literal", in: `{"a": tru}`, line: 1, col: 10, altCol: 7},
		// Line 4 is "  nul}": 'n' at column 3, '}' at column 6.
		{name: "broken literal on a later line", in: "{\n  \"a\":\n\n  nul}", line: 4, col: 6, altCol: 3},
		// `{"a": "x\qy"}`: the string starts at column 7, 'q' (a bad escape) is column 10.
		{name: "bad escape in a string", in: `{"a": "x\qy"}`, line: 1, col: 10, altCol: 7},
		// `{"a": -}`: '-' is column 7, the '}' after it column 8.
		{name: "minus sign alone", in: `{"a": -}`, line: 1, col: 8, altCol: 7},
		// Trailing garbage after the document: line 3, after two spaces.
		{name: "text after the document", in: "{}\n\n  x", line: 3, col: 3, msg: "after"},
		{name: "second document", in: "{\"version\": 1}\n{", line: 2, col: 1, msg: "after"},
		// Truncated files point at their end.
		{name: "truncated object", in: `{"a":`, line: 1, col: 6, msg: "truncated"},
		{name: "truncated string", in: `{"a": "abc`, line: 1, col: 11, msg: "truncated"},
		{name: "truncated on line 3", in: "{\n  \"a\": [\n    1,", line: 3, col: 7, msg: "truncated"},
		{name: "empty file", in: "", line: 1, col: 1, msg: "empty"},
		{name: "only white space", in: " \n\t\n", line: 3, col: 1, msg: "empty"},
		{name: "not UTF-8", in: "{\"name\": \"caf\xe9\"}", line: 1, col: 14, msg: "UTF-8"},
		// The second "a" is on line 3, after two spaces; the duplicate key is the
		// error, so its position is where the key starts.
		{name: "duplicate key", in: "{\n  \"a\": 1,\n  \"a\": 2\n}", line: 3, col: 3, msg: "twice"},
		// `{"a": {"b": 1}, "a": 2}`: the second "a" starts at column 17.
		{name: "duplicate key after an object", in: `{"a": {"b": 1}, "a": 2}`, line: 1, col: 17, msg: "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, read := range []struct {
				what string
				fn   func([]byte) error
			}{
				{"ReadScenario", func(b []byte) error { _, err := calc.ReadScenario(b); return err }},
				{"ReadDataset", func(b []byte) error { _, err := calc.ReadDataset(b); return err }},
			} {
				err := read.fn([]byte(tt.in))
				var se *calc.SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("%s: error %T %v, want a *SyntaxError", read.what, err, err)
				}
				if se.Line != tt.line || (se.Column != tt.col && (tt.altCol == 0 || se.Column != tt.altCol)) {
					want := fmt.Sprintf("line %d, column %d", tt.line, tt.col)
					if tt.altCol != 0 {
						want += fmt.Sprintf(" (or column %d)", tt.altCol)
					}
					t.Errorf("%s(%q): reported line %d, column %d (%s); want %s", read.what, tt.in, se.Line, se.Column, se.Msg, want)
				}
				if tt.msg != "" && !strings.Contains(se.Msg, tt.msg) {
					t.Errorf("%s: message %q does not contain %q", read.what, se.Msg, tt.msg)
				}
				if !strings.Contains(err.Error(), fmt.Sprintf("line %d", se.Line)) {
					t.Errorf("%s: Error() %q does not give the line", read.what, err.Error())
				}
			}
		})
	}
}

// A whole scenario cut short anywhere is reported as truncated, never read.
func TestReadScenarioTruncatedAnywhere(t *testing.T) {
	full, err := calc.MarshalScenario(calc.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	full = bytes.TrimRight(full, "\n")
	for cut := 1; cut < len(full); cut++ {
		in := full[:cut]
		_, err := calc.ReadScenario(in)
		var se *calc.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("cut at byte %d: error %T %v, want a *SyntaxError", cut, err, err)
		}
		// Every prefix of a valid document fails at its very end.
		lines := bytes.Count(in, []byte("\n")) + 1
		if se.Line != lines {
			t.Fatalf("cut at byte %d: reported line %d, the file has %d lines", cut, se.Line, lines)
		}
	}
}

// ---- file identity and required fields ----

func TestReadScenarioFormatAndVersion(t *testing.T) {
	tests := []struct {
		name, extra string
		omit        []string
		field       string
		words       []string // the message must contain each
	}{
		{"version newer than supported", `"version": 2`, []string{"version"}, "version", []string{"newer", "version 2"}},
		{"version far in the future", `"version": 99`, []string{"version"}, "version", []string{"newer"}},
		{"version 0", `"version": 0`, []string{"version"}, "version", []string{"1"}},
		{"version as text", `"version": "one"`, []string{"version"}, "version", []string{"number"}},
		{"dataset file given as a scenario", `"format": "platform-roi-dataset"`, []string{"format"}, "format", []string{"platform-roi-scenario"}},
		{"some other tool's file", `"format": "budget-sheet"`, []string{"format"}, "format", []string{"platform-roi-scenario"}},
		{"format missing", ``, []string{"format"}, "format", []string{"missing", "platform-roi-scenario"}},
		{"version missing", ``, []string{"version"}, "version", []string{"missing"}},
		{"currency missing", ``, []string{"currency"}, "currency", []string{"missing", "ISO 4217"}},
		{"audience missing", ``, []string{"audience"}, "audience", []string{"missing"}},
		{"audience size missing", `"audience": {"weights": {"18-29": 1}}`, []string{"audience"}, "audience.size", []string{"missing"}},
		{"audience weights missing", `"audience": {"size": 10}`, []string{"audience"}, "audience.weights", []string{"missing"}},
		{"plan line without a role", `"plan": [{"platform": "facebook", "hoursPerWeek": 5}]`, []string{"plan"}, "plan[0].role", []string{"missing"}},
		{"plan line without hours", `"plan": [{"platform": "facebook", "role": "Officer"}]`, []string{"plan"}, "plan[0].hoursPerWeek", []string{"missing"}},
		{"staff role without hours", `"staff": [{"role": "Officer", "hourlyCost": "40"}]`, []string{"staff"}, "staff[0].hoursPerWeek", []string{"missing"}},
		{"benefit without an amount", `"benefits": [{"name": "Calls"}]`, nil, "benefits[0].amountPerMonth", []string{"missing"}},
		{"maturity point without a factor", `"maturity": [{"month": 0}]`, nil, "maturity[0].factor", []string{"missing"}},
		{"document is a list", "", nil, "", []string{"object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := qaScenarioJSON(tt.extra, tt.omit...)
			if tt.name == "document is a list" {
				in = "[" + in + "]"
			}
			_, err := calc.ReadScenario([]byte(in))
			ps := qaProblems(t, err)
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %q; problems: %v", tt.field, ps)
			}
			for _, w := range tt.words {
				if !strings.Contains(p.Message, w) {
					t.Errorf("message %q does not contain %q", p.Message, w)
				}
			}
			if len(ps) != 1 {
				t.Errorf("problems at %v, want only %q", qaFields(ps), tt.field)
			}
		})
	}
}

// Optional fields left out take their defaults (MODEL.md: "a missing optional field
// takes its default").
func TestReadScenarioDefaults(t *testing.T) {
	s, err := calc.ReadScenario([]byte(qaScenarioJSON("", "name", "horizonMonths", "staff", "plan")))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name == "" {
		t.Errorf("a scenario without a name has an empty name; want a default")
	}
	if s.HorizonMonths != 12 {
		t.Errorf("horizon %d, want the default 12", s.HorizonMonths)
	}
	if s.ValuePer1000 != nil || s.Maturity != nil || s.Objective != "" || len(s.Candidates) != 0 || len(s.Benefits) != 0 || len(s.Platforms) != 0 {
		t.Errorf("optional fields left out are not at their defaults: %+v", s)
	}
	// And those defaults are what the computation uses: value 0, maturity curve
	// (0, 0.10) (1, 0.60) (12, 1.00), every platform a candidate.
	r, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Totals.Value.IsZero() {
		t.Errorf("value %s without valuePer1000, want 0", r.Totals.Value)
	}
	if !r.Months[0].Maturity.Equal(qaDec("0.1")) || !r.Months[1].Maturity.Equal(qaDec("0.6")) {
		t.Errorf("maturity %s, %s in months 1, 2, want 0.10, 0.60", r.Months[0].Maturity, r.Months[1].Maturity)
	}
}

// Every problem is reported at once: three independent mistakes give three problems,
// each at its own field, in the order of the file.
func TestReadScenarioAllProblemsAtOnce(t *testing.T) {
	in := `{
  "format": "platform-roi-scenario",
  "version": 1,
  "name": "Three mistakes",
  "currency": "EUR",
  "audience": {"size": 1000, "weights": {"18-29": 1}, "colour": "red"},
  "dataset": "pew-us-2023",
  "staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": "lots"}],
  "plan": [{"platform": "facebook", "role": "Officer", "hoursPerWeek": true}]
}`
	_, err := calc.ReadScenario([]byte(in))
	ps := qaProblems(t, err)
	want := []string{"audience.colour", "staff[0].hoursPerWeek", "plan[0].hoursPerWeek"}
	if got := qaFields(ps); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("problems at %v, want %v", got, want)
	}
	for _, p := range ps {
		if p.Message == "" {
			t.Errorf("problem at %s has no message", p.Field)
		}
	}
	if !strings.Contains(err.Error(), "staff[0].hoursPerWeek") {
		t.Errorf("Error() %q does not name the fields", err.Error())
	}

	// Decoding and validation problems together: the file reads, and Validate then
	// reports its three value mistakes at once.
	in = qaScenarioJSON(`"horizonMonths": 0, "currency": "EUROS", "plan": [{"platform": "myspace", "role": "Officer", "hoursPerWeek": 5}]`, "horizonMonths", "currency", "plan")
	s, err := calc.ReadScenario([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	ps = qaProblems(t, calc.Validate(s, nil))
	want = []string{"currency", "horizonMonths", "plan[0].platform"}
	got := qaFields(ps)
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Validate: problems at %v, want %v", got, want)
	}
}

// LoadScenario reads and validates at once: decoding and validation problems are all
// reported together, each field once, and a value that could not be read does not
// cause further problems elsewhere.
func TestLoadScenarioAllProblemsAtOnce(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"one decoding, two validation problems",
			qaScenarioJSON(`"audience": {"size": 1000, "weights": {"18-29": 1}, "colour": "red"}, "horizonMonths": 0, "plan": [{"platform": "myspace", "role": "Officer", "hoursPerWeek": 5}]`, "audience", "horizonMonths", "plan"),
			[]string{"audience.colour", "horizonMonths", "plan[0].platform"}},
		{"an unreadable cost is reported once, not as missing too",
			qaScenarioJSON(`"staff": [{"role": "Officer", "hourlyCost": "forty", "hoursPerWeek": 20}]`, "staff"),
			[]string{"staff[0].hourlyCost"}},
		{"unreadable available hours do not turn into an over-allocation",
			qaScenarioJSON(`"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": "lots"}]`, "staff"),
			[]string{"staff[0].hoursPerWeek"}},
		{"an unreadable weight does not make all weights 0",
			qaScenarioJSON(`"audience": {"size": 1000, "weights": {"18-29": "most"}}`, "audience"),
			[]string{"audience.weights.18-29"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := calc.LoadScenario([]byte(tt.in), nil)
			if s != nil {
				t.Errorf("a scenario returned with the error")
			}
			got := qaFields(qaProblems(t, err))
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("problems at %v, want %v (%v)", got, tt.want, err)
			}
		})
	}
	// A valid file loads, and a broken one is a syntax error.
	if _, err := calc.LoadScenario([]byte(qaScenarioJSON("")), nil); err != nil {
		t.Errorf("LoadScenario of a valid file: %v", err)
	}
	var se *calc.SyntaxError
	if _, err := calc.LoadScenario([]byte(`{"a" 1}`), nil); !errors.As(err, &se) {
		t.Errorf("LoadScenario of broken JSON: %T %v, want a *SyntaxError", err, err)
	}
}

// ---- datasets ----

func TestReadDataset(t *testing.T) {
	d, err := calc.ReadDataset([]byte(qaDatasetJSON("", "")))
	if err != nil {
		t.Fatalf("ReadDataset: %v", err)
	}
	if d.ID != "test-ds" || len(d.Segments) != 2 || len(d.Platforms) != 1 {
		t.Fatalf("read %+v", d)
	}
	p := d.Platforms[0]
	if !p.Penetration["a"].Equal(qaDec("0.5")) || !p.Penetration["b"].Equal(qaDec("0.3")) || !p.Params.FullHours.Equal(qaDec("10")) {
		t.Errorf("numbers read as %v, %v", p.Penetration, p.Params)
	}
	if d.Segments[0].Population == nil || !d.Segments[0].Population.Equal(qaDec("1000")) || d.Segments[1].Population != nil {
		t.Errorf("populations read as %v, %v", d.Segments[0].Population, d.Segments[1].Population)
	}

	tests := []struct {
		name        string
		in          string
		field       string
		words       []string
		allowOthers bool
	}{
		{"unknown top-level field", qaDatasetJSON(`"licence": "CC"`, ""), "licence", []string{"unknown", `"licence"`}, false},
		{"unknown platform field", qaDatasetJSON("", `"logo": "p.png"`), "platforms[0].logo", []string{"unknown", `"logo"`}, false},
		{"newer version", strings.Replace(qaDatasetJSON("", ""), `"version": 1`, `"version": 2`, 1), "version", []string{"newer"}, false},
		{"scenario file given as a dataset", strings.Replace(qaDatasetJSON("", ""), `"platform-roi-dataset"`, `"platform-roi-scenario"`, 1), "format", []string{"platform-roi-dataset"}, false},
		{"penetration above 1", strings.Replace(qaDatasetJSON("", ""), `"a": 0.5`, `"a": 1.5`, 1), "platforms[0].penetration.a", []string{"0 to 1"}, false},
		{"penetration of an unknown segment", strings.Replace(qaDatasetJSON("", ""), `"a": 0.5`, `"teens": 0.5`, 1), "platforms[0].penetration.teens", []string{"segment"}, false},
		{"missing default parameter", strings.Replace(qaDatasetJSON("", ""), `"reachRate": 0.1, `, ``, 1), "platforms[0].reachRate", []string{"missing"}, false},
		{"missing source", strings.Replace(qaDatasetJSON("", ""), `"source": "Made by hand for the tests", `, ``, 1), "source", []string{"missing"}, false},
		{"year as text", strings.Replace(qaDatasetJSON("", ""), `"year": 2024`, `"year": "last year"`, 1), "year", []string{"number"}, false},
		{"fullHours below minHours", strings.Replace(qaDatasetJSON("", ""), `"fullHours": "10"`, `"fullHours": "1"`, 1), "platforms[0].fullHours", []string{"minimum hours per week"}, false},
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
			if !tt.allowOthers && len(ps) != 1 {
				t.Errorf("problems at %v, want only %s", qaFields(ps), tt.field)
			}
		})
	}
}

// ---- round trips ----

// qaRoundTripScenarios are hand-written scenarios covering every part of the format.
func qaRoundTripScenarios() map[string]*calc.Scenario {
	return map[string]*calc.Scenario{
		"default": calc.DefaultScenario(),
		"overrides": {
			Name: "Overrides", Currency: "USD", HorizonMonths: 24, Dataset: "pew-us-2023",
			Audience: calc.Audience{Size: qaDec("2000000"), Weights: map[string]decimal.Decimal{"18-29": qaDec("0.5"), "30-49": qaDec("0.50")}},
			Platforms: map[string]calc.PlatformOverride{
				"instagram": {MinHours: qaPtr("2"), FullHours: qaPtr("10.5"), ReachRate: qaPtr("0.035"), SetupHours: qaPtr("8"), ToolCost: qaPtr("12.50"), AdCost: qaPtr("100")},
				"facebook":  {ReachRate: qaPtr("0.01")},
				"x":         {},
			},
			Staff: []calc.Role{{Name: "Digital officer", HourlyCost: qaPtr("50.79"), HoursPerWeek: qaDec("30")}},
			Plan: []calc.PlanLine{
				{Platform: "instagram", Role: "Digital officer", HoursPerWeek: qaDec("6")},
				{Platform: "facebook", Role: "Digital officer", HoursPerWeek: qaDec("2.5")},
			},
			ValuePer1000: qaPtr("10.00"),
		},
		"inline dataset": {
			Name: "Inline dataset", Currency: "GBP", HorizonMonths: 6,
			Audience: calc.Audience{Size: qaDec("5000"), Weights: map[string]decimal.Decimal{"a": qaDec("3"), "b": qaDec("1")}},
			DatasetInline: &calc.Dataset{ID: "my-survey", Title: "My survey", Source: "Embassy poll, \"spring\" <2024>", Year: 2024,
				URL: "https://example.org/poll?a=1&b=2", Measure: "Share who used it last month",
				Segments: []calc.Segment{{ID: "a", Label: "Students", Population: qaPtr("1200")}, {ID: "b"}},
				Platforms: []calc.Platform{
					{ID: "p1", Name: "Platform one", Kind: "social network",
						Penetration: map[string]decimal.Decimal{"a": qaDec("0.8"), "b": qaDec("0.25")},
						Params:      calc.Params{MinHours: qaDec("1"), FullHours: qaDec("5"), ReachRate: qaDec("0.05"), SetupHours: qaDec("4"), ToolCost: qaDec("0"), AdCost: qaDec("20.5")},
						Assumed:     []string{"reachRate", "penetration"},
						Notes:       map[string]string{"reachRate": "Assumption: a guess."},
						Context:     map[string]string{"ministries": "12", "source": "A survey"}},
					{ID: "p2", Name: "Platform two",
						Penetration: map[string]decimal.Decimal{"a": qaDec("0.1")},
						Params:      calc.Params{MinHours: qaDec("0"), FullHours: qaDec("2"), ReachRate: qaDec("0.5"), SetupHours: qaDec("0"), ToolCost: qaDec("5"), AdCost: qaDec("0")}},
				}},
			Staff: []calc.Role{{Name: "Attaché", HourlyCost: qaPtr("30"), HoursPerWeek: qaDec("4")}},
			Plan:  []calc.PlanLine{{Platform: "p1", Role: "Attaché", HoursPerWeek: qaDec("3")}},
		},
		"ranges and simulation": {
			Name: "Ranges", Currency: "EUR", HorizonMonths: 12, Dataset: "pew-us-2023",
			Audience:     calc.Audience{Size: qaDec("100000"), Weights: map[string]decimal.Decimal{"18-29": qaDec("1")}},
			Platforms:    map[string]calc.PlatformOverride{"facebook": {ReachRate: qaPtr("0.02")}},
			Staff:        []calc.Role{{Name: "Officer", HourlyCost: qaPtr("40"), HoursPerWeek: qaDec("10")}},
			Plan:         []calc.PlanLine{{Platform: "facebook", Role: "Officer", HoursPerWeek: qaDec("8")}},
			ValuePer1000: qaPtr("10.00"),
			Benefits:     []calc.Benefit{{Name: "A", AmountPerMonth: qaDec("100")}, {Name: "B", AmountPerMonth: qaDec("200.50"), Ramped: true}},
			Ranges: &calc.Ranges{ValuePer1000: &calc.Range{Low: qaDec("5"), High: qaDec("20.00")},
				Platforms: map[string]calc.ParamRanges{"facebook": {ReachRate: &calc.Range{Low: qaDec("0.005"), High: qaDec("0.03")},
					SetupHours: &calc.Range{Low: qaDec("4"), High: qaDec("8")}}},
				Benefits: []*calc.Range{nil, {Low: qaDec("150"), High: qaDec("300")}}},
			Simulation: &calc.SimulationSettings{Draws: func() *int { n := 500; return &n }(), Seed: func() *int64 { n := int64(0); return &n }()},
		},
		"benefits and maturity": {
			Name: "Benefits", Currency: "EUR", HorizonMonths: 36, Dataset: "reuters-dnr-2025",
			Audience: calc.Audience{Size: qaDec("100000"), Weights: map[string]decimal.Decimal{"all": qaDec("1")}},
			Staff:    []calc.Role{{Name: "Officer", HourlyCost: qaPtr("45"), HoursPerWeek: qaDec("10")}},
			Benefits: []calc.Benefit{
				{Name: "Consular calls answered online", AmountPerMonth: qaDec("1200"), Ramped: true},
				{Name: "Travel avoided by videoconference", AmountPerMonth: qaDec("350.25"), Ramped: false},
			},
			Maturity: []calc.Anchor{{Month: qaDec("0"), Factor: qaDec("0.05")}, {Month: qaDec("0.5"), Factor: qaDec("0.5")}, {Month: qaDec("18"), Factor: qaDec("1")}},
		},
		"salary roles": {
			Name: "Salaries", Currency: "CHF", HorizonMonths: 12, Dataset: "pew-us-2023",
			Audience: calc.Audience{Size: qaDec("0"), Weights: map[string]decimal.Decimal{"65+": qaDec("1")}},
			Staff: []calc.Role{
				{Name: "Deputy head of mission", AnnualSalary: qaPtr("120000"), OnCost: qaPtr("0.30"), Overhead: qaPtr("0.12"), ProductiveHours: qaPtr("1720"), HoursPerWeek: qaDec("2")},
				{Name: "Officer", AnnualSalary: qaPtr("52000"), HoursPerWeek: qaDec("30")},
				{Name: "Intern", AnnualSalary: qaPtr("24000"), OnCost: qaPtr("0"), HoursPerWeek: qaDec("12.5")},
			},
			Plan: []calc.PlanLine{{Platform: "facebook", Role: "Officer", HoursPerWeek: qaDec("8")}, {Platform: "facebook", Role: "Intern", HoursPerWeek: qaDec("2")}},
		},
		"candidates and net objective": {
			Name: "Net", Currency: "JPY", HorizonMonths: 120, Dataset: "pew-us-2023",
			Audience:     calc.Audience{Size: qaDec("123456789"), Weights: map[string]decimal.Decimal{"18-29": qaDec("0.000000000001"), "50-64": qaDec("7")}},
			Staff:        []calc.Role{{Name: "Officer", HourlyCost: qaPtr("3000"), HoursPerWeek: qaDec("20")}},
			ValuePer1000: qaPtr("12.3456789012345678901234567891"),
			Objective:    calc.ObjectiveNet,
			Candidates:   []string{"facebook", "linkedin", "website"},
		},
		"odd but readable": {
			// Things a user may type that are invalid but must survive a save: an
			// empty maturity list (not the same as none), an empty name.
			Name: "", Currency: "", HorizonMonths: 0, Dataset: "nowhere",
			Audience: calc.Audience{Size: qaDec("-1"), Weights: map[string]decimal.Decimal{}},
			Maturity: []calc.Anchor{},
			Plan:     []calc.PlanLine{{Platform: "", Role: "", HoursPerWeek: qaDec("-2")}},
		},
	}
}

// The example file of MODEL.md, verbatim.
const qaModelExample = `{
  "format": "platform-roi-scenario",
  "version": 1,
  "name": "Embassy youth outreach",
  "currency": "EUR",
  "horizonMonths": 12,
  "audience": { "size": 2000000, "weights": { "18-29": 0.5, "30-49": 0.5 } },
  "dataset": "pew-us-2023",
  "platforms": { "instagram": { "minHours": 2, "fullHours": 10, "reachRate": 0.03,
                                "setupHours": 8, "toolCost": "0", "adCost": "0" } },
  "staff": [
    { "role": "Digital officer", "hourlyCost": "50.79", "hoursPerWeek": 30 },
    { "role": "Deputy head of mission", "annualSalary": "120000", "onCost": 0.30,
      "overhead": 0.12, "productiveHours": 1720, "hoursPerWeek": 2 }
  ],
  "plan": [ { "platform": "instagram", "role": "Digital officer", "hoursPerWeek": 6 } ],
  "valuePer1000": "10.00",
  "benefits": [ { "name": "Consular calls answered online", "amountPerMonth": "1200",
                  "ramped": true } ],
  "maturity": [ { "month": 0, "factor": 0.10 }, { "month": 1, "factor": 0.60 },
                { "month": 12, "factor": 1.00 } ],
  "objective": "reach",
  "candidates": ["facebook", "instagram", "linkedin", "youtube", "website"]
}`

func TestModelExampleReads(t *testing.T) {
	s, err := calc.ReadScenario([]byte(qaModelExample))
	if err != nil {
		t.Fatalf("the example of MODEL.md does not read: %v", err)
	}
	if err := calc.Validate(s, nil); err != nil {
		t.Fatalf("the example of MODEL.md is not valid: %v", err)
	}
	if s.Name != "Embassy youth outreach" || len(s.Staff) != 2 || !s.Staff[1].AnnualSalary.Equal(qaDec("120000")) ||
		len(s.Candidates) != 5 || s.Objective != calc.ObjectiveReach || !s.Benefits[0].Ramped || len(s.Maturity) != 3 {
		t.Errorf("read %+v", s)
	}
}

func TestScenarioRoundTrip(t *testing.T) {
	cases := qaRoundTripScenarios()
	s, err := calc.ReadScenario([]byte(qaModelExample))
	if err != nil {
		t.Fatal(err)
	}
	cases["MODEL.md example"] = s
	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		s := cases[name]
		t.Run(name, func(t *testing.T) {
			b1, err := calc.MarshalScenario(s)
			if err != nil {
				t.Fatalf("MarshalScenario: %v", err)
			}
			if !bytes.HasSuffix(b1, []byte("\n")) {
				t.Errorf("the file does not end in a newline")
			}
			back, err := calc.ReadScenario(b1)
			if err != nil {
				t.Fatalf("ReadScenario of what MarshalScenario wrote: %v\n%s", err, b1)
			}
			if diff := qaScenarioDiff(s, back); len(diff) > 0 {
				t.Errorf("read back a different scenario:\n  %s\nfile:\n%s", strings.Join(diff, "\n  "), b1)
			}
			b2, err := calc.MarshalScenario(back)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b1, b2) {
				t.Errorf("marshal(read(marshal(s))) differs from marshal(s):\n%s\n----\n%s", b1, b2)
			}
			// Validity survives the trip: the same problems, or none.
			e1, e2 := calc.Validate(s, nil), calc.Validate(back, nil)
			if fmt.Sprint(e1) != fmt.Sprint(e2) {
				t.Errorf("Validate before: %v\nafter: %v", e1, e2)
			}
		})
	}
}

func TestDatasetRoundTrip(t *testing.T) {
	sets := calc.Embedded().Datasets()
	if len(sets) < 2 {
		t.Fatalf("%d embedded datasets, want at least pew-us-2023 and reuters-dnr-2025", len(sets))
	}
	d, err := calc.ReadDataset([]byte(qaDatasetJSON("", `"kind": "forum", "assumed": ["reachRate"], "notes": {"reachRate": "a guess"}, "context": {"ministries": 12, "listed": true}`)))
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, d, qaRoundTripScenarios()["inline dataset"].DatasetInline)
	for _, d := range sets {
		t.Run(d.ID, func(t *testing.T) {
			b1, err := calc.MarshalDataset(d)
			if err != nil {
				t.Fatal(err)
			}
			back, err := calc.ReadDataset(b1)
			if err != nil {
				t.Fatalf("ReadDataset of what MarshalDataset wrote: %v", err)
			}
			if diff := qaDatasetDiff("", d, back); len(diff) > 0 {
				t.Errorf("read back a different dataset:\n  %s", strings.Join(diff, "\n  "))
			}
			b2, err := calc.MarshalDataset(back)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b1, b2) {
				t.Errorf("marshal(read(marshal(d))) differs from marshal(d)")
			}
		})
	}
	// Context values given as numbers or true/false are kept as their text.
	if c := d.Platforms[0].Context; c["ministries"] != "12" || c["listed"] != "true" {
		t.Errorf("context read as %v", c)
	}
}

// MODEL.md: "Money is written as a string ("1200.50")"; other numbers are written as
// JSON numbers with their exact decimal text.
func TestMarshalScenarioMoneyAsStrings(t *testing.T) {
	s := qaRoundTripScenarios()["overrides"]
	s.Staff = append(s.Staff, calc.Role{Name: "Head", AnnualSalary: qaPtr("120000.50"), OnCost: qaPtr("0.3"), HoursPerWeek: qaDec("2")})
	s.Benefits = []calc.Benefit{{Name: "Calls", AmountPerMonth: qaDec("1200.50")}}
	s.Maturity = calc.DefaultMaturity()
	b, err := calc.MarshalScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	get := func(path ...any) any {
		var v any = doc
		for _, k := range path {
			switch k := k.(type) {
			case string:
				v = v.(map[string]any)[k]
			case int:
				v = v.([]any)[k]
			}
		}
		return v
	}
	money := [][]any{
		{"valuePer1000"}, {"staff", 0, "hourlyCost"}, {"staff", 1, "annualSalary"}, {"benefits", 0, "amountPerMonth"},
		{"platforms", "instagram", "toolCost"}, {"platforms", "instagram", "adCost"},
	}
	for _, p := range money {
		if v, ok := get(p...).(string); !ok {
			t.Errorf("%v is written as %T, want a string (money)", p, get(p...))
		} else if _, err := decimal.NewFromString(v); err != nil {
			t.Errorf("%v is written as %q, not a decimal", p, v)
		}
	}
	numbers := [][]any{
		{"audience", "size"}, {"audience", "weights", "18-29"}, {"staff", 0, "hoursPerWeek"}, {"staff", 1, "onCost"},
		{"plan", 0, "hoursPerWeek"}, {"platforms", "instagram", "fullHours"}, {"platforms", "instagram", "reachRate"},
		{"maturity", 2, "factor"},
	}
	for _, p := range numbers {
		if _, ok := get(p...).(json.Number); !ok {
			t.Errorf("%v is written as %T, want a JSON number", p, get(p...))
		}
	}
	if v := get("platforms", "instagram", "fullHours"); fmt.Sprint(v) != "10.5" {
		t.Errorf("fullHours written as %v, want 10.5", v)
	}
}

// ---- semantic comparison ----

func qaPtrEq(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func qaPtrStr(d *decimal.Decimal) string {
	if d == nil {
		return "absent"
	}
	return d.String()
}

func qaDecMapDiff(path string, a, b map[string]decimal.Decimal) []string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok || !v.Equal(w) {
			out = append(out, fmt.Sprintf("%s.%s: %s, then %v", path, k, v, qaMapVal(b, k)))
		}
	}
	for k, w := range b {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("%s.%s: absent, then %s", path, k, w))
		}
	}
	return out
}

func qaMapVal(m map[string]decimal.Decimal, k string) string {
	if v, ok := m[k]; ok {
		return v.String()
	}
	return "absent"
}

func qaStrMapDiff(path string, a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			out = append(out, fmt.Sprintf("%s.%s: %q, then %q", path, k, v, w))
		}
	}
	for k, w := range b {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("%s.%s: absent, then %q", path, k, w))
		}
	}
	return out
}

// qaScenarioDiff lists the differences between two scenarios, comparing decimals by
// value and treating an absent (nil) map or list as equal to an empty one wherever
// the format says that absent means the default; Maturity is the exception: nil is
// the default curve, an empty list an error, so they differ.
func qaScenarioDiff(a, b *calc.Scenario) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if a.Name != b.Name {
		add("name: %q, then %q", a.Name, b.Name)
	}
	if a.Currency != b.Currency {
		add("currency: %q, then %q", a.Currency, b.Currency)
	}
	if a.HorizonMonths != b.HorizonMonths {
		add("horizonMonths: %d, then %d", a.HorizonMonths, b.HorizonMonths)
	}
	if !a.Audience.Size.Equal(b.Audience.Size) {
		add("audience.size: %s, then %s", a.Audience.Size, b.Audience.Size)
	}
	out = append(out, qaDecMapDiff("audience.weights", a.Audience.Weights, b.Audience.Weights)...)
	if a.Dataset != b.Dataset {
		add("dataset: %q, then %q", a.Dataset, b.Dataset)
	}
	switch {
	case (a.DatasetInline == nil) != (b.DatasetInline == nil):
		add("datasetInline: %v, then %v", a.DatasetInline != nil, b.DatasetInline != nil)
	case a.DatasetInline != nil:
		out = append(out, qaDatasetDiff("datasetInline", a.DatasetInline, b.DatasetInline)...)
	}
	for id, o := range a.Platforms {
		p, ok := b.Platforms[id]
		if !ok {
			add("platforms.%s: lost", id)
			continue
		}
		for _, f := range []struct {
			name string
			x, y *decimal.Decimal
		}{{"minHours", o.MinHours, p.MinHours}, {"fullHours", o.FullHours, p.FullHours}, {"reachRate", o.ReachRate, p.ReachRate},
			{"setupHours", o.SetupHours, p.SetupHours}, {"toolCost", o.ToolCost, p.ToolCost}, {"adCost", o.AdCost, p.AdCost}} {
			if !qaPtrEq(f.x, f.y) {
				add("platforms.%s.%s: %s, then %s", id, f.name, qaPtrStr(f.x), qaPtrStr(f.y))
			}
		}
	}
	for id := range b.Platforms {
		if _, ok := a.Platforms[id]; !ok {
			add("platforms.%s: appeared", id)
		}
	}
	if len(a.Staff) != len(b.Staff) {
		add("staff: %d roles, then %d", len(a.Staff), len(b.Staff))
	} else {
		for i, r := range a.Staff {
			q := b.Staff[i]
			if r.Name != q.Name || !r.HoursPerWeek.Equal(q.HoursPerWeek) || !qaPtrEq(r.HourlyCost, q.HourlyCost) ||
				!qaPtrEq(r.AnnualSalary, q.AnnualSalary) || !qaPtrEq(r.OnCost, q.OnCost) || !qaPtrEq(r.Overhead, q.Overhead) ||
				!qaPtrEq(r.ProductiveHours, q.ProductiveHours) {
				add("staff[%d]: %+v, then %+v", i, r, q)
			}
		}
	}
	if len(a.Plan) != len(b.Plan) {
		add("plan: %d lines, then %d", len(a.Plan), len(b.Plan))
	} else {
		for i, l := range a.Plan {
			m := b.Plan[i]
			if l.Platform != m.Platform || l.Role != m.Role || !l.HoursPerWeek.Equal(m.HoursPerWeek) {
				add("plan[%d]: %+v, then %+v", i, l, m)
			}
		}
	}
	if !qaPtrEq(a.ValuePer1000, b.ValuePer1000) {
		add("valuePer1000: %s, then %s", qaPtrStr(a.ValuePer1000), qaPtrStr(b.ValuePer1000))
	}
	if len(a.Benefits) != len(b.Benefits) {
		add("benefits: %d lines, then %d", len(a.Benefits), len(b.Benefits))
	} else {
		for i, x := range a.Benefits {
			y := b.Benefits[i]
			if x.Name != y.Name || x.Ramped != y.Ramped || !x.AmountPerMonth.Equal(y.AmountPerMonth) {
				add("benefits[%d]: %+v, then %+v", i, x, y)
			}
		}
	}
	if (a.Maturity == nil) != (b.Maturity == nil) || len(a.Maturity) != len(b.Maturity) {
		add("maturity: %v, then %v", a.Maturity, b.Maturity)
	} else {
		for i, x := range a.Maturity {
			y := b.Maturity[i]
			if !x.Month.Equal(y.Month) || !x.Factor.Equal(y.Factor) {
				add("maturity[%d]: %v, then %v", i, x, y)
			}
		}
	}
	if a.Objective != b.Objective {
		add("objective: %q, then %q", a.Objective, b.Objective)
	}
	if strings.Join(a.Candidates, ",") != strings.Join(b.Candidates, ",") {
		add("candidates: %v, then %v", a.Candidates, b.Candidates)
	}
	if x, y := qaRangesText(a.Ranges), qaRangesText(b.Ranges); x != y {
		add("ranges: %s, then %s", x, y)
	}
	if x, y := qaSimulationText(a.Simulation), qaSimulationText(b.Simulation); x != y {
		add("simulation: %s, then %s", x, y)
	}
	return out
}

// qaRangeText is a range as text, numbers compared by value ("0.10" and "0.1" alike).
func qaRangeText(r *calc.Range) string {
	if r == nil {
		return "-"
	}
	return r.Low.String() + ".." + r.High.String()
}

func qaParamRangesText(r calc.ParamRanges) string {
	return fmt.Sprintf("reachRate %s minHours %s fullHours %s setupHours %s", qaRangeText(r.ReachRate),
		qaRangeText(r.MinHours), qaRangeText(r.FullHours), qaRangeText(r.SetupHours))
}

func qaRangesText(r *calc.Ranges) string {
	if r == nil {
		return "none"
	}
	out := "valuePer1000 " + qaRangeText(r.ValuePer1000)
	ids := make([]string, 0, len(r.Platforms))
	for id := range r.Platforms {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		out += "; " + id + ": " + qaParamRangesText(r.Platforms[id])
	}
	for i, b := range r.Benefits {
		out += fmt.Sprintf("; benefits[%d] %s", i, qaRangeText(b))
	}
	return out
}

func qaSimulationText(s *calc.SimulationSettings) string {
	if s == nil {
		return "none"
	}
	out := "draws "
	if s.Draws != nil {
		out += strconv.Itoa(*s.Draws)
	}
	out += " seed "
	if s.Seed != nil {
		out += strconv.FormatInt(*s.Seed, 10)
	}
	return out
}

func qaDatasetDiff(path string, a, b *calc.Dataset) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, path+": "+fmt.Sprintf(format, args...)) }
	if a.ID != b.ID || a.Title != b.Title || a.Source != b.Source || a.Year != b.Year || a.URL != b.URL || a.Measure != b.Measure {
		add("header %q %q %q %d %q %q, then %q %q %q %d %q %q", a.ID, a.Title, a.Source, a.Year, a.URL, a.Measure,
			b.ID, b.Title, b.Source, b.Year, b.URL, b.Measure)
	}
	if !reflect.DeepEqual(a.Provenance, b.Provenance) {
		add("provenance %+v, then %+v", a.Provenance, b.Provenance)
	}
	if len(a.Segments) != len(b.Segments) {
		add("%d segments, then %d", len(a.Segments), len(b.Segments))
	} else {
		for i, s := range a.Segments {
			u := b.Segments[i]
			if s.ID != u.ID || s.Label != u.Label || !qaPtrEq(s.Population, u.Population) {
				add("segments[%d]: %+v, then %+v", i, s, u)
			}
		}
	}
	if len(a.Platforms) != len(b.Platforms) {
		add("%d platforms, then %d", len(a.Platforms), len(b.Platforms))
		return out
	}
	for i, p := range a.Platforms {
		q := b.Platforms[i]
		pp := fmt.Sprintf("%s.platforms[%d]", path, i)
		if p.ID != q.ID || p.Name != q.Name || p.Kind != q.Kind {
			out = append(out, fmt.Sprintf("%s: %q %q %q, then %q %q %q", pp, p.ID, p.Name, p.Kind, q.ID, q.Name, q.Kind))
		}
		out = append(out, qaDecMapDiff(pp+".penetration", p.Penetration, q.Penetration)...)
		x, y := p.Params, q.Params
		if !x.MinHours.Equal(y.MinHours) || !x.FullHours.Equal(y.FullHours) || !x.ReachRate.Equal(y.ReachRate) ||
			!x.SetupHours.Equal(y.SetupHours) || !x.ToolCost.Equal(y.ToolCost) || !x.AdCost.Equal(y.AdCost) {
			out = append(out, fmt.Sprintf("%s params: %v, then %v", pp, x, y))
		}
		if strings.Join(p.Assumed, ",") != strings.Join(q.Assumed, ",") {
			out = append(out, fmt.Sprintf("%s.assumed: %v, then %v", pp, p.Assumed, q.Assumed))
		}
		out = append(out, qaStrMapDiff(pp+".notes", p.Notes, q.Notes)...)
		out = append(out, qaStrMapDiff(pp+".context", p.Context, q.Context)...)
		if x, y := qaParamRangesText(p.Ranges), qaParamRangesText(q.Ranges); x != y {
			out = append(out, fmt.Sprintf("%s.ranges: %s, then %s", pp, x, y))
		}
		if !reflect.DeepEqual(p.Citation, q.Citation) || !reflect.DeepEqual(p.SegmentCitations, q.SegmentCitations) {
			out = append(out, fmt.Sprintf("%s.citation: %+v %+v, then %+v %+v", pp, p.Citation, p.SegmentCitations, q.Citation, q.SegmentCitations))
		}
	}
	return out
}
