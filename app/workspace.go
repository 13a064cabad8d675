package app

import (
	"encoding/json"
	"fmt"
	"strings"

	"platformroi/calc"
)

// Store is where the workspace is kept between visits: the browser's localStorage in
// the page, a map in tests.
type Store interface {
	Get(key string) (string, bool)
	Set(key, value string) error
}

// Storage keys and the stored format's version. A stored workspace of a newer version
// is set aside, never overwritten.
const (
	storeKey     = "platformroi.workspace"
	storeFormat  = "platform-roi-workspace"
	storeVersion = 1
)

// Entry is one scenario of the workspace: its id and its page state.
type Entry struct {
	ID    string
	State *State
}

// Workspace is the user's scenarios, the one being edited, the last deleted one (for
// undo) and a notice for the user.
type Workspace struct {
	Entries []*Entry
	Active  int
	Deleted *Entry
	deleted int // position the deleted entry had
	Notice  string
	// ImportError lists the problems of the last file that could not be imported.
	ImportError string
	// ShareLink is the last link made to share a scenario.
	ShareLink string
	// DatasetError lists the problems of the last CSV file that could not be imported.
	DatasetError string
	nextID       int
}

// storedWorkspace is the stored format: drafts, so that nothing typed is lost, even
// what is not valid yet.
type storedWorkspace struct {
	Format    string        `json:"format"`
	Version   int           `json:"version"`
	Active    int           `json:"active"`
	Scenarios []storedEntry `json:"scenarios"`
	// Datasets are the imported datasets, as dataset files.
	Datasets []json.RawMessage `json:"datasets,omitempty"`
}

type storedEntry struct {
	ID    string `json:"id"`
	Draft Draft  `json:"draft"`
}

// NewWorkspace returns a workspace with the default scenario.
func NewWorkspace(c *calc.Catalog) *Workspace {
	w := &Workspace{}
	w.add(NewState(c))
	return w
}

func (w *Workspace) add(st *State) *Entry {
	w.nextID++
	e := &Entry{ID: fmt.Sprintf("s%d", w.nextID), State: st}
	w.Entries = append(w.Entries, e)
	w.Active = len(w.Entries) - 1
	return e
}

// Current is the scenario being edited.
func (w *Workspace) Current() *State { return w.Entries[w.Active].State }

// New adds a scenario: "default" (the default scenario), "blank" (default audience
// and dataset, no staff or plan) or "copy" (of the current one). It becomes current.
func (w *Workspace) New(c *calc.Catalog, kind string) {
	var st *State
	switch kind {
	case "copy":
		cur := w.Current()
		st = &State{Draft: cur.Draft.Clone()}
		st.Draft.Name = uniqueName(w, "Copy of "+cur.Draft.Name)
	case "blank":
		st = NewState(c)
		st.Draft.Staff, st.Draft.Hours, st.Draft.Benefits = nil, map[string][]string{}, nil
		st.Draft.Name = uniqueName(w, "New scenario")
	default:
		st = NewState(c)
		st.Draft.Name = uniqueName(w, st.Draft.Name)
	}
	st.Recompute(c)
	w.add(st)
	w.Notice = ""
}

// AddScenario adds a scenario read from a file or a link, never replacing one.
func (w *Workspace) AddScenario(c *calc.Catalog, s *calc.Scenario) {
	st := &State{Draft: DraftOf(s, c.Get(s.Dataset))}
	st.Draft.Name = uniqueName(w, st.Draft.Name)
	st.Recompute(c)
	w.add(st)
}

func uniqueName(w *Workspace, name string) string {
	taken := map[string]bool{}
	for _, e := range w.Entries {
		taken[e.State.Draft.Name] = true
	}
	if !taken[name] {
		return name
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s (%d)", name, i); !taken[n] {
			return n
		}
	}
}

// Delete removes the current scenario, keeping it for Undo. The last scenario cannot
// be deleted.
func (w *Workspace) Delete() {
	if len(w.Entries) < 2 {
		w.Notice = "The last scenario cannot be deleted; create another first."
		return
	}
	w.Deleted, w.deleted = w.Entries[w.Active], w.Active
	w.Entries = append(w.Entries[:w.Active:w.Active], w.Entries[w.Active+1:]...)
	if w.Active >= len(w.Entries) {
		w.Active = len(w.Entries) - 1
	}
	w.Notice = fmt.Sprintf("Deleted %q.", w.Deleted.State.Draft.Name)
}

