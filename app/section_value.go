package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/shopspring/decimal"

	"platformroi/calc"
)

// ValueSection edits the value of reach, the other benefits, the maturity curve and
// the recommendation's objective.
type ValueSection struct {
	app.Compo
	Ed        *Editor
	Currency  string
	Value     string
	Range     calc.FormRange // of the value per 1,000
	Benefits  []calc.FormBenefit
	Maturity  []calc.FormAnchor // nil: the default curve, shown as its points
	Objective calc.Objective
	Problems  map[string]string
	// Removed and RemovedPoint are the last benefit, and the last point or curve,
	// removed, for their notices and their undo.
	Removed, RemovedPoint RemovalNote
	open                  map[string]bool // the range disclosures opened or closed, by input name
}

// Render shows the fields.
func (s *ValueSection) Render() app.UI {
	cur := s.Currency
	if s.open == nil {
		s.open = map[string]bool{}
	}
	names := &calc.Form{Benefits: s.Benefits}
	benefits := []app.UI{}
	for i, b := range s.Benefits {
		i := i
		base := fmt.Sprintf("benefits[%d]", i)
		rampID := fieldID(base + ".ramped")
		benefits = append(benefits, app.Div().Class("benefit").Body(app.Div().Class("row").Body(
			fieldOf(s.Ed, base+".name", "Benefit", "", "benefit "+itoa(i+1), b.Name, "Consular enquiries answered online", s.Problems),
			fieldOf(s.Ed, base+".amountPerMonth", "Value", cur+" per month", "benefit "+itoa(i+1), b.AmountPerMonth, "", s.Problems),
			app.Div().Class("field check").Body(
				app.Input().Type("checkbox").ID(rampID).Checked(b.Ramped).Aria("label", "grows with maturity, benefit "+itoa(i+1)).OnChange(func(ctx app.Context, e app.Event) {
					on := ctx.JSSrc().Get("checked").Bool()
					s.Ed.Edit(func(f *calc.Form) {
						if i < len(f.Benefits) {
							f.Benefits[i].Ramped = on
						}
					})
				}, base),
				app.Label().For(rampID).Text("grows with maturity"),
			),
			app.Button().Type("button").Class("secondary").ID(removeBenefitID(i)).Text("Remove benefit "+itoa(i+1)).OnClick(func(ctx app.Context, e app.Event) {
				s.Ed.Remove(areaBenefits, func(f *calc.Form) *calc.Removed { return f.RemoveBenefit(i) }, removedBenefitText(s.Currency),
					func(r *calc.Removed) string { return fieldID(fmt.Sprintf("benefits[%d].name", r.Index)) })
			}, base, s.Currency),
		), rangeBox{Input: base + ".amountPerMonth", Label: names.FieldLabel(base+".amountPerMonth", nil), Unit: cur, EndUnit: cur + " per month",
			Typed: b.Range, Prefix: "Likely range of its value per month: "}.render(s.Ed, s.open, s.Problems)))
	}
	curve := s.Maturity
	if curve == nil {
		curve = calc.DefaultFormMaturity()
	}
	anchors := []app.UI{}
	for i, a := range curve {
		i := i
		base := fmt.Sprintf("maturity[%d]", i)
		anchors = append(anchors, app.Div().Class("row").Body(
			fieldOf(s.Ed, base+".month", "Month", "since start", "point "+itoa(i+1), a.Month, "", s.Problems),
			fieldOf(s.Ed, base+".factor", "Effect", "share of full effect, 0–1", "point "+itoa(i+1), a.Factor, "", s.Problems),
			app.Button().Type("button").Class("secondary").ID(removePointID(i)).Text("Remove point "+itoa(i+1)).OnClick(func(ctx app.Context, e app.Event) {
				s.Ed.Remove(areaMaturity, func(f *calc.Form) *calc.Removed { return f.RemovePoint(i) }, removedPointText,
					func(r *calc.Removed) string { return fieldID(fmt.Sprintf("maturity[%d].month", r.Index)) })
			}, base),
		))
	}
	curveNote := "Your own curve."
	if s.Maturity == nil {
		curveNote = "The default curve: a tenth of the effect at the start, 60% after a month, full effect after a year."
	}
	obj := s.Objective
	return section("value", "Value and time",
		field(s.Ed, "valuePer1000", "Value per 1,000 people reached", cur, s.Value, "0", s.Problems),
		rangeBox{Input: "valuePer1000", Label: "Value per 1,000 people reached", Unit: cur, EndUnit: cur, Typed: s.Range, Prefix: "Likely range: "}.
			render(s.Ed, s.open, s.Problems),
		app.P().Class("hint").Text("For example what the same reach would cost as advertising. Left empty, reach is worth 0. "+
			"A value you type counts as known unless you give its likely range too."),
		app.FieldSet().Body(app.Legend().Text("Other benefits"), app.Div().Body(benefits...),
			removalArea(s.Ed, s.Removed),
			app.Button().Type("button").ID("add-benefit").Text("Add a benefit").OnClick(func(ctx app.Context, e app.Event) {
				s.Ed.Reshape(func(f *calc.Form) {
					f.Benefits = append(f.Benefits, calc.FormBenefit{Name: fmt.Sprintf("Benefit %d", len(f.Benefits)+1), AmountPerMonth: "0", Ramped: true})
				})
			})),
		app.FieldSet().Body(app.Legend().Text("Maturity: how well a presence works, month by month"),
			app.P().Class("hint").Text("About a day to learn a tool, a month to use it reasonably well, a year before it is part of how the institution works. Linear between points. "+curveNote),
			app.Div().Body(anchors...),
			removalArea(s.Ed, s.RemovedPoint),
			problemAt(s.Problems, "maturity"),
			app.Button().Type("button").ID("add-point").Text("Add a point").OnClick(func(ctx app.Context, e app.Event) {
				s.Ed.Reshape(func(f *calc.Form) {
					if f.Maturity == nil {
						f.Maturity = calc.DefaultFormMaturity()
					}
					f.Maturity = append(f.Maturity, calc.FormAnchor{Month: nextMonth(f.Maturity), Factor: "1"})
				})
			}),
			app.If(s.Maturity != nil, app.Button().Type("button").Class("secondary").ID("default-curve").Text("Back to the default curve").
				OnClick(func(ctx app.Context, e app.Event) {
					s.Ed.Remove(areaMaturity, func(f *calc.Form) *calc.Removed { return f.DefaultCurve() }, removedCurveText,
						func(*calc.Removed) string { return "default-curve" })
				})),
		),
		app.Div().Class("field").Body(
			app.Label().For("f-objective").Text("Recommend for"),
			app.Select().ID("f-objective").DataSet("field", "objective").Body(
				app.Option().Value("reach").Selected(obj != calc.ObjectiveNet).Text("the most people reached"),
				app.Option().Value("net").Selected(obj == calc.ObjectiveNet).Text("the highest net value (value − cost)"),
			).OnChange(func(ctx app.Context, e app.Event) {
				v := calc.Objective(ctx.JSSrc().Get("value").String())
				s.Ed.Edit(func(f *calc.Form) { f.Objective = v })
			}),
			problemAt(s.Problems, "objective"),
		),
	)
}

func removeBenefitID(i int) string { return "remove-benefit-" + itoa(i) }

func removePointID(i int) string { return "remove-point-" + itoa(i) }

func nextMonth(as []calc.FormAnchor) string {
	last := decimal.Zero
	for _, a := range as {
		if v, err := decimal.NewFromString(a.Month); err == nil && v.GreaterThan(last) {
			last = v
		}
	}
	return last.Add(decimal.NewFromInt(12)).String()
}
