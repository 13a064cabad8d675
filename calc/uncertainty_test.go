package calc_test

// Tests of the uncertainty (MODEL.md, section Uncertainty). They also run compiled to
// WebAssembly (make wasmtest): the simulation's figures must be the same there.

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

func uncertaintyOf(t *testing.T, s *calc.Scenario) *calc.Uncertainty {
	t.Helper()
	u, err := calc.ComputeUncertainty(s, nil, nil)
	if err != nil {
		t.Fatalf("ComputeUncertainty: %v", err)
	}
	return u
}

func scenarioFile(t *testing.T, name string) *calc.Scenario {
	t.Helper()
	s, err := qaScenarioFile(name)()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// known sets every uncertain parameter of s's planned platforms as typed (at the
// value in use) and removes every range: s then has no uncertain input.
func known(t *testing.T, s *calc.Scenario) *calc.Scenario {
	t.Helper()
	r, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := *s
	c.Ranges = nil
	c.Platforms = map[string]calc.PlatformOverride{}
	for id, o := range s.Platforms {
		c.Platforms[id] = o
	}
	for _, p := range r.Platforms {
		if !p.InPlan {
			continue
		}
		o := c.Platforms[p.ID]
		pr := p.Params
		o.ReachRate, o.MinHours, o.FullHours, o.SetupHours = &pr.ReachRate, &pr.MinHours, &pr.FullHours, &pr.SetupHours
		c.Platforms[p.ID] = o
	}
	return &c
}

// Where each range comes from: the scenario's ranges first, then for an assumed
// parameter left at its default the dataset's ranges or the default relative range;
// a typed value without a range, a sourced figure, and a platform not in the plan
// have none.
func TestUncertainInputs(t *testing.T) {
	s, err := calc.ReadScenario([]byte(qaScenarioJSON(`"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024,
		"measure": "M", "segments": [{"id": "18-29"}], "platforms": [
		{"id": "a", "name": "A", "penetration": {"18-29": 0.5}, "minHours": 1, "fullHours": 4, "reachRate": 0.6,
		 "setupHours": 10, "toolCost": "0", "adCost": "0", "assumed": ["reachRate", "minHours", "fullHours", "setupHours"],
		 "ranges": {"fullHours": {"low": 3, "high": 6}}},
		{"id": "b", "name": "B", "penetration": {"18-29": 0.5}, "minHours": 1, "fullHours": 4, "reachRate": 0.1,
		 "setupHours": 10, "toolCost": "0", "adCost": "0", "assumed": ["reachRate"]},
		{"id": "c", "name": "C", "penetration": {"18-29": 0.5}, "minHours": 1, "fullHours": 4, "reachRate": 0.1,
		 "setupHours": 10, "toolCost": "0", "adCost": "0", "assumed": ["reachRate", "minHours", "fullHours", "setupHours"]}]},
		"platforms": {"a": {"minHours": 2}, "b": {"reachRate": 0.2}},
		"plan": [{"platform": "b", "role": "Officer", "hoursPerWeek": 2}, {"platform": "a", "role": "Officer", "hoursPerWeek": 3}],
		"ranges": {"platforms": {"a": {"setupHours": {"low": 5, "high": 10}}, "c": {"reachRate": {"low": 0, "high": 0.2}}}}`, "dataset", "plan")))
	if err != nil {
		t.Fatal(err)
	}
	u := uncertaintyOf(t, s)
	var got []string
	for _, in := range u.Inputs {
		got = append(got, in.Name+" "+in.Low.String()+"/"+in.Base.String()+"/"+in.High.String()+" "+string(in.From))
	}
	want := []string{
		"platforms.a.reachRate 0.3/0.6/1 default", // 0.6 × 2 capped at 1
		"platforms.a.fullHours 3/4/6 dataset",     // minHours is typed: known
		"platforms.a.setupHours 5/10/10 scenario", // the scenario's range comes first
		// b: its reach rate is typed, the rest sourced; c is not in the plan.
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inputs:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// The same scenario and seed give the same figures, draw for draw; another seed gives
// others. The figures are pinned, so that a machine (or WebAssembly) that draws other
// numbers fails here.
func TestSimulationRepeats(t *testing.T) {
	s := calc.DefaultScenario()
	a, b := uncertaintyOf(t, s).Simulation, uncertaintyOf(t, s).Simulation
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs differ:\n%+v\n%+v", a, b)
	}
	if a.Draws != calc.DefaultDraws || a.Seed != calc.DefaultSeed {
		t.Errorf("draws %d, seed %d: want the defaults", a.Draws, a.Seed)
	}
	if got := calc.Money(a.Net.P50.Decimal) + " " + calc.Money(a.Net.Mean.Decimal) + " " + calc.People(a.AverageMonthlyReach.P90.Decimal); got != "-52291.51 -52073.34 42924" {
		t.Errorf("default scenario, seed 1: net p50, mean and reach p90 are %s", got)
	}
	seed := int64(2)
	s.Simulation = &calc.SimulationSettings{Seed: &seed}
	if c := uncertaintyOf(t, s).Simulation; c.Net.Mean.Decimal.Equal(a.Net.Mean.Decimal) {
		t.Errorf("seeds 1 and 2 give the same mean net %s", c.Net.Mean.Decimal)
	}
}

// With no uncertain input every draw is the exact result: every figure equals it
// within 0.01 (money) or 1 person.
func TestSimulationExactWithoutUncertainty(t *testing.T) {
	for _, name := range []string{"default", "net-objective", "youth-outreach", "reuters-news"} {
		t.Run(name, func(t *testing.T) {
			s := calc.DefaultScenario()
			if name != "default" {
				s = scenarioFile(t, name)
			}
			s = known(t, s)
			u := uncertaintyOf(t, s)
			if len(u.Inputs) != 0 || len(u.Sensitivity) != 0 || len(u.Robustness) != 0 {
				t.Fatalf("uncertain inputs left: %+v", u.Inputs)
			}
			r, _ := calc.Compute(s, nil)
			tt := r.Totals
			sim := u.Simulation
			check := func(what string, sp calc.Spread, want decimal.NullDecimal, tol string) {
				t.Helper()
				for i, got := range []decimal.NullDecimal{sp.P10, sp.P50, sp.P90, sp.Mean} {
					if got.Valid != want.Valid || got.Decimal.Sub(want.Decimal).Abs().GreaterThan(decimal.RequireFromString(tol)) {
						t.Errorf("%s figure %d: %v, exact %v", what, i, got, want)
					}
				}
			}
			check("cost", sim.Cost, decimal.NewNullDecimal(tt.Cost), "0.01")
			check("value", sim.Value, decimal.NewNullDecimal(tt.Value), "0.01")
			check("net", sim.Net, decimal.NewNullDecimal(tt.Net), "0.01")
			check("roi", sim.ROI, tt.ROI, "0.0001")
			check("cost per 1,000", sim.CostPer1000Reached, tt.CostPer1000Reached, "0.01")
			check("average monthly reach", sim.AverageMonthlyReach, decimal.NewNullDecimal(tt.AverageMonthlyReach), "1")
			share := decimal.Zero
			if !tt.Net.Round(2).IsNegative() {
				share = decimal.NewFromInt(1)
			}
			if !sim.ShareNetAtLeastZero.Equal(share) {
				t.Errorf("share of draws with net ≥ 0: %s, want %s", sim.ShareNetAtLeastZero, share)
			}
		})
	}
}

// Net is linear in valuePer1000, so with only valuePer1000 uncertain the simulation's
// mean net is the exact net at the triangular distribution's mean (low + base + high)
// / 3, within the sampling error: 4 standard errors of the mean.
func TestSimulationMeanWhereLinear(t *testing.T) {
	s := known(t, calc.DefaultScenario())
	lo, mode, hi := 5.0, 10.0, 20.0
	s.Ranges = &calc.Ranges{ValuePer1000: &calc.Range{Low: decimal.NewFromFloat(lo), High: decimal.NewFromFloat(hi)}}
	u := uncertaintyOf(t, s)
	if len(u.Inputs) != 1 {
		t.Fatalf("inputs %+v, want valuePer1000 alone", u.Inputs)
	}
	at := *s
	v := decimal.NewFromInt(5+10+20).DivRound(decimal.NewFromInt(3), 12)
	at.ValuePer1000, at.Ranges = &v, nil
	r, err := calc.Compute(&at, nil)
	if err != nil {
		t.Fatal(err)
	}
	reach := r.Totals.Reach.InexactFloat64()
	sd := math.Sqrt((lo*lo + mode*mode + hi*hi - lo*mode - lo*hi - mode*hi) / 18)
	stdErr := reach / 1000 * sd / math.Sqrt(float64(u.Simulation.Draws))
	got, want := u.Simulation.Net.Mean.Decimal.InexactFloat64(), r.Totals.Net.InexactFloat64()
	if math.Abs(got-want) > 4*stdErr {
		t.Errorf("mean net %.2f, exact net at the mean value %.2f: off by %.2f, more than 4 standard errors (%.2f)", got, want, got-want, 4*stdErr)
	}
	// Cost does not depend on the value: every draw has the exact cost.
	if !u.Simulation.Cost.P10.Decimal.Sub(r.Totals.Cost).Abs().LessThanOrEqual(decimal.RequireFromString("0.01")) {
		t.Errorf("cost p10 %s, exact %s", u.Simulation.Cost.P10.Decimal, r.Totals.Cost)
	}
}

// Percentiles are in order, the share of paying draws is a share, and every figure's
// percentiles lie within its draws' range.
func TestSimulationOrder(t *testing.T) {
	for _, name := range []string{"default", "net-objective", "youth-outreach", "reuters-news"} {
		s := calc.DefaultScenario()
		if name != "default" {
			s = scenarioFile(t, name)
		}
		sim := uncertaintyOf(t, s).Simulation
		for what, sp := range map[string]calc.Spread{"cost": sim.Cost, "value": sim.Value, "net": sim.Net, "roi": sim.ROI,
			"averageMonthlyReach": sim.AverageMonthlyReach, "costPer1000Reached": sim.CostPer1000Reached} {
			if sp.N == 0 {
				continue
			}
			if sp.P10.Decimal.GreaterThan(sp.P50.Decimal) || sp.P50.Decimal.GreaterThan(sp.P90.Decimal) {
				t.Errorf("%s: %s p10 %s, p50 %s, p90 %s out of order", name, what, sp.P10.Decimal, sp.P50.Decimal, sp.P90.Decimal)
			}
		}
		if sim.ShareNetAtLeastZero.IsNegative() || sim.ShareNetAtLeastZero.GreaterThan(decimal.NewFromInt(1)) {
			t.Errorf("%s: share %s", name, sim.ShareNetAtLeastZero)
		}
	}
}

// The sensitivity list holds every input with low < high, ordered by |Δnet| to the
// cent, then |Δreach| to the person; robustness takes its first five, with sets of
// platforms in dataset order.
func TestSensitivityAndRobustness(t *testing.T) {
	s := scenarioFile(t, "net-objective")
	u := uncertaintyOf(t, s)
	n := 0
	for _, in := range u.Inputs {
		if in.Low.LessThan(in.High) {
			n++
		}
	}
	if len(u.Sensitivity) != n {
		t.Errorf("%d sensitivity entries for %d inputs with low < high", len(u.Sensitivity), n)
	}
	key := func(x calc.Sensitivity) (decimal.Decimal, decimal.Decimal) {
		return x.NetAtHigh.Sub(x.NetAtLow).Abs().Round(2), x.ReachAtHigh.Sub(x.ReachAtLow).Abs().Round(0)
	}
	for i := 1; i < len(u.Sensitivity); i++ {
		n0, r0 := key(u.Sensitivity[i-1])
		n1, r1 := key(u.Sensitivity[i])
		if n1.GreaterThan(n0) || (n1.Equal(n0) && r1.GreaterThan(r0)) {
			t.Errorf("%s comes after %s", u.Sensitivity[i].Input, u.Sensitivity[i-1].Input)
		}
	}
	if len(u.Robustness) != 5 {
		t.Fatalf("%d robustness entries, want 5", len(u.Robustness))
	}
	order := map[string]int{}
	for i, p := range calc.Embedded().Get("pew-us-2023").Platforms {
		order[p.ID] = i
	}
	for i, rb := range u.Robustness {
		if rb.Input != u.Sensitivity[i].Input {
			t.Errorf("robustness %d is %s, sensitivity %d is %s", i, rb.Input, i, u.Sensitivity[i].Input)
		}
		for _, set := range [][]string{rb.AtLow, rb.AtHigh} {
			for j := 1; j < len(set); j++ {
				if order[set[j-1]] >= order[set[j]] {
					t.Errorf("%s: %v is not in dataset order", rb.Input, set)
				}
			}
		}
		if same := reflect.DeepEqual(rb.AtLow, u.Recommended) && reflect.DeepEqual(rb.AtHigh, u.Recommended); same != rb.Same {
			t.Errorf("%s: same %v, but the sets are %v, %v and the recommendation's %v", rb.Input, rb.Same, rb.AtLow, rb.AtHigh, u.Recommended)
		}
	}
	// The benefit lines never change which plan is best.
	for _, rb := range u.Robustness {
		if strings.HasPrefix(rb.Input, "benefits[") && !rb.Same {
			t.Errorf("%s changed the recommendation: %v, %v", rb.Input, rb.AtLow, rb.AtHigh)
		}
	}
}

// The switching values' n/a cases.
func TestSwitchingNull(t *testing.T) {
	sw := func(edit func(s *calc.Scenario)) calc.Switching {
		s := calc.DefaultScenario()
		s.Ranges = nil
		edit(s)
		return uncertaintyOf(t, s).Switching
	}
	zero, thousand := decimal.Zero, decimal.NewFromInt(1000)
	if w := sw(func(s *calc.Scenario) { s.ValuePer1000 = &zero }); w.ReachRateScaleForBreakEven.Valid || !w.ValuePer1000ForBreakEven.Valid {
		t.Errorf("valuePer1000 0: %+v; want the scale n/a and the value per 1,000 given", w)
	}
	if w := sw(func(s *calc.Scenario) { s.Plan = nil }); w.ValuePer1000ForBreakEven.Valid || !w.ReachRateScaleForBreakEven.Decimal.IsZero() {
		t.Errorf("no plan (no reach, no cost): %+v; want value per 1,000 n/a and the scale 0 (net 0 already)", w)
	}
	if w := sw(func(s *calc.Scenario) {
		s.Plan = s.Plan[:1]
		s.Plan[0].HoursPerWeek = decimal.NewFromInt(1) // below Facebook's minHours: no reach at any rate
	}); w.ValuePer1000ForBreakEven.Valid || w.ReachRateScaleForBreakEven.Valid {
		t.Errorf("a presence below its minimum hours: %+v; want both n/a", w)
	}
	if w := sw(func(s *calc.Scenario) { s.ValuePer1000 = &thousand }); !w.ReachRateScaleForBreakEven.Valid ||
		w.ReachRateScaleForBreakEven.Decimal.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		t.Errorf("value 1000 per 1,000 pays: %+v; want a scale below 1", w)
	}
	// The default scenario would pay at some multiple of its reach rates.
	if w := sw(func(s *calc.Scenario) {}); !w.ReachRateScaleForBreakEven.Valid {
		t.Errorf("default scenario: %+v", w)
	}
}

// Ranges that do not hold the value in use, or hold values the input does not
// accept, are refused at the end that is wrong; so are ranges of unknown platforms or
// benefit lines, and simulation settings out of range.
func TestBadRanges(t *testing.T) {
	cases := []struct {
		name, extra, field, says string
		drop                     []string
	}{
		{"value's low above it", `"ranges": {"valuePer1000": {"low": "12", "high": "20"}}`, "ranges.valuePer1000.low", "at most the value in use, 10 ", nil},
		{"value's high below it", `"ranges": {"valuePer1000": {"low": "1", "high": "9.99"}}`, "ranges.valuePer1000.high", "at least the value in use, 10 ", nil},
		{"negative money", `"ranges": {"valuePer1000": {"low": "-1", "high": "20"}}`, "ranges.valuePer1000.low", "from 0", nil},
		{"share above 1", `"ranges": {"platforms": {"facebook": {"reachRate": {"low": 0.01, "high": 1.5}}}}`, "ranges.platforms.facebook.reachRate.high", "share from 0 to 1", nil},
		{"negative hours", `"ranges": {"platforms": {"facebook": {"minHours": {"low": -1, "high": 3}}}}`, "ranges.platforms.facebook.minHours.low", "from 0 to 168", nil},
		{"fullHours 0", `"ranges": {"platforms": {"facebook": {"fullHours": {"low": 0, "high": 12}}}}`, "ranges.platforms.facebook.fullHours.low", "above 0", nil},
		{"low missing", `"ranges": {"valuePer1000": {"high": "20"}}`, "ranges.valuePer1000.low", "missing", nil},
		{"not a number", `"ranges": {"valuePer1000": {"low": "five", "high": "20"}}`, "ranges.valuePer1000.low", "five", nil},
		{"unknown platform", `"ranges": {"platforms": {"myspace": {"reachRate": {"low": 0, "high": 1}}}}`, "ranges.platforms.myspace", "myspace", nil},
		{"parameter without a range", `"ranges": {"platforms": {"facebook": {"toolCost": {"low": "0", "high": "1"}}}}`, "ranges.platforms.facebook.toolCost", "unknown field", nil},
		{"benefit line missing", `"benefits": [{"name": "B", "amountPerMonth": "100"}], "ranges": {"benefits": [null, {"low": "1", "high": "2"}]}`, "ranges.benefits[1]", "benefit line 2", nil},
		{"benefit's low above it", `"benefits": [{"name": "B", "amountPerMonth": "100"}], "ranges": {"benefits": [{"low": "101", "high": "200"}]}`, "ranges.benefits[0].low", "100", nil},
		{"too few draws", `"simulation": {"draws": 99}`, "simulation.draws", "from 100 to 20,000", nil},
		{"too many draws", `"simulation": {"draws": 20001}`, "simulation.draws", "from 100 to 20,000", nil},
		{"negative seed", `"simulation": {"seed": -1}`, "simulation.seed", "from 0 to 9,007,199,254,740,991", nil},
		{"seed not whole", `"simulation": {"seed": 1.5}`, "simulation.seed", "whole number", nil},
		{"dataset range of a sourced figure", `"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M",
			"segments": [{"id": "18-29"}], "platforms": [{"id": "facebook", "name": "F", "penetration": {"18-29": 0.5}, "minHours": 1,
			"fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0", "ranges": {"reachRate": {"low": 0, "high": 0.2}}}]}`,
			"datasetInline.platforms[0].ranges.reachRate", "does not list under assumed", []string{"dataset"}},
		{"dataset range without its default", `"datasetInline": {"id": "x", "title": "X", "source": "S", "year": 2024, "measure": "M",
			"segments": [{"id": "18-29"}], "platforms": [{"id": "facebook", "name": "F", "penetration": {"18-29": 0.5}, "minHours": 1,
			"fullHours": 2, "reachRate": 0.1, "setupHours": 0, "toolCost": "0", "adCost": "0", "assumed": ["reachRate"],
			"ranges": {"reachRate": {"low": 0.2, "high": 0.3}}}]}`, "datasetInline.platforms[0].ranges.reachRate.low", "at most the value in use, 0.1", []string{"dataset"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := calc.LoadScenario([]byte(qaScenarioJSON(`"valuePer1000": "10.00", `+c.extra, c.drop...)), nil)
			var ie *calc.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("want an InputError, got %v", err)
			}
			for _, p := range ie.Problems {
				if p.Field == c.field {
					if !strings.Contains(p.Message, c.says) {
						t.Errorf("%s: %q does not say %q", c.field, p.Message, c.says)
					}
					return
				}
			}
			t.Errorf("no problem at %s; problems: %v", c.field, ie.Problems)
		})
	}
}
