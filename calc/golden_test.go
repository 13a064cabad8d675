package calc_test

// Golden files of the whole results document (MarshalResults with the
// recommendation and the uncertainty) for four scenarios. Regenerate them with
//
//	go test ./calc -run TestGolden -update
//
// and read the diff before committing: a changed figure is a changed model.
//
// Figures checked by hand in the current goldens (and asserted again below, so that
// an -update cannot silently accept a wrong figure):
//
//   - default: staff cost. Digital officer, salary 52000 with the default loadings:
//     52000 × 1.3 × 1.12 / 1720 = 44.01860465… per hour. Plan 8 + 6 + 6 + 4 = 24 h a
//     week: 24 × 44.0186… × 52 = 54,935.22 a year; set-up 8 + 8 + 4 + 16 = 36 h ×
//     44.0186… = 1,584.67; cost 56,519.89, all staff time (hidden share 1.0000).
//     Facebook alone: 8 × 44.0186… × 52 + 8 × 44.0186… = 18,311.74 + 352.15 = 18,663.89.
//   - default: fit of YouTube with weights 21/33/24/22 (sum 100): 0.21 × 0.93 + 0.33 ×
//     0.92 + 0.24 × 0.83 + 0.22 × 0.60 = 0.1953 + 0.3036 + 0.1992 + 0.132 = 0.8301;
//     potential audience 1,500,000 × 0.8301 = 1,245,150.
//   - default: Facebook's reach: fit 0.21 × 0.67 + 0.33 × 0.75 + 0.24 × 0.69 + 0.22 ×
//     0.58 = 0.6814; 1,500,000 × 0.6814 × 0.03 × (8/10) × Σe (8.7) = 213,414.48 →
//     213,414; value 2,134.14.
//   - youth-outreach: YouTube gets 2 h from the deputy head of mission, below its
//     minHours 3: it reaches no one (credible false, reach 0) but pays 2 × 101.5814 ×
//     52 = 10,564.47 plus set-up 24 × 101.5814 = 2,437.95: 13,002.42.
//   - reuters-news: X gets 1 h, below its minHours 2: cost 1 × 45 × 52 × 18/12 + set-up
//     4 × 45 = 3,510 + 180 = 3,690, reach 0. Facebook: 10 h at 45 for 18 months:
//     450 × 52 / 12 × 18 = 35,100 + set-up 8 × 45 = 360: 35,460.
//   - reuters-news: month 1 costs 2,730 (10 + 3 + 1 h × 45 × 52 / 12) plus set-up
//     (8 + 4 + 4) × 45 = 720: 3,450.00; later months 2,730.00.
//   - reuters-news recommendation (pool 25 h): reach per weekly hour at full effort is
//     fit × reachRate / fullHours: Facebook 0.36 × 0.03 / 10 = 0.00108, WhatsApp 0.19
//     × 0.02 / 5 = 0.00076, Instagram 0.00057, TikTok 0.00053, YouTube 0.0005, X
//     0.00024: Facebook 10 (its fullHours), WhatsApp 5 (its fullHours), Instagram 10.
//   - net-objective: cash cost = tools and ads over 24 months: Facebook (30 + 200) and
//     LinkedIn 45.50 a month: 275.50 × 24 = 6,612.00. Staff: Facebook 8 h × 38.50 ×
//     104 + 8 × 38.50 = 32,340; LinkedIn 3 h × 44.0186… × 104 + 4 × 44.0186… =
//     13,909.88; website 4 × 38.50 × 104 + 16 × 38.50 = 16,632: 62,881.88.
//   - net-objective recommendation (checked by estimate): Facebook at 10 h reaches
//     5,000,000 × 0.72 × 0.03 × Σe (8.7 + 12 = 20.7 over 24 months) = 2,235,600 people,
//     worth 55,890, and costs 40,040 + 308 + 5,520 = 45,868: +10,022; LinkedIn at 6 h
//     (reachRate 0.04) 36,742.50 against 25,270: +11,472; their overlap is about
//     5,000,000 × 0.0216 × 0.0142 × Σe² (18.879) = 28,953 people, 724. So the marginal
//     losses are about 10,022 − 724 = 9,298 and 11,472 − 724 = 10,748 (golden: 9,298.18
//     and 10,748.68), and the objective about 19,200 + 1,500 × 20.7 + 10,022 + 11,472 −
//     724 = 71,020 (golden 71,020.68). YouTube and WhatsApp cost more per month at
//     full maturity than their reach is worth, so they stay out.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"platformroi/calc"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden from the engine's output")

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		load func() (*calc.Scenario, error)
	}{
		{"default", func() (*calc.Scenario, error) { return calc.DefaultScenario(), nil }},
		{"youth-outreach", qaScenarioFile("youth-outreach")},
		{"net-objective", qaScenarioFile("net-objective")},
		{"reuters-news", qaScenarioFile("reuters-news")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := c.load()
			if err != nil {
				t.Fatalf("reading the scenario: %v", err)
			}
			r, err := calc.Compute(s, nil)
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			rec, err := calc.Recommend(s, nil)
			if err != nil {
				t.Fatalf("Recommend: %v", err)
			}
			u, err := calc.ComputeUncertainty(s, nil, rec)
			if err != nil {
				t.Fatalf("ComputeUncertainty: %v", err)
			}
			got, err := calc.MarshalResults(r, rec, u)
			if err != nil {
				t.Fatalf("MarshalResults: %v", err)
			}
			path := filepath.Join("testdata", "golden", c.name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("results differ from %s (run with -update to accept, after reading the diff):\n%s", path, qaFirstDiff(want, got))
			}
			qaCheckGoldenFigures(t, c.name, want)
			qaCheckDocFormats(t, want)
		})
	}
}

