package calc

// Tests of the recommendation against a brute-force reference written from MODEL.md,
// section "Recommendation", without using the search in recommend.go: every allocation
// on the model's grid is built as a plan (hours drawn from the roles cheapest first,
// platforms in dataset order) and computed with Compute, and the best one is chosen by
// the model's rules (objective rounded to 6 places, half away from zero; then fewer
// total hours; then more hours on earlier platforms of the dataset).

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func bfDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func bfPtr(s string) *decimal.Decimal {
	d := bfDec(s)
	return &d
}

var bfHalf = bfDec("0.5")

// bfDataset returns the dataset s is computed against.
func bfDataset(t testing.TB, s *Scenario) *Dataset {
	t.Helper()
	if s.DatasetInline != nil {
		return s.DatasetInline
	}
	ds := Embedded().Get(s.Dataset)
	if ds == nil {
		t.Fatalf("no dataset %q", s.Dataset)
	}
	return ds
}

// bfParams is a platform's effective parameters: the dataset's, overridden by s.
func bfParams(s *Scenario, pl *Platform) Params {
	pr := pl.Params
	o, ok := s.Platforms[pl.ID]
	if !ok {
		return pr
	}
	set := func(dst *decimal.Decimal, src *decimal.Decimal) {
		if src != nil {
			*dst = *src
		}
	}
	set(&pr.MinHours, o.MinHours)
	set(&pr.FullHours, o.FullHours)
	set(&pr.ReachRate, o.ReachRate)
	set(&pr.SetupHours, o.SetupHours)
	set(&pr.ToolCost, o.ToolCost)
	set(&pr.AdCost, o.AdCost)
	return pr
}

// bfRate is a role's loaded hourly cost (MODEL.md, Inputs 4).
func bfRate(r Role) decimal.Decimal {
	if r.HourlyCost != nil {
		return *r.HourlyCost
	}
	on, ov, ph := DefaultOnCost, DefaultOverhead, DefaultProductiveHours
	if r.OnCost != nil {
		on = *r.OnCost
	}
	if r.Overhead != nil {
		ov = *r.Overhead
	}
	if r.ProductiveHours != nil {
		ph = *r.ProductiveHours
	}
	return r.AnnualSalary.Mul(decimal.NewFromInt(1).Add(on)).Mul(decimal.NewFromInt(1).Add(ov)).DivRound(ph, 40)
}

// bfPool is every role's available hours.
func bfPool(s *Scenario) decimal.Decimal {
	sum := decimal.Zero
	for _, r := range s.Staff {
		sum = sum.Add(r.HoursPerWeek)
	}
	return sum
}

// bfObjective is the scenario's objective, with its default.
func bfObjective(s *Scenario) Objective {
	if s.Objective == "" {
		return ObjectiveReach
	}
	return s.Objective
}

// bfDraw turns hours per platform (dataset order) into plan lines: platforms in
// dataset order take hours from the roles cheapest first, equal rates in staff order.
func bfDraw(t testing.TB, s *Scenario, ds *Dataset, hours []decimal.Decimal) []PlanLine {
	t.Helper()
	order := make([]int, len(s.Staff))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return bfRate(s.Staff[order[a]]).LessThan(bfRate(s.Staff[order[b]])) })
	left := make([]decimal.Decimal, len(s.Staff))
	for i, r := range s.Staff {
		left[i] = r.HoursPerWeek
	}
	var lines []PlanLine
	for p, pl := range ds.Platforms {
		h := hours[p]
		for _, ri := range order {
			if !h.IsPositive() {
				break
			}
			take := decimal.Min(h, left[ri])
			if take.IsPositive() {
				lines = append(lines, PlanLine{Platform: pl.ID, Role: s.Staff[ri].Name, HoursPerWeek: take})
				h, left[ri] = h.Sub(take), left[ri].Sub(take)
			}
		}
		if h.IsPositive() {
			t.Fatalf("allocation %v does not fit in the pool %s", hours, bfPool(s))
		}
	}
	return lines
}

// bfEval computes the scenario with the allocation as its plan and returns the
// objective and the result.
func bfEval(t testing.TB, s *Scenario, ds *Dataset, hours []decimal.Decimal) (decimal.Decimal, *Result) {
	t.Helper()
	c := *s
	c.Plan = bfDraw(t, s, ds, hours)
	res, err := Compute(&c, nil)
	if err != nil {
		t.Fatalf("Compute of allocation %v: %v", hours, err)
	}
	return bfPick(s, res), res
}

func bfPick(s *Scenario, res *Result) decimal.Decimal {
	if bfObjective(s) == ObjectiveNet {
		return res.Totals.Net
	}
	return res.Totals.Reach
}

