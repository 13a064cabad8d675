package calc_test

// Tests of MODEL.md's "Bad input" section: every bad input is reported at the right
// field with a message saying what is accepted, every problem at once, nothing is
// computed from invalid input, nothing the user had is changed, and nothing panics.

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// qaValidScenario is a small valid scenario; tests change one thing in it.
//
//	staff[0] "Digital officer": 50/h, 30 h/week
//	staff[1] "Press attaché": salary 60000, 4.5 h/week
//	plan[0] facebook 8 h, plan[1] instagram 6 h (Digital officer), plan[2] x 2 h (Press attaché)
func qaValidScenario() *calc.Scenario {
	return &calc.Scenario{
		Name: "Validation base", Currency: "EUR", HorizonMonths: 12, Dataset: "pew-us-2023",
		Audience: calc.Audience{Size: qaDec("1000000"), Weights: map[string]decimal.Decimal{"18-29": qaDec("60"), "30-49": qaDec("40")}},
		Staff: []calc.Role{
			{Name: "Digital officer", HourlyCost: qaPtr("50"), HoursPerWeek: qaDec("30")},
			{Name: "Press attaché", AnnualSalary: qaPtr("60000"), HoursPerWeek: qaDec("4.5")},
		},
		Plan: []calc.PlanLine{
			{Platform: "facebook", Role: "Digital officer", HoursPerWeek: qaDec("8")},
			{Platform: "instagram", Role: "Digital officer", HoursPerWeek: qaDec("6")},
			{Platform: "x", Role: "Press attaché", HoursPerWeek: qaDec("2")},
		},
		ValuePer1000: qaPtr("10"),
		Benefits:     []calc.Benefit{{Name: "Consular calls answered online", AmountPerMonth: qaDec("1200"), Ramped: true}},
	}
}

// qaInline is a valid inline dataset with segments a and b and platforms p1, p2.
func qaInline() *calc.Dataset {
	return &calc.Dataset{ID: "inline", Title: "Inline", Source: "Test", Year: 2024, Measure: "Share who use it",
		Segments: []calc.Segment{{ID: "a"}, {ID: "b"}},
		Platforms: []calc.Platform{
			{ID: "p1", Name: "P1", Penetration: map[string]decimal.Decimal{"a": qaDec("0.5"), "b": qaDec("0.3")},
				Params: calc.Params{MinHours: qaDec("2"), FullHours: qaDec("10"), ReachRate: qaDec("0.1"), SetupHours: qaDec("4")}},
			{ID: "p2", Name: "P2", Penetration: map[string]decimal.Decimal{"a": qaDec("0.2")},
				Params: calc.Params{MinHours: qaDec("1"), FullHours: qaDec("5"), ReachRate: qaDec("0.05")}},
		}}
}

// qaCall runs fn and turns a panic into a test failure.
func qaCall(t *testing.T, what string, fn func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", what, r)
		}
	}()
	fn()
}

func TestValidScenarioIsValid(t *testing.T) {
	if err := calc.Validate(qaValidScenario(), nil); err != nil {
		t.Fatalf("the base scenario of these tests is not valid: %v", err)
	}
	s := qaValidScenario()
	s.Dataset, s.DatasetInline = "", qaInline()
	s.Audience.Weights = map[string]decimal.Decimal{"a": qaDec("1")}
	s.Plan = []calc.PlanLine{{Platform: "p1", Role: "Digital officer", HoursPerWeek: qaDec("4")}}
	if err := calc.Validate(s, nil); err != nil {
		t.Fatalf("the base scenario with an inline dataset is not valid: %v", err)
	}
	// The edges of what is accepted.
	for _, h := range []int{1, 120} {
		s := qaValidScenario()
		s.HorizonMonths = h
		if err := calc.Validate(s, nil); err != nil {
			t.Errorf("horizon %d: %v", h, err)
		}
	}
	s = qaValidScenario()
	s.Staff[1].HoursPerWeek = qaDec("2") // exactly the plan's 2 hours: not over
	s.Audience.Size = qaDec("0")
	s.Audience.Weights["65+"] = qaDec("0")
	s.Platforms = map[string]calc.PlatformOverride{"facebook": {MinHours: qaPtr("10"), FullHours: qaPtr("10"), ReachRate: qaPtr("1")}}
	s.Maturity = []calc.Anchor{{Month: qaDec("0"), Factor: qaDec("0")}, {Month: qaDec("0.5"), Factor: qaDec("1")}}
	if err := calc.Validate(s, nil); err != nil {
		t.Errorf("edge values rejected: %v", err)
	}
}

