package app

import (
	"errors"
	"strings"
	"testing"

	"platformroi/calc"
)

// Two tabs keep their scenarios in one store: neither erases what the other kept.
func TestTwoTabsNeverEraseEachOther(t *testing.T) {
	store := MemoryStore{}
	c := calc.Embedded()
	first := NewWorkspace(c)
	if err := first.Save(store, c); err != nil {
		t.Fatal(err)
	}
	a := LoadWorkspace(store, calc.Embedded(), "t")
	b := LoadWorkspace(store, calc.Embedded(), "t")

	// B adds a scenario; A, which has not seen it, then edits and saves.
	b.New(c, "copy")
	edit(b.Current(), c, func(f *calc.Form) { f.Name = "From tab B" })
	must(t, b.Save(store, c))
	edit(a.Current(), c, func(f *calc.Form) { f.SetPlanHours("youtube", 0, "2") })
	must(t, a.Save(store, c))
	back := LoadWorkspace(store, calc.Embedded(), "t")
	if names := names(back); len(names) != 2 || names[1] != "From tab B" {
		t.Fatalf("after A's save the store holds %v; B's scenario must stay", names)
	}
	if i := back.Entries[0].State.Form.PlanLine("youtube", 0); i < 0 {
		t.Error("A's edit was not kept")
	}

	// A takes in B's scenario.
	if msg := a.Sync(store, c); !strings.Contains(msg, "1 scenario added") || len(a.Entries) != 2 {
		t.Fatalf("sync: %q, %d scenarios", msg, len(a.Entries))
	}

	// B changes the scenario A also has, A changes nothing there and saves: B's version stays.
	b.Select(b.Entries[0].ID)
	must(t, b.Save(store, c)) // b learns of A's youtube edit only through Sync
	b.Sync(store, c)
	edit(b.Entries[0].State, c, func(f *calc.Form) { f.HorizonMonths = "24" })
	must(t, b.Save(store, c))
	edit(a.Entries[1].State, c, func(f *calc.Form) { f.Name = "From tab B, renamed in A" })
	must(t, a.Save(store, c))
	back = LoadWorkspace(store, calc.Embedded(), "t")
	if h := back.Entries[0].State.Form.HorizonMonths; h != "24" {
		t.Errorf("A's save put back horizon %q over B's 24", h)
	}
	if n := back.Entries[1].State.Form.Name; n != "From tab B, renamed in A" {
		t.Errorf("A's own change was not kept: %q", n)
	}

	// Both change the same scenario: both versions are kept.
	a.Sync(store, c)
	edit(a.Entries[0].State, c, func(f *calc.Form) { f.Currency = "USD" })
	edit(b.Entries[0].State, c, func(f *calc.Form) { f.Currency = "GBP" })
	must(t, b.Save(store, c))
	must(t, a.Save(store, c))
	back = LoadWorkspace(store, calc.Embedded(), "t")
	var curs []string
	for _, e := range back.Entries {
		curs = append(curs, e.State.Form.Currency)
	}
	if got := strings.Join(curs, ","); !strings.Contains(got, "USD") || !strings.Contains(got, "GBP") {
		t.Errorf("currencies kept %s; want both tabs' versions", got)
	}
}

// A store that can be neither read nor set aside is never saved over.
func TestUnreadableStoreThatCannotBeSetAsideIsKept(t *testing.T) {
	junk := strings.Repeat("x", 100) // not a workspace
	store := &fullStore{MemoryStore{storeKey: junk}}
	c := calc.Embedded()
	w := LoadWorkspace(store, c, "t")
	if w.Blocked == "" || !strings.Contains(w.Notice, "will not save over it") {
		t.Fatalf("blocked %q, notice %q", w.Blocked, w.Notice)
	}
	edit(w.Current(), c, func(f *calc.Form) { f.Name = "new work" })
	if err := w.Save(store, c); err == nil {
		t.Error("saved although the old store could not be set aside")
	}
	if store.MemoryStore[storeKey] != junk {
		t.Error("the store that could not be set aside was overwritten")
	}
}

// fullStore refuses every write, as a browser whose storage quota is used up.
type fullStore struct{ MemoryStore }

func (s *fullStore) Set(string, string) error { return errors.New("the quota is exceeded") }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func names(w *Workspace) []string {
	var out []string
	for _, e := range w.Entries {
		out = append(out, e.State.Form.Name)
	}
	return out
}

// A scenario another tab changed, saved over by this tab's unrelated save, is then
// shown here in that tab's version, and a later save here keeps it.
func TestOtherTabsVersionIsTakenIn(t *testing.T) {
	store := MemoryStore{}
	c := calc.Embedded()
	must(t, NewWorkspace(c).Save(store, c))
	a := LoadWorkspace(store, c, "t")
	b := LoadWorkspace(store, c, "t")
	a.New(c, "copy")
	edit(b.Current(), c, func(f *calc.Form) { f.HorizonMonths = "36" })
	must(t, b.Save(store, c))
	must(t, a.Save(store, c))
	if h := a.Entries[0].State.Form.HorizonMonths; h != "36" {
		t.Fatalf("tab A shows horizon %q, want tab B's 36", h)
	}
	must(t, a.Save(store, c))
	if h := LoadWorkspace(store, c, "t").Entries[0].State.Form.HorizonMonths; h != "36" {
		t.Errorf("a second save by A put back horizon %q", h)
	}
}

