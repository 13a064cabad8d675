package calc_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// results computes a scenario file's results document, with the uncertainty, as the
// command line does.
func results(t *testing.T, data []byte, c *calc.Catalog) []byte {
	t.Helper()
	s, err := calc.LoadScenario(data, c)
	if err != nil {
		t.Fatalf("LoadScenario: %v\n%s", err, data)
	}
	r, err := calc.Compute(s, c)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := calc.Recommend(s, c)
	if err != nil {
		t.Fatal(err)
	}
	u, err := calc.ComputeUncertainty(s, c, rec)
	if err != nil {
		t.Fatal(err)
	}
	out, err := calc.MarshalResults(r, rec, u)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// formFiles are scenario files covering every field of the format.
func formFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	paths, _ := filepath.Glob("testdata/scenarios/*.json")
	paths = append(paths, "data/default-scenario.json")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = data
	}
	files["explicit defaults"] = []byte(`{"format":"platform-roi-scenario","version":1,"name":"Explicit","currency":"EUR",
		"horizonMonths":12,"audience":{"size":1000,"weights":{"18-29":1}},"dataset":"pew-us-2023",
		"staff":[{"role":"A","annualSalary":"60000","onCost":0.30,"overhead":"0.12","productiveHours":1720,"hoursPerWeek":10}],
		"plan":[{"platform":"facebook","role":"A","hoursPerWeek":"4"},{"platform":"facebook","role":"A","hoursPerWeek":1.5}],
		"valuePer1000":"0","objective":"reach","candidates":[],
		"maturity":[{"month":0,"factor":0.10},{"month":1,"factor":0.60},{"month":12,"factor":1.00}]}`)
	ds, _ := calc.MarshalDataset(calc.Embedded().Get("reuters-dnr-2025"))
	inline := `{"format":"platform-roi-scenario","version":1,"name":"<b>Inline</b> & \"quoted\"","currency":"USD",
		"horizonMonths":24,"audience":{"size":"5e5","weights":{"all":1}},"datasetInline":` + string(ds) + `,
		"platforms":{"facebook":{"reachRate":0.05,"toolCost":"12.50"}},
		"staff":[{"role":"Officer","hourlyCost":"40.125","hoursPerWeek":"20"}],
		"plan":[{"platform":"facebook","role":"Officer","hoursPerWeek":8}],
		"benefits":[{"name":"Calls","amountPerMonth":"100","ramped":false}],"objective":"net"}`
	files["ranges"] = []byte(`{"format":"platform-roi-scenario","version":1,"name":"Ranges","currency":"EUR",
		"audience":{"size":1000,"weights":{"18-29":1}},
		"staff":[{"role":"A","hourlyCost":"40","hoursPerWeek":10}],
		"plan":[{"platform":"facebook","role":"A","hoursPerWeek":8}],
		"platforms":{"facebook":{"reachRate":0.02}},
		"valuePer1000":"10","benefits":[{"name":"B1","amountPerMonth":"100"},{"name":"B2","amountPerMonth":"200","ramped":true}],
		"ranges":{"valuePer1000":{"low":"5","high":20},"platforms":{"facebook":{"reachRate":{"low":0.005,"high":"0.030"},"setupHours":{"low":4,"high":8}}},
		"benefits":[null,{"low":"150","high":"300.50"}]},
		"simulation":{"draws":500,"seed":42}}`)
	files["inline dataset"] = []byte(strings.ReplaceAll(inline, "\"id\": \"reuters-dnr-2025\"", "\"id\": \"my-inline\""))
	return files
}

// A file read into a form and written back gives the same results, defaults included.
func TestFormRoundTrip(t *testing.T) {
	for name, data := range formFiles(t) {
		t.Run(name, func(t *testing.T) {
			f, err := calc.ReadForm(data)
			if err != nil {
				t.Fatalf("ReadForm: %v", err)
			}
			out := f.File()
			if want, got := results(t, data, nil), results(t, out, nil); !bytes.Equal(want, got) {
				t.Errorf("results differ after a round trip\nfile:\n%s\nwritten back:\n%s", data, out)
			}
			again, err := calc.ReadForm(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.File(), out) {
				t.Errorf("a second round trip changed the file:\n%s\n%s", out, again.File())
			}
			p, err := f.Prepare(nil)
			if err != nil {
				t.Fatal(err)
			}
			if p.Scenario.Name == "" {
				t.Error("prepared scenario has no name")
			}
		})
	}
}