func TestValidateBadInput(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *calc.Scenario)
		field  string
		words  []string // what the message must contain (what is accepted, the figures)
		also   []string // other fields the same change rightly reports
	}{
		// Negative numbers.
		{"negative hourly cost", func(s *calc.Scenario) { s.Staff[0].HourlyCost = qaPtr("-5") }, "staff[0].hourlyCost", []string{"from 0", "-5", "EUR"}, nil},
		{"negative salary", func(s *calc.Scenario) { s.Staff[1].AnnualSalary = qaPtr("-60000") }, "staff[1].annualSalary", []string{"from 0", "-60000"}, nil},
		{"negative staff hours", func(s *calc.Scenario) { s.Staff[0].HoursPerWeek = qaDec("-1") }, "staff[0].hoursPerWeek", []string{"from 0 to 168", "-1"}, nil},
		{"more hours than a week has", func(s *calc.Scenario) { s.Staff[0].HoursPerWeek = qaDec("169") }, "staff[0].hoursPerWeek", []string{"from 0 to 168", "169"}, nil},
		{"negative plan hours", func(s *calc.Scenario) { s.Plan[1].HoursPerWeek = qaDec("-6") }, "plan[1].hoursPerWeek", []string{"from 0 to 168", "-6"}, nil},
		{"negative value per 1000", func(s *calc.Scenario) { s.ValuePer1000 = qaPtr("-1") }, "valuePer1000", []string{"from 0", "-1"}, nil},
		{"negative benefit", func(s *calc.Scenario) { s.Benefits[0].AmountPerMonth = qaDec("-1200") }, "benefits[0].amountPerMonth", []string{"from 0", "-1200"}, nil},
		{"negative set-up hours", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"facebook": {SetupHours: qaPtr("-8")}}
		}, "platforms.facebook.setupHours", []string{"from 0", "-8"}, nil},
		{"negative tool cost", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"facebook": {ToolCost: qaPtr("-0.01")}}
		}, "platforms.facebook.toolCost", []string{"from 0", "-0.01"}, nil},
		{"negative ad cost", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"x": {AdCost: qaPtr("-100")}}
		}, "platforms.x.adCost", []string{"from 0", "-100"}, nil},
		{"negative minHours", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"x": {MinHours: qaPtr("-2")}}
		}, "platforms.x.minHours", []string{"from 0", "-2"}, nil},
		{"negative audience", func(s *calc.Scenario) { s.Audience.Size = qaDec("-1000") }, "audience.size", []string{"whole number", "from 0"}, nil},
		{"audience with a fraction of a person", func(s *calc.Scenario) { s.Audience.Size = qaDec("1000.5") }, "audience.size", []string{"whole number"}, nil},
		{"negative weight", func(s *calc.Scenario) { s.Audience.Weights["18-29"] = qaDec("-60") }, "audience.weights.18-29", []string{"0 or more", "-60"}, nil},
		{"negative on-cost", func(s *calc.Scenario) { s.Staff[1].OnCost = qaPtr("-0.3") }, "staff[1].onCost", []string{"from 0", "-0.3"}, nil},
		{"zero productive hours", func(s *calc.Scenario) { s.Staff[1].ProductiveHours = qaPtr("0") }, "staff[1].productiveHours", []string{"above 0"}, nil},
		{"negative maturity month", func(s *calc.Scenario) {
			s.Maturity = []calc.Anchor{{Month: qaDec("-1"), Factor: qaDec("0.1")}, {Month: qaDec("12"), Factor: qaDec("1")}}
		}, "maturity[0].month", []string{"from 0", "-1"}, nil},

		// Shares outside [0, 1].
		{"reach rate above 1", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"instagram": {ReachRate: qaPtr("1.5")}}
		}, "platforms.instagram.reachRate", []string{"0 to 1", "1.5"}, nil},
		{"negative reach rate", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"instagram": {ReachRate: qaPtr("-0.1")}}
		}, "platforms.instagram.reachRate", []string{"0 to 1", "-0.1"}, nil},
		{"maturity factor above 1", func(s *calc.Scenario) {
			s.Maturity = []calc.Anchor{{Month: qaDec("0"), Factor: qaDec("0.1")}, {Month: qaDec("12"), Factor: qaDec("1.2")}}
		}, "maturity[1].factor", []string{"0 to 1", "1.2"}, nil},
		{"inline penetration above 1", func(s *calc.Scenario) {
			s.Dataset, s.DatasetInline = "", qaInline()
			s.DatasetInline.Platforms[0].Penetration["b"] = qaDec("1.01")
			s.Audience.Weights = map[string]decimal.Decimal{"a": qaDec("1")}
			s.Plan = nil
		}, "datasetInline.platforms[0].penetration.b", []string{"0 to 1", "1.01"}, nil},

		// Weights.
		{"all weights 0", func(s *calc.Scenario) {
			s.Audience.Weights = map[string]decimal.Decimal{"18-29": qaDec("0"), "30-49": qaDec("0")}
		}, "audience.weights", []string{"above 0"}, nil},
		{"no weights at all", func(s *calc.Scenario) { s.Audience.Weights = nil }, "audience.weights", []string{"above 0"}, nil},
		{"weight names an unknown segment", func(s *calc.Scenario) { s.Audience.Weights["teens"] = qaDec("10") }, "audience.weights.teens", []string{"18-29", "65+"}, nil},

		// Platform hours.
		{"fullHours below minHours", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"facebook": {MinHours: qaPtr("6"), FullHours: qaPtr("5")}}
		}, "platforms.facebook.fullHours", []string{"minimum hours per week", "6", "5"}, nil},
		{"minHours raised above the default fullHours", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"facebook": {MinHours: qaPtr("12")}}
		}, "platforms.facebook.fullHours", []string{"minimum hours per week", "12", "10"}, nil},
		{"fullHours 0", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"facebook": {MinHours: qaPtr("0"), FullHours: qaPtr("0")}}
		}, "platforms.facebook.fullHours", []string{"above 0"}, nil},
		{"override of an unknown platform", func(s *calc.Scenario) {
			s.Platforms = map[string]calc.PlatformOverride{"myspace": {ReachRate: qaPtr("0.1")}}
		}, "platforms.myspace", []string{"facebook"}, nil},

		// The plan.
		{"plan line names an unknown platform", func(s *calc.Scenario) { s.Plan[2].Platform = "myspace" }, "plan[2].platform", []string{"facebook", "instagram", "website"}, nil},
		{"plan line names an unknown role", func(s *calc.Scenario) { s.Plan[0].Role = "Ambassador" }, "plan[0].role", []string{"Digital officer", "Press attaché"}, nil},
		{"plan line names a role of an empty staff", func(s *calc.Scenario) { s.Staff, s.Plan = nil, s.Plan[:1] }, "plan[0].role", []string{"staff"}, nil},
		{"second role over its available hours", func(s *calc.Scenario) {
			s.Plan = append(s.Plan, calc.PlanLine{Platform: "website", Role: "Press attaché", HoursPerWeek: qaDec("5.5")})
		}, "staff[1].hoursPerWeek", []string{"Press attaché", "4.5", "7.5"}, nil},
		{"first role over its available hours", func(s *calc.Scenario) {
			s.Plan = append(s.Plan, calc.PlanLine{Platform: "youtube", Role: "Digital officer", HoursPerWeek: qaDec("20")})
		}, "staff[0].hoursPerWeek", []string{"Digital officer", "30", "34"}, nil},

		// Time.
		{"horizon 0", func(s *calc.Scenario) { s.HorizonMonths = 0 }, "horizonMonths", []string{"1 to 120", "0"}, nil},
		{"horizon 121", func(s *calc.Scenario) { s.HorizonMonths = 121 }, "horizonMonths", []string{"1 to 120", "121"}, nil},
		{"negative horizon", func(s *calc.Scenario) { s.HorizonMonths = -12 }, "horizonMonths", []string{"1 to 120", "-12"}, nil},
		{"maturity months decreasing", func(s *calc.Scenario) {
			s.Maturity = []calc.Anchor{{Month: qaDec("0"), Factor: qaDec("0.1")}, {Month: qaDec("12"), Factor: qaDec("0.6")}, {Month: qaDec("6"), Factor: qaDec("1")}}
		}, "maturity[2].month", []string{"increase", "6", "12"}, nil},
		{"maturity months repeated", func(s *calc.Scenario) {
			s.Maturity = []calc.Anchor{{Month: qaDec("0"), Factor: qaDec("0.1")}, {Month: qaDec("0"), Factor: qaDec("0.6")}}
		}, "maturity[1].month", []string{"increase"}, nil},
		{"maturity with no point", func(s *calc.Scenario) { s.Maturity = []calc.Anchor{} }, "maturity", []string{"at least one"}, nil},

		// Currency, dataset, candidates, objective, roles.
		{"unknown currency code", func(s *calc.Scenario) { s.Currency = "XYZ" }, "currency", []string{"ISO 4217", "XYZ"}, nil},
		{"currency in small letters", func(s *calc.Scenario) { s.Currency = "eur" }, "currency", []string{"ISO 4217"}, nil},
		{"currency symbol", func(s *calc.Scenario) { s.Currency = "€" }, "currency", []string{"ISO 4217"}, nil},
		{"withdrawn currency", func(s *calc.Scenario) { s.Currency = "HRK" }, "currency", []string{"ISO 4217"}, nil},
		{"no currency", func(s *calc.Scenario) { s.Currency = "" }, "currency", []string{"ISO 4217"}, nil},
		{"dataset and datasetInline both given", func(s *calc.Scenario) { s.DatasetInline = qaInline() }, "dataset", []string{"datasetInline", "not both"}, nil},
		{"no dataset", func(s *calc.Scenario) { s.Dataset = "" }, "dataset", []string{"pew-us-2023", "datasetInline"}, nil},
		{"unknown dataset", func(s *calc.Scenario) { s.Dataset = "gallup-2020" }, "dataset", []string{"gallup-2020", "pew-us-2023", "reuters-dnr-2025"}, nil},
		{"unknown candidate", func(s *calc.Scenario) { s.Candidates = []string{"facebook", "myspace"} }, "candidates[1]", []string{"facebook", "youtube"}, nil},
		{"candidate listed twice", func(s *calc.Scenario) { s.Candidates = []string{"facebook", "x", "facebook"} }, "candidates[2]", []string{"twice"}, nil},
		{"unknown objective", func(s *calc.Scenario) { s.Objective = "likes" }, "objective", []string{`"reach"`, `"net"`}, nil},
		{"role without a cost", func(s *calc.Scenario) { s.Staff[0].HourlyCost = nil }, "staff[0].hourlyCost", []string{"hourlyCost", "annualSalary"}, nil},
		{"role with both cost and salary", func(s *calc.Scenario) { s.Staff[1].HourlyCost = qaPtr("40") }, "staff[1].hourlyCost", []string{"not both"}, nil},
		// One problem, at the second role, saying which role has the name as people
		// count (not as a file path). The plan's lines for the name are the first
		// role's, as the page's form ties them, so the second is not reported as
		// over-allocated by hours the plan gives the first.
		{"two roles with one name", func(s *calc.Scenario) { s.Staff[1].Name = "Digital officer"; s.Plan = s.Plan[:2] }, "staff[1].role", []string{`"Digital officer" is already the name of role 1`}, nil},
		{"no name", func(s *calc.Scenario) { s.Name = " " }, "name", []string{"name"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := qaValidScenario()
			tt.change(s)
			before, err := calc.MarshalScenario(s)
			if err != nil {
				t.Fatal(err)
			}
			var verr error
			qaCall(t, "Validate", func() { verr = calc.Validate(s, nil) })
			ps := qaProblems(t, verr)
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %s; problems: %v", tt.field, ps)
			}
			for _, w := range tt.words {
				if !strings.Contains(p.Message, w) {
					t.Errorf("%s: message %q does not contain %q", tt.field, p.Message, w)
				}
			}
			want := append([]string{tt.field}, tt.also...)
			got := qaFields(ps)
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(got, " | ") != strings.Join(want, " | ") {
				t.Errorf("problems at %v, want at %v (%v)", got, want, ps)
			}

			// Nothing is computed from invalid input, and nothing panics.
			var r *calc.Result
			var cerr error
			qaCall(t, "Compute", func() { r, cerr = calc.Compute(s, nil) })
			if r != nil || cerr == nil {
				t.Errorf("Compute returned a result (%v) from invalid input, error %v", r != nil, cerr)
			}
			if cerr != nil && cerr.Error() != verr.Error() {
				t.Errorf("Compute's error %q differs from Validate's %q", cerr, verr)
			}
			var rec *calc.Recommendation
			var rerr error
			qaCall(t, "Recommend", func() { rec, rerr = calc.Recommend(s, nil) })
			if rec != nil || rerr == nil {
				t.Errorf("Recommend returned a recommendation from invalid input, error %v", rerr)
			}

			// Nothing the user had is changed: the scenario is as it was.
			after, err := calc.MarshalScenario(s)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Errorf("checking changed the scenario:\n%s\n----\n%s", before, after)
			}
		})
	}
}

