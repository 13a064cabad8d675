package app

import (
	"fmt"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// PlatformsSection shows the dataset's platforms, their use by segment and the fit
// for this audience, and edits the parameters of a presence and which platforms the
// recommendation may use.
type PlatformsSection struct {
	app.Compo
	Ed         *Editor
	DS         *calc.Dataset
	Params     map[string]map[string]string
	Candidates []string
	// Ranges are the ranges typed for platform parameters (calc.FormRanges.Platforms).
	Ranges   map[string]map[string]calc.FormRange
	Fits     map[string]string // platform id → fit, as shown
	Currency string
	Problems map[string]string
	open     map[string]bool // the range disclosures opened or closed, by input name
}

var paramLabels = map[string][2]string{
	"minHours":   {"Minimum", "h/week"},
	"fullHours":  {"Full effort", "h/week"},
	"reachRate":  {"Reach rate", "share per month"},
	"setupHours": {"Set-up", "hours, once"},
	"toolCost":   {"Tools", "per month"},
	"adCost":     {"Ads", "per month"},
}

func (p *Page) platformsSection(ds *calc.Dataset) app.UI {
	if ds == nil {
		return section("platforms", "Platforms", app.P().Text("Choose the platform demographics first."))
	}
	f := p.st.Form
	fits := map[string]string{}
	if r := p.st.Result; r != nil && r.Dataset == ds {
		for _, pr := range r.Platforms {
			fits[pr.ID] = calc.Percent(pr.Fit)
		}
	}
	return &PlatformsSection{Ed: p.ed, DS: ds, Params: f.Platforms, Candidates: f.Candidates, Ranges: f.Ranges.Platforms, Fits: fits,
		Currency: f.Currency, Problems: problemsUnder(p.st.Problems, "platforms", "candidates", "datasetInline", "ranges.platforms")}
}

// Render shows the platforms table.
func (s *PlatformsSection) Render() app.UI {
	ds := s.DS
	if s.open == nil {
		s.open = map[string]bool{}
	}
	head := []app.UI{app.Th().Scope("col").Text("Platform")}
	for _, seg := range ds.Segments {
		head = append(head, app.Th().Scope("col").Text(segLabel(seg)))
	}
	head = append(head, app.Th().Scope("col").Text("Fit for this audience"))
	for _, name := range calc.ParamNames {
		unit := paramLabels[name][1]
		if name == "toolCost" || name == "adCost" {
			unit = s.Currency + " " + unit
		}
		head = append(head, app.Th().Scope("col").Body(app.Text(paramLabels[name][0]), app.Br(), app.Small().Text(unit)))
	}
	head = append(head, app.Th().Scope("col").Text("Ministries using it (2016)"), app.Th().Scope("col").Text("Recommend?"))
	f := &calc.Form{Candidates: s.Candidates}
	rows := []app.UI{}
	notes := []app.UI{}
	for i := range ds.Platforms {
		pl := &ds.Platforms[i]
		cells := []app.UI{app.Th().Scope("row").Body(
			app.Text(pl.Name), app.Br(), app.Small().Text(pl.Kind),
			app.If(pl.IsAssumed("penetration"), app.Br(), app.Span().Class("badge").Text("assumed figures")),
		)}
		for _, seg := range ds.Segments {
			cells = append(cells, app.Td().Class("num").Text(calc.Percent(pl.Penetration[seg.ID])))
		}
		cells = append(cells, app.Td().Class("num").Text(s.Fits[pl.ID]))
		for _, name := range calc.ParamNames {
			v := s.Params[pl.ID][name]
			path := "platforms." + pl.ID + "." + name
			unit := paramLabels[name][1]
			if name == "toolCost" || name == "adCost" {
				unit = s.Currency + " " + unit
			}
			label := fmt.Sprintf("%s: %s (%s)", pl.Name, paramLabels[name][0], unit)
			var badge app.UI
			switch {
			case v != "":
				badge = app.Span().Class("badge user").Text("yours")
			case pl.IsAssumed(name):
				badge = app.Span().Class("badge").Text("assumption")
			}
			var rng app.UI
			if isRangeParam(name) {
				rng = platformRange(pl, name, v, s.Ranges[pl.ID][name]).render(s.Ed, s.open, s.Problems)
			}
			cells = append(cells, app.Td().Body(cell(s.Ed, path, label, v, paramDefault(pl, name), s.Problems, path), badge, rng))
		}
		cells = append(cells, app.Td().Class("num").Text(pl.Context["foreignMinistries2016"]))
		id := fieldID("candidate." + pl.ID)
		on := f.IsCandidate(pl.ID)
		cells = append(cells, app.Td().Body(
			app.Input().Type("checkbox").ID(id).Checked(on).Aria("label", "Consider "+pl.Name+" in the recommendation").
				OnChange(func(ctx app.Context, e app.Event) {
					on := ctx.JSSrc().Get("checked").Bool()
					// The form's dataset as it is now: an imported one replaced under the
					// same id keeps this handler, which must not list the old platforms.
					s.Ed.Edit(func(f *calc.Form) {
						if d := f.DatasetIn(s.Ed.p.cat); d != nil {
							f.SetCandidate(d, pl.ID, on)
						}
					})
				}, ds.ID, pl.ID),
		))
		rows = append(rows, app.Tr().Body(cells...))
		// The reasons for assumptions, readable by keyboard, touch and screen reader
		// (a title tooltip is none of these).
		for _, name := range append([]string{"penetration"}, calc.ParamNames...) {
			if note := pl.Notes[name]; note != "" && pl.IsAssumed(name) {
				notes = append(notes, app.Li().Text(fmt.Sprintf("%s, %s: %s", pl.Name, noteField(name), note)))
			}
		}
	}
	return section("platforms", "Platforms",
		app.P().Class("hint").Text("Penetration: "+lowerFirst(ds.Measure)+" Empty parameter fields use the default shown in grey; "+
			"defaults marked 'assumption' are not survey figures. Under each assumption, the range it may fall in: type a low and a high end to give your own "+
			"(a value you type yourself counts as known unless you give its range too); ranges apply to the platforms in the plan. "+
			"Ministries using it: DiploFoundation survey of ministries of foreign affairs, 2016."),
		app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Platforms table").Body(app.Table().Class("grid").Body(
			app.Caption().Text("Platforms, their use by segment, and the parameters of a presence"),
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		)),
		problemAt(s.Problems, "candidates"),
		app.Div().Body(s.platformRangeProblems()...),
		app.If(len(notes) > 0, app.Details().Class("notes").Body(
			app.Summary().Text("Why these defaults are assumptions"),
			app.Ul().Body(notes...),
		)),
	)
}

