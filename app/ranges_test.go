package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// openTag returns the opening tag of the element with the given id in html, or "".
func openTag(html, id string) string {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(html[:i], "<")
	end := strings.Index(html[i:], ">")
	return html[start : i+end+1]
}

// elementText returns the text of the element with the given id (its tags removed),
// up to its own closing tag name.
func elementText(html, id, tag string) string {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	rest := html[i:]
	rest = rest[strings.Index(rest, ">")+1:]
	if j := strings.Index(rest, "</"+tag+">"); j >= 0 {
		rest = rest[:j]
	}
	var b strings.Builder
	in := false
	for _, r := range rest {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Every uncertain input has its range beside its field: the range in use and where it
// comes from, the same as the engine's, and a value typed without a range is known.
func TestRangesBesideTheirInputs(t *testing.T) {
	p, d := mount(t)
	d.Consume()
	st := p.State()
	html := app.HTMLString(p)
	if len(st.U.Inputs) == 0 {
		t.Fatal("the default scenario has no uncertain input")
	}
	for _, in := range st.U.Inputs {
		id := fieldID(rangePath(in.Name))
		tag := openTag(html, id)
		if !strings.HasPrefix(tag, "<details") {
			t.Errorf("%s: no range disclosure %q (%q)", in.Name, id, tag)
			continue
		}
		text := elementText(html, id, "summary")
		var want string
		switch in.From {
		case calc.FromDefault:
			want = in.Low.String() + " to " + in.High.String()
			if !strings.Contains(text, "default −") {
				t.Errorf("%s: %q does not say it is the default range", in.Name, text)
			}
		case calc.FromScenario:
			want = "your range"
		}
		if !strings.Contains(text, want) {
			t.Errorf("%s: summary %q lacks %q", in.Name, text, want)
		}
		for _, end := range []string{"low", "high"} {
			// Its name starts as the problem list names it (a unit may follow).
			if !strings.Contains(openTag(html, fieldID(rangePath(in.Name)+"."+end)), `aria-label="`+st.Form.FieldLabel(rangePath(in.Name)+"."+end, st.Result.Dataset)) {
				t.Errorf("%s: the %s end is not labelled as the problem list names it", in.Name, end)
			}
		}
	}
	// Facebook's reach rate is an assumption: 0.5 to 2 times its default.
	fb := p.cat.Get("pew-us-2023").Platform("facebook")
	def := calc.DefaultRange("reachRate", fb.Params.ReachRate)
	id := fieldID("ranges.platforms.facebook.reachRate")
	if got := elementText(html, id, "summary"); !strings.Contains(got, def.Low.String()+" to "+def.High.String()+" default −50 %, +100 %") {
		t.Errorf("facebook's reach rate: %q", got)
	}
	if strings.Contains(openTag(html, id), " open") {
		t.Error("a default range is shown open")
	}

	// A value typed without a range is known, on the page as for the engine.
	p.ed.Set("platforms.facebook.reachRate", "0.05")
	d.Consume()
	html = app.HTMLString(p)
	if got := elementText(html, id, "summary"); !strings.Contains(got, "known, no range") || !strings.Contains(got, "your value") {
		t.Errorf("facebook's typed reach rate: %q", got)
	}
	for _, in := range p.State().U.Inputs {
		if in.Name == "platforms.facebook.reachRate" {
			t.Errorf("a typed value without a range is uncertain: %+v", in)
		}
	}

	// A range typed with it: the scenario's own, shown open.
	p.ed.Set("ranges.platforms.facebook.reachRate.low", "0.02")
	p.ed.Set("ranges.platforms.facebook.reachRate.high", "0.09")
	d.Consume()
	html = app.HTMLString(p)
	if got := elementText(html, id, "summary"); !strings.Contains(got, "0.02 to 0.09") || !strings.Contains(got, "your range") {
		t.Errorf("typed range: %q", got)
	}
	if !strings.Contains(openTag(html, id), " open") {
		t.Errorf("a typed range is closed: %q", openTag(html, id))
	}
	found := false
	for _, in := range p.State().U.Inputs {
		if in.Name == "platforms.facebook.reachRate" {
			found = in.From == calc.FromScenario && in.Low.String() == "0.02" && in.High.String() == "0.09"
		}
	}
	if !found {
		t.Errorf("the engine does not use the typed range: %+v", p.State().U.Inputs)
	}
}

// A bad range is refused beside its field, naming it, and changes no result.
func TestBadRangeBesideItsField(t *testing.T) {
	p, d := mount(t)
	d.Consume()
	before := p.State().Result.Totals
	p.ed.Set("ranges.valuePer1000.low", "30") // above the value in use, 10.00
	d.Consume()
	st := p.State()
	if !st.Stale() || st.Problems["ranges.valuePer1000.low"] == "" {
		t.Fatalf("problems %v", st.Problems)
	}
	if st.Result.Totals.Net != before.Net || st.Result.Totals.Reach != before.Reach {
		t.Error("a bad range changed the results")
	}
	html := app.HTMLString(p)
	msg := elementText(html, "f-ranges-valuePer1000-low-error", "p")
	if !strings.HasPrefix(msg, "Value per 1,000 people reached, low end: must be at most the value in use") {
		t.Errorf("message %q", msg)
	}
	in := openTag(html, "f-ranges-valuePer1000-low")
	if !strings.Contains(in, "aria-invalid") || !strings.Contains(in, `aria-describedby="f-ranges-valuePer1000-low-error"`) {
		t.Errorf("the field is not marked: %q", in)
	}
	if !strings.Contains(openTag(html, "f-ranges-valuePer1000"), " open") {
		t.Error("the range with a problem is closed")
	}
}

// A benefit line's range follows the line when an earlier line is removed.
func TestBenefitRangeFollowsItsLine(t *testing.T) {
	p, d := mount(t)
	for i := 0; i < 2; i++ {
		p.ed.Edit(func(f *calc.Form) {
			f.Benefits = append(f.Benefits, calc.FormBenefit{Name: "B", AmountPerMonth: "100"})
		})
	}
	p.ed.Set("benefits[1].name", "Second")
	p.ed.Set("ranges.benefits[1].low", "50")
	p.ed.Set("ranges.benefits[1].high", "300")
	d.Consume()
	if got := elementText(app.HTMLString(p), "f-ranges-benefits-1", "summary"); !strings.Contains(got, "50 to 300 EUR") {
		t.Fatalf("second benefit's range: %q", got)
	}
	p.ed.Edit(func(f *calc.Form) { f.Benefits = f.Benefits[1:] })
	d.Consume()
	html := app.HTMLString(p)
	if got := elementText(html, "f-ranges-benefits-0", "summary"); !strings.Contains(got, "50 to 300 EUR") {
		t.Errorf("after removing the first line, its range: %q", got)
	}
	if openTag(html, "f-ranges-benefits-1") != "" {
		t.Error("a range disclosure is left for a removed line")
	}
	var names []string
	for _, in := range p.State().U.Inputs {
		names = append(names, in.Name)
	}
	if !strings.Contains(strings.Join(names, " "), "benefits[0].amountPerMonth") {
		t.Errorf("uncertain inputs %v", names)
	}
}

// The tornado chart switches to reach: the radio buttons are there, and the reach view
// is worked out with the net value view.
func TestTornadoHasReachView(t *testing.T) {
	p, d := mount(t)
	d.Consume()
	st := p.State()
	v := st.altView("chart-tornado")
	if v == nil || v.Spec.ID != "chart-tornado" || !strings.Contains(v.Spec.Title, "reach") {
		t.Fatalf("reach view %+v", v)
	}
	html := app.HTMLString(p)
	for _, id := range []string{"chart-tornado-view-main", "chart-tornado-view-alt"} {
		if !strings.Contains(openTag(html, id), `type="radio"`) {
			t.Errorf("no radio button %s", id)
		}
	}
	if st.altView("chart-fit") != nil {
		t.Error("another chart has a reach view")
	}
}