// Numbers stay as typed, and explicit defaults stay explicit.
func TestFormKeepsText(t *testing.T) {
	f, err := calc.ReadForm(formFiles(t)["explicit defaults"])
	if err != nil {
		t.Fatal(err)
	}
	if f.Objective != calc.ObjectiveReach || f.Maturity == nil || f.ValuePer1000 != "0" || f.Candidates == nil {
		t.Errorf("explicit defaults lost: objective %q, maturity %v, value %q", f.Objective, f.Maturity, f.ValuePer1000)
	}
	if f.Maturity[0].Factor != "0.10" || f.Staff[0].OnCost != "0.30" {
		t.Errorf("number text changed: %q, %q", f.Maturity[0].Factor, f.Staff[0].OnCost)
	}
	out := string(f.File())
	for _, want := range []string{`"objective": "reach"`, `"maturity"`, `"factor": 0.10`, `"valuePer1000": "0"`, `"onCost": 0.30`} {
		if !strings.Contains(out, want) {
			t.Errorf("written file lacks %s:\n%s", want, out)
		}
	}
}

// Ranges and simulation settings keep their text, benefit lines carry their own
// ranges, and a range for a benefit line the file does not have is refused.
func TestFormRanges(t *testing.T) {
	f, err := calc.ReadForm(formFiles(t)["ranges"])
	if err != nil {
		t.Fatal(err)
	}
	if f.Ranges.ValuePer1000 != (calc.FormRange{Low: "5", High: "20"}) || f.Ranges.Platforms["facebook"]["reachRate"].High != "0.030" ||
		!f.Benefits[0].Range.IsZero() || f.Benefits[1].Range != (calc.FormRange{Low: "150", High: "300.50"}) ||
		f.Simulation != (calc.FormSimulation{Draws: "500", Seed: "42"}) {
		t.Errorf("form read: ranges %+v, benefits %+v, simulation %+v", f.Ranges, f.Benefits, f.Simulation)
	}
	out := string(f.File())
	for _, want := range []string{`"high": 0.030`, `"low": 0.005`, `"benefits": [
      null,`, `"high": "20"`, `"draws": 500`} {
		if !strings.Contains(out, want) {
			t.Errorf("written file lacks %s:\n%s", want, out)
		}
	}
	// Removing the first benefit line takes the second's range along with it.
	f.Benefits = f.Benefits[1:]
	if out := string(f.File()); !strings.Contains(out, `"benefits": [
      {
        "low": "150"`) {
		t.Errorf("the range did not follow its line:\n%s", out)
	}
	// One end typed: the other is written empty and reported at its own path.
	f.Ranges.ValuePer1000 = calc.FormRange{Low: "5"}
	_, err = f.Prepare(nil)
	var ie *calc.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Field != "ranges.valuePer1000.high" {
		t.Errorf("a range with one end: %v", err)
	}
	bad := strings.Replace(string(formFiles(t)["ranges"]), `[null,{`, `[null,null,{"low":"1","high":"2"},{`, 1)
	_, err = calc.ReadForm([]byte(bad))
	if !errors.As(err, &ie) || ie.Problems[0].Field != "ranges.benefits[2]" {
		t.Errorf("a range for a third benefit line of two: %v", err)
	}
}

