package calc_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"platformroi/calc"
)

// problemsOf is every problem of a scenario file, field by field.
func problemsOf(t *testing.T, data []byte) map[string]string {
	t.Helper()
	_, err := calc.LoadScenario(data, nil)
	var ie *calc.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("want an input error, got %v", err)
	}
	out := map[string]string{}
	for _, p := range ie.Problems {
		out[p.Field] = p.Message
	}
	return out
}

// A number written with an exponent that stands for more digits than any figure of the
// model ("1e400", typed into a field or read from a file) is refused with the field's
// own message, what it accepts, and the number as typed, said in digits: it was refused
// with "must be a number of at most 40 digits, found 1e400", odd for 5 characters.
func TestNumbersWithExponents(t *testing.T) {
	data, err := os.ReadFile("data/default-scenario.json")
	if err != nil {
		t.Fatal(err)
	}
	scenario := string(data)
	for _, tc := range []struct {
		name, from, to, field, want string
	}{
		{"hours", `"hoursPerWeek": 30`, `"hoursPerWeek": "1e400"`, "staff[0].hoursPerWeek",
			"must be hours per week from 0 to 168, found 1e400 (a number of 401 digits)"},
		{"negative hours", `"hoursPerWeek": 30`, `"hoursPerWeek": -1E400`, "staff[0].hoursPerWeek",
			"must be hours per week from 0 to 168, found -1E400 (a number of 401 digits)"},
		{"tiny", `"hoursPerWeek": 30`, `"hoursPerWeek": "1e-400"`, "staff[0].hoursPerWeek",
			"has more than 12 decimal places: 1e-400 has 400"},
		{"40 digits", `"hoursPerWeek": 30`, `"hoursPerWeek": "1e39"`, "staff[0].hoursPerWeek",
			"must be hours per week from 0 to 168, found 1e39 (a number of 40 digits)"},
		{"amount", `"valuePer1000": "10.00"`, `"valuePer1000": "2.5e400"`, "valuePer1000",
			"must be an amount in EUR from 0 to 1,000,000,000,000, found 2.5e400 (a number of 401 digits)"},
		{"audience", `"size": 1500000`, `"size": 1e400`, "audience.size",
			"must be a whole number of people from 0 to 10,000,000,000, found 1e400 (a number of 401 digits)"},
		{"weight", `"18-29": 21`, `"18-29": 1e400`, "audience.weights.18-29",
			"must be a weight of 0 or more (weights are relative: 60 and 40 mean the same as 0.6 and 0.4), found 1e400 (a number of 401 digits)"},
		{"range end", `"high": "20.00"`, `"high": "1e400"`, "ranges.valuePer1000.high",
			"must be an amount in EUR from 0 to 1,000,000,000,000, found 1e400 (a number of 401 digits)"},
		{"horizon", `"horizonMonths": 12`, `"horizonMonths": 1e400`, "horizonMonths",
			"must be a whole number of months from 1 to 120, found 1e400 (a number of 401 digits)"},
		{"zero", `"horizonMonths": 12`, `"horizonMonths": "0e400"`, "horizonMonths",
			"must be a whole number of months from 1 to 120, found 0"},
		{"horizon, large", `"horizonMonths": 12`, `"horizonMonths": 5000000`, "horizonMonths",
			"must be a whole number of months from 1 to 120, found 5000000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(scenario, tc.from) {
				t.Fatalf("the default scenario has no %s", tc.from)
			}
			got := problemsOf(t, []byte(strings.Replace(scenario, tc.from, tc.to, 1)))
			if got[tc.field] != tc.want || len(got) != 1 {
				t.Errorf("problems %q\nwant at %s: %s", got, tc.field, tc.want)
			}
		})
	}
}

// The same in a dataset's CSV table and in a dataset file: what a cell accepts, and
// the number as written.
func TestDatasetNumbersWithExponents(t *testing.T) {
	csv := "# title: Test survey\n# source: Made by hand for the tests\n# year: 2024\n# measure: Share who use it\nplatform,a,b\nfacebook,1e400,0.25\n"
	_, err := calc.ReadDatasetCSV([]byte(csv))
	if err == nil || !strings.Contains(err.Error(), `row 6, column "a": must be a share from 0 to 1 (such as 0.45) or a percentage (such as 45%), found "1e400" (a number of 401 digits)`) {
		t.Errorf("CSV: %v", err)
	}
	data, err := os.ReadFile("data/pew-us-2023.dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"minHours": "3",`, `"minHours": "3e400",`, 1)
	if bad == string(data) {
		t.Fatal("no minHours in the dataset")
	}
	_, err = calc.ReadDataset([]byte(bad))
	if err == nil || !strings.Contains(err.Error(), "minHours: must be hours per week from 0 to 168, found 3e400 (a number of 401 digits)") {
		t.Errorf("dataset file: %v", err)
	}
}
