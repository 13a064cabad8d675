package calc

// Table tests of each formula of MODEL.md's "Computation" section. Every expected
// value is worked out by hand (the arithmetic is in the comments), not taken from the
// engine. Scenarios use small inline datasets so that the figures stay simple.

import (
	"testing"

	"github.com/shopspring/decimal"
)

func ftD(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ftP(s string) *decimal.Decimal { d := ftD(s); return &d }

// ftTol is the largest difference from exact arithmetic accepted for unrounded
// intermediate results (the model keeps at least 20 decimal places).
var ftTol = ftD("1e-18")

func ftNear(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if got.Sub(ftD(want)).Abs().GreaterThan(ftTol) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

// ftDataset is an inline dataset with segments "a" and "b" and the given platforms.
func ftDataset(plats ...Platform) *Dataset {
	return &Dataset{ID: "formula", Title: "Formula tests", Source: "By hand", Year: 2024,
		Measure: "Share of the segment using the platform", Segments: []Segment{{ID: "a"}, {ID: "b"}}, Platforms: plats}
}

// ftPlatform has penetration 1 in both segments, minHours 1, fullHours 10, the given
// reach rate, and no set-up, tool or ad cost.
func ftPlatform(id, reachRate string) Platform {
	return Platform{ID: id, Name: id, Penetration: map[string]decimal.Decimal{"a": ftD("1"), "b": ftD("1")},
		Params: Params{MinHours: ftD("1"), FullHours: ftD("10"), ReachRate: ftD(reachRate)}}
}

// ftScenario: audience N people all in segment "a", constant maturity 1 (a single
// anchor), one role "Officer" at 50 per hour with 100 hours a week, the given plan
// (platform → hours, all by the Officer), H months, no value.
func ftScenario(ds *Dataset, n string, h int, plan map[string]string) *Scenario {
	s := &Scenario{Name: "formula", Currency: "EUR", HorizonMonths: h, DatasetInline: ds,
		Audience: Audience{Size: ftD(n), Weights: map[string]decimal.Decimal{"a": ftD("1")}},
		Staff:    []Role{{Name: "Officer", HourlyCost: ftP("50"), HoursPerWeek: ftD("100")}},
		Maturity: []Anchor{{Month: ftD("0"), Factor: ftD("1")}}}
	for _, p := range ds.Platforms { // dataset order, so that the plan is deterministic
		if hours, ok := plan[p.ID]; ok {
			s.Plan = append(s.Plan, PlanLine{Platform: p.ID, Role: "Officer", HoursPerWeek: ftD(hours)})
		}
	}
	return s
}

func ftCompute(t *testing.T, s *Scenario) *Result {
	t.Helper()
	r, err := Compute(s, nil)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return r
}

func ftRow(t *testing.T, r *Result, id string) *PlatformResult {
	t.Helper()
	for i := range r.Platforms {
		if r.Platforms[i].ID == id {
			return &r.Platforms[i]
		}
	}
	t.Fatalf("no row for platform %s", id)
	return nil
}

func TestFormulaMaturityAt(t *testing.T) {
	def := DefaultMaturity() // (0, 0.10) (1, 0.60) (12, 1.00)
	late := []Anchor{{Month: ftD("2"), Factor: ftD("0.2")}, {Month: ftD("6"), Factor: ftD("0.6")}}
	single := []Anchor{{Month: ftD("3"), Factor: ftD("0.7")}}
	tests := []struct {
		name  string
		curve []Anchor
		t     string
		want  string
	}{
		{"at the first anchor", def, "0", "0.10"},
		{"between the first two: 0.1 + 0.5 × 0.5", def, "0.5", "0.35"},
		{"at the second anchor", def, "1", "0.60"},
		{"between 1 and 12: 0.6 + 0.4 × 5 / 11", def, "6", "0.78181818181818181818181818"},
		{"between 1 and 12: 0.6 + 0.4 × 5.5 / 11", def, "6.5", "0.8"},
		{"just before the last: 0.6 + 0.4 × 10 / 11", def, "11", "0.96363636363636363636363636"},
		{"at the last anchor", def, "12", "1"},
		{"after the last anchor", def, "30", "1"},
		{"long after the last anchor", def, "119", "1"},
		{"before the first anchor: the first factor", late, "0", "0.2"},
		{"just before the first anchor", late, "1.5", "0.2"},
		{"between late anchors: 0.2 + 0.4 × 2 / 4", late, "4", "0.4"},
		{"after late anchors", late, "7", "0.6"},
		{"single anchor, before it", single, "0", "0.7"},
		{"single anchor, at it", single, "3", "0.7"},
		{"single anchor, after it", single, "100", "0.7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftNear(t, "maturityAt("+tt.t+")", maturityAt(tt.curve, ftD(tt.t)), tt.want)
		})
	}
}

// e(m) is the curve at t = m − 1, the month's start.
func TestFormulaMaturityPerMonth(t *testing.T) {
	ds := ftDataset(ftPlatform("p1", "0.1"))
	s := ftScenario(ds, "1000", 13, map[string]string{"p1": "10"})
	s.Maturity = nil // the default curve
	r := ftCompute(t, s)
	for _, c := range []struct {
		month int
		want  string
	}{
		{1, "0.1"},                           // t = 0
		{2, "0.6"},                           // t = 1
		{3, "0.63636363636363636363636364"},  // t = 2: 0.6 + 0.4 × 1 / 11
		{7, "0.78181818181818181818181818"},  // t = 6: 0.6 + 0.4 × 5 / 11
		{12, "0.96363636363636363636363636"}, // t = 11
		{13, "1"},                            // t = 12
	} {
		ftNear(t, "e(month "+decimal.NewFromInt(int64(c.month)).String()+")", r.Months[c.month-1].Maturity, c.want)
	}
	// Reach follows it: R = 1000 × 1 × 0.1 × 1 × e(m): 10 people in month 1, 60 in month 2.
	ftNear(t, "unique reach in month 1", r.Months[0].UniqueReach, "10")
	ftNear(t, "unique reach in month 2", r.Months[1].UniqueReach, "60")
}

func TestFormulaEffort(t *testing.T) {
	pr := Params{MinHours: ftD("2"), FullHours: ftD("10")}
	noMin := Params{MinHours: ftD("0"), FullHours: ftD("4")}
	tests := []struct {
		name string
		pr   Params
		h    string
		want string
	}{
		{"0 hours", pr, "0", "0"},
		{"below minHours", pr, "1.5", "0"},
		{"just below minHours", pr, "1.99", "0"},
		{"at minHours: 2 / 10", pr, "2", "0.2"},
		{"between: 5 / 10", pr, "5", "0.5"},
		{"between: 7.5 / 10", pr, "7.5", "0.75"},
		{"at fullHours", pr, "10", "1"},
		{"above fullHours", pr, "15", "1"},
		{"far above fullHours", pr, "168", "1"},
		{"minHours 0, 0 hours", noMin, "0", "0"},
		{"minHours 0, 1 hour: 1 / 4", noMin, "1", "0.25"},
		{"minHours 0, 1/3 hour: 1 / 12", noMin, "0.3333333333333333333333333333", "0.0833333333333333333333333333"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftNear(t, "effort("+tt.h+")", effort(ftD(tt.h), &tt.pr), tt.want)
		})
	}
}

