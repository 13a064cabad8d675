package calc

import (
	"sort"

	"github.com/shopspring/decimal"
)

// divPlaces is the number of decimal places kept in every division and in every
// rounded intermediate share (the model asks for at least 20).
const divPlaces = 28

var (
	weeksPerYear   = decimal.NewFromInt(52)
	monthsPerYear  = decimal.NewFromInt(12)
	thousandthExp  = int32(-3) // dividing by 1,000 is an exact shift
	tieDecimalPlcs = int32(6)
)

// role is a validated staff role.
type role struct {
	name  string
	rate  decimal.Decimal // loaded money per hour
	avail decimal.Decimal // hours per week
	index int             // position in the staff list
}

// line is a plan line of a platform: a role's weekly hours.
type line struct {
	role  int
	hours decimal.Decimal
}

// platform is a dataset platform with the scenario's effective parameters and plan.
type platform struct {
	*Platform
	params  Params
	userSet map[string]string // parameter name → field path, for parameters the scenario sets
	fit     decimal.Decimal
	hours   decimal.Decimal // h[p], hours per week in the plan
	lines   []line
}

// model is a validated scenario resolved against its dataset.
type model struct {
	s         *Scenario
	ds        *Dataset
	size      decimal.Decimal // N, people
	plats     []platform      // in dataset order
	roles     []role          // in staff order
	cands     []int           // candidate platform indices, dataset order
	value     decimal.Decimal // money per 1,000 reached
	horizon   int
	maturity  []decimal.Decimal // e(m) for m = 1..H, at index m-1
	benefits  []decimal.Decimal // Σ benefits in month m, at index m-1
	objective Objective
	weights   map[string]decimal.Decimal // normalised weights w_s
	// pace ends the slices of a run (slices.go); nil outside runs. Copies of the
	// model made within a run (with, withPlan) keep it.
	pace *pacer
}

func newModel(s *Scenario, ds *Dataset, plats []platform, roles []role, cands []int, value decimal.Decimal, curve []Anchor, obj Objective) *model {
	m := &model{s: s, ds: ds, size: s.Audience.Size, plats: plats, roles: roles, cands: cands,
		value: value, horizon: s.HorizonMonths, objective: obj, weights: map[string]decimal.Decimal{}}
	sum := decimal.Zero
	for _, w := range s.Audience.Weights {
		sum = sum.Add(w)
	}
	for k, w := range s.Audience.Weights {
		m.weights[k] = w.DivRound(sum, divPlaces)
	}
	for i := range m.plats {
		fit := decimal.Zero
		for _, seg := range ds.Segments {
			if u, ok := m.plats[i].Penetration[seg.ID]; ok {
				fit = fit.Add(m.weights[seg.ID].Mul(u))
			}
		}
		m.plats[i].fit = fit
	}
	m.maturity = make([]decimal.Decimal, m.horizon)
	m.benefits = make([]decimal.Decimal, m.horizon)
	for i := range m.maturity {
		e := maturityAt(curve, decimal.NewFromInt(int64(i)))
		m.maturity[i] = e
		b := decimal.Zero
		for _, bl := range s.Benefits {
			if bl.Ramped {
				b = b.Add(bl.AmountPerMonth.Mul(e))
			} else {
				b = b.Add(bl.AmountPerMonth)
			}
		}
		m.benefits[i] = b
	}
	return m
}

// maturityAt is the maturity curve at t months: linear between anchors, the first
// factor before the first anchor and the last factor after the last one.
func maturityAt(curve []Anchor, t decimal.Decimal) decimal.Decimal {
	if !t.GreaterThan(curve[0].Month) {
		return curve[0].Factor
	}
	for i := 1; i < len(curve); i++ {
		a, b := curve[i-1], curve[i]
		if t.LessThan(b.Month) {
			return a.Factor.Add(b.Factor.Sub(a.Factor).Mul(t.Sub(a.Month)).DivRound(b.Month.Sub(a.Month), divPlaces))
		}
	}
	return curve[len(curve)-1].Factor
}

