package calc_test

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"platformroi/calc"
)

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	return rows
}

func TestResultsCSVMatchTheResultsDocument(t *testing.T) {
	s := calc.DefaultScenario()
	r, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := calc.Document(r, nil)
	plats := readCSV(t, calc.PlatformsCSV(r))
	if len(plats) != len(doc.Platforms)+1 || !strings.Contains(plats[0][7], "(EUR)") {
		t.Fatalf("%d rows, header %q", len(plats), plats[0])
	}
	for i, p := range doc.Platforms {
		row := plats[i+1]
		roi := "n/a"
		if p.ROI != nil {
			roi = *p.ROI
		}
		want := []string{s.Name, p.ID, p.Name, p.Fit, string(p.PotentialAudience), p.HoursPerWeek, "", p.Cost, p.StaffCost, p.CashCost, p.Value, "", roi, string(p.Reach)}
		for j, w := range want {
			if w != "" && row[j] != w {
				t.Errorf("platform %s column %q = %q, want %q", p.ID, plats[0][j], row[j], w)
			}
		}
	}
	months := readCSV(t, calc.MonthsCSV(r))
	if len(months) != s.HorizonMonths+1 {
		t.Fatalf("%d month rows for %d months", len(months)-1, s.HorizonMonths)
	}
	for i, m := range doc.Months {
		row := months[i+1]
		if row[1] != strconv.Itoa(m.Month) || row[3] != m.Cost || row[5] != m.Value || row[8] != m.CumulativeNet || row[9] != string(m.UniqueReach) {
			t.Errorf("month %d: %q; document %+v", m.Month, row, m)
		}
	}
}

func TestResultsCSVDefuseFormulas(t *testing.T) {
	s := calc.DefaultScenario()
	s.Name = `=HYPERLINK("http://x","click")`
	r, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{calc.PlatformsCSV(r), calc.MonthsCSV(r)} {
		rows := readCSV(t, data)
		if got := rows[1][0]; got != "'"+s.Name {
			t.Errorf("scenario cell %q; a formula must not start a cell", got)
		}
	}
}
