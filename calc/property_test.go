package calc

// Properties of Compute over random valid scenarios (fixed seeds), read from
// MODEL.md, section "Computation": costs add up, reach stays within the audience,
// n/a exactly when a denominator is 0, and the monthly series agree with the totals.

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// propRandomPlan spreads part of each role's hours over random platforms, up to 4
// lines per role, in quarter hours; a platform may get lines from several roles.
func propRandomPlan(r *rand.Rand, s *Scenario, ds *Dataset) []PlanLine {
	var plan []PlanLine
	q := bfDec("0.25")
	for _, ro := range s.Staff {
		left := ro.HoursPerWeek
		for n := r.IntN(5); n > 0 && left.IsPositive(); n-- {
			k := 1 + r.IntN(int(left.Div(q).IntPart()))
			h := q.Mul(decimal.NewFromInt(int64(k)))
			plan = append(plan, PlanLine{Platform: ds.Platforms[r.IntN(len(ds.Platforms))].ID, Role: ro.Name, HoursPerWeek: h})
			left = left.Sub(h)
		}
	}
	return plan
}

// propRandomEmbedded is a random valid scenario on an embedded dataset: random staff,
// plan, horizon (1–120), audience, overrides, value, benefits and maturity curve.
func propRandomEmbedded(r *rand.Rand, name string) *Scenario {
	s := DefaultScenario()
	s.Name = name
	s.Ranges = nil // the default scenario's range of valuePer1000 holds only its own value
	if r.IntN(3) == 0 {
		s.Dataset = "reuters-dnr-2025"
	}
	ds := Embedded().Get(s.Dataset)
	s.HorizonMonths = 1 + r.IntN(MaxHorizonMonths)
	s.Audience.Size = decimal.NewFromInt(bfPick1[int64](r, 0, 1, 5000, 1500000, 1500000, 1_000_000_000))
	s.Audience.Weights = map[string]decimal.Decimal{}
	for _, seg := range ds.Segments {
		if r.IntN(3) > 0 {
			s.Audience.Weights[seg.ID] = bfDec(bfPick1(r, "0", "1", "21", "0.35"))
		}
	}
	s.Audience.Weights[ds.Segments[r.IntN(len(ds.Segments))].ID] = bfDec("2")
	s.Staff = nil
	for i := 0; i < 1+r.IntN(3); i++ {
		ro := Role{Name: fmt.Sprintf("Officer %d", i), HoursPerWeek: bfDec(bfPick1(r, "0", "2", "5", "10", "20", "37.5"))}
		switch r.IntN(3) {
		case 0:
			ro.AnnualSalary = bfPtr(bfPick1(r, "52000", "120000", "0"))
			if r.IntN(2) == 0 {
				ro.OnCost, ro.Overhead, ro.ProductiveHours = bfPtr("0.25"), bfPtr("0"), bfPtr("1600")
			}
		default:
			ro.HourlyCost = bfPtr(bfPick1(r, "0", "18.5", "50.79", "50.79", "95"))
		}
		s.Staff = append(s.Staff, ro)
	}
	s.Plan = propRandomPlan(r, s, ds)
	s.Platforms = map[string]PlatformOverride{}
	for i := 0; i < r.IntN(4); i++ {
		pl := ds.Platforms[r.IntN(len(ds.Platforms))]
		min := bfDec(bfPick1(r, "0", "1", "3"))
		s.Platforms[pl.ID] = PlatformOverride{MinHours: &min, FullHours: bfPtr(min.Add(bfDec(bfPick1(r, "1", "5"))).String()),
			SetupHours: bfPtr(bfPick1(r, "0", "40")), ToolCost: bfPtr(bfPick1(r, "0", "29.99")), AdCost: bfPtr(bfPick1(r, "0", "500"))}
	}
	switch r.IntN(4) {
	case 0:
		s.ValuePer1000 = nil
	case 1:
		s.ValuePer1000 = bfPtr("0")
	default:
		s.ValuePer1000 = bfPtr(bfPick1(r, "10.00", "2.5", "80"))
	}
	if r.IntN(2) == 0 {
		s.Benefits = []Benefit{{Name: "Travel avoided", AmountPerMonth: bfDec(bfPick1(r, "0", "350", "1200")), Ramped: r.IntN(2) == 0}}
	}
	switch r.IntN(4) {
	case 0:
		s.Maturity = []Anchor{{Month: bfDec("0"), Factor: bfDec("0")}}
	case 1:
		s.Maturity = []Anchor{{Month: bfDec("3"), Factor: bfDec("0.2")}, {Month: bfDec("24"), Factor: bfDec("0.95")}}
	}
	return s
}

