package calc_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"platformroi/calc"
)

// longProblems is every problem, named as the page names it, of the default scenario
// with one text replaced by a very long one (edit changes the scenario as a map).
func longProblems(t *testing.T, edit func(s map[string]any, long string)) []string {
	t.Helper()
	data, err := os.ReadFile("data/default-scenario.json")
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	edit(s, strings.Repeat("R", 10000))
	data, _ = json.Marshal(s)
	var lines []string
	for _, load := range []func() error{
		func() error { _, err := calc.LoadScenario(data, nil); return err },
		func() error {
			f, err := calc.ReadForm(data)
			if err != nil {
				return err
			}
			_, err = f.Prepare(nil)
			var ie *calc.InputError
			if errors.As(err, &ie) {
				for _, p := range ie.Problems {
					lines = append(lines, f.FieldLabel(p.Field, f.DatasetIn(nil))+": "+p.Message)
				}
			}
			return err
		},
	} {
		var ie *calc.InputError
		if err := load(); !errors.As(err, &ie) {
			t.Fatalf("want an input error, got %v", err)
		}
		for _, p := range ie.Problems {
			lines = append(lines, p.Message)
		}
	}
	return lines
}

// A text of 10,000 characters is refused with messages that quote its start, said to
// be shortened, whether the text is a name (in the field's label), a code, an id or
// an unknown field's name: the whole of it made a 10,000-character problem line.
func TestProblemsQuoteLongTextShortened(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(s map[string]any, long string)
	}{
		{"role name", func(s map[string]any, long string) {
			s["staff"].([]any)[0].(map[string]any)["role"] = long
			s["staff"].([]any)[0].(map[string]any)["hoursPerWeek"] = -1
			for _, l := range s["plan"].([]any) {
				l.(map[string]any)["role"] = long
			}
		}},
		{"two roles of one long name", func(s map[string]any, long string) {
			r := s["staff"].([]any)[0].(map[string]any)
			r["role"] = long
			s["staff"] = append(s["staff"].([]any), map[string]any{"role": long, "hourlyCost": "40", "annualSalary": "1", "hoursPerWeek": 1})
		}},
		{"unknown role in the plan", func(s map[string]any, long string) {
			s["plan"].([]any)[0].(map[string]any)["role"] = long
		}},
		{"unknown platform in the plan", func(s map[string]any, long string) {
			s["plan"].([]any)[0].(map[string]any)["platform"] = long
		}},
		{"currency", func(s map[string]any, long string) { s["currency"] = long }},
		{"dataset", func(s map[string]any, long string) { s["dataset"] = long }},
		{"objective", func(s map[string]any, long string) { s["objective"] = long }},
		{"candidate", func(s map[string]any, long string) { s["candidates"] = []any{long} }},
		{"platform override", func(s map[string]any, long string) {
			s["platforms"] = map[string]any{long: map[string]any{"minHours": 1}}
		}},
		{"segment weight", func(s map[string]any, long string) {
			s["audience"].(map[string]any)["weights"].(map[string]any)[long] = 1
		}},
		{"unknown field", func(s map[string]any, long string) { s[long] = 1 }},
		{"benefit name", func(s map[string]any, long string) {
			s["benefits"] = []any{map[string]any{"name": long, "amountPerMonth": "-5"}}
		}},
		{"number", func(s map[string]any, long string) { s["valuePer1000"] = strings.Repeat("9", 10000) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, line := range longProblems(t, tc.edit) {
				if n := utf8.RuneCountInString(line); n > 1500 { // the list of datasets is 1,000 characters
					t.Errorf("a problem of %d characters: %.120s…", n, line)
				}
				if strings.Contains(line, strings.Repeat("R", 41)) {
					t.Errorf("a problem quotes more than 40 characters of the text: %.160s…", line)
				}
				if strings.Contains(line, "RRRR") && !strings.Contains(line, "(first 40 of 10,000 characters)") {
					t.Errorf("a problem quotes the text without saying it is shortened: %.160s…", line)
				}
			}
		})
	}
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, quoted, short string }{
		{"Digital officer", `"Digital officer"`, "Digital officer"},
		{strings.Repeat("é", 40), `"` + strings.Repeat("é", 40) + `"`, strings.Repeat("é", 40)},
		{strings.Repeat("é", 41), `"` + strings.Repeat("é", 40) + `…" (first 40 of 41 characters)`, strings.Repeat("é", 40) + "… (first 40 of 41 characters)"},
		{"a\"b", `"a\"b"`, "a\"b"},
	} {
		if got := calc.Quote(tc.in); got != tc.quoted {
			t.Errorf("Quote(%.20s…) = %s, want %s", tc.in, got, tc.quoted)
		}
		if got := calc.ShortText(tc.in); got != tc.short {
			t.Errorf("ShortText(%.20s…) = %s, want %s", tc.in, got, tc.short)
		}
	}
}
