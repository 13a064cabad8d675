// Package app is the calculator's web page: go-app components that edit a scenario,
// show the engine's results and draw the charts. Every number comes from package calc;
// the page only presents it.
package app

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/app/report"
	"platformroi/calc"
)

// Page is the calculator: inputs on the left, results and charts on the right.
type Page struct {
	app.Compo
	ws    *Workspace
	st    *State // the scenario being edited: ws.Current()
	cat   *calc.Catalog
	store Store // nil when prerendering
}

// OnInit prepares the page before its first rendering: the default scenario when
// prerendering, the scenarios kept in the browser when running there (opened before
// anything is shown, so that no action can come before them).
func (p *Page) OnInit() {
	p.cat = calc.Embedded()
	if !app.IsClient {
		p.ws = NewWorkspace(p.cat)
		p.st = p.ws.Current()
		return
	}
	p.store = browserStore{}
	p.ws = LoadWorkspace(p.store, p.cat, time.Now().UTC().Format("20060102T150405Z"))
	if hash := locationHash(); strings.HasPrefix(hash, calc.SharePrefix) || strings.HasPrefix(hash, calc.LegacySharePrefix) {
		p.openShared(hash)
		clearLocationHash() // a reload must not add it again
	}
	p.st = p.ws.Current()
	if err := p.ws.Save(p.store, p.cat); err != nil {
		p.ws.Notice = "Your scenarios could not be kept in this browser: " + err.Error()
	}
}

// State returns the state of the scenario being edited (for tests).
func (p *Page) State() *State { return p.st }

// Workspace returns the page's scenarios (for tests).
func (p *Page) Workspace() *Workspace { return p.ws }

// changed follows a change of the workspace: it shows the current scenario and keeps
// the workspace in the browser.
func (p *Page) changed() {
	p.st = p.ws.Current()
	if p.store != nil {
		if err := p.ws.Save(p.store, p.cat); err != nil {
			p.ws.Notice = "Your scenarios could not be kept in this browser: " + err.Error()
		}
	}
	p.Update()
}

func (p *Page) edit(change func(d *Draft)) {
	p.st.Edit(p.cat, change)
	p.changed()
}

var nonID = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// fieldID turns a field key into an element id.
func fieldID(key string) string { return "f-" + strings.Trim(nonID.ReplaceAllString(key, "-"), "-") }

func (p *Page) Render() app.UI {
	if p.st == nil {
		p.OnInit()
	}
	st := p.st
	return app.Div().Class("page").Body(
		app.A().Class("skip").Href("#results").Text("Skip to the results"),
		app.Header().Class("masthead").Body(
			app.H1().Text("Where to be online, and what it really costs"),
			app.P().Class("lede").Text("A platform's sticker price is zero; the staff time it eats is the real investment. "+
				"Describe the audience, the platforms and the staff hours: the calculator recommends platforms and shows the return on that time."),
		),
		p.scenarioBar(),
		app.Main().Class("layout").Body(
			app.Div().Class("inputs").Body(
				p.scenarioSection(),
				p.audienceSection(),
				p.platformSection(),
				p.staffSection(),
				p.planSection(),
				p.valueSection(),
			),
			p.resultsSection(),
		),
		app.Footer().Class("footer").Body(
			app.P().Text("Demographics: "+st.sourceText()+". Platform parameters marked "),
			app.Span().Class("badge").Text("assumption"),
			app.Text(" are not survey figures: replace them with your own where you can. "),
			app.P().Text("Runs entirely in your browser: nothing you type leaves this page."),
		),
	)
}

func (s *State) sourceText() string {
	if s.Result == nil {
		return ""
	}
	ds := s.Result.Dataset
	return fmt.Sprintf("%s, %d (%s)", ds.Source, ds.Year, strings.TrimSuffix(ds.Measure, "."))
}

// field renders a labelled text input with its problem message.
func (p *Page) field(key, label, unit, value, placeholder string, set func(d *Draft, v string)) app.UI {
	id := fieldID(key)
	msg, bad := p.st.Problems[key]
	lbl := label
	if unit != "" {
		lbl += " (" + unit + ")"
	}
	in := app.Input().Type("text").ID(id).Value(value).DataSet("field", key).AutoComplete(false).
		Placeholder(placeholder).
		OnInput(func(ctx app.Context, e app.Event) {
			v := ctx.JSSrc().Get("value").String()
			p.edit(func(d *Draft) { set(d, v) })
		})
	if bad {
		in = in.Aria("invalid", "true").Aria("describedby", id+"-error")
	}
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(lbl),
		in,
		app.If(bad, app.P().Class("error").ID(id+"-error").Text(msg)),
	)
}

