package app

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// mount renders a fresh Page the way the prerendering server does.
func mount(t *testing.T) (*Page, app.ServerDispatcher) {
	t.Helper()
	p := &Page{}
	d := app.NewServerTester(p)
	t.Cleanup(d.Close)
	return p, d
}

func TestPagePrerendersDefaultFigures(t *testing.T) {
	p, _ := mount(t)
	r, err := calc.Compute(calc.DefaultScenario(), nil)
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(p)
	for _, want := range []string{
		calc.MoneyText(r.Totals.Cost, "EUR"),
		calc.MoneyText(r.Totals.StaffCost, "EUR"),
		calc.NullPercent(r.Totals.ROI),
		calc.PeopleText(r.Totals.AverageMonthlyReach) + " people",
		"not within the horizon",
		"Data table: Share of the target audience on each platform",
		"Data table: Cumulative cost and value by month",
		"Source of the demographic figures: Pew Research Center",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("prerendered page lacks %q", want)
		}
	}
}

func TestEveryInputIsLabelled(t *testing.T) {
	p, _ := mount(t)
	html := app.HTMLString(p)
	inputs := regexp.MustCompile(`<(input|select)[^>]*>`).FindAllString(html, -1)
	if len(inputs) < 50 {
		t.Fatalf("found %d inputs; the form has more", len(inputs))
	}
	id := regexp.MustCompile(`\bid="([^"]+)"`)
	for _, in := range inputs {
		m := id.FindStringSubmatch(in)
		if m == nil {
			t.Errorf("input without id: %s", in)
			continue
		}
		if !strings.Contains(html, `for="`+m[1]+`"`) && !strings.Contains(in, "aria-label=") {
			t.Errorf("input %s has neither a label nor an aria-label", m[1])
		}
	}
}

