package app

import (
	"os"
	"strings"
	"testing"

	"platformroi/calc"
)

func TestWorkspaceSaveLoadRoundTrip(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.New(c, "copy")
	edit(w.Current(), c, func(f *calc.Form) { f.Audience.Size = "not yet a number" }) // kept as typed
	w.New(c, "blank")
	w.Select(w.Entries[1].ID)
	store := MemoryStore{}
	if err := w.Save(store, c); err != nil {
		t.Fatal(err)
	}
	back := LoadWorkspace(store, c, "t1")
	if back.Notice != "" {
		t.Fatalf("notice on a clean load: %q", back.Notice)
	}
	if len(back.Entries) != 3 || back.Active != 1 {
		t.Fatalf("loaded %d scenarios, active %d; want 3, active 1", len(back.Entries), back.Active)
	}
	for i := range w.Entries {
		a, _ := w.Entries[i].State.Form.File(), error(nil)
		b, _ := back.Entries[i].State.Form.File(), error(nil)
		if string(a) != string(b) {
			t.Errorf("scenario %d changed through the store:\n%s\n%s", i, a, b)
		}
	}
	if !back.Entries[1].State.Stale() || back.Entries[1].State.Problems["audience.size"] == "" {
		t.Error("an unfinished edit did not come back with its problem")
	}
	if names := []string{back.Entries[0].State.Form.Name, back.Entries[1].State.Form.Name, back.Entries[2].State.Form.Name}; names[1] != "Copy of "+names[0] || names[2] != "New scenario" {
		t.Errorf("names %q", names)
	}
}

func TestWorkspaceSetsAsideWhatItCannotRead(t *testing.T) {
	c := calc.Embedded()
	for _, tt := range []struct{ name, stored, notice string }{
		{"corrupt", `{"format": "platform-roi-workspace", "version": 1, "scenarios": [`, "could not be read"},
		{"not ours", `[1, 2, 3]`, "could not be read"},
		{"newer", `{"format": "platform-roi-workspace", "version": 99, "scenarios": []}`, "newer version"},
		{"not a scenario", `{"format": "platform-roi-workspace", "version": 2, "scenarios": [{"id": "s1", "scenario": [1]}]}`, "could not be opened"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			store := MemoryStore{storeKey: tt.stored}
			w := LoadWorkspace(store, c, "20261123T000000Z")
			if len(w.Entries) == 0 || w.Current().Result == nil {
				t.Fatal("the page has no scenario to show")
			}
			if !strings.Contains(w.Notice, tt.notice) || !strings.Contains(w.Notice, "set aside") {
				t.Errorf("notice %q", w.Notice)
			}
			key := storeKey + ".set-aside.20261123T000000Z"
			if tt.name == "not a scenario" {
				key += ".scenarios"
			}
			kept := store[key]
			if kept == "" {
				t.Fatal("nothing was set aside")
			}
			if tt.name != "not a scenario" && kept != tt.stored {
				t.Errorf("set aside %q, want the stored text unchanged", kept)
			}
			if store[storeKey] != tt.stored {
				t.Error("loading changed the stored workspace")
			}
		})
	}
}

func TestWorkspaceDeleteUndo(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.Delete()
	if len(w.Entries) != 1 || w.Deleted != nil {
		t.Fatal("the last scenario was deleted")
	}
	w.New(c, "copy")
	w.New(c, "default")
	w.Select(w.Entries[1].ID)
	gone := w.Current()
	w.Delete()
	if len(w.Entries) != 2 || w.Current() == gone || !strings.Contains(w.Notice, "Deleted") {
		t.Fatalf("after delete: %d scenarios, notice %q", len(w.Entries), w.Notice)
	}
	w.Undo()
	if len(w.Entries) != 3 || w.Entries[1].State != gone || w.Current() != gone {
		t.Error("undo did not put the scenario back where it was")
	}
}