// A form with problems is kept and written as typed, and Prepare names each problem's
// field by the form's own path.
func TestFormWithProblems(t *testing.T) {
	f := calc.DefaultForm()
	f.HorizonMonths = "twelve"
	f.Staff[0].HourlyCost = ""
	f.Staff[0].BySalary = false
	f.SetPlanHours("facebook", 0, "abc")
	back, err := calc.ReadForm(f.File())
	if err != nil {
		t.Fatalf("a form with problems must read back: %v", err)
	}
	if back.HorizonMonths != "twelve" || !bytes.Equal(back.File(), f.File()) {
		t.Errorf("form with problems changed on reading back:\n%s", back.File())
	}
	_, err = f.Prepare(nil)
	var ie *calc.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("want an InputError, got %v", err)
	}
	fields := map[string]bool{}
	for _, p := range ie.Problems {
		fields[p.Field] = true
	}
	line := f.PlanLine("facebook", 0)
	for _, want := range []string{"horizonMonths", "staff[0].hourlyCost", "plan[" + itoa(line) + "].hoursPerWeek"} {
		if !fields[want] {
			t.Errorf("no problem at %s; problems: %v", want, ie.Problems)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// Switching cost modes keeps both ways' values; only the chosen one is in the file.
func TestFormCostModes(t *testing.T) {
	f := calc.DefaultForm()
	f.Staff[0].HourlyCost = "45"
	f.Staff[0].BySalary = true
	f.Staff[0].AnnualSalary = "90000"
	if s := string(f.File()); strings.Contains(s, "hourlyCost") || !strings.Contains(s, `"annualSalary": "90000"`) {
		t.Errorf("salary mode writes:\n%s", s)
	}
	f.Staff[0].BySalary = false
	if s := string(f.File()); !strings.Contains(s, `"hourlyCost": "45"`) || strings.Contains(s, "annualSalary") {
		t.Errorf("hourly mode writes:\n%s", s)
	}
	if f.Staff[0].AnnualSalary != "90000" {
		t.Error("the salary typed was lost when switching to hourly")
	}
}

// Roles removed and renamed keep the other roles' plan lines.
func TestFormRoles(t *testing.T) {
	f := calc.DefaultForm()
	f.AddRole(calc.FormRole{Role: "Press", HourlyCost: "30", HoursPerWeek: "10"})
	f.AddRole(calc.FormRole{Role: "Intern", HourlyCost: "15", HoursPerWeek: "10"})
	f.SetPlanHours("youtube", 1, "3")
	f.SetPlanHours("tiktok", 2, "4")
	f.Staff[2].Role = "Trainee"
	f.RemoveRole(1)
	if i := f.PlanLine("tiktok", 1); i < 0 || f.Plan[i].HoursPerWeek != "4" {
		t.Fatalf("the renamed role's line was lost: %+v", f.Plan)
	}
	if f.PlanLine("youtube", 1) >= 0 {
		t.Error("the removed role's line is still there")
	}
	if !strings.Contains(string(f.File()), `"role": "Trainee",`) {
		t.Errorf("plan line does not follow the renamed role:\n%s", f.File())
	}
	if _, err := f.Prepare(nil); err != nil {
		t.Errorf("form after role edits: %v", err)
	}
}

// Switching datasets keeps what both have and says what it could not keep.
func TestFormSwitchDataset(t *testing.T) {
	c := calc.Embedded()
	f := calc.DefaultForm()
	f.SetPlanHours("flickr", 0, "1")
	f.SetParam("flickr", "reachRate", "0.5")
	to := c.Get("reuters-dnr-2025")
	lost := f.SwitchDataset(nil, to, to.ID, map[string]string{"all": "1"})
	if f.Dataset != to.ID {
		t.Fatal("dataset not switched")
	}
	if f.PlanLine("facebook", 0) < 0 {
		t.Error("facebook's hours were dropped, though both datasets have it")
	}
	if f.PlanLine("flickr", 0) >= 0 || f.Platforms["flickr"] != nil {
		t.Error("flickr is not in the news dataset but its line or parameters stayed")
	}
	text := strings.Join(lost, " ")
	// Named as people read them.
	if !strings.Contains(text, "Flickr") || !strings.Contains(text, "Ages 18-29") {
		t.Errorf("lost: %v", lost)
	}
	if f.Audience.Weights["all"] != "1" {
		t.Errorf("weights: %v", f.Audience.Weights)
	}
}

// Switching datasets keeps the platforms the recommendation may use that both have,
// and says which it dropped; when none is left, it says that every platform of the new
// dataset is considered (an empty list means every one).
func TestFormSwitchDatasetCandidates(t *testing.T) {
	c := calc.Embedded()
	to := c.Get("reuters-dnr-2025")
	f := calc.DefaultForm()
	f.Candidates = []string{"youtube", "flickr"}
	lost := strings.Join(f.SwitchDataset(nil, to, to.ID, map[string]string{"all": "1"}), " ")
	if strings.Join(f.Candidates, ",") != "youtube" {
		t.Errorf("candidates %v, want youtube", f.Candidates)
	}
	if !strings.Contains(lost, "Platforms considered for the recommendation that the new dataset does not have: Flickr.") {
		t.Errorf("lost does not say Flickr is no longer considered: %v", lost)
	}
	f = calc.DefaultForm()
	f.Candidates = []string{"flickr", "blog"}
	lost = strings.Join(f.SwitchDataset(nil, to, to.ID, map[string]string{"all": "1"}), " ")
	if len(f.Candidates) != 0 {
		t.Errorf("candidates %v, want every platform", f.Candidates)
	}
	if !strings.Contains(lost, "Flickr, Blog") || !strings.Contains(lost, "every platform of the new dataset is considered") {
		t.Errorf("lost does not say the recommendation now considers every platform: %v", lost)
	}
}

// Switching datasets keeps the ranges typed for platforms both have, drops those of
// platforms the new one lacks (a range naming a platform the dataset lacks would be an
// error), says so, and leaves the form it was cloned from alone.
func TestFormSwitchDatasetRanges(t *testing.T) {
	c := calc.Embedded()
	orig := calc.DefaultForm()
	orig.Set("ranges.platforms.facebook.reachRate.low", "0.01")
	orig.Set("ranges.platforms.facebook.reachRate.high", "0.05")
	orig.Set("ranges.platforms.flickr.minHours.low", "1")
	orig.Set("ranges.platforms.flickr.minHours.high", "3")
	f := orig.Clone()
	to := c.Get("reuters-dnr-2025")
	lost := f.SwitchDataset(nil, to, to.ID, map[string]string{"all": "1"})
	if got, _ := f.Get("ranges.platforms.facebook.reachRate.high"); got != "0.05" {
		t.Errorf("facebook's range: high %q, want 0.05", got)
	}
	if _, kept := f.Ranges.Platforms["flickr"]; kept {
		t.Error("flickr's range stayed, though the news dataset has no flickr")
	}
	if !strings.Contains(strings.Join(lost, " "), "Flickr") {
		t.Errorf("lost does not name Flickr: %v", lost)
	}
	if got, _ := orig.Get("ranges.platforms.flickr.minHours.low"); got != "1" {
		t.Errorf("the original form lost flickr's range: %q", got)
	}
	if _, err := f.Prepare(c); err != nil {
		t.Errorf("the switched form has problems: %v", err)
	}
}

// An assumed default has the dataset platform's own range or the default relative
// range; a sourced figure has none.
func TestPlatformAssumedRange(t *testing.T) {
	ds := calc.Embedded().Get("pew-us-2023")
	fb := *ds.Platform("facebook")
	r, from, ok := fb.AssumedRange("reachRate")
	want := calc.DefaultRange("reachRate", fb.Params.ReachRate)
	if !ok || from != calc.FromDefault || !r.Low.Equal(want.Low) || !r.High.Equal(want.High) {
		t.Errorf("facebook's reach rate: %v %v %v, want the default range %v", r, from, ok, want)
	}
	own := calc.Range{Low: fb.Params.ReachRate.Div(decimal.NewFromInt(3)), High: fb.Params.ReachRate.Mul(decimal.NewFromInt(3))}
	fb.Ranges.ReachRate = &own
	if r, from, ok := fb.AssumedRange("reachRate"); !ok || from != calc.FromDataset || !r.High.Equal(own.High) {
		t.Errorf("with the dataset's own range: %v %v %v", r, from, ok)
	}
	fb.Assumed = []string{"penetration"}
	if _, _, ok := fb.AssumedRange("reachRate"); ok {
		t.Error("a sourced reach rate has a range")
	}
	if _, _, ok := fb.AssumedRange("toolCost"); ok {
		t.Error("tools per month have a range")
	}
}

// A scenario on an imported dataset travels with the dataset inline.
func TestFormForSharing(t *testing.T) {
	c := calc.Embedded()
	ds := *c.Get("reuters-dnr-2025")
	ds.ID, ds.Title = "imported-1", "Imported"
	if err := c.Add(&ds); err != nil {
		t.Fatal(err)
	}
	f := calc.DefaultForm()
	to := c.Get("imported-1")
	f.SwitchDataset(nil, to, to.ID, map[string]string{"all": "1"})
	shared := f.ForSharing(c)
	if shared.DatasetInline == nil || shared.Dataset != "" {
		t.Fatal("not inline")
	}
	if f.DatasetInline != nil {
		t.Error("ForSharing changed the form itself")
	}
	if _, err := shared.Prepare(nil); err != nil {
		t.Errorf("the shared form does not open without the import: %v", err)
	}
}

// Set edits the field its path names in the form as it is now, and FieldLabel names it
// for people.
func TestFormSetAndLabels(t *testing.T) {
	ds := calc.Embedded().Get("pew-us-2023")
	f := calc.DefaultForm()
	cases := []struct{ path, text, label string }{
		{"staff[0].hourlyCost", "45", "Digital officer: hourly cost"},
		{"platforms.facebook.reachRate", "0.02", "Facebook: reach rate"},
		{calc.PlanCell("youtube", 0), "5", "Plan: YouTube, hours of Digital officer"},
		{"audience.weights.18-29", "50", "Audience: weight of Ages 18-29"},
		{"maturity[1].factor", "0.5", "Maturity point 2: effect"},
		{"horizonMonths", "24", "Horizon (months)"},
		{"ranges.valuePer1000.low", "5", "Value per 1,000 people reached, low end"},
		{"ranges.platforms.facebook.reachRate.low", "0.01", "Facebook: reach rate, low end"},
		{"ranges.platforms.facebook.reachRate.high", "0.05", "Facebook: reach rate, high end"},
		{"simulation.draws", "500", "Simulation: number of draws"},
		{"simulation.seed", "7", "Simulation: seed"},
	}
	for _, c := range cases {
		if !f.Set(c.path, c.text) {
			t.Errorf("Set(%q) found no field", c.path)
		}
		if got, _ := f.Get(c.path); got != c.text {
			t.Errorf("Get(%q) = %q, want %q", c.path, got, c.text)
		}
		if got := f.FieldLabel(c.path, ds); got != c.label {
			t.Errorf("FieldLabel(%q) = %q, want %q", c.path, got, c.label)
		}
	}
	if f.Set("staff[5].hourlyCost", "1") || f.Set("platforms.facebook.colour", "1") {
		t.Error("Set accepted a path that names no field")
	}
	i := f.PlanLine("youtube", 0)
	if got := f.FieldLabel("plan["+strconv.Itoa(i)+"].hoursPerWeek", ds); got != "Plan: YouTube, hours of Digital officer" {
		t.Errorf("plan line label: %q", got)
	}
	if f.Set("ranges.platforms.facebook.toolCost.low", "1") || f.Set("ranges.benefits[0].low", "1") {
		t.Error("Set accepted a range of a parameter without one, or of a benefit line the form does not have")
	}
	f.Benefits = []calc.FormBenefit{{Name: "Calls", AmountPerMonth: "100"}}
	if !f.Set("ranges.benefits[0].high", "150") || f.Benefits[0].Range.High != "150" {
		t.Errorf("a benefit line's range: %+v", f.Benefits[0])
	}
	if got := f.FieldLabel("ranges.benefits[0].high", ds); got != "Calls: value per month, high end" {
		t.Errorf("benefit range label: %q", got)
	}
	if got := f.FieldLabel("benefits[0].ramped", ds); got != "Calls: grows with maturity" {
		t.Errorf("benefit ramp label: %q", got)
	}
	// A platform the recommendation may use is named, not numbered by its place in a list.
	f.Candidates = []string{"facebook", "myspace"}
	for path, want := range map[string]string{"candidates[0]": "Platforms considered for the recommendation: Facebook",
		"candidates[1]": "Platforms considered for the recommendation: myspace"} {
		if got := f.FieldLabel(path, ds); got != want {
			t.Errorf("FieldLabel(%q) = %q, want %q", path, got, want)
		}
	}
	// Emptying both ends of a range removes it from the form and the file.
	c := f.Clone()
	c.Set("ranges.platforms.facebook.reachRate.low", "")
	c.Set("ranges.platforms.facebook.reachRate.high", "")
	if _, ok := c.Ranges.Platforms["facebook"]; ok || f.Ranges.Platforms["facebook"]["reachRate"].Low != "0.01" {
		t.Errorf("emptied range: %+v; the original's: %+v", c.Ranges.Platforms, f.Ranges.Platforms)
	}
	if f.Maturity == nil || f.Maturity[1].Factor != "0.5" || f.Maturity[2].Month != "12" {
		t.Errorf("maturity after editing one point: %+v", f.Maturity)
	}
}

// Every message names the value it refused.
func TestMessagesNameTheRefusedValue(t *testing.T) {
	f := calc.DefaultForm()
	f.Plan = append(f.Plan, calc.FormLine{Platform: "fakebook", Role: "Digital officer", HoursPerWeek: "1"},
		calc.FormLine{Platform: "youtube", Role: "Nobody", HoursPerWeek: "1"})
	f.SetParam("myspace", "minHours", "1")
	f.Audience.Weights["toddlers"] = "1"
	f.Candidates = []string{"friendster"}
	f.HorizonMonths = strings.Repeat("9", 45) // too long to quote whole
	_, err := f.Prepare(nil)
	var ie *calc.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("want problems, got %v", err)
	}
	msgs := map[string]string{}
	for _, p := range ie.Problems {
		msgs[p.Field] = p.Message
	}
	n := len(f.Plan)
	for path, value := range map[string]string{
		"plan[" + strconv.Itoa(n-2) + "].platform": `"fakebook"`,
		"plan[" + strconv.Itoa(n-1) + "].role":     `"Nobody"`,
		"platforms.myspace":                        `"myspace"`,
		"audience.weights.toddlers":                `"toddlers"`,
		"candidates[0]":                            `"friendster"`,
		"horizonMonths":                            `45 characters ("99999999999999999999…")`,
	} {
		if !strings.Contains(msgs[path], value) {
			t.Errorf("%s: message %q does not name %s", path, msgs[path], value)
		}
	}
}

// A field emptied or mistyped in the form is one problem, at that field, and the
// message names no field of the file (the page shows it beside the field's own name):
// an emptied annual salary is not also "a missing hourly cost", and a full effort below
// the minimum says "minimum hours per week", not minHours.
func TestFormProblemsOnePerMistake(t *testing.T) {
	fileWords := regexp.MustCompile(`\b(hourlyCost|annualSalary|minHours|fullHours|reachRate|setupHours|toolCost|adCost|onCost|productiveHours|hoursPerWeek|horizonMonths|valuePer1000|amountPerMonth)\b`)
	cases := []struct {
		name  string
		edit  func(f *calc.Form)
		field string
	}{
		{"annual salary emptied", func(f *calc.Form) { f.Staff[0].BySalary = true; f.Staff[0].AnnualSalary = "" }, "staff[0].annualSalary"},
		{"annual salary mistyped", func(f *calc.Form) { f.Staff[0].BySalary = true; f.Staff[0].AnnualSalary = "52k" }, "staff[0].annualSalary"},
		{"hourly cost emptied", func(f *calc.Form) { f.Staff[0].BySalary = false; f.Staff[0].HourlyCost = "" }, "staff[0].hourlyCost"},
		{"full effort below the minimum", func(f *calc.Form) { f.SetParam("facebook", "fullHours", "1") }, "platforms.facebook.fullHours"},
		{"minimum hours mistyped", func(f *calc.Form) { f.SetParam("facebook", "minHours", "two") }, "platforms.facebook.minHours"},
	}
	for _, c := range cases {
		f := calc.DefaultForm()
		c.edit(f)
		_, err := f.Prepare(nil)
		var ie *calc.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: want problems, got %v", c.name, err)
			continue
		}
		if len(ie.Problems) != 1 || ie.Problems[0].Field != c.field {
			t.Errorf("%s: problems %v, want one at %s", c.name, ie.Problems, c.field)
			continue
		}
		if m := fileWords.FindString(ie.Problems[0].Message); m != "" {
			t.Errorf("%s: the message %q names the file's field %s", c.name, ie.Problems[0].Message, m)
		}
	}
}

