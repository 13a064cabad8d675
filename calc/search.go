package calc

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/shopspring/decimal"
)

// RecommendStepBudget is the most steps Recommend's search may take. A step is about
// one term of the search's float64 arithmetic: one month (or one maturity level) of
// one platform's share not reached, or of one bound; an exact evaluation in decimal
// counts as the float64 terms it takes the time of. The budget is counted, never
// timed, so that the same scenario gets the same answer on every machine (the search
// uses only float64 +, −, × and ÷, which IEEE 754 rounds the same everywhere, never
// fused, and no function such as exp or log, whose last bits differ between
// machines); it is sized so that the search ends within about one second natively.
const RecommendStepBudget = 400_000_000

// The search's arithmetic.
const (
	// slackUnits sets the margin by which bounds computed in float64 are raised so
	// that they stay above the exact decimal objective: slackUnits × (n + 4) units of
	// float64's rounding (2⁻⁵³) of the largest objective value the scenario can
	// produce, for n platforms. Each figure converted from decimal carries at most
	// toFloatUnits units of error; each platform's factor in a product of shares not
	// reached, made of three such figures, at most about 20; a bound adds two such
	// products and its sums and costs add a few more: about 40 (n + 4) units in all.
	slackUnits   = 64
	toFloatUnits = 6
	// halfTieUnit is half a unit of the tie rule's 6th decimal place: an objective
	// below key − halfTieUnit rounds to less than key; one below key + halfTieUnit
	// rounds to key or less.
	halfTieUnit = 5e-7
	// An exact evaluation, in decimal arithmetic, is charged decimalTermSteps steps
	// for each month of each platform (a multiplication rounded to divPlaces) and
	// decimalPlatformSteps for each platform's costs (two divisions among them):
	// about the time of that many float64 terms.
	decimalTermSteps     = 200
	decimalPlatformSteps = 1500
	// callSteps is charged for each state, bound or value computed, on top of its
	// terms: the work that does not grow with the horizon; totalSteps for each total
	// of hours a bound for net value tries, on top of its levels; sortSteps for each
	// branch put in order.
	callSteps  = 4
	totalSteps = 3
	sortSteps  = 8
	// maxTableCells is the most float64 cells of the bound tables (32 MiB); with more
	// maturity levels or hours than fit, levels are merged, and without room for one
	// level the search uses the linear bound.
	maxTableCells = 1 << 22
	// maxTableShare is the largest share of the budget that building the bound tables
	// may take.
	maxTableShare = 4
	// improveShare: the greedy plan and the local searches take at most
	// 1/improveShare of the budget.
	improveShare = 8
	// netBlocks is the number of blocks of total hours over which the bound for net
	// value is first taken, before the most promising blocks are searched hour by hour.
	netBlocks = 16
)