// effort is g[p]: 0 when h is 0 or below minHours, otherwise min(1, h / fullHours).
func effort(h decimal.Decimal, pr *Params) decimal.Decimal {
	if !h.IsPositive() || h.LessThan(pr.MinHours) {
		return decimal.Zero
	}
	if !h.LessThan(pr.FullHours) {
		return one
	}
	return h.DivRound(pr.FullHours, divPlaces)
}

// reachShares returns, for each month, R[p,m] / N: the share of the audience that
// platform p reaches with h weekly hours (fit × reachRate × g × e(m), rounded to
// divPlaces). nil means the platform reaches no one.
func (m *model) reachShares(p int, h decimal.Decimal) []decimal.Decimal {
	pl := &m.plats[p]
	g := effort(h, &pl.params)
	base := pl.fit.Mul(pl.params.ReachRate).Mul(g)
	if base.IsZero() {
		return nil
	}
	x := make([]decimal.Decimal, m.horizon)
	for i, e := range m.maturity {
		x[i] = base.Mul(e).Round(divPlaces)
	}
	return x
}

// mulNotReached multiplies, month by month, the share of the audience not yet reached
// by (1 − x), rounding to divPlaces: the random-duplication product of the model.
func mulNotReached(prod, x []decimal.Decimal) {
	if x == nil {
		return
	}
	for i := range prod {
		prod[i] = prod[i].Mul(one.Sub(x[i])).Round(divPlaces)
	}
}

// uniqueReach is U[m] = N × (1 − Π(1 − R/N)), people.
func (m *model) uniqueReach(notReached decimal.Decimal) decimal.Decimal {
	return m.size.Mul(one.Sub(notReached))
}

// reachValue is the value of reaching people: people / 1000 × valuePer1000.
func (m *model) reachValue(people decimal.Decimal) decimal.Decimal {
	return people.Mul(m.value).Shift(thousandthExp)
}

// platformCost is a platform's cost over the horizon, and its staff part, given the
// weekly staff cost of its lines (Σ hours × rate) and its weekly hours h > 0:
// H × (S + toolCost + adCost) + setupHours × avgRate, where S = weekly × 52 / 12.
func (m *model) platformCost(p int, weekly, h decimal.Decimal) (cost, staff decimal.Decimal) {
	H := decimal.NewFromInt(int64(m.horizon))
	monthCost, monthStaff := m.platformMonth(p, weekly)
	setup := m.setupCost(p, weekly, h)
	return monthCost.Mul(H).Add(setup), monthStaff.Mul(H).Add(setup)
}

// setupCost is setupHours × avgRate, where avgRate = weekly / h (h > 0).
func (m *model) setupCost(p int, weekly, h decimal.Decimal) decimal.Decimal {
	return m.plats[p].params.SetupHours.Mul(weekly.DivRound(h, divPlaces))
}

// rolesByRate returns role indices cheapest first, equal rates in staff-list order.
func (m *model) rolesByRate() []int {
	idx := make([]int, len(m.roles))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return m.roles[idx[a]].rate.LessThan(m.roles[idx[b]].rate) })
	return idx
}

// draw turns weekly hours per platform into plan lines: platforms in dataset order
// take hours from the roles cheapest first. hours must fit in the pool.
func (m *model) draw(hours []decimal.Decimal) [][]line {
	order := m.rolesByRate()
	out := make([][]line, len(hours))
	r, left := 0, decimal.Zero
	if len(order) > 0 {
		left = m.roles[order[0]].avail
	}
	for p, h := range hours {
		for h.IsPositive() && r < len(order) {
			take := decimal.Min(h, left)
			if take.IsPositive() {
				out[p] = append(out[p], line{role: order[r], hours: take})
			}
			h, left = h.Sub(take), left.Sub(take)
			if !left.IsPositive() {
				r++
				if r < len(order) {
					left = m.roles[order[r]].avail
				}
			}
		}
	}
	return out
}

// pool is the staff hours available per week, all roles together.
func (m *model) pool() decimal.Decimal {
	sum := decimal.Zero
	for _, r := range m.roles {
		sum = sum.Add(r.avail)
	}
	return sum
}
