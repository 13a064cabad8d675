package calc_test

import (
	"os"
	"strings"
	"testing"
)

// A number written as people write numbers (thousands separators, a decimal comma, a
// unit or currency, a typographic minus) is refused with what to write instead; an
// engine's limits read with their thousands grouped. Each was "must be a number (such
// as 12 or "12.50"), found "1,500,000"", and the range "from 0 to 10000000000".
func TestNumbersAsPeopleWriteThem(t *testing.T) {
	data, err := os.ReadFile("data/default-scenario.json")
	if err != nil {
		t.Fatal(err)
	}
	scenario := string(data)
	for _, tc := range []struct {
		from, to, field, want string
	}{
		{`"size": 1500000`, `"size": "1,500,000"`, "audience.size",
			`must be a number without thousands separators, found "1,500,000": write 1500000`},
		{`"size": 1500000`, `"size": "1 500 000"`, "audience.size",
			`must be a number without spaces, found "1 500 000": write 1500000`},
		{`"hoursPerWeek": 30`, `"hoursPerWeek": "30,5"`, "staff[0].hoursPerWeek",
			`must be a number with a point for the decimals, found "30,5": write 30.5`},
		{`"valuePer1000": "10.00"`, `"valuePer1000": "€10"`, "valuePer1000",
			`must be the number alone, without a unit or currency, found "€10": write 10`},
		{`"valuePer1000": "10.00"`, `"valuePer1000": "10 EUR"`, "valuePer1000",
			`must be the number alone, without a unit or currency, found "10 EUR": write 10`},
		{`"hoursPerWeek": 30`, `"hoursPerWeek": "30h"`, "staff[0].hoursPerWeek",
			`must be the number alone, without a unit or currency, found "30h": write 30`},
		{`"hoursPerWeek": 30`, `"hoursPerWeek": "−3"`, "staff[0].hoursPerWeek",
			`must be a number written with the keyboard's minus sign (-), found "−3": write -3`},
		{`"size": 1500000`, `"size": "1.5 million"`, "audience.size",
			`must be a number written in full, found "1.5 million": write 1500000`},
		{`"size": 1500000`, `"size": "250k"`, "audience.size",
			`must be a number written in full, found "250k": write 250000`},
		{`"hoursPerWeek": 30`, `"hoursPerWeek": "45%"`, "staff[0].hoursPerWeek",
			`must be a number without the % sign, found "45%": a share is written as a decimal, 45% as 0.45`},
		{`"hoursPerWeek": 30`, `"hoursPerWeek": "30 minutes"`, "staff[0].hoursPerWeek",
			`must be a number, such as 12 or 12.5, found "30 minutes"`},
		{`"hoursPerWeek": 30`, `"hoursPerWeek": "thirty"`, "staff[0].hoursPerWeek",
			`must be a number, such as 12 or 12.5, found "thirty"`},
		{`"size": 1500000`, `"size": 15000000000`, "audience.size",
			`must be a whole number of people from 0 to 10,000,000,000, found 15000000000`},
		{`"valuePer1000": "10.00"`, `"valuePer1000": "-1"`, "valuePer1000",
			`must be an amount in EUR from 0 to 1,000,000,000,000, found -1`},
	} {
		t.Run(tc.to, func(t *testing.T) {
			if !strings.Contains(scenario, tc.from) {
				t.Fatalf("the default scenario has no %s", tc.from)
			}
			got := problemsOf(t, []byte(strings.Replace(scenario, tc.from, tc.to, 1)))
			if got[tc.field] != tc.want {
				t.Errorf("problems %q\nwant at %s: %s", got, tc.field, tc.want)
			}
		})
	}
}