// search is a depth-first branch and bound over the candidates' hours, computed in
// float64 and checked in decimal: a plan that could beat or tie the best so far is
// evaluated exactly, as Compute would, and only exact values decide between plans,
// so that the tie rules hold to the last digit.
//
// Its bound rests on the random-duplication model: in month m, the share of the
// audience not reached is the product over platforms of (1 − x[p,m]), where x is the
// share the platform reaches. With the maturity factor e(m) held at a level ≥ e(m),
// that product over the platforms still to decide is at least the least product any
// allocation of the hours left can give at that level: a knapsack over the platforms
// (products, not sums, so it is exact on the grid, minimum hours included), solved
// once per level by dynamic programming for every suffix of the search order and
// every number of half-hours. For net value, the hours cost the staff cost of the
// pool's first hours, cheapest first, and the platforms that take them at least
// their tools, ads and set-up hours at the cheapest rate; a second table couples
// these fixed costs with the reach (see bound).
//
// When the depth-first part runs out of its share of the budget, the branches left
// go to a frontier searched best bound first (frontier.go); a local search improves
// every better plan found (improve.go).
type search struct {
	m   *model
	H   int             // months of the horizon
	hzn decimal.Decimal // H as a decimal

	// The candidates, in dataset order.
	cand    []int       // platform index
	opts    [][]int     // options in half-hours, most first, 0 last
	share   [][]float64 // per option: fit × reachRate × effort, the share reached a month at full maturity
	monthly []float64   // tools and ads per month
	setup   []float64   // set-up hours
	fixedLB []float64   // tools and ads over the horizon and set-up hours at the cheapest rate
	sharesD [][][]decimal.Decimal

	order []int // search position → candidate; the candidates that can reach anyone, the largest reach first
	pool  int   // half-hours an allocation may use: the staff pool, at most every candidate's largest option

	// Months and maturity levels.
	e      []float64 // e(m)
	level  []int     // month → maturity level, -1 when e(m) = 0
	levels []float64 // maturity levels, ascending: each month's e(m) is at most its level

	// Bound tables: psi[(d×(pool+1)+T)×stride+l] is the least share not reached (a
	// product of 1 − x) that positions d… of the order can give with at most T
	// half-hours at maturity levels[l], of L. fixMin[d×(pool+1)+T] is the least fixed cost
	// (fixedLB) of the platforms that take exactly T half-hours at positions d…
	// (+Inf when they cannot). fixBlock holds its minimum over blocks of blockSize.
	psi       []float64
	stride    int     // cells of psi per (d, T): L, or 2L for net value (then the raised table from L on)
	lambda    float64 // the penalty per unit of fixed cost in the raised table
	fixMin    []float64
	fixBlock  []float64
	blockSize int
	linear    bool      // the tables did not fit: use the linear bound
	density   []float64 // linear bound: per position, share per half-hour at full maturity

	// Roles and money.
	cum      []decimal.Decimal // cum[k]: weekly staff cost of the pool's first k half-hours, cheapest first
	cumF     []float64
	staffF   []float64 // staffF[k]: staff cost over the horizon of the first k half-hours
	size     float64   // N, people
	perShare float64   // money per share of the audience reached in a month: N × valuePer1000 / 1000
	benefitF float64
	benefit  decimal.Decimal // benefit lines over the horizon
	slack    float64         // margin of float bounds over exact values, in objective units

	// Search state.
	alloc     []int // half-hours per candidate
	best      []int
	bestObj   decimal.Decimal
	bestKey   decimal.Decimal // bestObj rounded to tieDecimalPlcs
	bestKeyF  float64
	bestHours int
	found     bool

	steps, budget int
	limit         int  // the steps the search may reach in its current phase
	improveLeft   int  // steps left for local searches
	stopped       bool // the budget ran out
	lost          bool // a branch did not fit in the frontier
	front         frontier
	seq           int
	// open is the largest bound of branches left undone that are not in the
	// frontier: given up, or set aside as at best a tie with more hours.
	open   float64
	nrBuf  [][]float64
	kidBuf [][]child
	w      []float64 // per level: Σ of the share not reached over its months

	pace *pacer // the run this search is part of, nil when it is one-shot
}

// child is a branch of the search: an option of one candidate and its bound.
type child struct {
	k, oi int     // half-hours, and the option's index
	bound float64 // upper bound of the objective below this branch, slack included
}

var two = decimal.NewFromInt(2)

func halfHours(k int) decimal.Decimal { return decimal.New(int64(k)*5, -1) }

// toFloat converts d to float64 within toFloatUnits units of 2⁻⁵³ of its value. It
// rounds d first to 16 significant digits (15 when 16 do not fit in 53 bits), so that
// the conversion is one correctly rounded division, quick also where big-number
// arithmetic is slow (WebAssembly); values of more than 22 decimal places keep the
// exact conversion.
func toFloat(d decimal.Decimal) float64 {
	if n := d.NumDigits(); n > 16 {
		places := 16 - int32(n) - d.Exponent()
		r := d.Round(places)
		if c := r.CoefficientInt64(); c > 1<<53 || c < -1<<53 {
			r = d.Round(places - 1)
		}
		d = r
	}
	f, _ := d.Float64()
	return f
}