func TestEditRecomputes(t *testing.T) {
	p, d := mount(t)
	before := p.State().Result.Totals.Cost
	p.ed.Set(calc.PlanCell("facebook", 0), "10")
	d.Consume()
	after := p.State().Result
	if after.Totals.Cost.Equal(before) {
		t.Fatal("more hours on Facebook did not change the cost")
	}
	want, err := calc.Compute(p.State().Scenario, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !after.Totals.Cost.Equal(want.Totals.Cost) || !after.Platforms[1].HoursPerWeek.Equal(want.Platforms[1].HoursPerWeek) {
		t.Errorf("page shows cost %s for 10 hours on Facebook, the engine gives %s", after.Totals.Cost, want.Totals.Cost)
	}
	if html := app.HTMLString(p); !strings.Contains(html, calc.MoneyText(want.Totals.Cost, "EUR")) {
		t.Error("the page does not show the new total cost")
	}
}

func TestInvalidInputKeepsResultsAndShowsMessage(t *testing.T) {
	p, d := mount(t)
	result := p.State().Result
	p.ed.Set("audience.size", "lots")
	p.ed.Set(calc.PlanCell("instagram", 0), "-2")
	d.Consume()
	st := p.State()
	if st.Result != result {
		t.Error("results changed on invalid input")
	}
	if !st.Stale() {
		t.Error("results not marked out of date")
	}
	if !strings.Contains(st.Problems["audience.size"], "must be a number") {
		t.Errorf("audience.size problem = %q", st.Problems["audience.size"])
	}
	line := st.Form.PlanLine("instagram", 0)
	linePath := "plan[" + itoa(line) + "].hoursPerWeek"
	if !strings.Contains(st.Problems[linePath], "hours per week from 0 to 168") {
		t.Errorf("plan cell problem = %q (problems %v)", st.Problems[linePath], st.Problems)
	}
	html := app.HTMLString(p)
	// go-app prints aria-invalid="true" as a bare attribute when prerendering; the
	// browser tests check the live DOM's value.
	for _, want := range []string{`id="f-audience-size-error"`, `aria-invalid`, "Out of date: fix 2 problems.", `id="f-plan-instagram-0-error"`, "Plan: Instagram, hours of Digital officer", "Audience size"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHostileNamesStayText(t *testing.T) {
	p, d := mount(t)
	evil := `<img src=x onerror="alert(1)"><script>alert(2)</script>`
	p.ed.Set("name", evil)
	p.ed.Set("staff[0].role", evil)
	d.Consume()
	if p.State().Stale() {
		t.Fatalf("hostile names were refused: %v", p.State().Problems)
	}
	// Text nodes must carry the names escaped. (Attribute values are set through the
	// DOM in the browser; go-app's prerenderer quotes them Go-style, which is why
	// prerendering is kept to the embedded default scenario.)
	html := app.HTMLString(p)
	outside := regexp.MustCompile(`"(?:[^"\\]|\\.)*"`).ReplaceAllString(html, `""`)
	if strings.Contains(outside, "<script>alert") || strings.Contains(outside, "<img src=x") {
		t.Error("a user-supplied name reached the page as markup")
	}
	if !strings.Contains(html, "&lt;script&gt;alert(2)&lt;/script&gt;") {
		t.Error("the hostile name is not shown as text")
	}
	for _, c := range p.State().Charts {
		if strings.Contains(c.Options, "<script>") {
			t.Errorf("chart %s carries raw markup in its options", c.ID)
		}
	}
}

func TestApplyRecommendation(t *testing.T) {
	p, d := mount(t)
	rec := p.State().Rec
	p.ed.ApplyRecommendation()
	d.Consume()
	st := p.State()
	if st.Stale() {
		t.Fatalf("applying the recommendation gave problems: %v", st.Problems)
	}
	if !st.Result.Totals.Reach.Equal(rec.ObjectiveValue) {
		t.Errorf("after applying it, reach is %s; the recommendation promised %s", st.Result.Totals.Reach, rec.ObjectiveValue)
	}
}

func TestChartMatchesSpec(t *testing.T) {
	p, _ := mount(t)
	spec := p.State().Charts[0]
	c := &Chart{Spec: spec}
	d := app.NewServerTester(c)
	defer d.Close()
	err := app.TestMatch(c, app.TestUIDescriptor{
		Path: app.TestPath(0, 0),
		Expected: app.Div().ID(spec.ID).Class("chart-canvas").Role("img").
			Aria("label", spec.Title+". "+spec.Summary),
	})
	if err != nil {
		t.Error(err)
	}
}

func TestChartsStandAlone(t *testing.T) {
	st := NewState(calc.Embedded(), calc.DefaultForm())
	r := st.Result
	if len(st.Charts) != 4 {
		t.Fatalf("%d charts, want 4", len(st.Charts))
	}
	for _, c := range st.Charts {
		var opt struct {
			Titles []struct {
				Text    string `json:"text"`
				Subtext string `json:"subtext"`
			} `json:"title"`
			Series []json.RawMessage `json:"series"`
			Aria   struct {
				Enabled bool `json:"enabled"`
				Label   struct {
					Description string `json:"description"`
				} `json:"label"`
			} `json:"aria"`
			Background string `json:"backgroundColor"`
		}
		if err := json.Unmarshal([]byte(c.Options), &opt); err != nil {
			t.Fatalf("%s: options are not JSON: %v", c.ID, err)
		}
		if len(opt.Titles) != 2 || opt.Titles[1].Text != c.Headline || c.Headline == "" {
			t.Errorf("%s: titles %+v, want the title and the headline %q", c.ID, opt.Titles, c.Headline)
			continue
		}
		title := opt.Titles[0]
		if title.Text != c.Title {
			t.Errorf("%s: title %+v", c.ID, title)
			continue
		}
		sub := title.Subtext
		// The chart's own source, whole: the survey for the audience's figures, the
		// scenario's inputs for costs and value.
		source := []string{"Source: Pew Research Center", "their figures are assumptions. Figures of 2023."}
		if c.ID == "chart-cost" || c.ID == "chart-cumulative" {
			source = []string{"Source: the scenario's staff costs, plan and value inputs"}
		}
		flat := strings.ReplaceAll(sub, "\n", " ")
		for _, want := range source {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: source %q lacks %q", c.ID, flat, want)
			}
		}
		if strings.Contains(sub, "…") {
			t.Errorf("%s: the source line is cut: %q", c.ID, sub)
		}
		for _, want := range []string{"Scenario: " + r.Scenario} {
			if !strings.Contains(sub, want) {
				t.Errorf("%s: subtitle %q lacks %q", c.ID, sub, want)
			}
		}
		if len(opt.Series) == 0 || !opt.Aria.Enabled || opt.Background != "#ffffff" {
			t.Errorf("%s: series %d, aria %v, background %q", c.ID, len(opt.Series), opt.Aria.Enabled, opt.Background)
		}
		if want := c.Title + ". " + c.Summary; opt.Aria.Label.Description != want {
			t.Errorf("%s: accessible description %q, want the page's summary %q", c.ID, opt.Aria.Label.Description, want)
		}
		if c.Summary == "" || len(c.Table.Rows) == 0 {
			t.Errorf("%s has no text alternative", c.ID)
		}
	}
	if !strings.Contains(st.Charts[1].Options, "EUR") || !strings.Contains(st.Charts[2].Options, "EUR") {
		t.Error("money charts do not name the currency")
	}
	if got := len(st.Charts[2].Table.Rows); got != r.HorizonMonths {
		t.Errorf("cumulative table has %d rows for %d months", got, r.HorizonMonths)
	}
}

func TestSwitchDatasetKeepsFormValidAndUndoes(t *testing.T) {
	p, d := mount(t)
	before := p.State().Form.File()
	p.ed.SwitchDataset("reuters-dnr-2025")
	d.Consume()
	st := p.State()
	if st.Stale() {
		t.Fatalf("switching dataset gave problems: %v", st.Problems)
	}
	if st.Result.Dataset.ID != "reuters-dnr-2025" || len(st.Result.Platforms) != 6 {
		t.Errorf("results are for %s with %d platforms", st.Result.Dataset.ID, len(st.Result.Platforms))
	}
	if p.ws.Switched == nil || len(p.ws.Switched.Lost) == 0 {
		t.Error("the switch does not say what it could not keep")
	}
	if html := app.HTMLString(p); !strings.Contains(html, "Undo the switch") {
		t.Error("no undo after the switch")
	}
	p.ed.UndoSwitch()
	d.Consume()
	if got := p.State().Form.File(); string(got) != string(before) {
		t.Errorf("undo did not give back the form:\n%s\nwant\n%s", got, before)
	}
}

// Typing into the field now shown after a cost-mode switch edits that field, however
// often the mode is switched, and the other mode's values come back.
func TestCostModeSwitchKeepsEachValue(t *testing.T) {
	p, d := mount(t)
	ed := p.ed
	ed.Edit(func(f *calc.Form) { f.Staff[0].BySalary = true })
	ed.Set("staff[0].annualSalary", "90000")
	ed.Edit(func(f *calc.Form) { f.Staff[0].BySalary = false })
	ed.Set("staff[0].hourlyCost", "45")
	ed.Edit(func(f *calc.Form) { f.Staff[0].BySalary = true })
	d.Consume()
	st := p.State()
	if st.Stale() {
		t.Fatalf("problems: %v", st.Problems)
	}
	r := st.Form.Staff[0]
	if r.AnnualSalary != "90000" || r.HourlyCost != "45" {
		t.Errorf("role after switches: %+v", r)
	}
	want := calc.LoadedRate(decimalOf(t, "90000"), calc.DefaultOnCost, calc.DefaultOverhead, calc.DefaultProductiveHours)
	if !st.Result.Roles[0].Rate.Equal(want) {
		t.Errorf("rate %s, want %s from the salary", st.Result.Roles[0].Rate, want)
	}
	html := app.HTMLString(p)
	if !strings.Contains(html, `id="f-staff-0-annualSalary"`) || strings.Contains(html, `id="f-staff-0-hourlyCost"`) {
		t.Error("the page does not show the salary fields only")
	}
}

func decimalOf(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A plan edit keeps the recommendation (it does not depend on the plan); any other
// edit recomputes it.
func TestRecommendationRecomputedOnlyWhenItsInputsChange(t *testing.T) {
	p, d := mount(t)
	rec := p.State().Rec
	p.ed.Set(calc.PlanCell("youtube", 0), "3")
	p.ed.Set("name", "Another name")
	d.Consume()
	if p.State().Rec != rec {
		t.Error("a plan or name edit recomputed the recommendation")
	}
	p.ed.Set("audience.size", "900000")
	d.Consume()
	if p.State().Rec == rec {
		t.Error("an audience edit kept the old recommendation")
	}
	if !p.State().Rec.PoolHours.Equal(rec.PoolHours) || p.State().Rec.ObjectiveValue.Equal(rec.ObjectiveValue) {
		t.Errorf("recommendation for a smaller audience: %s people, before %s", p.State().Rec.ObjectiveValue, rec.ObjectiveValue)
	}
}

// Hours beyond a platform's full effort are flagged next to the plan.
func TestHoursBeyondFullEffortAreFlagged(t *testing.T) {
	p, d := mount(t)
	full := p.cat.Get("pew-us-2023").Platform("youtube").Params.FullHours
	over := full.Add(decimal.NewFromInt(4))
	p.ed.Set("staff[0].hoursPerWeek", "80")
	p.ed.Set(calc.PlanCell("youtube", 0), over.String())
	d.Consume()
	w := hoursWarnings(p.State())
	want := "YouTube: 4 h of the " + over.String() + " h a week add no reach (full effort is " + full.String() + " h a week)."
	if len(w) != 1 || w[0] != want {
		t.Fatalf("warnings %q, want %q", w, want)
	}
	if html := app.HTMLString(p); !strings.Contains(html, `id="hours-warnings"`) {
		t.Error("the page does not show the warning")
	}
}

// The page shows what the result depends on: the likely range, what would have to be
// true, the robustness of the recommendation, the ranges, the tornado chart, and the
// illustrative label while an assumed default moves the result most.
func TestUncertaintyShown(t *testing.T) {
	p, d := mount(t)
	d.Consume()
	st := p.State()
	if st.U == nil {
		t.Fatal("no uncertainty for the prerendered page")
	}
	u, err := calc.ComputeUncertainty(st.Scenario, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(p)
	sim := u.Simulation
	for _, want := range []string{
		"What the result depends on", `id="likely-range"`, `id="illustrative"`, "Illustrative figures",
		calc.MoneyText(sim.Net.P10.Decimal, "EUR") + " to " + calc.MoneyText(sim.Net.P90.Decimal, "EUR"),
		"To break even, 1,000 people reached would have to be worth " + calc.MoneyText(u.Switching.ValuePer1000ForBreakEven.Decimal, "EUR") + " (now 10.00 EUR)",
		"The recommendation (", `id="chart-tornado"`, "Facebook: reach rate", `id="chart-net-draws"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The chart of the simulated net value counts every draw.
	for _, c := range st.Charts {
		if c.ID != "chart-net-draws" {
			continue
		}
		total := 0
		for _, row := range c.Table.Rows {
			n, _ := strconv.Atoi(row[2])
			total += n
		}
		if total != sim.Draws {
			t.Errorf("the chart of the simulated net value counts %d draws of %d", total, sim.Draws)
		}
	}
	// Typing a range edits the scenario's own range.
	p.ed.Set("ranges.platforms.facebook.reachRate.low", "0.01")
	p.ed.Set("ranges.platforms.facebook.reachRate.high", "0.05")
	d.Consume()
	if !strings.Contains(string(p.State().Form.File()), `"reachRate": {`) {
		t.Errorf("the typed range is not in the scenario:\n%s", p.State().Form.File())
	}
	for _, in := range p.State().U.Inputs {
		if in.Name == "platforms.facebook.reachRate" && (in.From != calc.FromScenario || in.Low.String() != "0.01") {
			t.Errorf("facebook's reach rate range: %+v", in)
		}
	}
}

// The host country picker finds each area by name, code or the start of its name.
func TestCountryPicker(t *testing.T) {
	c := calc.Embedded()
	areas := c.Areas()
	if len(areas) < 20 {
		t.Fatalf("%d areas", len(areas))
	}
	for _, a := range areas {
		for _, typed := range []string{a.Name, a.Code, a.Name + " [" + a.Code + "]", strings.ToUpper(a.Name)} {
			if code, ok := areaChoice(c, typed); !ok || code != a.Code {
				t.Errorf("%q found %q (%v), want %s", typed, code, ok, a.Code)
			}
		}
		if len(c.ForCountry(a.Code)) == 0 {
			t.Errorf("%s has no dataset", a.Code)
		}
	}
	if _, ok := areaChoice(c, "Atlantis"); ok {
		t.Error("Atlantis was found")
	}
	groups := datasetOptions(c, "KE")
	if len(groups) == 0 || groups[0].Label != "The host country" || len(groups[0].Options) != len(c.ForCountry("KE")) {
		t.Errorf("Kenya's datasets are not listed first: %+v", groups)
	}
}

// Scenarios compared on datasets of different measures are flagged.
func TestComparisonAcrossMeasuresFlagged(t *testing.T) {
	p, d := mount(t)
	p.ws.New(p.cat, "copy")
	p.changed()
	p.ed.SwitchDataset("reuters-dnr-2025")
	d.Consume()
	c := Compare(p.ws)
	msg := mixedMeasures(c)
	if !strings.Contains(msg, "not comparable") || !strings.Contains(msg, "news") {
		t.Errorf("flag %q", msg)
	}
	// The comparison, flag included, is printed in the briefing (web/app.css).
	if html := app.HTMLString(p); !strings.Contains(html, `id="compare-measures"`) || !strings.Contains(html, `id="briefing"`) {
		t.Error("the page does not flag the comparison across measures")
	}
}

// The comparison says in what share of the same draws a scenario beats the one edited.
func TestComparisonShareOfDrawsAhead(t *testing.T) {
	p, d := mount(t)
	base := p.ws.CurrentID()
	p.ws.New(p.cat, "copy")
	p.changed()
	p.ed.Edit(func(f *calc.Form) { f.ValuePer1000, f.Ranges.ValuePer1000 = "20", calc.FormRange{} })
	d.Consume()
	p.ws.Select(base)
	p.changed()
	c := Compare(p.ws)
	if len(c.Ahead) != 2 || c.Ahead[0] != "" || c.Ahead[1] != "100.0%" {
		t.Errorf("ahead %q, want the copy worth 20 per 1,000 ahead in every draw", c.Ahead)
	}
	if html := app.HTMLString(p); !strings.Contains(html, `id="compare-ahead"`) {
		t.Error("the comparison does not show it")
	}
}

// File names are made from scenario names without cutting a word.
func TestFileNameKeepsWordsWhole(t *testing.T) {
	name := "Embassy outreach to young professionals in the capital and the three largest regional cities"
	got := fileName(name)
	if len([]rune(got)) > 80 || !strings.HasPrefix(name, got) || !strings.HasPrefix(name[len(got):], " ") {
		t.Errorf("fileName(%q) = %q", name, got)
	}
	if got := fileName(`a/b:c*d?"e"<f>|`); strings.ContainsAny(got, `/\:*?"<>|`) {
		t.Errorf("unsafe characters kept: %q", got)
	}
}

// fieldID replaces a regular expression; it must say what that said.
func TestFieldID(t *testing.T) {
	nonID := regexp.MustCompile(`[^A-Za-z0-9_-]+`)
	for _, key := range []string{
		"", "staff[0].hourlyCost", "plan[12].hours", "ranges.platforms.facebook.reachRate.low", "--a..b--",
		"é ü/日本", "audience.weights.18-29", "-", "..", "a b", "x\x00y",
	} {
		want := "f-" + strings.Trim(nonID.ReplaceAllString(key, "-"), "-")
		if got := fieldID(key); got != want {
			t.Errorf("fieldID(%q) = %q, want %q", key, got, want)
		}
	}
}

// A scenario named as another kept one says so beside its name: the comparison, the
// briefing and the files would not tell them apart.
func TestSameNameSaid(t *testing.T) {
	p, d := mount(t)
	first := p.State().Form.Name
	p.ws.New(p.cat, "copy")
	p.changed()
	d.Consume()
	if html := app.HTMLString(p); strings.Contains(html, `id="f-name-same"`) {
		t.Fatal("a copy with a name of its own is said to share it")
	}
	p.ed.Edit(func(f *calc.Form) { f.Name = "  " + strings.ToUpper(first) + " " })
	d.Consume()
	html := app.HTMLString(p)
	if !strings.Contains(html, `id="f-name-same"`) || !strings.Contains(html, "also called &#34;"+first) {
		t.Errorf("the same name is not said; page has f-name-same: %v", strings.Contains(html, `id="f-name-same"`))
	}
	p.ed.Edit(func(f *calc.Form) { f.Name = "Other" })
	d.Consume()
	if strings.Contains(app.HTMLString(p), `id="f-name-same"`) {
		t.Error("the notice stays after the name was changed")
	}
}

// While what the result depends on is worked out again, the headline's likely ranges
// say so: the ones at hand are for the inputs before the edit.
func TestHeadlineLikelyWhilePending(t *testing.T) {
	p, d := mount(t)
	d.Consume()
	st := p.State()
	if st.U == nil || st.UPending {
		t.Fatal("no likely ranges worked out at the start")
	}
	old := report.Headline(st.Result, st.U)[0].Likely
	if old == "" || !strings.Contains(app.HTMLString(p), "likely "+old) {
		t.Fatalf("the headline does not show its likely range %q", old)
	}
	// In the browser the edit's figures paint first and what the result depends on
	// follows (Editor.later; in tests it is worked out at once): the state between.
	p.ed.Edit(func(f *calc.Form) { f.ValuePer1000 = "12" })
	d.Consume()
	p.st.UPending = true
	p.st.Version++ // as the state does when it changes
	p.Update()
	d.Consume()
	html := app.HTMLString(p)
	if strings.Contains(html, "likely "+report.Headline(p.st.Result, p.st.U)[0].Likely) || !strings.Contains(html, "likely "+pendingLikely) {
		t.Errorf("while pending, the headline shows the likely range of the inputs before the edit")
	}
	p.st.UPending = false
	p.st.Version++
	p.Update()
	d.Consume()
	if html := app.HTMLString(p); strings.Contains(html, pendingLikely) || !strings.Contains(html, "likely "+report.Headline(p.st.Result, p.st.U)[0].Likely) {
		t.Error("once worked out, the headline does not show the likely ranges again")
	}
}