// Every problem is reported at once, each at its own field.
func TestValidateAllProblemsAtOnce(t *testing.T) {
	s := qaValidScenario()
	s.HorizonMonths = 0
	s.Audience.Weights["teens"] = qaDec("1")
	s.Plan = append(s.Plan, calc.PlanLine{Platform: "website", Role: "Press attaché", HoursPerWeek: qaDec("5.5")})
	s.Plan[0].Platform = "myspace"
	s.Candidates = []string{"orkut"}
	ps := qaProblems(t, calc.Validate(s, nil))
	want := []string{"audience.weights.teens", "candidates[0]", "horizonMonths", "plan[0].platform", "staff[1].hoursPerWeek"}
	got := qaFields(ps)
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("problems at %v, want %v", got, want)
	}
	// Each field once.
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Field] {
			t.Errorf("field %s reported twice", p.Field)
		}
		seen[p.Field] = true
	}
}

// File-level bad input goes through ReadScenario: non-numeric numbers and an
// unsupported version are reported there, at their fields, and nothing is computed.
func TestBadFilesAreNotComputed(t *testing.T) {
	tests := []struct {
		name, in, field, word string
	}{
		{"hours in words", qaScenarioJSON(`"staff": [{"role": "Officer", "hourlyCost": "40", "hoursPerWeek": "twenty"}]`, "staff"), "staff[0].hoursPerWeek", "number"},
		{"cost as true", qaScenarioJSON(`"staff": [{"role": "Officer", "hourlyCost": true, "hoursPerWeek": 20}]`, "staff"), "staff[0].hourlyCost", "number"},
		{"unsupported version", qaScenarioJSON(`"version": 7`, "version"), "version", "newer"},
		{"size in words", qaScenarioJSON(`"audience": {"size": "a million", "weights": {"18-29": 1}}`, "audience"), "audience.size", "number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := calc.ReadScenario([]byte(tt.in))
			if s != nil {
				t.Errorf("ReadScenario returned a scenario with its error")
			}
			ps := qaProblems(t, err)
			p := qaFind(ps, tt.field)
			if p == nil {
				t.Fatalf("no problem at %s: %v", tt.field, ps)
			}
			if !strings.Contains(p.Message, tt.word) {
				t.Errorf("message %q does not contain %q", p.Message, tt.word)
			}
		})
	}
}

