package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// pageAfter mounts the page, applies edit to its form and gives the page's HTML, with
// everything worked out for the edited inputs.
func pageAfter(t *testing.T, edit func(f *calc.Form)) (*Page, string) {
	t.Helper()
	p, d := mount(t)
	d.Consume()
	p.ed.Edit(edit)
	d.Consume()
	if p.State().Stale() {
		t.Fatalf("the edited form has problems: %v", p.State().Problems)
	}
	return p, app.HTMLString(p)
}

// chartSummary is the summary of the page's chart id.
func chartSummary(t *testing.T, p *Page, id string) string {
	t.Helper()
	for _, c := range p.State().Charts {
		if c.ID == id {
			return c.Summary
		}
	}
	t.Fatalf("no chart %s", id)
	return ""
}

// An empty plan spends nothing and pays nothing back: neither the page nor the
// printed briefing nor the chart of the draws says it pays, in all or any draws.
func TestEmptyPlanHasNothingToPayBack(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) { f.Plan = nil })
	if !p.State().Result.Totals.Cost.IsZero() {
		t.Fatalf("an empty plan costs %s", p.State().Result.Totals.Cost)
	}
	for _, bad := range []string{"pays in", "The plan pays with the values in use", "pays in 100.0%"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page says %q for an empty plan", bad)
		}
	}
	const why = "no platform has staff hours in the plan, so it costs nothing"
	for _, id := range []string{"must-be-true", "likely-net-text", "brief-must-be-true", "brief-likely"} {
		if text := elementText(html, id, "p"); !strings.Contains(text, "nothing to") || !strings.Contains(text, why) {
			t.Errorf("#%s reads %q, want it to say there is nothing to pay back or break even, because %s", id, text, why)
		}
	}
	if caption := elementText(html, "likely-range", "table"); !strings.Contains(caption, "nothing to pay back") {
		t.Errorf("the likely range's table reads %q", caption)
	}
	if s := chartSummary(t, p, "chart-net-draws"); strings.Contains(s, "pays in") || !strings.Contains(s, why) {
		t.Errorf("the chart of the draws says %q", s)
	}
}

// A plan whose staff time, tools and ads all cost 0 (a volunteer) reaches people but
// has nothing to pay back either.
func TestCostlessPlanHasNothingToPayBack(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) {
		f.Staff[0].BySalary, f.Staff[0].HourlyCost = false, "0"
	})
	if r := p.State().Result; !r.Totals.Cost.IsZero() || r.Totals.Reach.IsZero() {
		t.Fatalf("the volunteer's plan costs %s and reaches %s", r.Totals.Cost, r.Totals.Reach)
	}
	const why = "the plan costs nothing (its staff time, tools and ads are all at 0)"
	for _, id := range []string{"must-be-true", "likely-net-text", "brief-likely"} {
		if text := elementText(html, id, "p"); strings.Contains(text, "pays") || !strings.Contains(text, why) {
			t.Errorf("#%s reads %q, want %q", id, text, why)
		}
	}
}

// A plan whose net value is exactly 0 breaks even: it does not "pay" (make more than
// it costs).
func TestNetZeroBreaksEven(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) {
		f.Staff[0].BySalary, f.Staff[0].HourlyCost = false, "0"
		f.Platforms = map[string]map[string]string{"facebook": {"toolCost": "100"}}
		f.ValuePer1000, f.Ranges.ValuePer1000 = "0", calc.FormRange{}
		f.Benefits = []calc.FormBenefit{{Name: "Consular enquiries answered online", AmountPerMonth: "100"}}
	})
	if r := p.State().Result; !r.Totals.Net.IsZero() || r.Totals.Cost.IsZero() {
		t.Fatalf("the plan's net value is %s for a cost of %s", r.Totals.Net, r.Totals.Cost)
	}
	for _, id := range []string{"must-be-true", "brief-must-be-true"} {
		if text := elementText(html, id, "p"); strings.Contains(text, "pays") || !strings.Contains(text, "breaks even with the values in use") {
			t.Errorf("#%s reads %q for a net value of 0", id, text)
		}
	}
}

// A one-month horizon reads "1 month" everywhere: the headline, the hints and
// captions, the printed briefing and every chart's title lines and summary.
func TestOneMonthHorizon(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) { f.HorizonMonths = "1" })
	if strings.Contains(html, "1 months") {
		i := strings.Index(html, "1 months")
		t.Errorf("the page says \"1 months\": …%s…", html[max(0, i-120):i+20])
	}
	for _, want := range []string{"Total cost over 1 month", "the figures cover 1 month.", "Per platform over 1 month"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, c := range p.State().Charts {
		if strings.Contains(c.Summary, "1 months") || strings.Contains(c.Options, "1 months") {
			t.Errorf("chart %s says \"1 months\": %s", c.ID, c.Summary)
		}
	}
}