func TestImportChangesNothingOnError(t *testing.T) {
	p, d := mount(t)
	before, _ := p.ws.Current().Form.File(), error(nil)
	p.importText("plan.json", `{"format": "platform-roi-scenario", "version": 1, "currency": "EURO", "audience": {"size": -1, "weights": {}}}`, "")
	d.Consume()
	if len(p.ws.Entries) != 1 {
		t.Fatalf("a bad file added a scenario")
	}
	after, _ := p.ws.Current().Form.File(), error(nil)
	if string(before) != string(after) {
		t.Error("a bad file changed the current scenario")
	}
	// Each field named as the page names it, with its path in the file.
	for _, want := range []string{"plan.json: Currency (currency in the file): must be", "plan.json: Audience size (audience.size in the file): must be",
		"plan.json: Audience weights (audience.weights in the file):"} {
		if !strings.Contains(p.ws.ImportError, want) {
			t.Errorf("import error lacks %q:\n%s", want, p.ws.ImportError)
		}
	}
	good, _ := calc.MarshalScenario(calc.DefaultScenario())
	p.importText("good.json", string(good), "")
	d.Consume()
	if len(p.ws.Entries) != 2 || p.ws.ImportError != "" || p.ws.Active != 1 {
		t.Errorf("a good file: %d scenarios, active %d, error %q", len(p.ws.Entries), p.ws.Active, p.ws.ImportError)
	}
	if p.ws.Entries[1].State.Form.Name == p.ws.Entries[0].State.Form.Name {
		t.Error("the imported scenario took the name of an existing one")
	}
}