// bfOptions is the grid of a platform: 0, and every multiple of 0.5 hour within
// [minHours, fullHours], ascending.
func bfOptions(pr Params) []decimal.Decimal {
	opts := []decimal.Decimal{decimal.Zero}
	for h := bfHalf; !h.GreaterThan(pr.FullHours); h = h.Add(bfHalf) {
		if !h.LessThan(pr.MinHours) {
			opts = append(opts, h)
		}
	}
	return opts
}

// bfCandidates returns the candidate platforms' dataset indices, in dataset order.
func bfCandidates(s *Scenario, ds *Dataset) []int {
	want := map[string]bool{}
	for _, id := range s.Candidates {
		want[id] = true
	}
	var out []int
	for i, pl := range ds.Platforms {
		if len(s.Candidates) == 0 || want[pl.ID] {
			out = append(out, i)
		}
	}
	return out
}

// bfAlloc is one allocation and its objective.
type bfAlloc struct {
	hours []decimal.Decimal // per platform, dataset order
	total decimal.Decimal
	obj   decimal.Decimal
	key   decimal.Decimal // obj rounded to 6 places, half away from zero
}

func bfNewAlloc(hours []decimal.Decimal, obj decimal.Decimal) *bfAlloc {
	a := &bfAlloc{hours: append([]decimal.Decimal(nil), hours...), obj: obj, key: obj.Round(6)}
	for _, h := range hours {
		a.total = a.total.Add(h)
	}
	return a
}

// bfBetter reports whether a beats b under the model's rules.
func bfBetter(a, b *bfAlloc) bool {
	if c := a.key.Cmp(b.key); c != 0 {
		return c > 0
	}
	if c := a.total.Cmp(b.total); c != 0 {
		return c < 0
	}
	for i := range a.hours {
		if c := a.hours[i].Cmp(b.hours[i]); c != 0 {
			return c > 0
		}
	}
	return false
}

// bruteForce evaluates every allocation of the grid and returns the best, and how
// many allocations it computed.
func bruteForce(t testing.TB, s *Scenario) (*bfAlloc, int) {
	t.Helper()
	ds := bfDataset(t, s)
	cands := bfCandidates(s, ds)
	pool := bfPool(s)
	opts := make([][]decimal.Decimal, len(cands))
	for i, p := range cands {
		opts[i] = bfOptions(bfParams(s, &ds.Platforms[p]))
	}
	hours := make([]decimal.Decimal, len(ds.Platforms))
	var best *bfAlloc
	n := 0
	var rec func(i int, used decimal.Decimal)
	rec = func(i int, used decimal.Decimal) {
		if i == len(cands) {
			n++
			obj, _ := bfEval(t, s, ds, hours)
			a := bfNewAlloc(hours, obj)
			if best == nil || bfBetter(a, best) {
				best = a
			}
			return
		}
		for _, h := range opts[i] {
			if used.Add(h).GreaterThan(pool) {
				break // options ascend
			}
			hours[cands[i]] = h
			rec(i+1, used.Add(h))
		}
		hours[cands[i]] = decimal.Zero
	}
	rec(0, decimal.Zero)
	return best, n
}

// bfPlanHours sums plan lines per platform, dataset order.
func bfPlanHours(t testing.TB, ds *Dataset, plan []PlanLine) []decimal.Decimal {
	t.Helper()
	h := make([]decimal.Decimal, len(ds.Platforms))
	for _, l := range plan {
		found := false
		for p := range ds.Platforms {
			if ds.Platforms[p].ID == l.Platform {
				h[p], found = h[p].Add(l.HoursPerWeek), true
			}
		}
		if !found {
			t.Fatalf("plan line names unknown platform %q", l.Platform)
		}
	}
	return h
}

func bfHoursString(ds *Dataset, hours []decimal.Decimal) string {
	var parts []string
	for p, h := range hours {
		if !h.IsZero() {
			parts = append(parts, ds.Platforms[p].ID+"="+h.String())
		}
	}
	if len(parts) == 0 {
		return "(nothing)"
	}
	return strings.Join(parts, " ")
}

func bfScenarioText(s *Scenario) string {
	b, err := MarshalScenario(s)
	if err != nil {
		return fmt.Sprintf("(cannot marshal: %v) %+v", err, s)
	}
	return string(b)
}