func TestFormulaLoadedRate(t *testing.T) {
	tests := []struct {
		name, salary, onCost, overhead, hours, want string
	}{
		// 52000 × 1.30 = 67600; × 1.12 = 75712; / 1720 = 44 + 32/1720 = 44.0186046511627906976744186…
		{"default loadings", "52000", "0.30", "0.12", "1720", "44.018604651162790697674418604651"},
		// 120000 × 1.30 × 1.12 = 174720; / 1720 = 101 + 1000/1720 = 101.581395348837209302325581…
		{"deputy head of mission", "120000", "0.30", "0.12", "1720", "101.58139534883720930232558139535"},
		// No loadings: 86000 / 1720 = 50 exactly.
		{"no loadings", "86000", "0", "0", "1720", "50"},
		// 100000 × 1.5 × 1 / 2000 = 75.
		{"other loadings", "100000", "0.5", "0", "2000", "75"},
		// 0 salary costs nothing.
		{"zero salary", "0", "0.30", "0.12", "1720", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LoadedRate(ftD(tt.salary), ftD(tt.onCost), ftD(tt.overhead), ftD(tt.hours))
			ftNear(t, "LoadedRate", got, tt.want)
		})
	}

	// A role given by salary alone takes the defaults 0.30, 0.12 and 1720.
	ds := ftDataset(ftPlatform("p1", "0.1"))
	s := ftScenario(ds, "1000", 1, nil)
	s.Staff = []Role{
		{Name: "Officer", AnnualSalary: ftP("52000"), HoursPerWeek: ftD("30")},
		{Name: "Head", AnnualSalary: ftP("120000"), OnCost: ftP("0.30"), HoursPerWeek: ftD("2")},
		{Name: "Clerk", AnnualSalary: ftP("86000"), OnCost: ftP("0"), Overhead: ftP("0"), HoursPerWeek: ftD("2")},
	}
	r := ftCompute(t, s)
	ftNear(t, "rate of a salary with defaults", r.Roles[0].Rate, "44.018604651162790697674418604651")
	ftNear(t, "rate of a salary with onCost given", r.Roles[1].Rate, "101.58139534883720930232558139535")
	ftNear(t, "rate of a salary without loadings", r.Roles[2].Rate, "50")
}

