package calc

import (
	"github.com/shopspring/decimal"
)

// Result is everything the model computes for one scenario over its horizon. Amounts
// are money in Currency, unrounded (round only to show or export); people are
// unrounded too. A decimal.NullDecimal that is not Valid means "n/a".
type Result struct {
	Scenario      string
	Currency      string
	HorizonMonths int
	Dataset       *Dataset
	Totals        Totals
	Platforms     []PlatformResult // every platform of the dataset, in dataset order
	Months        []MonthResult    // months 1..HorizonMonths
	Roles         []RoleResult     // in staff order
	// Defaults lists the fields of the scenario that took a default value because the
	// scenario left them out (platform parameters are listed per platform instead).
	Defaults []string
}

// Totals are the portfolio's figures over the horizon.
type Totals struct {
	Cost      decimal.Decimal // money: staff time, set-up, tools and ads
	StaffCost decimal.Decimal // money: the staff part of Cost (weekly and set-up hours)
	CashCost  decimal.Decimal // money: tools and ads, Cost − StaffCost
	Value     decimal.Decimal // money: value of reach plus benefit lines
	Benefits  decimal.Decimal // money: the benefit lines' part of Value
	Net       decimal.Decimal // money: Value − Cost
	// ROI is Net / Cost; n/a when Cost is 0.
	ROI decimal.NullDecimal
	// HiddenCostShare is StaffCost / Cost: the real price of "free" platforms; n/a when Cost is 0.
	HiddenCostShare decimal.NullDecimal
	// Reach is monthly unique reach summed over the horizon, in people (a person reached
	// in two months counts twice).
	Reach decimal.Decimal
	// AverageMonthlyReach is Reach / HorizonMonths, people.
	AverageMonthlyReach decimal.Decimal
	// CostPer1000Reached is Cost / (Reach / 1000), money; n/a when Reach is 0.
	CostPer1000Reached decimal.NullDecimal
	// BreakEvenMonth is the first month where cumulative cost > 0 and cumulative value ≥
	// cumulative cost; 0 when there is none within the horizon or when Cost is 0.
	BreakEvenMonth int
	HoursPerWeek   decimal.Decimal // hours per week in the plan, all platforms
}

// PlatformResult is one platform's row. Its Value counts its own reach only; the
// portfolio's Value counts people reached on several platforms once per month, and
// adds the benefit lines.
type PlatformResult struct {
	ID, Name          string
	Fit               decimal.Decimal // share of the audience on the platform
	PotentialAudience decimal.Decimal // people: audience size × fit
	HoursPerWeek      decimal.Decimal
	InPlan            bool            // hours > 0
	Credible          bool            // hours ≥ minHours: the presence reaches people
	Effort            decimal.Decimal // g: min(1, hours / fullHours), 0 when not credible
	Params            Params          // effective parameters
	// UserSet names the parameters the scenario sets; the others are the dataset's
	// defaults, of which Assumed names those that are assumptions.
	UserSet   []string
	Assumed   []string
	Cost      decimal.Decimal
	StaffCost decimal.Decimal
	CashCost  decimal.Decimal
	Value     decimal.Decimal
	Net       decimal.Decimal
	ROI       decimal.NullDecimal // n/a when Cost is 0
	Reach     decimal.Decimal     // people reached per month, summed over the horizon
	Lines     []PlanLine
}

// MonthResult is one month of the horizon.
type MonthResult struct {
	Month           int
	Maturity        decimal.Decimal // e(m), the factor at the month's start
	Cost            decimal.Decimal
	StaffCost       decimal.Decimal
	Value           decimal.Decimal
	CumulativeCost  decimal.Decimal
	CumulativeValue decimal.Decimal
	CumulativeNet   decimal.Decimal
	UniqueReach     decimal.Decimal // people
}

// RoleResult is a role's loaded hourly cost and use.
type RoleResult struct {
	Name         string
	Rate         decimal.Decimal // money per hour, loaded
	HoursPerWeek decimal.Decimal // available
	Planned      decimal.Decimal // hours per week in the plan
}

// Compute validates s against the catalog (nil: the embedded datasets) and computes
// its results. Invalid input gives an *InputError listing every problem.
func Compute(s *Scenario, c *Catalog) (*Result, error) {
	m, err := resolve(s, c)
	if err != nil {
		return nil, err
	}
	return m.compute(), nil
}

