package calc_test

import (
	"fmt"

	"platformroi/calc"
)

// One platform, one role, 12 months, worked by hand.
//
// Dataset pew-us-2023, audience 100,000 people aged 18-29: Facebook's fit is its
// penetration in that band, 0.67. Facebook's defaults: minHours 2, fullHours 10,
// reachRate 0.03, setupHours 8, no tool or ad cost. The default maturity curve
// (0, 0.10) (1, 0.60) (12, 1.00).
//
// Cost: 10 h/week × 50/h × 52 weeks = 26,000 (2,166.67 a month, 26000/12), plus
// set-up 8 h × 50 = 400 in month 1: 26,400, all of it staff time (hidden share 1).
//
// Reach: effort g = 10/10 = 1, so R[m] = 100,000 × 0.67 × 0.03 × e(m) = 2,010 × e(m).
// e(m) at t = m − 1 = 0..11: 0.10, 0.60, then 0.6 + 0.4 k/11 for k = 1..10, whose
// sum is 0.7 + 10 × 0.6 + 0.4 × 55/11 = 0.7 + 6 + 2 = 8.7. Reach = 2,010 × 8.7 =
// 17,487 people (one platform: unique reach = its reach); 17,487 / 12 = 1,457.25
// a month.
//
// Value: 17,487 / 1,000 × 10 = 174.87, plus 2,500 a month in benefits × 12 =
// 30,000: 30,174.87. Net 30,174.87 − 26,400 = 3,774.87. ROI 3,774.87 / 26,400 =
// 0.1429875 → 0.1430. Cost per 1,000 reached: 26,400 / 17.487 = 1,509.6929… →
// 1,509.69.
//
// Break-even: month 1 costs 2,166.67 + 400 = 2,566.67 against value 2,010 × 0.1 /
// 100 + 2,500 = 2,502.01 (short); by month 2 cost 4,733.33 against value 2,502.01 +
// 2,010 × 0.6 / 100 + 2,500 = 5,014.07: month 2.
func ExampleCompute() {
	s, err := calc.ReadScenario([]byte(`{
  "format": "platform-roi-scenario", "version": 1,
  "name": "One officer on Facebook", "currency": "EUR", "horizonMonths": 12,
  "audience": {"size": 100000, "weights": {"18-29": 1}},
  "dataset": "pew-us-2023",
  "staff": [{"role": "Digital officer", "hourlyCost": "50", "hoursPerWeek": 10}],
  "plan": [{"platform": "facebook", "role": "Digital officer", "hoursPerWeek": 10}],
  "valuePer1000": "10",
  "benefits": [{"name": "Consular calls answered online", "amountPerMonth": "2500", "ramped": false}]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := calc.Compute(s, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	t := r.Totals
	cur := " " + r.Currency
	fmt.Println("monthly cost after month 1:", calc.Money(r.Months[1].Cost)+cur)
	fmt.Println("cost:", calc.Money(t.Cost)+cur)
	fmt.Println("staff cost:", calc.Money(t.StaffCost)+cur, "hidden share", calc.Share(t.HiddenCostShare.Decimal))
	fmt.Println("reach:", calc.People(t.Reach), "people, on average", calc.People(t.AverageMonthlyReach), "a month")
	fmt.Println("value:", calc.Money(t.Value)+cur)
	fmt.Println("net:", calc.Money(t.Net)+cur)
	fmt.Println("ROI:", calc.Share(t.ROI.Decimal))
	fmt.Println("cost per 1,000 reached:", calc.Money(t.CostPer1000Reached.Decimal)+cur)
	fmt.Println("break-even month:", t.BreakEvenMonth)
	// Output:
	// monthly cost after month 1: 2166.67 EUR
	// cost: 26400.00 EUR
	// staff cost: 26400.00 EUR hidden share 1.0000
	// reach: 17487 people, on average 1457 a month
	// value: 30174.87 EUR
	// net: 3774.87 EUR
	// ROI: 0.1430
	// cost per 1,000 reached: 1509.69 EUR
	// break-even month: 2
}

// The recommendation on a case small enough to work by hand.
//
// Dataset reuters-dnr-2025 (one segment), 1,000,000 people; candidates Facebook
// (fit 0.36) and Instagram (fit 0.19), both with reachRate 0.03, minHours 2,
// fullHours 10; a pool of 12 hours a week. Per weekly hour at full maturity Facebook
// reaches 0.36 × 0.03 / 10 = 0.108% of the audience, Instagram 0.057%: Facebook is
// filled to its fullHours (10) and the 2 hours left go to Instagram, which is just
// credible there (g = 2/10). Moving half an hour from Facebook to Instagram loses
// 0.054% and gains 0.0285%, so no other split does better.
//
// Monthly shares: Facebook x_f = 0.0108 e(m), Instagram x_i = 0.19 × 0.03 × 0.2 e(m)
// = 0.00114 e(m). Unique reach over 12 months, with Σe = 8.7 and Σe² = 0.37 + 3.6 +
// 0.48 × 55/11 + 0.16 × 385/121 = 6.879090…:
// 1,000,000 × ((0.0108 + 0.00114) × 8.7 − 0.0108 × 0.00114 × 6.879090…) =
// 103,878 − 84.695… = 103,793.30 → 103,793 people.
// Without Facebook: Instagram alone reaches 1,000,000 × 0.00114 × 8.7 = 9,918, a
// loss of 93,875.30 → 93,875. Without Instagram: Facebook alone 1,000,000 × 0.0108 ×
// 8.7 = 93,960, a loss of 9,833.30 → 9,833.
func ExampleRecommend() {
	s, err := calc.ReadScenario([]byte(`{
  "format": "platform-roi-scenario", "version": 1,
  "name": "Where to spend 12 hours", "currency": "EUR",
  "audience": {"size": 1000000, "weights": {"all": 1}},
  "dataset": "reuters-dnr-2025",
  "staff": [{"role": "Digital officer", "hourlyCost": "40", "hoursPerWeek": 12}],
  "candidates": ["facebook", "instagram"]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("objective:", rec.Objective, calc.People(rec.ObjectiveValue), "people")
	for _, l := range rec.Plan {
		fmt.Printf("%s: %s, %s h/week\n", l.Platform, l.Role, l.HoursPerWeek)
	}
	for _, m := range rec.Marginal {
		fmt.Printf("without %s: %s fewer\n", m.Platform, calc.People(m.Loss))
	}
	// Output:
	// objective: reach 103793 people
	// facebook: Digital officer, 10 h/week
	// instagram: Digital officer, 2 h/week
	// without facebook: 93875 fewer
	// without instagram: 9833 fewer
}
