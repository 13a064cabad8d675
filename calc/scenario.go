package calc

import "github.com/shopspring/decimal"

// FileFormat and FileVersion identify scenario files. A reader accepts every version up
// to FileVersion; a file from a newer version is refused with a message saying so.
const (
	FileFormat  = "platform-roi-scenario"
	FileVersion = 1
)

// Objective is what the recommendation maximises.
type Objective string

const (
	// ObjectiveReach maximises reach: monthly unique reach summed over the horizon (people).
	ObjectiveReach Objective = "reach"
	// ObjectiveNet maximises net value (value − cost, money) over the horizon.
	ObjectiveNet Objective = "net"
)

// Scenario is everything a user says about one option: audience, dataset, platform
// parameters, staff, plan, value and time. Optional fields left out of a file are nil
// or empty here and take their defaults when the scenario is resolved, so that writing
// a scenario back gives the file the user wrote.
type Scenario struct {
	Name          string
	Currency      string // ISO 4217 code
	HorizonMonths int    // 1–120
	Audience      Audience
	// Dataset names a known dataset; DatasetInline carries one instead. Exactly one is set.
	Dataset       string
	DatasetInline *Dataset
	// Platforms overrides the dataset's default parameters, by platform id.
	Platforms    map[string]PlatformOverride
	Staff        []Role
	Plan         []PlanLine
	ValuePer1000 *decimal.Decimal // money per 1,000 target people reached; nil means 0
	Benefits     []Benefit
	Maturity     []Anchor  // nil means DefaultMaturity
	Objective    Objective // "" means ObjectiveReach
	Candidates   []string  // platform ids; empty means every platform of the dataset
	// Ranges gives ranges to uncertain inputs; nil means none (the dataset's ranges and
	// the default relative ranges still apply to assumed parameters).
	Ranges *Ranges
	// Simulation sets the simulation's draws and seed; nil means the defaults.
	Simulation *SimulationSettings
}

// Range is the interval an uncertain input may fall in: Low ≤ the value in use ≤ High,
// in the input's own unit (money, a share, or hours).
type Range struct {
	Low, High decimal.Decimal
}

// ParamRanges holds ranges of a platform's parameters that can be uncertain; nil
// fields have none.
type ParamRanges struct {
	ReachRate  *Range // share per month
	MinHours   *Range // hours per week
	FullHours  *Range // hours per week
	SetupHours *Range // one-off hours
}

// RangeParams are the parameters that can be uncertain, as in files, in the order of
// the uncertain inputs' names.
var RangeParams = []string{"reachRate", "minHours", "fullHours", "setupHours"}

// Ranges are a scenario's ranges of uncertain inputs.
type Ranges struct {
	ValuePer1000 *Range                 // money per 1,000 people reached
	Platforms    map[string]ParamRanges // by platform id
	// Benefits holds, by the position of the benefit line, the range of its amount per
	// month; nil (or a list shorter than the benefits) means a line without a range.
	Benefits []*Range
}

// SimulationSettings are the simulation's settings; nil fields take the defaults
// (DefaultDraws, DefaultSeed).
type SimulationSettings struct {
	Draws *int   // MinDraws to MaxDraws
	Seed  *int64 // 0 to MaxSeed
}

// The simulation's settings: the number of draws and the seed of its random numbers.
const (
	DefaultDraws = 2000
	MinDraws     = 100
	MaxDraws     = 20000
	DefaultSeed  = 1
	MaxSeed      = 1<<53 - 1 // the largest whole number every JSON reader keeps exactly
)

// Audience is the target audience: its size in people and relative weights over the
// dataset's segments (a segment left out has weight 0).
type Audience struct {
	Size    decimal.Decimal // whole number of people, ≥ 0
	Weights map[string]decimal.Decimal
}

// PlatformOverride holds the parameters a scenario sets for one platform; nil fields
// keep the dataset's defaults.
type PlatformOverride struct {
	MinHours   *decimal.Decimal // hours per week
	FullHours  *decimal.Decimal // hours per week
	ReachRate  *decimal.Decimal // share per month, in [0, 1]
	SetupHours *decimal.Decimal // one-off hours, in month 1
	ToolCost   *decimal.Decimal // money per month
	AdCost     *decimal.Decimal // money per month
}

// Role is one kind of staff: a loaded hourly cost, given (HourlyCost) or derived from an
// annual salary, and the weekly hours available for online work.
type Role struct {
	Name            string
	HourlyCost      *decimal.Decimal // money per hour, fully loaded
	AnnualSalary    *decimal.Decimal // money per year, used when HourlyCost is nil
	OnCost          *decimal.Decimal // share of salary; nil means 0.30
	Overhead        *decimal.Decimal // share; nil means 0.12
	ProductiveHours *decimal.Decimal // hours per year; nil means 1720
	HoursPerWeek    decimal.Decimal
}

// Defaults for a role given by salary.
var (
	DefaultOnCost          = decimal.RequireFromString("0.30")
	DefaultOverhead        = decimal.RequireFromString("0.12")
	DefaultProductiveHours = decimal.NewFromInt(1720)
)

// PlanLine puts a role's weekly hours on a platform.
type PlanLine struct {
	Platform     string // platform id
	Role         string // role name
	HoursPerWeek decimal.Decimal
}

// Benefit is a value that does not come from reach, such as consular enquiries
// answered online. Ramped benefits grow with the maturity curve.
type Benefit struct {
	Name           string
	AmountPerMonth decimal.Decimal // money per month
	Ramped         bool
}

// Anchor is a point of the maturity curve: at Month (months since the start, ≥ 0) the
// presence works at Factor (in [0, 1]) of its full effect.
type Anchor struct {
	Month  decimal.Decimal
	Factor decimal.Decimal
}

// DefaultMaturity is the maturity curve when a scenario gives none: a tenth of the
// effect at the start, 60% after a month of practice, full effect after a year.
func DefaultMaturity() []Anchor {
	return []Anchor{
		{decimal.NewFromInt(0), decimal.RequireFromString("0.10")},
		{decimal.NewFromInt(1), decimal.RequireFromString("0.60")},
		{decimal.NewFromInt(12), decimal.RequireFromString("1.00")},
	}
}
