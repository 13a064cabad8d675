package calc

import "github.com/shopspring/decimal"

// DatasetFormat identifies dataset files.
const DatasetFormat = "platform-roi-dataset"

// Dataset is a table of platform demographics: for each platform and audience segment,
// the share of the segment that uses the platform, with the source, year and what a
// figure measures, and each platform's default parameters.
type Dataset struct {
	ID       string
	Title    string
	Source   string
	Year     int
	URL      string
	Measure  string // what a penetration figure means
	Segments []Segment
	// Platforms in dataset order, the order that breaks ties in the recommendation.
	Platforms []Platform
}

// Segment is one disjoint group of the population, such as an age band.
type Segment struct {
	ID         string
	Label      string
	Population *decimal.Decimal // people, optional
}

// Platform is one place to be present online, with its penetration per segment and the
// default parameters of a presence there.
type Platform struct {
	ID          string
	Name        string
	Kind        string
	Penetration map[string]decimal.Decimal // share of a segment using the platform; missing is 0
	Params      Params
	// Assumed names the fields that are assumptions rather than sourced figures
	// ("penetration" for the figures themselves, or a parameter name).
	Assumed []string
	// Notes gives a one-line reason per field name.
	Notes map[string]string
	// Context holds free-form facts, such as how many foreign ministries used the
	// platform in a survey, with that survey's source.
	Context map[string]string
	// Ranges gives ranges to default parameters that are assumptions (named in
	// Assumed); an assumed parameter without one takes the default relative range.
	Ranges ParamRanges
}

// Params are the parameters of a presence on one platform.
type Params struct {
	MinHours   decimal.Decimal // weekly hours below which a presence is not credible
	FullHours  decimal.Decimal // weekly hours beyond which more effort adds nothing
	ReachRate  decimal.Decimal // share of the platform's target users reached in a month at full effort and maturity
	SetupHours decimal.Decimal // one-off hours in month 1
	ToolCost   decimal.Decimal // money per month
	AdCost     decimal.Decimal // money per month
}

// ParamNames are the parameter field names, as in files, in display order.
var ParamNames = []string{"minHours", "fullHours", "reachRate", "setupHours", "toolCost", "adCost"}

// IsAssumed reports whether field of p (a parameter name or "penetration") is an
// assumption rather than a sourced figure.
func (p *Platform) IsAssumed(field string) bool {
	for _, a := range p.Assumed {
		if a == field {
			return true
		}
	}
	return false
}

// Platform returns the platform with the given id, or nil.
func (d *Dataset) Platform(id string) *Platform {
	for i := range d.Platforms {
		if d.Platforms[i].ID == id {
			return &d.Platforms[i]
		}
	}
	return nil
}

// Segment returns the segment with the given id, or nil.
func (d *Dataset) Segment(id string) *Segment {
	for i := range d.Segments {
		if d.Segments[i].ID == id {
			return &d.Segments[i]
		}
	}
	return nil
}

func (p *Params) field(name string) *decimal.Decimal {
	switch name {
	case "minHours":
		return &p.MinHours
	case "fullHours":
		return &p.FullHours
	case "reachRate":
		return &p.ReachRate
	case "setupHours":
		return &p.SetupHours
	case "toolCost":
		return &p.ToolCost
	case "adCost":
		return &p.AdCost
	}
	return nil
}

func (r *ParamRanges) field(name string) **Range {
	switch name {
	case "minHours":
		return &r.MinHours
	case "fullHours":
		return &r.FullHours
	case "reachRate":
		return &r.ReachRate
	case "setupHours":
		return &r.SetupHours
	}
	return nil
}

// IsZero reports whether r has no range.
func (r ParamRanges) IsZero() bool {
	return r.ReachRate == nil && r.MinHours == nil && r.FullHours == nil && r.SetupHours == nil
}

func (o *PlatformOverride) field(name string) **decimal.Decimal {
	switch name {
	case "minHours":
		return &o.MinHours
	case "fullHours":
		return &o.FullHours
	case "reachRate":
		return &o.ReachRate
	case "setupHours":
		return &o.SetupHours
	case "toolCost":
		return &o.ToolCost
	case "adCost":
		return &o.AdCost
	}
	return nil
}
