package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ScenarioSection edits the scenario's name, currency and horizon.
type ScenarioSection struct {
	app.Compo
	Ed                      *Editor
	Name, Currency, Horizon string
	Problems                map[string]string
	// SameName is another kept scenario's name when it is this one's too ("" if none).
	SameName string
}

var commonCurrencies = []string{"EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "NOK", "SEK", "DKK", "PLN"}

// Render shows the fields.
func (s *ScenarioSection) Render() app.UI {
	return section("scenario", "Scenario",
		field(s.Ed, "name", "Scenario name", "", s.Name, "", s.Problems),
		// A stable container: go-app patches by position.
		app.Div().Body(app.If(s.SameName != "", app.P().Class("hint warning").ID("f-name-same").Role("status").Text(
			"Another scenario kept in this browser is also called \""+s.SameName+"\": the comparison, the briefing and the exported files will not tell them apart. Give this one a name of its own."))),
		app.Div().Class("row").Body(
			field(s.Ed, "currency", "Currency", "ISO 4217 code", s.Currency, "EUR", s.Problems),
			field(s.Ed, "horizonMonths", "Horizon", "months, 1–120", s.Horizon, "12", s.Problems),
		),
		app.P().Class("hint").Text("Common currencies: "+strings.Join(commonCurrencies, ", ")+"; every ISO 4217 code is accepted."),
	)
}
