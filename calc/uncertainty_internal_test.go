package calc

import (
	"math"
	"sort"
	"testing"

	"github.com/shopspring/decimal"
)

// The generator is SplitMix64: its outputs for the state 1234567 are those of the
// reference implementation, and an input's uniform numbers depend on nothing but the
// seed, its name and the draw's number.
func TestGenerator(t *testing.T) {
	want := []uint64{6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821}
	for i, w := range want {
		if got := mix(1234567 + uint64(i+1)*splitMixGamma); got != w {
			t.Errorf("output %d: %d, want %d", i+1, got, w)
		}
	}
	k := streamKey(1, "valuePer1000")
	if k == streamKey(2, "valuePer1000") || k == streamKey(1, "valuePer1001") {
		t.Error("keys of other seeds or names are the same")
	}
	for d := 1; d <= 1000; d++ {
		if u := uniform(k, d); u < 0 || u >= 1 {
			t.Fatalf("draw %d: %v is not in [0, 1)", d, u)
		}
	}
	if lo, mode, hi := 5.0, 10.0, 20.0; triangular(lo, mode, hi, 0) != lo || math.Abs(triangular(lo, mode, hi, 1.0/3)-mode) > 1e-9 ||
		triangular(lo, lo, lo, 0.5) != lo || triangular(lo, lo, hi, 0) != lo {
		t.Error("the triangular distribution's inverse is wrong at its ends or mode")
	}
}

// benchmarks of the uncertainty of the default scenario: the simulation (2,000
// draws), and the sensitivity list with the switching values.

func BenchmarkSimulation(b *testing.B) {
	m, err := resolve(DefaultScenario(), nil)
	if err != nil {
		b.Fatal(err)
	}
	inputs := m.uncertainInputs()
	b.ReportAllocs()
	for b.Loop() {
		m.simulate(inputs, DefaultDraws, DefaultSeed)
	}
}

func BenchmarkSensitivity(b *testing.B) {
	m, err := resolve(DefaultScenario(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		inputs := m.uncertainInputs()
		m.sensitivity(inputs)
		m.switching(m.compute())
	}
}

// BenchmarkUncertainty is all of it, the robustness check's ten recommendations
// included.
func BenchmarkUncertainty(b *testing.B) {
	m, err := resolve(DefaultScenario(), nil)
	if err != nil {
		b.Fatal(err)
	}
	rec := m.recommend(RecommendStepBudget)
	b.ReportAllocs()
	for b.Loop() {
		m.uncertainty(rec)
	}
}

// The draws of SimulatedNet are those the simulation sums up, and a scenario compared
// with itself is never ahead; one with a higher value per 1,000 is ahead in every draw
// (common random numbers: the shared inputs take the same values).
func TestSimulatedNetCommonRandomNumbers(t *testing.T) {
	a := DefaultScenario()
	pa, err := prepareTree(mustForm(t, a).tree(), nil)
	if err != nil {
		t.Fatal(err)
	}
	nets := pa.SimulatedNet()
	if len(nets) != DefaultDraws {
		t.Fatalf("%d draws", len(nets))
	}
	u := pa.Uncertainty(nil)
	sorted := append([]float64(nil), nets...)
	sort.Float64s(sorted)
	p50 := sorted[(len(sorted)+1)/2-1]
	if got := decimal.NewFromFloat(p50).Round(2); !got.Equal(u.Simulation.Net.P50.Decimal.Round(2)) {
		t.Errorf("median of the draws %s, simulation's P50 %s", got, u.Simulation.Net.P50.Decimal)
	}
	if s := ShareAhead(nets, nets); !s.Valid || !s.Decimal.IsZero() {
		t.Errorf("a scenario is ahead of itself in %v of the draws", s)
	}
	b := DefaultScenario()
	more := decimal.RequireFromString("20") // the top of its range: every draw is worth more
	b.ValuePer1000, b.Ranges = &more, nil
	pb, err := prepareTree(mustForm(t, b).tree(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := ShareAhead(pb.SimulatedNet(), nets); !s.Decimal.Equal(decimal.NewFromInt(1)) {
		t.Errorf("the scenario worth more is ahead in %s of the draws, want all", s.Decimal)
	}
}

func mustForm(t *testing.T, s *Scenario) *Form {
	t.Helper()
	data, err := MarshalScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ReadForm(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