func (m *model) compute() *Result {
	H := m.horizon
	res := &Result{Scenario: m.s.Name, Currency: m.s.Currency, HorizonMonths: H, Dataset: m.ds,
		Defaults: m.defaults()}
	notReached := make([]decimal.Decimal, H)
	for i := range notReached {
		notReached[i] = one
	}
	monthly, monthlyStaff, setup := decimal.Zero, decimal.Zero, decimal.Zero
	t := &res.Totals
	for p := range m.plats {
		pl := &m.plats[p]
		row := PlatformResult{ID: pl.ID, Name: pl.Name, Fit: pl.fit, PotentialAudience: m.size.Mul(pl.fit),
			HoursPerWeek: pl.hours, InPlan: pl.hours.IsPositive(), Params: pl.params,
			Effort: effort(pl.hours, &pl.params)}
		row.Credible = row.Effort.IsPositive()
		for _, name := range ParamNames {
			if _, ok := pl.userSet[name]; ok {
				row.UserSet = append(row.UserSet, name)
			} else if pl.IsAssumed(name) {
				row.Assumed = append(row.Assumed, name)
			}
		}
		x := m.reachShares(p, pl.hours)
		mulNotReached(notReached, x)
		for _, xm := range x {
			row.Reach = row.Reach.Add(m.size.Mul(xm))
		}
		row.Value = m.reachValue(row.Reach)
		if row.InPlan {
			weekly := decimal.Zero
			for _, l := range pl.lines {
				weekly = weekly.Add(l.hours.Mul(m.roles[l.role].rate))
				row.Lines = append(row.Lines, PlanLine{Platform: pl.ID, Role: m.roles[l.role].name, HoursPerWeek: l.hours})
			}
			row.Cost, row.StaffCost = m.platformCost(p, weekly, pl.hours)
			mo, st := m.platformMonth(p, weekly)
			monthly, monthlyStaff = monthly.Add(mo), monthlyStaff.Add(st)
			setup = setup.Add(m.setupCost(p, weekly, pl.hours))
		}
		row.CashCost = row.Cost.Sub(row.StaffCost)
		row.Net = row.Value.Sub(row.Cost)
		row.ROI = ratio(row.Net, row.Cost)
		t.HoursPerWeek = t.HoursPerWeek.Add(pl.hours)
		res.Platforms = append(res.Platforms, row)
	}

	cumCost, cumValue := decimal.Zero, decimal.Zero
	for i := 0; i < H; i++ {
		mr := MonthResult{Month: i + 1, Maturity: m.maturity[i], Cost: monthly, StaffCost: monthlyStaff,
			UniqueReach: m.uniqueReach(notReached[i])}
		if i == 0 {
			mr.Cost, mr.StaffCost = mr.Cost.Add(setup), mr.StaffCost.Add(setup)
		}
		mr.Value = m.reachValue(mr.UniqueReach).Add(m.benefits[i])
		cumCost, cumValue = cumCost.Add(mr.Cost), cumValue.Add(mr.Value)
		mr.CumulativeCost, mr.CumulativeValue, mr.CumulativeNet = cumCost, cumValue, cumValue.Sub(cumCost)
		if t.BreakEvenMonth == 0 && cumCost.IsPositive() && !cumValue.LessThan(cumCost) {
			t.BreakEvenMonth = mr.Month
		}
		t.Reach = t.Reach.Add(mr.UniqueReach)
		t.StaffCost = t.StaffCost.Add(mr.StaffCost)
		t.Benefits = t.Benefits.Add(m.benefits[i])
		res.Months = append(res.Months, mr)
	}
	t.Cost, t.Value = cumCost, cumValue
	t.CashCost = t.Cost.Sub(t.StaffCost)
	t.Net = t.Value.Sub(t.Cost)
	t.ROI = ratio(t.Net, t.Cost)
	t.HiddenCostShare = ratio(t.StaffCost, t.Cost)
	t.AverageMonthlyReach = t.Reach.DivRound(decimal.NewFromInt(int64(H)), divPlaces)
	if t.Reach.IsPositive() {
		t.CostPer1000Reached = decimal.NewNullDecimal(t.Cost.DivRound(t.Reach.Shift(thousandthExp), divPlaces))
	}

	planned := make([]decimal.Decimal, len(m.roles))
	for _, pl := range m.plats {
		for _, l := range pl.lines {
			planned[l.role] = planned[l.role].Add(l.hours)
		}
	}
	for i, r := range m.roles {
		res.Roles = append(res.Roles, RoleResult{Name: r.name, Rate: r.rate, HoursPerWeek: r.avail, Planned: planned[i]})
	}
	return res
}

// platformMonth is a platform's cost in a month after the first, and its staff part.
func (m *model) platformMonth(p int, weekly decimal.Decimal) (cost, staff decimal.Decimal) {
	pr := &m.plats[p].params
	staff = weekly.Mul(weeksPerYear).DivRound(monthsPerYear, divPlaces)
	return staff.Add(pr.ToolCost).Add(pr.AdCost), staff
}

// ratio is a / b, or n/a when b is 0.
func ratio(a, b decimal.Decimal) decimal.NullDecimal {
	if b.IsZero() {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(a.DivRound(b, divPlaces))
}

// defaults lists the scenario fields that took a default value.
func (m *model) defaults() []string {
	var out []string
	if m.s.ValuePer1000 == nil {
		out = append(out, "valuePer1000")
	}
	if m.s.Maturity == nil {
		out = append(out, "maturity")
	}
	if m.s.Objective == "" {
		out = append(out, "objective")
	}
	for i, r := range m.s.Staff {
		if r.AnnualSalary == nil {
			continue
		}
		p := index("staff", i)
		if r.OnCost == nil {
			out = append(out, join(p, "onCost"))
		}
		if r.Overhead == nil {
			out = append(out, join(p, "overhead"))
		}
		if r.ProductiveHours == nil {
			out = append(out, join(p, "productiveHours"))
		}
	}
	return out
}
