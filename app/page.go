// Package app is the calculator's web page: go-app components that edit a scenario
// form, show the engine's results and draw the charts. Every number comes from package
// calc; the page only presents it. Each part of the form is a component of its own
// (scenario, audience, platforms, staff, plan, value and time, results) that updates
// only when what it shows changed; every input is bound to its field by the field's
// path (calc.Form.Set), read when the person types, so that it edits its own field
// whatever the form's shape did.
package app

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// Page is the calculator: inputs on the left, results and charts on the right.
type Page struct {
	app.Compo
	ws    *Workspace
	st    *State // the scenario being edited: ws.Current()
	cat   *calc.Catalog
	store Store // nil when prerendering
	ed    *Editor
	// unlisten stops following the other tabs' changes.
	unlisten func()
	ctx      app.Context // of the mounted page, for work after the next paint
	// gen counts the starts of the work after paint: a turn of an older start does
	// nothing (a newer edit has started again). turn is the function of the next turn
	// and port the channel that schedules it (nextTurn).
	gen   int
	turn  func()
	port  app.Value
	shown time.Time // when the progress was last shown
	// said is set once the results are all worked out and no edit came for
	// saidAfter: screen readers then hear them (resultsSaid).
	said bool
}

// saidAfter is how long the results stay unchanged before screen readers hear them, so
// that typing a figure is not read out at each key.
const saidAfter = 600 * time.Millisecond

// OnMount follows what other tabs of this site keep in the browser: the "storage"
// event fires in every other tab when one writes, so each tab shows the others'
// scenarios and never saves over them.
func (p *Page) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.ed.later(p.st)
	if p.store == nil {
		return
	}
	p.unlisten = app.Window().AddEventListener("storage", func(ctx app.Context, e app.Event) {
		if k := e.Get("key"); !k.Truthy() || k.String() != storeKey {
			return
		}
		if msg := p.ws.Sync(p.store, p.cat); msg != "" {
			p.ws.Notice = msg
			if cur := p.ws.Current(); cur != p.st {
				p.st.StopRuns()
				p.st = cur
				p.forgetShown()
				p.ws.Removed = nil // another tab changed or replaced the scenario shown
			}
			if p.st.RecPending || p.st.UPending {
				p.ed.later(p.st)
			}
		}
	})
}

// OnDismount stops following the other tabs.
func (p *Page) OnDismount() {
	if p.unlisten != nil {
		p.unlisten()
	}
}

// OnInit prepares the page before its first rendering: the default scenario when
// prerendering, the scenarios kept in the browser when running there (opened before
// anything is shown, so that no action can come before them).
func (p *Page) OnInit() {
	p.cat = calc.Embedded()
	p.ed = &Editor{p: p}
	if !app.IsClient {
		p.ws = NewWorkspace(p.cat)
		p.st = p.ws.Current()
		p.st.Uncertain() // the prerendered page shows it
		return
	}
	p.store = browserStore{}
	p.ws = LoadWorkspace(p.store, p.cat, time.Now().UTC().Format("20060102T150405Z"))
	if hash := locationHash(); strings.HasPrefix(hash, "#s") {
		p.openShared(hash)
		clearLocationHash() // a reload must not add it again
	}
	p.st = p.ws.Current()
	if p.ws.Blocked == "" { // else the notice already says why nothing is saved
		p.save()
	}
}

// State returns the state of the scenario being edited (for tests).
func (p *Page) State() *State { return p.st }

// Workspace returns the page's scenarios (for tests).
func (p *Page) Workspace() *Workspace { return p.ws }

// Editor returns the page's editor (for tests).
func (p *Page) Editor() *Editor { return p.ed }

// noStorage is what web/start.js's stand-in storage says when the browser keeps no
// data for the site.
const noStorage = "this browser keeps no data for this site"

func (p *Page) save() {
	if p.store == nil {
		return
	}
	if err := p.ws.Save(p.store, p.cat); err != nil {
		advice := "Export the scenarios you need (Export JSON); to free space, remove imported datasets you no longer need (under Audience)."
		if strings.Contains(err.Error(), noStorage) { // space is not what is missing
			advice = "Export the scenarios you need (Export JSON), or allow this site to keep data in the browser's settings."
		}
		p.ws.Notice = "Your latest changes are not kept in this browser (" + err.Error() + "): they are lost when this page is closed or reloaded. " + advice
	}
}