func TestImportedDatasetIsKept(t *testing.T) {
	c := calc.Embedded()
	csv := "# id: fr-2024\n# title: France 2024\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,young,old\nfacebook,0.6,0.5\nyoutube,90%,70%\n"
	ds, err := calc.ReadDatasetCSV([]byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Add(ds); err != nil {
		t.Fatal(err)
	}
	w := NewWorkspace(c)
	edit(w.Current(), c, func(f *calc.Form) { f.SwitchDataset(nil, ds, ds.ID, presets(ds)[0].Weights) })
	if w.Current().Stale() || w.Current().Result.Dataset.ID != "fr-2024" {
		t.Fatalf("the scenario did not move to the imported dataset: %v", w.Current().Problems)
	}
	store := MemoryStore{}
	if err := w.Save(store, c); err != nil {
		t.Fatal(err)
	}
	fresh := calc.Embedded()
	back := LoadWorkspace(store, fresh, "t")
	if back.Notice != "" || fresh.Get("fr-2024") == nil {
		t.Fatalf("the imported dataset did not come back (notice %q)", back.Notice)
	}
	if r := back.Current().Result; r == nil || r.Dataset.ID != "fr-2024" || !r.Totals.Cost.Equal(w.Current().Result.Totals.Cost) {
		t.Error("the scenario on the imported dataset did not come back with the same figures")
	}
}

// A workspace kept by the first release (format version 1, written by that version's
// code: testdata/workspace-v1.json) opens with every typed value, and is saved in
// today's format.
func TestWorkspaceMigratesVersion1(t *testing.T) {
	raw, err := os.ReadFile("testdata/workspace-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	c := calc.Embedded()
	store := MemoryStore{storeKey: string(raw)}
	w := LoadWorkspace(store, c, "t")
	if w.Entries[0].State.Checked() || !w.Current().Checked() {
		t.Error("at load, only the scenario shown is computed")
	}
	w.CheckAll(c)
	if w.Notice != "" || len(w.Entries) != 3 || w.Active != 2 {
		t.Fatalf("notice %q, %d scenarios, active %d", w.Notice, len(w.Entries), w.Active)
	}
	// The first release computed 56519.8883720930232558139534884348 EUR for the default scenario.
	if got := w.Entries[0].State.Result.Totals.Cost.String(); got != "56519.8883720930232558139534884348" {
		t.Errorf("default scenario cost %s after migration", got)
	}
	f := w.Entries[1].State.Form
	if w.Entries[1].State.Stale() {
		t.Fatalf("the second scenario has problems: %v", w.Entries[1].State.Problems)
	}
	r := f.Staff[1]
	if r.Role != "Press attaché" || !r.BySalary || r.AnnualSalary != "90000" || r.OnCost != "0.25" || r.HoursPerWeek != "5" {
		t.Errorf("second role: %+v", r)
	}
	for _, c := range []struct {
		platform string
		role     int
		hours    string
	}{{"facebook", 0, "7.5"}, {"youtube", 1, "3"}} {
		if i := f.PlanLine(c.platform, c.role); i < 0 || f.Plan[i].HoursPerWeek != c.hours {
			t.Errorf("plan %s by role %d: want %s, plan %+v", c.platform, c.role, c.hours, f.Plan)
		}
	}
	if f.Platforms["instagram"]["reachRate"] != "0.05" || f.Objective != calc.ObjectiveNet || f.IsCandidate("tiktok") || !f.IsCandidate("facebook") {
		t.Errorf("parameters %v, objective %q, candidates %v", f.Platforms, f.Objective, f.Candidates)
	}
	if f.Maturity != nil || len(f.Benefits) != 1 || f.Benefits[0].AmountPerMonth != "250" || !f.Benefits[0].Ramped {
		t.Errorf("maturity %v (the default curve must stay the default), benefits %+v", f.Maturity, f.Benefits)
	}
	if w.Entries[0].State.Form.Objective != "" {
		t.Error("the first release's default objective became explicit")
	}
	third := w.Entries[2].State
	if third.Form.Audience.Size != "not yet" || !third.Stale() || third.Problems["audience.size"] == "" {
		t.Errorf("unfinished input not kept as typed: size %q, problems %v", third.Form.Audience.Size, third.Problems)
	}
	if err := w.Save(store, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(store[storeKey], `"version":2`) {
		t.Error("not saved in format version 2")
	}
	again := LoadWorkspace(store, calc.Embedded(), "t")
	for i := range w.Entries {
		if a, b := w.Entries[i].State.Form.File(), again.Entries[i].State.Form.File(); string(a) != string(b) {
			t.Errorf("scenario %d changed on a second load:\n%s\n%s", i, a, b)
		}
	}
}

// A scenario that the first release kept on an imported dataset, with platforms left
// out of the recommendation, opens with the same platforms left out and its plan lines
// in the dataset's order.
func TestWorkspaceMigratesVersion1OnAnImportedDataset(t *testing.T) {
	ds, err := calc.ReadDatasetCSV([]byte("# id: fr-2024\n# title: France 2024\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\n" +
		"platform,young,old\nyoutube,90%,70%\nfacebook,0.6,0.5\ninstagram,0.5,0.2\n"))
	if err != nil {
		t.Fatal(err)
	}
	file, err := calc.MarshalDataset(ds)
	if err != nil {
		t.Fatal(err)
	}
	draft := `{"Name":"On the French poll","Currency":"EUR","Horizon":"12","Dataset":"fr-2024","Size":"1000000",` +
		`"Weights":{"young":"1","old":"1"},"Params":{},` +
		`"Staff":[{"Name":"Officer","AnnualSalary":"52000","HoursPerWeek":"30","BySalary":true}],` +
		`"Hours":{"facebook":["4"],"youtube":["2"]},"ValuePer1000":"10",` +
		`"Maturity":[{"Month":"0","Factor":"0.1"},{"Month":"1","Factor":"0.6"},{"Month":"12","Factor":"1"}],` +
		`"Objective":"reach","Excluded":{"instagram":true}}`
	raw := `{"format":"` + storeFormat + `","version":1,"active":0,"datasets":[` + string(compact(file)) + `],"scenarios":[{"id":"s1","draft":` + draft + `}]}`
	c := calc.Embedded()
	w := LoadWorkspace(MemoryStore{storeKey: raw}, c, "t")
	if w.Notice != "" || len(w.Entries) != 1 {
		t.Fatalf("notice %q, %d scenarios", w.Notice, len(w.Entries))
	}
	st := w.Current()
	if st.Stale() {
		t.Fatalf("problems: %v", st.Problems)
	}
	f := st.Form
	if f.IsCandidate("instagram") || !f.IsCandidate("facebook") || !f.IsCandidate("youtube") {
		t.Errorf("platforms considered for the recommendation %v: instagram was left out", f.Candidates)
	}
	if len(f.Plan) != 2 || f.Plan[0].Platform != "youtube" || f.Plan[1].Platform != "facebook" {
		t.Errorf("plan %+v: want youtube then facebook, the dataset's order", f.Plan)
	}
}

// A kept scenario on a dataset that is no longer there opens with that problem shown,
// nothing lost; a salary typed before switching to an hourly cost is kept too.
func TestWorkspaceKeepsWhatCannotBeComputed(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	edit(w.Current(), c, func(f *calc.Form) {
		f.Dataset = "imported-and-removed"
		f.Staff[0].BySalary = false
		f.Staff[0].HourlyCost = "44"
	})
	store := MemoryStore{}
	if err := w.Save(store, c); err != nil {
		t.Fatal(err)
	}
	back := LoadWorkspace(store, calc.Embedded(), "t")
	st := back.Current()
	if st.Form.Dataset != "imported-and-removed" || !strings.Contains(st.Problems["dataset"], "imported-and-removed") {
		t.Errorf("dataset %q, problems %v", st.Form.Dataset, st.Problems)
	}
	if r := st.Form.Staff[0]; r.HourlyCost != "44" || r.AnnualSalary != w.Current().Form.Staff[0].AnnualSalary || r.AnnualSalary == "" {
		t.Errorf("role after reload: %+v", r)
	}
}

// A link whose scenario has problems changes nothing, and says which fields, named as
// the page names them.
func TestSharedLinkWithProblemsNamesFieldsForPeople(t *testing.T) {
	p, d := mount(t)
	bad := strings.Replace(string(calc.DefaultForm().File()), `"currency": "EUR"`, `"currency": "EURO"`, 1)
	payload, err := calc.EncodeShareJSON([]byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	p.openShared(payload)
	d.Consume()
	if len(p.ws.Entries) != 1 {
		t.Errorf("a link with problems added a scenario")
	}
	if want := `link: Currency: must be an ISO 4217 currency code in capitals, such as EUR, USD or GBP, found "EURO"`; !strings.Contains(p.ws.Notice, want) {
		t.Errorf("notice %q lacks %q", p.ws.Notice, want)
	}
}

// A dataset the scenario carried, switched away from, is kept with the scenario in the
// store, so that it can be switched back to after a reload; it is not in its file.
func TestWorkspaceKeepsTheCarriedDataset(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	own := *c.Get("reuters-dnr-2025")
	own.ID, own.Title = "embassy-own-2026", "Embassy's own survey"
	edit(w.Current(), c, func(f *calc.Form) { f.Dataset, f.DatasetInline = "", &own })
	edit(w.Current(), c, func(f *calc.Form) { f.SwitchDataset(nil, c.Get("pew-us-2023"), "pew-us-2023", nil) })
	if f := w.Current().Form; f.Carried != &own || strings.Contains(string(f.File()), "embassy-own-2026") {
		t.Fatalf("after the switch: carried %v, file:\n%s", f.Carried, f.File())
	}
	store := MemoryStore{}
	if err := w.Save(store, c); err != nil {
		t.Fatal(err)
	}
	back := LoadWorkspace(store, c, "t").Current().Form
	if back.Carried == nil || back.Carried.ID != "embassy-own-2026" || back.Carried.Title != own.Title {
		t.Fatalf("carried after a reload: %+v", back.Carried)
	}
	if string(back.File()) != string(w.Current().Form.File()) {
		t.Errorf("the file changed through the store")
	}
	// Switched back to, it is in use again and no longer set aside.
	back.SwitchDataset(nil, back.Carried, "", nil)
	if back.DatasetInline == nil || back.DatasetInline.ID != "embassy-own-2026" || back.Carried != nil {
		t.Errorf("switched back: inline %v, carried %v", back.DatasetInline, back.Carried)
	}
}
