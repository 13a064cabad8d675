package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// PlanSection edits the plan as a grid of platforms and roles: the weekly hours each
// role spends on each platform.
type PlanSection struct {
	app.Compo
	Ed       *Editor
	DS       *calc.Dataset
	Roles    []string // role names, staff order
	Plan     []calc.FormLine
	Problems map[string]string
	// Removal is the last plan line removed, for its notice and its undo.
	Removal  RemovalNote
	Warnings []string // hours that add nothing, for people
	Note     string   // why the recommendation could not be applied
	// Searching says the recommendation is being worked out for the changed inputs:
	// it can be applied once it is done.
	Searching bool
}

func (p *Page) planSection(ds *calc.Dataset) app.UI {
	f := p.st.Form
	roles := make([]string, len(f.Staff))
	for i, r := range f.Staff {
		roles[i] = roleLabel(r.Role, i)
	}
	return &PlanSection{Ed: p.ed, DS: ds, Roles: roles, Plan: f.Plan, Problems: problemsUnder(p.st.Problems, "plan"),
		Removal: p.removalNote(areaPlan), Warnings: hoursWarnings(p.st), Note: p.ws.ApplyNote, Searching: p.st.RecPending && !p.st.Stale()}
}

// hoursWarnings says where a platform's hours go beyond full effort: those hours cost
// money and add no reach.
func hoursWarnings(st *State) []string {
	if st.Result == nil || st.Stale() {
		return nil
	}
	var out []string
	for _, pl := range st.Result.Platforms {
		if pl.Credible && pl.HoursPerWeek.GreaterThan(pl.Params.FullHours) {
			extra := pl.HoursPerWeek.Sub(pl.Params.FullHours)
			out = append(out, fmt.Sprintf("%s: %s h of the %s h a week add no reach (full effort is %s h a week).",
				pl.Name, extra.String(), pl.HoursPerWeek.String(), pl.Params.FullHours.String()))
		}
	}
	return out
}

// line is the position in the plan of the line of platform and role, or -1.
func (s *PlanSection) line(platform string, role int) int {
	for i, l := range s.Plan {
		if l.Platform == platform && l.RoleIndex() == role {
			return i
		}
	}
	return -1
}

// Render shows the grid.
func (s *PlanSection) Render() app.UI {
	if s.DS == nil || len(s.Roles) == 0 {
		return section("plan", "Plan", app.P().Text("Add a role under Staff to plan hours."),
			problemAt(s.Problems, "plan"))
	}
	head := []app.UI{app.Th().Scope("col").Text("Platform")}
	for _, r := range s.Roles {
		head = append(head, app.Th().Scope("col").Text(r+" (h/week)"))
	}
	rows := []app.UI{}
	for _, pl := range s.DS.Platforms {
		cells := []app.UI{app.Th().Scope("row").Text(pl.Name)}
		for i, r := range s.Roles {
			v, problem := "", ""
			if li := s.line(pl.ID, i); li >= 0 {
				v = s.Plan[li].HoursPerWeek
				problem = fmt.Sprintf("plan[%d].hoursPerWeek", li)
			}
			cells = append(cells, app.Td().Body(cell(s.Ed, calc.PlanCell(pl.ID, i),
				fmt.Sprintf("Hours per week of %s on %s", r, pl.Name), v, "0", s.Problems, problem)))
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	// Lines the grid cannot show: a platform the dataset lacks, or a role not in the staff.
	var other []app.UI
	for i, l := range s.Plan {
		if l.RoleIndex() < 0 || s.DS.Platform(l.Platform) == nil {
			path := fmt.Sprintf("plan[%d]", i)
			msg := s.Problems[path+".platform"] + s.Problems[path+".role"]
			other = append(other, app.Li().Body(
				app.Text(fmt.Sprintf("%s h a week on %s by %s. %s ", calc.ShortText(l.HoursPerWeek), calc.Quote(l.Platform), calc.Quote(l.Role), msg)),
				app.Button().Type("button").Class("secondary small").ID(removeLineID(i)).Text("Remove this line").
					OnClick(func(ctx app.Context, e app.Event) {
						s.Ed.Remove(areaPlan, func(f *calc.Form) *calc.Removed { return f.RemovePlanLine(i) }, removedLineText,
							func(r *calc.Removed) string { return removeLineID(r.Index) })
					}, path),
			))
		}
	}
	warnings := []app.UI{}
	for _, w := range s.Warnings {
		warnings = append(warnings, app.Li().Text(w))
	}
	return section("plan", "Plan",
		app.P().Class("hint").Text("Hours per week each role spends on each platform. A presence below its minimum hours costs money but reaches no one."),
		app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Plan table").Body(app.Table().Class("grid").Body(
			app.Caption().Text("Weekly hours per platform and role"),
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		)),
		problemAt(s.Problems, "plan"),
		app.If(len(other) > 0, app.Div().Class("error").Role("alert").Body(
			app.P().Text("Plan lines the table cannot show:"), app.Ul().Body(other...))),
		removalArea(s.Ed, s.Removal),
		app.If(len(warnings) > 0, app.Ul().Class("warnings").ID("hours-warnings").Body(warnings...)),
		app.Button().Type("button").ID("apply-recommendation").Text("Apply the recommendation").
			Disabled(s.Searching).Aria("describedby", applyWaitID(s.Searching)).
			OnClick(func(ctx app.Context, e app.Event) { s.Ed.ApplyRecommendation() }),
		// A stable container: the reason appears and goes without shifting the note.
		app.Div().Class("notice-area").Body(app.If(s.Searching, app.P().Class("hint").ID("apply-wait").
			Text("The recommendation is being worked out for the changed inputs: it can be applied when the search is done (its progress is under Recommendation)."))),
		app.If(s.Note != "", app.P().Class("notice").Role("status").ID("apply-note").Text(s.Note)),
	)
}

func removeLineID(i int) string { return "remove-line-" + itoa(i) }

// applyWaitID is the id of the reason the Apply button waits, when it does.
func applyWaitID(waiting bool) string {
	if waiting {
		return "apply-wait"
	}
	return ""
}

// ApplyRecommendation puts the recommended plan into the form, or says why it cannot.
func (e *Editor) ApplyRecommendation() {
	p := e.p
	st := p.st
	switch {
	case st.Stale():
		p.ws.ApplyNote = fmt.Sprintf("The recommendation cannot be applied while the form has %s: it is for the last input without problems. Fix them first.", plural(st.ProblemCount(), "problem", "problems"))
	case st.RecPending && p.ctx != nil:
		p.ws.ApplyNote = "The recommendation is still being worked out for the changed inputs: apply it when the search is done."
	case st.RecPending: // no page to work it out after paint (tests): at once
		st.Recommend()
		e.ApplyRecommendation()
		return
	case st.Rec == nil:
		p.ws.ApplyNote = "There is no recommendation yet."
	default:
		rec := st.Rec
		e.Reshape(func(f *calc.Form) { f.SetPlan(rec.Plan) })
		if len(rec.Plan) == 0 {
			p.ws.ApplyNote = "Applied: the recommendation is no platform, so the plan is now empty."
		} else {
			p.ws.ApplyNote = "Applied the recommended plan."
		}
		p.Update()
		return
	}
	p.Update()
}