// changed follows a change of the workspace: it shows the current scenario and keeps
// the workspace in the browser.
func (p *Page) changed() {
	if cur := p.ws.Current(); cur != p.st && p.st != nil {
		p.st.StopRuns() // worked out again when it is shown again
		p.forgetShown()
		p.ws.Removed = nil // its undo is for the scenario shown until now
	}
	p.st = p.ws.Current()
	if !p.st.Checked() {
		p.st.Recompute(p.cat)
	}
	if p.st.UPending || p.st.RecPending {
		p.ed.later(p.st)
	}
	p.save()
	p.Update()
}

// forgetShown forgets what the page said of the scenario shown until now: that the
// recommendation was applied to it, and the link made to share it.
func (p *Page) forgetShown() {
	p.ws.ApplyNote, p.ws.ShareLink, p.ws.LinkCopied = "", "", ""
}

// Editor applies the person's edits to the scenario being edited. The form's
// components hold a pointer to it (the same one always, so that it never makes them
// render again) and call it from their event handlers.
type Editor struct {
	p        *Page
	progress map[*Progress]bool // the progress notes on the page (progress.go)
}

// Set puts text into the field at path of the current form, as typed.
func (e *Editor) Set(path, text string) {
	e.Edit(func(f *calc.Form) { f.Set(path, text) })
}

// Edit applies change to a copy of the current form, then checks and computes it.
// The copy keeps the form a component was given unchanged, so that components see
// what changed.
func (e *Editor) Edit(change func(f *calc.Form)) {
	p := e.p
	f := p.st.Form.Clone()
	change(f)
	p.st.Form = f
	p.st.RecomputeLater(p.cat) // the rest after the next paint: changed calls later
	// A link made before the edit no longer carries the scenario as it is.
	p.ws.Switched, p.ws.ApplyNote, p.ws.ShareLink = nil, "", ""
	if r := p.ws.Removed; r != nil && r.Undone { // what Undo put back is said until the next edit
		p.ws.Removed = nil
	}
	p.changed()
	// The edit's own charts; those of what the result depends on (the tornado, whose
	// view the person chooses, and the draws) follow the sliced analysis.
	drawCharts(p.st.Charts[:len(p.st.Charts)-len(p.st.tornado)])
}

// later works the recommendation out, then what the result depends on, once the
// figures have painted, so that typing never waits for either: a slice at a time, a few
// milliseconds of them per turn of the browser's event loop, which handles typing and
// paints between turns. An edit meanwhile starts again (what it changed is worked out
// again; a search whose inputs did not change goes on).
func (e *Editor) later(st *State) {
	p := e.p
	if p.ctx == nil { // prerendering and tests: at once
		st.Uncertain()
		return
	}
	p.gen++
	gen := p.gen
	p.said = false
	p.ctx.After(20*time.Millisecond, func(ctx app.Context) {
		p.shown = time.Now()
		e.work(gen)
	})
}

// turnTime is how long one turn of the work after paint runs slices for.
const turnTime = 6 * time.Millisecond

// progressEvery is how often the progress shown is brought up to date.
const progressEvery = 150 * time.Millisecond

// work runs slices of the scenario's pending work for a turn, shows what finished (or
// the progress, now and then) and leaves the rest to the next turn.
func (e *Editor) work(gen int) {
	p := e.p
	if gen != p.gen {
		return
	}
	st := p.st
	version, start := st.Version, time.Now()
	pending := true
	for pending && time.Since(start) < turnTime {
		pending = st.Step()
	}
	switch {
	case !pending || st.Version != version: // a part is done: the page shows it
		p.shown = time.Now()
		p.Update()
	case time.Since(p.shown) >= progressEvery: // only the progress notes
		p.shown = time.Now()
		for c := range e.progress {
			c.Update()
		}
	}
	if pending {
		p.nextTurn(func() { e.work(gen) })
		return
	}
	p.ctx.After(saidAfter, func(app.Context) {
		if gen == p.gen {
			p.said = true
			p.Update()
		}
	})
}

// nextTurn runs fn in a later task of the browser's event loop, after the input and
// painting waiting: a message to the page's own MessageChannel, which, unlike a timer,
// is not held back by the browser's minimum delay of nested timers.
func (p *Page) nextTurn(fn func()) {
	p.turn = fn
	if p.port == nil {
		mc := app.Window().Get("MessageChannel")
		if !mc.Truthy() {
			p.ctx.Async(func() {
				time.Sleep(time.Millisecond)
				p.ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: p, Function: func(app.Context) { p.runTurn() }})
			})
			return
		}
		ch := mc.New()
		ch.Get("port1").Set("onmessage", app.FuncOf(func(app.Value, []app.Value) any {
			p.ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: p, Function: func(app.Context) { p.runTurn() }})
			return nil
		}))
		p.port = ch.Get("port2")
	}
	p.port.Call("postMessage", nil)
}

