package report

import (
	"strconv"
	"strings"
	"testing"

	"platformroi/calc"
)

// misread lists the places where a source line does not read as sentences: a year or
// a list's next item after a full stop ("…are assumptions. (2023)", "assumptions.;"),
// a comma or a second stop after one.
func misread(s string) []string {
	var out []string
	for _, bad := range []string{". (", ".,", ".;", "..", ". ;"} {
		if strings.Contains(s, bad) {
			out = append(out, bad)
		}
	}
	return out
}

// Every chart's source line, the comparison's and the slides' sources read as
// sentences, for every embedded dataset and for sources with and without a final full
// stop; each gives the year of the figures. The default's charts read "Source: Pew
// Research Center, … their figures are assumptions. (2023)".
func TestSourceLinesReadAsSentences(t *testing.T) {
	datasets := calc.Embedded().Datasets()
	datasets = append(datasets,
		&calc.Dataset{ID: "a", Source: "The Daily, 3 May", Year: 2024, Measure: "Share who use it"},
		&calc.Dataset{ID: "b", Source: "Our survey.", Year: 2025, Measure: "Share who use it."})
	for _, ds := range datasets {
		year := " " + strconv.Itoa(ds.Year)
		r := &calc.Result{Dataset: ds}
		lines := map[string]string{
			"survey chart":     surveySource(ds),
			"inputs chart":     inputsSource(r, true),
			"slides' sources":  DatasetText(ds),
			"comparison chart": (&Comparison{Rows: []CompareRow{{Result: r}, {Result: &calc.Result{Dataset: datasets[0]}}}}).source(),
		}
		for what, line := range lines {
			if bad := misread(line); bad != nil {
				t.Errorf("%s, %s: %q reads %q", ds.ID, what, line, bad)
			}
			if !strings.Contains(line, year) && !strings.Contains(line, "("+strconv.Itoa(ds.Year)+")") {
				t.Errorf("%s, %s: no year in %q", ds.ID, what, line)
			}
		}
	}
	if got := surveySource(datasets[len(datasets)-2]); got != "Source: The Daily, 3 May (2024)" {
		t.Errorf("a source without a full stop: %q", got)
	}
	if got := surveySource(datasets[len(datasets)-1]); got != "Source: Our survey. Figures of 2025." {
		t.Errorf("a source with a full stop: %q", got)
	}
}