func (m *model) newSearch(budget int) *search {
	H := m.horizon
	sr := &search{m: m, H: H, hzn: decimal.NewFromInt(int64(H)), budget: budget, open: negInf, pace: m.pace}
	for _, b := range m.benefits {
		sr.benefit = sr.benefit.Add(b)
	}
	sr.benefitF = toFloat(sr.benefit)
	sr.size = toFloat(m.size)
	sr.perShare = toFloat(m.size.Mul(m.value).Shift(thousandthExp))

	// The pool, and the cost of drawing it cheapest first.
	order := m.rolesByRate()
	poolHalf := int(m.pool().Mul(two).Floor().IntPart())
	cheapest, dearest := decimal.Zero, decimal.Zero
	if len(order) > 0 {
		cheapest, dearest = m.roles[order[0]].rate, m.roles[order[len(order)-1]].rate
	}

	// The candidates and their options. When no plan can gain anything (no audience,
	// no maturity, or for net value no value per person reached), hours only cost, or
	// change nothing: the empty plan is best, and no candidate gets options.
	gain := m.size.IsPositive() && (m.objective == ObjectiveReach || m.value.IsPositive())
	mature := false
	for _, e := range m.maturity {
		mature = mature || e.IsPositive()
	}
	gain = gain && mature
	hiSum := 0
	for _, p := range m.cands {
		pl := &m.plats[p]
		pr := &pl.params
		lo := int(pr.MinHours.Mul(two).Ceil().IntPart())
		hi := int(pr.FullHours.Mul(two).Floor().IntPart())
		lo = max(lo, 1)
		fitRate := pl.fit.Mul(pr.ReachRate)
		fullF := toFloat(pr.FullHours)
		fitRateF := toFloat(fitRate)
		var opts []int
		var share []float64
		if gain && fitRate.IsPositive() { // hours on a platform that reaches no one only cost
			for k := hi; k >= lo; k-- {
				opts = append(opts, k)
				share = append(share, fitRateF*min(1, float64(k)/2/fullF))
			}
		}
		if len(opts) > 0 {
			hiSum += opts[0]
		}
		sr.cand = append(sr.cand, p)
		sr.opts = append(sr.opts, append(opts, 0))
		sr.share = append(sr.share, append(share, 0))
		cash := toFloat(pr.ToolCost.Add(pr.AdCost).Mul(sr.hzn))
		setup := toFloat(pr.SetupHours)
		sr.monthly = append(sr.monthly, toFloat(pr.ToolCost.Add(pr.AdCost)))
		sr.setup = append(sr.setup, setup)
		sr.fixedLB = append(sr.fixedLB, cash+float64(setup*toFloat(cheapest)))
		sr.sharesD = append(sr.sharesD, make([][]decimal.Decimal, len(opts)+1))
	}
	sr.pool = min(poolHalf, hiSum)
	for ci := range sr.cand {
		if len(sr.opts[ci]) > 1 {
			sr.order = append(sr.order, ci)
		}
	}
	// The largest reach first; for net value, the largest fixed costs first: the
	// bound takes the least fixed costs apart from the most reach, so it is closer
	// once the platforms whose fixed costs weigh most are decided.
	sort.SliceStable(sr.order, func(a, b int) bool { return sr.share[sr.order[a]][0] > sr.share[sr.order[b]][0] })
	if m.objective == ObjectiveNet {
		sort.SliceStable(sr.order, func(a, b int) bool { return sr.fixedLB[sr.order[a]] > sr.fixedLB[sr.order[b]] })
	}
	n := len(sr.order)

	sr.cum = make([]decimal.Decimal, sr.pool+1)
	sr.cumF = make([]float64, sr.pool+1)
	sr.staffF = make([]float64, sr.pool+1)
	for k := 0; k <= sr.pool; k++ {
		x := halfHours(k)
		start, cost := decimal.Zero, decimal.Zero
		for _, r := range order {
			ro := &m.roles[r]
			end := start.Add(ro.avail)
			if x.GreaterThan(start) {
				cost = cost.Add(decimal.Min(x, end).Sub(start).Mul(ro.rate))
			}
			start = end
		}
		sr.cum[k] = cost
		sr.cumF[k] = toFloat(cost)
		sr.staffF[k] = float64(sr.cumF[k]*float64(weeksPerYear.IntPart()*int64(H))) / float64(monthsPerYear.IntPart())
	}

	// The largest value any objective can take sets the margin of the float bounds.
	scale := float64(sr.size * float64(H))
	if m.objective == ObjectiveNet {
		scale = float64(sr.perShare*float64(H)) + sr.benefitF + sr.staffF[sr.pool]
		for ci := range sr.cand {
			scale += float64(sr.monthly[ci]*float64(H)) + float64(sr.setup[ci]*toFloat(dearest))
		}
	}
	sr.slack = slackUnits * float64(len(sr.cand)+4) * 0x1p-53 * (scale + 1)

	// Months and maturity levels.
	sr.e = make([]float64, H)
	sr.level = make([]int, H)
	var distinct []decimal.Decimal
	for t, e := range m.maturity {
		sr.e[t] = toFloat(e)
		if e.IsPositive() {
			distinct = append(distinct, e)
		}
	}
	sort.Slice(distinct, func(a, b int) bool { return distinct[a].LessThan(distinct[b]) })
	uniq := distinct[:0]
	for i, e := range distinct {
		if i == 0 || !e.Equal(distinct[i-1]) {
			uniq = append(uniq, e)
		}
	}
	sr.buildTables(uniq)

	sr.alloc = make([]int, len(sr.cand))
	sr.nrBuf = make([][]float64, n+1)
	for d := range sr.nrBuf {
		sr.nrBuf[d] = make([]float64, H)
	}
	sr.kidBuf = make([][]child, n)
	sr.w = make([]float64, len(sr.levels))
	return sr
}