func noteField(name string) string {
	if name == "penetration" {
		return "use by segment"
	}
	return lowerFirst(paramLabels[name][0])
}

func paramDefault(pl *calc.Platform, name string) string {
	switch name {
	case "minHours":
		return pl.Params.MinHours.String()
	case "fullHours":
		return pl.Params.FullHours.String()
	case "reachRate":
		return pl.Params.ReachRate.String()
	case "setupHours":
		return pl.Params.SetupHours.String()
	case "toolCost":
		return pl.Params.ToolCost.String()
	}
	return pl.Params.AdCost.String()
}

func isRangeParam(name string) bool {
	for _, p := range calc.RangeParams {
		if p == name {
			return true
		}
	}
	return false
}

// platformRangeProblems shows the problems of ranges given for a whole platform (such
// as one the dataset does not have), which no range field shows.
func (s *PlatformsSection) platformRangeProblems() []app.UI {
	out := []app.UI{}
	for _, k := range sortedProblemKeys(s.Problems) {
		id, ok := strings.CutPrefix(k, "ranges.platforms.")
		if !ok || strings.HasSuffix(k, ".low") || strings.HasSuffix(k, ".high") || isParamRange(id) {
			continue
		}
		out = append(out, app.P().Class("error").Role("alert").DataSet("field", k).Text((&calc.Form{}).FieldLabel(k, s.DS)+": "+s.Problems[k]))
	}
	return out
}

// isParamRange reports whether rest ("facebook.reachRate") names a platform
// parameter's range.
func isParamRange(rest string) bool {
	i := strings.LastIndex(rest, ".")
	return i > 0 && isRangeParam(rest[i+1:])
}

func sortedProblemKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
