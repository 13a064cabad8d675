package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// The range of an uncertain input, beside the input's own field: a disclosure whose
// summary says the range in use and where it comes from, and which holds the low and
// the high end for the person to type (MODEL.md, Uncertainty). A value typed without a
// range is known; an assumed default takes the dataset's range or the default relative
// range until a range is typed.

// rangePath is the form path of the range of the uncertain input named input (an
// uncertain input's name in the scenario file): "ranges.platforms.facebook.reachRate",
// "ranges.valuePer1000", "ranges.benefits[0]" for "benefits[0].amountPerMonth".
func rangePath(input string) string {
	return "ranges." + strings.TrimSuffix(input, ".amountPerMonth")
}

// rangeBox is what the page shows about one uncertain input's range.
type rangeBox struct {
	Input string // the input's name, "platforms.facebook.reachRate"
	Label string // its name for people, "Facebook: reach rate"
	Unit  string // the currency of a money input, shown after a range
	// EndUnit is the unit the ends are typed in, in their names for screen readers
	// ("EUR per month", "share per month"); "" where the label already says it.
	EndUnit string
	Prefix  string         // what the summary starts with, where no column head says it
	Typed   calc.FormRange // the range typed in the form, if any
	// Low and High are the ends of the range in use when none is typed (a dataset's
	// range, or the default relative range of an assumption), shown in the empty
	// fields; From says where it comes from ("default −50 %, +100 %"), or why there
	// is none ("your value").
	Low, High, From string
}

// platformRange is the range box of parameter param of platform pl, in a form that
// sets its value to value ("" for the dataset's default) and types the range typed.
func platformRange(pl *calc.Platform, param, value string, typed calc.FormRange) rangeBox {
	input := "platforms." + pl.ID + "." + param
	b := rangeBox{Input: input, Label: (&calc.Form{}).FieldLabel(input, &calc.Dataset{Platforms: []calc.Platform{*pl}}), Typed: typed}
	if param == "reachRate" { // the hours' labels say theirs
		b.EndUnit = paramLabels[param][1]
	}
	r, from, assumed := pl.AssumedRange(param)
	switch {
	case value != "":
		b.From = "your value"
	case !assumed:
		b.From = "a sourced figure"
	default:
		b.Low, b.High = r.Low.String(), r.High.String()
		b.From = assumedSource(from, r, paramDefault(pl, param))
	}
	return b
}

// assumedSource says where the range r of an assumed default base comes from: the
// dataset, or the default relative range, as changes from the default.
func assumedSource(from calc.RangeSource, r calc.Range, base string) string {
	if from == calc.FromDataset {
		return "the dataset's range"
	}
	b, err := decimal.NewFromString(base)
	if err != nil || !b.IsPositive() {
		return "default range"
	}
	change := func(d decimal.Decimal) string {
		pct := d.Sub(b).Div(b).Shift(2).Round(0)
		if pct.IsNegative() {
			return "−" + pct.Neg().String() + " %"
		}
		return "+" + pct.String() + " %"
	}
	return "default " + change(r.Low) + ", " + change(r.High)
}

// summary is the disclosure's line: the range in use (typed, else the one the input
// takes), and where it comes from.
func (b rangeBox) summary() (rng, from string) {
	unit := ""
	if b.Unit != "" {
		unit = " " + b.Unit
	}
	if b.Typed.IsZero() {
		if b.Low == "" {
			return "known, no range", b.From
		}
		return b.Low + " to " + b.High + unit, b.From
	}
	end := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "?"
		}
		return s
	}
	return end(b.Typed.Low) + " to " + end(b.Typed.High) + unit, "your range"
}

// render shows the disclosure. open holds the disclosures the person opened or closed
// (by input name; the component showing them keeps it); one not in it is open when it
// has a range typed. One with a problem is always open, with the problem beside its
// field, naming the field.
func (b rangeBox) render(ed *Editor, open map[string]bool, problems map[string]string) app.UI {
	path := rangePath(b.Input)
	id := fieldID(path)
	lowPath, highPath := path+".low", path+".high"
	label := func(end string) string { return b.Label + ", " + end + " end" }
	// An end's name for screen readers says its unit, which the field's own label
	// or column head says on screen.
	name := func(end string) string {
		if b.EndUnit != "" {
			return label(end) + " (" + b.EndUnit + ")"
		}
		return label(end)
	}
	msgs := []app.UI{}
	for _, p := range []struct{ path, label string }{{lowPath, label("low")}, {highPath, label("high")}, {path, b.Label + ", range"}} {
		if msg := problems[p.path]; msg != "" {
			msgs = append(msgs, app.P().Class("error").ID(fieldID(p.path)+"-error").Text(p.label+": "+msg))
		}
	}
	rng, from := b.summary()
	shown, seen := open[b.Input]
	if !seen {
		shown = !b.Typed.IsZero()
	}
	details := app.Details().Class("range-box").ID(id).DataSet("input", b.Input)
	if shown || len(msgs) > 0 {
		details = details.Open(true) // never written false: HTML reads open="false" as open
	}
	end := func(p, which, typed, otherwise string) app.UI {
		in := input(ed, p, typed, otherwise, problems[p]).Class("cell").Aria("label", name(which))
		if problems[p] == "" && problems[path] != "" {
			in = in.Aria("describedby", id+"-error")
		}
		return app.Div().Class("range-end").Body(app.Label().For(fieldID(p)).Text(which), in)
	}
	return details.OnToggle(func(ctx app.Context, e app.Event) {
		open[b.Input] = ctx.JSSrc().Get("open").Bool()
	}, b.Input).Body(
		app.Summary().Body(app.Span().Class("sr-only").Text(b.Label+", range: "), app.Text(b.Prefix+rng),
			app.Span().Class("range-from").Text(from)),
		app.Div().Class("range-ends").Body(
			end(lowPath, "low", b.Typed.Low, b.Low),
			end(highPath, "high", b.Typed.High, b.High),
		),
		app.Div().Body(msgs...),
	)
}

// openRange opens the range disclosure of the uncertain input named input, wherever
// the form shows it, and moves the focus to its low end.
func openRange(input string) {
	path := rangePath(input)
	if el := app.Window().GetElementByID(fieldID(path)); el.Truthy() {
		el.Set("open", true)
	}
	focusElement(fieldID(path + ".low"))
}