// Switching datasets keeps the parameters set for platforms both datasets have and the
// weights of segments both have, and says nothing was lost when nothing was.
func TestFormSwitchDatasetKeepsSharedParamsAndWeights(t *testing.T) {
	c := calc.Embedded()
	f := calc.DefaultForm()
	from := c.Get("reuters-dnr-2025")
	f.SwitchDataset(nil, from, from.ID, map[string]string{"all": "1"})
	f.Audience.Weights["all"] = "7"
	f.SetParam("facebook", "reachRate", "0.05")
	f.SetParam("youtube", "minHours", "3")
	f.SetPlanHours("facebook", 0, "3")
	to := c.Get("pew-ke-2023") // facebook only, segment "all"
	lost := f.SwitchDataset(nil, to, to.ID, map[string]string{"all": "1"})
	if got := f.Audience.Weights["all"]; got != "7" {
		t.Errorf("the weight of the segment both have: %q, want 7", got)
	}
	if got := f.Platforms["facebook"]["reachRate"]; got != "0.05" {
		t.Errorf("facebook's reach rate: %q, want 0.05", got)
	}
	if i := f.PlanLine("facebook", 0); i < 0 || f.Plan[i].HoursPerWeek != "3" {
		t.Errorf("facebook's plan hours were not kept: %+v", f.Plan)
	}
	text := strings.Join(lost, " ")
	if !strings.Contains(text, "parameters or ranges for platforms the new dataset does not have: YouTube.") || strings.Contains(text, "Facebook") || strings.Contains(text, "eights") {
		t.Errorf("lost: %v", lost)
	}
	if _, err := f.Prepare(c); err != nil {
		t.Errorf("the switched form has problems: %v", err)
	}
}