// cellInput is an input inside a table, labelled for screen readers by aria-label.
func (p *Page) cellInput(key, label, value, placeholder string, set func(d *Draft, v string)) app.UI {
	id := fieldID(key)
	msg, bad := p.st.Problems[key]
	in := app.Input().Type("text").ID(id).Value(value).DataSet("field", key).AutoComplete(false).
		Placeholder(placeholder).Aria("label", label).Class("cell").
		OnInput(func(ctx app.Context, e app.Event) {
			v := ctx.JSSrc().Get("value").String()
			p.edit(func(d *Draft) { set(d, v) })
		})
	if bad {
		in = in.Aria("invalid", "true").Aria("describedby", id+"-error")
	}
	return app.Div().Body(in, app.If(bad, app.P().Class("error").ID(id+"-error").Text(msg)))
}

func section(id, title string, body ...app.UI) app.UI {
	return app.Section().Class("card").Aria("labelledby", id+"-h").Body(
		append([]app.UI{app.H2().ID(id + "-h").Text(title)}, body...)...,
	)
}

func (p *Page) scenarioSection() app.UI {
	d := p.st.Draft
	currencies := []string{"EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "NOK", "SEK", "DKK", "PLN"}
	return section("scenario", "Scenario",
		p.field("name", "Scenario name", "", d.Name, "", func(d *Draft, v string) { d.Name = v }),
		app.Div().Class("row").Body(
			p.field("currency", "Currency", "ISO 4217 code", d.Currency, "EUR", func(d *Draft, v string) { d.Currency = strings.ToUpper(strings.TrimSpace(v)) }),
			p.field("horizonMonths", "Horizon", "months, 1–120", d.Horizon, "12", func(d *Draft, v string) { d.Horizon = v }),
		),
		app.P().Class("hint").Text("Common currencies: "+strings.Join(currencies, ", ")+"; every ISO 4217 code is accepted."),
	)
}

// presets are audience weight presets for a dataset.
func presets(ds *calc.Dataset) []struct {
	Name    string
	Weights map[string]string
} {
	type preset = struct {
		Name    string
		Weights map[string]string
	}
	general := map[string]string{}
	def := calc.DefaultScenario()
	for _, s := range ds.Segments {
		switch {
		case s.Population != nil:
			general[s.ID] = s.Population.String()
		case ds.ID == def.Dataset:
			general[s.ID] = def.Audience.Weights[s.ID].String()
		default:
			general[s.ID] = "1"
		}
	}
	out := []preset{{"General public", general}}
	n := len(ds.Segments)
	if n >= 2 {
		young, older := map[string]string{ds.Segments[0].ID: "1"}, map[string]string{}
		for _, s := range ds.Segments[n/2:] {
			older[s.ID] = "1"
		}
		out = append(out, preset{"Young adults (" + segLabel(ds.Segments[0]) + ")", young}, preset{"Older adults", older})
	}
	return out
}

func (p *Page) audienceSection() app.UI {
	d := p.st.Draft
	ds := p.cat.Get(d.Dataset)
	var dsInfo app.UI = app.P().Class("error").Text("Unknown dataset")
	segs := []app.UI{}
	presetButtons := []app.UI{}
	if ds != nil {
		dsInfo = app.Div().Class("dataset-info").Body(
			app.P().Body(app.Strong().Text(ds.Title), app.Text(fmt.Sprintf(" (%d)", ds.Year))),
			app.P().Body(app.Text("A figure is the "+lowerFirst(ds.Measure))),
			app.P().Class("source").Text("Source: "+ds.Source),
		)
		weights := d.Weights
		sum := decimal.Zero
		for _, w := range weights {
			if v, err := decimal.NewFromString(w); err == nil && v.IsPositive() {
				sum = sum.Add(v)
			}
		}
		for _, s := range ds.Segments {
			s := s
			share := ""
			if v, err := decimal.NewFromString(weights[s.ID]); err == nil && sum.IsPositive() {
				share = calc.Percent(v.DivRound(sum, 6)) + " of the audience"
			}
			segs = append(segs, app.Div().Class("segment").Body(
				p.field("audience.weights."+s.ID, "Weight of "+segLabel(s), "relative", weights[s.ID], "0",
					func(d *Draft, v string) { d.Weights[s.ID] = v }),
				app.Span().Class("share").Text(share),
			))
		}
		for _, pr := range presets(ds) {
			pr := pr
			presetButtons = append(presetButtons, app.Button().Type("button").Class("secondary").Text(pr.Name).
				OnClick(func(ctx app.Context, e app.Event) {
					p.edit(func(d *Draft) { d.Weights = cloneMap(pr.Weights) })
				}))
		}
	}
	options := []app.UI{}
	for _, x := range p.cat.Datasets() {
		options = append(options, app.Option().Value(x.ID).Selected(x.ID == d.Dataset).Text(fmt.Sprintf("%s (%d)", x.Title, x.Year)))
	}
	return section("audience", "Audience",
		app.Div().Class("field").Body(
			app.Label().For("f-dataset").Text("Platform demographics"),
			app.Select().ID("f-dataset").DataSet("field", "dataset").Body(options...).
				OnChange(func(ctx app.Context, e app.Event) {
					id := ctx.JSSrc().Get("value").String()
					p.edit(func(d *Draft) { switchDataset(d, p.cat.Get(id)) })
				}),
		),
		dsInfo,
		p.datasetImport(),
		p.field("audience.size", "Audience size", "people", d.Size, "", func(d *Draft, v string) { d.Size = strings.ReplaceAll(v, ",", "") }),
		app.FieldSet().Body(
			app.Legend().Text("Who is in the audience: weight per segment"),
			app.Div().Class("presets").Body(presetButtons...),
			app.Div().Class("segments").Body(segs...),
			p.problemAt("audience.weights"),
		),
	)
}

// problemAt shows a problem about a group of fields.
func (p *Page) problemAt(key string) app.UI {
	msg, bad := p.st.Problems[key]
	return app.If(bad, app.P().Class("error").Role("alert").DataSet("field", key).Text(msg))
}

func segLabel(s calc.Segment) string {
	if s.Label != "" {
		return s.Label
	}
	return s.ID
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// switchDataset moves the draft to another dataset, keeping what still applies.
func switchDataset(d *Draft, ds *calc.Dataset) {
	if ds == nil {
		return
	}
	d.Dataset = ds.ID
	d.Weights = presets(ds)[0].Weights
	for id := range d.Params {
		if ds.Platform(id) == nil {
			delete(d.Params, id)
		}
	}
	for id := range d.Hours {
		if ds.Platform(id) == nil {
			delete(d.Hours, id)
		}
	}
	for id := range d.Excluded {
		if ds.Platform(id) == nil {
			delete(d.Excluded, id)
		}
	}
}

var paramLabels = map[string][2]string{
	"minHours":   {"Minimum", "h/week"},
	"fullHours":  {"Full effort", "h/week"},
	"reachRate":  {"Reach rate", "share per month"},
	"setupHours": {"Set-up", "hours, once"},
	"toolCost":   {"Tools", "per month"},
	"adCost":     {"Ads", "per month"},
}

func (p *Page) platformSection() app.UI {
	d := p.st.Draft
	ds := p.cat.Get(d.Dataset)
	if ds == nil {
		return section("platforms", "Platforms")
	}
	cur := d.Currency
	head := []app.UI{app.Th().Scope("col").Text("Platform")}
	for _, s := range ds.Segments {
		head = append(head, app.Th().Scope("col").Text(segLabel(s)))
	}
	head = append(head, app.Th().Scope("col").Text("Fit for this audience"))
	for _, name := range calc.ParamNames {
		unit := paramLabels[name][1]
		if name == "toolCost" || name == "adCost" {
			unit = cur + " " + unit
		}
		head = append(head, app.Th().Scope("col").Body(app.Text(paramLabels[name][0]), app.Br(), app.Small().Text(unit)))
	}
	head = append(head, app.Th().Scope("col").Text("Ministries using it (2016)"), app.Th().Scope("col").Text("Recommend?"))

	fits := map[string]string{}
	if r := p.st.Result; r != nil && r.Dataset.ID == ds.ID {
		for _, pr := range r.Platforms {
			fits[pr.ID] = calc.Percent(pr.Fit)
		}
	}
	rows := []app.UI{}
	for i := range ds.Platforms {
		pl := &ds.Platforms[i]
		cells := []app.UI{app.Th().Scope("row").Body(
			app.Text(pl.Name), app.Br(), app.Small().Text(pl.Kind),
			app.If(pl.IsAssumed("penetration"), app.Br(), app.Span().Class("badge").Title(pl.Notes["penetration"]).Text("assumed figures")),
		)}
		for _, s := range ds.Segments {
			cells = append(cells, app.Td().Class("num").Text(calc.Percent(pl.Penetration[s.ID])))
		}
		cells = append(cells, app.Td().Class("num").Text(fits[pl.ID]))
		for _, name := range calc.ParamNames {
			name := name
			def := paramDefault(pl, name)
			v := d.Params[pl.ID][name]
			key := "platforms." + pl.ID + "." + name
			label := fmt.Sprintf("%s: %s (%s)", pl.Name, paramLabels[name][0], paramLabels[name][1])
			var badge app.UI
			if v == "" && pl.IsAssumed(name) {
				badge = app.Span().Class("badge").Title(pl.Notes[name]).Text("assumption")
			} else if v != "" {
				badge = app.Span().Class("badge user").Text("yours")
			}
			cells = append(cells, app.Td().Body(
				p.cellInput(key, label, v, def, func(d *Draft, v string) {
					if d.Params[pl.ID] == nil {
						d.Params[pl.ID] = map[string]string{}
					}
					d.Params[pl.ID][name] = strings.TrimSpace(v)
				}),
				badge,
			))
		}
		cells = append(cells, app.Td().Class("num").Title(pl.Context["foreignMinistries2016Source"]).Text(pl.Context["foreignMinistries2016"]))
		id := fieldID("candidate." + pl.ID)
		cells = append(cells, app.Td().Body(
			app.Input().Type("checkbox").ID(id).Checked(!d.Excluded[pl.ID]).Aria("label", "Consider "+pl.Name+" in the recommendation").
				OnChange(func(ctx app.Context, e app.Event) {
					on := ctx.JSSrc().Get("checked").Bool()
					p.edit(func(d *Draft) { d.Excluded[pl.ID] = !on })
				}),
		))
		rows = append(rows, app.Tr().Body(cells...))
	}
	return section("platforms", "Platforms",
		app.P().Class("hint").Text("Penetration: "+lowerFirst(ds.Measure)+" Empty parameter fields use the default shown in grey; "+
			"defaults marked 'assumption' are not survey figures. Ministries using it: DiploFoundation survey of ministries of foreign affairs, 2016."),
		app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Platforms table").Body(app.Table().Class("grid").Body(
			app.Caption().Text("Platforms, their use by segment, and the parameters of a presence"),
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		)),
		p.problemAt("candidates"),
	)
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

func (p *Page) staffSection() app.UI {
	d := p.st.Draft
	cur := d.Currency
	rates := map[int]string{}
	if r := p.st.Result; r != nil && !p.st.Stale() {
		for i, rr := range r.Roles {
			rates[i] = calc.MoneyText(rr.Rate, cur) + " per hour, loaded"
		}
	}
	roles := []app.UI{}
	for i := range d.Staff {
		i := i
		r := d.Staff[i]
		base := fmt.Sprintf("staff[%d]", i)
		costFields := []app.UI{}
		if r.BySalary {
			costFields = append(costFields,
				p.field(base+".annualSalary", "Annual salary", cur+" per year", r.AnnualSalary, "", func(d *Draft, v string) { d.Staff[i].AnnualSalary = v }),
				p.field(base+".onCost", "On-costs", "share of salary", r.OnCost, calc.DefaultOnCost.String(), func(d *Draft, v string) { d.Staff[i].OnCost = v }),
				p.field(base+".overhead", "Overhead", "share", r.Overhead, calc.DefaultOverhead.String(), func(d *Draft, v string) { d.Staff[i].Overhead = v }),
				p.field(base+".productiveHours", "Productive hours", "per year", r.ProductiveHours, calc.DefaultProductiveHours.String(), func(d *Draft, v string) { d.Staff[i].ProductiveHours = v }),
			)
		} else {
			costFields = append(costFields,
				p.field(base+".hourlyCost", "Loaded hourly cost", cur+" per hour", r.HourlyCost, "", func(d *Draft, v string) { d.Staff[i].HourlyCost = v }))
		}
		modeID := fieldID(base + ".mode")
		roles = append(roles, app.FieldSet().Class("role").Body(
			app.Legend().Text(fmt.Sprintf("Role %d", i+1)),
			app.Div().Class("row").Body(
				p.field(base+".role", "Role", "", r.Name, "Digital officer", func(d *Draft, v string) { d.Staff[i].Name = v }),
				p.field(base+".hoursPerWeek", "Available", "hours per week", r.HoursPerWeek, "", func(d *Draft, v string) { d.Staff[i].HoursPerWeek = v }),
			),
			app.Div().Class("field").Body(
				app.Label().For(modeID).Text("Cost given as"),
				app.Select().ID(modeID).Body(
					app.Option().Value("hourly").Selected(!r.BySalary).Text("a loaded hourly cost"),
					app.Option().Value("salary").Selected(r.BySalary).Text("an annual salary (+ on-costs, overhead)"),
				).OnChange(func(ctx app.Context, e app.Event) {
					by := ctx.JSSrc().Get("value").String() == "salary"
					p.edit(func(d *Draft) { d.Staff[i].BySalary = by })
				}),
			),
			app.Div().Class("row").Body(costFields...),
			app.P().Class("derived").Text(rates[i]),
			app.Button().Type("button").Class("secondary").Text("Remove "+roleLabel(r.Name, i)).
				OnClick(func(ctx app.Context, e app.Event) {
					p.edit(func(d *Draft) { removeRole(d, i) })
				}),
		))
	}
	return section("staff", "Staff",
		app.P().Class("hint").Text("Who works on the online presence, what an hour of their time costs, and how many hours a week they have for it."),
		app.Div().Body(roles...),
		app.Button().Type("button").Text("Add a role").OnClick(func(ctx app.Context, e app.Event) {
			p.edit(func(d *Draft) {
				d.Staff = append(d.Staff, RoleDraft{Name: fmt.Sprintf("Role %d", len(d.Staff)+1), HourlyCost: "40", HoursPerWeek: "4"})
			})
		}),
	)
}

func roleLabel(name string, i int) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("role %d", i+1)
	}
	return name
}

