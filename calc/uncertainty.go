package calc

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Uncertainty is what the current plan's result depends on (MODEL.md, section
// Uncertainty): the uncertain inputs and their ranges, the inputs that move the result
// most, the values at which the plan would break even, the likely range of the result,
// and whether the recommendation holds when its most influential inputs move.
type Uncertainty struct {
	// Inputs are the uncertain inputs, in the order of their names: for each platform
	// in the plan (dataset order) its reachRate, minHours, fullHours and setupHours,
	// then valuePer1000, then each benefit line's amountPerMonth.
	Inputs []UncertainInput
	// Sensitivity has an entry for every input with Low < High, the input that moves
	// net value most first.
	Sensitivity []Sensitivity
	Switching   Switching
	Simulation  SimulationResult
	// Recommended is the recommendation's set of platforms (ids in dataset order), which
	// Robustness compares with.
	Recommended []string
	// Robustness has an entry for each of the first five inputs of Sensitivity.
	Robustness []Robustness
}

// RangeSource says where an uncertain input's range comes from.
type RangeSource string

// The sources of a range, first found: the scenario's ranges; for a parameter left at
// the dataset's default that the dataset marks assumed, the dataset platform's ranges,
// or else the default relative range.
const (
	FromScenario RangeSource = "scenario"
	FromDataset  RangeSource = "dataset"
	FromDefault  RangeSource = "default"
)

// UncertainInput is an input with a range: Low ≤ Base ≤ High, Base being the value in
// use, in the input's unit (see Unit).
type UncertainInput struct {
	// Name is the input's path in the scenario file: "platforms.facebook.reachRate",
	// "valuePer1000" or "benefits[0].amountPerMonth" (Form.FieldLabel names it for people).
	Name            string
	Low, Base, High decimal.Decimal
	From            RangeSource

	param   string // a RangeParams name, "valuePer1000" or "amountPerMonth"
	plat    int    // the platform's index, for a platform parameter
	benefit int    // the benefit line's position, for an amount per month
}

// Unit is the input's unit: "money" (valuePer1000, a benefit's amount per month, in the
// scenario's currency), "share" (a reach rate) or "hours" (weekly hours; set-up hours
// are one-off).
func (in UncertainInput) Unit() string {
	switch in.param {
	case "valuePer1000", "amountPerMonth":
		return "money"
	case "reachRate":
		return "share"
	}
	return "hours"
}

// Sensitivity is the current plan's net value (money) and reach (people, monthly
// unique reach summed over the horizon) with one input at the low and at the high end
// of its range and every other input at its value in use.
type Sensitivity struct {
	Input                   string
	NetAtLow, NetAtHigh     decimal.Decimal
	ReachAtLow, ReachAtHigh decimal.Decimal
}

// Switching are the values that would make the current plan break even over the
// horizon (net value 0).
type Switching struct {
	// ValuePer1000ForBreakEven is the value per 1,000 people reached (money) at which
	// net value is 0: (cost − benefits) / (reach / 1000). It may be 0 or negative when
	// the benefit lines alone pay. n/a when reach is 0.
	ValuePer1000ForBreakEven decimal.NullDecimal
	// ReachRateScaleForBreakEven is the factor k ≥ 0, to 4 decimal places, by which
	// every planned platform's reach rate (each capped at 1) must be multiplied for net
	// value to be 0; 0 when the plan pays with no reach at all. n/a when valuePer1000 is
	// 0, when no planned platform has a reach rate above 0, or when no reach rate makes
	// the plan pay.
	ReachRateScaleForBreakEven decimal.NullDecimal
}

// SimulationResult is the likely range of the current plan's result: Draws
// independent draws of every uncertain input from the triangular distribution (Low,
// Base, High). Its figures are estimates, computed in float64 and given here as
// decimals.
type SimulationResult struct {
	Draws int
	Seed  int64
	Cost  Spread // money
	Value Spread // money
	Net   Spread // money
	// ROI leaves out the draws whose cost is 0.
	ROI Spread
	// AverageMonthlyReach is reach / HorizonMonths, people.
	AverageMonthlyReach Spread
	// CostPer1000Reached (money) leaves out the draws whose reach is 0.
	CostPer1000Reached Spread
	// ShareNetAtLeastZero is the share of draws whose net value is 0 or more (to the
	// cent: a net value that rounds to 0.00 counts).
	ShareNetAtLeastZero decimal.Decimal
}