func TestFormulaFit(t *testing.T) {
	// p1: a 0.5, b 0.3. p2: a 0.2, b left out (counts as 0).
	p1 := Platform{ID: "p1", Name: "p1", Penetration: map[string]decimal.Decimal{"a": ftD("0.5"), "b": ftD("0.3")},
		Params: Params{MinHours: ftD("1"), FullHours: ftD("10"), ReachRate: ftD("0.1")}}
	p2 := Platform{ID: "p2", Name: "p2", Penetration: map[string]decimal.Decimal{"a": ftD("0.2")},
		Params: Params{MinHours: ftD("1"), FullHours: ftD("10"), ReachRate: ftD("0.1")}}
	tests := []struct {
		name             string
		weights          map[string]string
		fit1, fit2, aud1 string // aud1: N × fit1 with N = 1000
	}{
		// 0.6 × 0.5 + 0.4 × 0.3 = 0.30 + 0.12 = 0.42; p2: 0.6 × 0.2 = 0.12.
		{"weights as shares", map[string]string{"a": "0.6", "b": "0.4"}, "0.42", "0.12", "420"},
		{"weights as relative numbers {60, 40}", map[string]string{"a": "60", "b": "40"}, "0.42", "0.12", "420"},
		{"weights not summing to 1 {3, 2}", map[string]string{"a": "3", "b": "2"}, "0.42", "0.12", "420"},
		// Only a: 0.5; p2: 0.2.
		{"one segment", map[string]string{"a": "7"}, "0.5", "0.2", "500"},
		// A weight of 0 is the same as leaving the segment out.
		{"a zero weight", map[string]string{"a": "1", "b": "0"}, "0.5", "0.2", "500"},
		// Only b: 0.3; p2 has no figure for b: 0.
		{"segment missing from a platform's penetration", map[string]string{"b": "1"}, "0.3", "0", "300"},
		// {1, 2}: (0.5 + 2 × 0.3) / 3 = 1.1 / 3 = 0.3666…; p2: 0.2 / 3 = 0.0666…
		{"thirds", map[string]string{"a": "1", "b": "2"}, "0.36666666666666666666666666667", "0.066666666666666666666666666667", "366.66666666666666666666666667"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ftScenario(ftDataset(p1, p2), "1000", 1, nil)
			s.Audience.Weights = map[string]decimal.Decimal{}
			for k, v := range tt.weights {
				s.Audience.Weights[k] = ftD(v)
			}
			r := ftCompute(t, s)
			ftNear(t, "fit[p1]", ftRow(t, r, "p1").Fit, tt.fit1)
			ftNear(t, "fit[p2]", ftRow(t, r, "p2").Fit, tt.fit2)
			ftNear(t, "A[p1]", ftRow(t, r, "p1").PotentialAudience, tt.aud1)
		})
	}
}