// bfCheck compares Recommend with the brute force on s and checks the recommended
// plan, its objective value and the marginal contributions. It returns the
// recommendation and the brute force's best allocation.
func bfCheck(t *testing.T, s *Scenario) (*Recommendation, *bfAlloc) {
	t.Helper()
	ds := bfDataset(t, s)
	best, _ := bruteForce(t, s)
	rec, err := Recommend(s, nil)
	if err != nil {
		t.Fatalf("Recommend: %v\nscenario:\n%s", err, bfScenarioText(s))
	}
	got := bfPlanHours(t, ds, rec.Plan)
	same := true
	for p := range got {
		if !got[p].Equal(best.hours[p]) {
			same = false
		}
	}
	if !same {
		gotObj, _ := bfEval(t, s, ds, got)
		t.Errorf("allocation: got %s (objective %s by Compute, engine says %s), brute force %s (objective %s)\nscenario:\n%s",
			bfHoursString(ds, got), gotObj, rec.ObjectiveValue, bfHoursString(ds, best.hours), best.obj, bfScenarioText(s))
		return rec, best
	}
	if !rec.ObjectiveValue.Equal(best.obj) {
		t.Errorf("ObjectiveValue %s, brute force %s for %s\nscenario:\n%s", rec.ObjectiveValue, best.obj, bfHoursString(ds, got), bfScenarioText(s))
	}
	if rec.Objective != bfObjective(s) {
		t.Errorf("Objective %q, want %q", rec.Objective, bfObjective(s))
	}
	if !rec.PoolHours.Equal(bfPool(s)) {
		t.Errorf("PoolHours %s, want %s", rec.PoolHours, bfPool(s))
	}

	// The plan is the allocation drawn cheapest first, and Compute on it gives the
	// objective value.
	want := bfDraw(t, s, ds, best.hours)
	if len(want) != len(rec.Plan) {
		t.Errorf("plan %v, want %v", rec.Plan, want)
	} else {
		for i := range want {
			if want[i].Platform != rec.Plan[i].Platform || want[i].Role != rec.Plan[i].Role || !want[i].HoursPerWeek.Equal(rec.Plan[i].HoursPerWeek) {
				t.Errorf("plan line %d: %v, want %v (plan %v)", i, rec.Plan[i], want[i], rec.Plan)
			}
		}
	}
	if !rec.Proven || rec.Bound.Valid {
		t.Errorf("a small case is not proven within the budget (proven %v, bound %v, %d steps)", rec.Proven, rec.Bound, rec.Steps)
	}
	c := *s
	c.Plan = rec.Plan
	res, err := Compute(&c, nil)
	if err != nil {
		t.Fatalf("Compute of the recommended plan: %v", err)
	}
	if obj := bfPick(s, res); !obj.Equal(rec.ObjectiveValue) {
		t.Errorf("Compute on the recommended plan gives %s, ObjectiveValue is %s", obj, rec.ObjectiveValue)
	}
	if rec.Result == nil {
		t.Errorf("Result is nil")
	} else if obj := bfPick(s, rec.Result); !obj.Equal(rec.ObjectiveValue) {
		t.Errorf("Result's objective %s, ObjectiveValue %s", obj, rec.ObjectiveValue)
	}

	bfCheckMarginal(t, s, rec)
	return rec, best
}

// bfCheckMarginal checks that Marginal lists every recommended platform, in dataset
// order, with the objective lost when its hours are set to 0 (the others keeping
// theirs, hours drawn again cheapest first), computed with Compute.
func bfCheckMarginal(t *testing.T, s *Scenario, rec *Recommendation) {
	t.Helper()
	ds := bfDataset(t, s)
	hours := bfPlanHours(t, ds, rec.Plan)
	full, _ := bfEval(t, s, ds, hours)
	var want []Marginal
	for p, h := range hours {
		if !h.IsPositive() {
			continue
		}
		without := append([]decimal.Decimal(nil), hours...)
		without[p] = decimal.Zero
		obj, _ := bfEval(t, s, ds, without)
		want = append(want, Marginal{Platform: ds.Platforms[p].ID, Loss: full.Sub(obj)})
	}
	if len(want) != len(rec.Marginal) {
		t.Errorf("marginal %v, want %v", rec.Marginal, want)
		return
	}
	for i := range want {
		if want[i].Platform != rec.Marginal[i].Platform || !want[i].Loss.Equal(rec.Marginal[i].Loss) {
			t.Errorf("marginal %d: %s loses %s, want %s loses %s", i, rec.Marginal[i].Platform, rec.Marginal[i].Loss, want[i].Platform, want[i].Loss)
		}
	}
}

// bfCheckSingles checks that the recommendation is at least as good (objective
// rounded to 6 places) as every plan with a single candidate platform on the grid.
func bfCheckSingles(t *testing.T, s *Scenario, rec *Recommendation) {
	t.Helper()
	ds := bfDataset(t, s)
	pool := bfPool(s)
	key := rec.ObjectiveValue.Round(6)
	for _, p := range bfCandidates(s, ds) {
		for _, h := range bfOptions(bfParams(s, &ds.Platforms[p])) {
			if h.IsZero() || h.GreaterThan(pool) {
				continue
			}
			hours := make([]decimal.Decimal, len(ds.Platforms))
			hours[p] = h
			obj, _ := bfEval(t, s, ds, hours)
			if obj.Round(6).GreaterThan(key) {
				t.Errorf("%s with %s hours alone gives %s, more than the recommendation's %s", ds.Platforms[p].ID, h, obj, rec.ObjectiveValue)
			}
		}
	}
}

