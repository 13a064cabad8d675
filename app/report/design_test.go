package report

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// relativeLuminance is WCAG 2's relative luminance of a colour "#rrggbb".
func relativeLuminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := relativeLuminance(t, a), relativeLuminance(t, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastOfKnownColours(t *testing.T) {
	// WCAG's own figures: black on white 21:1, #767676 on white 4.54:1.
	if c := contrast(t, "#000000", "#ffffff"); math.Abs(c-21) > 0.01 {
		t.Errorf("black on white: %.2f", c)
	}
	if c := contrast(t, "#767676", "#ffffff"); math.Abs(c-4.54) > 0.01 {
		t.Errorf("#767676 on white: %.2f", c)
	}
}

// TestPalette: each meaning has its own colour, and every mark is at least 3:1
// against the white background.
func TestPalette(t *testing.T) {
	seen := map[string]string{}
	for meaning, c := range palette {
		if r := contrast(t, c, "#ffffff"); r < 3 {
			t.Errorf("%s (%s) is %.2f:1 against white, under 3:1", meaning, c, r)
		}
		if other, ok := seen[strings.ToLower(c)]; ok {
			t.Errorf("%s and %s share the colour %s", meaning, other, c)
		}
		seen[strings.ToLower(c)] = meaning
	}
	for _, c := range []string{textColor, mutedColor} {
		if r := contrast(t, c, "#ffffff"); r < 4.5 {
			t.Errorf("text colour %s is %.2f:1 against white, under 4.5:1", c, r)
		}
	}
}

// results gives the default scenario's result and recommendation.
func results(t *testing.T) (*calc.Result, *calc.Recommendation) {
	t.Helper()
	return deckResult(t, calc.DefaultScenario().Name)
}

// comparison compares the default scenario with one of more hours.
func comparison(t *testing.T) *Comparison {
	t.Helper()
	a := calc.DefaultScenario()
	b := calc.DefaultScenario()
	b.Name = "More hours"
	b.Plan[0].HoursPerWeek = b.Plan[0].HoursPerWeek.Add(decimal.NewFromInt(4))
	ra, err := calc.Compute(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := calc.Compute(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	return NewComparison("EUR", a.Name, []CompareRow{{Name: a.Name, Current: true, Result: ra}, {Name: b.Name, Result: rb}}, nil)
}

// allCharts gives every chart the page and its exports draw, with the tornado and
// the net-draws charts when the default scenario has ranges.
func allCharts(t *testing.T) []ChartSpec {
	t.Helper()
	r, rec := results(t)
	specs := Charts(r, rec, "1 December 2026")
	specs = append(specs, comparison(t).Charts...)
	prep, err := calc.DefaultForm().Prepare(nil)
	if err != nil {
		t.Fatal(err)
	}
	u := prep.Uncertainty(prep.Recommend())
	if len(u.Inputs) == 0 {
		t.Fatal("the default scenario has no ranges")
	}
	cr := prep.Compute()
	specs = append(specs, TornadoChart(cr, u, nil, "1 December 2026"), TornadoReachChart(cr, u, nil, "1 December 2026"),
		NetDistributionChart(cr, u, prep.SimulatedNet(), "1 December 2026"))
	return specs
}

func parse(t *testing.T, spec ChartSpec) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(spec.Options), &m); err != nil {
		t.Fatalf("%s: %v", spec.ID, err)
	}
	return m
}

// walk calls fn on every object in v with the path of keys that leads to it.
func walk(v any, path string, fn func(path string, o map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(path, v)
		for k, x := range v {
			walk(x, path+"."+k, fn)
		}
	case []any:
		for i, x := range v {
			walk(x, path+"["+strconv.Itoa(i)+"]", fn)
		}
	}
}

// TestFontsAtSlideSize: the exports draw the design at twice its size (1600 × 900
// for 800 × 450), so a title of 18 design pixels is 36 px on a slide and every label
// of 10 or more at least 20 px; every text the chart draws has its size set (ECharts'
// own default is 12, 24 px on a slide but unchosen).
func TestFontsAtSlideSize(t *testing.T) {
	scale := 1600.0 / designWidth
	for _, spec := range allCharts(t) {
		m := parse(t, spec)
		walk(m, spec.ID, func(path string, o map[string]any) {
			if fs, ok := o["fontSize"].(float64); ok && fs*scale < 20 {
				t.Errorf("%s: font size %v, %v px at 1600 × 900", path, fs, fs*scale)
			}
		})
		titles := list(m, "title")
		if len(titles) == 0 || obj(titles[0], "textStyle")["fontSize"].(float64)*scale < 36 {
			t.Errorf("%s: title %v, under 36 px at 1600 × 900", spec.ID, titles)
		}
		need := map[string]map[string]any{"title textStyle": obj(titles[0], "textStyle"), "subtitle": obj(titles[0], "subtextStyle")}
		if len(titles) > 1 {
			need["headline"] = obj(titles[1], "textStyle")
		}
		for _, key := range []string{"xAxis", "yAxis"} {
			for i, ax := range list(m, key) {
				need[key+strconv.Itoa(i)+" labels"] = obj(ax, "axisLabel")
				need[key+strconv.Itoa(i)+" name"] = obj(ax, "nameTextStyle")
			}
		}
		if lg := obj(m, "legend"); lg["show"] != false {
			need["legend"] = obj(lg, "textStyle")
		}
		for i, s := range list(m, "series") {
			if l, ok := s["label"].(map[string]any); ok && l["show"] == true {
				need["series"+strconv.Itoa(i)+" labels"] = l
			}
			if ml, ok := s["markLine"].(map[string]any); ok {
				need["series"+strconv.Itoa(i)+" mark line"] = obj(ml, "label")
			}
		}
		for what, style := range need {
			if _, ok := style["fontSize"].(float64); !ok {
				t.Errorf("%s: %s has no font size of its own", spec.ID, what)
			}
		}
	}
}

// TestColoursByMeaning: every mark's colour is the palette's, and a meaning has the
// same colour in every chart.
func TestColoursByMeaning(t *testing.T) {
	inPalette := map[string]bool{}
	for _, c := range palette {
		inPalette[c] = true
	}
	byName := map[string]string{} // series → colour
	for _, spec := range allCharts(t) {
		m := parse(t, spec)
		for _, s := range list(m, "series") {
			name, _ := s["name"].(string)
			walk(s, spec.ID+" "+name, func(path string, o map[string]any) {
				if c, ok := o["color"].(string); ok && !strings.HasSuffix(path, ".label") && !strings.HasSuffix(path, "textStyle") && !inPalette[c] {
					t.Errorf("%s: colour %s is not the palette's", path, c)
				}
			})
			if c, ok := obj(s, "itemStyle")["color"].(string); ok { // else per bar (the draws')
				byName[spec.ID+" "+name] = c
			}
		}
	}
	want := map[string]string{
		"chart-fit In the current plan":                                           colorPlan,
		"chart-fit Not in the plan":                                               colorOther,
		"chart-cumulative Cumulative cost":                                        colorCost,
		"chart-cumulative Cumulative value":                                       colorValue,
		"chart-reach Current plan":                                                colorPlan,
		"chart-reach Recommendation":                                              colorRec,
		"chart-compare-key Total cost":                                            colorCost,
		"chart-compare-key Value":                                                 colorValue,
		"chart-compare-key Net":                                                   colorNet,
		"chart-compare-net More hours":                                            colorOther,
		"chart-cost Staff time: 56,520 EUR in total":                              colorStaff,
		"chart-cost Sticker price (tools, ads): 0 EUR in total":                   colorSticker,
		"chart-compare-net Mid-size embassy, US adults (example) (this scenario)": colorPlan,
		"chart-tornado Input at the low end":                                      colorLowEnd,
		"chart-tornado Input at the high end":                                     colorHighEnd,
	}
	for series, c := range want {
		if byName[series] != c {
			t.Errorf("%s is drawn in %q, want %s", series, byName[series], c)
		}
	}
}

func chartByID(t *testing.T, specs []ChartSpec, id string) ChartSpec {
	t.Helper()
	for _, s := range specs {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no chart %s", id)
	return ChartSpec{}
}

// values gives a bar series' values by category (nil for "-").
func values(s map[string]any) []any {
	var out []any
	for _, d := range s["data"].([]any) {
		v := d.(map[string]any)["value"]
		if v == "-" {
			v = nil
		}
		out = append(out, v)
	}
	return out
}

// TestShareChartSortedWithThePlanMarked: largest first (top to bottom), the plan's
// platforms in their own series, labelled "in plan" and their names in bold.
func TestShareChartSortedWithThePlanMarked(t *testing.T) {
	r, rec := results(t)
	spec := chartByID(t, Charts(r, rec, "1 December 2026"), "chart-fit")
	m := parse(t, spec)
	y := obj(m, "yAxis")
	if y["inverse"] != true {
		t.Error("the categories are not drawn from the top")
	}
	series := list(m, "series")
	if len(series) != 2 || series[0]["name"] != "In the current plan" || series[1]["name"] != "Not in the plan" {
		t.Fatalf("series %v", series)
	}
	for _, d := range series[0]["data"].([]any) {
		if d.(map[string]any)["value"] == "-" {
			continue
		}
		if f, _ := obj(d.(map[string]any), "label")["formatter"].(string); !strings.HasSuffix(f, "% · in plan") {
			t.Errorf("a bar of the plan is not labelled as such: %q", f)
		}
	}
	planned, others := values(series[0]), values(series[1])
	inPlan := map[string]bool{}
	for _, p := range r.Platforms {
		inPlan[p.Name] = p.InPlan
	}
	var shares []float64
	for i, c := range y["data"].([]any) {
		name, bold := "", false
		switch c := c.(type) {
		case string:
			name = c
		case map[string]any:
			name = c["value"].(string)
			bold = obj(c, "textStyle")["fontWeight"] == "bold"
		}
		v := others[i]
		if inPlan[name] {
			v = planned[i]
			if others[i] != nil {
				t.Errorf("%s is in both series", name)
			}
		} else if planned[i] != nil {
			t.Errorf("%s is not in the plan but drawn as such", name)
		}
		if bold != inPlan[name] {
			t.Errorf("%s: bold %v, in the plan %v", name, bold, inPlan[name])
		}
		shares = append(shares, v.(float64))
	}
	if len(shares) != len(r.Platforms) || !sort.SliceIsSorted(shares, func(i, j int) bool { return shares[i] > shares[j] }) {
		t.Errorf("shares not largest first: %v", shares)
	}
}

// TestCostChartLabelled: each platform's bar says its staff time and its sticker
// price, zero included; the legend says the totals; the headline what the "free"
// platforms cost; the costliest first.
func TestCostChartLabelled(t *testing.T) {
	r, rec := results(t)
	spec := chartByID(t, Charts(r, rec, "1 December 2026"), "chart-cost")
	m := parse(t, spec)
	titles := list(m, "title")
	if len(titles) != 2 || titles[1]["text"] != "The 'free' platforms cost 56,520 EUR in staff time" || spec.Headline != titles[1]["text"] {
		t.Errorf("headline %v", titles)
	}
	series := list(m, "series")
	if len(series) != 2 {
		t.Fatalf("%d series", len(series))
	}
	staffTotal := decimal.Zero
	var costs []float64
	names := obj(m, "yAxis")["data"].([]any)
	for i, d := range series[0]["data"].([]any) {
		f, _ := obj(d.(map[string]any), "label")["formatter"].(string)
		var p calc.PlatformResult
		for _, q := range r.Platforms {
			if q.Name == names[i] {
				p = q
			}
		}
		want := p.Name + ": " + wholeMoney(p.StaffCost, "EUR") + " staff time + 0 EUR sticker price"
		if f != want {
			t.Errorf("bar %d is labelled %q, want %q", i, f, want)
		}
		staffTotal = staffTotal.Add(p.StaffCost)
		costs = append(costs, p.Cost.InexactFloat64())
	}
	if len(costs) != 4 || !sort.SliceIsSorted(costs, func(i, j int) bool { return costs[i] > costs[j] }) {
		t.Errorf("costs not costliest first: %v", costs)
	}
	if want := "Staff time: " + wholeMoney(staffTotal, "EUR") + " in total"; series[0]["name"] != want || want != "Staff time: 56,520 EUR in total" {
		t.Errorf("staff series %q, want %q", series[0]["name"], want)
	}
	if series[1]["name"] != "Sticker price (tools, ads): 0 EUR in total" {
		t.Errorf("sticker price series %q", series[1]["name"])
	}
	if last := spec.Table.Rows[len(spec.Table.Rows)-1]; last[0] != "Total" || last[3] != calc.MoneyText(r.Totals.Cost, "EUR") {
		t.Errorf("the table's total row %v, want the total cost %s", last, calc.MoneyText(r.Totals.Cost, "EUR"))
	}
}

// TestUnitsAndSources: the currency only on charts of money; each chart's own source
// in its subtitle, whole; comparison charts titled and sourced like the others.
func TestUnitsAndSources(t *testing.T) {
	for _, spec := range allCharts(t) {
		m := parse(t, spec)
		titles := list(m, "title")
		sub, _ := titles[0]["subtext"].(string)
		if titles[0]["text"] != spec.Title || spec.Title == "" {
			t.Errorf("%s: title %q", spec.ID, titles[0]["text"])
		}
		money := spec.ID != "chart-fit" && spec.ID != "chart-reach" && spec.Name != "what moves the reach"
		if got := strings.Contains(sub, "EUR"); got != money {
			t.Errorf("%s: currency in the subtitle %v, want %v: %q", spec.ID, got, money, sub)
		}
		if strings.Contains(spec.Options, "scenario currency") {
			t.Errorf("%s speaks of the scenario currency", spec.ID)
		}
		if spec.Source == "" || !strings.Contains(sub, spec.Source) || !strings.HasPrefix(spec.Source, "Source: ") {
			t.Errorf("%s: source %q not whole in %q", spec.ID, spec.Source, sub)
		}
		survey := strings.Contains(spec.Source, "Pew Research Center")
		inputs := strings.Contains(spec.Source, "staff costs, plan and value inputs")
		switch spec.ID {
		case "chart-fit", "chart-reach":
			if !survey || inputs {
				t.Errorf("%s: source %q, want the survey's", spec.ID, spec.Source)
			}
		case "chart-cost":
			if survey || !inputs {
				t.Errorf("%s: source %q, want the scenario's inputs only", spec.ID, spec.Source)
			}
		default:
			if !survey || !inputs {
				t.Errorf("%s: source %q, want the inputs and the survey for reach", spec.ID, spec.Source)
			}
		}
	}
}

func TestFileNames(t *testing.T) {
	seen := map[string]bool{}
	for _, spec := range allCharts(t) {
		n := spec.FileName()
		if n == "" || seen[n] || strings.ContainsAny(n, `/\:*?"<>|`) {
			t.Errorf("%s: file name %q", spec.ID, n)
		}
		seen[n] = true
	}
}
