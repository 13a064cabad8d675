package calc_test

// Tests of the limits of limits.go: at a limit a file reads; one entry or byte over
// it, it is refused with one problem naming the field and the limit, and nothing else.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// qaRepeat joins n copies of item, with %d in item replaced by the copy's number.
func qaRepeat(item string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strings.ReplaceAll(item, "%d", fmt.Sprint(i))
	}
	return strings.Join(parts, ", ")
}

// qaOverLimit checks that err holds exactly the problems want (field: message).
func qaOverLimit(t *testing.T, err error, want ...string) {
	t.Helper()
	ps := qaProblems(t, err)
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = p.String()
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// qaNoLimitProblem fails when err reports a limit.
func qaNoLimitProblem(t *testing.T, err error) {
	t.Helper()
	if err != nil && (strings.Contains(err.Error(), "are accepted") || strings.Contains(err.Error(), "larger than")) {
		t.Fatalf("a file at the limit is refused: %v", err)
	}
}

func TestScenarioLimits(t *testing.T) {
	inline := func(segments, platforms, penetration int) string {
		return `"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M",
			"segments": [` + qaRepeat(`{"id": "s%d"}`, segments) + `],
			"platforms": [{"id": "p", "name": "P", "penetration": {` + qaRepeat(`"s%d": 0.1`, penetration) + `},
				"minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}` +
			strings.Repeat(`, {"id": "q", "name": "Q", "penetration": {}, "minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"}`, platforms-1) + `]}`
	}
	tests := []struct {
		name  string
		field string
		limit int
		what  string
		make  func(n int) string // the scenario with n entries
	}{
		{"benefit lines", "benefits", calc.MaxBenefits, "benefit lines", func(n int) string {
			return qaScenarioJSON(`"benefits": [` + qaRepeat(`{"name": "b%d", "amountPerMonth": "1"}`, n) + `]`)
		}},
		{"roles", "staff", calc.MaxRoles, "roles", func(n int) string {
			return qaScenarioJSON(`"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": 20}, `+qaRepeat(`{"role": "r%d", "hourlyCost": "40", "hoursPerWeek": 1}`, n-1)+`]`, "staff")
		}},
		{"plan lines", "plan", calc.MaxPlanLines, "plan lines", func(n int) string {
			return qaScenarioJSON(`"plan": [`+qaRepeat(`{"platform": "facebook", "role": "Officer", "hoursPerWeek": 0.01}`, n)+`]`, "plan")
		}},
		{"maturity points", "maturity", calc.MaxMaturityPoints, "maturity points", func(n int) string {
			return qaScenarioJSON(`"maturity": [` + qaRepeat(`{"month": %d, "factor": 1}`, n) + `]`)
		}},
		{"platform overrides", "platforms", calc.MaxPlatforms, "platforms", func(n int) string {
			return qaScenarioJSON(`"platforms": {` + qaRepeat(`"p%d": {}`, n) + `}`)
		}},
		{"candidates", "candidates", calc.MaxPlatforms, "candidates", func(n int) string {
			return qaScenarioJSON(`"candidates": [` + qaRepeat(`"p%d"`, n) + `]`)
		}},
		{"audience weights", "audience.weights", calc.MaxSegments, "segment weights", func(n int) string {
			return qaScenarioJSON(`"audience": {"size": 1000, "weights": {"18-29": 1, `+qaRepeat(`"s%d": 1`, n-1)+`}}`, "audience")
		}},
		{"inline dataset's segments", "datasetInline.segments", calc.MaxSegments, "segments", func(n int) string {
			return qaScenarioJSON(inline(n, 1, 1), "dataset")
		}},
		{"inline dataset's platforms", "datasetInline.platforms", calc.MaxPlatforms, "platforms", func(n int) string {
			return qaScenarioJSON(inline(1, n, 1), "dataset")
		}},
		{"inline dataset's penetration figures", "datasetInline.platforms[0].penetration", calc.MaxSegments, "penetration figures (one per segment)", func(n int) string {
			return qaScenarioJSON(inline(calc.MaxSegments, 1, n), "dataset")
		}},
		{"fields of another object", "platforms.facebook", 1000, "entries", func(n int) string {
			return qaScenarioJSON(`"platforms": {"facebook": {` + qaRepeat(`"f%d": 1`, n) + `}}`)
		}},
		{"items of another list", "datasetInline.platforms[0].assumed", 1000, "entries", func(n int) string {
			return qaScenarioJSON(strings.Replace(inline(1, 1, 1), `"minHours": 1`, `"assumed": [`+qaRepeat(`"minHours"`, n)+`], "minHours": 1`, 1), "dataset")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calc.ReadScenario([]byte(tt.make(tt.limit)))
			qaNoLimitProblem(t, err)
			_, err = calc.LoadScenario([]byte(tt.make(tt.limit)), nil)
			qaNoLimitProblem(t, err)
			for _, n := range []int{tt.limit + 1, 5 * tt.limit} {
				want := fmt.Sprintf("%s: has %d %s; at most %d are accepted", tt.field, n, tt.what, tt.limit)
				_, err = calc.ReadScenario([]byte(tt.make(n)))
				qaOverLimit(t, err, want)
				_, err = calc.LoadScenario([]byte(tt.make(n)), nil)
				qaOverLimit(t, err, want)
			}
		})
	}
}

// Every field over its limit is named, and nothing else is said.
func TestScenarioLimitsTogether(t *testing.T) {
	in := qaScenarioJSON(`"benefits": [`+qaRepeat(`{"name": "b", "amountPerMonth": "x"}`, calc.MaxBenefits+1)+`],
		"maturity": [`+qaRepeat(`{"month": -1, "factor": 7}`, calc.MaxMaturityPoints+2)+`], "horizonMonths": 0, "colour": "red"`, "horizonMonths")
	_, err := calc.LoadScenario([]byte(in), nil)
	qaOverLimit(t, err,
		"benefits: has 1001 benefit lines; at most 1000 are accepted",
		"maturity: has 1002 maturity points; at most 1000 are accepted")
}

func TestFileSizeLimits(t *testing.T) {
	scenario := qaScenarioJSON("")
	dataset := qaDatasetJSON("", "")
	tests := []struct {
		name  string
		read  func([]byte) error
		base  string
		limit int
		want  string
	}{
		{"ReadScenario", func(b []byte) error { _, err := calc.ReadScenario(b); return err }, scenario, calc.MaxScenarioFile,
			"the file is larger than 4 MiB (4194304 bytes), the most a scenario file may have; is it the right file?"},
		{"LoadScenario", func(b []byte) error { _, err := calc.LoadScenario(b, nil); return err }, scenario, calc.MaxScenarioFile,
			"the file is larger than 4 MiB (4194304 bytes), the most a scenario file may have; is it the right file?"},
		{"ReadDataset", func(b []byte) error { _, err := calc.ReadDataset(b); return err }, dataset, calc.MaxDatasetFile,
			"the file is larger than 2 MiB (2097152 bytes), the most a dataset file may have; is it the right file?"},
		{"ReadDatasetCSV", func(b []byte) error { _, err := calc.ReadDatasetCSV(b); return err }, qaCSV("", ""), calc.MaxDatasetCSV,
			"the file is larger than 1 MiB (1048576 bytes), the most a CSV file of platforms may have: a table of platforms is a few kilobytes; is it the right file?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := tt.base + strings.Repeat("\n", tt.limit-len(tt.base))
			if err := tt.read([]byte(at)); err != nil {
				t.Fatalf("a file of exactly %d bytes: %v", tt.limit, err)
			}
			qaOverLimit(t, tt.read([]byte(at+"\n")), tt.want)
		})
	}
}

