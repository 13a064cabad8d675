package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
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
	storeVersion = 2
)

// Entry is one scenario of the workspace: its id and its page state.
type Entry struct {
	ID    string
	State *State
	// stored caches the entry as kept, for the form it was made from (forms are
	// replaced on every edit, never changed), so that a keystroke writes out only the
	// scenario it changed.
	stored     stored
	storedForm *calc.Form
	// carriedFile caches the form's Carried dataset as a file (datasets never change).
	carriedFile json.RawMessage
	carriedOf   *calc.Dataset
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
	// ShareLink is the last link made to share a scenario; LinkCopied says whether
	// its Copy button put it on the clipboard.
	ShareLink, LinkCopied string
	// DatasetError lists the problems of the last CSV file that could not be imported.
	DatasetError string
	// PendingDataset is an imported dataset whose id is taken, waiting for the person
	// to choose between replacing and copying; pendingFrom names its file.
	PendingDataset *calc.Dataset
	pendingFrom    string
	// ApplyNote says what applying the recommendation did, or why it could not.
	ApplyNote string
	// Switched is the last change of demographics, for its notice and its undo.
	Switched *Switch
	// Removed is the last removal from a list of the form, for its notice and its undo.
	Removed *Removal
	// Country is the host country or region chosen (an area code), and CountryTyped
	// what was typed when no dataset describes it.
	Country, CountryTyped string
	// Blocked says why nothing may be written to the store: what is there could not
	// be read, and could not be set aside either. Empty when saving is allowed.
	Blocked string
	// synced holds, per scenario id, its stored text when this tab last read or wrote
	// the store: what this tab knows of it, to tell its own changes from another tab's.
	synced map[string]string
	// written is what this tab last wrote to the store, and writtenAs its scenarios:
	// when the store still holds it, no other tab wrote since, and it is not read again.
	written   string
	writtenAs []stored
	// datasetFiles caches the imported datasets as files (datasets never change).
	datasetFiles map[*calc.Dataset]json.RawMessage
	nextID       int
}

// Switch is a change of the demographics of a scenario: the form before it, and what
// the new dataset could not keep.
type Switch struct {
	ID     string // the entry's
	Before *calc.Form
	Lost   []string
}

// storedWorkspace is the stored format (version 2): each scenario as its scenario file
// (calc.Form.File), so that what is kept is what would be exported, problems included,
// with the cost fields of the way a role's cost is not given (kept so that switching
// back shows them again).
type storedWorkspace struct {
	Format    string          `json:"format"`
	Version   int             `json:"version"`
	Active    int             `json:"active"`
	Scenarios json.RawMessage `json:"scenarios"`
	// Datasets are the imported datasets, as dataset files.
	Datasets []json.RawMessage `json:"datasets,omitempty"`
}

type storedEntry struct {
	ID       string          `json:"id"`
	Scenario json.RawMessage `json:"scenario"`
	// Aside holds, per role (by position), the typed cost fields of the way not chosen.
	Aside []map[string]string `json:"aside,omitempty"`
	// Carried is the dataset the scenario carried before it was switched to another
	// (calc.Form.Carried), as a dataset file.
	Carried json.RawMessage `json:"carried,omitempty"`
}

// asideOf returns the cost fields of each role's way not chosen, or nil when none.
func asideOf(f *calc.Form) []map[string]string {
	var out []map[string]string
	any := false
	for _, r := range f.Staff {
		m := map[string]string{}
		if r.BySalary {
			if r.HourlyCost != "" {
				m["hourlyCost"] = r.HourlyCost
			}
		} else {
			for k, v := range map[string]string{"annualSalary": r.AnnualSalary, "onCost": r.OnCost, "overhead": r.Overhead, "productiveHours": r.ProductiveHours} {
				if v != "" {
					m[k] = v
				}
			}
		}
		any = any || len(m) > 0
		out = append(out, m)
	}
	if !any {
		return nil
	}
	return out
}

