package report

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// Deck is what a slide deck of a scenario shows, as plain data for web/slides.js, which
// builds the PPTX file in the browser: the page's "Download slides (PPTX)" and the
// render command's --format pptx both hand it the JSON of a Deck. Every string in it
// is text, never markup: names come from people and files.
type Deck struct {
	Scenario string `json:"scenario"`
	Date     string `json:"date"`
	// Basis says what the amounts are: currency and horizon.
	Basis string `json:"basis"`
	// Stale, when set, says the figures are those of the last input without problems,
	// not of the form as it is now; the title slide shows it.
	Stale   string       `json:"stale,omitempty"`
	Figures []Figure     `json:"figures"`
	Charts  []DeckChart  `json:"charts"`
	Compare *DeckCompare `json:"compare,omitempty"`
	// Assumptions are the inputs still at their assumed or default values.
	Assumptions []string `json:"assumptions"`
	Sources     []string `json:"sources"`
	// FileName is the deck's file name without ".pptx".
	FileName string `json:"fileName"`
}

// Figure is a headline figure: its label, its value with units and currency, and
// its likely range (P10 to P90 of the simulation) when there is one.
type Figure struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Value  string `json:"value"`
	Likely string `json:"likely,omitempty"`
}

// DeckChart is one chart slide: the chart's option (drawn by web/charts.js), title,
// source line (unwrapped) and summary, and its data table for the speaker notes.
type DeckChart struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Source  string          `json:"source"`
	Summary string          `json:"summary"`
	Option  json.RawMessage `json:"option"`
	Table   DeckTable       `json:"table"`
}

// DeckCompare is the comparison of scenarios: its key figures as a table, notes
// about it, and its charts.
type DeckCompare struct {
	Title  string      `json:"title"`
	Note   string      `json:"note"`
	Table  DeckTable   `json:"table"`
	Charts []DeckChart `json:"charts"`
}

// DeckTable is a table of text, with empty lists rather than null.
type DeckTable struct {
	Head []string   `json:"head"`
	Rows [][]string `json:"rows"`
}

func deckTable(t Table) DeckTable {
	out := DeckTable(t)
	if out.Head == nil {
		out.Head = []string{}
	}
	if out.Rows == nil {
		out.Rows = [][]string{}
	}
	return out
}

// Headline is the results' headline figures as the page shows them, with their likely
// ranges when u has a simulation.
func Headline(r *calc.Result, u *calc.Uncertainty) []Figure {
	cur, t := r.Currency, r.Totals
	money := func(d decimal.Decimal) string { return calc.MoneyText(d, cur) }
	likely := func(sp func(calc.SimulationResult) calc.Spread, show func(decimal.Decimal) string) string {
		if u == nil || len(u.Inputs) == 0 {
			return ""
		}
		return SpreadText(sp(u.Simulation), show)
	}
	return []Figure{
		{"total-cost", "Total cost over " + calc.MonthsText(r.HorizonMonths), money(t.Cost),
			likely(func(s calc.SimulationResult) calc.Spread { return s.Cost }, money)},
		{"staff-cost", "of which staff time", money(t.StaffCost) + " (" + calc.NullPercent(t.HiddenCostShare) + ")", ""},
		{"cash-cost", "Sticker price: tools and ads", money(t.CashCost), ""},
		{"value", "Value", money(t.Value), likely(func(s calc.SimulationResult) calc.Spread { return s.Value }, money)},
		{"roi", "Return on investment", calc.NullPercent(t.ROI), likely(func(s calc.SimulationResult) calc.Spread { return s.ROI }, calc.Percent)},
		{"break-even", "Break-even", calc.BreakEvenText(r), ""},
		{"cost-per-1000", "Cost per 1,000 people reached", calc.NullMoneyText(t.CostPer1000Reached, cur),
			likely(func(s calc.SimulationResult) calc.Spread { return s.CostPer1000Reached }, money)},
		{"reach", "Unique reach, average per month", calc.PeopleCount(t.AverageMonthlyReach),
			likely(func(s calc.SimulationResult) calc.Spread { return s.AverageMonthlyReach }, calc.PeopleCount)},
	}
}

// SpreadText shows a spread as "P10 to P90", or "n/a".
func SpreadText(sp calc.Spread, show func(decimal.Decimal) string) string {
	if !sp.P10.Valid || !sp.P90.Valid {
		return "n/a"
	}
	return show(sp.P10.Decimal) + " to " + show(sp.P90.Decimal)
}

// Assumptions lists the inputs of the plan still at their assumed values (per
// platform) and the scenario's fields at their defaults.
// Both are said in words, as the printed briefing says them.
func Assumptions(r *calc.Result) []string {
	var out []string
	for _, pl := range r.Platforms {
		if pl.InPlan && len(pl.Assumed) > 0 {
			words := make([]string, len(pl.Assumed))
			for i, a := range pl.Assumed {
				words[i] = ParamText(a)
			}
			out = append(out, pl.Name+": "+strings.Join(words, ", "))
		}
	}
	// The roles' names, for the labels of their fields.
	f := &calc.Form{}
	for _, role := range r.Roles {
		f.Staff = append(f.Staff, calc.FormRole{Role: role.Name})
	}
	for _, d := range r.Defaults {
		out = append(out, f.FieldLabel(d, r.Dataset)+" (default)")
	}
	return out
}

// ParamText names a platform parameter (a field of the scenario file) in words.
func ParamText(name string) string {
	switch name {
	case "minHours":
		return "minimum hours a week"
	case "fullHours":
		return "hours a week for full effort"
	case "reachRate":
		return "reach rate"
	case "setupHours":
		return "set-up hours"
	case "toolCost":
		return "tools per month"
	case "adCost":
		return "ads per month"
	case "penetration":
		return "share of the audience on it"
	}
	return name
}