// removeRole deletes a role and its column of the plan.
func removeRole(d *Draft, i int) {
	d.Staff = append(d.Staff[:i:i], d.Staff[i+1:]...)
	for id, hs := range d.Hours {
		if i < len(hs) {
			d.Hours[id] = append(hs[:i:i], hs[i+1:]...)
		}
	}
}

func (p *Page) planSection() app.UI {
	d := p.st.Draft
	ds := p.cat.Get(d.Dataset)
	if ds == nil || len(d.Staff) == 0 {
		return section("plan", "Plan", app.P().Text("Add a role under Staff to plan hours."))
	}
	head := []app.UI{app.Th().Scope("col").Text("Platform")}
	for i, r := range d.Staff {
		head = append(head, app.Th().Scope("col").Text(roleLabel(r.Name, i)+" (h/week)"))
	}
	rows := []app.UI{}
	for _, pl := range ds.Platforms {
		pl := pl
		cells := []app.UI{app.Th().Scope("row").Text(pl.Name)}
		hs := d.Hours[pl.ID]
		for i, r := range d.Staff {
			i := i
			v := ""
			if i < len(hs) {
				v = hs[i]
			}
			cells = append(cells, app.Td().Body(p.cellInput(HoursKey(pl.ID, i),
				fmt.Sprintf("Hours per week of %s on %s", roleLabel(r.Name, i), pl.Name), v, "0",
				func(d *Draft, v string) { d.hoursOf(pl.ID)[i] = strings.TrimSpace(v) })))
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	return section("plan", "Plan",
		app.P().Class("hint").Text("Hours per week each role spends on each platform. A presence below its minimum hours costs money but reaches no one."),
		app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Plan table").Body(app.Table().Class("grid").Body(
			app.Caption().Text("Weekly hours per platform and role"),
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		)),
		app.Button().Type("button").ID("apply-recommendation").Text("Apply the recommendation").
			Disabled(p.st.Rec == nil || p.st.Stale()).
			OnClick(func(ctx app.Context, e app.Event) {
				p.st.ApplyRecommendation(p.cat)
				p.changed()
			}),
	)
}

