package app

import (
	"fmt"
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
	Input string         // the input's name, "platforms.facebook.reachRate"
	Label string         // its name for people, "Facebook: reach rate"
	Unit  string         // the currency of a money input, shown after a typed range
	Typed calc.FormRange // the range typed in the form, if any
	// Otherwise says the range in use when none is typed ("Range 0.005 to 0.02,
	// default −50 % to +100 %", or "No range: your value is known"), and Low and High
	// are that range's ends, shown in the empty fields.
	Otherwise string
	Low, High string
}

// platformRange is the range box of parameter param of platform pl, in a form that
// sets its value to value ("" for the dataset's default) and types the range typed.
func platformRange(pl *calc.Platform, param, value string, typed calc.FormRange) rangeBox {
	input := "platforms." + pl.ID + "." + param
	b := rangeBox{Input: input, Label: (&calc.Form{}).FieldLabel(input, &calc.Dataset{Platforms: []calc.Platform{*pl}}), Typed: typed}
	r, from, assumed := pl.AssumedRange(param)
	switch {
	case value != "":
		b.Otherwise = "No range: your value counts as known"
	case !assumed:
		b.Otherwise = "No range: a sourced figure, known"
	default:
		b.Low, b.High = r.Low.String(), r.High.String()
		b.Otherwise = fmt.Sprintf("Range %s to %s, %s", b.Low, b.High, assumedSource(from, r, paramDefault(pl, param)))
	}
	return b
}

// assumedSource says where the range r of an assumed default base comes from: the
// dataset, or the default relative range, as changes from the default.
func assumedSource(from calc.RangeSource, r calc.Range, base string) string {
	if from == calc.FromDataset {
		return "from the dataset"
	}
	b, err := decimal.NewFromString(base)
	if err != nil || !b.IsPositive() {
		return "the default range of an assumption"
	}
	change := func(d decimal.Decimal) string {
		pct := d.Sub(b).Div(b).Shift(2).Round(0)
		if pct.IsNegative() {
			return "−" + pct.Neg().String() + " %"
		}
		return "+" + pct.String() + " %"
	}
	return "default " + change(r.Low) + " to " + change(r.High)
}

// summary is the disclosure's one line: the range typed, else the range in use.
func (b rangeBox) summary() string {
	if b.Typed.IsZero() {
		return b.Otherwise
	}
	end := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "?"
		}
		return s
	}
	out := fmt.Sprintf("Your range: %s to %s", end(b.Typed.Low), end(b.Typed.High))
	if b.Unit != "" {
		out += " " + b.Unit
	}
	return out
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
	msgs := []app.UI{}
	for _, p := range []struct{ path, label string }{{lowPath, label("low")}, {highPath, label("high")}, {path, b.Label + ", range"}} {
		if msg := problems[p.path]; msg != "" {
			msgs = append(msgs, app.P().Class("error").ID(fieldID(p.path)+"-error").Text(p.label+": "+msg))
		}
	}
	shown, seen := open[b.Input]
	if !seen {
		shown = !b.Typed.IsZero()
	}
	details := app.Details().Class("range-box").ID(id).DataSet("input", b.Input)
	if shown || len(msgs) > 0 {
		details = details.Open(true) // never written false: HTML reads open="false" as open
	}
	end := func(p, name, typed, otherwise string) app.UI {
		in := input(ed, p, typed, otherwise, problems[p]).Class("cell").Aria("label", label(name))
		if problems[p] == "" && problems[path] != "" {
			in = in.Aria("describedby", id+"-error")
		}
		return app.Div().Class("range-end").Body(app.Label().For(fieldID(p)).Text(name), in)
	}
	return details.OnToggle(func(ctx app.Context, e app.Event) {
		open[b.Input] = ctx.JSSrc().Get("open").Bool()
	}, b.Input).Body(
		app.Summary().Body(app.Span().Class("sr-only").Text(b.Label+": "), app.Text(b.summary())),
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