// buildTables chooses the maturity levels among the distinct positive maturity
// factors (merging neighbours while the tables are too large) and builds the bound
// tables, or falls back to the linear bound.
func (sr *search) buildTables(uniq []decimal.Decimal) {
	n, P := len(sr.order), sr.pool
	cells := (n + 1) * (P + 1)
	ops := 0 // table terms per level
	for _, ci := range sr.order {
		ops += (P + 1) * len(sr.opts[ci])
	}
	// Tables per level: one of products; for net value a second, with each
	// platform's factor raised by its fixed costs, and the least fixed costs.
	perLevel, fixed := 1, 0
	if sr.m.objective == ObjectiveNet {
		perLevel, fixed = 2, 1
	}
	tables := func(L int) int { return perLevel*L + fixed }
	L := len(uniq)
	for L > 1 && (tables(L)*cells > maxTableCells || tables(L)*ops > sr.budget/maxTableShare) {
		L = (L + 1) / 2
	}
	for t := range sr.level {
		sr.level[t] = -1
	}
	// Level j is the largest of the j-th of L groups of the distinct factors.
	for j := 0; j < L; j++ {
		sr.levels = append(sr.levels, toFloat(uniq[(j+1)*len(uniq)/L-1]))
	}
	for t, e := range sr.m.maturity {
		if !e.IsPositive() {
			continue
		}
		ef := sr.e[t]
		sr.level[t] = sort.SearchFloat64s(sr.levels, ef)
	}
	if tables(L)*cells > maxTableCells || tables(L)*ops > sr.budget/maxTableShare {
		sr.linearTables()
		return
	}
	// The tables take tables(L) × ops steps, charged row by row: (P + 1) for each
	// option of the row's platform.

	// The least product of a factor per platform, for every suffix d… of the order
	// and every T, into psi at offset off of each cell.
	sr.stride = perLevel * L
	sr.psi = make([]float64, cells*sr.stride)
	t := make([]float64, cells) // one table, (d, T)
	product := func(off int, factor func(ci, oi int) float64) {
		for T := 0; T <= P; T++ {
			t[n*(P+1)+T] = 1
		}
		for d := n - 1; d >= 0; d-- {
			ci := sr.order[d]
			sr.steps += (P + 1) * len(sr.opts[ci])
			sr.tick()
			row, next := t[d*(P+1):(d+1)*(P+1)], t[(d+1)*(P+1):(d+2)*(P+1)]
			copy(row, next) // option 0
			for oi, k := range sr.opts[ci] {
				if k == 0 {
					continue
				}
				q := factor(ci, oi)
				for T := k; T <= P; T++ {
					if v := q * next[T-k]; v < row[T] {
						row[T] = v
					}
				}
			}
		}
		for i, v := range t {
			sr.psi[i*sr.stride+off] = v
		}
	}
	// The penalty of fixed costs: each platform's factor times 1 + λ × its fixed
	// costs, λ = 1 / (value of reaching everyone every month) (see bound).
	sr.lambda = 1 / float64(sr.perShare*float64(sr.H))
	for l, lv := range sr.levels {
		product(l, func(ci, oi int) float64 { return 1 - float64(sr.share[ci][oi]*lv) })
		if perLevel == 2 {
			product(L+l, func(ci, oi int) float64 {
				return (1 - float64(sr.share[ci][oi]*lv)) * (1 + float64(sr.lambda*sr.fixedLB[ci]))
			})
		}
	}
	if fixed == 0 {
		return
	}
	f := make([]float64, cells)
	for T := 1; T <= P; T++ {
		f[n*(P+1)+T] = posInf
	}
	for d := n - 1; d >= 0; d-- {
		ci := sr.order[d]
		sr.steps += (P + 1) * len(sr.opts[ci])
		sr.tick()
		row, next := f[d*(P+1):(d+1)*(P+1)], f[(d+1)*(P+1):(d+2)*(P+1)]
		copy(row, next)
		for _, k := range sr.opts[ci] {
			if k == 0 {
				continue
			}
			for T := k; T <= P; T++ {
				if v := sr.fixedLB[ci] + next[T-k]; v < row[T] {
					row[T] = v
				}
			}
		}
	}
	sr.fixMin = f
	sr.blockSize = (P + netBlocks) / netBlocks
	nb := P/sr.blockSize + 1
	sr.fixBlock = make([]float64, (n+1)*nb)
	for d := 0; d <= n; d++ {
		for b := 0; b < nb; b++ {
			lo := posInf
			for T := b * sr.blockSize; T <= min(P, (b+1)*sr.blockSize-1); T++ {
				lo = min(lo, f[d*(P+1)+T])
			}
			sr.fixBlock[d*nb+b] = lo
		}
	}
}