// StaleText says that figures shown while the form has problems (problems > 0) are
// the last without problems.
func StaleText(problems int) string {
	return fmt.Sprintf("Out of date: the form has %d %s. These figures are for the last input without problems, not for the form as it is now.",
		problems, map[bool]string{true: "problem", false: "problems"}[problems == 1])
}

// MarkStale gives a chart's option (JSON) with note on the first line of its
// subtitle, for an image saved while the form has problems; the option as it is when
// it cannot be read.
func MarkStale(option, note string) string {
	d := json.NewDecoder(strings.NewReader(option))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return option
	}
	titles, _ := m["title"].([]any)
	if len(titles) == 0 {
		return option
	}
	t, ok := titles[0].(map[string]any)
	if !ok {
		return option
	}
	if sub, _ := t["subtext"].(string); sub != "" {
		note += "\n" + sub
	}
	t["subtext"] = note
	out, err := json.Marshal(m)
	if err != nil {
		return option
	}
	return string(out)
}

// DatasetText names a dataset: source, year and what it measures, as sentences.
func DatasetText(ds *calc.Dataset) string {
	if ds == nil {
		return "No dataset."
	}
	return ds.SourceText()
}

// DeckInput is what NewDeck needs: the results shown (the last without problems), the
// uncertainty when worked out, the charts as the page draws them, the comparison when
// several scenarios are kept, and whether the form has problems now.
type DeckInput struct {
	Result     *calc.Result
	U          *calc.Uncertainty
	Charts     []ChartSpec
	Comparison *Comparison
	// CompareNotes are said under the comparison's table (such as scenarios whose
	// demographics measure different things).
	CompareNotes []string
	Problems     int
	Date         string
	FileName     string // the scenario's name for files; the deck is "NAME - slides", "NAME (out of date) - slides" when Problems > 0
}

// NewDeck assembles the deck of a scenario's results.
func NewDeck(in DeckInput) Deck {
	r := in.Result
	d := Deck{
		Scenario:    r.Scenario,
		Date:        in.Date,
		Basis:       fmt.Sprintf("Amounts in %s over %s. Figures computed from the scenario's inputs with the platform ROI calculator.", r.Currency, calc.MonthsText(r.HorizonMonths)),
		Figures:     Headline(r, in.U),
		Charts:      deckCharts(in.Charts),
		Assumptions: Assumptions(r),
		FileName:    in.FileName + " - slides",
	}
	if d.Assumptions == nil {
		d.Assumptions = []string{}
	}
	if in.Problems > 0 {
		d.Stale = StaleText(in.Problems)
		d.FileName = in.FileName + " (out of date) - slides"
	}
	// The sources: the survey behind the audience's figures (each compared scenario's
	// when they differ), and the scenario's own inputs behind costs and value. Each
	// chart's own source line is on its slide.
	sources := []string{"Audience figures (share of the target audience, reach): " + DatasetText(r.Dataset)}
	if c := in.Comparison; c != nil && len(c.Rows) > 1 {
		d.Compare = deckCompare(c)
		for _, n := range in.CompareNotes {
			if n != "" {
				d.Compare.Note += " " + n
			}
		}
		seen := map[string]bool{DatasetText(r.Dataset): true}
		for _, row := range c.Rows {
			if ds := DatasetText(row.Result.Dataset); !seen[ds] {
				seen[ds] = true
				sources = append(sources, "Audience figures of "+row.Name+": "+ds)
			}
		}
	}
	sources = append(sources, "Costs and value: the scenario's own staff costs, plan and value inputs, computed with the platform ROI calculator")
	d.Sources = sources
	return d
}

func deckCharts(specs []ChartSpec) []DeckChart {
	out := []DeckChart{}
	for _, s := range specs {
		out = append(out, DeckChart{ID: s.ID, Title: s.Title, Source: unwrap(s.Source), Summary: s.Summary,
			Option: json.RawMessage(s.Options), Table: deckTable(s.Table)})
	}
	return out
}

// unwrap joins the lines of a source line wrapped for a chart (wrap breaks at spaces).
func unwrap(s string) string { return strings.Join(strings.Fields(s), " ") }

// deckCompare is the comparison's table as the page shows it: a column per scenario,
// a row per key figure with its difference to the scenario being edited, and the share
// of the simulation's draws in which each is ahead.
func deckCompare(c *Comparison) *DeckCompare {
	t := Table{Head: []string{"Figure"}}
	for _, r := range c.Rows {
		label := r.Name
		if r.Current {
			label += " (being edited)"
		}
		t.Head = append(t.Head, label)
	}
	for _, kf := range KeyFigures {
		row := []string{kf.Label}
		for _, r := range c.Rows {
			text, diff := c.Cell(kf, r)
			if diff != "" {
				text += "\n" + diff + " vs " + c.Base
			}
			row = append(row, text)
		}
		t.Rows = append(t.Rows, row)
	}
	ahead := []string{AheadLabel}
	for i := range c.Rows {
		text := "—"
		if i < len(c.Ahead) && c.Ahead[i] != "" {
			text = c.Ahead[i]
		}
		ahead = append(ahead, text)
	}
	t.Rows = append(t.Rows, ahead)
	note := "Differences are against " + c.Base + "; amounts in " + c.Currency + ". " + AheadNote
	if len(c.Left) > 0 {
		note += " Not compared: " + strings.Join(c.Left, "; ") + "."
	}
	return &DeckCompare{Title: "Compare scenarios", Note: note, Table: deckTable(t), Charts: deckCharts(c.Charts)}
}