// chartOf is the page's chart id.
func chartOf(t *testing.T, p *Page, id string) report.ChartSpec {
	t.Helper()
	for _, c := range p.State().Charts {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no chart %s", id)
	return report.ChartSpec{}
}

// The tornado chart of net value shows only inputs that move the net value: for an
// empty plan (the value per 1,000 has a range but moves nothing) it has no bar and
// says that no input moves it, and with a value per 1,000 of 0 the reach rates (which
// then move the reach only) are left to the chart of reach. Counts agree with their
// nouns: "1 assumption that moves the result most, at both ends of its range".
func TestTornadoShowsOnlyInputsThatMoveNetValue(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) { f.Plan = nil })
	c := chartOf(t, p, "chart-tornado")
	if len(c.Table.Rows) != 0 || !strings.Contains(c.Summary, "No input with a range moves the net value") {
		t.Errorf("the empty plan's tornado chart: %q, rows %v", c.Summary, c.Table.Rows)
	}
	if text := elementText(html, "robustness", "p"); strings.Contains(text, "1 assumption that move ") || strings.Contains(text, "of their ranges") {
		t.Errorf("robustness with one input reads %q", text)
	}

	p, _ = pageAfter(t, func(f *calc.Form) { f.ValuePer1000, f.Ranges.ValuePer1000 = "0", calc.FormRange{} })
	c = chartOf(t, p, "chart-tornado")
	for _, row := range c.Table.Rows {
		if row[2] == row[3] {
			t.Errorf("the tornado chart of net value shows %s, which does not move it (%s to %s)", row[0], row[2], row[3])
		}
	}
	if len(c.Table.Rows) == 0 || !strings.Contains(c.Summary, fmt.Sprintf("the %d inputs that move the net value most", len(c.Table.Rows))) {
		t.Errorf("tornado summary %q for %d rows", c.Summary, len(c.Table.Rows))
	}
}

// With no platform in the plan, the charts' summaries say so rather than count "the
// 0 platforms in the plan"; with one, they count it in the singular.
func TestChartSummariesCountPlatformsInPlan(t *testing.T) {
	p, _ := pageAfter(t, func(f *calc.Form) { f.Plan = nil })
	if s := chartSummary(t, p, "chart-cost"); strings.Contains(s, "0 platforms") || strings.Contains(s, "n/a of the total") || !strings.Contains(s, "No platform is in the plan") {
		t.Errorf("the cost chart of an empty plan says %q", s)
	}
	if s := chartSummary(t, p, "chart-fit"); strings.Contains(s, "the 0 in") || !strings.Contains(s, "none of them in the current plan") {
		t.Errorf("the chart of the audience's platforms for an empty plan says %q", s)
	}
	p, _ = pageAfter(t, func(f *calc.Form) { f.Plan = f.Plan[:1] })
	if s := chartSummary(t, p, "chart-cost"); !strings.Contains(s, "for the 1 platform in the plan,") {
		t.Errorf("the cost chart of a one-platform plan says %q", s)
	}
	if s := chartSummary(t, p, "chart-fit"); !strings.Contains(s, "the 1 in the current plan marked") {
		t.Errorf("the chart of the audience's platforms for a one-platform plan says %q", s)
	}
}

// When every draw has the same net value (nothing uncertain moves it), the chart of the
// draws has one band at that value, not twenty bands of 1 EUR from it of which all but
// one are empty.
func TestDrawsOfOneNetValueInOneBand(t *testing.T) {
	for name, edit := range map[string]func(f *calc.Form){
		"empty plan": func(f *calc.Form) { f.Plan = nil },
		"reach no value": func(f *calc.Form) {
			f.ValuePer1000, f.Ranges.ValuePer1000 = "0", calc.FormRange{}
			f.Platforms = map[string]map[string]string{"facebook": {"setupHours": "8"}, "instagram": {"setupHours": "8"}, "x": {"setupHours": "4"}, "website": {"setupHours": "16"}}
		},
	} {
		p, _ := pageAfter(t, edit)
		net := p.State().Result.Totals.Net
		c := chartOf(t, p, "chart-net-draws")
		want := [][]string{{calc.Grouped(net.StringFixed(2)), calc.Grouped(net.StringFixed(2)), "2000"}}
		if fmt.Sprint(c.Table.Rows) != fmt.Sprint(want) {
			t.Errorf("%s: the chart of the draws has bands %v, want %v", name, c.Table.Rows, want)
		}
	}
}