func TestDatasetLimits(t *testing.T) {
	file := func(segments, platforms, penetration int) string {
		params := `"minHours": 1, "fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0"`
		list := `{"id": "p", "name": "P", "penetration": {` + qaRepeat(`"s%d": 0.1`, penetration) + `}, ` + params + `}`
		if platforms > 1 {
			list += ", " + qaRepeat(`{"id": "q%d", "name": "Q", "penetration": {}, `+params+`}`, platforms-1)
		}
		return `{"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M",
			"segments": [` + qaRepeat(`{"id": "s%d"}`, segments) + `], "platforms": [` + list + `]}`
	}
	tests := []struct {
		name, field, what string
		limit             int
		make              func(n int) string
	}{
		{"segments", "segments", "segments", calc.MaxSegments, func(n int) string { return file(n, 1, 1) }},
		{"platforms", "platforms", "platforms", calc.MaxPlatforms, func(n int) string { return file(1, n, 1) }},
		{"penetration figures", "platforms[0].penetration", "penetration figures (one per segment)", calc.MaxSegments, func(n int) string { return file(calc.MaxSegments, 1, n) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := calc.ReadDataset([]byte(tt.make(tt.limit)))
			if err != nil {
				t.Fatalf("a dataset at the limit: %v", err)
			}
			if err := calc.Embedded().Add(d); err != nil {
				t.Fatalf("a dataset at the limit cannot be imported: %v", err)
			}
			want := fmt.Sprintf("%s: has %d %s; at most %d are accepted", tt.field, tt.limit+1, tt.what, tt.limit)
			_, err = calc.ReadDataset([]byte(tt.make(tt.limit + 1)))
			qaOverLimit(t, err, want)
		})
	}
	// A dataset built in code is held to the same limits when imported.
	d, err := calc.ReadDataset([]byte(file(1, 2, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for i := len(d.Platforms); i <= calc.MaxPlatforms; i++ {
		p := d.Platforms[1]
		p.ID = fmt.Sprintf("r%d", i)
		d.Platforms = append(d.Platforms, p)
	}
	qaOverLimit(t, calc.Embedded().Add(d), fmt.Sprintf("platforms: has %d platforms; at most %d are accepted", calc.MaxPlatforms+1, calc.MaxPlatforms))
}

// Validate holds a scenario built in code (as the page may) to the limits of the file.
func TestValidateLimits(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *calc.Scenario)
		want   string
	}{
		{"benefit lines", func(s *calc.Scenario) {
			s.Benefits = make([]calc.Benefit, calc.MaxBenefits+1)
		}, "benefits: has 1001 benefit lines; at most 1000 are accepted"},
		{"roles", func(s *calc.Scenario) { s.Staff = make([]calc.Role, calc.MaxRoles+1) }, "staff: has 1001 roles; at most 1000 are accepted"},
		{"plan lines", func(s *calc.Scenario) { s.Plan = make([]calc.PlanLine, calc.MaxPlanLines+1) }, "plan: has 1001 plan lines; at most 1000 are accepted"},
		{"maturity points", func(s *calc.Scenario) { s.Maturity = make([]calc.Anchor, calc.MaxMaturityPoints+1) }, "maturity: has 1001 maturity points; at most 1000 are accepted"},
		{"candidates", func(s *calc.Scenario) { s.Candidates = make([]string, calc.MaxPlatforms+1) }, fmt.Sprintf("candidates: has %d candidates; at most %d are accepted", calc.MaxPlatforms+1, calc.MaxPlatforms)},
		{"platform overrides", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{}
			for i := range calc.MaxPlatforms + 1 {
				s.Platforms[fmt.Sprint(i)] = calc.PlatformOverride{}
			}
		}, fmt.Sprintf("platforms: has %d platforms; at most %d are accepted", calc.MaxPlatforms+1, calc.MaxPlatforms)},
		{"audience weights", func(s *calc.Scenario) {
			for i := range calc.MaxSegments + 1 {
				s.Audience.Weights[fmt.Sprint(i)] = decimal.Zero
			}
		}, fmt.Sprintf("audience.weights: has %d segment weights; at most %d are accepted", calc.MaxSegments+5, calc.MaxSegments)},
		{"inline dataset", func(s *calc.Scenario) {
			ds := *calc.Embedded().Get(s.Dataset)
			ds.Segments = make([]calc.Segment, calc.MaxSegments+1)
			s.Dataset, s.DatasetInline = "", &ds
		}, fmt.Sprintf("datasetInline.segments: has %d segments; at most %d are accepted", calc.MaxSegments+1, calc.MaxSegments)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := calc.DefaultScenario()
			if err := calc.Validate(s, nil); err != nil {
				t.Fatal(err)
			}
			tt.change(s)
			qaOverLimit(t, calc.Validate(s, nil), tt.want)
			if _, err := calc.Compute(s, nil); err == nil {
				t.Fatalf("Compute of a scenario over a limit gave a result")
			}
		})
	}
}

