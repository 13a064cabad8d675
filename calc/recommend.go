package calc

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Recommendation is the best allocation of the staff pool over the candidate
// platforms for one objective: each candidate gets 0 hours or a multiple of 0.5 hour
// within [minHours, fullHours], the hours add up to at most the pool, and no other
// such allocation does better (objective values equal to 6 decimal places are a tie,
// won by fewer total hours, then by more hours on earlier platforms of the dataset).
type Recommendation struct {
	Objective Objective
	// ObjectiveValue is reach (people, monthly unique reach summed over the horizon)
	// or net value (money) of the recommended plan.
	ObjectiveValue decimal.Decimal
	PoolHours      decimal.Decimal // hours per week available, all roles
	Plan           []PlanLine      // platforms in dataset order, roles cheapest first
	// Marginal says, for each recommended platform, what the objective loses when that
	// platform's hours are set to 0 and the others keep theirs.
	Marginal []Marginal
	Result   *Result // the recommended plan computed in full
	Nodes    int     // allocations and partial allocations the search visited
}

// Marginal is a recommended platform's contribution to the objective.
type Marginal struct {
	Platform string
	Loss     decimal.Decimal // people or money, as the objective
}

// Recommend finds the recommended allocation for s's objective, over s's candidate
// platforms, with every role's available hours as the pool (s's plan plays no part).
func Recommend(s *Scenario, c *Catalog) (*Recommendation, error) {
	m, err := resolve(s, c)
	if err != nil {
		return nil, err
	}
	return m.recommend(), nil
}

// search is a depth-first branch and bound over the candidates in dataset order. Its
// bound uses two facts: adding a platform never adds more reach than the platform's own
// reach over the people not yet reached, and a platform's reach grows linearly with its
// hours up to fullHours; so the reach still to gain is at most a fractional knapsack of
// the remaining platforms' reach per hour. For net value, the remaining hours cost at
// least the cheapest remaining staff rate.
type search struct {
	m          *model
	cand       []int   // platform indices, dataset order
	opts       [][]int // per candidate: options in half-hours, most first, 0 last
	shares     [][][]decimal.Decimal
	density    []decimal.Decimal // per candidate: fit × reachRate / fullHours (share per weekly hour at full maturity)
	maxHalf    []int             // per candidate: largest option
	setupHours []decimal.Decimal // per candidate: one-off hours
	cash       []decimal.Decimal // per candidate: tools and ads over the horizon
	byDens     []int             // candidate positions, density descending
	capK       [][]decimal.Decimal
	cum        []decimal.Decimal // cum[k]: weekly staff cost of the first k half-hours, cheapest first
	rateAt     []decimal.Decimal // rateAt[k]: cheapest rate of the hours after the first k half-hours
	pool       int               // half-hours
	hzn        decimal.Decimal
	benefit    decimal.Decimal
	eps        decimal.Decimal

	alloc     []int
	best      []int
	bestObj   decimal.Decimal
	bestKey   decimal.Decimal
	bestHours int
	found     bool
	nodes     int
}

func (m *model) recommend() *Recommendation {
	sr := m.newSearch()
	notReached := make([]decimal.Decimal, m.horizon)
	for i := range notReached {
		notReached[i] = one
	}
	// The empty plan is always feasible: as the first incumbent it lets the search
	// discard at once every branch that costs more than it can return.
	sr.leaf(sr.objective(notReached, decimal.Zero), 0)
	sr.dfs(0, 0, notReached, decimal.Zero)
	hours := sr.hours(sr.best)
	rec := &Recommendation{Objective: m.objective, ObjectiveValue: sr.bestObj, PoolHours: m.pool(), Nodes: sr.nodes}
	lines := m.draw(hours)
	for p, ls := range lines {
		for _, l := range ls {
			rec.Plan = append(rec.Plan, PlanLine{Platform: m.plats[p].ID, Role: m.roles[l.role].name, HoursPerWeek: l.hours})
		}
	}
	for ci, h := range sr.best {
		if h == 0 {
			continue
		}
		without := append([]int(nil), sr.best...)
		without[ci] = 0
		rec.Marginal = append(rec.Marginal, Marginal{Platform: m.plats[sr.cand[ci]].ID, Loss: sr.bestObj.Sub(sr.evaluate(without))})
	}
	rec.Result = m.withPlan(lines).compute()
	return rec
}

// withPlan returns a copy of m whose plan is lines (per platform, dataset order).
func (m *model) withPlan(lines [][]line) *model {
	c := *m
	c.plats = append([]platform(nil), m.plats...)
	for p := range c.plats {
		c.plats[p].lines, c.plats[p].hours = lines[p], decimal.Zero
		for _, l := range lines[p] {
			c.plats[p].hours = c.plats[p].hours.Add(l.hours)
		}
	}
	return &c
}

