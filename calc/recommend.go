package calc

import (
	"github.com/shopspring/decimal"
)

// Recommendation is the best allocation of the staff pool over the candidate
// platforms for one objective: each candidate gets 0 hours or a multiple of 0.5 hour
// within [minHours, fullHours], the hours add up to at most the pool, and no other
// such allocation does better (objective values equal to 6 decimal places are a tie,
// won by fewer total hours, then by more hours on earlier platforms of the dataset).
//
// The search has a budget of RecommendStepBudget steps. Proven says it finished
// within them, so that the plan is that optimum; otherwise the plan is the best one
// found, and Bound caps what any plan can achieve.
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
	// Proven is true when the search finished within its budget: no plan beats this
	// one under the tie rules.
	Proven bool
	// Bound is, when the plan is not proven, an upper bound of the objective of every
	// plan (people, rounded up to a whole person, or money, rounded up to the cent):
	// the best possible is somewhere from ObjectiveValue to Bound. Not valid when
	// proven.
	Bound decimal.NullDecimal
	Steps int // search steps used, at most RecommendStepBudget
}

// Gap is how far the plan may fall short of the best possible, as a share of Bound:
// (Bound − ObjectiveValue) / Bound; 0 when the plan is proven. The plan's objective
// is then within that share of the best possible. ok is false when no such share
// exists: when the plan is not proven and its objective is 0 or less (net value can
// be negative); Bound − ObjectiveValue, in money, still says how much better a plan
// could be.
func (r *Recommendation) Gap() (gap decimal.Decimal, ok bool) {
	if r.Proven {
		return decimal.Zero, true
	}
	if !r.ObjectiveValue.IsPositive() || !r.Bound.Valid {
		return decimal.Zero, false
	}
	return r.Bound.Decimal.Sub(r.ObjectiveValue).DivRound(r.Bound.Decimal, divPlaces), true
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
	return m.recommend(RecommendStepBudget), nil
}

// recommend searches with a budget of steps.
func (m *model) recommend(budget int) *Recommendation {
	sr := m.newSearch(budget)
	sr.run()
	m.pace.add(sr.steps, budget) // a search counts its whole budget as done
	hours := sr.hours(sr.best)
	rec := &Recommendation{Objective: m.objective, ObjectiveValue: sr.bestObj, PoolHours: m.pool(),
		Proven: sr.proven(), Steps: sr.steps}
	if !rec.Proven {
		b := decimal.Max(sr.bestObj, decimal.NewFromFloat(sr.openBound()))
		if m.objective == ObjectiveNet {
			b = b.RoundCeil(MoneyPlaces)
		} else {
			b = b.Ceil()
		}
		rec.Bound = decimal.NewNullDecimal(b)
	}
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
		m.pace.add(m.computeWork(), 0)
	}
	rec.Result = m.withPlan(lines).compute()
	m.pace.add(m.computeWork(), 0)
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