// putAside puts kept cost fields back into the form's roles.
func putAside(f *calc.Form, aside []map[string]string) {
	for i, m := range aside {
		if i >= len(f.Staff) {
			break
		}
		r := &f.Staff[i]
		if r.BySalary {
			r.HourlyCost = m["hourlyCost"]
		} else {
			r.AnnualSalary, r.OnCost, r.Overhead, r.ProductiveHours = m["annualSalary"], m["onCost"], m["overhead"], m["productiveHours"]
		}
	}
}

// NewWorkspace returns a workspace with the default scenario.
func NewWorkspace(c *calc.Catalog) *Workspace {
	w := &Workspace{}
	w.add(NewState(c, calc.DefaultForm()))
	return w
}

func (w *Workspace) add(st *State) *Entry {
	return w.addWithID(w.newID(), st)
}

// newID returns an id no scenario of this tab or of the store (as last read) has; the
// random part keeps two tabs adding a scenario at once from picking the same one.
func (w *Workspace) newID() string {
	for {
		w.nextID++
		id := fmt.Sprintf("s%d-%04x", w.nextID, rand.IntN(0x10000))
		if _, taken := w.synced[id]; !taken && w.entry(id) == nil {
			return id
		}
	}
}

func (w *Workspace) entry(id string) *Entry {
	for _, e := range w.Entries {
		if e.ID == id {
			return e
		}
	}
	return nil
}

func (w *Workspace) addWithID(id string, st *State) *Entry {
	w.ShareLink = "" // it carried the scenario shown until now
	e := &Entry{ID: id, State: st}
	w.Entries = append(w.Entries, e)
	w.Active = len(w.Entries) - 1
	return e
}

// Current is the scenario being edited.
func (w *Workspace) Current() *State { return w.Entries[w.Active].State }

// CurrentID is the id of the scenario being edited.
func (w *Workspace) CurrentID() string { return w.Entries[w.Active].ID }

// New adds a scenario: "default" (the default scenario), "blank" (default audience
// and dataset, no staff or plan) or "copy" (of the current one). It becomes current.
func (w *Workspace) New(c *calc.Catalog, kind string) {
	var f *calc.Form
	switch kind {
	case "copy":
		f = w.Current().Form.Clone()
		f.Name = uniqueName(w, "Copy of "+f.Name)
	case "blank":
		f = calc.DefaultForm()
		f.Staff, f.Plan, f.Benefits = nil, nil, nil
		f.Name = uniqueName(w, "New scenario")
	default:
		f = calc.DefaultForm()
		f.Name = uniqueName(w, f.Name)
	}
	w.add(NewState(c, f))
	w.Notice = ""
}

// AddForm adds a scenario read from a file or a link, never replacing one.
func (w *Workspace) AddForm(c *calc.Catalog, f *calc.Form) {
	f = f.Clone()
	f.Name = uniqueName(w, f.Name)
	w.add(NewState(c, f))
}