// Undo puts the last deleted scenario back where it was.
func (w *Workspace) Undo() {
	if w.Deleted == nil {
		return
	}
	i := min(w.deleted, len(w.Entries))
	w.Entries = append(w.Entries[:i], append([]*Entry{w.Deleted}, w.Entries[i:]...)...)
	w.Active, w.Deleted, w.Notice = i, nil, ""
}

// Select makes the scenario with the given id current.
func (w *Workspace) Select(id string) {
	w.ShareLink = ""
	for i, e := range w.Entries {
		if e.ID == id {
			w.Active = i
		}
	}
}

// Save writes the workspace, and the datasets imported into c, to the store.
func (w *Workspace) Save(s Store, c *calc.Catalog) error {
	sw := storedWorkspace{Format: storeFormat, Version: storeVersion, Active: w.Active}
	for _, d := range c.Datasets() {
		if calc.IsEmbedded(d.ID) {
			continue
		}
		data, err := calc.MarshalDataset(d)
		if err != nil {
			return err
		}
		sw.Datasets = append(sw.Datasets, json.RawMessage(data))
	}
	for _, e := range w.Entries {
		sw.Scenarios = append(sw.Scenarios, storedEntry{ID: e.ID, Draft: e.State.Draft})
	}
	data, err := json.Marshal(sw)
	if err != nil {
		return err
	}
	return s.Set(storeKey, string(data))
}

// LoadWorkspace reads the stored workspace. What cannot be read, or was written by a
// newer version, is set aside under another key (never deleted) and the user is told;
// the page then starts from what could be read, or from the default scenario.
func LoadWorkspace(s Store, c *calc.Catalog, now string) *Workspace {
	raw, ok := s.Get(storeKey)
	if !ok || strings.TrimSpace(raw) == "" {
		return NewWorkspace(c)
	}
	// setAside keeps what cannot be used under its own key; part names what it is.
	setAside := func(what, reason, part string) string {
		key := storeKey + ".set-aside." + now + part
		if err := s.Set(key, what); err != nil {
			return reason + " It could not be set aside (" + err.Error() + ")."
		}
		return reason + " It was set aside, not deleted, under the browser storage key " + key + "."
	}
	var sw storedWorkspace
	if err := json.Unmarshal([]byte(raw), &sw); err != nil || sw.Format != storeFormat {
		w := NewWorkspace(c)
		w.Notice = setAside(raw, "The scenarios kept in this browser could not be read.", "")
		return w
	}
	if sw.Version > storeVersion {
		w := NewWorkspace(c)
		w.Notice = setAside(raw, fmt.Sprintf("The scenarios kept in this browser were saved by a newer version of this tool (format version %d); this version reads version %d.", sw.Version, storeVersion), "")
		return w
	}
	var notes []string
	var badSets []json.RawMessage
	for _, raw := range sw.Datasets {
		d, err := calc.ReadDataset(raw)
		if err == nil {
			err = c.Add(d)
		}
		if err != nil {
			badSets = append(badSets, raw)
		}
	}
	if len(badSets) > 0 {
		data, _ := json.Marshal(badSets)
		notes = append(notes, setAside(string(data), fmt.Sprintf("%d imported dataset(s) kept in this browser could not be read.", len(badSets)), ".datasets"))
	}
	w := &Workspace{}
	var bad []storedEntry
	for _, se := range sw.Scenarios {
		if c.Get(se.Draft.Dataset) == nil || se.Draft.Weights == nil {
			bad = append(bad, se)
			continue
		}
		d := se.Draft.Clone()
		st := &State{Draft: d}
		st.Recompute(c)
		w.add(st)
	}
	if len(w.Entries) == 0 {
		w = NewWorkspace(c)
	}
	w.Active = min(max(sw.Active, 0), len(w.Entries)-1)
	if len(bad) > 0 {
		data, _ := json.Marshal(bad)
		notes = append(notes, setAside(string(data), fmt.Sprintf("%d kept scenario(s) could not be opened (their dataset is missing).", len(bad)), ".scenarios"))
	}
	w.Notice = strings.Join(notes, " ")
	return w
}

// MemoryStore is a Store in memory.
type MemoryStore map[string]string

// Get returns the value of key.
func (m MemoryStore) Get(key string) (string, bool) { v, ok := m[key]; return v, ok }

// Set stores value under key.
func (m MemoryStore) Set(key, value string) error { m[key] = value; return nil }
