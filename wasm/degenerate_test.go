//go:build !js

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"platformroi/calc"
)

// editedScenarioFile writes the default scenario, changed by edit, to a file for calc.
func editedScenarioFile(t *testing.T, edit func(s map[string]any)) string {
	t.Helper()
	def, err := calc.MarshalScenario(calc.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(def, &s); err != nil {
		t.Fatal(err)
	}
	edit(s)
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "scenario.json", string(data))
}

// calcTable is calc's table for the default scenario changed by edit.
func calcTable(t *testing.T, edit func(s map[string]any)) string {
	t.Helper()
	code, out, errs := runArgs(t, "calc", editedScenarioFile(t, edit))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	return out
}

// An empty plan has nothing to pay back or break even: the table says so, as the page
// does, instead of "0 or more in 100.0% of the draws" and "it breaks even with no
// reach at all".
func TestCalcEmptyPlanHasNothingToPayBack(t *testing.T) {
	out := calcTable(t, func(s map[string]any) { s["plan"] = []any{} })
	for _, bad := range []string{"of the draws", "breaks even with no reach", "the plan reaches no one"} {
		if strings.Contains(out, bad) {
			t.Errorf("the table says %q for an empty plan:\n%s", bad, out)
		}
	}
	const why = "no platform has staff hours in the plan, so it costs nothing"
	for _, want := range []string{"there is nothing to break even: " + why, "there is nothing to pay back: " + why} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}

// A one-month horizon reads "1 month" in the table.
func TestCalcOneMonthHorizon(t *testing.T) {
	out := calcTable(t, func(s map[string]any) { s["horizonMonths"] = 1 })
	if strings.Contains(out, "1 months") || !strings.Contains(out, "Horizon 1 month;") || !strings.Contains(out, "summed over 1 month)") {
		t.Errorf("the table for a one-month horizon:\n%s", out)
	}
}

// The inputs that move neither net value nor reach are left out of what moves the
// result: for an empty plan, the value per 1,000 (which has a range) moves nothing.
func TestCalcEmptyPlanNothingMoves(t *testing.T) {
	out := calcTable(t, func(s map[string]any) { s["plan"] = []any{} })
	if strings.Contains(out, "What moves net value most") || !strings.Contains(out, "No input with a range moves net value or reach.") {
		t.Errorf("what moves the empty plan's result:\n%s", out)
	}
	out = calcTable(t, func(s map[string]any) {})
	if !strings.Contains(out, "What moves net value most (5 of the 13 inputs that move net value or reach") {
		t.Errorf("what moves the default scenario's result:\n%s", out)
	}
}

// A plan whose every platform is below its minimum hours: the table says why it
// reaches no one.
func TestCalcBelowMinimumHoursSaysWhy(t *testing.T) {
	out := calcTable(t, func(s map[string]any) {
		s["plan"] = []any{map[string]any{"platform": "facebook", "role": "Digital officer", "hoursPerWeek": 1}}
	})
	const want = "no value per 1,000 people reached: the plan reaches no one, because every platform in the plan (Facebook) is below its minimum hours per week"
	if !strings.Contains(out, want) {
		t.Errorf("the table lacks %q:\n%s", want, out)
	}
}

// An audience of 1 person is reached a fraction of the time: "under 1 person", not
// "0 people" beside a cost per 1,000 people reached.
func TestCalcReachUnderOnePerson(t *testing.T) {
	out := calcTable(t, func(s map[string]any) { s["audience"].(map[string]any)["size"] = 1 })
	for _, want := range []string{"Unique reach            under 1 person a month on average (under 1 person summed over 12 months)",
		"reach under 1 person (monthly unique reach summed over the horizon)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}