func (p *Page) runTurn() {
	if fn := p.turn; fn != nil {
		p.turn = nil
		fn()
	}
}

// fieldID turns a field path into an element id: each run of characters other than
// ASCII letters, digits, "_" and "-" becomes one "-", and the ends lose their "-". (The
// page asks it for every input it renders: a regular expression made it a tenth of the
// page's start.)
func fieldID(key string) string {
	b := make([]byte, 0, len(key))
	run := false
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' {
			b = append(b, c)
			run = false
		} else if !run {
			b = append(b, '-')
			run = true
		}
	}
	return "f-" + strings.Trim(string(b), "-")
}

// Render shows the scenario bar, the form's sections and the results.
func (p *Page) Render() app.UI {
	if p.st == nil {
		p.OnInit()
	}
	st := p.st
	f := st.Form
	ds := f.DatasetIn(p.cat)
	return app.Div().Class("page").Body(
		app.A().Class("skip").Href("#results").Text("Skip to the results").
			OnClick(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				focusElement("results")
			}),
		app.Header().Class("masthead").Body(
			app.H1().Text("Where to be online, and what it really costs"),
			app.P().Class("lede").Text("A platform's sticker price is zero; the staff time it eats is the real investment. "+
				"Describe the audience, the platforms and the staff hours: the calculator recommends platforms and shows the return on that time."),
		),
		p.scenarioBar(),
		app.Main().Class("layout").Body(
			app.Div().Class("inputs").Body(
				&ScenarioSection{Ed: p.ed, Name: f.Name, Currency: f.Currency, Horizon: f.HorizonMonths,
					Problems: problemsUnder(st.Problems, "name", "currency", "horizonMonths"), SameName: p.sameName(f.Name)},
				p.audienceSection(ds),
				p.platformsSection(ds),
				&StaffSection{Ed: p.ed, Staff: f.Staff, Currency: f.Currency, Rates: roleRates(st),
					Problems: problemsUnder(st.Problems, "staff"), Removal: p.removalNote(areaStaff), DS: ds},
				p.planSection(ds),
				&ValueSection{Ed: p.ed, Currency: f.Currency, Value: f.ValuePer1000, Range: f.Ranges.ValuePer1000, Benefits: f.Benefits,
					Maturity: f.Maturity, Objective: f.Objective,
					Removed: p.removalNote(areaBenefits), RemovedPoint: p.removalNote(areaMaturity),
					Problems: problemsUnder(st.Problems, "valuePer1000", "benefits", "maturity", "objective", "ranges.valuePer1000", "ranges.benefits")},
			),
			&ResultsSection{Ed: p.ed, St: st, Version: st.Version, Said: p.said, DS: ds, Labels: p.labels(), Compare: p.comparison(), Kept: len(p.ws.Entries)},
		),
		app.Footer().Class("footer").Body(
			app.P().Text("Demographics: "+sourceText(ds)+" Platform parameters marked "),
			app.Span().Class("badge").Text("assumption"),
			app.Text(" are not survey figures: replace them with your own where you can. "),
			app.P().Text("Runs entirely in your browser: nothing you type leaves this page."),
		),
	)
}

// labels names each problem's field for people, with the element to focus.
func (p *Page) labels() []ProblemLink {
	return problemLinks(p.st.Form, p.st.Form.DatasetIn(p.cat), p.st.Problems)
}

// sourceText is the source of the demographic figures, their year and what a figure
// measures, as sentences.
func sourceText(ds *calc.Dataset) string {
	if ds == nil {
		return "No dataset."
	}
	return ds.SourceText()
}

// problemsUnder returns the problems at the given paths or below them.
func problemsUnder(all map[string]string, prefixes ...string) map[string]string {
	var out map[string]string
	for k, v := range all {
		for _, pre := range prefixes {
			if k == pre || strings.HasPrefix(k, pre+".") || strings.HasPrefix(k, pre+"[") {
				if out == nil {
					out = map[string]string{}
				}
				out[k] = v
			}
		}
	}
	return out
}

// sameName gives the name of another kept scenario that is name too (case and spaces
// at the ends aside), or "".
func (p *Page) sameName(name string) string {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return ""
	}
	for i, e := range p.ws.Entries {
		if i != p.ws.Active && e.State != nil && e.State.Form != nil && strings.ToLower(strings.TrimSpace(e.State.Form.Name)) == key {
			return e.State.Form.Name
		}
	}
	return ""
}