func (p *Page) valueSection() app.UI {
	d := p.st.Draft
	cur := d.Currency
	benefits := []app.UI{}
	for i := range d.Benefits {
		i := i
		b := d.Benefits[i]
		base := fmt.Sprintf("benefits[%d]", i)
		rampID := fieldID(base + ".ramped")
		benefits = append(benefits, app.Div().Class("row benefit").Body(
			p.field(base+".name", "Benefit", "", b.Name, "Consular enquiries answered online", func(d *Draft, v string) { d.Benefits[i].Name = v }),
			p.field(base+".amountPerMonth", "Value", cur+" per month", b.AmountPerMonth, "", func(d *Draft, v string) { d.Benefits[i].AmountPerMonth = v }),
			app.Div().Class("field check").Body(
				app.Input().Type("checkbox").ID(rampID).Checked(b.Ramped).OnChange(func(ctx app.Context, e app.Event) {
					on := ctx.JSSrc().Get("checked").Bool()
					p.edit(func(d *Draft) { d.Benefits[i].Ramped = on })
				}),
				app.Label().For(rampID).Text("grows with maturity"),
			),
			app.Button().Type("button").Class("secondary").Text("Remove benefit "+fmt.Sprint(i+1)).OnClick(func(ctx app.Context, e app.Event) {
				p.edit(func(d *Draft) { d.Benefits = append(d.Benefits[:i:i], d.Benefits[i+1:]...) })
			}),
		))
	}
	anchors := []app.UI{}
	for i := range d.Maturity {
		i := i
		a := d.Maturity[i]
		base := fmt.Sprintf("maturity[%d]", i)
		anchors = append(anchors, app.Div().Class("row").Body(
			p.field(base+".month", "Month", "since start", a.Month, "", func(d *Draft, v string) { d.Maturity[i].Month = v }),
			p.field(base+".factor", "Effect", "share of full effect, 0–1", a.Factor, "", func(d *Draft, v string) { d.Maturity[i].Factor = v }),
			app.Button().Type("button").Class("secondary").Text("Remove point "+fmt.Sprint(i+1)).OnClick(func(ctx app.Context, e app.Event) {
				p.edit(func(d *Draft) { d.Maturity = append(d.Maturity[:i:i], d.Maturity[i+1:]...) })
			}),
		))
	}
	return section("value", "Value and time",
		p.field("valuePer1000", "Value per 1,000 people reached", cur, d.ValuePer1000, "0",
			func(d *Draft, v string) { d.ValuePer1000 = v }),
		app.P().Class("hint").Text("For example what the same reach would cost as advertising."),
		app.FieldSet().Body(app.Legend().Text("Other benefits"), app.Div().Body(benefits...),
			app.Button().Type("button").Text("Add a benefit").OnClick(func(ctx app.Context, e app.Event) {
				p.edit(func(d *Draft) {
					d.Benefits = append(d.Benefits, BenefitDraft{Name: fmt.Sprintf("Benefit %d", len(d.Benefits)+1), AmountPerMonth: "0", Ramped: true})
				})
			})),
		app.FieldSet().Body(app.Legend().Text("Maturity: how well a presence works, month by month"),
			app.P().Class("hint").Text("About a day to learn a tool, a month to use it reasonably well, a year before it is part of how the institution works. Linear between points."),
			app.Div().Body(anchors...),
			p.problemAt("maturity"),
			app.Button().Type("button").Text("Add a point").OnClick(func(ctx app.Context, e app.Event) {
				p.edit(func(d *Draft) {
					d.Maturity = append(d.Maturity, AnchorDraft{Month: nextMonth(d.Maturity), Factor: "1"})
				})
			})),
		app.Div().Class("field").Body(
			app.Label().For("f-objective").Text("Recommend for"),
			app.Select().ID("f-objective").DataSet("field", "objective").Body(
				app.Option().Value("reach").Selected(d.Objective != "net").Text("the most people reached"),
				app.Option().Value("net").Selected(d.Objective == "net").Text("the highest net value (value − cost)"),
			).OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				p.edit(func(d *Draft) { d.Objective = v })
			}),
		),
	)
}