// linearTables prepares the linear bound, for models too large for the tables: the
// share not reached over the platforms still to decide is at least 1 − Σ x, and Σ x
// is at most a fractional knapsack of shares per half-hour. The search order becomes
// the order of share per half-hour, so that the knapsack of positions d… takes them
// in order.
func (sr *search) linearTables() {
	sr.linear = true
	sr.levels = sr.levels[len(sr.levels)-1:]
	for t := range sr.level {
		if sr.level[t] >= 0 {
			sr.level[t] = 0
		}
	}
	dens := func(ci int) float64 { return sr.share[ci][0] / float64(sr.opts[ci][0]) }
	sort.SliceStable(sr.order, func(a, b int) bool { return dens(sr.order[a]) > dens(sr.order[b]) })
	for _, ci := range sr.order {
		sr.density = append(sr.density, dens(ci))
	}
}

var (
	posInf = math.Inf(1)
	negInf = math.Inf(-1)
)

// run searches every allocation, from the empty plan, until done or out of steps.
func (sr *search) run() {
	nr := sr.nrBuf[0]
	for t := range nr {
		nr[t] = 1
	}
	// The empty plan is always feasible: as the first plan it lets the search discard
	// at once every branch that costs more than it can return.
	sr.consider(sr.alloc, 0)
	root := sr.bound(0, 0, nr, 0)
	sr.improveLeft = sr.budget / improveShare
	start := sr.steps
	sr.dive(start + sr.improveLeft)
	sr.improve(start + sr.improveLeft)
	sr.improveLeft -= sr.steps - start
	sr.limit = sr.budget - sr.budget/frontierShare
	sr.expand(0, 0, 0, root)
	if sr.stopped {
		sr.limit = sr.budget
		sr.refine()
	}
}

// proven reports whether the search finished: no plan beats the best under the tie
// rules.
func (sr *search) proven() bool { return !sr.stopped && !sr.lost }

// openBound is an upper bound of the objective of the plans the search left undone:
// the largest bound among them, or, should it not be a finite number, what reaching
// everyone every month, at no cost, would give.
func (sr *search) openBound() float64 {
	if !math.IsInf(sr.open, 0) && !math.IsNaN(sr.open) {
		return sr.open
	}
	if sr.m.objective == ObjectiveReach {
		return float64(sr.size*float64(sr.H)) + sr.slack
	}
	return float64(sr.perShare*float64(sr.H)) + sr.benefitF + sr.slack
}

// dive follows the most promising branch from the root to a complete plan, without
// turning back, within limit steps: a greedy plan for the local search to start from.
func (sr *search) dive(limit int) {
	defer clear(sr.alloc)
	used, fixed := 0, 0.0
	for d, ci := range sr.order {
		if sr.steps+len(sr.opts[ci])*sr.childSteps() > limit {
			return
		}
		nr, next := sr.nrBuf[d], sr.nrBuf[d+1]
		bestK, bestOI, best := 0, len(sr.opts[ci])-1, negInf
		for oi, k := range sr.opts[ci] {
			if used+k > sr.pool {
				continue
			}
			sr.childState(nr, next, ci, oi)
			if b := sr.bound(d+1, used+k, next, sr.fixedAfter(fixed, ci, k)); b > best {
				bestK, bestOI, best = k, oi, b
			}
		}
		sr.childState(nr, next, ci, bestOI)
		sr.alloc[ci] = bestK
		used, fixed = used+bestK, sr.fixedAfter(fixed, ci, bestK)
	}
	if sr.steps+sr.exactSteps(sr.alloc) <= limit {
		sr.consider(sr.alloc, used)
	}
}

