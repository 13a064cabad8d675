package calc

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// ResultsFormat identifies results documents.
const ResultsFormat = "platform-roi-results"

// Rounding for display and export, half away from zero.
const (
	MoneyPlaces = 2 // money
	SharePlaces = 4 // shares and ROI in files
)

// ResultsDocument is the results file: what the command line prints with --json and
// what the page exports. Money is a string with 2 decimals, shares and ROI strings with
// 4, hours plain decimal strings, people whole numbers; null means "n/a".
type ResultsDocument struct {
	Format         string             `json:"format"`
	Version        int                `json:"version"`
	Scenario       string             `json:"scenario"`
	Currency       string             `json:"currency"`
	HorizonMonths  int                `json:"horizonMonths"`
	Dataset        DocDataset         `json:"dataset"`
	Totals         DocTotals          `json:"totals"`
	Platforms      []DocPlatform      `json:"platforms"`
	Months         []DocMonth         `json:"months"`
	Recommendation *DocRecommendation `json:"recommendation"`
	Defaults       []string           `json:"defaults"`
	// Uncertainty is null when it was not computed.
	Uncertainty *DocUncertainty `json:"uncertainty"`
}

// DocDataset names the source of the demographic figures.
type DocDataset struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	Year    int    `json:"year"`
	Measure string `json:"measure"`
}

// DocTotals are the portfolio's figures over the horizon.
type DocTotals struct {
	Cost                string      `json:"cost"`
	StaffCost           string      `json:"staffCost"`
	CashCost            string      `json:"cashCost"`
	Value               string      `json:"value"`
	Net                 string      `json:"net"`
	ROI                 *string     `json:"roi"`
	HiddenCostShare     *string     `json:"hiddenCostShare"`
	Reach               json.Number `json:"reach"`
	AverageMonthlyReach json.Number `json:"averageMonthlyReach"`
	CostPer1000Reached  *string     `json:"costPer1000Reached"`
	BreakEvenMonth      *int        `json:"breakEvenMonth"`
	HoursPerWeek        string      `json:"hoursPerWeek"`
}

// DocPlatform is one platform's row.
type DocPlatform struct {
	ID                string      `json:"id"`
	Name              string      `json:"name"`
	Fit               string      `json:"fit"`
	PotentialAudience json.Number `json:"potentialAudience"`
	HoursPerWeek      string      `json:"hoursPerWeek"`
	Credible          bool        `json:"credible"`
	Cost              string      `json:"cost"`
	StaffCost         string      `json:"staffCost"`
	CashCost          string      `json:"cashCost"`
	Value             string      `json:"value"`
	ROI               *string     `json:"roi"`
	Reach             json.Number `json:"reach"`
	UserSet           []string    `json:"userSet"`
	Assumed           []string    `json:"assumed"`
}

// DocMonth is one month.
type DocMonth struct {
	Month         int         `json:"month"`
	Maturity      string      `json:"maturity"`
	Cost          string      `json:"cost"`
	Value         string      `json:"value"`
	CumulativeNet string      `json:"cumulativeNet"`
	UniqueReach   json.Number `json:"uniqueReach"`
}

// DocRecommendation is the recommendation. Proven says the plan is the optimum;
// when it is not, Bound is an upper bound of the objective of every plan (people
// whole, money with 2 decimals, as ObjectiveValue), null when proven.
type DocRecommendation struct {
	Objective      Objective     `json:"objective"`
	ObjectiveValue string        `json:"objectiveValue"`
	Proven         bool          `json:"proven"`
	Bound          *string       `json:"bound"`
	PoolHours      string        `json:"poolHours"`
	Plan           []DocPlanLine `json:"plan"`
	Marginal       []DocMarginal `json:"marginal"`
}

// DocPlanLine is a plan line.
type DocPlanLine struct {
	Platform     string `json:"platform"`
	Role         string `json:"role"`
	HoursPerWeek string `json:"hoursPerWeek"`
}

// DocMarginal is a recommended platform's contribution.
type DocMarginal struct {
	Platform string `json:"platform"`
	Loss     string `json:"loss"`
}

// DocUncertainty is what the current plan's result depends on.
type DocUncertainty struct {
	Inputs      []DocInput       `json:"inputs"`
	Sensitivity []DocSensitivity `json:"sensitivity"`
	Switching   DocSwitching     `json:"switching"`
	Simulation  DocSimulation    `json:"simulation"`
	Robustness  []DocRobustness  `json:"robustness"`
}

// DocInput is an uncertain input and its range: money with 2 decimals, reach rates
// with at least 4, hours as plain decimals.
type DocInput struct {
	Input string      `json:"input"`
	Low   string      `json:"low"`
	Base  string      `json:"base"`
	High  string      `json:"high"`
	From  RangeSource `json:"from"`
}