func nextMonth(as []AnchorDraft) string {
	last := decimal.Zero
	for _, a := range as {
		if v, err := decimal.NewFromString(a.Month); err == nil && v.GreaterThan(last) {
			last = v
		}
	}
	return last.Add(decimal.NewFromInt(12)).String()
}

func (p *Page) resultsSection() app.UI {
	st := p.st
	r := st.Result
	if r == nil {
		return app.Section().ID("results").Class("results").Body(app.H2().Text("Results"), p.problemList())
	}
	cur := r.Currency
	t := r.Totals
	class := "results"
	if st.Stale() {
		class += " stale"
	}
	return app.Section().ID("results").Class(class).Aria("labelledby", "results-h").Body(
		app.H2().ID("results-h").Text("Results: "+r.Scenario),
		app.P().Class("print-only").Text(fmt.Sprintf("Briefing, %s. Amounts in %s over %d months. Prepared with the platform ROI calculator; figures computed from the scenario's inputs.", report.Today(), cur, r.HorizonMonths)),
		app.If(st.Stale(), app.Div().Class("stale-notice").Role("status").Body(
			app.Strong().Text("Out of date. "),
			app.Text(fmt.Sprintf("These results are for the last valid input. Fix the %d problem(s) marked in the form to update them.", st.ProblemCount())),
			p.problemList(),
		)),
		app.Div().Class("headline").Aria("live", "polite").Body(
			figure("total-cost", "Total cost over "+fmt.Sprint(r.HorizonMonths)+" months", calc.MoneyText(t.Cost, cur)),
			figure("staff-cost", "of which staff time", calc.MoneyText(t.StaffCost, cur)+" ("+calc.NullPercent(t.HiddenCostShare)+")"),
			figure("cash-cost", "Sticker price: tools and ads", calc.MoneyText(t.CashCost, cur)),
			figure("value", "Value", calc.MoneyText(t.Value, cur)),
			figure("roi", "Return on investment", calc.NullPercent(t.ROI)),
			figure("break-even", "Break-even", calc.BreakEvenText(r)),
			figure("cost-per-1000", "Cost per 1,000 people reached", calc.NullMoneyText(t.CostPer1000Reached, cur)),
			figure("reach", "Unique reach, average per month", calc.PeopleText(t.AverageMonthlyReach)+" people"),
		),
		app.P().Class("hint").Text(fmt.Sprintf("Unique reach counts a person once a month across platforms; summed over the %d months it is %s. ROI is (value − cost) / cost.",
			r.HorizonMonths, calc.PeopleText(t.Reach))),
		app.Div().Class("downloads no-print").Body(
			app.Button().Type("button").ID("print-briefing").Text("Print briefing (A4)").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
			app.Button().Type("button").Class("secondary").ID("results-json").Text("Results (JSON)").
				OnClick(func(ctx app.Context, e app.Event) { p.downloadResults("json") }),
			app.Button().Type("button").Class("secondary").ID("results-platforms-csv").Text("Per platform (CSV)").
				OnClick(func(ctx app.Context, e app.Event) { p.downloadResults("platforms") }),
			app.Button().Type("button").Class("secondary").ID("results-months-csv").Text("Per month (CSV)").
				OnClick(func(ctx app.Context, e app.Event) { p.downloadResults("months") }),
		),
		p.recommendationBox(),
		p.platformTable(),
		app.Div().Class("charts").Body(app.Range(st.Charts).Slice(func(i int) app.UI {
			return &Chart{Spec: st.Charts[i], FileName: r.Scenario}
		})),
		p.compareSection(),
		p.assumptions(),
	)
}

