package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// benchRecommendScenario is the default scenario with a second role, so that the pool
// is 80 hours per week (30 + 50), and 12 of the 14 platforms of pew-us-2023 as
// candidates.
func benchRecommendScenario(b *testing.B, obj Objective, valuePer1000 string) *Scenario {
	b.Helper()
	s := DefaultScenario()
	rate := decimal.RequireFromString("38.50")
	s.Staff = append(s.Staff, Role{Name: "Communications assistant", HourlyCost: &rate, HoursPerWeek: decimal.NewFromInt(50)})
	s.Candidates = []string{"youtube", "facebook", "instagram", "pinterest", "tiktok", "linkedin",
		"whatsapp", "snapchat", "x", "reddit", "website", "wikipedia"}
	s.Objective = obj
	v := decimal.RequireFromString(valuePer1000)
	s.ValuePer1000 = &v
	s.Ranges = nil // the default scenario's range of valuePer1000 holds only its own value
	pool := decimal.Zero
	for _, r := range s.Staff {
		pool = pool.Add(r.HoursPerWeek)
	}
	if !pool.Equal(decimal.NewFromInt(80)) || len(s.Candidates) != 12 {
		b.Fatalf("pool is %s hours over %d candidates, want 80 over 12", pool, len(s.Candidates))
	}
	return s
}

// BenchmarkCompute computes the default scenario.
func BenchmarkCompute(b *testing.B) {
	s := DefaultScenario()
	c := Embedded()
	if _, err := Compute(s, c); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(s, c); err != nil {
			b.Fatal(err)
		}
	}
}

func benchRecommend(b *testing.B, obj Objective, valuePer1000 string, wantPlan bool) {
	s := benchRecommendScenario(b, obj, valuePer1000)
	c := Embedded()
	var nodes int
	b.ReportAllocs()
	for b.Loop() {
		r, err := Recommend(s, c)
		if err != nil {
			b.Fatal(err)
		}
		if wantPlan != (len(r.Plan) > 0) {
			b.Fatalf("plan %v: want a non-empty plan = %v", r.Plan, wantPlan)
		}
		nodes = r.Steps
	}
	b.ReportMetric(float64(nodes), "steps/op")
}

// BenchmarkRecommend searches 12 candidate platforms with an 80-hour pool for reach.
func BenchmarkRecommend(b *testing.B) { benchRecommend(b, ObjectiveReach, "10", true) }

// BenchmarkRecommendNet is BenchmarkRecommend for net value, at three values of reach:
// at 10 per 1,000 (the default scenario's) no presence pays for its staff time and the
// best plan is empty; at 150 value and cost are close and the search has the most to
// do; at 1000 most platforms pay.
func BenchmarkRecommendNet(b *testing.B) {
	b.Run("value10", func(b *testing.B) { benchRecommend(b, ObjectiveNet, "10", false) })
	b.Run("value150", func(b *testing.B) { benchRecommend(b, ObjectiveNet, "150", true) })
	b.Run("value1000", func(b *testing.B) { benchRecommend(b, ObjectiveNet, "1000", true) })
}

// BenchmarkRecommendLarge searches the large cases of issue 9 (see
// TestRecommendLargeCases), and reports the steps, whether the plan is proven (1)
// or not (0), and how far it may be from the best possible, in percent.
func BenchmarkRecommendLarge(b *testing.B) {
	cases := []struct {
		name string
		s    func(b *testing.B) *Scenario
	}{
		{"pew-168h", func(*testing.B) *Scenario { return wideScenario(168, 14) }},
		{"twenty-160h", func(b *testing.B) *Scenario { return twentyScenario(b, 160, 20) }},
		{"twenty-160h-120months", func(b *testing.B) *Scenario {
			s := twentyScenario(b, 160, 20)
			s.HorizonMonths = 120
			return s
		}},
		{"twenty-net-costs-2months", func(b *testing.B) *Scenario { return withCosts(twentyScenario(b, 100, 20), 40, 2, "600") }},
		{"twenty-net-costs-12months", func(b *testing.B) *Scenario { return withCosts(twentyScenario(b, 100, 20), 120, 12, "300") }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			s := c.s(b)
			var rec *Recommendation
			for b.Loop() {
				var err error
				if rec, err = Recommend(s, nil); err != nil {
					b.Fatal(err)
				}
			}
			proven := 0.0
			if rec.Proven {
				proven = 1
			}
			gap, _ := rec.Gap()
			b.ReportMetric(float64(rec.Steps), "steps/op")
			b.ReportMetric(proven, "proven")
			b.ReportMetric(gap.Shift(2).InexactFloat64(), "gap-%")
		})
	}
}