func qaScenarioFile(name string) func() (*calc.Scenario, error) {
	return func() (*calc.Scenario, error) {
		data, err := os.ReadFile(filepath.Join("testdata", "scenarios", name+".json"))
		if err != nil {
			return nil, err
		}
		return calc.ReadScenario(data)
	}
}

// qaFirstDiff shows the first differing line of two documents.
func qaFirstDiff(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, a, b)
		}
	}
	return "(same lines)"
}

// qaGoldenDoc is the part of the results document the hand checks read.
type qaGoldenDoc struct {
	Scenario string `json:"scenario"`
	Currency string `json:"currency"`
	Totals   struct {
		Cost            string  `json:"cost"`
		StaffCost       string  `json:"staffCost"`
		CashCost        string  `json:"cashCost"`
		ROI             *string `json:"roi"`
		HiddenCostShare *string `json:"hiddenCostShare"`
	} `json:"totals"`
	Platforms []struct {
		ID                string      `json:"id"`
		Fit               string      `json:"fit"`
		PotentialAudience json.Number `json:"potentialAudience"`
		HoursPerWeek      string      `json:"hoursPerWeek"`
		Credible          bool        `json:"credible"`
		Cost              string      `json:"cost"`
		Value             string      `json:"value"`
		Reach             json.Number `json:"reach"`
	} `json:"platforms"`
	Months []struct {
		Cost string `json:"cost"`
	} `json:"months"`
	Recommendation *struct {
		Objective string `json:"objective"`
		Plan      []struct {
			Platform     string `json:"platform"`
			HoursPerWeek string `json:"hoursPerWeek"`
		} `json:"plan"`
	} `json:"recommendation"`
}

// qaCheckGoldenFigures asserts the figures worked by hand (see the comment at the top).
func qaCheckGoldenFigures(t *testing.T, name string, data []byte) {
	t.Helper()
	var doc qaGoldenDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the golden file is not JSON: %v", err)
	}
	plat := func(id string) int {
		for i, p := range doc.Platforms {
			if p.ID == id {
				return i
			}
		}
		t.Fatalf("no platform %s in %s", id, name)
		return -1
	}
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %s is %s, worked by hand %s", name, what, got, want)
		}
	}
	if doc.Recommendation == nil {
		t.Errorf("%s: no recommendation in the document", name)
	}
	switch name {
	case "default":
		check("cost", doc.Totals.Cost, "56519.89")
		check("staff cost", doc.Totals.StaffCost, "56519.89")
		check("cash cost", doc.Totals.CashCost, "0.00")
		if doc.Totals.HiddenCostShare == nil || *doc.Totals.HiddenCostShare != "1.0000" {
			t.Errorf("default: hidden cost share %v, want 1.0000", doc.Totals.HiddenCostShare)
		}
		yt := doc.Platforms[plat("youtube")]
		check("youtube fit", yt.Fit, "0.8301")
		check("youtube potential audience", yt.PotentialAudience.String(), "1245150")
		check("youtube cost (not in the plan)", yt.Cost, "0.00")
		fb := doc.Platforms[plat("facebook")]
		check("facebook fit", fb.Fit, "0.6814")
		check("facebook cost", fb.Cost, "18663.89")
		check("facebook reach", fb.Reach.String(), "213414")
		check("facebook value", fb.Value, "2134.14")
		if len(doc.Platforms) != 14 {
			t.Errorf("default: %d platform rows, want one per platform of pew-us-2023 (14)", len(doc.Platforms))
		}
		if len(doc.Months) != 12 {
			t.Errorf("default: %d months, want 12", len(doc.Months))
		}
	case "youth-outreach":
		yt := doc.Platforms[plat("youtube")]
		check("youtube hours", yt.HoursPerWeek, "2")
		check("youtube reach (below minHours)", yt.Reach.String(), "0")
		check("youtube cost (below minHours)", yt.Cost, "13002.42")
		if yt.Credible {
			t.Errorf("youth-outreach: youtube at 2 h (minHours 3) is credible")
		}
	case "reuters-news":
		check("currency", doc.Currency, "USD")
		x := doc.Platforms[plat("x")]
		check("x cost (below minHours)", x.Cost, "3690.00")
		check("x reach (below minHours)", x.Reach.String(), "0")
		check("facebook cost", doc.Platforms[plat("facebook")].Cost, "35460.00")
		if len(doc.Months) != 18 {
			t.Fatalf("reuters-news: %d months, want 18", len(doc.Months))
		}
		check("month 1 cost", doc.Months[0].Cost, "3450.00")
		check("month 2 cost", doc.Months[1].Cost, "2730.00")
		if doc.Recommendation != nil {
			hours := map[string]string{}
			for _, l := range doc.Recommendation.Plan {
				hours[l.Platform] = l.HoursPerWeek
			}
			if len(hours) != 3 || hours["facebook"] != "10" || hours["whatsapp"] != "5" || hours["instagram"] != "10" {
				t.Errorf("reuters-news: recommended %v, worked by hand facebook 10, instagram 10, whatsapp 5", hours)
			}
		}
	case "net-objective":
		check("cash cost", doc.Totals.CashCost, "6612.00")
		check("staff cost", doc.Totals.StaffCost, "62881.88")
		if doc.Recommendation != nil {
			check("objective", doc.Recommendation.Objective, "net")
		}
	}
}