func TestFormulaUniqueReach(t *testing.T) {
	tests := []struct {
		name   string
		n      string
		rates  []string // reach rates of platforms at full effort (10 h), fit 1, maturity 1
		unique string   // U per month
	}{
		// One platform: R = 1000 × 1 × 0.1 × 1 × 1 = 100; U = R.
		{"one platform", "1000", []string{"0.1"}, "100"},
		// Two platforms at 10%: 1000 × (1 − 0.9 × 0.9) = 190, i.e. 19%, not 20%.
		{"two platforms at 10% each", "1000", []string{"0.1", "0.1"}, "190"},
		// Three at 10%: 1000 × (1 − 0.729) = 271.
		{"three platforms at 10% each", "1000", []string{"0.1", "0.1", "0.1"}, "271"},
		// Two at 50%: 1000 × (1 − 0.25) = 750.
		{"two platforms at 50% each", "1000", []string{"0.5", "0.5"}, "750"},
		// 10% and 20% of 2,000,000: 2e6 × (1 − 0.9 × 0.8) = 560,000.
		{"different rates", "2000000", []string{"0.1", "0.2"}, "560000"},
		// A platform reaching everyone: U = N whatever else.
		{"one platform reaching everyone", "1000", []string{"1", "0.3"}, "1000"},
		// N = 0: no one to reach.
		{"no audience", "0", []string{"0.1", "0.1"}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plats []Platform
			plan := map[string]string{}
			for i, rate := range tt.rates {
				id := string(rune('p')) + string(rune('1'+i))
				plats = append(plats, ftPlatform(id, rate))
				plan[id] = "10"
			}
			const H = 3
			r := ftCompute(t, ftScenario(ftDataset(plats...), tt.n, H, plan))
			for m := 0; m < H; m++ {
				ftNear(t, "U[m]", r.Months[m].UniqueReach, tt.unique)
			}
			// reach = Σ_m U[m] = H × U.
			ftNear(t, "reach", r.Totals.Reach, ftD(tt.unique).Mul(decimal.NewFromInt(H)).String())
			ftNear(t, "average monthly reach", r.Totals.AverageMonthlyReach, tt.unique)
			// A platform's own row counts its own reach: N × rate per month.
			for i, rate := range tt.rates {
				ftNear(t, "platform reach", r.Platforms[i].Reach, ftD(tt.n).Mul(ftD(rate)).Mul(decimal.NewFromInt(H)).String())
			}
			if tt.n == "0" && r.Totals.CostPer1000Reached.Valid {
				t.Errorf("cost per 1,000 reached with N = 0 is %s, want n/a", r.Totals.CostPer1000Reached.Decimal)
			}
		})
	}
}