func (m *model) newSearch() *search {
	sr := &search{m: m, cand: m.cands, hzn: decimal.NewFromInt(int64(m.horizon))}
	for _, b := range m.benefits {
		sr.benefit = sr.benefit.Add(b)
	}
	// The bound is computed from shares rounded to divPlaces; its margin covers those
	// roundings at the scale of the objective (people, or people × value per person).
	sr.eps = m.size.Add(one).Mul(m.value.Add(one)).Mul(sr.hzn).Mul(decimal.New(1, -18))
	n := len(sr.cand)
	sr.alloc = make([]int, n)
	for _, p := range sr.cand {
		pr := &m.plats[p].params
		lo := int(pr.MinHours.Mul(two).Ceil().IntPart())
		hi := int(pr.FullHours.Mul(two).Floor().IntPart())
		if lo < 1 {
			lo = 1
		}
		dens := m.plats[p].fit.Mul(pr.ReachRate).DivRound(pr.FullHours, divPlaces)
		var opts []int
		var shares [][]decimal.Decimal
		if dens.IsPositive() { // hours on a platform that reaches no one only cost
			for k := hi; k >= lo; k-- {
				opts = append(opts, k)
				shares = append(shares, m.reachShares(p, halfHours(k)))
			}
		}
		if len(opts) == 0 {
			hi = 0
		}
		sr.opts = append(sr.opts, append(opts, 0))
		sr.shares = append(sr.shares, append(shares, nil))
		sr.density = append(sr.density, dens)
		sr.maxHalf = append(sr.maxHalf, hi)
		sr.setupHours = append(sr.setupHours, pr.SetupHours)
		sr.cash = append(sr.cash, pr.ToolCost.Add(pr.AdCost).Mul(sr.hzn))
	}
	sr.byDens = make([]int, n)
	for i := range sr.byDens {
		sr.byDens[i] = i
	}
	sort.SliceStable(sr.byDens, func(a, b int) bool { return sr.density[sr.byDens[a]].GreaterThan(sr.density[sr.byDens[b]]) })

	// The pool, and the cost of drawing it cheapest first.
	order := m.rolesByRate()
	sr.pool = int(m.pool().Mul(two).Floor().IntPart())
	sr.cum = make([]decimal.Decimal, sr.pool+1)
	sr.rateAt = make([]decimal.Decimal, sr.pool+1)
	for k := 0; k <= sr.pool; k++ {
		x := halfHours(k)
		start := decimal.Zero
		cost := decimal.Zero
		rate := decimal.Zero
		rateSet := false
		for _, r := range order {
			ro := &m.roles[r]
			end := start.Add(ro.avail)
			if x.GreaterThan(start) {
				cost = cost.Add(decimal.Min(x, end).Sub(start).Mul(ro.rate))
			}
			if !rateSet && end.GreaterThan(x) {
				rate, rateSet = ro.rate, true
			}
			start = end
		}
		sr.cum[k], sr.rateAt[k] = cost, rate
	}

	// capK[i][left]: the most Σ density × hours the candidates from position i on can
	// add with left half-hours (fractional knapsack, caps at their largest option).
	sr.capK = make([][]decimal.Decimal, n+1)
	for i := 0; i <= n; i++ {
		sr.capK[i] = make([]decimal.Decimal, sr.pool+1)
		for left := 0; left <= sr.pool; left++ {
			sum, l := decimal.Zero, left
			for _, j := range sr.byDens {
				if j < i || l == 0 {
					continue
				}
				take := min(sr.maxHalf[j], l)
				sum = sum.Add(sr.density[j].Mul(halfHours(take)))
				l -= take
			}
			sr.capK[i][left] = sum
		}
	}
	return sr
}

var two = decimal.NewFromInt(2)

func halfHours(k int) decimal.Decimal { return decimal.New(int64(k)*5, -1) }

// dfs extends the allocation from candidate position i, with used half-hours so far,
// the share of the audience not yet reached per month, and the cost so far.
func (sr *search) dfs(i, used int, notReached []decimal.Decimal, cost decimal.Decimal) {
	sr.nodes++
	m := sr.m
	if i == len(sr.cand) {
		sr.leaf(sr.objective(notReached, cost), used)
		return
	}
	if sr.found {
		bound := sr.bound(i, used, notReached, cost).Add(sr.eps).Round(tieDecimalPlcs)
		if bound.LessThan(sr.bestKey) {
			return
		}
	}
	p := sr.cand[i]
	next := make([]decimal.Decimal, len(notReached))
	order := sr.opts[i]
	if m.objective == ObjectiveNet && !sr.pays(i, used, notReached) {
		// Try no presence first where one cannot pay for itself: good plans, found
		// early, let the bound discard more.
		order = append([]int{0}, order[:len(order)-1]...)
	}
	for _, k := range order {
		oi := sr.optionIndex(i, k)
		if used+k > sr.pool {
			continue
		}
		sr.alloc[i] = k
		if k == 0 {
			sr.dfs(i+1, used, notReached, cost)
			continue
		}
		copy(next, notReached)
		mulNotReached(next, sr.shares[i][oi])
		c, _ := m.platformCost(p, sr.cum[used+k].Sub(sr.cum[used]), halfHours(k))
		sr.dfs(i+1, used+k, next, cost.Add(c))
	}
	sr.alloc[i] = 0
}