// Spread sums up one figure over the draws of a simulation that have a value: the
// 10th, 50th and 90th percentiles (nearest rank: the value at position ceil(q × n) of
// the n sorted values) and the mean. All four are n/a when no draw has a value.
type Spread struct {
	P10, P50, P90, Mean decimal.NullDecimal
	N                   int // the draws that have a value
}

// Robustness is the recommendation recomputed with one input at the low and at the
// high end of its range: the recommended platforms (ids in dataset order) at each
// end, and whether both are the recommendation's own.
type Robustness struct {
	Input         string
	AtLow, AtHigh []string
	Same          bool
}

// robustnessInputs is how many inputs of the sensitivity list the robustness check
// takes.
const robustnessInputs = 5

// ComputeUncertainty validates s against the catalog (nil: the embedded datasets) and
// computes what its result depends on. rec is s's recommendation when the caller has
// it already (the robustness check compares with it); nil computes it.
func ComputeUncertainty(s *Scenario, c *Catalog, rec *Recommendation) (*Uncertainty, error) {
	m, err := resolve(s, c)
	if err != nil {
		return nil, err
	}
	return m.uncertainty(rec), nil
}

// Uncertainty computes what the prepared scenario's result depends on. rec is its
// recommendation when the caller has it already (Prepared.Recommend); nil computes it.
func (p *Prepared) Uncertainty(rec *Recommendation) *Uncertainty { return p.m.uncertainty(rec) }

func (m *model) uncertainty(rec *Recommendation) *Uncertainty {
	u := &Uncertainty{Inputs: m.uncertainInputs()}
	base := m.compute()
	m.pace.add(m.computeWork(), 0)
	u.Sensitivity = m.sensitivity(u.Inputs)
	u.Switching = m.switching(base)
	draws, seed := m.simulationSettings()
	u.Simulation = m.simulate(u.Inputs, draws, seed)
	if rec == nil {
		rec = m.recommend(RecommendStepBudget)
	}
	u.Recommended = recommendedSet(m, rec.Plan)
	u.Robustness = m.robustness(u.Inputs, u.Sensitivity, u.Recommended)
	return u
}

// uncertaintyUnits is the progress units of the whole of uncertainty(rec): those of the
// sensitivity list (the work of its computations), of the switching values (as many
// computations as switchingComputes), of the draws, and a step budget per search (of
// the recommendation when rec is nil, and of the robustness check).
func (m *model) uncertaintyUnits(rec *Recommendation) int {
	inputs := m.uncertainInputs()
	moving := 0
	for _, in := range inputs {
		if in.Low.LessThan(in.High) {
			moving++
		}
	}
	draws, _ := m.simulationSettings()
	searches := 2 * min(moving, robustnessInputs)
	if rec == nil {
		searches++
	}
	return (2*moving+switchingComputes)*m.computeWork() + draws*m.drawWork() + searches*RecommendStepBudget
}

// switchingComputes is the progress units, in computations, given to the switching
// values: about as many as the bisection takes.
const switchingComputes = 20

// simulationSettings are the scenario's draws and seed, or their defaults.
func (m *model) simulationSettings() (draws int, seed int64) {
	draws, seed = DefaultDraws, DefaultSeed
	if sim := m.s.Simulation; sim != nil {
		if sim.Draws != nil {
			draws = *sim.Draws
		}
		if sim.Seed != nil {
			seed = *sim.Seed
		}
	}
	return draws, seed
}

// Default relative ranges of assumed parameters, as factors of the value in use (a
// reach rate's high end is capped at 1).
var defaultRangeFactors = map[string][2]decimal.Decimal{
	"reachRate":  {decimal.RequireFromString("0.5"), decimal.NewFromInt(2)},
	"minHours":   {decimal.RequireFromString("0.5"), decimal.RequireFromString("1.5")},
	"fullHours":  {decimal.RequireFromString("0.75"), decimal.RequireFromString("1.5")},
	"setupHours": {decimal.RequireFromString("0.5"), decimal.NewFromInt(2)},
}

// DefaultRange is the default relative range of an assumed platform parameter (a
// RangeParams name) whose value in use is base: reachRate × 0.5 to × 2 (capped at 1),
// minHours × 0.5 to × 1.5, fullHours × 0.75 to × 1.5, setupHours × 0.5 to × 2.
func DefaultRange(param string, base decimal.Decimal) Range {
	f := defaultRangeFactors[param]
	r := Range{Low: base.Mul(f[0]), High: base.Mul(f[1])}
	if param == "reachRate" && r.High.GreaterThan(one) {
		r.High = one
	}
	return r
}