// Cost per month uses 52/12 weeks, never a rounded 4.33.
func TestFormulaMonthlyCost(t *testing.T) {
	tests := []struct {
		name, hours, rate string
		month             string // exact monthly cost
		money             string // rounded to cents
	}{
		// 10 × 50 × 52 / 12 = 26000 / 12 = 2166.666…  (4.33 weeks would give 2165.00)
		{"10 h at 50", "10", "50", "2166.6666666666666666666666667", "2166.67"},
		// 1 × 1 × 52 / 12 = 4.333…  (not 4.33)
		{"1 h at 1", "1", "1", "4.3333333333333333333333333333", "4.33"},
		// 3 × 10 × 52 / 12 = 130 exactly.
		{"3 h at 10", "3", "10", "130", "130.00"},
		// 7.5 × 44.20 × 52 / 12 = 17238 / 12 = 1436.5.
		{"7.5 h at 44.20", "7.5", "44.20", "1436.5", "1436.50"},
		// 0.5 × 33.33 × 52 / 12 = 866.58 / 12 = 72.215.
		{"half an hour at 33.33", "0.5", "33.33", "72.215", "72.22"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const H = 12
			s := ftScenario(ftDataset(ftPlatform("p1", "0.1")), "1000", H, map[string]string{"p1": tt.hours})
			s.Staff[0].HourlyCost = ftP(tt.rate)
			s.DatasetInline.Platforms[0].Params.MinHours = ftD("0")
			r := ftCompute(t, s)
			for m := 0; m < H; m++ {
				ftNear(t, "cost", r.Months[m].Cost, tt.month)
				if got := Money(r.Months[m].Cost); got != tt.money {
					t.Errorf("month %d costs %s, want %s", m+1, got, tt.money)
				}
			}
			// Over 12 months: hours × rate × 52 exactly.
			year := ftD(tt.hours).Mul(ftD(tt.rate)).Mul(decimal.NewFromInt(52))
			ftNear(t, "cost over 12 months", r.Totals.Cost, year.String())
			if got, want := Money(r.Totals.Cost), year.StringFixed(2); got != want {
				t.Errorf("cost over 12 months %s, want %s", got, want)
			}
		})
	}
}

// Set-up hours are paid in month 1 only, at the average rate of the platform's lines
// (weighted by their hours), and they are staff cost.
func TestFormulaSetupCost(t *testing.T) {
	p1 := ftPlatform("p1", "0.1")
	p1.Params.SetupHours = ftD("8")
	p2 := ftPlatform("p2", "0.1")
	p2.Params.SetupHours = ftD("16") // not in the plan: costs nothing
	p2.Params.ToolCost = ftD("999")
	s := ftScenario(ftDataset(p1, p2), "1000", 12, nil)
	s.Staff = []Role{
		{Name: "Assistant", HourlyCost: ftP("40"), HoursPerWeek: ftD("20")},
		{Name: "Officer", HourlyCost: ftP("90"), HoursPerWeek: ftD("20")},
	}
	s.Plan = []PlanLine{
		{Platform: "p1", Role: "Assistant", HoursPerWeek: ftD("4")},
		{Platform: "p1", Role: "Officer", HoursPerWeek: ftD("6")},
	}
	// Weekly: 4 × 40 + 6 × 90 = 160 + 540 = 700; h = 10; avgRate = 70 (not the plain
	// mean of the rates, 65). Set-up: 8 × 70 = 560.
	// Monthly staff: 700 × 52 / 12 = 36400 / 12 = 3033.333…
	r := ftCompute(t, s)
	ftNear(t, "month 1 cost", r.Months[0].Cost, "3593.3333333333333333333333333") // 3033.33… + 560
	for m := 1; m < 12; m++ {
		ftNear(t, "later month cost", r.Months[m].Cost, "3033.3333333333333333333333333")
	}
	ftNear(t, "total cost", r.Totals.Cost, "36960") // 36400 + 560
	ftNear(t, "staff cost", r.Totals.StaffCost, "36960")
	ftNear(t, "cash cost", r.Totals.CashCost, "0")
	if !r.Totals.HiddenCostShare.Valid {
		t.Fatalf("hidden cost share n/a with cost > 0")
	}
	ftNear(t, "hidden cost share", r.Totals.HiddenCostShare.Decimal, "1")
	row := ftRow(t, r, "p1")
	ftNear(t, "p1 cost", row.Cost, "36960")
	ftNear(t, "p1 staff cost", row.StaffCost, "36960")
	if c := ftRow(t, r, "p2").Cost; !c.IsZero() {
		t.Errorf("a platform with no hours costs %s, want 0", c)
	}

	// With tool and ad costs: 100 + 50 a month is cash, 1800 over the year.
	s.DatasetInline.Platforms[0].Params.ToolCost = ftD("100")
	s.DatasetInline.Platforms[0].Params.AdCost = ftD("50")
	r = ftCompute(t, s)
	ftNear(t, "month 1 cost with tools", r.Months[0].Cost, "3743.3333333333333333333333333")
	ftNear(t, "total cost with tools", r.Totals.Cost, "38760") // 36960 + 1800
	ftNear(t, "staff cost with tools", r.Totals.StaffCost, "36960")
	ftNear(t, "cash cost with tools", r.Totals.CashCost, "1800")
	// 36960 / 38760 = 0.953560371517027863777089783…
	ftNear(t, "hidden cost share with tools", r.Totals.HiddenCostShare.Decimal, "0.95356037151702786377708978328")
	ftNear(t, "p1 cash cost", ftRow(t, r, "p1").CashCost, "1800")
}