// propScenarios returns n random valid scenarios, half on small inline datasets and
// half on the embedded ones, with plans that often mix roles on one platform and put
// hours below a platform's minimum.
func propScenarios(t *testing.T, seed uint64, n int) []*Scenario {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	var out []*Scenario
	for i := 0; i < n; i++ {
		var s *Scenario
		if i%2 == 0 {
			s = bfRandomScenario(r, fmt.Sprintf("small %d", i))
			s.Plan = propRandomPlan(r, s, s.DatasetInline)
		} else {
			s = propRandomEmbedded(r, fmt.Sprintf("embedded %d", i))
		}
		if err := Validate(s, nil); err != nil {
			t.Fatalf("the generator made an invalid scenario: %v\n%s", err, bfScenarioText(s))
		}
		out = append(out, s)
	}
	return out
}

func propCompute(t *testing.T, s *Scenario) *Result {
	t.Helper()
	res, err := Compute(s, nil)
	if err != nil {
		t.Fatalf("Compute: %v\n%s", err, bfScenarioText(s))
	}
	return res
}

// propClose reports whether a and b differ by at most tol.
func propClose(a, b decimal.Decimal, tol string) bool {
	return a.Sub(b).Abs().LessThanOrEqual(bfDec(tol))
}

// TestPropertyTotals checks, for random scenarios, the relations MODEL.md gives
// between the results.
func TestPropertyTotals(t *testing.T) {
	for i, s := range propScenarios(t, 31, 400) {
		res := propCompute(t, s)
		tt := res.Totals
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("scenario %d: %s\n%s", i, fmt.Sprintf(format, args...), bfScenarioText(s))
		}
		ds := bfDataset(t, s)
		N := s.Audience.Size
		H := decimal.NewFromInt(int64(s.HorizonMonths))

		// Cost = StaffCost + CashCost, and the cash part is tools and ads of the
		// platforms in the plan, every month.
		if !tt.Cost.Equal(tt.StaffCost.Add(tt.CashCost)) {
			fail("Cost %s ≠ StaffCost %s + CashCost %s", tt.Cost, tt.StaffCost, tt.CashCost)
		}
		hours := bfPlanHours(t, ds, s.Plan)
		cash := decimal.Zero
		for p := range ds.Platforms {
			if hours[p].IsPositive() {
				pr := bfParams(s, &ds.Platforms[p])
				cash = cash.Add(pr.ToolCost.Add(pr.AdCost).Mul(H))
			}
		}
		if !tt.CashCost.Equal(cash) {
			fail("CashCost %s, want H × Σ (toolCost + adCost) = %s", tt.CashCost, cash)
		}
		if tt.Cost.IsNegative() || tt.StaffCost.IsNegative() {
			fail("negative cost %s / staff cost %s", tt.Cost, tt.StaffCost)
		}
		if len(s.Plan) == 0 && !tt.Cost.IsZero() {
			fail("no plan, yet cost %s", tt.Cost)
		}

		// The months add up to the totals; the cumulative series are running sums and
		// the last cumulative net is the net.
		if len(res.Months) != s.HorizonMonths {
			fail("%d months, want %d", len(res.Months), s.HorizonMonths)
			continue
		}
		sumCost, sumStaff, sumValue, sumReach := decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
		breakEven := 0
		for j, m := range res.Months {
			if m.Month != j+1 {
				fail("month %d is numbered %d", j+1, m.Month)
			}
			sumCost, sumStaff, sumValue = sumCost.Add(m.Cost), sumStaff.Add(m.StaffCost), sumValue.Add(m.Value)
			sumReach = sumReach.Add(m.UniqueReach)
			if !m.CumulativeCost.Equal(sumCost) || !m.CumulativeValue.Equal(sumValue) || !m.CumulativeNet.Equal(sumValue.Sub(sumCost)) {
				fail("month %d: cumulative cost/value/net %s/%s/%s, want %s/%s/%s", m.Month,
					m.CumulativeCost, m.CumulativeValue, m.CumulativeNet, sumCost, sumValue, sumValue.Sub(sumCost))
			}
			// Monthly unique reach is within [0, N].
			if m.UniqueReach.IsNegative() || m.UniqueReach.GreaterThan(N) {
				fail("month %d: unique reach %s outside [0, %s]", m.Month, m.UniqueReach, N)
			}
			// Only month 1 differs (set-up hours), and by a non-negative amount.
			if j >= 2 && !m.Cost.Equal(res.Months[1].Cost) {
				fail("month %d costs %s, month 2 %s: only month 1 may differ", m.Month, m.Cost, res.Months[1].Cost)
			}
			if j == 1 && m.Cost.GreaterThan(res.Months[0].Cost) {
				fail("month 2 costs %s, more than month 1 %s", m.Cost, res.Months[0].Cost)
			}
			if breakEven == 0 && sumCost.IsPositive() && !sumValue.LessThan(sumCost) {
				breakEven = m.Month
			}
		}
		if !sumCost.Equal(tt.Cost) {
			fail("Σ months' cost %s ≠ Cost %s", sumCost, tt.Cost)
		}
		if !sumStaff.Equal(tt.StaffCost) {
			fail("Σ months' staff cost %s ≠ StaffCost %s", sumStaff, tt.StaffCost)
		}
		if !sumValue.Equal(tt.Value) {
			fail("Σ months' value %s ≠ Value %s", sumValue, tt.Value)
		}
		if !sumReach.Equal(tt.Reach) {
			fail("Σ months' unique reach %s ≠ Reach %s", sumReach, tt.Reach)
		}
		if last := res.Months[len(res.Months)-1]; !last.CumulativeNet.Equal(tt.Net) {
			fail("last cumulative net %s ≠ Net %s", last.CumulativeNet, tt.Net)
		}
		if !tt.Net.Equal(tt.Value.Sub(tt.Cost)) {
			fail("Net %s ≠ Value %s − Cost %s", tt.Net, tt.Value, tt.Cost)
		}
		if tt.BreakEvenMonth != breakEven {
			fail("BreakEvenMonth %d, the series says %d", tt.BreakEvenMonth, breakEven)
		}

		// n/a exactly when the denominator is 0.
		if tt.ROI.Valid == tt.Cost.IsZero() {
			fail("ROI valid = %v with cost %s", tt.ROI.Valid, tt.Cost)
		}
		if tt.ROI.Valid && !propClose(tt.ROI.Decimal.Mul(tt.Cost), tt.Net, "1e-15") {
			fail("ROI %s × Cost %s ≠ Net %s", tt.ROI.Decimal, tt.Cost, tt.Net)
		}
		if tt.HiddenCostShare.Valid == tt.Cost.IsZero() {
			fail("HiddenCostShare valid = %v with cost %s", tt.HiddenCostShare.Valid, tt.Cost)
		}
		if tt.HiddenCostShare.Valid && (tt.HiddenCostShare.Decimal.IsNegative() || tt.HiddenCostShare.Decimal.GreaterThan(decimal.NewFromInt(1))) {
			fail("HiddenCostShare %s outside [0, 1]", tt.HiddenCostShare.Decimal)
		}
		if tt.CostPer1000Reached.Valid != tt.Reach.IsPositive() {
			fail("CostPer1000Reached valid = %v with reach %s", tt.CostPer1000Reached.Valid, tt.Reach)
		}

		// Platforms: their costs add up to the total; unique reach is at least the
		// largest platform's reach and at most their sum (people reached on several
		// platforms count once a month).
		sumPCost, sumPReach, maxPReach := decimal.Zero, decimal.Zero, decimal.Zero
		for p, row := range res.Platforms {
			sumPCost = sumPCost.Add(row.Cost)
			sumPReach = sumPReach.Add(row.Reach)
			maxPReach = decimal.Max(maxPReach, row.Reach)
			if !row.HoursPerWeek.Equal(hours[p]) {
				fail("%s: %s hours, the plan gives %s", row.ID, row.HoursPerWeek, hours[p])
			}
			if !row.InPlan && !row.Cost.IsZero() {
				fail("%s: not in the plan but costs %s", row.ID, row.Cost)
			}
			pr := bfParams(s, &ds.Platforms[p])
			if hours[p].IsPositive() && hours[p].LessThan(pr.MinHours) {
				if !row.Reach.IsZero() || row.Credible {
					fail("%s: %s hours, below the minimum %s, yet reaches %s", row.ID, hours[p], pr.MinHours, row.Reach)
				}
				if want := pr.ToolCost.Add(pr.AdCost).Mul(H); !row.CashCost.Equal(want) {
					fail("%s: below the minimum it still pays tools and ads, %s, got %s", row.ID, want, row.CashCost)
				}
			}
		}
		if !sumPCost.Equal(tt.Cost) {
			fail("Σ platforms' cost %s ≠ Cost %s", sumPCost, tt.Cost)
		}
		if tt.Reach.LessThan(maxPReach.Sub(bfDec("1e-12"))) || tt.Reach.GreaterThan(sumPReach.Add(bfDec("1e-12"))) {
			fail("Reach %s outside [max platform %s, Σ platforms %s]", tt.Reach, maxPReach, sumPReach)
		}
		if tt.Reach.GreaterThan(N.Mul(H)) {
			fail("Reach %s above N × H = %s", tt.Reach, N.Mul(H))
		}
	}
}