// pays reports whether candidate i's best case, net of its costs at the cheapest
// remaining rate, is positive at its largest option.
func (sr *search) pays(i, used int, notReached []decimal.Decimal) bool {
	if sr.maxHalf[i] == 0 {
		return false
	}
	m := sr.m
	w := decimal.Zero
	for t, nr := range notReached {
		w = w.Add(m.maturity[t].Mul(nr))
	}
	rate := sr.rateAt[used]
	h := halfHours(sr.maxHalf[i])
	gain := m.size.Mul(w).Mul(m.value).Shift(thousandthExp).Mul(sr.density[i]).Mul(h)
	cost := rate.Mul(weeksPerYear).Mul(sr.hzn).Mul(h).DivRound(monthsPerYear, divPlaces).Add(sr.setupHours[i].Mul(rate)).Add(sr.cash[i])
	return gain.GreaterThan(cost)
}

// optionIndex is the position of option k (half-hours) of candidate i; options run
// from most hours down to 0.
func (sr *search) optionIndex(i, k int) int {
	if k == 0 {
		return len(sr.opts[i]) - 1
	}
	return sr.opts[i][0] - k
}

// objective is the objective's value for the share not reached per month and the cost.
func (sr *search) objective(notReached []decimal.Decimal, cost decimal.Decimal) decimal.Decimal {
	reach := decimal.Zero
	for _, nr := range notReached {
		reach = reach.Add(sr.m.uniqueReach(nr))
	}
	if sr.m.objective == ObjectiveReach {
		return reach
	}
	return sr.m.reachValue(reach).Add(sr.benefit).Sub(cost)
}

// bound is at least the objective of every completion of the current partial allocation.
func (sr *search) bound(i, used int, notReached []decimal.Decimal, cost decimal.Decimal) decimal.Decimal {
	m := sr.m
	w := decimal.Zero // Σ_m e(m) × share not yet reached
	for t, nr := range notReached {
		w = w.Add(m.maturity[t].Mul(nr))
	}
	cur := sr.objective(notReached, cost)
	left := sr.pool - used
	if m.objective == ObjectiveReach {
		return cur.Add(m.size.Mul(w).Mul(sr.capK[i][left]))
	}
	// Net: each further weekly hour on candidate j adds at most N × density_j × w ×
	// value/1000 and costs at least the cheapest remaining rate × 52 × H / 12. Its fixed
	// costs (set-up hours, at no less than that rate, and tools and ads over the
	// horizon) are at least their share per hour of its largest option times its hours.
	rate := sr.rateAt[used]
	perHour := m.size.Mul(w).Mul(m.value).Shift(thousandthExp)
	hourCost := rate.Mul(weeksPerYear).Mul(sr.hzn).DivRound(monthsPerYear, divPlaces)
	type item struct {
		net  decimal.Decimal
		half int
	}
	items := make([]item, 0, len(sr.cand)-i)
	for j := i; j < len(sr.cand); j++ {
		if sr.maxHalf[j] == 0 {
			continue
		}
		fixed := sr.setupHours[j].Mul(rate).Add(sr.cash[j]).DivRound(halfHours(sr.maxHalf[j]), divPlaces)
		if d := perHour.Mul(sr.density[j]).Sub(hourCost).Sub(fixed); d.IsPositive() {
			items = append(items, item{d, sr.maxHalf[j]})
		}
	}
	sort.Slice(items, func(a, b int) bool { return items[a].net.GreaterThan(items[b].net) })
	gain := decimal.Zero
	for _, it := range items {
		if left == 0 {
			break
		}
		take := min(it.half, left)
		gain = gain.Add(it.net.Mul(halfHours(take)))
		left -= take
	}
	return cur.Add(gain)
}

// leaf records the current allocation if it beats the best so far.
func (sr *search) leaf(obj decimal.Decimal, hours int) {
	key := obj.Round(tieDecimalPlcs)
	better := !sr.found
	if !better {
		switch c := key.Cmp(sr.bestKey); {
		case c > 0:
			better = true
		case c == 0 && hours < sr.bestHours:
			better = true
		case c == 0 && hours == sr.bestHours:
			for i := range sr.alloc {
				if sr.alloc[i] != sr.best[i] {
					better = sr.alloc[i] > sr.best[i]
					break
				}
			}
		}
	}
	if better {
		sr.found, sr.bestObj, sr.bestKey, sr.bestHours = true, obj, key, hours
		sr.best = append(sr.best[:0], sr.alloc...)
	}
}

// hours turns an allocation (half-hours per candidate) into hours per platform.
func (sr *search) hours(alloc []int) []decimal.Decimal {
	h := make([]decimal.Decimal, len(sr.m.plats))
	for ci, k := range alloc {
		h[sr.cand[ci]] = halfHours(k)
	}
	return h
}

// evaluate computes the objective of an allocation from scratch, as Compute would.
func (sr *search) evaluate(alloc []int) decimal.Decimal {
	m := sr.m
	r := m.withPlan(m.draw(sr.hours(alloc))).compute()
	if m.objective == ObjectiveReach {
		return r.Totals.Reach
	}
	return r.Totals.Net
}