// uncertainInputs lists the inputs that have a range, in the order of their names.
func (m *model) uncertainInputs() []UncertainInput {
	var out []UncertainInput
	ranges := m.s.Ranges
	if ranges == nil {
		ranges = &Ranges{}
	}
	for p := range m.plats {
		pl := &m.plats[p]
		if !pl.hours.IsPositive() {
			continue
		}
		given := ranges.Platforms[pl.ID]
		for _, name := range RangeParams {
			in := UncertainInput{Name: "platforms." + pl.ID + "." + name, Base: *pl.params.field(name), param: name, plat: p, benefit: -1}
			_, userSet := pl.userSet[name]
			if r := *given.field(name); r != nil {
				in.Low, in.High, in.From = r.Low, r.High, FromScenario
			} else if r, from, ok := pl.AssumedRange(name); ok && !userSet {
				in.Low, in.High, in.From = r.Low, r.High, from
			} else {
				continue
			}
			out = append(out, in)
		}
	}
	if r := ranges.ValuePer1000; r != nil {
		out = append(out, UncertainInput{Name: "valuePer1000", Low: r.Low, Base: m.value, High: r.High, From: FromScenario,
			param: "valuePer1000", plat: -1, benefit: -1})
	}
	for i, r := range ranges.Benefits {
		if r == nil || i >= len(m.s.Benefits) {
			continue
		}
		out = append(out, UncertainInput{Name: join(index("benefits", i), "amountPerMonth"), Low: r.Low,
			Base: m.s.Benefits[i].AmountPerMonth, High: r.High, From: FromScenario, param: "amountPerMonth", plat: -1, benefit: i})
	}
	return out
}

// with returns a copy of m with input in set to v; m is unchanged.
func (m *model) with(in UncertainInput, v decimal.Decimal) *model {
	c := *m
	switch in.param {
	case "valuePer1000":
		c.value = v
	case "amountPerMonth":
		// The benefit lines' sum changes month by month by the change of this line's
		// amount, ramped with the maturity curve if the line is.
		delta := v.Sub(m.s.Benefits[in.benefit].AmountPerMonth)
		c.benefits = make([]decimal.Decimal, len(m.benefits))
		for i, b := range m.benefits {
			if m.s.Benefits[in.benefit].Ramped {
				c.benefits[i] = b.Add(delta.Mul(m.maturity[i]))
			} else {
				c.benefits[i] = b.Add(delta)
			}
		}
	default:
		c.plats = append([]platform(nil), m.plats...)
		*c.plats[in.plat].params.field(in.param) = v
	}
	return &c
}

// sensitivity evaluates the current plan with each input at its ends, every other at
// its value in use, and orders the inputs by how much they move net value, then reach,
// then by name order.
func (m *model) sensitivity(inputs []UncertainInput) []Sensitivity {
	type entry struct {
		Sensitivity
		dNet, dReach decimal.Decimal
	}
	var list []entry
	for _, in := range inputs {
		if !in.Low.LessThan(in.High) {
			continue
		}
		lo := m.with(in, in.Low).compute().Totals
		m.pace.add(m.computeWork(), m.computeWork())
		hi := m.with(in, in.High).compute().Totals
		m.pace.add(m.computeWork(), m.computeWork())
		e := entry{Sensitivity: Sensitivity{Input: in.Name, NetAtLow: lo.Net, NetAtHigh: hi.Net, ReachAtLow: lo.Reach, ReachAtHigh: hi.Reach}}
		e.dNet = hi.Net.Sub(lo.Net).Abs().Round(MoneyPlaces)
		e.dReach = hi.Reach.Sub(lo.Reach).Abs().Round(0)
		list = append(list, e)
	}
	sort.SliceStable(list, func(a, b int) bool {
		if c := list[a].dNet.Cmp(list[b].dNet); c != 0 {
			return c > 0
		}
		return list[a].dReach.GreaterThan(list[b].dReach)
	})
	out := make([]Sensitivity, len(list))
	for i, e := range list {
		out[i] = e.Sensitivity
	}
	return out
}

// scaleGrid is the grid of the reach-rate scale's break-even factor: 4 decimal places.
const scaleGrid = 4