// propLineRate is the rate of plan line i's role, and the average rate of its
// platform's lines.
func propLineRate(s *Scenario, i int) (rate, avg decimal.Decimal) {
	rateOf := func(name string) decimal.Decimal {
		for _, ro := range s.Staff {
			if ro.Name == name {
				return bfRate(ro)
			}
		}
		panic("no role " + name)
	}
	weekly, h := decimal.Zero, decimal.Zero
	for _, l := range s.Plan {
		if l.Platform == s.Plan[i].Platform {
			weekly = weekly.Add(l.HoursPerWeek.Mul(rateOf(l.Role)))
			h = h.Add(l.HoursPerWeek)
		}
	}
	return rateOf(s.Plan[i].Role), weekly.DivRound(h, 40)
}

// TestPropertyMoreHours adds hours to a plan line (and to its role's available
// hours): reach never falls, and the cost never falls when the line's role costs at
// least its platform's average rate (always so when a platform has one role; see
// TestPropertyMixedRatesSetupCost for the other case). A new line on a platform
// outside the plan never lowers the cost either.
func TestPropertyMoreHours(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	checked := 0
	for i, s := range propScenarios(t, 47, 400) {
		before := propCompute(t, s)
		c := *s
		c.Staff = append([]Role(nil), s.Staff...)
		c.Plan = append([]PlanLine(nil), s.Plan...)
		delta := bfDec(bfPick1(r, "0.25", "0.5", "1", "2.5", "10"))
		var li int
		if len(c.Plan) == 0 || r.IntN(4) == 0 {
			// A new line for a platform outside the plan.
			ds := bfDataset(t, s)
			hours := bfPlanHours(t, ds, s.Plan)
			var free []string
			for p, h := range hours {
				if h.IsZero() {
					free = append(free, ds.Platforms[p].ID)
				}
			}
			if len(free) == 0 || len(c.Staff) == 0 {
				continue
			}
			c.Plan = append(c.Plan, PlanLine{Platform: free[r.IntN(len(free))], Role: c.Staff[r.IntN(len(c.Staff))].Name})
			li = len(c.Plan) - 1
		} else {
			li = r.IntN(len(c.Plan))
		}
		c.Plan[li].HoursPerWeek = c.Plan[li].HoursPerWeek.Add(delta)
		for k := range c.Staff {
			if c.Staff[k].Name == c.Plan[li].Role {
				c.Staff[k].HoursPerWeek = decimal.Min(c.Staff[k].HoursPerWeek.Add(delta), decimal.NewFromInt(168))
			}
		}
		if Validate(&c, nil) != nil {
			continue // over 168 hours a week
		}
		after := propCompute(t, &c)
		if after.Totals.Reach.LessThan(before.Totals.Reach.Sub(bfDec("1e-12"))) {
			t.Errorf("scenario %d: %s more hours on line %d lower reach from %s to %s\n%s", i, delta, li, before.Totals.Reach, after.Totals.Reach, bfScenarioText(s))
		}
		rate, avg := propLineRate(&c, li)
		if !rate.LessThan(avg) || li >= len(s.Plan) {
			checked++
			if after.Totals.Cost.LessThan(before.Totals.Cost) {
				t.Errorf("scenario %d: %s more hours on line %d (rate %s, platform average %s) lower the cost from %s to %s\n%s",
					i, delta, li, rate, avg, before.Totals.Cost, after.Totals.Cost, bfScenarioText(s))
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d cost checks; the generator should give more", checked)
	}
}

// TestPropertyMixedRatesSetupCost records a consequence of the model: set-up hours
// are paid at the platform's average rate, so more hours from a cheap role on a
// platform that also has a dear one can lower the total cost.
//
// One month, set-up 100 hours, no tools or ads. Lines: Dear (100/h) 1 h and Cheap
// (1/h) 1 h: weekly 101, month 101 × 52 / 12 = 437.67, set-up 100 × 101 / 2 = 5050,
// cost 5487.67. With Cheap at 5 h: weekly 105, month 455, set-up 100 × 105 / 6 = 1750,
// cost 2205.
func TestPropertyMixedRatesSetupCost(t *testing.T) {
	p := bfPlat("p", "1", "0", "10", "0.1")
	p.Params.SetupHours = bfDec("100")
	s := bfTwinScenario("0", p)
	s.HorizonMonths = 1
	s.Staff = []Role{
		{Name: "Dear", HourlyCost: bfPtr("100"), HoursPerWeek: bfDec("1")},
		{Name: "Cheap", HourlyCost: bfPtr("1"), HoursPerWeek: bfDec("5")},
	}
	s.Plan = []PlanLine{{"p", "Dear", bfDec("1")}, {"p", "Cheap", bfDec("1")}}
	before := propCompute(t, s)
	s.Plan[1].HoursPerWeek = bfDec("5")
	after := propCompute(t, s)
	wantBefore := bfDec("5050").Add(bfDec("101").Mul(decimal.NewFromInt(52)).DivRound(decimal.NewFromInt(12), 40))
	if !propClose(before.Totals.Cost, wantBefore, "1e-20") {
		t.Errorf("cost with 2 hours: %s, want %s", before.Totals.Cost, wantBefore)
	}
	if !propClose(after.Totals.Cost, bfDec("2205"), "1e-20") {
		t.Errorf("cost with 6 hours: %s, want 2205", after.Totals.Cost)
	}
}