// ---- small models ----

// bfPick1 returns one of the choices at random.
func bfPick1[T any](r *rand.Rand, choices ...T) T { return choices[r.IntN(len(choices))] }

// bfRandomScenario builds a small valid scenario with its own dataset: 2–4 platforms
// with small hour ranges, 1–3 roles (rates sometimes equal), a pool of 0 to about
// 12 hours, and a random plan (which the recommendation must ignore).
func bfRandomScenario(r *rand.Rand, name string) *Scenario {
	nseg := 1 + r.IntN(3)
	ds := &Dataset{ID: "test-small", Title: "Small test dataset", Source: "made up for the tests", Year: 2024,
		Measure: "share of the segment using the platform"}
	for i := 0; i < nseg; i++ {
		ds.Segments = append(ds.Segments, Segment{ID: fmt.Sprintf("s%d", i), Label: fmt.Sprintf("Segment %d", i)})
	}
	nplat := 2 + r.IntN(3)
	for i := 0; i < nplat; i++ {
		pl := Platform{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Platform %d", i), Kind: "social",
			Penetration: map[string]decimal.Decimal{}}
		for _, seg := range ds.Segments {
			if r.IntN(6) == 0 {
				continue // missing counts as 0
			}
			pl.Penetration[seg.ID] = bfDec(bfPick1(r, "0", "0.05", "0.2", "0.37", "0.5", "0.81", "1"))
		}
		min := bfDec(bfPick1(r, "0", "0.5", "1", "1", "1.5", "2", "2.5", "0.3", "1.2"))
		full := min.Add(bfDec(bfPick1(r, "0", "0.5", "1", "1.7", "2.5", "3", "4")))
		if !full.IsPositive() {
			full = bfDec("0.5")
		}
		pl.Params = Params{MinHours: min, FullHours: full,
			ReachRate:  bfDec(bfPick1(r, "0", "0.01", "0.05", "0.2", "0.2", "0.5", "1", "0.0333", "0.000000001", "0.0000000004")),
			SetupHours: bfDec(bfPick1(r, "0", "0", "4", "8", "24", "2.5")),
			ToolCost:   bfDec(bfPick1(r, "0", "0", "0", "15", "120.5")),
			AdCost:     bfDec(bfPick1(r, "0", "0", "0", "50"))}
		if i > 0 && r.IntN(4) == 0 {
			// A twin of the previous platform: exact ties, won by the earlier one.
			prev := ds.Platforms[i-1]
			pl.Penetration, pl.Params = prev.Penetration, prev.Params
		}
		ds.Platforms = append(ds.Platforms, pl)
	}
	s := &Scenario{Name: name, Currency: "EUR", HorizonMonths: 1 + r.IntN(24), DatasetInline: ds}
	s.Audience.Size = decimal.NewFromInt(bfPick1[int64](r, 0, 1, 1000, 123457, 2000000, 2000000, 2000000, 30000000))
	s.Audience.Weights = map[string]decimal.Decimal{}
	for _, seg := range ds.Segments {
		s.Audience.Weights[seg.ID] = bfDec(bfPick1(r, "0", "1", "3", "0.25", "60"))
	}
	s.Audience.Weights[ds.Segments[r.IntN(nseg)].ID] = bfDec("1")

	// Overrides through the scenario, sometimes.
	if r.IntN(3) == 0 {
		pl := &ds.Platforms[r.IntN(nplat)]
		o := PlatformOverride{}
		switch r.IntN(4) {
		case 0:
			o.ReachRate = bfPtr(bfPick1(r, "0", "0.1", "0.7"))
		case 1:
			o.SetupHours = bfPtr(bfPick1(r, "0", "12"))
			o.AdCost = bfPtr("20")
		case 2:
			o.FullHours = bfPtr(pl.Params.MinHours.Add(bfDec("1.5")).String())
		default:
			o.ToolCost = bfPtr("3.33")
		}
		s.Platforms = map[string]PlatformOverride{pl.ID: o}
	}

	nrole := 1 + r.IntN(3)
	for i := 0; i < nrole; i++ {
		ro := Role{Name: fmt.Sprintf("Role %d", i),
			HoursPerWeek: bfDec(bfPick1(r, "0", "0.25", "1", "1.5", "2.75", "4", "4", "5", "6", "8"))}
		if r.IntN(5) == 0 {
			ro.AnnualSalary = bfPtr(bfPick1(r, "52000", "38000"))
		} else {
			ro.HourlyCost = bfPtr(bfPick1(r, "0", "2", "20", "35", "35", "60.25", "80"))
		}
		s.Staff = append(s.Staff, ro)
	}
	// Keep the pool to about 12 hours.
	for bfPool(s).GreaterThan(decimal.NewFromInt(12)) {
		i := r.IntN(nrole)
		s.Staff[i].HoursPerWeek = s.Staff[i].HoursPerWeek.Div(decimal.NewFromInt(2)).Floor()
	}
	s.Plan = bfRandomPlan(r, s, ds)

	s.Objective = bfPick1(r, "", ObjectiveReach, ObjectiveNet, ObjectiveNet)
	switch k := r.IntN(10); {
	case k == 0: // nil: 0
	case k == 1:
		s.ValuePer1000 = bfPtr("0")
	case k < 4 && s.Objective != ObjectiveNet:
		s.ValuePer1000 = bfPtr(bfPick1(r, "3.5", "10", "40"))
	default:
		s.ValuePer1000 = bfPtr(bfPick1(r, "3.5", "40", "250", "1000", "5000", "20000"))
	}
	if r.IntN(3) == 0 {
		s.Benefits = []Benefit{{Name: "Consular calls", AmountPerMonth: bfDec(bfPick1(r, "0", "100", "1200.5")), Ramped: r.IntN(2) == 0}}
	}
	switch r.IntN(5) {
	case 0:
		s.Maturity = []Anchor{{Month: bfDec("0"), Factor: bfDec("1")}}
	case 1:
		s.Maturity = []Anchor{{Month: bfDec("1"), Factor: bfDec("0")}, {Month: bfDec("4"), Factor: bfDec("0.9")}}
	case 2:
		s.Maturity = []Anchor{{Month: bfDec("0"), Factor: bfDec("0.2")}, {Month: bfDec("2.5"), Factor: bfDec("0.7")}, {Month: bfDec("6"), Factor: bfDec("1")}}
	default: // the default curve
	}
	if r.IntN(3) == 0 {
		// A random non-empty subset of the platforms, listed in random order.
		perm := r.Perm(nplat)
		k := 1 + r.IntN(nplat)
		for _, i := range perm[:k] {
			s.Candidates = append(s.Candidates, ds.Platforms[i].ID)
		}
	}
	return s
}

