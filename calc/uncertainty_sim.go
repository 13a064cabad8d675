package calc

import (
	"hash/fnv"
	"math"
	"sort"

	"github.com/shopspring/decimal"
)

// The simulation is the one part of the engine that computes in float64: its figures
// are estimates, and thousands of draws of the whole model in decimals would take
// seconds. It applies the formulas of compute to float64 copies of the inputs.

// simPlatform is a planned platform's figures, in float64.
type simPlatform struct {
	hours   float64 // h[p], weekly
	fit     float64
	monthly float64 // staff cost a month (weekly × 52 / 12) plus tools and ads
	avgRate float64 // money per set-up hour: Σ hours × rate / h
}

// simModel is the current plan in float64. An evaluation reads its inputs from a slot
// array: for planned platform j, slots 4j to 4j+3 hold reachRate, minHours, fullHours
// and setupHours (the order of RangeParams); then valuePer1000; then each benefit
// line's amount per month.
type simModel struct {
	size     float64
	horizon  float64
	maturity []float64 // e(m)
	sumE     float64   // Σ_m e(m)
	plats    []simPlatform
	planned  []int // model platform index of each planned platform
	ramped   []bool
	base     []float64 // the slots at their values in use
	logs     []float64 // per month, Σ_p log(1 − R[p,m]/N): scratch
}

func f64(d decimal.Decimal) float64 { return d.InexactFloat64() }

// drawWork is the work of one draw of the simulation, in steps.
func (m *model) drawWork() int {
	planned := 0
	for p := range m.plats {
		if m.plats[p].hours.IsPositive() {
			planned++
		}
	}
	return drawSteps * (planned + 1) * m.horizon
}

func (m *model) simModel() *simModel {
	sm := &simModel{size: f64(m.size), horizon: float64(m.horizon), logs: make([]float64, m.horizon)}
	for _, e := range m.maturity {
		sm.maturity = append(sm.maturity, f64(e))
		sm.sumE += f64(e)
	}
	for p := range m.plats {
		pl := &m.plats[p]
		if !pl.hours.IsPositive() {
			continue
		}
		weekly := decimal.Zero
		for _, l := range pl.lines {
			weekly = weekly.Add(l.hours.Mul(m.roles[l.role].rate))
		}
		monthly, _ := m.platformMonth(p, weekly)
		sm.plats = append(sm.plats, simPlatform{hours: f64(pl.hours), fit: f64(pl.fit), monthly: f64(monthly),
			avgRate: f64(weekly.DivRound(pl.hours, divPlaces))})
		sm.planned = append(sm.planned, p)
		for _, name := range RangeParams {
			sm.base = append(sm.base, f64(*pl.params.field(name)))
		}
	}
	sm.base = append(sm.base, f64(m.value))
	for _, b := range m.s.Benefits {
		sm.base = append(sm.base, f64(b.AmountPerMonth))
		sm.ramped = append(sm.ramped, b.Ramped)
	}
	return sm
}

// slot is the position of input in the slot array.
func (sm *simModel) slot(in UncertainInput) int {
	switch in.param {
	case "valuePer1000":
		return 4 * len(sm.plats)
	case "amountPerMonth":
		return 4*len(sm.plats) + 1 + in.benefit
	}
	k := 0
	for i, name := range RangeParams {
		if name == in.param {
			k = i
		}
	}
	for j, p := range sm.planned {
		if p == in.plat {
			return 4*j + k
		}
	}
	panic("calc: an uncertain input of a platform not in the plan")
}

// eval computes the current plan's cost, value and reach (Σ_m U[m]) with the inputs v.
func (sm *simModel) eval(v []float64) (cost, value, reach float64) {
	for i := range sm.logs {
		sm.logs[i] = 0
	}
	for j, sp := range sm.plats {
		rate, minH, fullH, setupH := v[4*j], v[4*j+1], v[4*j+2], v[4*j+3]
		cost += sm.horizon*sp.monthly + setupH*sp.avgRate
		g := 0.0
		switch {
		case sp.hours <= 0 || sp.hours < minH:
		case sp.hours >= fullH:
			g = 1
		default:
			g = sp.hours / fullH
		}
		x := sp.fit * rate * g
		if x == 0 {
			continue
		}
		for m, e := range sm.maturity {
			sm.logs[m] += math.Log1p(-x * e)
		}
	}
	// U[m] = N × (1 − Π(1 − R/N)) = −N × expm1(Σ log1p(−R/N)), exact for small shares.
	for _, l := range sm.logs {
		reach -= sm.size * math.Expm1(l)
	}
	k := 4 * len(sm.plats)
	value = reach / 1000 * v[k]
	for i, ramped := range sm.ramped {
		if ramped {
			value += v[k+1+i] * sm.sumE
		} else {
			value += v[k+1+i] * sm.horizon
		}
	}
	return cost, value, reach
}

// ---- Random numbers ----

// The generator is counter-based: the uniform number of an input in a draw is a
// function of the seed, the input's name and the draw's number only, so that the same
// scenario and seed give the same figures on every machine, and scenarios compared
// draw the same numbers for the inputs they share. It is SplitMix64: the stream of an
// input starts at the state key = mix(mix(seed) XOR FNV-1a-64(name)), and draw d
// (from 1) takes the stream's d-th output, mix(key + d × γ), whose top 53 bits make a
// uniform number in [0, 1).

const splitMixGamma = 0x9e3779b97f4a7c15

// mix is SplitMix64's output function (Stafford's variant 13).
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// streamKey is the generator's state for the input name under seed.
func streamKey(seed int64, name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return mix(mix(uint64(seed)) ^ h.Sum64())
}

