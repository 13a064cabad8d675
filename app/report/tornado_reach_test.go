package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// The tornado's view of reach lists the inputs by how much they move the reach (not
// the net value), leaves out those that do not move it, and draws each end as the
// change from the reach in use.
func TestTornadoReachChart(t *testing.T) {
	d := decimal.RequireFromString
	r := &calc.Result{Scenario: "Test", Currency: "EUR", HorizonMonths: 12,
		Dataset: &calc.Dataset{Source: "A survey", Year: 2024}, Totals: calc.Totals{Reach: d("1000"), Net: d("-50")}}
	u := &calc.Uncertainty{
		Inputs: []calc.UncertainInput{
			{Name: "platforms.a.reachRate", Low: d("0.01"), Base: d("0.02"), High: d("0.04"), From: calc.FromDefault},
			{Name: "platforms.a.fullHours", Low: d("3"), Base: d("4"), High: d("6"), From: calc.FromScenario},
			{Name: "valuePer1000", Low: d("5"), Base: d("10"), High: d("20"), From: calc.FromScenario},
		},
		// In the engine's order, by net value: the value per 1,000 moves the net most
		// and the reach not at all; full effort moves the reach most.
		Sensitivity: []calc.Sensitivity{
			{Input: "valuePer1000", NetAtLow: d("-60"), NetAtHigh: d("-30"), ReachAtLow: d("1000"), ReachAtHigh: d("1000")},
			{Input: "platforms.a.reachRate", NetAtLow: d("-55"), NetAtHigh: d("-40"), ReachAtLow: d("500"), ReachAtHigh: d("2000")},
			{Input: "platforms.a.fullHours", NetAtLow: d("-45"), NetAtHigh: d("-52"), ReachAtLow: d("1400"), ReachAtHigh: d("-1000")},
		},
	}
	labels := map[string]string{"platforms.a.reachRate": "A: reach rate", "platforms.a.fullHours": "A: hours per week for full effort"}
	spec := TornadoReachChart(r, u, labels, "1 December 2026")
	if spec.ID != "chart-tornado" {
		t.Errorf("id %q: the page draws both views in one place", spec.ID)
	}
	want := [][]string{
		{"A: hours per week for full effort", "3 to 6 (the scenario's)", "1,400", "-1,000"},
		{"A: reach rate", "0.01 to 0.04 (default for an assumption)", "500", "2,000"},
	}
	if !reflect.DeepEqual(spec.Table.Rows, want) {
		t.Errorf("table rows\n%q\nwant\n%q", spec.Table.Rows, want)
	}
	var opt struct {
		Title  []struct{ Text, Subtext string } `json:"title"`
		YAxis  []struct{ Data []string }        `json:"yAxis"`
		Series []struct {
			Data []struct{ Value float64 }
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(spec.Options), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.Title) == 0 {
		t.Fatal("no title")
	}
	if opt.Title[0].Text != spec.Title {
		t.Errorf("title %+v", opt.Title)
	}
	for _, want := range []string{"Scenario: Test", "People reached, summed over 12 months: change from 1,000", "1 December 2026", "A survey (2024)"} {
		if !strings.Contains(strings.ReplaceAll(opt.Title[0].Subtext, "\n", " "), want) {
			t.Errorf("subtitle %q lacks %q", opt.Title[0].Subtext, want)
		}
	}
	// The largest at the top: ECharts draws a category axis from the bottom.
	if !reflect.DeepEqual(opt.YAxis[0].Data, []string{"A: reach rate", "A: hours per week for full effort"}) {
		t.Errorf("axis %q", opt.YAxis[0].Data)
	}
	// Changes from the reach in use, 1,000 people: low ends −500 and +400, high ends
	// +1,000 and −2,000.
	var low, high []float64
	for _, p := range opt.Series[0].Data {
		low = append(low, p.Value)
	}
	for _, p := range opt.Series[1].Data {
		high = append(high, p.Value)
	}
	if !reflect.DeepEqual(low, []float64{-500, 400}) || !reflect.DeepEqual(high, []float64{1000, -2000}) {
		t.Errorf("low %v, high %v", low, high)
	}
	if want := "Bar chart of the 2 inputs that move the reach most; the first, A: hours per week for full effort, moves it from 1,400 to -1,000 people (summed over 12 months)."; spec.Summary != want {
		t.Errorf("summary %q\nwant %q", spec.Summary, want)
	}
	// Nothing moves the reach: said, not drawn.
	u.Sensitivity = u.Sensitivity[:1]
	if spec := TornadoReachChart(r, u, labels, "1 December 2026"); len(spec.Table.Rows) != 0 || spec.Summary != "No input of the current plan with a range moves the reach." {
		t.Errorf("with nothing moving the reach: %q, %q", spec.Table.Rows, spec.Summary)
	}
}