// A platform below minHours pays all of its costs but reaches no one.
func TestFormulaBelowMinHours(t *testing.T) {
	p1 := ftPlatform("p1", "0.1")
	p1.Params.MinHours = ftD("2")
	p1.Params.SetupHours = ftD("4")
	p1.Params.ToolCost = ftD("20")
	p1.Params.AdCost = ftD("30")
	s := ftScenario(ftDataset(p1), "1000", 12, map[string]string{"p1": "1.5"})
	s.Staff[0].HourlyCost = ftP("40")
	s.ValuePer1000 = ftP("10")
	r := ftCompute(t, s)
	// Staff: 1.5 × 40 × 52 = 3120 a year; set-up 4 × 40 = 160; tools and ads 50 × 12 = 600.
	ftNear(t, "cost", r.Totals.Cost, "3880")
	ftNear(t, "staff cost", r.Totals.StaffCost, "3280")
	ftNear(t, "cash cost", r.Totals.CashCost, "600")
	ftNear(t, "month 1 cost", r.Months[0].Cost, "470") // 260 + 160 + 50
	ftNear(t, "reach", r.Totals.Reach, "0")
	ftNear(t, "value", r.Totals.Value, "0")
	row := ftRow(t, r, "p1")
	if row.Credible || !row.InPlan || !row.Effort.IsZero() {
		t.Errorf("credible %v, in plan %v, effort %s; want not credible, in plan, effort 0", row.Credible, row.InPlan, row.Effort)
	}
	ftNear(t, "platform reach", row.Reach, "0")
	ftNear(t, "platform cost", row.Cost, "3880")
	if !r.Totals.ROI.Valid {
		t.Fatalf("ROI n/a with cost > 0")
	}
	ftNear(t, "ROI", r.Totals.ROI.Decimal, "-1") // (0 − 3880) / 3880
	if r.Totals.CostPer1000Reached.Valid {
		t.Errorf("cost per 1,000 reached is %s with no one reached, want n/a", r.Totals.CostPer1000Reached.Decimal)
	}
	if r.Totals.BreakEvenMonth != 0 {
		t.Errorf("break-even month %d, want none", r.Totals.BreakEvenMonth)
	}
}