// qaCheckDocFormats checks the number formats MODEL.md asks of the results document:
// money strings with 2 decimals, shares and ROI with at least 4, hours as plain
// decimals, people as whole numbers (objectiveValue and loss too, for "reach"), null
// for n/a.
func qaCheckDocFormats(t *testing.T, data []byte) {
	t.Helper()
	var (
		money  = regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)
		share  = regexp.MustCompile(`^-?[0-9]+\.[0-9]{4,}$`)
		people = regexp.MustCompile(`^-?[0-9]+$`)
		hours  = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	check := func(where string, v any, re *regexp.Regexp, nullable, number bool) {
		t.Helper()
		switch v := v.(type) {
		case nil:
			if !nullable {
				t.Errorf("%s is null", where)
			}
		case string:
			if number || !re.MatchString(v) {
				t.Errorf("%s is %q, not in the format %s", where, v, re)
			}
		case json.Number:
			if !number || !re.MatchString(v.String()) {
				t.Errorf("%s is the number %s, want the format %s (as a %s)", where, v, re, map[bool]string{true: "number", false: "string"}[number])
			}
		default:
			t.Errorf("%s is %T", where, v)
		}
	}
	tot := doc["totals"].(map[string]any)
	for _, k := range []string{"cost", "staffCost", "cashCost", "value", "net"} {
		check("totals."+k, tot[k], money, false, false)
	}
	check("totals.costPer1000Reached", tot["costPer1000Reached"], money, true, false)
	check("totals.roi", tot["roi"], share, true, false)
	check("totals.hiddenCostShare", tot["hiddenCostShare"], share, true, false)
	check("totals.reach", tot["reach"], people, false, true)
	check("totals.averageMonthlyReach", tot["averageMonthlyReach"], people, false, true)
	check("totals.hoursPerWeek", tot["hoursPerWeek"], hours, false, false)
	if be := tot["breakEvenMonth"]; be != nil {
		check("totals.breakEvenMonth", be, people, false, true)
	}
	for i, p := range doc["platforms"].([]any) {
		row := p.(map[string]any)
		w := fmt.Sprintf("platforms[%d].", i)
		check(w+"fit", row["fit"], share, false, false)
		check(w+"potentialAudience", row["potentialAudience"], people, false, true)
		check(w+"hoursPerWeek", row["hoursPerWeek"], hours, false, false)
		for _, k := range []string{"cost", "staffCost", "cashCost", "value"} {
			check(w+k, row[k], money, false, false)
		}
		check(w+"roi", row["roi"], share, true, false)
		check(w+"reach", row["reach"], people, false, true)
	}
	for i, m := range doc["months"].([]any) {
		mo := m.(map[string]any)
		w := fmt.Sprintf("months[%d].", i)
		check(w+"month", mo["month"], regexp.MustCompile(fmt.Sprintf("^%d$", i+1)), false, true)
		check(w+"maturity", mo["maturity"], share, false, false)
		for _, k := range []string{"cost", "value", "cumulativeNet"} {
			check(w+k, mo[k], money, false, false)
		}
		check(w+"uniqueReach", mo["uniqueReach"], people, false, true)
	}
	rec, ok := doc["recommendation"].(map[string]any)
	if !ok {
		t.Errorf("no recommendation")
		return
	}
	objective := people
	if rec["objective"] == "net" {
		objective = money
	}
	check("recommendation.objectiveValue", rec["objectiveValue"], objective, false, false)
	check("recommendation.bound", rec["bound"], objective, true, false)
	if proven, ok := rec["proven"].(bool); !ok {
		t.Errorf("recommendation.proven is %v, not true or false", rec["proven"])
	} else if proven != (rec["bound"] == nil) {
		t.Errorf("recommendation.proven is %v and bound %v: a bound is given exactly when not proven", proven, rec["bound"])
	}
	for i, l := range rec["plan"].([]any) {
		check(fmt.Sprintf("recommendation.plan[%d].hoursPerWeek", i), l.(map[string]any)["hoursPerWeek"], hours, false, false)
	}
	for i, m := range rec["marginal"].([]any) {
		check(fmt.Sprintf("recommendation.marginal[%d].loss", i), m.(map[string]any)["loss"], objective, false, false)
	}
}
