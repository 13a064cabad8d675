package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"platformroi/calc"
)

// deckResult gives the result and recommendation of the default scenario named name.
func deckResult(t *testing.T, name string) (*calc.Result, *calc.Recommendation) {
	t.Helper()
	s := calc.DefaultScenario()
	s.Name = name
	r, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r, rec
}

// The deck carries the page's headline figures, each chart with its source line whole
// on one line and its table, and says when it is out of date.
func TestNewDeck(t *testing.T) {
	r, rec := deckResult(t, "Embassy <b>plan</b>")
	charts := Charts(r, rec, "1 December 2026")
	d := NewDeck(DeckInput{Result: r, Charts: charts, Date: "1 December 2026", FileName: "Embassy _b_plan"})
	if d.Scenario != "Embassy <b>plan</b>" || d.FileName != "Embassy _b_plan - slides" || d.Stale != "" || d.Compare != nil {
		t.Errorf("scenario %q, file %q, stale %q, comparison %v", d.Scenario, d.FileName, d.Stale, d.Compare)
	}
	cur := r.Currency
	if got := d.Figures[0]; got.ID != "total-cost" || got.Value != calc.MoneyText(r.Totals.Cost, cur) || got.Likely != "" {
		t.Errorf("first figure %+v, want the total cost %s without a likely range", got, calc.MoneyText(r.Totals.Cost, cur))
	}
	if !strings.HasPrefix(d.Basis, "Amounts in "+cur+" over 12 months.") {
		t.Errorf("basis %q", d.Basis)
	}
	if len(d.Charts) != len(charts) {
		t.Fatalf("%d chart slides for %d charts", len(d.Charts), len(charts))
	}
	for i, c := range d.Charts {
		if c.Title != charts[i].Title || !strings.HasPrefix(c.Source, "Source: ") || strings.Contains(c.Source, "\n") ||
			c.Source != strings.Join(strings.Fields(charts[i].Source), " ") {
			t.Errorf("chart %s: title %q, source %q", c.ID, c.Title, c.Source)
		}
		if !reflect.DeepEqual(c.Table.Rows, charts[i].Table.Rows) || !json.Valid(c.Option) {
			t.Errorf("chart %s: the table or the option is not the chart's", c.ID)
		}
	}
	if len(d.Sources) != 2 || !strings.Contains(d.Sources[0], r.Dataset.Source[:20]) {
		t.Errorf("sources %q", d.Sources)
	}

	stale := NewDeck(DeckInput{Result: r, Charts: charts, Problems: 2, FileName: "Embassy"})
	if stale.FileName != "Embassy (out of date) - slides" || !strings.HasPrefix(stale.Stale, "Out of date: the form has 2 problems.") {
		t.Errorf("out of date: file %q, notice %q", stale.FileName, stale.Stale)
	}
}

// Every chart of the page carries its source line for the slides: the scenario's
// charts, those of what the result depends on, and the comparison's.
func TestEveryChartHasASource(t *testing.T) {
	s := calc.DefaultScenario()
	prep, err := calc.DefaultForm().Prepare(nil)
	if err != nil {
		t.Fatal(err)
	}
	r, rec := prep.Compute(), prep.Recommend()
	u := prep.Uncertainty(rec)
	specs := append(Charts(r, rec, "1 December 2026"), TornadoChart(r, u, nil, "1 December 2026"), TornadoReachChart(r, u, nil, "1 December 2026"), NetDistributionChart(r, u, prep.SimulatedNet(), "1 December 2026"))
	specs = append(specs, NewComparison(r.Currency, s.Name, []CompareRow{{Name: s.Name, Current: true, Result: r}, {Name: "Other", Result: r}}, nil).Charts...)
	for _, c := range specs {
		if !strings.HasPrefix(c.Source, "Source: ") {
			t.Errorf("chart %s has the source line %q", c.ID, c.Source)
		}
	}
}

