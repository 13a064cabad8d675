package calc

// Tests of the runs in slices (slices.go): a run gives exactly what the one-shot
// computation gives, whatever the size of its slices, including the search's steps and
// bound; its slices are bounded; and a run stopped part way ends.

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

// sliceCase is a scenario whose search is run with a budget.
type sliceCase struct {
	name   string
	s      func(t *testing.T) *Scenario
	budget int
}

func scenarioFile(name string) func(t *testing.T) *Scenario {
	return func(t *testing.T) *Scenario {
		data, err := os.ReadFile(filepath.Join("testdata", "scenarios", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		s, err := ReadScenario(data)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

// sliceCases are the project's scenarios and the large cases of the search's tests,
// the hard ones (net value with fixed costs, which use up any budget) with budgets
// small enough to run many times, one of them too small for the bound tables.
func sliceCases() []sliceCase {
	return []sliceCase{
		{"default", func(*testing.T) *Scenario { return DefaultScenario() }, RecommendStepBudget},
		{"youth-outreach", scenarioFile("youth-outreach"), RecommendStepBudget},
		{"net-objective", scenarioFile("net-objective"), RecommendStepBudget},
		{"reuters-news", scenarioFile("reuters-news"), RecommendStepBudget},
		{"pew-us-2023, 168 h, reach", func(*testing.T) *Scenario { return wideScenario(168, 14) }, RecommendStepBudget},
		{"pew-us-2023, 168 h, net at 600 per 1,000", func(*testing.T) *Scenario {
			s := wideScenario(168, 14)
			s.Objective, s.ValuePer1000, s.Ranges = ObjectiveNet, bfPtr("600"), nil
			return s
		}, RecommendStepBudget},
		{"twenty platforms, 160 h, 120 months", func(t *testing.T) *Scenario {
			s := twentyScenario(t, 160, 20)
			s.HorizonMonths = 120
			return s
		}, RecommendStepBudget},
		{"twenty platforms, linear bound", func(t *testing.T) *Scenario { return twentyScenario(t, 160, 20) }, 2_000_000},
		{"twenty platforms, costs, 2 months", func(t *testing.T) *Scenario { return withCosts(twentyScenario(t, 100, 20), 40, 2, "600") }, 20_000_000},
		{"twenty platforms, costs, 12 months", func(t *testing.T) *Scenario { return withCosts(twentyScenario(t, 100, 20), 120, 12, "300") }, 20_000_000},
	}
}

// sliceSizes are the slice sizes tried: a step at a time (every pause point), small,
// the page's, and larger than most searches.
var sliceSizes = []int{1, 1000, DefaultSliceSteps, 50_000_000}

func TestRecommendRunSameAsOneShot(t *testing.T) {
	for _, tc := range sliceCases() {
		t.Run(tc.name, func(t *testing.T) {
			m, err := resolve(tc.s(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			want := m.recommend(tc.budget)
			for _, size := range sliceSizes {
				if size == 1 && tc.budget > 20_000_000 && want.Steps > 20_000_000 {
					continue // every step a slice: for the small budgets only
				}
				run := m.recommendRun(tc.budget, size)
				last := 0.0
				for !run.Step() {
					if p := run.Progress(); p < last || p > 1 {
						t.Fatalf("slice %d: progress %v after %v", size, p, last)
					} else {
						last = p
					}
				}
				got := run.Result()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("slices of %d steps: %d steps, objective %s, proven %v, bound %v; one-shot %d, %s, %v, %v",
						size, got.Steps, got.ObjectiveValue, got.Proven, got.Bound, want.Steps, want.ObjectiveValue, want.Proven, want.Bound)
				}
				if run.Progress() != 1 {
					t.Errorf("slices of %d steps: progress %v when done", size, run.Progress())
				}
				// Each slice but the last did at least its size of work, and at most its
				// size and one piece that is not cut (an exact evaluation of a plan, a
				// bound, a row of the tables, a computation of the model).
				if max := int64(want.Steps)/int64(size) + 1 + int64(len(want.Marginal)) + 1; int64(run.Slices()) > max {
					t.Errorf("slices of %d steps: %d slices for %d steps, want at most %d", size, run.Slices(), want.Steps, max)
				}
				if run.pace.longest > size+max(500_000, m.computeWork()) {
					t.Errorf("slices of %d steps: a slice of %d steps", size, run.pace.longest)
				}
				if size == DefaultSliceSteps && want.Steps > 4*size && run.Slices() < want.Steps/(size+500_000) {
					t.Errorf("%d slices of %d steps for %d steps: the search did not pause", run.Slices(), size, want.Steps)
				}
			}
		})
	}
}

// TestRecommendRunFullBudget runs a search that uses up the whole budget in the page's
// slices: the same answer as Recommend, not proven, with its bound.
func TestRecommendRunFullBudget(t *testing.T) {
	s := withCosts(twentyScenario(t, 100, 20), 40, 2, "600")
	want, err := Recommend(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := resolve(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	prep := &Prepared{Scenario: s, m: m}
	run := prep.RecommendRun(0)
	got := run.Finish()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("in slices: %d steps, objective %s, bound %v; one-shot %d, %s, %v", got.Steps, got.ObjectiveValue, got.Bound,
			want.Steps, want.ObjectiveValue, want.Bound)
	}
	if want.Proven || !want.Bound.Valid || run.Slices() < want.Steps/(DefaultSliceSteps+500_000) {
		t.Errorf("proven %v, bound %v, %d slices for %d steps: want a search stopped by its budget, in slices", want.Proven, want.Bound, run.Slices(), want.Steps)
	}
}

// uncertainCases are scenarios with uncertain inputs whose robustness check searches
// again: the project's scenarios, and the wide case with a plan of assumed parameters.
func uncertainCases() []sliceCase {
	wide := func(*testing.T) *Scenario {
		s := wideScenario(40, 14)
		s.Platforms = nil // the dataset's assumed parameters, with their default ranges
		s.Plan = []PlanLine{{Platform: "youtube", Role: s.Staff[0].Name, HoursPerWeek: bfDec("8")},
			{Platform: "instagram", Role: s.Staff[0].Name, HoursPerWeek: bfDec("6")},
			{Platform: "tiktok", Role: s.Staff[0].Name, HoursPerWeek: bfDec("4")}}
		return s
	}
	return []sliceCase{
		{"default", func(*testing.T) *Scenario { return DefaultScenario() }, 0},
		{"youth-outreach", scenarioFile("youth-outreach"), 0},
		{"net-objective", scenarioFile("net-objective"), 0},
		{"reuters-news", scenarioFile("reuters-news"), 0},
		{"pew-us-2023, 40 h, a plan of assumed parameters", wide, 0},
	}
}

func TestUncertaintyRunSameAsOneShot(t *testing.T) {
	for _, tc := range uncertainCases() {
		t.Run(tc.name, func(t *testing.T) {
			m, err := resolve(tc.s(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			rec := m.recommend(RecommendStepBudget)
			want := m.uncertainty(rec)
			if len(want.Inputs) == 0 {
				t.Fatalf("no uncertain input: the case tests nothing")
			}
			for _, size := range []int{1, 100, DefaultSliceSteps} {
				run := m.uncertaintyRun(rec, size)
				last := 0.0
				for !run.Step() {
					if p := run.Progress(); p < last || p > 1 {
						t.Fatalf("slice %d: progress %v after %v", size, p, last)
					} else {
						last = p
					}
				}
				if got := run.Result(); !reflect.DeepEqual(got, want) {
					t.Errorf("slices of %d steps: %+v\none-shot: %+v", size, got.Simulation, want.Simulation)
				}
				// A draw is more than 100 steps of work, and the run may pause after each.
				if draws, _ := m.simulationSettings(); size == 100 && run.Slices() < draws {
					t.Errorf("slices of 100 steps: %d slices for %d draws of %d steps each", run.Slices(), draws, m.drawWork())
				}
			}
			// Without the recommendation, the run searches for it first.
			if got := m.uncertaintyRun(nil, DefaultSliceSteps).Finish(); !reflect.DeepEqual(got, want) {
				t.Errorf("without the recommendation: %+v\nwant %+v", got.Simulation, want.Simulation)
			}
		})
	}
}

// TestRunStop stops runs part way: they do nothing more, have no result, and leave
// nothing running.
func TestRunStop(t *testing.T) {
	m, err := resolve(withCosts(twentyScenario(t, 100, 20), 40, 2, "600"), nil)
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	run := m.recommendRun(20_000_000, 10_000)
	for i := 0; i < 5; i++ {
		if run.Step() {
			t.Fatal("done after 5 slices of 10,000 steps")
		}
	}
	p := run.Progress()
	if p <= 0 || p >= 1 {
		t.Errorf("progress %v after 5 slices", p)
	}
	run.Stop()
	run.Stop()
	if run.Step() || run.Done() || run.Result() != nil || run.Progress() != p {
		t.Errorf("after Stop: done %v, result %v, progress %v (was %v)", run.Done(), run.Result(), run.Progress(), p)
	}
	if got := run.Finish(); got != nil {
		t.Errorf("Finish after Stop gives %v", got)
	}
	u := m.uncertaintyRun(nil, 1000)
	u.Step()
	u.Stop()
	if u.Result() != nil || u.Done() {
		t.Errorf("uncertainty run after Stop: done %v", u.Done())
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines after the runs stopped, %d before", after, before)
	}
	// A run stopped, another started on the same model: the same answer as one-shot.
	want := m.recommend(2_000_000)
	if got := m.recommendRun(2_000_000, 5000).Finish(); !reflect.DeepEqual(got, want) {
		t.Errorf("after a stopped run: %d steps, want %d", got.Steps, want.Steps)
	}
	// Stopping a run that is done changes nothing.
	done := m.recommendRun(2_000_000, 0)
	res := done.Finish()
	done.Stop()
	if !done.Done() || done.Result() != res {
		t.Errorf("Stop after done dropped the result")
	}
}

// The cost of running in slices: the hard search (net value with fixed costs, a budget
// of 20 million steps) and the uncertainty analysis of the default scenario, one-shot
// and in slices of the page's size and of 1,000 steps.
func benchHard(b *testing.B) *model {
	m, err := resolve(withCosts(twentyScenario(b, 100, 20), 40, 2, "600"), nil)
	if err != nil {
		b.Fatal(err)
	}
	return m
}

func BenchmarkHardSearchOneShot(b *testing.B) {
	m := benchHard(b)
	for b.Loop() {
		m.recommend(20_000_000)
	}
}

func benchHardRun(b *testing.B, slice int) {
	m := benchHard(b)
	slices := 0
	for b.Loop() {
		r := m.recommendRun(20_000_000, slice)
		r.Finish()
		slices = r.Slices()
	}
	b.ReportMetric(float64(slices), "slices/op")
}

func BenchmarkHardSearchSlices(b *testing.B)     { benchHardRun(b, DefaultSliceSteps) }
func BenchmarkHardSearchSlices1000(b *testing.B) { benchHardRun(b, 1000) }

func BenchmarkUncertaintyOneShot(b *testing.B) {
	m, _ := resolve(DefaultScenario(), nil)
	rec := m.recommend(RecommendStepBudget)
	for b.Loop() {
		m.uncertainty(rec)
	}
}

func BenchmarkUncertaintySlices(b *testing.B) {
	m, _ := resolve(DefaultScenario(), nil)
	rec := m.recommend(RecommendStepBudget)
	slices := 0
	for b.Loop() {
		r := m.uncertaintyRun(rec, DefaultSliceSteps)
		r.Finish()
		slices = r.Slices()
	}
	b.ReportMetric(float64(slices), "slices/op")
}
