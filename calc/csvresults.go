package calc

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
)

// PlatformsCSV writes the per-platform results as CSV: one row per platform of the
// dataset, amounts in the result's currency (named in the headers) with 2 decimals,
// shares with 4, people whole. "n/a" stands where the model says a figure is n/a.
func PlatformsCSV(r *Result) []byte {
	cur := r.Currency
	rows := [][]string{{"scenario", "platform id", "platform", "fit (share of audience)", "potential audience (people)",
		"hours per week", "credible", "cost (" + cur + ")", "staff cost (" + cur + ")", "tools and ads (" + cur + ")",
		"value (" + cur + ")", "net (" + cur + ")", "ROI (share)", "reach (people, summed over months)"}}
	for _, p := range r.Platforms {
		rows = append(rows, []string{text(r.Scenario), text(p.ID), text(p.Name), Share(p.Fit), People(p.PotentialAudience),
			p.HoursPerWeek.String(), fmt.Sprint(p.Credible), Money(p.Cost), Money(p.StaffCost), Money(p.CashCost),
			Money(p.Value), Money(p.Net), nullText(nullable(p.ROI, Share)), People(p.Reach)})
	}
	return writeCSV(rows)
}

// MonthsCSV writes the monthly series as CSV, one row per month of the horizon.
func MonthsCSV(r *Result) []byte {
	cur := r.Currency
	rows := [][]string{{"scenario", "month", "maturity (share)", "cost (" + cur + ")", "staff cost (" + cur + ")",
		"value (" + cur + ")", "cumulative cost (" + cur + ")", "cumulative value (" + cur + ")",
		"cumulative net (" + cur + ")", "unique reach (people)"}}
	for _, m := range r.Months {
		rows = append(rows, []string{text(r.Scenario), fmt.Sprint(m.Month), Share(m.Maturity), Money(m.Cost), Money(m.StaffCost),
			Money(m.Value), Money(m.CumulativeCost), Money(m.CumulativeValue), Money(m.CumulativeNet), People(m.UniqueReach)})
	}
	return writeCSV(rows)
}

func nullText(s *string) string {
	if s == nil {
		return "n/a"
	}
	return *s
}

// text makes a name safe in a spreadsheet: a cell that starts like a formula ("=",
// "+", "-", "@", tab, carriage return) gets a leading apostrophe, so that opening the
// file never runs what a name or a file brought in.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// untext reads back a cell that text wrote: an apostrophe before "=", "+", "-" or "@"
// is taken away ("'=x" is "=x"), as a spreadsheet does when it opens the file.
func untext(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

func writeCSV(rows [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true     // what spreadsheets expect
	_ = w.WriteAll(rows) // writes to memory: cannot fail
	return buf.Bytes()
}