// bfRandomPlan spreads part of each role's hours over random platforms, in lines of
// quarter hours.
func bfRandomPlan(r *rand.Rand, s *Scenario, ds *Dataset) []PlanLine {
	var plan []PlanLine
	q := bfDec("0.25")
	for _, ro := range s.Staff {
		left := ro.HoursPerWeek
		for n := r.IntN(3); n > 0 && left.IsPositive(); n-- {
			k := 1 + r.IntN(int(left.Div(q).IntPart()))
			h := q.Mul(decimal.NewFromInt(int64(k)))
			plan = append(plan, PlanLine{Platform: ds.Platforms[r.IntN(len(ds.Platforms))].ID, Role: ro.Name, HoursPerWeek: h})
			left = left.Sub(h)
		}
	}
	return plan
}

// TestRecommendBruteForceRandom compares Recommend with the brute force on 200 small
// random models.
func TestRecommendBruteForceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 11))
	n := 200
	if testing.Short() {
		n = 40
	}
	for i := 0; i < n; i++ {
		s := bfRandomScenario(r, fmt.Sprintf("random %d", i))
		t.Run(fmt.Sprintf("case%03d", i), func(t *testing.T) {
			t.Parallel()
			if err := Validate(s, nil); err != nil {
				t.Fatalf("the generator made an invalid scenario: %v\n%s", err, bfScenarioText(s))
			}
			rec, _ := bfCheck(t, s)
			if t.Failed() {
				return
			}
			bfCheckSingles(t, s, rec)
			// The scenario's plan plays no part.
			c := *s
			c.Plan = nil
			rec2, err := Recommend(&c, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !rec2.ObjectiveValue.Equal(rec.ObjectiveValue) || fmt.Sprint(rec2.Plan) != fmt.Sprint(rec.Plan) {
				t.Errorf("without the plan: %v (%s); with it: %v (%s)", rec2.Plan, rec2.ObjectiveValue, rec.Plan, rec.ObjectiveValue)
			}
		})
	}
}