func (p *Page) problemList() app.UI {
	st := p.st
	keys := make([]string, 0, len(st.Problems))
	for k := range st.Problems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return app.Ul().Class("problems").Body(app.Range(keys).Slice(func(i int) app.UI {
		k := keys[i]
		if k == "" {
			return app.Li().Text(st.Problems[k])
		}
		return app.Li().Body(app.A().Href("#"+fieldID(k)).Text(p.fieldLabel(k)), app.Text(": "+st.Problems[k]))
	}))
}

func figure(id, label, value string) app.UI {
	return app.Div().Class("figure").ID("fig-"+id).Body(
		app.Span().Class("label").Text(label),
		app.Span().Class("value").Text(value),
	)
}

func (p *Page) recommendationBox() app.UI {
	st := p.st
	rec, r := st.Rec, st.Result
	if rec == nil {
		return nil
	}
	cur := r.Currency
	names := map[string]string{}
	for _, pl := range r.Platforms {
		names[pl.ID] = pl.Name
	}
	objective := "the most people reached"
	value := calc.PeopleText(rec.ObjectiveValue) + " people (monthly unique reach summed over the horizon)"
	loss := func(d decimal.Decimal) string { return calc.PeopleText(d) + " people" }
	if rec.Objective == calc.ObjectiveNet {
		objective = "the highest net value"
		value = calc.MoneyText(rec.ObjectiveValue, cur) + " net"
		loss = func(d decimal.Decimal) string { return calc.MoneyText(d, cur) }
	}
	rt := rec.Result.Totals
	items := []app.UI{}
	for _, l := range rec.Plan {
		items = append(items, app.Li().Text(fmt.Sprintf("%s: %s by %s", names[l.Platform], calc.HoursText(l.HoursPerWeek), l.Role)))
	}
	why := []app.UI{}
	for _, m := range rec.Marginal {
		why = append(why, app.Li().Text(fmt.Sprintf("Without %s the plan would lose %s.", names[m.Platform], loss(m.Loss))))
	}
	return app.Div().Class("recommendation").ID("recommendation").Body(
		app.H3().Text("Recommendation"),
		app.P().Text(fmt.Sprintf("For %s with %s of staff time: %s.", objective, calc.HoursText(rec.PoolHours), value)),
		app.If(len(items) == 0, app.P().Text("No platform: with these hours and values, no presence improves the objective.")),
		app.Ul().ID("recommended-plan").Body(items...),
		app.If(len(why) > 0, app.P().Text("Why these platforms:"), app.Ul().Body(why...)),
		app.P().Text(fmt.Sprintf("The recommended plan costs %s over %d months (ROI %s, break-even %s).",
			calc.MoneyText(rt.Cost, cur), r.HorizonMonths, calc.NullPercent(rt.ROI), calc.BreakEvenText(rec.Result))),
	)
}