// A plan whose every platform is below its minimum hours reaches no one: what would
// have to be true says why, beside the platforms' table's "below minimum hours".
func TestBelowMinimumHoursSaysWhy(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) {
		f.Plan = f.Plan[:2]
		f.Plan[0].HoursPerWeek, f.Plan[1].HoursPerWeek = "1", "1.5"
	})
	if r := p.State().Result; !r.Totals.Reach.IsZero() || r.Totals.Cost.IsZero() {
		t.Fatalf("the plan below minimum hours reaches %s for %s", r.Totals.Reach, r.Totals.Cost)
	}
	const want = "The plan does not pay: it reaches no one, because every platform in the plan (Facebook, Instagram) is below its minimum hours per week."
	if text := elementText(html, "must-be-true", "p"); !strings.HasPrefix(text, want) {
		t.Errorf("#must-be-true reads %q, want it to begin %q", text, want)
	}
}

// An audience of 0 people: what would have to be true says the plan reaches no one
// because of it, and the recommendation is no platform.
func TestAudienceOfNoOne(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) { f.Audience.Size = "0" })
	const want = "The plan does not pay: it reaches no one, because the target audience has 0 people."
	if text := elementText(html, "must-be-true", "p"); !strings.HasPrefix(text, want) {
		t.Errorf("#must-be-true reads %q, want it to begin %q", text, want)
	}
	if rec := p.State().Rec; rec == nil || len(rec.Plan) != 0 {
		t.Errorf("the recommendation for an audience of 0 people: %+v", rec)
	}
}

// The messages drawn on the charts (under their titles, on every image and slide) do
// not mislead for an empty plan: no "'free' platforms cost 0 EUR in staff time" over an
// empty chart, no "value stays below cost" when both are 0, and a tornado chart with no
// bar says why it has none.
func TestEmptyPlanChartHeadlines(t *testing.T) {
	p, _ := pageAfter(t, func(f *calc.Form) { f.Plan = nil })
	const why = "No platform has staff hours in the plan, so it costs nothing"
	for id, want := range map[string]string{
		"chart-cost":       why,
		"chart-cumulative": why + "; after 12 months, 0 EUR of value",
		"chart-tornado":    "No input with a range moves the net value",
	} {
		c := chartOf(t, p, id)
		if c.Headline != want {
			t.Errorf("%s's headline is %q, want %q", id, c.Headline, want)
		}
		if !strings.Contains(c.Options, want) {
			t.Errorf("%s does not draw %q", id, want)
		}
	}
	if reach := p.State().reach.Spec; reach.Headline != "No input with a range moves the reach" || !strings.Contains(reach.Options, reach.Headline) {
		t.Errorf("the tornado's view of reach: headline %q", reach.Headline)
	}
}

// An audience of 1 person: the plan reaches a fraction of a person, which the page
// says as "under 1 person" rather than "0 people" beside a finite cost per 1,000
// reached, and the recommendation likewise.
func TestReachUnderOnePerson(t *testing.T) {
	p, html := pageAfter(t, func(f *calc.Form) { f.Audience.Size = "1" })
	r := p.State().Result
	if !r.Totals.AverageMonthlyReach.IsPositive() || !r.Totals.AverageMonthlyReach.LessThan(decimal.NewFromFloat(0.5)) {
		t.Fatalf("an audience of 1 is reached by %s people a month", r.Totals.AverageMonthlyReach)
	}
	if got := elementText(html, "fig-reach", "div"); !strings.HasPrefix(got, "Unique reach, average per month under 1 person") {
		t.Errorf("the headline's reach reads %q", got)
	}
	got := elementText(html, "recommendation", "section")
	if i := strings.Index(got, "The recommended plan costs"); i >= 0 {
		got = got[:i]
	}
	if strings.Contains(got, " 0 people") || !strings.Contains(got, "under 1 person") {
		t.Errorf("the recommendation reads %q", got)
	}
	if c := chartOf(t, p, "chart-reach"); strings.Contains(c.Headline, " 0 people") || strings.HasSuffix(c.Headline, "plan 0") {
		t.Errorf("the chart of reach says %q", c.Headline)
	}
}