func TestFormulaROI(t *testing.T) {
	// No plan: cost 0, so ROI and the hidden cost share are n/a (never 0, ∞ or NaN),
	// even with a benefit giving value.
	s := ftScenario(ftDataset(ftPlatform("p1", "0.1")), "1000", 12, nil)
	s.Benefits = []Benefit{{Name: "Calls", AmountPerMonth: ftD("100")}}
	r := ftCompute(t, s)
	ftNear(t, "cost", r.Totals.Cost, "0")
	ftNear(t, "value", r.Totals.Value, "1200")
	if r.Totals.ROI.Valid || r.Totals.HiddenCostShare.Valid {
		t.Errorf("ROI %v, hidden share %v with cost 0; want n/a", r.Totals.ROI, r.Totals.HiddenCostShare)
	}
	if r.Totals.BreakEvenMonth != 0 {
		t.Errorf("break-even month %d with cost 0, want n/a", r.Totals.BreakEvenMonth)
	}
	if r.Totals.CostPer1000Reached.Valid {
		t.Errorf("cost per 1,000 reached %v with no reach, want n/a", r.Totals.CostPer1000Reached)
	}
	for _, row := range r.Platforms {
		if row.ROI.Valid {
			t.Errorf("platform %s: ROI %s with cost 0, want n/a", row.ID, row.ROI.Decimal)
		}
	}

	// 10 h at 50, 12 months: cost 26000. Reach 100 a month (1000 × 0.1), 1200 in all,
	// at 2000 per 1,000: value 2400; net −23600; ROI −23600 / 26000 = −0.907692307…
	s = ftScenario(ftDataset(ftPlatform("p1", "0.1")), "1000", 12, map[string]string{"p1": "10"})
	s.ValuePer1000 = ftP("2000")
	r = ftCompute(t, s)
	ftNear(t, "cost", r.Totals.Cost, "26000")
	ftNear(t, "value", r.Totals.Value, "2400")
	ftNear(t, "net", r.Totals.Net, "-23600")
	ftNear(t, "ROI", r.Totals.ROI.Decimal, "-0.90769230769230769230769230769")
	ftNear(t, "platform ROI", ftRow(t, r, "p1").ROI.Decimal, "-0.90769230769230769230769230769")
	// Cost per 1,000 reached: 26000 / 1.2 = 21666.666…
	ftNear(t, "cost per 1,000 reached", r.Totals.CostPer1000Reached.Decimal, "21666.666666666666666666666667")
}

func TestFormulaBreakEven(t *testing.T) {
	// One platform, 3 h at 10 per hour: 130 a month (3 × 10 × 52 / 12), plus set-up
	// 13 h × 10 = 130 in month 1. Cumulative cost after m months: 130 × (m + 1).
	// No audience, so all value is the benefit B a month: cumulative B × m.
	tests := []struct {
		name    string
		benefit string
		ramped  bool
		want    int // 0: none within the horizon
	}{
		// 195 m ≥ 130 m + 130 ⇔ m ≥ 2; at m = 2 value 390 = cost 390: equality counts.
		{"equal at month 2", "195", false, 2},
		// 194.99 m ≥ 130 m + 130 ⇔ m ≥ 2.0003…: month 3.
		{"just short at month 2", "194.99", false, 3},
		// 260 m ≥ 130 m + 130 ⇔ m ≥ 1.
		{"month 1", "260", false, 1},
		// 130 m < 130 (m + 1) always.
		{"never", "130", false, 0},
		{"no benefit", "0", false, 0},
		// Ramped with constant maturity 1 is the same as not ramped.
		{"ramped, maturity 1", "195", true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p1 := ftPlatform("p1", "0.1")
			p1.Params.SetupHours = ftD("13")
			s := ftScenario(ftDataset(p1), "0", 12, map[string]string{"p1": "3"})
			s.Staff[0].HourlyCost = ftP("10")
			s.Benefits = []Benefit{{Name: "b", AmountPerMonth: ftD(tt.benefit), Ramped: tt.ramped}}
			r := ftCompute(t, s)
			ftNear(t, "cumulative cost, month 2", r.Months[1].CumulativeCost, "390")
			if r.Totals.BreakEvenMonth != tt.want {
				t.Errorf("break-even month %d, want %d", r.Totals.BreakEvenMonth, tt.want)
			}
			// Cumulative net is value − cost month by month.
			for m, mo := range r.Months {
				want := ftD(tt.benefit).Mul(decimal.NewFromInt(int64(m + 1))).Sub(decimal.NewFromInt(130 * int64(m+2)))
				ftNear(t, "cumulative net", mo.CumulativeNet, want.String())
			}
		})
	}

	// A ramped benefit follows the maturity curve: with the default curve and 1000 a
	// month, 100 in month 1 and 600 in month 2.
	s := ftScenario(ftDataset(ftPlatform("p1", "0.1")), "0", 2, nil)
	s.Maturity = nil
	s.Benefits = []Benefit{{Name: "ramped", AmountPerMonth: ftD("1000"), Ramped: true}, {Name: "flat", AmountPerMonth: ftD("5")}}
	r := ftCompute(t, s)
	ftNear(t, "value, month 1", r.Months[0].Value, "105")
	ftNear(t, "value, month 2", r.Months[1].Value, "605")
}

