package calc_test

// Tests of what the readers say about files that are not what they should be: not a
// JSON object, not UTF-8, another kind of file, or values that could not be read (and
// so must not bring more problems about what is inside them). The page and the
// command line read files through these functions, so they say the same.

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"platformroi/calc"
)

// A file that is valid JSON but not an object gets one line, saying what a file of
// its kind is, from every reader.
func TestReadersNotAnObject(t *testing.T) {
	readers := []struct {
		name, kind string
		read       func([]byte) error
	}{
		{"ReadScenario", "scenario", func(b []byte) error { _, err := calc.ReadScenario(b); return err }},
		{"LoadScenario", "scenario", func(b []byte) error { _, err := calc.LoadScenario(b, nil); return err }},
		{"ReadDataset", "dataset", func(b []byte) error { _, err := calc.ReadDataset(b); return err }},
		{"DecodeShare", "scenario", func(b []byte) error {
			p, err := calc.EncodeShareJSON(b)
			if err != nil {
				return err
			}
			_, err = calc.DecodeShare(calc.SharePrefix + p)
			return err
		}},
	}
	tests := []struct{ in, found string }{
		{"null", "null"},
		{"[]", "a list"},
		{`[{"format": "platform-roi-scenario"}]`, "a list"},
		{"42", "a number"},
		{`"scenario.json"`, "text"},
		{"true", "true or false"},
		{"\ufeff  null\n", "null"},
	}
	for _, r := range readers {
		for _, tt := range tests {
			t.Run(r.name+"/"+tt.in, func(t *testing.T) {
				ps := qaProblems(t, r.read([]byte(tt.in)))
				want := fmt.Sprintf("a %s file is a JSON object { … }, found %s", r.kind, tt.found)
				if len(ps) != 1 || ps[0].Field != "" || ps[0].Message != want {
					t.Fatalf("problems %q; want the one line %q", ps, want)
				}
			})
		}
	}
}