func (p *Page) platformTable() app.UI {
	r := p.st.Result
	cur := r.Currency
	rows := []app.UI{}
	for _, pl := range r.Platforms {
		if !pl.InPlan {
			continue
		}
		status := "credible"
		if !pl.Credible {
			status = "below minimum hours: reaches no one"
		}
		rows = append(rows, app.Tr().DataSet("platform", pl.ID).Body(
			app.Th().Scope("row").Text(pl.Name),
			app.Td().Class("num").Text(calc.HoursText(pl.HoursPerWeek)),
			app.Td().Text(status),
			app.Td().Class("num").Text(calc.MoneyText(pl.Cost, cur)),
			app.Td().Class("num").Text(calc.MoneyText(pl.StaffCost, cur)),
			app.Td().Class("num").Text(calc.MoneyText(pl.CashCost, cur)),
			app.Td().Class("num").Text(calc.MoneyText(pl.Value, cur)),
			app.Td().Class("num").Text(calc.NullPercent(pl.ROI)),
			app.Td().Class("num").Text(calc.PeopleText(pl.Reach)),
		))
	}
	return app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", "Results per platform").Body(app.Table().Class("grid").ID("platform-results").Body(
		app.Caption().Text(fmt.Sprintf("Per platform over %d months (amounts in %s; a platform's value counts its own reach only)", r.HorizonMonths, cur)),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text("Platform"), app.Th().Scope("col").Text("Hours"), app.Th().Scope("col").Text("Presence"),
			app.Th().Scope("col").Text("Cost"), app.Th().Scope("col").Text("Staff time"), app.Th().Scope("col").Text("Tools and ads"),
			app.Th().Scope("col").Text("Value"), app.Th().Scope("col").Text("ROI"), app.Th().Scope("col").Text("Reach (people, summed over months)"),
		)),
		app.TBody().Body(rows...),
	))
}

