package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// benchRecommendScenario is the default scenario with a second role, so that the pool
// is 80 hours per week (30 + 50), and 12 of the 14 platforms of pew-us-2023 as
// candidates.
func benchRecommendScenario(b *testing.B, obj Objective) *Scenario {
	b.Helper()
	s := DefaultScenario()
	rate := decimal.RequireFromString("38.50")
	s.Staff = append(s.Staff, Role{Name: "Communications assistant", HourlyCost: &rate, HoursPerWeek: decimal.NewFromInt(50)})
	s.Candidates = []string{"youtube", "facebook", "instagram", "pinterest", "tiktok", "linkedin",
		"whatsapp", "snapchat", "x", "reddit", "website", "wikipedia"}
	s.Objective = obj
	if obj == ObjectiveNet {
		// At 10 EUR per 1,000 reached no presence pays for its staff time, and the
		// best plan is empty; at 150 the search has real trade-offs to make.
		v := decimal.NewFromInt(150)
		s.ValuePer1000 = &v
	}
	pool := decimal.Zero
	for _, r := range s.Staff {
		pool = pool.Add(r.HoursPerWeek)
	}
	if !pool.Equal(decimal.NewFromInt(80)) {
		b.Fatalf("pool is %s hours, want 80", pool)
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

func benchRecommend(b *testing.B, obj Objective) {
	s := benchRecommendScenario(b, obj)
	c := Embedded()
	var nodes int
	b.ReportAllocs()
	for b.Loop() {
		r, err := Recommend(s, c)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Plan) == 0 {
			b.Fatal("empty recommendation")
		}
		nodes = r.Nodes
	}
	b.ReportMetric(float64(nodes), "nodes/op")
}

// BenchmarkRecommend searches 12 candidate platforms with an 80-hour pool for reach.
func BenchmarkRecommend(b *testing.B) { benchRecommend(b, ObjectiveReach) }

// BenchmarkRecommendNet is BenchmarkRecommend for net value.
func BenchmarkRecommendNet(b *testing.B) { benchRecommend(b, ObjectiveNet) }
