package calc

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The tree Prepare checks is the tree of the file the form writes, for forms with and
// without problems, defaults left out or given.
func TestFormTreeIsTheFilesTree(t *testing.T) {
	paths, _ := filepath.Glob("testdata/scenarios/*.json")
	paths = append(paths, "data/default-scenario.json")
	var forms []*Form
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := ReadForm(data)
		if err != nil {
			t.Fatal(err)
		}
		forms = append(forms, f)
	}
	odd := DefaultForm()
	odd.HorizonMonths, odd.Audience.Size, odd.ValuePer1000 = " 12", "1e3", "ten"
	odd.Staff[0].BySalary, odd.Staff[0].OnCost, odd.Staff[0].ProductiveHours = true, "0.3", "-"
	odd.AddRole(FormRole{Role: "<b>", HourlyCost: "", HoursPerWeek: "0012"})
	odd.SetPlanHours("youtube", 1, "1.50")
	odd.SetParam("facebook", "toolCost", "12")
	odd.SetParam("facebook", "reachRate", ".5")
	odd.Maturity = []FormAnchor{{"0", "1"}}
	odd.Objective, odd.Candidates = "net", []string{"facebook", "nope"}
	odd.Benefits = []FormBenefit{{Name: "x", AmountPerMonth: "1,000", Ramped: true}, {Name: "y", AmountPerMonth: "5"},
		{Name: "z", AmountPerMonth: "7", Range: FormRange{Low: "6", High: "many"}}}
	odd.Ranges = FormRanges{ValuePer1000: FormRange{Low: "5"},
		Platforms: map[string]map[string]FormRange{"facebook": {"reachRate": {Low: ".01", High: "0.05"}, "fullHours": {Low: "8", High: "1e1"}},
			"youtube": {"setupHours": {}}, "nope": {"minHours": {Low: "1", High: "2"}}}}
	odd.Simulation = FormSimulation{Draws: "many"}
	ranged := DefaultForm()
	ranged.Benefits = []FormBenefit{{Name: "Calls", AmountPerMonth: "100", Range: FormRange{Low: "50", High: "150"}}}
	ranged.Simulation = FormSimulation{Draws: "500", Seed: "0"}
	inline := DefaultForm()
	inline.DatasetInline, inline.Dataset = Embedded().Get("reuters-dnr-2025"), ""
	forms = append(forms, odd, ranged, inline, &Form{})
	for i, f := range forms {
		want, err := parseTree(f.File(), scenarioShape)
		if err != nil {
			t.Fatalf("form %d: %v", i, err)
		}
		if got := f.tree(); !reflect.DeepEqual(got, want) {
			t.Errorf("form %d: the tree differs from the file's:\n%s", i, f.File())
		}
	}
}

func TestIsJSONNumber(t *testing.T) {
	for s, want := range map[string]bool{"0": true, "-0": true, "12": true, "1.5": true, "1e3": true, "1E-3": true, "-0.25e+2": true,
		"": false, "012": false, ".5": false, "1.": false, "+1": false, "1e": false, " 1": false, "1,5": false, "NaN": false, "0x1": false} {
		if got := isJSONNumber(s); got != want {
			t.Errorf("isJSONNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
