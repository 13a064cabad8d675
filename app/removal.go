package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// Removing a line of one of the form's lists (a role, a benefit, a point of the
// maturity curve, a plan line the grid cannot show, the curve of one's own for the
// default one), or an imported dataset, can be undone: a notice where the line was says what went, and its Undo
// button puts it back exactly as it was, with all that went with it (a role's plan
// hours). Only the last removal can be undone, and only until the next edit that
// changes the form's shape (adding or removing a line, switching the demographics,
// applying the recommendation) or until another scenario is shown: typing into other
// fields meanwhile keeps the undo, and what was typed stays when it is used.

// Where a removal's notice is shown (Removal.Area).
const (
	areaStaff    = "staff"
	areaBenefits = "benefits"
	areaMaturity = "maturity"
	areaPlan     = "plan"
	areaDatasets = "datasets" // the imported datasets, under Audience
)

// Removal is the last removal from the form of a scenario, for its notice and its undo.
type Removal struct {
	ID    string // the entry's
	Area  string // where its notice is shown
	Text  string // what was removed, for people
	Focus string // the element that takes the focus once it is put back
	// Undone says it was put back; the notice then says so, until the next edit.
	Undone  bool
	removed *calc.Removed
	// dataset is an imported dataset removed instead (not a line of the form), with
	// its position in the catalog and the scenarios (ids) that used it.
	dataset   *calc.Dataset
	datasetAt int
	users     []string
}

// RemovalNote is what a section shows of the last removal: nothing (the zero value),
// what was removed with its Undo button, or that it was put back.
type RemovalNote struct {
	Text   string
	Undone bool
}

// removalNote is the note of the last removal for the section area of the scenario
// being edited, if it is there.
func (p *Page) removalNote(area string) RemovalNote {
	r := p.ws.Removed
	if r == nil || r.ID != p.ws.CurrentID() || r.Area != area {
		return RemovalNote{}
	}
	return RemovalNote{Text: r.Text, Undone: r.Undone}
}

// Reshape applies an edit that changes the form's shape (adds a line, replaces the
// plan): the last removal can no longer be undone.
func (e *Editor) Reshape(change func(f *calc.Form)) {
	e.p.ws.Removed = nil
	e.Edit(change)
}

// Remove applies a removal, which returns what it took out: the notice in area then
// says what (text), with an Undo button; focus is the element that takes the focus
// once it is put back.
func (e *Editor) Remove(area string, remove func(f *calc.Form) *calc.Removed, text, focus func(r *calc.Removed) string) {
	p := e.p
	var r *calc.Removed
	p.ws.Removed = nil
	e.Edit(func(f *calc.Form) { r = remove(f) })
	if r == nil {
		return
	}
	p.ws.Removed = &Removal{ID: p.ws.CurrentID(), Area: area, Text: text(r), Focus: focus(r), removed: r}
	// The removed line's button goes with it: the focus goes to the notice, which says
	// what went, not to the next line's Remove button (a second Enter would remove that
	// line too). Undo is the next stop of Tab.
	e.focusAfter("removal-notice")
	p.Update()
}

// UndoRemoval puts back what the last removal took out of the scenario being edited.
func (e *Editor) UndoRemoval() {
	p := e.p
	r := p.ws.Removed
	if r == nil || r.Undone || r.ID != p.ws.CurrentID() {
		return
	}
	if r.dataset != nil {
		e.putBackDataset(r)
		return
	}
	if !p.st.Form.CanRestore(r.removed) {
		p.ws.Removed = nil
		p.Update()
		return
	}
	e.focusAfter(r.Focus) // the Undo button goes with the notice
	e.Edit(func(f *calc.Form) { f.Restore(r.removed) })
	r.Undone, r.Text = true, putBackText(r.removed)
	p.ws.Removed = r
	p.Update()
}

// removalArea is the stable container of a section's removal notice (go-app patches
// children by position: the notice appearing must not shift the inputs after it). It
// is a live region at all times, so that screen readers hear the notice when it comes.
func removalArea(ed *Editor, note RemovalNote) app.UI {
	var body app.UI
	switch {
	case note.Text == "":
	case note.Undone:
		body = app.P().Class("notice").ID("removal-notice").Text(note.Text)
	default:
		body = app.Div().Class("notice").ID("removal-notice").TabIndex(-1).Body(
			app.Span().ID("removal-text").Text(note.Text+" "),
			app.Button().Type("button").Class("secondary small").ID("undo-removal").Text("Undo").
				Aria("describedby", "removal-text").
				OnClick(func(ctx app.Context, e app.Event) { ed.UndoRemoval() }),
		)
	}
	return app.Div().Class("removal-area").Role("status").Body(body)
}