func uniqueName(w *Workspace, name string) string {
	taken := map[string]bool{}
	for _, e := range w.Entries {
		taken[e.State.Form.Name] = true
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
	w.Notice = fmt.Sprintf("Deleted %s.", calc.Quote(w.Deleted.State.Form.Name))
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

// stored is one scenario as kept: its entry, and the entry's text.
type stored struct {
	entry storedEntry
	text  string
}

func storedOf(e *Entry) stored {
	if e.storedForm == e.State.Form && e.stored.entry.ID == e.ID {
		return e.stored
	}
	f := e.State.Form
	se := storedEntry{ID: e.ID, Scenario: compact(f.File()), Aside: asideOf(f)}
	if f.Carried != nil && f.DatasetInline == nil {
		if e.carriedOf != f.Carried {
			e.carriedFile, e.carriedOf = nil, f.Carried
			if data, err := calc.MarshalDataset(f.Carried); err == nil {
				e.carriedFile = compact(data)
			}
		}
		se.Carried = e.carriedFile
	}
	data, _ := json.Marshal(se)
	e.stored, e.storedForm = stored{se, string(data)}, e.State.Form
	return e.stored
}

// readStore returns the scenarios and imported datasets the store holds now (in
// format 2), in their order; nothing when it holds none or cannot be read.
func readStore(s Store) (ids []string, byID map[string]stored, datasets []json.RawMessage) {
	byID = map[string]stored{}
	raw, ok := s.Get(storeKey)
	if !ok {
		return nil, byID, nil
	}
	var sw storedWorkspace
	if json.Unmarshal([]byte(raw), &sw) != nil || sw.Format != storeFormat || sw.Version != storeVersion {
		return nil, byID, nil
	}
	var entries []json.RawMessage
	if json.Unmarshal(sw.Scenarios, &entries) != nil {
		return nil, byID, nil
	}
	for _, raw := range entries {
		var se storedEntry
		if json.Unmarshal(raw, &se) != nil || se.ID == "" {
			continue
		}
		if _, dup := byID[se.ID]; !dup {
			ids = append(ids, se.ID)
		}
		byID[se.ID] = stored{se, string(raw)}
	}
	return ids, byID, sw.Datasets
}

// Save writes the workspace, and the datasets imported into c, to the store. It never
// overwrites what another tab kept since this one last read the store: scenarios
// another tab added stay, and a scenario another tab changed while this one did not
// keeps that tab's version; one both changed is kept twice, the other tab's version
// as a copy.
func (w *Workspace) Save(s Store, c *calc.Catalog) error {
	if w.Blocked != "" {
		return errors.New(w.Blocked)
	}
	sw := storedWorkspace{Format: storeFormat, Version: storeVersion, Active: w.Active}
	if w.datasetFiles == nil {
		w.datasetFiles = map[*calc.Dataset]json.RawMessage{}
	}
	for _, d := range c.Datasets() {
		if calc.IsEmbedded(d.ID) {
			continue
		}
		data, ok := w.datasetFiles[d]
		if !ok {
			file, err := calc.MarshalDataset(d)
			if err != nil {
				return err
			}
			data = compact(file)
			w.datasetFiles[d] = data
		}
		sw.Datasets = append(sw.Datasets, data)
	}
	var ids []string
	var theirs map[string]stored
	if raw, ok := s.Get(storeKey); ok && w.written != "" && raw == w.written {
		theirs = map[string]stored{}
		for _, st := range w.writtenAs {
			ids = append(ids, st.entry.ID)
			theirs[st.entry.ID] = st
		}
	} else {
		ids, theirs, _ = readStore(s)
	}
	var out []stored
	ours := map[string]bool{}
	for _, e := range w.Entries {
		ours[e.ID] = true
		mine := storedOf(e)
		known, wasKnown := w.synced[e.ID]
		t, inStore := theirs[e.ID]
		switch {
		case !inStore || !wasKnown || t.text == known:
			out = append(out, mine) // nobody else changed it
		case mine.text == known:
			// Only the other tab changed it: keep and show that tab's version.
			out = append(out, t)
			if f := formOfEntry(t.entry); f != nil {
				e.State = NewState(c, f)
			}
		default: // both changed it: keep both
			out = append(out, mine)
			copyEntry := t.entry
			copyEntry.ID = w.newID()
			data, _ := json.Marshal(copyEntry)
			out = append(out, stored{copyEntry, string(data)})
		}
	}
	for _, id := range ids {
		if _, known := w.synced[id]; !ours[id] && !known {
			out = append(out, theirs[id]) // added by another tab
		}
	}
	// Written by hand from the parts, which are compact JSON already: json.Marshal
	// would check and compact every one of them again on every keystroke.
	var b strings.Builder
	fmt.Fprintf(&b, `{"format":%q,"version":%d,"active":%d,"scenarios":[`, sw.Format, sw.Version, sw.Active)
	for i, st := range out {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(st.text)
	}
	b.WriteByte(']')
	if len(sw.Datasets) > 0 {
		b.WriteString(`,"datasets":[`)
		for i, d := range sw.Datasets {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(d)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	data := b.String()
	if err := s.Set(storeKey, data); err != nil {
		return err
	}
	w.written, w.writtenAs = data, out
	// This tab now knows its own scenarios as written; those of other tabs it carried
	// along stay unknown, for Sync to take in.
	w.synced = map[string]string{}
	for _, st := range out {
		if ours[st.entry.ID] {
			w.synced[st.entry.ID] = st.text
		}
	}
	return nil
}

// Sync takes in what another tab kept: scenarios it added, changed or deleted, and
// datasets it imported. A scenario this tab changed meanwhile keeps this tab's
// version (Save then keeps the other one as a copy). It returns what changed, for
// people, or "" when nothing did.
func (w *Workspace) Sync(s Store, c *calc.Catalog) string {
	ids, theirs, datasets := readStore(s)
	if len(ids) == 0 {
		return ""
	}
	for _, raw := range datasets {
		if d, err := calc.ReadDataset(raw); err == nil && c.Get(d.ID) == nil {
			c.Add(d)
		}
	}
	var added, updated, removed int
	current := w.Entries[w.Active]
	for _, id := range ids {
		t := theirs[id]
		known, wasKnown := w.synced[id]
		e := w.entry(id)
		switch {
		case e == nil && !wasKnown: // added by another tab
			if f := formOfEntry(t.entry); f != nil {
				w.Entries = append(w.Entries, &Entry{ID: id, State: NewState(c, f)})
				added++
			}
		case e != nil && wasKnown && t.text != known && storedOf(e).text == known:
			if f := formOfEntry(t.entry); f != nil {
				e.State = NewState(c, f)
				updated++
			}
		}
		w.synced[id] = t.text
	}
	var keep []*Entry
	for _, e := range w.Entries {
		if _, inStore := theirs[e.ID]; !inStore {
			if known, wasKnown := w.synced[e.ID]; wasKnown && storedOf(e).text == known && len(w.Entries)-removed > 1 {
				removed++ // deleted by another tab, unchanged here
				delete(w.synced, e.ID)
				continue
			}
		}
		keep = append(keep, e)
	}
	w.Entries = keep
	w.Active = 0
	for i, e := range w.Entries {
		if e == current {
			w.Active = i
		}
	}
	if added+updated+removed == 0 {
		return ""
	}
	var parts []string
	if added > 0 {
		parts = append(parts, plural(added, "scenario added", "scenarios added"))
	}
	if updated > 0 {
		parts = append(parts, plural(updated, "scenario changed", "scenarios changed"))
	}
	if removed > 0 {
		parts = append(parts, plural(removed, "scenario deleted", "scenarios deleted"))
	}
	return "Another tab changed the scenarios kept in this browser: " + strings.Join(parts, ", ") + "."
}

// formOfEntry reads a kept scenario, or nil when it cannot be read.
func formOfEntry(se storedEntry) *calc.Form {
	f, err := calc.ReadForm(se.Scenario)
	if err != nil {
		return nil
	}
	putAside(f, se.Aside)
	if len(se.Carried) > 0 && f.DatasetInline == nil {
		if d, err := calc.ReadDataset(se.Carried); err == nil {
			f.Carried = d
		}
	}
	return f
}

func compact(data []byte) json.RawMessage {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		return data
	}
	return b.Bytes()
}

// LoadWorkspace reads the stored workspace (version 2, or version 1, which it
// migrates). What cannot be read, or was written by a newer version, is set aside
// under another key (never deleted) and the user is told; the page then starts from
// what could be read, or from the default scenario.
func LoadWorkspace(s Store, c *calc.Catalog, now string) *Workspace {
	raw, ok := s.Get(storeKey)
	if !ok || strings.TrimSpace(raw) == "" {
		return NewWorkspace(c)
	}
	// setAside keeps what cannot be used under its own key; part names what it is.
	blocked := ""
	setAside := func(what, reason, part string) string {
		key := storeKey + ".set-aside." + now + part
		if err := s.Set(key, what); err != nil {
			blocked = "the scenarios kept before could not be set aside, so nothing is saved over them"
			return reason + " It could not be set aside (" + err.Error() + "), so this page will not save over it: changes made now are not kept. " +
				"To free space, remove set-aside entries or imported datasets you no longer need, or export what you need and clear this site's data."
		}
		return reason + " It was set aside, not deleted, under the browser storage key " + key + "."
	}
	var sw storedWorkspace
	if err := json.Unmarshal([]byte(raw), &sw); err != nil || sw.Format != storeFormat {
		w := NewWorkspace(c)
		w.Notice = setAside(raw, "The scenarios kept in this browser could not be read.", "")
		w.Blocked = blocked
		return w
	}
	if sw.Version > storeVersion {
		w := NewWorkspace(c)
		w.Notice = setAside(raw, fmt.Sprintf("The scenarios kept in this browser were saved by a newer version of this tool (format version %d); this version reads versions 1 to %d.", sw.Version, storeVersion), "")
		w.Blocked = blocked
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
	loaded, bad := readEntries(sw, c)
	w := &Workspace{synced: map[string]string{}}
	for _, l := range loaded {
		if l.id == "" || w.entry(l.id) != nil {
			l.id = w.newID()
		} else {
			w.synced[l.id] = l.text
		}
		// Only the scenario shown is computed now; the others when shown or compared.
		w.addWithID(l.id, &State{Form: l.form})
	}
	if len(w.Entries) == 0 {
		w = NewWorkspace(c)
	}
	w.Active = min(max(sw.Active, 0), len(w.Entries)-1)
	w.Current().Recompute(c)
	if len(bad) > 0 {
		data, _ := json.Marshal(bad)
		notes = append(notes, setAside(string(data), fmt.Sprintf("%d kept scenario(s) could not be opened.", len(bad)), ".scenarios"))
	}
	w.Notice = strings.Join(notes, " ")
	w.Blocked = blocked
	return w
}

// loadedEntry is a kept scenario as read: its id and stored text (format 2 only) and
// its form.
type loadedEntry struct {
	id, text string
	form     *calc.Form
}

// readEntries reads the stored scenarios as forms; those that cannot be read are
// returned as they were stored.
func readEntries(sw storedWorkspace, c *calc.Catalog) ([]loadedEntry, []json.RawMessage) {
	var out []loadedEntry
	var bad []json.RawMessage
	if sw.Version == 1 {
		var old []struct {
			ID    string          `json:"id"`
			Draft json.RawMessage `json:"draft"`
		}
		if err := json.Unmarshal(sw.Scenarios, &old); err != nil {
			return nil, []json.RawMessage{sw.Scenarios}
		}
		for _, e := range old {
			f, err := migrateDraft(e.Draft, c)
			if err != nil {
				bad = append(bad, e.Draft)
				continue
			}
			out = append(out, loadedEntry{form: f})
		}
		return out, bad
	}
	var entries []json.RawMessage
	if err := json.Unmarshal(sw.Scenarios, &entries); err != nil {
		return nil, []json.RawMessage{sw.Scenarios}
	}
	for _, raw := range entries {
		var e storedEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			bad = append(bad, raw)
			continue
		}
		f := formOfEntry(e)
		if f == nil {
			bad = append(bad, raw)
			continue
		}
		out = append(out, loadedEntry{id: e.ID, text: string(raw), form: f})
	}
	return out, bad
}

// MemoryStore is a Store in memory.
type MemoryStore map[string]string

// Get returns the value of key.
func (m MemoryStore) Get(key string) (string, bool) { v, ok := m[key]; return v, ok }

// Set stores value under key.
func (m MemoryStore) Set(key, value string) error { m[key] = value; return nil }