func TestReadDatasetCSVLimits(t *testing.T) {
	meta := "# title: T\n# source: S\n# year: 2024\n# measure: M\n"
	rows := func(n int) string {
		return meta + "platform,a,minHours,fullHours,reachRate,setupHours,toolCost,adCost\n" +
			strings.ReplaceAll(qaRepeat("p%d,0.5,1,2,0.1,0,0,0", n), ", ", "\n") + "\n"
	}
	columns := func(n int) string {
		return meta + "platform," + strings.ReplaceAll(qaRepeat("s%d", n), " ", "") + "\nfacebook" + strings.Repeat(",0.5", n) + "\n"
	}
	// Long segment ids and many rows: small as a table (under 1 MiB), but too large as
	// a dataset file.
	var big strings.Builder
	big.WriteString(meta + "platform,minHours,fullHours,reachRate,setupHours,toolCost,adCost")
	for i := range calc.MaxSegments {
		fmt.Fprintf(&big, ",segment-with-a-long-name-%d", i)
	}
	big.WriteString("\n")
	for i := 0; i < calc.MaxCSVRows; i++ {
		fmt.Fprintf(&big, "p%d,1,2,0.1,0,0,0%s\n", i, strings.Repeat(",0.5", calc.MaxSegments))
	}
	tests := []struct {
		name, in string
		ok       bool
		want     string
	}{
		{"rows at the limit", rows(calc.MaxCSVRows), true, ""},
		{"one row over the limit", rows(calc.MaxCSVRows + 1), false, fmt.Sprintf("the table has %d platform rows (row %d is number %d); at most %d are accepted, one per platform", calc.MaxCSVRows+1, calc.MaxCSVRows+6, calc.MaxCSVRows+1, calc.MaxCSVRows)},
		{"many rows over the limit", rows(3 * calc.MaxCSVRows), false, fmt.Sprintf("the table has %d platform rows (row %d is number %d); at most %d are accepted, one per platform", 3*calc.MaxCSVRows, calc.MaxCSVRows+6, calc.MaxCSVRows+1, calc.MaxCSVRows)},
		{"segment columns at the limit", columns(calc.MaxSegments), true, ""},
		{"one segment column over the limit", columns(calc.MaxSegments + 1), false, fmt.Sprintf("row 5: has %d segment columns; at most %d are accepted", calc.MaxSegments+1, calc.MaxSegments)},
		{"too large as a dataset file", big.String(), false, "the table is too large: as a dataset file it takes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := calc.ReadDatasetCSV([]byte(tt.in))
			if tt.ok {
				if err != nil {
					t.Fatalf("ReadDatasetCSV: %v", err)
				}
				// What a CSV file makes opens again as a dataset file.
				b, err := calc.MarshalDataset(d)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := calc.ReadDataset(b); err != nil {
					t.Fatalf("the dataset of a CSV file at the limit does not open as a dataset file: %v", err)
				}
				return
			}
			ps := qaProblems(t, err)
			if len(ps) != 1 || !strings.Contains(ps[0].String(), tt.want) {
				t.Fatalf("problems %v; want the one %q", ps, tt.want)
			}
		})
	}
}