// The other kind of file of this tool is named as such, in one line.
func TestReadersOtherKindOfFile(t *testing.T) {
	scenario := qaScenarioJSON("")
	dataset := qaDatasetJSON("", "")
	for _, tt := range []struct {
		name string
		read func([]byte) error
		in   string
		want []string
	}{
		{"ReadScenario of a dataset", func(b []byte) error { _, err := calc.ReadScenario(b); return err }, dataset, []string{"this is a dataset file", `"platform-roi-scenario"`}},
		{"LoadScenario of a dataset", func(b []byte) error { _, err := calc.LoadScenario(b, nil); return err }, dataset, []string{"this is a dataset file", "datasetInline"}},
		{"ReadDataset of a scenario", func(b []byte) error { _, err := calc.ReadDataset(b); return err }, scenario, []string{"this is a scenario file", `"platform-roi-dataset"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps := qaProblems(t, tt.read([]byte(tt.in)))
			if len(ps) != 1 || ps[0].Field != "format" {
				t.Fatalf("problems at %v; want one, at format (%v)", qaFields(ps), ps)
			}
			for _, w := range tt.want {
				if !strings.Contains(ps[0].Message, w) {
					t.Errorf("message %q does not contain %q", ps[0].Message, w)
				}
			}
		})
	}
}

// LoadScenario says nothing about what is inside a value it could not read, nor
// checks against it what depends on it (the plan's roles against unreadable staff).
// What can still be checked still is.
func TestLoadScenarioNoIrrelevantProblems(t *testing.T) {
	head := `"format": "platform-roi-scenario", "version": 1, "currency": "EUR"`
	aud := `"audience": {"size": 1000, "weights": {"18-29": 1}}`
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty object", `{}`, []string{"audience", "currency", "format", "version"}},
		{"audience missing", `{` + head + `}`, []string{"audience"}},
		{"audience not an object", `{` + head + `, "audience": 5}`, []string{"audience"}},
		{"weights not an object", `{` + head + `, "audience": {"size": 10, "weights": 5}}`, []string{"audience.weights"}},
		{"inline dataset not an object", `{` + head + `, ` + aud + `, "datasetInline": 5}`, []string{"datasetInline"}},
		{"inline dataset with a bad platform list", `{` + head + `, ` + aud + `, "datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M", "segments": [{"id": "18-29"}], "platforms": 5}}`,
			[]string{"datasetInline.platforms"}},
		{"staff not a list", `{` + head + `, ` + aud + `, "staff": 5, "plan": [{"platform": "facebook", "role": "a", "hoursPerWeek": 1}]}`, []string{"staff"}},
		{"a role not an object", `{` + head + `, ` + aud + `, "staff": [5], "plan": [{"platform": "facebook", "role": "a", "hoursPerWeek": 1}]}`, []string{"staff[0]"}},
		{"a role's name unreadable", `{` + head + `, ` + aud + `, "staff": [{"role": 5, "hourlyCost": "40", "hoursPerWeek": 10}], "plan": [{"platform": "facebook", "role": "a", "hoursPerWeek": 1}]}`, []string{"staff[0].role"}},
		{"a plan line not an object", `{` + head + `, ` + aud + `, "plan": [5]}`, []string{"plan[0]"}},
		{"a benefit not an object", `{` + head + `, ` + aud + `, "benefits": [5]}`, []string{"benefits[0]"}},
		{"a maturity point not an object", `{` + head + `, ` + aud + `, "maturity": [5]}`, []string{"maturity[0]"}},
		{"platform overrides not an object", `{` + head + `, ` + aud + `, "platforms": {"facebook": 5}}`, []string{"platforms.facebook"}},
		// Still checked: roles are known when only a role's cost is unreadable.
		{"a role's cost unreadable, the plan names another role", `{` + head + `, ` + aud + `, "staff": [{"role": "A", "hourlyCost": "x", "hoursPerWeek": 10}], "plan": [{"platform": "facebook", "role": "B", "hoursPerWeek": 1}]}`,
			[]string{"plan[0].role", "staff[0].hourlyCost"}},
		{"a plan line not an object, another naming no platform", `{` + head + `, ` + aud + `, "plan": [5, {"platform": "myspace", "role": "B", "hoursPerWeek": 1}]}`,
			[]string{"plan[0]", "plan[1].platform", "plan[1].role"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.LoadScenario([]byte(tt.in), nil)
			got := qaFields(qaProblems(t, err))
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("problems at %v, want %v:\n%v", got, tt.want, err)
			}
		})
	}
}

// A file that is not UTF-8 is refused by every reader, saying where: the line (and
// for JSON the column), and the byte's offset in the file and its value. The page
// and the command line hand the readers the file's bytes, so both refuse it alike.
func TestReadersNotUTF8(t *testing.T) {
	scenario := strings.Replace(qaScenarioJSON(""), "Test scenario", "Caf\xe9", 1)
	scenarioOff := strings.Index(scenario, "\xe9")
	dataset := strings.Replace(qaDatasetJSON("", ""), "Platform one", "Plat\xc3form", 1)
	datasetOff := strings.Index(dataset, "\xc3")
	csv := strings.Replace(qaCSV("", ""), "Made by hand", "Made by h\xe4nd", 1)
	csvOff := strings.Index(csv, "\xe4")
	tests := []struct {
		name      string
		read      func([]byte) error
		in        string
		line, col int // col 0: a CSV problem, which gives the line in its message
		want      string
	}{
		{"ReadScenario", func(b []byte) error { _, err := calc.ReadScenario(b); return err }, scenario, 4, 15, fmt.Sprintf("offset %d (0xE9)", scenarioOff)},
		{"LoadScenario", func(b []byte) error { _, err := calc.LoadScenario(b, nil); return err }, scenario, 4, 15, fmt.Sprintf("offset %d (0xE9)", scenarioOff)},
		{"LoadScenario after a byte order mark", func(b []byte) error { _, err := calc.LoadScenario(b, nil); return err }, "\ufeff" + scenario, 4, 15, fmt.Sprintf("offset %d (0xE9)", scenarioOff+3)},
		{"ReadDataset", func(b []byte) error { _, err := calc.ReadDataset(b); return err }, dataset, 7, 31, fmt.Sprintf("offset %d (0xC3)", datasetOff)},
		{"ReadDatasetCSV", func(b []byte) error { _, err := calc.ReadDatasetCSV(b); return err }, csv, 2, 0, fmt.Sprintf("line 2 is not UTF-8 text: the byte at offset %d (0xE4)", csvOff)},
		{"ReadDatasetCSV after a byte order mark, CR line endings", func(b []byte) error { _, err := calc.ReadDatasetCSV(b); return err }, "\ufeff" + strings.ReplaceAll(csv, "\n", "\r"), 2, 0, fmt.Sprintf("line 2 is not UTF-8 text: the byte at offset %d (0xE4)", csvOff+3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read([]byte(tt.in))
			if err == nil {
				t.Fatalf("a file that is not UTF-8 was read")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "UTF-8") {
				t.Errorf("message %q; want it to contain %q", err, tt.want)
			}
			if tt.col == 0 {
				if ps := qaProblems(t, err); len(ps) != 1 {
					t.Errorf("problems %v; want one", ps)
				}
				return
			}
			var se *calc.SyntaxError
			if !errors.As(err, &se) || se.Line != tt.line || se.Column != tt.col {
				t.Errorf("error %#v; want a *SyntaxError at line %d, column %d", err, tt.line, tt.col)
			}
		})
	}
	// A real U+FFFD (what a page that decodes with replacement would hand over) is a
	// character like any other.
	if _, err := calc.ReadScenario([]byte(strings.Replace(qaScenarioJSON(""), "Test scenario", "Caf\ufffd", 1))); err != nil {
		t.Errorf("U+FFFD in a name: %v", err)
	}
}

// A CSV file reads the same whatever its line endings: LF, CRLF, CR alone (old Mac
// files, which some spreadsheets still write), or a mix; problems name the same lines.
func TestReadDatasetCSVLineEndings(t *testing.T) {
	good := "# id: test-endings\n# title: Test survey\n# source: Made by hand, \"quoted\"\n# year: 2024\n# measure: Share who use it\n# label a: Segment A\n" +
		"platform,name,a,b\nfacebook,\"Facebook, \"\"Meta\"\"\",0.5,0.25\n\nyoutube,,0.1,0.2\n"
	bad := qaCSV("", "platform,a,b\nfacebook,0.5,1.7\nyoutube,abc,0.1\n")
	endings := map[string]func(string) string{
		"LF":   func(s string) string { return s },
		"CRLF": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"CR":   func(s string) string { return strings.ReplaceAll(s, "\n", "\r") },
		"mixed": func(s string) string {
			lines := strings.SplitAfter(s, "\n")
			for i := range lines {
				if i%2 == 1 {
					lines[i] = strings.Replace(lines[i], "\n", "\r", 1)
				} else if i%3 == 0 {
					lines[i] = strings.Replace(lines[i], "\n", "\r\n", 1)
				}
			}
			return strings.Join(lines, "")
		},
	}
	want, err := calc.MarshalDataset(qaReadCSV(t, good))
	if err != nil {
		t.Fatal(err)
	}
	_, err = calc.ReadDatasetCSV([]byte(bad))
	wantProblems := fmt.Sprint(qaProblems(t, err))
	for name, convert := range endings {
		t.Run(name, func(t *testing.T) {
			got, err := calc.MarshalDataset(qaReadCSV(t, convert(good)))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("read\n%s\nwant (as with LF)\n%s", got, want)
			}
			_, err = calc.ReadDatasetCSV([]byte(convert(bad)))
			if ps := fmt.Sprint(qaProblems(t, err)); ps != wantProblems {
				t.Errorf("problems %s\nwant (as with LF) %s", ps, wantProblems)
			}
		})
	}
}
