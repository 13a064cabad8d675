package app

import (
	"encoding/json"
	"strings"
	"testing"

	"platformroi/calc"
)

func TestWorkspaceSaveLoadRoundTrip(t *testing.T) {
	c := calc.Embedded()
	w := NewWorkspace(c)
	w.New(c, "copy")
	w.Current().Edit(c, func(d *Draft) { d.Size = "not yet a number" }) // kept as typed
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
		a, _ := json.Marshal(w.Entries[i].State.Draft)
		b, _ := json.Marshal(back.Entries[i].State.Draft)
		if string(a) != string(b) {
			t.Errorf("scenario %d changed through the store:\n%s\n%s", i, a, b)
		}
	}
	if !back.Entries[1].State.Stale() || back.Entries[1].State.Problems["audience.size"] == "" {
		t.Error("an unfinished edit did not come back with its problem")
	}
	if names := []string{back.Entries[0].State.Draft.Name, back.Entries[1].State.Draft.Name, back.Entries[2].State.Draft.Name}; names[1] != "Copy of "+names[0] || names[2] != "New scenario" {
		t.Errorf("names %q", names)
	}
}

func TestWorkspaceSetsAsideWhatItCannotRead(t *testing.T) {
	c := calc.Embedded()
	for _, tt := range []struct{ name, stored, notice string }{
		{"corrupt", `{"format": "platform-roi-workspace", "version": 1, "scenarios": [`, "could not be read"},
		{"not ours", `[1, 2, 3]`, "could not be read"},
		{"newer", `{"format": "platform-roi-workspace", "version": 99, "scenarios": []}`, "newer version"},
		{"unknown dataset", `{"format": "platform-roi-workspace", "version": 1, "scenarios": [{"id": "s1", "draft": {"Dataset": "gone", "Weights": {"a": "1"}}}]}`, "could not be opened"},
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
			if tt.name == "unknown dataset" {
				key += ".scenarios"
			}
			kept := store[key]
			if kept == "" {
				t.Fatal("nothing was set aside")
			}
			if tt.name != "unknown dataset" && kept != tt.stored {
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
	before, _ := json.Marshal(p.ws.Current().Draft)
	p.importText("plan.json", `{"format": "platform-roi-scenario", "version": 1, "currency": "EURO", "audience": {"size": -1, "weights": {}}}`, "")
	d.Consume()
	if len(p.ws.Entries) != 1 {
		t.Fatalf("a bad file added a scenario")
	}
	after, _ := json.Marshal(p.ws.Current().Draft)
	if string(before) != string(after) {
		t.Error("a bad file changed the current scenario")
	}
	for _, want := range []string{"plan.json: currency:", "plan.json: audience.size:", "plan.json: audience.weights:"} {
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
	if p.ws.Entries[1].State.Draft.Name == p.ws.Entries[0].State.Draft.Name {
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
	w.Current().Edit(c, func(d *Draft) { switchDataset(d, ds) })
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