// expand searches the branches below position d of the order, where the allocation
// uses used half-hours, the platforms in it have fixed costs of at least fixed, and
// nrBuf[d] holds the share of the audience not yet reached in each month; bound is
// the branch's upper bound, given by its parent.
func (sr *search) expand(d, used int, fixed, bound float64) {
	if d == len(sr.order) {
		sr.atLeaf(used)
		return
	}
	ci := sr.order[d]
	opts := sr.opts[ci]
	if sr.steps+len(opts)*sr.childSteps() > sr.limit {
		sr.stop(d, -1, used, fixed, bound)
		return
	}
	nr, next := sr.nrBuf[d], sr.nrBuf[d+1]
	kids := sr.kidBuf[d][:0]
	for oi, k := range opts {
		if used+k > sr.pool {
			continue
		}
		sr.childState(nr, next, ci, oi)
		kids = append(kids, child{k: k, oi: oi, bound: sr.bound(d+1, used+k, next, sr.fixedAfter(fixed, ci, k))})
	}
	// The most promising branch first: good plans, found early, let the bound
	// discard more. Equal bounds keep the order of the options, most hours first.
	sr.steps += len(kids) * sortSteps
	slices.SortFunc(kids, func(a, b child) int {
		if c := cmp.Compare(b.bound, a.bound); c != 0 {
			return c
		}
		return cmp.Compare(a.oi, b.oi)
	})
	sr.kidBuf[d] = kids
	for i, kd := range kids {
		if sr.prune(kd.bound, used+kd.k) {
			continue
		}
		sr.childState(nr, next, ci, kd.oi)
		sr.alloc[ci] = kd.k
		sr.expand(d+1, used+kd.k, sr.fixedAfter(fixed, ci, kd.k), kd.bound)
		if sr.stopped {
			for _, rest := range kids[i+1:] { // the branches left, for the frontier
				if !sr.prune(rest.bound, used+rest.k) {
					sr.push(d, rest.k, used+rest.k, sr.fixedAfter(fixed, ci, rest.k), rest.bound)
				}
			}
			break
		}
	}
	sr.alloc[ci] = 0
}

func (sr *search) fixedAfter(fixed float64, ci, k int) float64 {
	if k == 0 {
		return fixed
	}
	return fixed + sr.fixedLB[ci]
}

// childSteps is the most steps one branch of a node takes: its state, its bound,
// and its state again when the search enters it.
func (sr *search) childSteps() int {
	b := sr.H + callSteps + len(sr.levels) + totalSteps
	switch {
	case sr.linear:
		b = sr.H + callSteps + len(sr.order)
	case sr.m.objective == ObjectiveNet:
		b = sr.H + callSteps + (sr.pool+2+sr.pool/sr.blockSize)*(3*len(sr.levels)+totalSteps)
	}
	return 2*(sr.H+callSteps) + b + sortSteps + frontierSteps + len(sr.order)
}

// childState sets next to the share not reached in each month after candidate ci
// takes its option oi.
func (sr *search) childState(nr, next []float64, ci, oi int) {
	x := sr.share[ci][oi]
	sr.steps += sr.H + callSteps
	sr.tick()
	if x == 0 {
		copy(next, nr)
		return
	}
	for t, e := range sr.e {
		next[t] = nr[t] * (1 - float64(x*e))
	}
}

// tick ends the run's slice when its steps are done (between two steps of the search,
// so that where slices end changes nothing the search decides).
func (sr *search) tick() {
	if sr.pace != nil {
		sr.pace.at(sr.steps, sr.steps)
	}
}

// prune reports whether a branch with this bound, whose plans use at least used
// half-hours, can hold no plan that beats the best so far: all its plans' objectives
// round to less than the best's, or to no more with more hours. Branches that might
// tie are kept in the bound of what was left undone.
func (sr *search) prune(bound float64, used int) bool {
	if bound < sr.bestKeyF-halfTieUnit {
		return true
	}
	if used > sr.bestHours && bound < sr.bestKeyF+halfTieUnit {
		sr.open = max(sr.open, bound)
		return true
	}
	return false
}

// stop ends the depth-first search for want of steps, at the branch at position d
// (with option k of position d when k ≥ 0), which goes to the frontier.
func (sr *search) stop(d, k, used int, fixed, bound float64) {
	sr.stopped = true
	sr.push(d, k, used, fixed, bound)
}