// removedRoleText says which role was removed, with its plan hours.
func removedRoleText(ds *calc.Dataset, cur string) func(r *calc.Removed) string {
	return func(r *calc.Removed) string {
		role := r.Role()
		text := fmt.Sprintf("Removed the role %s (%s h a week available, %s)", calc.Quote(roleLabel(role.Role, r.Index)), orBlank(role.HoursPerWeek), roleCostText(role, cur))
		lines := r.Lines()
		if len(lines) == 0 {
			return text + "; it had no plan hours."
		}
		hours := make([]string, len(lines))
		for i, l := range lines {
			hours[i] = datasetPlatformName(ds, l.Platform) + " " + orBlank(l.HoursPerWeek) + " h"
		}
		return text + " with its plan hours: " + strings.Join(hours, ", ") + " a week."
	}
}

// roleCostText is a role's cost as typed, in the way it is given.
func roleCostText(r calc.FormRole, cur string) string {
	if r.BySalary {
		return "annual salary " + orBlank(r.AnnualSalary) + " " + cur
	}
	return "hourly cost " + orBlank(r.HourlyCost) + " " + cur
}

func removedBenefitText(cur string) func(r *calc.Removed) string {
	return func(r *calc.Removed) string {
		b := r.Benefit()
		name := b.Name
		if strings.TrimSpace(name) == "" {
			name = "benefit " + itoa(r.Index+1)
		}
		text := fmt.Sprintf("Removed the benefit %s (%s %s per month", calc.Quote(name), orBlank(b.AmountPerMonth), cur)
		if !b.Range.IsZero() {
			text += fmt.Sprintf(", likely %s to %s %s", orBlank(b.Range.Low), orBlank(b.Range.High), cur)
		}
		return text + ")."
	}
}

func removedPointText(r *calc.Removed) string {
	a := r.Anchor()
	return fmt.Sprintf("Removed point %d of the maturity curve (month %s, effect %s).", r.Index+1, orBlank(a.Month), orBlank(a.Factor))
}

func removedCurveText(r *calc.Removed) string {
	return fmt.Sprintf("Back to the default maturity curve: your curve of %s was removed.", plural(len(r.Curve()), "point", "points"))
}

func removedLineText(r *calc.Removed) string {
	l := r.Line()
	return fmt.Sprintf("Removed the plan line of %s h a week on %s by %s.", orBlank(l.HoursPerWeek), calc.Quote(l.Platform), calc.Quote(l.Role))
}

// putBackText says what Undo put back.
func putBackText(r *calc.Removed) string {
	switch r.Kind {
	case calc.RemovedRole:
		if len(r.Lines()) > 0 {
			return fmt.Sprintf("Put back the role %s with its plan hours.", calc.Quote(roleLabel(r.Role().Role, r.Index)))
		}
		return fmt.Sprintf("Put back the role %s.", calc.Quote(roleLabel(r.Role().Role, r.Index)))
	case calc.RemovedBenefit:
		if name := r.Benefit().Name; strings.TrimSpace(name) != "" {
			return fmt.Sprintf("Put back the benefit %s.", calc.Quote(name))
		}
		return fmt.Sprintf("Put back benefit %d.", r.Index+1)
	case calc.RemovedPoint:
		return fmt.Sprintf("Put back point %d of the maturity curve.", r.Index+1)
	case calc.RemovedCurve:
		return fmt.Sprintf("Put back your maturity curve of %s.", plural(len(r.Curve()), "point", "points"))
	}
	return fmt.Sprintf("Put back the plan line of %s h a week on %s.", orBlank(r.Line().HoursPerWeek), calc.Quote(r.Line().Platform))
}

// orBlank is a value as typed (a long one shortened, as messages quote it), or
// "(blank)" when nothing was.
func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(blank)"
	}
	return calc.ShortText(s)
}

// datasetPlatformName is the dataset's name of a platform, or its id.
func datasetPlatformName(ds *calc.Dataset, id string) string {
	if ds != nil {
		if p := ds.Platform(id); p != nil && p.Name != "" {
			return p.Name
		}
	}
	return id
}
