package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// DatasetFormat identifies dataset files.
const DatasetFormat = "platform-roi-dataset"

// Dataset is a table of platform demographics: for each platform and audience segment,
// the share of the segment that uses the platform, with the source, year and what a
// figure measures, and each platform's default parameters.
type Dataset struct {
	ID      string
	Title   string
	Source  string
	Year    int
	URL     string
	Measure string // what a penetration figure means
	// Provenance says where and whom the figures describe, how they were collected,
	// and where they were read; nil for a dataset whose file does not say (files
	// written before provenance was recorded).
	Provenance *Provenance
	Segments   []Segment
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
	// Citation, when not nil, says where this platform's figures were read, in place
	// of the dataset's Provenance.Citation.
	Citation *Citation
	// SegmentCitations says, by segment id, where one figure of this platform was
	// read, in place of the platform's Citation and the dataset's.
	SegmentCitations map[string]Citation
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

// AssumedRange is the range the engine gives parameter param (a RangeParams name) of
// p when a scenario leaves it at this default and gives no range of its own: for a
// parameter p lists as assumed, p's own range for it (FromDataset) or else the default
// relative range around the default (FromDefault). ok is false for a sourced figure,
// which is known, and for a parameter that cannot be uncertain.
func (p *Platform) AssumedRange(param string) (r Range, from RangeSource, ok bool) {
	if !contains(RangeParams, param) || !p.IsAssumed(param) {
		return Range{}, "", false
	}
	if own := *p.Ranges.field(param); own != nil {
		return *own, FromDataset, true
	}
	return DefaultRange(param, *p.Params.field(param)), FromDefault, true
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

// Provenance says what a dataset's figures describe and where they come from: the
// country or region, the kind of measure, the population a share is of, how and when
// the figures were collected, the terms of reuse, and where they were read. Fields a
// source does not give are left empty (Sample 0); Missing lists those that complete
// provenance needs.
type Provenance struct {
	// Area is where the figures were measured: an ISO 3166-1 alpha-2 country code in
	// capitals ("KE"), an ISO 3166-2 subdivision code ("CA-QC"), or a region id in
	// lower case ("global" for all markets of a multi-country survey, "arab-states").
	Area string
	// AreaName names the area in English ("Kenya", "Québec, Canada").
	AreaName string
	// MeasureKind is the kind of measure a figure is; figures of different kinds are
	// never mixed in one dataset.
	MeasureKind MeasureKind
	// Base is the population a share is of: BaseAdults, BaseInternetUsers,
	// BaseOnlineNewsUsers, or an age range of the whole population ("13-69", "15+").
	Base string
	// Ages narrows Base to an age range when the source does ("18-50" for online news
	// users aged 18 to 50); empty when Base says it all.
	Ages string
	// Method says how the figures were collected (survey mode, panel, weighting), and
	// what the source as read leaves unsaid.
	Method string
	// Sample is the number of respondents; 0 when the source as read does not give it.
	Sample int
	// Fieldwork is when the figures were collected, as an ISO 8601 date of a year,
	// month or day ("2023", "2023-05", "2023-05-19") or an interval of two such dates
	// ("2023-05-19/2023-09-05"); empty when the source as read does not say.
	Fieldwork string
	// Licence gives the terms on which the figures may be reused, or says that they
	// were not read.
	Licence string
	// Citation says where the dataset's figures were read (a platform or a single
	// figure may say otherwise).
	Citation
}

// Citation says where figures were read, and whether first-hand (on the publisher's
// own page, or in a verbatim copy of its own document) or second-hand (quoted by a
// third party: press, blog, aggregator).
type Citation struct {
	ReadAt   string // the address where the figures were read, or the document and page
	Hand     Hand   // HandFirst or HandSecond
	Original string // for second-hand figures: the publication to check them against
}

// Hand says whether figures were read first- or second-hand.
type Hand string

// The values of Hand.
const (
	HandFirst  Hand = "first-hand"  // on the publisher's own page or document
	HandSecond Hand = "second-hand" // quoted by a third party; check against the original
)

// MeasureKind is the kind of measure a penetration figure is.
type MeasureKind string

// The kinds of measure. Their text is what files carry.
const (
	MeasureEver          MeasureKind = "ever"           // say they use the platform, at all or with no period given
	MeasureMonthly       MeasureKind = "monthly"        // used it in the last month
	MeasureWeekly        MeasureKind = "weekly"         // use it at least weekly
	MeasureDaily         MeasureKind = "daily"          // use it daily
	MeasureWeeklyNews    MeasureKind = "weekly-news"    // used it for news in the last week
	MeasureMostImportant MeasureKind = "most-important" // name it their most important channel (one per person)
	MeasureMeasuredReach MeasureKind = "measured-reach" // reach recorded by a passive meter, not by asking
)

// MeasureKinds are the kinds of measure, in the order of the list above.
var MeasureKinds = []MeasureKind{MeasureEver, MeasureMonthly, MeasureWeekly, MeasureDaily,
	MeasureWeeklyNews, MeasureMostImportant, MeasureMeasuredReach}

// Description says in words what a figure of kind k is, such as "share who used the
// platform for news in the last week"; empty for an unknown kind.
func (k MeasureKind) Description() string {
	switch k {
	case MeasureEver:
		return "share who say they use the platform (ever, or with no period given)"
	case MeasureMonthly:
		return "share who used the platform in the last month"
	case MeasureWeekly:
		return "share who use the platform at least weekly"
	case MeasureDaily:
		return "share who use the platform daily"
	case MeasureWeeklyNews:
		return "share who used the platform for news in the last week"
	case MeasureMostImportant:
		return "share who name the platform as their most important channel"
	case MeasureMeasuredReach:
		return "share reached, as recorded by a passive meter"
	}
	return ""
}

// The named population bases; any other base is an age range of the population.
const (
	BaseAdults          = "adults"            // adults, as the source defines them (usually 18+)
	BaseInternetUsers   = "internet-users"    // people who use the internet
	BaseOnlineNewsUsers = "online-news-users" // online panels of people who use news online
)

// BaseDescription says in words whom a base covers, with the ages that narrow it:
// "online news users aged 18-50", "people aged 13-69".
func BaseDescription(base, ages string) string {
	var s string
	switch base {
	case BaseAdults:
		s = "adults"
	case BaseInternetUsers:
		s = "internet users"
	case BaseOnlineNewsUsers:
		s = "online news users"
	case "":
		return ""
	default:
		return "people aged " + base
	}
	if ages != "" {
		s += " aged " + ages
	}
	return s
}

// Missing lists, by their names in files, the fields that complete provenance needs
// and p leaves empty: area, areaName, measureKind, base, method, licence, readAt,
// hand, and original for second-hand figures. Sample and fieldwork are given when
// the source gives them, and are not listed.
func (p *Provenance) Missing() []string {
	var out []string
	for _, f := range []struct {
		name  string
		empty bool
	}{
		{"area", p.Area == ""}, {"areaName", p.AreaName == ""}, {"measureKind", p.MeasureKind == ""},
		{"base", p.Base == ""}, {"method", p.Method == ""}, {"licence", p.Licence == ""},
		{"readAt", p.ReadAt == ""}, {"hand", p.Hand == ""},
		{"original", p.Hand == HandSecond && p.Original == ""},
	} {
		if f.empty {
			out = append(out, f.name)
		}
	}
	return out
}

// CitationOf says where the figure of the platform with id platform for segment was
// read: the figure's own citation, else the platform's, else the dataset's (the zero
// Citation when the dataset has no provenance).
func (d *Dataset) CitationOf(platform, segment string) Citation {
	if p := d.Platform(platform); p != nil {
		if c, ok := p.SegmentCitations[segment]; ok {
			return c
		}
		if p.Citation != nil {
			return *p.Citation
		}
	}
	if d.Provenance != nil {
		return d.Provenance.Citation
	}
	return Citation{}
}

// CitedSource is the dataset's source as shown with its figures: Source, and, for
// figures read second-hand whose Source does not say so (an imported file's, say),
// where they were read and the original to check them against.
func (d *Dataset) CitedSource() string {
	pr := d.Provenance
	if pr == nil || pr.Hand != HandSecond || strings.Contains(strings.ToLower(d.Source), "second-hand") {
		return d.Source
	}
	s := strings.TrimSpace(d.Source)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s + " Read second-hand (" + pr.ReadAt + "); check against the original, " + pr.Original + "."
}

// SourceWithYear is the cited source followed by the year of the figures, so that it
// reads as a phrase or as sentences: "The Daily, 3 May (2024)", or, for a source that
// ends with a full stop, "… their figures are assumptions. Figures of 2023." (not
// "assumptions. (2023)").
func (d *Dataset) SourceWithYear() string {
	s := strings.TrimSpace(d.CitedSource())
	switch {
	case d.Year == 0:
		return s
	case s == "":
		return "Figures of " + strconv.Itoa(d.Year) + "."
	case endsSentence(s):
		return s + " Figures of " + strconv.Itoa(d.Year) + "."
	}
	return s + " (" + strconv.Itoa(d.Year) + ")"
}

// SourceText is the source of the figures, their year and what a figure measures, as
// sentences, each with its full stop: "… are assumptions. Figures of 2023. Share of US
// adults in each age band who say they ever use the platform."
func (d *Dataset) SourceText() string {
	return Sentence(d.SourceWithYear()) + " " + Sentence(d.Measure)
}

// Sentence is s with a full stop at its end, unless it already ends a sentence; ""
// stays "".
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || endsSentence(s) {
		return s
	}
	return s + "."
}

func endsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}