// Value of reach: U / 1000 × valuePer1000 for the portfolio; R / 1000 × valuePer1000
// for a platform's own row.
func TestFormulaValue(t *testing.T) {
	s := ftScenario(ftDataset(ftPlatform("p1", "0.1"), ftPlatform("p2", "0.1")), "1000", 12, map[string]string{"p1": "10", "p2": "10"})
	s.ValuePer1000 = ftP("10")
	r := ftCompute(t, s)
	// U = 190 a month: 1.9 a month, 22.8 a year.
	ftNear(t, "value, month 1", r.Months[0].Value, "1.9")
	ftNear(t, "value", r.Totals.Value, "22.8")
	// Each platform: 100 a month, 1200 a year: 12 each (together more than the
	// portfolio, which counts people reached on both once).
	ftNear(t, "p1 value", ftRow(t, r, "p1").Value, "12")
	ftNear(t, "p2 value", ftRow(t, r, "p2").Value, "12")
	// Cost 2 × 26000 = 52000; cost per 1,000 reached: 52000 / (2280 / 1000) = 22807.0175438…
	ftNear(t, "cost", r.Totals.Cost, "52000")
	ftNear(t, "cost per 1,000 reached", r.Totals.CostPer1000Reached.Decimal, "22807.017543859649122807017544")
	if got := Money(r.Totals.CostPer1000Reached.Decimal); got != "22807.02" {
		t.Errorf("cost per 1,000 reached shown as %s, want 22807.02", got)
	}
}

// Rounding for display and export is half away from zero.
func TestFormulaRounding(t *testing.T) {
	tests := []struct {
		name string
		fn   func(decimal.Decimal) string
		in   string
		want string
	}{
		{"money half up", Money, "2.345", "2.35"},
		{"money half away from zero, negative", Money, "-2.345", "-2.35"},
		{"money below half", Money, "2.34499999", "2.34"},
		{"money pads", Money, "7", "7.00"},
		{"people half up", People, "2.5", "3"},
		{"people half away from zero, negative", People, "-2.5", "-3"},
		{"people below half", People, "2.4999999", "2"},
		{"share half up", Share, "0.12345", "0.1235"},
		{"share negative", Share, "-0.00005", "-0.0001"},
		{"share pads", Share, "1", "1.0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(ftD(tt.in)); got != tt.want {
				t.Errorf("%s → %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// The engine never changes decimal's package-level settings.
func TestFormulaDecimalSettingsUntouched(t *testing.T) {
	prec, quotes := decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes
	s := DefaultScenario()
	if _, err := Compute(s, nil); err != nil {
		t.Fatal(err)
	}
	s.Candidates = []string{"facebook", "instagram", "x"}
	if _, err := Recommend(s, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := MarshalScenario(s); err != nil {
		t.Fatal(err)
	}
	if decimal.DivisionPrecision != prec || decimal.MarshalJSONWithoutQuotes != quotes {
		t.Errorf("decimal's settings changed: DivisionPrecision %d → %d", prec, decimal.DivisionPrecision)
	}
}