// DocSensitivity is the current plan's net value and reach with one input at each end.
type DocSensitivity struct {
	Input       string      `json:"input"`
	NetAtLow    string      `json:"netAtLow"`
	NetAtHigh   string      `json:"netAtHigh"`
	ReachAtLow  json.Number `json:"reachAtLow"`
	ReachAtHigh json.Number `json:"reachAtHigh"`
}

// DocSwitching are the break-even values: money, and a factor with 4 decimals.
type DocSwitching struct {
	ValuePer1000ForBreakEven   *string `json:"valuePer1000ForBreakEven"`
	ReachRateScaleForBreakEven *string `json:"reachRateScaleForBreakEven"`
}

// DocSimulation is the likely range of the result.
type DocSimulation struct {
	Draws               int             `json:"draws"`
	Seed                int64           `json:"seed"`
	Net                 DocSpread       `json:"net"`
	Cost                DocSpread       `json:"cost"`
	Value               DocSpread       `json:"value"`
	ROI                 DocSpread       `json:"roi"`
	AverageMonthlyReach DocPeopleSpread `json:"averageMonthlyReach"`
	CostPer1000Reached  DocSpread       `json:"costPer1000Reached"`
	ShareNetAtLeastZero string          `json:"shareNetAtLeastZero"`
}

// DocSpread is a figure's percentiles and mean over the draws (money with 2 decimals,
// ROI with 4); null when no draw has a value.
type DocSpread struct {
	P10  *string `json:"p10"`
	P50  *string `json:"p50"`
	P90  *string `json:"p90"`
	Mean *string `json:"mean"`
}

// DocPeopleSpread is a DocSpread of people, whole numbers.
type DocPeopleSpread struct {
	P10  json.Number `json:"p10"`
	P50  json.Number `json:"p50"`
	P90  json.Number `json:"p90"`
	Mean json.Number `json:"mean"`
}

// DocRobustness is the recommendation's set of platforms with one input at each end.
type DocRobustness struct {
	Input  string   `json:"input"`
	AtLow  []string `json:"atLow"`
	AtHigh []string `json:"atHigh"`
	Same   bool     `json:"same"`
}

// Money formats an amount with 2 decimals, rounded half away from zero.
func Money(d decimal.Decimal) string { return d.StringFixed(MoneyPlaces) }

// People formats a number of people as a whole number, rounded half away from zero.
func People(d decimal.Decimal) string { return d.StringFixed(0) }

// Share formats a share or ratio with 4 decimals.
func Share(d decimal.Decimal) string { return d.StringFixed(SharePlaces) }

func nullable(d decimal.NullDecimal, format func(decimal.Decimal) string) *string {
	if !d.Valid {
		return nil
	}
	s := format(d.Decimal)
	return &s
}

// shareAtLeast4 formats a share with at least 4 decimals, and more when it has them.
func shareAtLeast4(d decimal.Decimal) string {
	if places := -d.Exponent(); places > SharePlaces {
		return d.String()
	}
	return Share(d)
}

// InputText formats a value of the uncertain input in for files: money with 2
// decimals, a share with at least 4, hours as a plain decimal.
func InputText(in UncertainInput, d decimal.Decimal) string {
	switch in.Unit() {
	case "money":
		return Money(d)
	case "share":
		return shareAtLeast4(d)
	}
	return d.String()
}

// ObjectiveText formats an objective's value: people for reach, money for net.
func ObjectiveText(o Objective, d decimal.Decimal) string {
	if o == ObjectiveNet {
		return Money(d)
	}
	return People(d)
}

