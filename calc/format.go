package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Display formatting shared by the page, the command line and the exports. Rounding
// is half away from zero.

// Grouped inserts thousands separators (",") into a plain decimal string.
func Grouped(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if sign == "-" && strings.Trim(intPart+frac, "0.,") == "" {
		sign = "" // no "-0.00"
	}
	return sign + b.String() + frac
}

// MoneyText formats an amount for people: "12,345.60 EUR".
func MoneyText(d decimal.Decimal, currency string) string {
	return Grouped(Money(d)) + " " + currency
}

// PeopleText formats a number of people for people: "30,573".
func PeopleText(d decimal.Decimal) string { return Grouped(People(d)) }

// half is half a person: a number of people below it rounds to 0.
var half = decimal.New(5, -1)

// PeopleCount says a number of people in words: "30,573 people", "1 person", and
// "under 1 person" for a number above 0 that rounds to 0 (an audience of one person
// reached a fraction of the time), so that it does not read as no one beside a cost
// per 1,000 people reached.
func PeopleCount(d decimal.Decimal) string {
	switch {
	case d.IsPositive() && d.LessThan(half):
		return "under 1 person"
	case People(d) == "1":
		return "1 person"
	}
	return PeopleText(d) + " people"
}

// Percent formats a share as a percentage with 1 decimal: "93.5%".
func Percent(d decimal.Decimal) string { return Grouped(d.Shift(2).StringFixed(1)) + "%" }

// NullPercent formats a share, or "n/a".
func NullPercent(d decimal.NullDecimal) string {
	if !d.Valid {
		return "n/a"
	}
	return Percent(d.Decimal)
}

// NullMoneyText formats an amount, or "n/a".
func NullMoneyText(d decimal.NullDecimal, currency string) string {
	if !d.Valid {
		return "n/a"
	}
	return MoneyText(d.Decimal, currency)
}

// HoursText formats weekly hours: "7.5 h/week".
func HoursText(d decimal.Decimal) string { return d.String() + " h/week" }

// BreakEvenText says when a result breaks even: "month 5", "not within the horizon",
// or "n/a (no cost)".
func BreakEvenText(r *Result) string {
	switch {
	case r.Totals.Cost.IsZero():
		return "n/a (no cost)"
	case r.Totals.BreakEvenMonth == 0:
		return "not within the horizon"
	}
	return fmt.Sprintf("month %d", r.Totals.BreakEvenMonth)
}

// BoundText says, for a recommendation not proven the best, how close it is to the
// best possible: "within 1.3% of the best possible (at most 1,234,567 people)", the
// percentage rounded up; for a net value of 0 or less, "the best possible is at most
// 1,200.00 EUR, 3,400.00 EUR more than this plan". It is "" for a proven one.
func BoundText(r *Recommendation, currency string) string {
	if r.Proven || !r.Bound.Valid {
		return ""
	}
	bound := objectiveAmount(r.Objective, r.Bound.Decimal, currency)
	if gap, ok := r.Gap(); ok {
		return "within " + Grouped(gap.Shift(2).RoundCeil(1).StringFixed(1)) + "% of the best possible (at most " + bound + ")"
	}
	more := objectiveAmount(r.Objective, r.Bound.Decimal.Sub(r.ObjectiveValue), currency)
	return "the best possible is at most " + bound + ", " + more + " more than this plan"
}

// objectiveAmount formats an objective's value for people: "1,234 people" for reach,
// "1,234.56 EUR" for net value.
func objectiveAmount(o Objective, d decimal.Decimal, currency string) string {
	if o == ObjectiveNet {
		return MoneyText(d, currency)
	}
	return PeopleCount(d)
}

// NothingToPayBack says why the plan of r has nothing to pay back (or to break even),
// "" when it costs something: no platform has staff hours in the plan, or the plan's
// staff time, tools and ads all cost 0. A plan that costs nothing costs nothing in every
// draw of the simulation too (what is uncertain is multiplied by its hours and rates),
// so its share of draws with a net value of 0 or more says nothing about paying back.
func NothingToPayBack(r *Result) string {
	switch {
	case !r.Totals.Cost.IsZero():
		return ""
	case r.Totals.HoursPerWeek.IsZero():
		return "no platform has staff hours in the plan, so it costs nothing"
	}
	return "the plan costs nothing (its staff time, tools and ads are all at 0)"
}

// DrawsPayText says in what share of the simulation's draws the plan of r pays: "the
// plan pays in 62.5% of the draws", or, for a plan that costs nothing, that there is
// nothing to pay back and why.
func DrawsPayText(r *Result, sim SimulationResult) string {
	if why := NothingToPayBack(r); why != "" {
		return "there is nothing to pay back: " + why
	}
	return "the plan pays in " + Percent(sim.ShareNetAtLeastZero) + " of the draws"
}

// MonthsText says a number of months: "1 month", "12 months".
func MonthsText(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}

// NoReachText says why the plan of r reaches no one: "every platform in the plan
// (Facebook, Instagram) is below its minimum hours per week", "the target audience has
// 0 people", or that none of the audience uses the platforms; "" when it reaches
// people, has no platform, or reaches no one for another reason (a reach rate or
// maturity of 0).
func NoReachText(r *Result) string {
	if !r.Totals.Reach.IsZero() {
		return ""
	}
	var below []string
	planned, audience, fit := 0, false, false
	for _, p := range r.Platforms {
		if !p.InPlan {
			continue
		}
		planned++
		switch {
		case !p.Credible:
			below = append(below, p.Name)
		case p.PotentialAudience.IsPositive():
			audience = true
		case p.Fit.IsPositive():
			fit = true // on the platform, but an audience of 0 people
		}
	}
	switch {
	case planned == 0 || audience:
		return ""
	case len(below) == planned:
		return "every platform in the plan (" + strings.Join(below, ", ") + ") is below its minimum hours per week"
	case fit:
		return "the target audience has 0 people"
	}
	return "none of the target audience uses the platforms in the plan that have their minimum hours"
}