// switching computes the switching values of the current plan, whose result is base.
func (m *model) switching(base *Result) Switching {
	var sw Switching
	if pc := m.pace; pc != nil {
		// Its progress units are switchingComputes computations, however many it takes.
		start := pc.units
		defer func() { pc.units = start + switchingComputes*m.computeWork() }()
	}
	computes := 0
	t := &base.Totals
	if t.Reach.IsPositive() {
		sw.ValuePer1000ForBreakEven = decimal.NewNullDecimal(t.Cost.Sub(t.Benefits).Shift(3).DivRound(t.Reach, divPlaces))
	}
	// net(k): the current plan with every planned platform's reach rate × k, capped at 1.
	minRate := decimal.Zero
	for _, pl := range m.plats {
		if pl.hours.IsPositive() && pl.params.ReachRate.IsPositive() && (minRate.IsZero() || pl.params.ReachRate.LessThan(minRate)) {
			minRate = pl.params.ReachRate
		}
	}
	net := func(k decimal.Decimal, full bool) decimal.Decimal {
		c := *m
		c.plats = append([]platform(nil), m.plats...)
		for p := range c.plats {
			pr := &c.plats[p].params
			if !c.plats[p].hours.IsPositive() {
				continue
			}
			switch {
			case full && pr.ReachRate.IsPositive():
				pr.ReachRate = one
			case !full:
				pr.ReachRate = decimal.Min(one, pr.ReachRate.Mul(k))
			}
		}
		net := c.compute().Totals.Net
		computes++
		units := 0
		if computes < switchingComputes {
			units = m.computeWork()
		}
		m.pace.add(m.computeWork(), units)
		return net
	}
	switch {
	case !net(decimal.Zero, false).IsNegative():
		sw.ReachRateScaleForBreakEven = decimal.NewNullDecimal(decimal.Zero)
		return sw
	case m.value.IsZero(), minRate.IsZero():
		return sw
	case net(decimal.Zero, true).IsNegative(): // at kmax = 1 / minRate every planned rate is 1
		return sw
	}
	// The smallest grid point j / 10^4 where net ≥ 0 lies in (0, floor(kmax × 10^4) + 1],
	// the upper end being beyond kmax, where every rate is capped: net(lo) < 0 ≤ net(hi)
	// throughout the bisection.
	step := decimal.New(1, -scaleGrid)
	at := func(j int64) decimal.Decimal { return net(decimal.New(j, -scaleGrid), false) }
	lo, hi := int64(0), one.DivRound(minRate, divPlaces).Shift(scaleGrid).Floor().IntPart()+1
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if at(mid).IsNegative() {
			lo = mid
		} else {
			hi = mid
		}
	}
	// The root lies in (lo, hi] grid steps: round it to the nearer grid point, half up.
	k := decimal.New(hi, -scaleGrid)
	if net(decimal.New(lo, -scaleGrid).Add(step.Div(decimal.NewFromInt(2))), false).IsPositive() {
		k = decimal.New(lo, -scaleGrid)
	}
	sw.ReachRateScaleForBreakEven = decimal.NewNullDecimal(k)
	return sw
}

// recommendedSet is the set of platforms of a plan: the ids of those with hours, in
// dataset order.
func recommendedSet(m *model, plan []PlanLine) []string {
	in := map[string]bool{}
	for _, l := range plan {
		if l.HoursPerWeek.IsPositive() {
			in[l.Platform] = true
		}
	}
	out := []string{}
	for _, pl := range m.plats {
		if in[pl.ID] {
			out = append(out, pl.ID)
		}
	}
	return out
}

// robustness recomputes the recommendation with each of the first inputs of the
// sensitivity list at its ends, and compares the sets of platforms with own.
func (m *model) robustness(inputs []UncertainInput, sens []Sensitivity, own []string) []Robustness {
	byName := map[string]UncertainInput{}
	for _, in := range inputs {
		byName[in.Name] = in
	}
	out := []Robustness{}
	for i := 0; i < len(sens) && i < robustnessInputs; i++ {
		in := byName[sens[i].Input]
		r := Robustness{Input: in.Name,
			AtLow:  recommendedSet(m, m.with(in, in.Low).recommend(RecommendStepBudget).Plan),
			AtHigh: recommendedSet(m, m.with(in, in.High).recommend(RecommendStepBudget).Plan)}
		r.Same = sameStrings(r.AtLow, own) && sameStrings(r.AtHigh, own)
		out = append(out, r)
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