// bound is an upper bound of the objective of every completion of the allocation
// at position d (used half-hours, fixed costs of at least fixed, nr the share not
// reached in each month), raised by the slack of float arithmetic.
func (sr *search) bound(d, used int, nr []float64, fixed float64) float64 {
	sr.tick()
	H := float64(sr.H)
	left := sr.pool - used
	if sr.linear {
		reached := sr.linearReached(d, left, nr)
		if sr.m.objective == ObjectiveReach {
			return float64(sr.size*reached) + sr.slack
		}
		// The staff cost of hours still to draw is left out: at least 0.
		return sr.benefitF - fixed + float64(sr.perShare*reached) - sr.staffF[used] + sr.slack
	}
	wz := 0.0 // months at maturity 0: what is not reached stays so
	clear(sr.w)
	for t, x := range nr {
		if l := sr.level[t]; l >= 0 {
			sr.w[l] += x
		} else {
			wz += x
		}
	}
	sr.steps += sr.H + callSteps
	// reached(T) is the most Σ_m (1 − share not reached) with at most T more
	// half-hours: base − Σ_l w_l × psi at (d, T, l).
	base, L, row := H-wz, len(sr.w), d*(sr.pool+1)
	if sr.m.objective == ObjectiveReach {
		s, cells := base, sr.psi[(row+left)*L:(row+left+1)*L]
		for l, w := range sr.w {
			s -= float64(w * cells[l])
		}
		sr.steps += L + totalSteps
		return float64(sr.size*s) + sr.slack
	}
	// Net value, with T more half-hours (exactly T, all of them at positions d…,
	// with fixed costs F ≥ fixMin[T]): the value of reach, less F, less the staff
	// cost of the total hours. Two bounds on the value less F, the smaller taken:
	//
	//   - the most reach, less the least fixed costs: perShare × (base − B0) −
	//     fixMin, where B0 = Σ_l w_l × psi;
	//   - with each factor raised by 1 + λ f: the product of the raised factors is
	//     at least the raised table's Bλ, and Π(1 + λ f) ≤ exp(λ F), so Σ_l w_l ×
	//     product ≥ Bλ × exp(−λ F) ≥ Bλ × (1 − λ F), and the value less F is at
	//     most perShare × (base − Bλ) + (Bλ / H − 1) × F: at most with F = fixMin,
	//     as Bλ ≤ H. It couples reach and fixed costs, which the first keeps apart.
	//
	// value gives the smaller for the totals from Ta to Tb, with Fmin at most their
	// fixMin: the reach at Tb (the most), Bλ at either end.
	value := func(Tb, Ta int, Fmin float64) float64 {
		cb := sr.psi[(row+Tb)*sr.stride : (row+Tb+1)*sr.stride]
		ca := sr.psi[(row+Ta)*sr.stride : (row+Ta+1)*sr.stride]
		b0, bb, ba := 0.0, 0.0, 0.0
		for l, w := range sr.w {
			b0 += float64(w * cb[l])
			bb += float64(w * cb[L+l])
			ba += float64(w * ca[L+l])
		}
		sr.steps += 3*L + totalSteps
		u0 := float64(sr.perShare*(base-b0)) - Fmin
		// Linear in Bλ: the larger at either end of the block.
		ub := float64(sr.perShare*(base-bb)) + float64((bb/H-1)*Fmin)
		ua := float64(sr.perShare*(base-ba)) + float64((ba/H-1)*Fmin)
		return min(u0, max(ub, ua))
	}
	// Blocks of totals first (the most reach at the block's end, the least costs at
	// its start); then the best block hour by hour, until the best is exact.
	var blocks [netBlocks + 1]struct {
		a, b  int
		u     float64
		exact bool
	}
	nb, S := 0, sr.blockSize
	stride := sr.pool/S + 1
	for a := 0; a <= left; a += S {
		b := min(a+S-1, left)
		u := negInf
		if fb := sr.fixBlock[d*stride+a/S]; fb < posInf {
			u = value(b, a, fb) - sr.staffF[used+a]
		}
		blocks[nb].a, blocks[nb].b, blocks[nb].u = a, b, u
		nb++
	}
	for {
		top := 0
		for i := 1; i < nb; i++ {
			if blocks[i].u > blocks[top].u {
				top = i
			}
		}
		bl := &blocks[top]
		if bl.exact {
			return sr.benefitF - fixed + bl.u + sr.slack
		}
		u := negInf
		for T := bl.a; T <= bl.b; T++ {
			if f := sr.fixMin[row+T]; f < posInf {
				u = max(u, value(T, T, f)-sr.staffF[used+T])
			}
		}
		bl.u, bl.exact = u, true
	}
}

// linearReached is the linear bound's most Σ_m (1 − share not reached) with at most
// left more half-hours over positions d… of the order.
func (sr *search) linearReached(d, left int, nr []float64) float64 {
	K := 0.0 // the most Σ x at full maturity: a fractional knapsack, by share per half-hour
	for j := d; j < len(sr.order) && left > 0; j++ {
		take := min(left, sr.opts[sr.order[j]][0])
		K += float64(sr.density[j] * float64(take))
		left -= take
	}
	s := 0.0
	for t, x := range nr {
		s += 1 - float64(x*max(0, 1-float64(sr.e[t]*K)))
	}
	sr.steps += sr.H + callSteps + len(sr.order) - d
	return s
}