// uniform is draw d's uniform number in [0, 1) of the stream key.
func uniform(key uint64, d int) float64 {
	return float64(mix(key+uint64(d)*splitMixGamma)>>11) / (1 << 53)
}

// triangular is the inverse of the triangular distribution's CDF with minimum lo,
// mode mode and maximum hi, at u in [0, 1).
func triangular(lo, mode, hi, u float64) float64 {
	if !(lo < hi) {
		return mode
	}
	if fc := (mode - lo) / (hi - lo); u < fc {
		return lo + math.Sqrt(u*(hi-lo)*(mode-lo))
	}
	return hi - math.Sqrt((1-u)*(hi-lo)*(hi-mode))
}

// ---- The simulation ----

// simulate draws every uncertain input draws times and sums up the current plan's
// figures.
func (m *model) simulate(inputs []UncertainInput, draws int, seed int64) SimulationResult {
	sm := m.simModel()
	type drawn struct {
		slot           int
		key            uint64
		low, base, top float64
	}
	var ins []drawn
	for _, in := range inputs {
		ins = append(ins, drawn{slot: sm.slot(in), key: streamKey(seed, in.Name), low: f64(in.Low), base: f64(in.Base), top: f64(in.High)})
	}
	v := append([]float64(nil), sm.base...)
	cost, value, net := make([]float64, 0, draws), make([]float64, 0, draws), make([]float64, 0, draws)
	roi, avgReach, per1000 := make([]float64, 0, draws), make([]float64, 0, draws), make([]float64, 0, draws)
	paying := 0
	work := m.drawWork()
	for d := 1; d <= draws; d++ {
		m.pace.at(d*work, d*work) // between two draws
		for _, in := range ins {
			v[in.slot] = triangular(in.low, in.base, in.top, uniform(in.key, d))
		}
		c, val, reach := sm.eval(v)
		n := val - c
		cost, value, net = append(cost, c), append(value, val), append(net, n)
		avgReach = append(avgReach, reach/sm.horizon)
		if c != 0 {
			roi = append(roi, n/c)
		}
		if reach > 0 {
			per1000 = append(per1000, c/(reach/1000))
		}
		if n > -0.005 { // 0 or more to the cent
			paying++
		}
	}
	m.pace.add(draws*work, draws*work)
	return SimulationResult{Draws: draws, Seed: seed, Cost: spread(cost), Value: spread(value), Net: spread(net),
		ROI: spread(roi), AverageMonthlyReach: spread(avgReach), CostPer1000Reached: spread(per1000),
		ShareNetAtLeastZero: decimal.NewFromInt(int64(paying)).DivRound(decimal.NewFromInt(int64(draws)), divPlaces)}
}

// spread sorts xs and gives its percentiles (nearest rank) and mean.
func spread(xs []float64) Spread {
	s := Spread{N: len(xs)}
	if len(xs) == 0 {
		return s
	}
	sort.Float64s(xs)
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	// Nearest rank: position ceil(q × n), from 1, in whole numbers (q = pct / 100).
	at := func(pct int) decimal.NullDecimal {
		return decimal.NewNullDecimal(fromFloat(xs[(pct*len(xs)+99)/100-1]))
	}
	s.P10, s.P50, s.P90 = at(10), at(50), at(90)
	s.Mean = decimal.NewNullDecimal(fromFloat(sum / float64(len(xs))))
	return s
}

// fromFloat is x as a decimal (the shortest decimal that reads back as x).
func fromFloat(x float64) decimal.Decimal {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		// The model's formulas give neither; a NaN would mean a bug, shown as 0 rather
		// than a crash of the page.
		return decimal.Zero
	}
	return decimal.NewFromFloat(x)
}

// netDraws is the current plan's net value (money, float64) in each draw of the
// simulation, in draw order: the figures SimulationResult.Net sums up.
func (m *model) netDraws(inputs []UncertainInput, draws int, seed int64) []float64 {
	sm := m.simModel()
	v := append([]float64(nil), sm.base...)
	type drawn struct {
		slot           int
		key            uint64
		low, base, top float64
	}
	var ins []drawn
	for _, in := range inputs {
		ins = append(ins, drawn{slot: sm.slot(in), key: streamKey(seed, in.Name), low: f64(in.Low), base: f64(in.Base), top: f64(in.High)})
	}
	net := make([]float64, 0, draws)
	for d := 1; d <= draws; d++ {
		for _, in := range ins {
			v[in.slot] = triangular(in.low, in.base, in.top, uniform(in.key, d))
		}
		c, val, _ := sm.eval(v)
		net = append(net, val-c)
	}
	return net
}

// SimulatedNet is the net value (money) of the prepared scenario's current plan in
// each draw of its simulation, in draw order. Two scenarios draw the same numbers for
// the inputs they share (same name, same seed, same draw number): comparing their
// draws one by one compares them under the same assumptions (common random numbers).
func (p *Prepared) SimulatedNet() []float64 {
	draws, seed := p.m.simulationSettings()
	return p.m.netDraws(p.m.uncertainInputs(), draws, seed)
}

// ShareAhead is the share of paired draws (draw 1 with draw 1, and so on, as many as
// both have) in which a's net value is above b's by at least a cent; n/a when there
// is no pair.
func ShareAhead(a, b []float64) decimal.NullDecimal {
	n := min(len(a), len(b))
	if n == 0 {
		return decimal.NullDecimal{}
	}
	ahead := 0
	for i := 0; i < n; i++ {
		if a[i]-b[i] >= 0.005 {
			ahead++
		}
	}
	return decimal.NewNullDecimal(decimal.NewFromInt(int64(ahead)).DivRound(decimal.NewFromInt(int64(n)), divPlaces))
}
