package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/calc"
)

// StaffSection edits the roles: name, hours available and cost, given as a loaded
// hourly cost or as an annual salary with on-costs, overhead and productive hours.
// Switching the way keeps what was typed for the other way.
type StaffSection struct {
	app.Compo
	Ed       *Editor
	Staff    []calc.FormRole
	Currency string
	Rates    []string // per role: the loaded hourly cost, or "" while the form has problems
	Problems map[string]string
	// Removal is the last role removed, for its notice and its undo.
	Removal RemovalNote
	// DS names the plan's platforms in the notice of a role removed.
	DS *calc.Dataset
}

// roleRates are the roles' loaded hourly costs, as shown under each role.
func roleRates(st *State) []string {
	if st.Result == nil || st.Stale() {
		return nil
	}
	out := make([]string, len(st.Result.Roles))
	for i, r := range st.Result.Roles {
		out[i] = calc.MoneyText(r.Rate, st.Result.Currency) + " per hour, loaded"
	}
	return out
}

func removeRoleID(i int) string { return "remove-role-" + itoa(i) }

func roleLabel(name string, i int) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("Role %d", i+1)
	}
	return name
}

// Render shows one group of fields per role.
func (s *StaffSection) Render() app.UI {
	cur := s.Currency
	roles := []app.UI{}
	for i, r := range s.Staff {
		i := i
		base := fmt.Sprintf("staff[%d]", i)
		var cost []app.UI
		if r.BySalary {
			cost = []app.UI{
				field(s.Ed, base+".annualSalary", "Annual salary", cur+" per year", r.AnnualSalary, "", s.Problems),
				field(s.Ed, base+".onCost", "On-costs", "share of salary", r.OnCost, calc.DefaultOnCost.String(), s.Problems),
				field(s.Ed, base+".overhead", "Overhead", "share", r.Overhead, calc.DefaultOverhead.String(), s.Problems),
				field(s.Ed, base+".productiveHours", "Productive hours", "per year", r.ProductiveHours, calc.DefaultProductiveHours.String(), s.Problems),
			}
		} else {
			cost = []app.UI{field(s.Ed, base+".hourlyCost", "Loaded hourly cost", cur+" per hour", r.HourlyCost, "", s.Problems)}
		}
		rate := ""
		if i < len(s.Rates) {
			rate = s.Rates[i]
		}
		modeID := fieldID(base + ".mode")
		roles = append(roles, app.FieldSet().Class("role").Body(
			app.Legend().Text(roleLabel(r.Role, i)),
			app.Div().Class("row").Body(
				field(s.Ed, base+".role", "Role", "", r.Role, "Digital officer", s.Problems),
				field(s.Ed, base+".hoursPerWeek", "Available", "hours per week", r.HoursPerWeek, "", s.Problems),
			),
			app.Div().Class("field").Body(
				app.Label().For(modeID).Text("Cost given as"),
				app.Select().ID(modeID).Body(
					app.Option().Value("hourly").Selected(!r.BySalary).Text("a loaded hourly cost"),
					app.Option().Value("salary").Selected(r.BySalary).Text("an annual salary (+ on-costs, overhead)"),
				).OnChange(func(ctx app.Context, e app.Event) {
					by := ctx.JSSrc().Get("value").String() == "salary"
					s.Ed.Edit(func(f *calc.Form) {
						if i < len(f.Staff) {
							f.Staff[i].BySalary = by
						}
					})
				}, base),
			),
			app.Div().Class("row").Body(cost...),
			app.P().Class("derived").Text(rate),
			app.Button().Type("button").Class("secondary").ID(removeRoleID(i)).Text("Remove "+roleLabel(r.Role, i)).
				OnClick(func(ctx app.Context, e app.Event) {
					s.Ed.Remove(areaStaff, func(f *calc.Form) *calc.Removed { return f.RemoveRole(i) },
						removedRoleText(s.DS, s.Currency), func(r *calc.Removed) string { return fieldID(fmt.Sprintf("staff[%d].role", r.Index)) })
				}, base, s.DS, s.Currency),
		))
	}
	return section("staff", "Staff",
		app.P().Class("hint").Text("Who works on the online presence, what an hour of their time costs, and how many hours a week they have for it."),
		app.Div().Body(roles...),
		removalArea(s.Ed, s.Removal),
		app.Button().Type("button").ID("add-role").Text("Add a role").OnClick(func(ctx app.Context, e app.Event) {
			s.Ed.Reshape(func(f *calc.Form) {
				f.AddRole(calc.FormRole{Role: fmt.Sprintf("Role %d", len(f.Staff)+1), HourlyCost: "40", HoursPerWeek: "4"})
			})
		}),
	)
}