// With several scenarios, the deck has their comparison as the page's table: a column
// per scenario, a row per key figure with its difference to the scenario edited.
func TestNewDeckComparison(t *testing.T) {
	a, _ := deckResult(t, "Current")
	s := calc.DefaultScenario()
	s.Name = "Fewer hours"
	s.Plan = s.Plan[:1]
	b, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := NewComparison(a.Currency, "Current", []CompareRow{{Name: "Current", Current: true, Result: a}, {Name: "Fewer hours", Result: b}}, []string{"Other (amounts in USD)"})
	d := NewDeck(DeckInput{Result: a, Comparison: c, CompareNotes: []string{"", "Careful: different measures."}, FileName: "Current"})
	if d.Compare == nil {
		t.Fatal("no comparison")
	}
	tb := d.Compare.Table
	if !reflect.DeepEqual(tb.Head, []string{"Figure", "Current (being edited)", "Fewer hours"}) || len(tb.Rows) != len(KeyFigures)+1 {
		t.Fatalf("head %q, %d rows", tb.Head, len(tb.Rows))
	}
	cost := tb.Rows[0]
	if cost[0] != "Total cost" || cost[1] != calc.MoneyText(a.Totals.Cost, a.Currency) || !strings.HasPrefix(cost[2], calc.MoneyText(b.Totals.Cost, b.Currency)+"\n") || !strings.HasSuffix(cost[2], " vs Current") {
		t.Errorf("total cost row %q", cost)
	}
	if !strings.Contains(d.Compare.Note, "Not compared: Other (amounts in USD).") || !strings.HasSuffix(d.Compare.Note, " Careful: different measures.") {
		t.Errorf("note %q", d.Compare.Note)
	}
	if len(d.Compare.Charts) != 2 || d.Compare.Charts[0].Source == "" {
		t.Errorf("comparison charts %+v", d.Compare.Charts)
	}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	// Lists are lists, never null, for web/slides.js.
	for _, want := range []string{`"charts":[],`, `"assumptions":[`, `"sources":[`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the deck's JSON lacks %s", want)
		}
	}
}

// Every likely range of the headline carries its unit at both ends, as the figure it
// ranges over does: the reach's said "likely 21,520 to 33,474" beside "27,102 people".
func TestHeadlineLikelyRangesHaveUnits(t *testing.T) {
	prep, err := calc.DefaultForm().Prepare(nil)
	if err != nil {
		t.Fatal(err)
	}
	r, rec := prep.Compute(), prep.Recommend()
	figs := Headline(r, prep.Uncertainty(rec))
	ranged := 0
	for _, f := range figs {
		if f.Likely == "" {
			continue
		}
		ranged++
		low, high, ok := strings.Cut(f.Likely, " to ")
		if !ok {
			t.Fatalf("%s: likely %q", f.ID, f.Likely)
		}
		unit := ""
		switch {
		case strings.HasSuffix(f.Value, " "+r.Currency):
			unit = " " + r.Currency
		case strings.HasSuffix(f.Value, " people"):
			unit = " people"
		case strings.HasSuffix(f.Value, "%"):
			unit = "%"
		default:
			t.Fatalf("%s: a figure %q without a unit", f.ID, f.Value)
		}
		if !strings.HasSuffix(low, unit) || !strings.HasSuffix(high, unit) {
			t.Errorf("%s: the figure is %q, its likely range %q: each end wants %q", f.Label, f.Value, f.Likely, unit)
		}
	}
	if ranged < 5 {
		t.Errorf("%d figures with a likely range", ranged)
	}
}

// The assumptions still at their defaults are said in words, on the page and the
// slides as in the printed briefing: never a field of the file ("minHours",
// "staff[0].onCost"), whose index a person would not read as the first role.
func TestAssumptionsInWords(t *testing.T) {
	r, _ := deckResult(t, "Embassy")
	got := Assumptions(r)
	want := []string{
		"Facebook: minimum hours a week, hours a week for full effort, reach rate, set-up hours, tools per month, ads per month",
		"Digital officer: on-costs (default)",
	}
	for _, w := range want {
		found := false
		for _, a := range got {
			found = found || a == w
		}
		if !found {
			t.Errorf("the assumptions lack %q: %q", w, got)
		}
	}
	for _, a := range got {
		if strings.ContainsAny(a, "[]") || strings.Contains(a, "Hours") || strings.Contains(a, "Cost") || strings.Contains(a, "Rate") {
			t.Errorf("an assumption names a field of the file: %q", a)
		}
	}
}
