package app

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// input is a text input bound to the field at path. Its handler is registered with the
// path as its scope, so that go-app replaces it whenever the input at this place of
// the page is bound to another field: go-app keeps a handler whose code and scope are
// unchanged, whatever it captured. Every handler of the page follows the same rule: its
// scope names everything its closure captures that can change (a path, an index, a
// dataset and platform id, a preset's name).
func input(ed *Editor, path, value, placeholder, problem string) app.HTMLInput {
	id := fieldID(path)
	in := app.Input().Type("text").ID(id).Value(value).DataSet("field", path).AutoComplete(false).
		Placeholder(placeholder).
		OnInput(func(ctx app.Context, e app.Event) {
			ed.Set(path, ctx.JSSrc().Get("value").String())
		}, path)
	if problem != "" {
		in = in.Aria("invalid", "true").Aria("describedby", id+"-error")
	}
	return in
}

// field is a labelled text input with its problem message.
func field(ed *Editor, path, label, unit, value, placeholder string, problems map[string]string) app.UI {
	return fieldOf(ed, path, label, unit, "", value, placeholder, problems)
}

// fieldOf is a field of a line of a list, whose label is the same on each line: of
// names the line for screen readers after the label ("Month (since start), point 2").
func fieldOf(ed *Editor, path, label, unit, of, value, placeholder string, problems map[string]string) app.UI {
	id := fieldID(path)
	msg := problems[path]
	lbl := label
	if unit != "" {
		lbl += " (" + unit + ")"
	}
	in := input(ed, path, value, placeholder, msg)
	if of != "" {
		in = in.Aria("label", lbl+", "+of)
	}
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(lbl),
		in,
		app.If(msg != "", app.P().Class("error").ID(id+"-error").Text(msg)),
	)
}

// cell is an input inside a table, labelled for screen readers by aria-label.
func cell(ed *Editor, path, label, value, placeholder string, problems map[string]string, problemPath string) app.UI {
	msg := problems[problemPath]
	if msg == "" {
		msg = problems[path]
	}
	id := fieldID(path)
	return app.Div().Body(
		input(ed, path, value, placeholder, msg).Aria("label", label).Class("cell"),
		app.If(msg != "", app.P().Class("error").ID(id+"-error").Text(msg)),
	)
}

// section is a card of the form.
func section(id, title string, body ...app.UI) app.HTMLSection {
	return app.Section().Class("card").Aria("labelledby", id+"-h").Body(
		append([]app.UI{app.H2().ID(id + "-h").Text(title)}, body...)...,
	)
}

// problemAt shows a problem about a group of fields.
func problemAt(problems map[string]string, key string) app.UI {
	msg, bad := problems[key]
	return app.If(bad, app.P().Class("error").Role("alert").DataSet("field", key).Text(msg))
}

// ProblemLink is one problem for people: the field's name, the message, and the
// element that shows the field.
type ProblemLink struct {
	Label, Message, Target string
}

var planLinePath = regexp.MustCompile(`^plan\[(\d+)\]`)

// problemLinks lists the problems in the order of their fields' names, each named as a
// person reads it and pointing at its input (a plan line at its grid cell).
func problemLinks(f *calc.Form, ds *calc.Dataset, problems map[string]string) []ProblemLink {
	var out []ProblemLink
	for path, msg := range problems {
		target := fieldID(path)
		if m := planLinePath.FindStringSubmatch(path); m != nil {
			if i, _ := strconv.Atoi(m[1]); i < len(f.Plan) && f.Plan[i].RoleIndex() >= 0 {
				target = fieldID(calc.PlanCell(f.Plan[i].Platform, f.Plan[i].RoleIndex()))
			}
		}
		if path == "" {
			target = ""
		}
		if t := groupTarget(f, ds, path); t != "" {
			target = t
		}
		out = append(out, ProblemLink{Label: f.FieldLabel(path, ds), Message: msg, Target: target})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Label < out[b].Label })
	return out
}

// groupTarget is the element that takes the focus for a problem about a group of
// fields, which has no input of its own: the first of its inputs, or the button that
// adds one. "" for other paths.
func groupTarget(f *calc.Form, ds *calc.Dataset, path string) string {
	switch {
	case path == "audience.weights" && ds != nil && len(ds.Segments) > 0:
		return fieldID("audience.weights." + ds.Segments[0].ID)
	case path == "maturity":
		if len(f.Maturity) > 0 {
			return fieldID("maturity[0].month")
		}
		return "add-point"
	case strings.HasPrefix(path, "candidates[") && ds != nil && len(ds.Platforms) > 0:
		// A platform the dataset lacks has no box: any box makes the list again from
		// the dataset's platforms.
		// (strconv, not fmt.Sscanf: fmt's scanner would add 60 KiB to app.wasm.)
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path, "candidates["), "]"))
		if err == nil && i >= 0 && i < len(f.Candidates) && ds.Platform(f.Candidates[i]) != nil {
			return fieldID("candidate." + f.Candidates[i])
		}
		return fieldID("candidate." + ds.Platforms[0].ID)
	}
	return ""
}

// problemList shows problems as links that move the focus to their fields.
func problemList(links []ProblemLink) app.UI {
	return app.Ul().Class("problems").Body(app.Range(links).Slice(func(i int) app.UI {
		l := links[i]
		if l.Target == "" {
			return app.Li().Text(l.Label + ": " + l.Message)
		}
		return app.Li().Body(
			app.A().Href("#"+l.Target).Text(l.Label).OnClick(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				focusElement(l.Target)
			}, l.Target),
			app.Text(": "+l.Message))
	}))
}

// focusAfter moves the keyboard focus to the element with the given id once the page
// shows the change being made: for an action whose own button goes away with it, so
// that the focus does not fall back to the start of the page. (It is deferred on the
// page, which stays mounted: go-app drops a deferred function whose element is gone.)
func (e *Editor) focusAfter(id string) {
	p := e.p
	if p.ctx == nil { // prerendering and tests: no page to focus
		return
	}
	p.ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Defer, Source: p, Function: func(app.Context) { focusElement(id) }})
}

// focusElement moves the keyboard focus to the element with the given id.
func focusElement(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		if d := el.Call("closest", "details"); d.Truthy() {
			d.Set("open", true) // a field inside a closed disclosure cannot take the focus
		}
		el.Call("focus")
		if el.Get("scrollIntoView").Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center"})
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
