package calc_test

import (
	"fmt"

	"platformroi/calc"
)

// What moves the result, and what would have to be true, worked by hand.
//
// One officer on Facebook as in ExampleCompute (100,000 people aged 18-29, fit 0.67,
// 10 h/week at 50/h, 12 months: cost 26,400), with value 200 per 1,000 reached and a
// benefit line of 1,000 a month, not ramped (12,000 over the year). minHours,
// fullHours and setupHours are typed, so they are known; the reach rate is left at
// the dataset's 0.03 with a range from the scenario, 0.015 to 0.06; valuePer1000 has
// the range 100 to 400, and the benefit 500 to 1,500.
//
// Reach is 100,000 × 0.67 × reachRate × 1 × Σe (8.7) = 582,900 × reachRate: 17,487
// people at 0.03. Value: 17,487 / 1,000 × 200 = 3,497.40, plus 12,000: 15,497.40;
// net 15,497.40 − 26,400 = −10,902.60.
//
// One-way sensitivity, each input at its ends:
//
//   - benefits[0].amountPerMonth: 500 gives 6,000 instead of 12,000: net −16,902.60;
//     1,500 gives 18,000: −4,902.60. Net moves by 12,000, reach by nothing.
//   - platforms.facebook.reachRate: 0.015 reaches 8,743.5 people (8,744 whole),
//     worth 1,748.70: net −12,651.30; 0.06 reaches 34,974, worth 6,994.80: −7,405.20.
//     Net moves by 5,246.10, reach by 26,230.5.
//   - valuePer1000: 100 makes the reach worth 1,748.70 and 400 makes it worth
//     6,994.80: the same nets as the reach rate's, but reach does not move, so it
//     comes after the reach rate.
//
// Switching values: value per 1,000 for break-even = (26,400 − 12,000) / 17.487 =
// 823.4688… → 823.47. The reach-rate scale: net(k) = 3,497.40 × k − 14,400 while
// 0.03 × k ≤ 1 (up to kmax = 33.33…, where net is 116,580 − 14,400 > 0), so
// k = 14,400 / 3,497.40 = 4.11734… → 4.1173.
func ExampleComputeUncertainty() {
	s, err := calc.ReadScenario([]byte(`{
  "format": "platform-roi-scenario", "version": 1,
  "name": "One officer on Facebook", "currency": "EUR", "horizonMonths": 12,
  "audience": {"size": 100000, "weights": {"18-29": 1}},
  "dataset": "pew-us-2023",
  "platforms": {"facebook": {"minHours": 2, "fullHours": 10, "setupHours": 8}},
  "staff": [{"role": "Digital officer", "hourlyCost": "50", "hoursPerWeek": 10}],
  "plan": [{"platform": "facebook", "role": "Digital officer", "hoursPerWeek": 10}],
  "valuePer1000": "200",
  "benefits": [{"name": "Consular calls answered online", "amountPerMonth": "1000", "ramped": false}],
  "ranges": {
    "valuePer1000": {"low": "100", "high": "400"},
    "platforms": {"facebook": {"reachRate": {"low": 0.015, "high": 0.06}}},
    "benefits": [{"low": "500", "high": "1500"}]
  }
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	u, err := calc.ComputeUncertainty(s, nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range u.Inputs {
		fmt.Printf("%s: %s to %s (in use %s), from the %s\n", in.Name, calc.InputText(in, in.Low), calc.InputText(in, in.High),
			calc.InputText(in, in.Base), in.From)
	}
	for _, x := range u.Sensitivity {
		fmt.Printf("%s: net %s to %s, reach %s to %s\n", x.Input, calc.Money(x.NetAtLow), calc.Money(x.NetAtHigh),
			calc.People(x.ReachAtLow), calc.People(x.ReachAtHigh))
	}
	fmt.Println("value per 1,000 for break-even:", calc.Money(u.Switching.ValuePer1000ForBreakEven.Decimal))
	fmt.Println("reach-rate scale for break-even:", calc.Share(u.Switching.ReachRateScaleForBreakEven.Decimal))
	// Output:
	// platforms.facebook.reachRate: 0.0150 to 0.0600 (in use 0.0300), from the scenario
	// valuePer1000: 100.00 to 400.00 (in use 200.00), from the scenario
	// benefits[0].amountPerMonth: 500.00 to 1500.00 (in use 1000.00), from the scenario
	// benefits[0].amountPerMonth: net -16902.60 to -4902.60, reach 17487 to 17487
	// platforms.facebook.reachRate: net -12651.30 to -7405.20, reach 8744 to 34974
	// valuePer1000: net -12651.30 to -7405.20, reach 17487 to 17487
	// value per 1,000 for break-even: 823.47
	// reach-rate scale for break-even: 4.1173
}