// atLeaf handles a complete allocation of used half-hours: nrBuf holds its share not
// reached. It is evaluated exactly unless its float value shows it cannot win.
func (sr *search) atLeaf(used int) {
	ub := sr.valueF(sr.alloc, sr.nrBuf[len(sr.order)]) + sr.slack
	if sr.prune(ub, used) {
		return
	}
	if sr.steps+sr.exactSteps(sr.alloc) > sr.limit {
		sr.stop(len(sr.order), -1, used, 0, ub)
		return
	}
	before := sr.bestObj
	sr.consider(sr.alloc, used)
	if !sr.bestObj.Equal(before) && sr.improveLeft > 0 {
		// A better plan: search around it too, while the local search's share of
		// the budget lasts.
		start := sr.steps
		sr.improve(min(sr.limit, start+sr.improveLeft))
		sr.improveLeft -= sr.steps - start
	}
}

// valueF is the objective of an allocation in float64, nr its share not reached in
// each month.
func (sr *search) valueF(alloc []int, nr []float64) float64 {
	reached := 0.0
	for _, x := range nr {
		reached += 1 - x
	}
	sr.steps += sr.H + callSteps
	if sr.m.objective == ObjectiveReach {
		return float64(sr.size * reached)
	}
	// Costs: the platforms draw their hours in dataset order, cheapest roles first.
	cost, u := 0.0, 0
	for ci, k := range alloc {
		if k == 0 {
			continue
		}
		weekly := sr.cumF[u+k] - sr.cumF[u]
		cost += float64(sr.monthly[ci]*float64(sr.H)) + float64(sr.setup[ci]*weekly)*2/float64(k)
		u += k
	}
	sr.steps += len(alloc)
	return float64(sr.perShare*reached) + sr.benefitF - sr.staffF[u] - cost
}

// exactSteps is the steps of an exact evaluation of an allocation: its shares
// reached, if not yet computed, and the product over its platforms.
func (sr *search) exactSteps(alloc []int) int {
	terms, plats := 1, 0 // the objective's sum over months, then each platform's product
	for ci, k := range alloc {
		if k > 0 {
			terms++
			plats++
			if sr.sharesD[ci][sr.optionIndex(ci, k)] == nil {
				terms++
			}
		}
	}
	return terms*sr.H*decimalTermSteps + plats*decimalPlatformSteps
}

// consider evaluates an allocation (used half-hours) exactly, as Compute would, and
// keeps it if it beats the best so far.
func (sr *search) consider(alloc []int, used int) {
	sr.tick()
	sr.steps += sr.exactSteps(alloc)
	m := sr.m
	nr := make([]decimal.Decimal, sr.H)
	for t := range nr {
		nr[t] = one
	}
	cost, u := decimal.Zero, 0
	for ci, k := range alloc {
		if k == 0 {
			continue
		}
		oi := sr.optionIndex(ci, k)
		if sr.sharesD[ci][oi] == nil {
			sr.sharesD[ci][oi] = m.reachShares(sr.cand[ci], halfHours(k))
		}
		mulNotReached(nr, sr.sharesD[ci][oi])
		c, _ := m.platformCost(sr.cand[ci], sr.cum[u+k].Sub(sr.cum[u]), halfHours(k))
		cost = cost.Add(c)
		u += k
	}
	sr.leaf(alloc, sr.objective(nr, cost), used)
}

// optionIndex is the position of option k (half-hours) of candidate ci; options run
// from most hours down to 0.
func (sr *search) optionIndex(ci, k int) int {
	if k == 0 {
		return len(sr.opts[ci]) - 1
	}
	return sr.opts[ci][0] - k
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

// leaf records an allocation if it beats the best so far.
func (sr *search) leaf(alloc []int, obj decimal.Decimal, hours int) {
	key := obj.Round(tieDecimalPlcs)
	better := !sr.found
	if !better {
		switch c := key.Cmp(sr.bestKey); {
		case c > 0:
			better = true
		case c == 0 && hours < sr.bestHours:
			better = true
		case c == 0 && hours == sr.bestHours:
			for i := range alloc {
				if alloc[i] != sr.best[i] {
					better = alloc[i] > sr.best[i]
					break
				}
			}
		}
	}
	if better {
		sr.found, sr.bestObj, sr.bestKey, sr.bestHours = true, obj, key, hours
		sr.bestKeyF = toFloat(key)
		sr.best = append(sr.best[:0], alloc...)
	}
}