// Compute, Validate and Recommend never panic, whatever they are given, and a catalog
// is never changed by a scenario checked against it.
func TestComputeNeverPanics(t *testing.T) {
	c := calc.Embedded()
	imported := qaInline()
	imported.ID = "imported"
	if err := c.Add(imported); err != nil {
		t.Fatal(err)
	}
	idsBefore := fmt.Sprint(c.IDs())

	weird := map[string]*calc.Scenario{
		"nil":       nil,
		"zero":      {},
		"zero size": {Name: "n", Currency: "EUR", HorizonMonths: 1, Dataset: "pew-us-2023"},
		"empty inline dataset": {Name: "n", Currency: "EUR", HorizonMonths: 1, DatasetInline: &calc.Dataset{},
			Audience: calc.Audience{Weights: map[string]decimal.Decimal{"a": qaDec("1")}}},
		"inline dataset without platforms": {Name: "n", Currency: "EUR", HorizonMonths: 1,
			DatasetInline: &calc.Dataset{ID: "d", Title: "t", Source: "s", Year: 2020, Measure: "m", Segments: []calc.Segment{{ID: "a"}}},
			Audience:      calc.Audience{Weights: map[string]decimal.Decimal{"a": qaDec("1")}}},
		"inline dataset with zero fullHours": func() *calc.Scenario {
			s := qaValidScenario()
			s.Dataset, s.DatasetInline, s.Plan = "", qaInline(), []calc.PlanLine{{Platform: "p1", Role: "Digital officer", HoursPerWeek: qaDec("3")}}
			s.DatasetInline.Platforms[0].Params.FullHours = decimal.Zero
			s.DatasetInline.Platforms[0].Params.MinHours = decimal.Zero
			s.Audience.Weights = map[string]decimal.Decimal{"a": qaDec("1")}
			return s
		}(),
		"plan without staff": {Name: "n", Currency: "EUR", HorizonMonths: 3, Dataset: "pew-us-2023",
			Audience: calc.Audience{Size: qaDec("10"), Weights: map[string]decimal.Decimal{"65+": qaDec("1")}},
			Plan:     []calc.PlanLine{{Platform: "facebook", Role: "Nobody", HoursPerWeek: qaDec("3")}}},
		"role with nil everything": {Name: "n", Currency: "EUR", HorizonMonths: 3, Dataset: "pew-us-2023",
			Audience: calc.Audience{Size: qaDec("10"), Weights: map[string]decimal.Decimal{"65+": qaDec("1")}},
			Staff:    []calc.Role{{}}, Plan: []calc.PlanLine{{Platform: "facebook", HoursPerWeek: qaDec("1")}}},
		"huge numbers": {Name: "n", Currency: "EUR", HorizonMonths: 120, Dataset: "pew-us-2023",
			Audience: calc.Audience{Size: qaDec("1e30"), Weights: map[string]decimal.Decimal{"65+": qaDec("1e30")}},
			Staff:    []calc.Role{{Name: "r", HourlyCost: qaPtr("1e20"), HoursPerWeek: qaDec("1e9")}}},
		"tiny numbers": {Name: "n", Currency: "EUR", HorizonMonths: 1, Dataset: "pew-us-2023",
			Audience: calc.Audience{Size: qaDec("1"), Weights: map[string]decimal.Decimal{"65+": qaDec("1e-30")}},
			Staff:    []calc.Role{{Name: "r", AnnualSalary: qaPtr("1e-20"), ProductiveHours: qaPtr("1e-20"), HoursPerWeek: qaDec("1")}}},
		"maturity unsorted and out of range": func() *calc.Scenario {
			s := qaValidScenario()
			s.Maturity = []calc.Anchor{{Month: qaDec("5"), Factor: qaDec("2")}, {Month: qaDec("1"), Factor: qaDec("-1")}, {Month: qaDec("1"), Factor: qaDec("0")}}
			return s
		}(),
		"imported dataset, over-allocated": func() *calc.Scenario {
			s := qaValidScenario()
			s.Dataset = "imported"
			s.Audience.Weights = map[string]decimal.Decimal{"b": qaDec("1")}
			s.Plan = []calc.PlanLine{{Platform: "p1", Role: "Press attaché", HoursPerWeek: qaDec("100")}}
			return s
		}(),
		"valid, on the imported dataset": func() *calc.Scenario {
			s := qaValidScenario()
			s.Dataset = "imported"
			s.Audience.Weights = map[string]decimal.Decimal{"b": qaDec("1")}
			s.Plan = []calc.PlanLine{{Platform: "p1", Role: "Press attaché", HoursPerWeek: qaDec("4")}}
			return s
		}(),
	}
	for name, s := range weird {
		t.Run(name, func(t *testing.T) {
			var verr, cerr error
			var r *calc.Result
			qaCall(t, "Validate", func() { verr = calc.Validate(s, c) })
			qaCall(t, "Compute", func() { r, cerr = calc.Compute(s, c) })
			qaCall(t, "Recommend", func() { _, _ = calc.Recommend(s, c) })
			if (verr == nil) != (cerr == nil) {
				t.Errorf("Validate says %v, Compute says %v", verr, cerr)
			}
			if cerr != nil {
				var ie *calc.InputError
				if !errors.As(cerr, &ie) {
					t.Errorf("Compute's error is %T, want *InputError", cerr)
				}
				if r != nil {
					t.Errorf("Compute returned a result with its error")
				}
			} else if name != "valid, on the imported dataset" {
				t.Errorf("Compute accepted %s", name)
			}
		})
	}
	if got := fmt.Sprint(c.IDs()); got != idsBefore {
		t.Errorf("the catalog changed from %s to %s", idsBefore, got)
	}
}