func (p *Page) assumptions() app.UI {
	r := p.st.Result
	items := []app.UI{}
	for _, pl := range r.Platforms {
		if pl.InPlan && len(pl.Assumed) > 0 {
			items = append(items, app.Li().Text(pl.Name+": "+strings.Join(pl.Assumed, ", ")))
		}
	}
	for _, f := range r.Defaults {
		items = append(items, app.Li().Text(f+" (default)"))
	}
	return app.Div().Class("assumptions").Body(
		app.H3().Text("Assumptions still at their defaults"),
		app.Ul().Body(items...),
		app.P().Class("source").Text("Source of the demographic figures: "+p.st.sourceText()),
	)
}

// downloadResults offers the results as a file: the results document (JSON, the
// command line's --json), or the per-platform or per-month CSV.
func (p *Page) downloadResults(kind string) {
	r, rec := p.st.Result, p.st.Rec
	if r == nil {
		return
	}
	name := fileName(r.Scenario)
	switch kind {
	case "json":
		data, err := calc.MarshalResults(r, rec)
		if err != nil {
			p.ws.Notice = "The results could not be exported: " + err.Error()
			p.Update()
			return
		}
		download(name+" - results.json", "application/json", string(data))
	case "platforms":
		download(name+" - per platform.csv", "text/csv", string(calc.PlatformsCSV(r)))
	case "months":
		download(name+" - per month.csv", "text/csv", string(calc.MonthsCSV(r)))
	}
}

// fieldLabel names a field for people: plan cells and platform parameters by their
// platform and role; other fields by their path in the scenario file.
func (p *Page) fieldLabel(key string) string {
	ds := p.cat.Get(p.st.Draft.Dataset)
	name := func(id string) string {
		if ds != nil {
			if pl := ds.Platform(id); pl != nil {
				return pl.Name
			}
		}
		return id
	}
	parts := strings.Split(key, ".")
	switch {
	case len(parts) == 3 && parts[0] == "hours":
		role := parts[2]
		var i int
		if _, err := fmt.Sscan(parts[2], &i); err == nil && i < len(p.st.Draft.Staff) {
			role = roleLabel(p.st.Draft.Staff[i].Name, i)
		}
		return fmt.Sprintf("Plan, %s, hours of %s", name(parts[1]), role)
	case len(parts) == 3 && parts[0] == "platforms":
		if l, ok := paramLabels[parts[2]]; ok {
			return fmt.Sprintf("%s, %s (%s)", name(parts[1]), l[0], l[1])
		}
	}
	return key
}