// Document builds the results document of r, with rec when it is not nil.
func Document(r *Result, rec *Recommendation) *ResultsDocument {
	t := &r.Totals
	doc := &ResultsDocument{Format: ResultsFormat, Version: 1, Scenario: r.Scenario, Currency: r.Currency,
		HorizonMonths: r.HorizonMonths, Defaults: append([]string{}, r.Defaults...),
		Dataset: DocDataset{ID: r.Dataset.ID, Title: r.Dataset.Title, Source: r.Dataset.Source, Year: r.Dataset.Year, Measure: r.Dataset.Measure},
		Totals: DocTotals{Cost: Money(t.Cost), StaffCost: Money(t.StaffCost), CashCost: Money(t.CashCost),
			Value: Money(t.Value), Net: Money(t.Net), ROI: nullable(t.ROI, Share),
			HiddenCostShare: nullable(t.HiddenCostShare, Share), Reach: json.Number(People(t.Reach)),
			AverageMonthlyReach: json.Number(People(t.AverageMonthlyReach)),
			CostPer1000Reached:  nullable(t.CostPer1000Reached, Money), HoursPerWeek: t.HoursPerWeek.String()},
		Platforms: []DocPlatform{}, Months: []DocMonth{}}
	if t.BreakEvenMonth > 0 {
		be := t.BreakEvenMonth
		doc.Totals.BreakEvenMonth = &be
	}
	for _, p := range r.Platforms {
		doc.Platforms = append(doc.Platforms, DocPlatform{ID: p.ID, Name: p.Name, Fit: Share(p.Fit),
			PotentialAudience: json.Number(People(p.PotentialAudience)), HoursPerWeek: p.HoursPerWeek.String(),
			Credible: p.Credible, Cost: Money(p.Cost), StaffCost: Money(p.StaffCost), CashCost: Money(p.CashCost),
			Value: Money(p.Value), ROI: nullable(p.ROI, Share), Reach: json.Number(People(p.Reach)),
			UserSet: append([]string{}, p.UserSet...), Assumed: append([]string{}, p.Assumed...)})
	}
	for _, mo := range r.Months {
		doc.Months = append(doc.Months, DocMonth{Month: mo.Month, Maturity: Share(mo.Maturity), Cost: Money(mo.Cost),
			Value: Money(mo.Value), CumulativeNet: Money(mo.CumulativeNet), UniqueReach: json.Number(People(mo.UniqueReach))})
	}
	if rec != nil {
		dr := &DocRecommendation{Objective: rec.Objective, ObjectiveValue: ObjectiveText(rec.Objective, rec.ObjectiveValue),
			Proven: rec.Proven, Bound: nullable(rec.Bound, func(d decimal.Decimal) string { return ObjectiveText(rec.Objective, d) }),
			PoolHours: rec.PoolHours.String(), Plan: []DocPlanLine{}, Marginal: []DocMarginal{}}
		for _, l := range rec.Plan {
			dr.Plan = append(dr.Plan, DocPlanLine{Platform: l.Platform, Role: l.Role, HoursPerWeek: l.HoursPerWeek.String()})
		}
		for _, mg := range rec.Marginal {
			dr.Marginal = append(dr.Marginal, DocMarginal{Platform: mg.Platform, Loss: ObjectiveText(rec.Objective, mg.Loss)})
		}
		doc.Recommendation = dr
	}
	return doc
}

// UncertaintyDocument is the uncertainty part of the results document.
func UncertaintyDocument(u *Uncertainty) *DocUncertainty {
	doc := &DocUncertainty{Inputs: []DocInput{}, Sensitivity: []DocSensitivity{}, Robustness: []DocRobustness{}}
	for _, in := range u.Inputs {
		doc.Inputs = append(doc.Inputs, DocInput{Input: in.Name, Low: InputText(in, in.Low), Base: InputText(in, in.Base),
			High: InputText(in, in.High), From: in.From})
	}
	for _, s := range u.Sensitivity {
		doc.Sensitivity = append(doc.Sensitivity, DocSensitivity{Input: s.Input, NetAtLow: Money(s.NetAtLow), NetAtHigh: Money(s.NetAtHigh),
			ReachAtLow: json.Number(People(s.ReachAtLow)), ReachAtHigh: json.Number(People(s.ReachAtHigh))})
	}
	doc.Switching = DocSwitching{ValuePer1000ForBreakEven: nullable(u.Switching.ValuePer1000ForBreakEven, Money),
		ReachRateScaleForBreakEven: nullable(u.Switching.ReachRateScaleForBreakEven, Share)}
	sim := &u.Simulation
	spread := func(s Spread, format func(decimal.Decimal) string) DocSpread {
		return DocSpread{P10: nullable(s.P10, format), P50: nullable(s.P50, format), P90: nullable(s.P90, format), Mean: nullable(s.Mean, format)}
	}
	people := func(d decimal.NullDecimal) json.Number { return json.Number(People(d.Decimal)) }
	r := sim.AverageMonthlyReach
	doc.Simulation = DocSimulation{Draws: sim.Draws, Seed: sim.Seed, Net: spread(sim.Net, Money), Cost: spread(sim.Cost, Money),
		Value: spread(sim.Value, Money), ROI: spread(sim.ROI, Share),
		AverageMonthlyReach: DocPeopleSpread{P10: people(r.P10), P50: people(r.P50), P90: people(r.P90), Mean: people(r.Mean)},
		CostPer1000Reached:  spread(sim.CostPer1000Reached, Money), ShareNetAtLeastZero: Share(sim.ShareNetAtLeastZero)}
	for _, rb := range u.Robustness {
		doc.Robustness = append(doc.Robustness, DocRobustness{Input: rb.Input, AtLow: append([]string{}, rb.AtLow...),
			AtHigh: append([]string{}, rb.AtHigh...), Same: rb.Same})
	}
	return doc
}

// MarshalResults writes the results document of r, with rec when it is not nil, and
// with u when it is given and not nil (the three of the same scenario), as indented
// JSON.
func MarshalResults(r *Result, rec *Recommendation, u ...*Uncertainty) ([]byte, error) {
	doc := Document(r, rec)
	if len(u) > 0 && u[0] != nil {
		doc.Uncertainty = UncertaintyDocument(u[0])
	}
	return marshalIndent(doc)
}