// An imported dataset whose id is taken waits for a choice; a copy gets its own id;
// removing a dataset leaves the scenarios using it with their figures.
func TestImportedDatasetsTakenIdAndRemoval(t *testing.T) {
	p, d := mount(t)
	csv := "# id: fr-2024\n# title: France 2024\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\nplatform,young,old\nfacebook,0.6,0.5\nyoutube,90%,70%\n"
	p.ed.importDataset("fr.csv", csv, "")
	p.ed.SwitchDataset("fr-2024")
	d.Consume()
	cost := p.State().Result.Totals.Cost
	other := strings.Replace(csv, "facebook,0.6", "facebook,0.1", 1)
	p.ed.importDataset("fr-new.csv", other, "")
	d.Consume()
	if p.ws.PendingDataset == nil || p.cat.Get("fr-2024").Platforms[0].Penetration["young"].String() != "0.6" {
		t.Fatal("a file with a taken id replaced the dataset without asking")
	}
	p.ed.resolveImport(false)
	d.Consume()
	if p.cat.Get("fr-2024-2") == nil || p.cat.Get("fr-2024").Platforms[0].Penetration["young"].String() != "0.6" {
		t.Fatalf("import as a copy: catalog %v", p.cat.IDs())
	}
	p.ed.removeDataset("fr-2024")
	d.Consume()
	st := p.State()
	if p.cat.Get("fr-2024") != nil || st.Form.DatasetInline == nil || st.Stale() || !st.Result.Totals.Cost.Equal(cost) {
		t.Fatalf("after removal: catalog %v, inline %v, problems %v", p.cat.IDs(), st.Form.DatasetInline != nil, st.Problems)
	}
	if r := p.ws.Removed; r == nil || !strings.Contains(r.Text, "carries it in the scenario itself") {
		t.Fatalf("removal notice %+v", r)
	}
	// Undone, the dataset is back in its place and the scenario names it again.
	p.ed.UndoRemoval()
	d.Consume()
	st = p.State()
	if ids := p.cat.IDs(); p.cat.Position("fr-2024") != p.cat.Position("fr-2024-2")-1 || st.Form.DatasetInline != nil || st.Form.Dataset != "fr-2024" {
		t.Fatalf("after undo: catalog %v, inline %v, dataset %q", ids, st.Form.DatasetInline != nil, st.Form.Dataset)
	}
	if !st.Result.Totals.Cost.Equal(cost) {
		t.Errorf("cost after undo %s, want %s", st.Result.Totals.Cost, cost)
	}
}

// Switching away from an imported dataset, or replacing it, names what could not be
// kept as the imported dataset names it ("Mastodon"), not by its id.
func TestSwitchFromImportedDatasetNamesPlatforms(t *testing.T) {
	p, d := mount(t)
	csv := "# id: nl-2024\n# title: Netherlands 2024\n# source: A survey\n# year: 2024\n# measure: Share of adults using it\n" +
		"platform,name,kind,all,minHours,fullHours,reachRate,setupHours,toolCost,adCost\nfacebook,Facebook,social,0.6,,,,,,\nmasto,Mastodon,social,0.05,2,10,0.02,8,0,0\n"
	p.ed.importDataset("nl.csv", csv, "")
	d.Consume()
	if p.cat.Get("nl-2024") == nil {
		t.Fatalf("not imported: %s %s", p.ws.DatasetError, p.ws.Notice)
	}
	p.ed.SwitchDataset("nl-2024")
	d.Consume()
	p.ed.Edit(func(f *calc.Form) { f.SetPlanHours("masto", 0, "3") })
	d.Consume()
	if st := p.State(); st.Stale() {
		t.Fatalf("problems: %v", st.Problems)
	}
	p.ed.SwitchDataset("pew-us-2023")
	d.Consume()
	lost := strings.Join(p.ws.Switched.Lost, " ")
	if !strings.Contains(lost, "Mastodon") || strings.Contains(lost, "masto,") || strings.Contains(lost, "masto.") {
		t.Errorf("the switch away says %q", lost)
	}
	// Back to it, then the file replaced by one without that platform.
	p.ed.SwitchDataset("nl-2024")
	d.Consume()
	p.ed.Edit(func(f *calc.Form) { f.SetPlanHours("masto", 0, "3") })
	d.Consume()
	p.ed.importDataset("nl-new.csv", strings.Replace(csv, "masto,Mastodon,social,0.05,2,10,0.02,8,0,0\n", "", 1), "")
	d.Consume()
	p.ed.resolveImport(true)
	d.Consume()
	if !strings.Contains(p.ws.Notice, "Mastodon") || strings.Contains(p.ws.Notice, "masto.") {
		t.Errorf("the replace says %q", p.ws.Notice)
	}
}