// bfTwinScenario is a hand-made model: one segment, N = 1000, full maturity from
// month 0, 3 months, one role at 10 per hour.
func bfTwinScenario(pool string, plats ...Platform) *Scenario {
	ds := &Dataset{ID: "test-twins", Title: "Twins", Source: "made up", Year: 2024, Measure: "share",
		Segments: []Segment{{ID: "all", Label: "Everyone"}}, Platforms: plats}
	return &Scenario{Name: "twins", Currency: "EUR", HorizonMonths: 3, DatasetInline: ds,
		Audience: Audience{Size: decimal.NewFromInt(1000), Weights: map[string]decimal.Decimal{"all": bfDec("1")}},
		Staff:    []Role{{Name: "Officer", HourlyCost: bfPtr("10"), HoursPerWeek: bfDec(pool)}},
		Maturity: []Anchor{{Month: bfDec("0"), Factor: bfDec("1")}}, ValuePer1000: bfPtr("0")}
}

func bfPlat(id, pen, min, full, rate string) Platform {
	return Platform{ID: id, Name: id, Penetration: map[string]decimal.Decimal{"all": bfDec(pen)},
		Params: Params{MinHours: bfDec(min), FullHours: bfDec(full), ReachRate: bfDec(rate)}}
}

// bfWantHours checks the recommended hours per platform id (others 0) and the
// objective value, both worked out by hand, then runs the brute-force check too.
func bfWantHours(t *testing.T, s *Scenario, want map[string]string, wantObj string) {
	t.Helper()
	rec, err := Recommend(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds := bfDataset(t, s)
	got := bfPlanHours(t, ds, rec.Plan)
	for p, pl := range ds.Platforms {
		w := decimal.Zero
		if v, ok := want[pl.ID]; ok {
			w = bfDec(v)
		}
		if !got[p].Equal(w) {
			t.Errorf("%s gets %s hours, want %s (plan %v)", pl.ID, got[p], w, rec.Plan)
		}
	}
	// Divisions are rounded to many places, so a hand-computed value is matched to
	// 1e-12, far below the 6 places of a tie.
	if rec.ObjectiveValue.Sub(bfDec(wantObj)).Abs().GreaterThan(bfDec("1e-12")) {
		t.Errorf("ObjectiveValue %s, want %s", rec.ObjectiveValue, wantObj)
	}
	bfCheck(t, s)
}

// TestRecommendTies checks the tie rules on models small enough to work out by hand.
func TestRecommendTies(t *testing.T) {
	// Reach of a platform at full effort: 1000 × 0.5 × 0.4 = 200 a month, 600 over 3.
	twin := func(id string) Platform { return bfPlat(id, "0.5", "1", "2", "0.4") }

	t.Run("identical platforms, room for one", func(t *testing.T) {
		// (2, 0) and (0, 2) reach 600; (1, 1) reaches 3 × 1000 × (1 − 0.9²) = 570.
		bfWantHours(t, bfTwinScenario("2", twin("a"), twin("b")), map[string]string{"a": "2"}, "600")
	})
	t.Run("identical platforms, listed the other way", func(t *testing.T) {
		bfWantHours(t, bfTwinScenario("2", twin("b"), twin("a")), map[string]string{"b": "2"}, "600")
	})
	t.Run("identical platforms, 3 hours", func(t *testing.T) {
		// (2, 1) and (1, 2): 1000 × (1 − 0.8 × 0.9) = 280 a month, 840 in all;
		// (1.5, 1.5): 1000 × (1 − 0.85²) = 277.5 a month. The earlier platform takes 2.
		bfWantHours(t, bfTwinScenario("3", twin("a"), twin("b")), map[string]string{"a": "2", "b": "1"}, "840")
	})
	t.Run("zero reach never gets hours", func(t *testing.T) {
		// z has reachRate 0 and y penetration 0: hours there reach no one.
		s := bfTwinScenario("10", bfPlat("z", "1", "0", "5", "0"), bfPlat("y", "0", "1", "4", "1"), twin("a"))
		bfWantHours(t, s, map[string]string{"a": "2"}, "600")
		s.Objective = ObjectiveNet
		s.Staff[0].HourlyCost = bfPtr("0") // free hours: only the tie rules keep z and y out
		// Value 0 and free hours: every allocation nets 0, and fewer hours win.
		bfWantHours(t, s, nil, "0")
		s.ValuePer1000 = bfPtr("10") // 600 people × 10 / 1000 = 6
		bfWantHours(t, s, map[string]string{"a": "2"}, "6")
	})
	t.Run("fewer hours before dataset order", func(t *testing.T) {
		// big and small both reach 1000 × 0.2 a month; small needs 2 hours, big 4; the
		// pool holds only one of them. Equal objective: fewer hours win.
		s := bfTwinScenario("4", bfPlat("big", "1", "4", "4", "0.2"), bfPlat("small", "1", "2", "2", "0.2"))
		bfWantHours(t, s, map[string]string{"small": "2"}, "600")
	})
	t.Run("agreeing to 6 places is a tie", func(t *testing.T) {
		// One month, N = 1000. big reaches 500. tiny with rate r adds 1000 × 0.5 × r:
		// r = 1e-10 adds 0.00000005, a tie at 6 places, so tiny stays out.
		s := bfTwinScenario("2", bfPlat("big", "1", "1", "1", "0.5"), bfPlat("tiny", "1", "1", "1", "0.0000000001"))
		s.HorizonMonths = 1
		bfWantHours(t, s, map[string]string{"big": "1"}, "500")
		// r = 1e-9 adds 0.0000005: 500.0000005 rounds half away from zero to
		// 500.000001, above 500, so tiny gets its hour.
		s.DatasetInline.Platforms[1].Params.ReachRate = bfDec("0.000000001")
		bfWantHours(t, s, map[string]string{"big": "1", "tiny": "1"}, "500.0000005")
		// r = 2e-9 adds 0.000001.
		s.DatasetInline.Platforms[1].Params.ReachRate = bfDec("0.000000002")
		bfWantHours(t, s, map[string]string{"big": "1", "tiny": "1"}, "500.000001")
	})
	t.Run("no maturity, no reach", func(t *testing.T) {
		s := bfTwinScenario("6", twin("a"), twin("b"))
		s.Maturity = []Anchor{{Month: bfDec("0"), Factor: bfDec("0")}}
		bfWantHours(t, s, nil, "0")
	})
	t.Run("empty audience", func(t *testing.T) {
		s := bfTwinScenario("6", twin("a"), twin("b"))
		s.Audience.Size = decimal.Zero
		bfWantHours(t, s, nil, "0")
	})
	t.Run("pool below every minimum", func(t *testing.T) {
		s := bfTwinScenario("0.75", twin("a"), twin("b"))
		bfWantHours(t, s, nil, "0")
	})
	t.Run("off-grid minimum and pool", func(t *testing.T) {
		// minHours 1.2: the grid starts at 1.5; fullHours 2.3: it ends at 2; the pool
		// of 3.75 hours leaves room for 2 + 1.5 at most.
		p := func(id string) Platform { return bfPlat(id, "1", "1.2", "2.3", "0.46") }
		s := bfTwinScenario("3.75", p("a"), p("b"))
		s.HorizonMonths = 1
		// a = 2 → g = 2/2.3, x = 0.4; b = 1.5 → x = 0.3; 1000 × (1 − 0.6 × 0.7) = 580.
		bfWantHours(t, s, map[string]string{"a": "2", "b": "1.5"}, "580")
	})
	t.Run("net: the cheapest role first, then dataset order", func(t *testing.T) {
		s := bfTwinScenario("0", twin("a"), twin("b"))
		s.Objective = ObjectiveNet
		s.ValuePer1000 = bfPtr("1000") // 200 people a month are worth 200
		s.Staff = []Role{
			{Name: "Dear", HourlyCost: bfPtr("5"), HoursPerWeek: bfDec("2")},
			{Name: "Cheap", HourlyCost: bfPtr("1"), HoursPerWeek: bfDec("3")},
		}
		// Both platforms at 2 hours: reach 3 × 1000 × (1 − 0.8²) = 1080, value 1080.
		// Hours drawn: a takes 2 Cheap, b takes 1 Cheap + 1 Dear: weekly 2 + 6 = 8,
		// cost 3 × 8 × 52 / 12 = 104; net 976. One platform: 600 − 3 × 2 × 52 / 12 = 574.
		bfWantHours(t, s, map[string]string{"a": "2", "b": "2"}, "976")
		rec, _ := Recommend(s, nil)
		want := []PlanLine{{"a", "Cheap", bfDec("2")}, {"b", "Cheap", bfDec("1")}, {"b", "Dear", bfDec("1")}}
		if fmt.Sprint(rec.Plan) != fmt.Sprint(want) {
			t.Errorf("plan %v, want %v", rec.Plan, want)
		}
	})
}

// TestRecommendBruteForceEmbedded runs the brute force on the embedded dataset with
// a few candidates and a small pool, for both objectives.
func TestRecommendBruteForceEmbedded(t *testing.T) {
	for _, obj := range []Objective{ObjectiveReach, ObjectiveNet} {
		for _, value := range []string{"10", "150"} {
			s := DefaultScenario()
			s.Candidates = []string{"website", "pinterest", "linkedin", "whatsapp"}
			s.Staff[0].HoursPerWeek = bfDec("7.5")
			s.Staff = append(s.Staff, Role{Name: "Intern", HourlyCost: bfPtr("12"), HoursPerWeek: bfDec("3")})
			s.Plan = nil
			s.Objective = obj
			s.ValuePer1000 = bfPtr(value)
			s.Ranges = nil // the default scenario's range of valuePer1000 holds only its own value
			t.Run(string(obj)+"/"+value, func(t *testing.T) {
				t.Parallel()
				rec, _ := bfCheck(t, s)
				bfCheckSingles(t, s, rec)
			})
		}
	}
}

// TestRecommendDefaultScenario checks the default scenario's recommendation against
// every single-platform plan, and its marginal contributions, for both objectives.
func TestRecommendDefaultScenario(t *testing.T) {
	for _, obj := range []Objective{ObjectiveReach, ObjectiveNet} {
		t.Run(string(obj), func(t *testing.T) {
			t.Parallel()
			s := DefaultScenario()
			s.Objective = obj
			rec, err := Recommend(s, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := *s
			c.Plan = rec.Plan
			res, err := Compute(&c, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := bfPick(s, res); !got.Equal(rec.ObjectiveValue) {
				t.Errorf("Compute on the plan: %s, ObjectiveValue %s", got, rec.ObjectiveValue)
			}
			total := decimal.Zero
			for _, l := range rec.Plan {
				total = total.Add(l.HoursPerWeek)
			}
			if total.GreaterThan(bfPool(s)) {
				t.Errorf("plan uses %s hours, pool is %s", total, bfPool(s))
			}
			ds := bfDataset(t, s)
			for p, h := range bfPlanHours(t, ds, rec.Plan) {
				if h.IsZero() {
					continue
				}
				pr := bfParams(s, &ds.Platforms[p])
				if h.LessThan(pr.MinHours) || h.GreaterThan(pr.FullHours) || !h.Mod(bfHalf).IsZero() {
					t.Errorf("%s gets %s hours, off the grid [%s, %s] in half hours", ds.Platforms[p].ID, h, pr.MinHours, pr.FullHours)
				}
			}
			if obj == ObjectiveReach && len(rec.Plan) == 0 {
				t.Errorf("no platform recommended for reach")
			}
			bfCheckSingles(t, s, rec)
			bfCheckMarginal(t, s, rec)
		})
	}
}

// TestRecommendMarginalRandom checks marginal contributions on random models with
// larger pools than the brute force could search, where the recommendation is
// usually spread over several platforms.
func TestRecommendMarginalRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 30; i++ {
		s := bfRandomScenario(r, fmt.Sprintf("marginal %d", i))
		s.Staff = append(s.Staff, Role{Name: "Extra", HourlyCost: bfPtr("1"), HoursPerWeek: bfDec("10")})
		s.ValuePer1000 = bfPtr("1000")
		t.Run(fmt.Sprintf("case%02d", i), func(t *testing.T) {
			rec, err := Recommend(s, nil)
			if err != nil {
				t.Fatal(err)
			}
			bfCheckMarginal(t, s, rec)
		})
	}
}

// TestRecommendNetTieAtHugeValue is a tie at 6 places between two single-platform
// plans, with inputs at the limits the validation accepts (audience 10^10, value
// 10^12 per 1,000 reached). The model's answer is the plan with fewer hours.
//
// One month at full maturity, N = 10^10, value 10^9 per person reached, one role at
// r = 0.769230807654 per hour with 4 hours:
//   - b: penetration 1, reachRate 0.7, 3 hours (min = full = 3): reaches 7·10^9
//     people, worth 7·10^18, and costs 3 × r × 52 / 12 = 13 r = 10.000000499502;
//     net 6999999999999999989.999999500498, which rounds (half away from zero) to
//     6999999999999999990.000000.
//   - a: reachRate 0.7000001, 4 hours (min = full = 4), with a tool cost chosen so
//     that its net is the same to 10^-12: the same key, but 4 hours.
//
// Only one fits in the pool. The tie goes to fewer hours: b.
func TestRecommendNetTieAtHugeValue(t *testing.T) {
	r := bfDec("0.769230807654")
	netB := bfDec("7e18").Sub(r.Mul(decimal.NewFromInt(13)))
	costA := decimal.NewFromInt(4).Mul(r).Mul(decimal.NewFromInt(52)).DivRound(decimal.NewFromInt(12), 40)
	tool := bfDec("7000001e12").Sub(costA).Sub(netB).Round(12)
	a := bfPlat("a", "1", "4", "4", "0.7000001")
	a.Params.ToolCost = tool
	b := bfPlat("b", "1", "3", "3", "0.7")
	s := bfTwinScenario("4", a, b)
	s.HorizonMonths = 1
	s.Audience.Size = decimal.NewFromInt(10_000_000_000)
	s.ValuePer1000 = bfPtr("1000000000000")
	s.Staff[0].HourlyCost = &r
	s.Objective = ObjectiveNet
	if err := Validate(s, nil); err != nil {
		t.Fatalf("the case is not valid input: %v", err)
	}
	bfWantHours(t, s, map[string]string{"b": "3"}, "6999999999999999989.999999500498")
}
