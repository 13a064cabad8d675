package report

import (
	"strings"

	"platformroi/calc"
)

// What the page, its slide deck and the render command all make of one scenario, so
// that the command line builds the page's deck without the page's package.

var unsafeFileChars = strings.NewReplacer("/", "-", "\\", "-", ":", "-", "*", "-", "?", "-", "\"", "'", "<", "(", ">", ")", "|", "-")

// FileName makes a file name from a scenario name: characters that file systems refuse
// replaced, cut whole at a word when long, "scenario" when empty.
func FileName(name string) string {
	n := strings.TrimSpace(unsafeFileChars.Replace(name))
	if n == "" {
		n = "scenario"
	}
	if r := []rune(n); len(r) > 80 {
		// Cut at the last space before 80 characters, so that no word is cut.
		cut := string(r[:80])
		if i := strings.LastIndex(cut, " "); i > 40 {
			cut = cut[:i]
		}
		n = strings.TrimRight(cut, " -,.;")
	}
	return n
}

// InputLabels names the uncertain inputs of u for people ("Facebook: reach rate"), as
// the form f names its fields on dataset ds.
func InputLabels(f *calc.Form, u *calc.Uncertainty, ds *calc.Dataset) map[string]string {
	out := map[string]string{}
	if u == nil {
		return out
	}
	for _, in := range u.Inputs {
		out[in.Name] = f.FieldLabel(in.Name, ds)
	}
	return out
}

// UncertaintyCharts are the charts of what the result depends on: what moves the net
// value most (the tornado) and, when some input is uncertain, the simulated net value,
// whose draws net gives. None without u.
func UncertaintyCharts(r *calc.Result, u *calc.Uncertainty, labels map[string]string, net func() []float64, date string) []ChartSpec {
	if u == nil {
		return nil
	}
	out := []ChartSpec{TornadoChart(r, u, labels, date)}
	if len(u.Inputs) > 0 {
		out = append(out, NetDistributionChart(r, u, net(), date))
	}
	return out
}

// ScenarioDeck is the slide deck of a scenario as the page shows it once imported and
// worked out: its figures, the charts of its results (with the recommendation) and of
// what the result depends on, no comparison. f must be the form p was prepared from.
func ScenarioDeck(f *calc.Form, p *calc.Prepared, date string) Deck {
	r := p.Compute()
	rec := p.Recommend()
	u := p.Uncertainty(rec)
	charts := append(Charts(r, rec, date), UncertaintyCharts(r, u, InputLabels(f, u, r.Dataset), p.SimulatedNet, date)...)
	return NewDeck(DeckInput{
		Result:       r,
		U:            u,
		Charts:       charts,
		CompareNotes: []string{""},
		Date:         date,
		FileName:     FileName(r.Scenario),
	})
}
