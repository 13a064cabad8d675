package calc

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Limits on input values. They are far beyond any real use and keep arithmetic small.
var (
	maxPeople   = decimal.NewFromInt(10_000_000_000) // more than the world's population
	maxMoney    = decimal.NewFromInt(1_000_000_000_000)
	maxWeekHour = decimal.NewFromInt(168)
	maxSetup    = decimal.NewFromInt(10_000)
	maxWeight   = decimal.NewFromInt(1_000_000_000_000)
	maxLoading  = decimal.NewFromInt(10)
	maxYearHour = decimal.NewFromInt(8784)
	maxMonth    = decimal.NewFromInt(1200)
	one         = decimal.NewFromInt(1)
)

// maxPlaces is the most decimal places an input number may have.
const maxPlaces = 12

// maxText is the most characters a name or label may have; maxLongText, a source,
// measure, note or context line.
const (
	maxText     = 200
	maxLongText = 2000
)

// MaxHorizonMonths is the longest horizon the model accepts.
const MaxHorizonMonths = 120

// checkNumber reports d at path unless lo ≤ d ≤ hi (or lo < d when open) and d has at
// most maxPlaces decimal places. what says what is accepted, for the message.
func checkNumber(ps *problems, path string, d decimal.Decimal, lo, hi decimal.Decimal, openLow bool, what string) bool {
	switch {
	case d.Exponent() < -maxPlaces && ps.places(path) != "":
		ps.add(path, "has more than %d decimal places: %s", maxPlaces, ps.places(path))
	case d.Exponent() < -maxPlaces:
		ps.add(path, "has more than %d decimal places (%s)", maxPlaces, d.String())
	case openLow && !d.GreaterThan(lo), !openLow && d.LessThan(lo), d.GreaterThan(hi):
		ps.add(path, "must be %s, found %s", what, ps.found(path, d))
	default:
		return true
	}
	return false
}

func checkShare(ps *problems, path string, d decimal.Decimal) bool {
	return checkNumber(ps, path, d, decimal.Zero, one, false, "a share from 0 to 1 (0.25 means 25%)")
}

func checkMoney(ps *problems, path string, d decimal.Decimal, currency string) bool {
	unit := "an amount"
	if currency != "" {
		unit = "an amount in " + currency
	}
	return checkNumber(ps, path, d, decimal.Zero, maxMoney, false, unit+" from 0 to 1,000,000,000,000")
}

func checkWeekHours(ps *problems, path string, d decimal.Decimal) bool {
	return checkNumber(ps, path, d, decimal.Zero, maxWeekHour, false, "hours per week from 0 to 168")
}

func checkText(ps *problems, path, s string, required bool, what string) {
	checkTextLen(ps, path, s, required, what, maxText)
}

func checkTextLen(ps *problems, path, s string, required bool, what string, limit int) {
	switch {
	case required && strings.TrimSpace(s) == "":
		ps.add(path, "missing: give %s", what)
	case len([]rune(s)) > limit:
		ps.add(path, "has %s characters; at most %s are accepted", Grouped(strconv.Itoa(len([]rune(s)))), Grouped(strconv.Itoa(limit)))
	}
}

// checkDatasetCounts checks a dataset's lists against the limits of the file format.
func checkDatasetCounts(d *Dataset, path string, ps *problems) bool {
	ok := checkCount(ps, join(path, "segments"), len(d.Segments), MaxSegments, "segments")
	ok = checkCount(ps, join(path, "platforms"), len(d.Platforms), MaxPlatforms, "platforms") && ok
	for i := 0; ok && i < len(d.Platforms); i++ {
		ok = checkCount(ps, join(index(join(path, "platforms"), i), "penetration"), len(d.Platforms[i].Penetration), MaxSegments, "penetration figures (one per segment)")
	}
	return ok
}

// checkDataset checks a dataset's values; path is where the dataset sits in its file.
func checkDataset(d *Dataset, path string, ps *problems) {
	if !checkDatasetCounts(d, path, ps) {
		return
	}
	checkText(ps, join(path, "id"), d.ID, true, "the dataset an id, such as \"pew-us-2023\"")
	checkText(ps, join(path, "title"), d.Title, true, "the dataset a title")
	checkTextLen(ps, join(path, "source"), d.Source, true, "the source of the figures (who published them, and where)", maxLongText)
	checkTextLen(ps, join(path, "measure"), d.Measure, true, "what a figure measures, such as \"share of adults who ever use the platform\"", maxLongText)
	checkTextLen(ps, join(path, "url"), d.URL, false, "", maxLongText)
	if d.Year < 1990 || d.Year > 2100 {
		ps.add(join(path, "year"), "must be the year of the figures, from 1990 to 2100, found %d", d.Year)
	}
	if d.Provenance != nil {
		checkProvenance(d.Provenance, join(path, "provenance"), ps)
	}
	if len(d.Segments) == 0 {
		ps.add(join(path, "segments"), "must list at least one audience segment")
	}
	segs := map[string]bool{}
	for i, s := range d.Segments {
		p := index(join(path, "segments"), i)
		checkText(ps, join(p, "id"), s.ID, true, "the segment an id, such as \"18-29\"")
		checkText(ps, join(p, "label"), s.Label, false, "")
		if segs[s.ID] {
			ps.add(join(p, "id"), "the segment %s is listed twice", Quote(s.ID))
		}
		segs[s.ID] = true
		if s.Population != nil && (!s.Population.IsInteger() || !checkNumber(ps, join(p, "population"), *s.Population, decimal.Zero, maxPeople, false, "a whole number of people")) {
			ps.add(join(p, "population"), "must be a whole number of people, found %s", ps.found(join(p, "population"), *s.Population))
		}
	}
	if len(d.Platforms) == 0 {
		ps.add(join(path, "platforms"), "must list at least one platform")
	}
	ids := map[string]bool{}
	for i := range d.Platforms {
		pl := &d.Platforms[i]
		p := index(join(path, "platforms"), i)
		checkText(ps, join(p, "id"), pl.ID, true, "the platform an id, such as \"facebook\"")
		checkText(ps, join(p, "name"), pl.Name, true, "the platform a name")
		checkText(ps, join(p, "kind"), pl.Kind, false, "")
		if ids[pl.ID] {
			ps.add(join(p, "id"), "the platform %s is listed twice", Quote(pl.ID))
		}
		ids[pl.ID] = true
		for _, seg := range sortedKeys(pl.Penetration) {
			q := join(join(p, "penetration"), seg)
			if !segs[seg] {
				ps.add(q, "names the segment %s, which this dataset does not have; the segments are %s", Quote(seg), segmentList(d))
				continue
			}
			checkShare(ps, q, pl.Penetration[seg])
		}
		checkParams(ps, p, pl.Params, nil, "")
		for _, name := range RangeParams {
			r := *pl.Ranges.field(name)
			if r == nil {
				continue
			}
			q := join(join(p, "ranges"), name)
			if !pl.IsAssumed(name) {
				ps.add(q, "gives a range to %s, which the platform does not list under assumed: a sourced figure has no range (list it under assumed, or leave its range out)", name)
				continue
			}
			checkRange(ps, q, r, *pl.Params.field(name), !ps.has(join(p, name)), name, "")
		}
		for j, a := range pl.Assumed {
			if a != "penetration" && !contains(ParamNames, a) {
				ps.add(index(join(p, "assumed"), j), "must name a field of the platform (penetration, %s), found %s", strings.Join(ParamNames, ", "), Quote(a))
			}
		}
		for _, k := range sortedKeys(pl.Notes) {
			checkTextLen(ps, join(join(p, "notes"), k), pl.Notes[k], false, "", maxLongText)
		}
		for _, k := range sortedKeys(pl.Context) {
			checkTextLen(ps, join(join(p, "context"), k), pl.Context[k], false, "", maxLongText)
		}
		if pl.Citation != nil {
			checkCitation(*pl.Citation, join(p, "citation"), ps)
		}
		for _, seg := range sortedKeys(pl.SegmentCitations) {
			q := join(join(join(p, "citation"), "segments"), seg)
			if !segs[seg] {
				ps.add(q, "names the segment %s, which this dataset does not have; the segments are %s", Quote(seg), segmentList(d))
				continue
			}
			checkCitation(pl.SegmentCitations[seg], q, ps)
		}
	}
}

// checkProvenance checks the fields a dataset's provenance gives; path is where it
// sits in its file. A field left empty is not an error (Provenance.Missing lists those
// that complete provenance needs), but some go in pairs: an area and its name, and a
// second-hand citation and its original.
func checkProvenance(pr *Provenance, path string, ps *problems) {
	at := func(name string) string { return join(path, name) }
	if pr.Area != "" && !validArea(pr.Area) {
		ps.add(at("area"), "must be an ISO 3166-1 alpha-2 country code in capitals (such as \"KE\"), an ISO 3166-2 subdivision code (such as \"CA-QC\"), or a region id in lower case (such as \"global\" or \"arab-states\"), found %s", Quote(pr.Area))
	}
	switch {
	case pr.Area != "" && strings.TrimSpace(pr.AreaName) == "":
		ps.add(at("areaName"), "missing: give the name of the area %s, such as \"Kenya\"", Quote(pr.Area))
	case pr.Area == "" && pr.AreaName != "":
		ps.add(at("area"), "missing: give the code of %s, such as \"KE\" for Kenya or \"global\" for all markets of a survey", Quote(pr.AreaName))
	}
	checkText(ps, at("areaName"), pr.AreaName, false, "")
	if pr.MeasureKind != "" && pr.MeasureKind.Description() == "" {
		kinds := make([]string, len(MeasureKinds))
		for i, k := range MeasureKinds {
			kinds[i] = string(k)
		}
		ps.add(at("measureKind"), "must be one of %s, found %s", strings.Join(kinds, ", "), Quote(string(pr.MeasureKind)))
	}
	switch pr.Base {
	case "", BaseAdults, BaseInternetUsers, BaseOnlineNewsUsers:
	default:
		if !validAges(pr.Base) {
			ps.add(at("base"), "must be %s, %s, %s, or an age range such as \"13-69\" or \"15+\", found %s", BaseAdults, BaseInternetUsers, BaseOnlineNewsUsers, Quote(pr.Base))
		}
	}
	if pr.Ages != "" && !validAges(pr.Ages) {
		ps.add(at("ages"), "must be an age range such as \"18-50\" or \"19+\" (whole years, the lower first), found %s", Quote(pr.Ages))
	}
	checkTextLen(ps, at("method"), pr.Method, false, "", maxLongText)
	if pr.Sample < 0 {
		ps.add(at("sample"), "must be the number of respondents, a whole number of at least 1 (leave sample out when the source does not give it), found %d", pr.Sample)
	}
	if pr.Fieldwork != "" {
		if msg := checkFieldwork(pr.Fieldwork); msg != "" {
			ps.add(at("fieldwork"), "%s", msg)
		}
	}
	checkTextLen(ps, at("licence"), pr.Licence, false, "", maxLongText)
	checkCitation(pr.Citation, path, ps)
}

// checkCitation checks a citation at path: its fields are given together (where the
// figures were read, and how), with the original for second-hand figures.
func checkCitation(c Citation, path string, ps *problems) {
	at := func(name string) string { return join(path, name) }
	checkTextLen(ps, at("readAt"), c.ReadAt, false, "", maxLongText)
	checkTextLen(ps, at("original"), c.Original, false, "", maxLongText)
	switch c.Hand {
	case "", HandFirst, HandSecond:
	default:
		ps.add(at("hand"), "must be %q (read on the publisher's own page or document) or %q (quoted by someone else), found %s", HandFirst, HandSecond, Quote(string(c.Hand)))
	}
	switch {
	case c.Hand == "" && (c.ReadAt != "" || c.Original != ""):
		ps.add(at("hand"), "missing: say whether the figures were read %q or %q", HandFirst, HandSecond)
	case c.Hand != "" && strings.TrimSpace(c.ReadAt) == "":
		ps.add(at("readAt"), "missing: give the address (or the document and page) where the figures were read")
	}
	if c.Hand == HandSecond && strings.TrimSpace(c.Original) == "" {
		ps.add(at("original"), "missing: second-hand figures name the original publication to check them against")
	}
}

// validArea reports whether s is an ISO 3166-1 alpha-2 code ("KE"), an ISO 3166-2
// subdivision code ("CA-QC") or a region id ("arab-states"). Codes are checked for
// their form, not against the ISO lists.
func validArea(s string) bool {
	upper := func(s string) bool {
		for _, c := range s {
			if c < 'A' || c > 'Z' {
				return false
			}
		}
		return true
	}
	if country, sub, ok := strings.Cut(s, "-"); ok && len(country) == 2 && upper(country) {
		if len(sub) < 1 || len(sub) > 3 {
			return false
		}
		for _, c := range sub {
			if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
				return false
			}
		}
		return true
	}
	if len(s) == 2 {
		return upper(s)
	}
	if len(s) < 3 || len(s) > 40 || s[0] < 'a' || s[0] > 'z' || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// validAges reports whether s is an age range: "18-29" (the lower first) or "65+",
// whole years up to 130.
func validAges(s string) bool {
	years := func(s string) (int, bool) {
		if s == "" || len(s) > 3 {
			return 0, false
		}
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, n <= 130
	}
	if lo, ok := strings.CutSuffix(s, "+"); ok {
		_, ok := years(lo)
		return ok
	}
	lo, hi, ok := strings.Cut(s, "-")
	a, okA := years(lo)
	b, okB := years(hi)
	return ok && okA && okB && a <= b
}

// checkFieldwork checks an ISO 8601 date of a year, month or day, or an interval of two
// such dates, and returns what is wrong, or "".
func checkFieldwork(s string) string {
	const what = "must be an ISO 8601 date (\"2023\", \"2023-05\" or \"2023-05-19\") or an interval of two (\"2023-05-19/2023-09-05\")"
	from, to, isInterval := strings.Cut(s, "/")
	start, _, ok := fieldworkDate(from)
	if !ok {
		return fmt.Sprintf("%s, found %s", what, Quote(s))
	}
	if isInterval {
		_, end, ok := fieldworkDate(to)
		if !ok {
			return fmt.Sprintf("%s, found %s", what, Quote(s))
		}
		if !end.After(start) {
			return fmt.Sprintf("must start before it ends, found %s", Quote(s))
		}
	}
	return ""
}

// fieldworkDate reads a date of a year, month or day: the start of that period and the
// start of the next.
func fieldworkDate(s string) (start, next time.Time, ok bool) {
	for i, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, s)
		if err != nil || t.Year() < 1990 || t.Year() > 2100 {
			return t, t, false
		}
		return t, [3]time.Time{t.AddDate(1, 0, 0), t.AddDate(0, 1, 0), t.AddDate(0, 0, 1)}[i], true
	}
	return time.Time{}, time.Time{}, false
}

// checkParams checks a platform's effective parameters. paths maps a parameter name to
// the field where the user set it; other names are reported under base.
func checkParams(ps *problems, base string, pr Params, paths map[string]string, currency string) {
	at := func(name string) string {
		if p, ok := paths[name]; ok {
			return p
		}
		return join(base, name)
	}
	okMin := checkWeekHours(ps, at("minHours"), pr.MinHours)
	okFull := checkNumber(ps, at("fullHours"), pr.FullHours, decimal.Zero, maxWeekHour, true, "hours per week above 0, up to 168")
	if okMin && okFull && pr.FullHours.LessThan(pr.MinHours) {
		ps.add(at("fullHours"), "must be at least the minimum hours per week, %s, found %s", pr.MinHours.String(), ps.found(at("fullHours"), pr.FullHours))
	}
	checkShare(ps, at("reachRate"), pr.ReachRate)
	checkNumber(ps, at("setupHours"), pr.SetupHours, decimal.Zero, maxSetup, false, "hours from 0 to 10,000")
	checkMoney(ps, at("toolCost"), pr.ToolCost, currency)
	checkMoney(ps, at("adCost"), pr.AdCost, currency)
}

// checkRange checks the range r at path of an uncertain input whose value in use is
// base (compared only when baseOK): both ends must be values the input accepts, and
// low ≤ base ≤ high. kind is the parameter name ("reachRate", "minHours", "fullHours",
// "setupHours") or "money".
func checkRange(ps *problems, path string, r *Range, base decimal.Decimal, baseOK bool, kind, currency string) {
	lo, hi := join(path, "low"), join(path, "high")
	check := func(p string, d decimal.Decimal) bool {
		switch kind {
		case "reachRate":
			return checkShare(ps, p, d)
		case "minHours":
			return checkWeekHours(ps, p, d)
		case "fullHours":
			return checkNumber(ps, p, d, decimal.Zero, maxWeekHour, true, "hours per week above 0, up to 168")
		case "setupHours":
			return checkNumber(ps, p, d, decimal.Zero, maxSetup, false, "hours from 0 to 10,000")
		}
		return checkMoney(ps, p, d, currency)
	}
	okLow, okHigh := !ps.has(lo) && check(lo, r.Low), !ps.has(hi) && check(hi, r.High)
	if !baseOK {
		return
	}
	if okLow && r.Low.GreaterThan(base) {
		ps.add(lo, "must be at most the value in use, %s (a range runs from low through the value in use to high), found %s", base.String(), ps.found(lo, r.Low))
	}
	if okHigh && r.High.LessThan(base) {
		ps.add(hi, "must be at least the value in use, %s (a range runs from low through the value in use to high), found %s", base.String(), ps.found(hi, r.High))
	}
}

func segmentList(d *Dataset) string {
	ids := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		ids[i] = Quote(s.ID)
	}
	return strings.Join(ids, ", ")
}

func platformList(d *Dataset) string {
	ids := make([]string, len(d.Platforms))
	for i, p := range d.Platforms {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}

// Validate checks a scenario against the catalog of datasets and reports every
// problem at once as an *InputError. A nil catalog means the embedded datasets.
func Validate(s *Scenario, c *Catalog) error {
	_, err := resolve(s, c)
	return err
}

// resolve validates s and builds the model Compute and Recommend work on.
func resolve(s *Scenario, c *Catalog) (*model, error) {
	var ps problems
	return resolveWith(s, c, &ps)
}

// resolveWith is resolve adding to problems already found (by decoding), so that a
// field is reported once.
func resolveWith(s *Scenario, c *Catalog, ps *problems) (*model, error) {
	if c == nil {
		c = Embedded()
	}
	if s == nil {
		ps.add("", "no scenario")
		return nil, ps.err()
	}
	// The limits of the file format, for scenarios not read from a file; over one,
	// nothing else is checked.
	ok := checkCount(ps, "audience.weights", len(s.Audience.Weights), MaxSegments, "segment weights")
	ok = checkCount(ps, "platforms", len(s.Platforms), MaxPlatforms, "platforms") && ok
	ok = checkCount(ps, "staff", len(s.Staff), MaxRoles, "roles") && ok
	ok = checkCount(ps, "plan", len(s.Plan), MaxPlanLines, "plan lines") && ok
	ok = checkCount(ps, "benefits", len(s.Benefits), MaxBenefits, "benefit lines") && ok
	ok = checkCount(ps, "maturity", len(s.Maturity), MaxMaturityPoints, "maturity points") && ok
	ok = checkCount(ps, "candidates", len(s.Candidates), MaxPlatforms, "candidates") && ok
	if s.DatasetInline != nil {
		ok = checkDatasetCounts(s.DatasetInline, "datasetInline", ps) && ok
	}
	if !ok {
		return nil, ps.err()
	}
	checkText(ps, "name", s.Name, true, "the scenario a name")
	if !IsCurrency(s.Currency) {
		ps.add("currency", "must be an ISO 4217 currency code in capitals, such as EUR, USD or GBP, found %s", Quote(s.Currency))
	}
	cur := s.Currency
	if s.HorizonMonths < 1 || s.HorizonMonths > MaxHorizonMonths {
		ps.add("horizonMonths", "must be a whole number of months from 1 to %d, found %d", MaxHorizonMonths, s.HorizonMonths)
	}

	// The dataset.
	var ds *Dataset
	switch {
	case s.Dataset != "" && s.DatasetInline != nil:
		ps.add("dataset", "give either dataset or datasetInline, not both")
	case s.DatasetInline != nil:
		checkDataset(s.DatasetInline, "datasetInline", ps)
		if !ps.has("datasetInline") {
			ds = s.DatasetInline
		}
	case s.Dataset == "":
		ps.add("dataset", "missing: name a dataset (%s) or give one under datasetInline", strings.Join(c.IDs(), ", "))
	default:
		if ds = c.Get(s.Dataset); ds == nil {
			ps.add("dataset", "unknown dataset %s; the datasets available are %s", Quote(s.Dataset), strings.Join(c.IDs(), ", "))
		}
	}

	// Audience.
	if !s.Audience.Size.IsInteger() || s.Audience.Size.IsNegative() || s.Audience.Size.GreaterThan(maxPeople) {
		ps.add("audience.size", "must be a whole number of people from 0 to 10,000,000,000, found %s", ps.found("audience.size", s.Audience.Size))
	}
	sum := decimal.Zero
	for _, k := range sortedKeys(s.Audience.Weights) {
		w := s.Audience.Weights[k]
		p := "audience.weights." + k
		if ds != nil && ds.Segment(k) == nil {
			ps.add(p, "names the segment %s, which dataset %s does not have; its segments are %s", Quote(k), Quote(ds.ID), segmentList(ds))
			continue
		}
		if checkNumber(ps, p, w, decimal.Zero, maxWeight, false, "a weight of 0 or more (weights are relative: 60 and 40 mean the same as 0.6 and 0.4)") {
			sum = sum.Add(w)
		}
	}
	if !ps.has("audience.weights") && !sum.IsPositive() {
		ps.add("audience.weights", "at least one segment needs a weight above 0")
	}

	// Staff. When the file's staff list, a role or its name could not be read, the
	// roles the plan may name are not known, and the plan's roles are not checked.
	rolesKnown := !ps.seen["staff"]
	for i := range s.Staff {
		p := index("staff", i)
		rolesKnown = rolesKnown && !ps.seen[p] && !ps.seen[join(p, "role")]
	}
	roles := make([]role, len(s.Staff))
	names := map[string]int{}
	for i, r := range s.Staff {
		p := index("staff", i)
		checkText(ps, join(p, "role"), r.Name, true, "the role a name, such as \"Digital officer\"")
		// Plan lines name their role: one of two roles of the same name is the first,
		// as the page's form ties them (calc.Form).
		if j, dup := names[r.Name]; dup {
			if r.Name != "" {
				ps.add(join(p, "role"), "the role %s is already the name of role %d of the staff; give each role its own name", Quote(r.Name), j+1)
			}
		} else {
			names[r.Name] = i
		}
		checkWeekHours(ps, join(p, "hoursPerWeek"), r.HoursPerWeek)
		roles[i] = role{name: r.Name, avail: r.HoursPerWeek, index: i}
		switch {
		case r.HourlyCost != nil && r.AnnualSalary != nil:
			ps.add(join(p, "hourlyCost"), "give either hourlyCost or annualSalary for role %s, not both", Quote(r.Name))
		case r.HourlyCost != nil:
			if r.OnCost != nil || r.Overhead != nil || r.ProductiveHours != nil {
				ps.add(join(p, "hourlyCost"), "onCost, overhead and productiveHours apply only to a role given by annualSalary; a given hourlyCost is already loaded")
			}
			if checkMoney(ps, join(p, "hourlyCost"), *r.HourlyCost, cur) {
				roles[i].rate = *r.HourlyCost
			}
		case r.AnnualSalary != nil:
			ok := checkMoney(ps, join(p, "annualSalary"), *r.AnnualSalary, cur)
			on, ov, ph := orDefault(r.OnCost, DefaultOnCost), orDefault(r.Overhead, DefaultOverhead), orDefault(r.ProductiveHours, DefaultProductiveHours)
			ok = checkNumber(ps, join(p, "onCost"), on, decimal.Zero, maxLoading, false, "a share of salary from 0 to 10 (0.30 means 30%)") && ok
			ok = checkNumber(ps, join(p, "overhead"), ov, decimal.Zero, maxLoading, false, "a share from 0 to 10 (0.12 means 12%)") && ok
			ok = checkNumber(ps, join(p, "productiveHours"), ph, decimal.Zero, maxYearHour, true, "productive hours per year above 0, up to 8,784") && ok
			if ok {
				roles[i].rate = LoadedRate(*r.AnnualSalary, on, ov, ph)
			}
		case ps.has(join(p, "annualSalary")):
			// The salary given could not be read: that is the role's one problem (no
			// second one at its hourly cost, which is not what the person typed).
		default:
			ps.add(join(p, "hourlyCost"), "missing: give role %s an hourlyCost (loaded, per hour) or an annualSalary", Quote(r.Name))
		}
	}

	// Value and time.
	value := orDefault(s.ValuePer1000, decimal.Zero)
	checkMoney(ps, "valuePer1000", value, cur)
	for i, b := range s.Benefits {
		p := index("benefits", i)
		checkText(ps, join(p, "name"), b.Name, true, "the benefit a name")
		checkNumber(ps, join(p, "amountPerMonth"), b.AmountPerMonth, decimal.Zero, maxMoney, false, "an amount per month in "+cur+" from 0 to 1,000,000,000,000")
	}
	curve := s.Maturity
	if curve == nil {
		curve = DefaultMaturity()
	}
	if len(curve) == 0 {
		ps.add("maturity", "must have at least one point (month, factor); the default is (0, 0.10) (1, 0.60) (12, 1.00)")
	}
	for i, a := range curve {
		p := index("maturity", i)
		okMonth := checkNumber(ps, join(p, "month"), a.Month, decimal.Zero, maxMonth, false, "a month from 0 to 1200")
		checkShare(ps, join(p, "factor"), a.Factor)
		if okMonth && i > 0 && !ps.has(join(index("maturity", i-1), "month")) && !a.Month.GreaterThan(curve[i-1].Month) {
			ps.add(join(p, "month"), "months must increase from one point to the next: %s comes after %s", a.Month.String(), curve[i-1].Month.String())
		}
	}
	obj := s.Objective
	if obj == "" {
		obj = ObjectiveReach
	}
	if obj != ObjectiveReach && obj != ObjectiveNet {
		ps.add("objective", "must be \"reach\" (monthly unique reach over the horizon) or \"net\" (net value), found %s", Quote(string(s.Objective)))
	}

	if ds == nil {
		// Without a dataset nothing else can be checked; say so only if nothing else did.
		checkUncertainty(s, nil, nil, value, ps)
		return nil, ps.err()
	}

	// Platforms: overrides and effective parameters.
	for _, id := range sortedKeys(s.Platforms) {
		if ds.Platform(id) == nil {
			ps.add("platforms."+id, "names the platform %s, which dataset %s does not have; its platforms are %s", Quote(id), Quote(ds.ID), platformList(ds))
		}
	}
	plats := make([]platform, len(ds.Platforms))
	for i := range ds.Platforms {
		pl := &ds.Platforms[i]
		pr := pl.Params
		paths := map[string]string{}
		if o, ok := s.Platforms[pl.ID]; ok {
			for _, name := range ParamNames {
				if v := *o.field(name); v != nil {
					*pr.field(name) = *v
					paths[name] = "platforms." + pl.ID + "." + name
				}
			}
		}
		base := "platforms." + pl.ID
		if s.DatasetInline != nil {
			base = index("datasetInline.platforms", i)
		}
		checkParams(ps, base, pr, paths, cur)
		plats[i] = platform{Platform: pl, params: pr, userSet: paths}
	}

	// Candidates.
	var cands []int
	seenCand := map[string]bool{}
	for i, id := range s.Candidates {
		p := index("candidates", i)
		switch {
		case seenCand[id]:
			ps.add(p, "%s is listed twice", Quote(id))
		case ds.Platform(id) == nil:
			ps.add(p, "names the platform %s, which dataset %s does not have; its platforms are %s", Quote(id), Quote(ds.ID), platformList(ds))
		}
		seenCand[id] = true
	}
	for i, pl := range ds.Platforms {
		if len(s.Candidates) == 0 || seenCand[pl.ID] {
			cands = append(cands, i)
		}
	}

	// Plan.
	used := make([]decimal.Decimal, len(roles))
	for i, l := range s.Plan {
		p := index("plan", i)
		pi := -1
		for j := range ds.Platforms {
			if ds.Platforms[j].ID == l.Platform {
				pi = j
			}
		}
		if pi < 0 {
			ps.add(join(p, "platform"), "names the platform %s, which dataset %s does not have; its platforms are %s", Quote(l.Platform), Quote(ds.ID), platformList(ds))
		}
		ri, ok := names[l.Role]
		if !ok && rolesKnown {
			known := make([]string, len(s.Staff))
			for j, r := range s.Staff {
				known[j] = Quote(r.Name)
			}
			if len(known) == 0 {
				ps.add(join(p, "role"), "names role %s, but the scenario has no staff; add the role under staff", Quote(l.Role))
			} else {
				ps.add(join(p, "role"), "names the role %s, which is not in the staff; the roles are %s", Quote(l.Role), strings.Join(known, ", "))
			}
		}
		if !checkWeekHours(ps, join(p, "hoursPerWeek"), l.HoursPerWeek) || pi < 0 || !ok {
			continue
		}
		used[ri] = used[ri].Add(l.HoursPerWeek)
		plats[pi].hours = plats[pi].hours.Add(l.HoursPerWeek)
		plats[pi].lines = append(plats[pi].lines, line{role: ri, hours: l.HoursPerWeek})
	}
	for i := range roles {
		p := join(index("staff", i), "hoursPerWeek")
		if used[i].GreaterThan(roles[i].avail) && !ps.has(p) {
			ps.add(p, "role %s has %s hours per week available, but the plan gives it %s; add hours here or take them off the plan", Quote(roles[i].name), roles[i].avail.String(), used[i].String())
		}
	}
	for i := range plats {
		if plats[i].hours.GreaterThan(maxWeekHour) {
			ps.add("plan", "platform %s gets %s hours per week in all; a week has 168", Quote(plats[i].ID), plats[i].hours.String())
		}
	}
	checkUncertainty(s, ds, plats, value, ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return newModel(s, ds, plats, roles, cands, value, curve, obj), nil
}

// checkUncertainty checks the scenario's ranges against the values in use (value is
// valuePer1000, plats the platforms' effective parameters; ds nil when the dataset is
// not known, and then no platform's range is checked) and its simulation settings.
func checkUncertainty(s *Scenario, ds *Dataset, plats []platform, value decimal.Decimal, ps *problems) {
	cur := s.Currency
	if r := s.Ranges; r != nil {
		if r.ValuePer1000 != nil {
			checkRange(ps, "ranges.valuePer1000", r.ValuePer1000, value, !ps.has("valuePer1000"), "money", cur)
		}
		if ds != nil {
			for _, id := range sortedKeys(r.Platforms) {
				if ds.Platform(id) == nil {
					ps.add("ranges.platforms."+id, "names the platform %s, which dataset %s does not have; its platforms are %s", Quote(id), Quote(ds.ID), platformList(ds))
				}
			}
		}
		for i := range plats {
			pl := &plats[i]
			rs, ok := r.Platforms[pl.ID]
			if !ok {
				continue
			}
			base := "platforms." + pl.ID
			if s.DatasetInline != nil {
				base = index("datasetInline.platforms", i)
			}
			for _, name := range RangeParams {
				rg := *rs.field(name)
				if rg == nil {
					continue
				}
				at := join(base, name)
				if q, ok := pl.userSet[name]; ok {
					at = q
				}
				checkRange(ps, "ranges.platforms."+pl.ID+"."+name, rg, *pl.params.field(name), !ps.has(at), name, cur)
			}
		}
		for i, br := range r.Benefits {
			p := index("ranges.benefits", i)
			switch {
			case br == nil:
			case i >= len(s.Benefits):
				ps.add(p, "is a range for benefit line %d, but the scenario has %d; ranges.benefits lists ranges in the order of the benefit lines, null for a line without one", i+1, len(s.Benefits))
			default:
				b := index("benefits", i)
				checkRange(ps, p, br, s.Benefits[i].AmountPerMonth, !ps.has(b), "money", cur)
			}
		}
	}
	if s.Simulation != nil {
		if d := s.Simulation.Draws; d != nil && (*d < MinDraws || *d > MaxDraws) {
			ps.add("simulation.draws", "must be %s, found %d", drawsWhat, *d)
		}
		if d := s.Simulation.Seed; d != nil && (*d < 0 || *d > MaxSeed) {
			ps.add("simulation.seed", "must be %s, found %d", seedWhat, *d)
		}
	}
}

func orDefault(d *decimal.Decimal, def decimal.Decimal) decimal.Decimal {
	if d == nil {
		return def
	}
	return *d
}

// LoadedRate is the loaded hourly cost of a salaried role:
// salary × (1 + onCost) × (1 + overhead) / productiveHours.
func LoadedRate(salary, onCost, overhead, productiveHours decimal.Decimal) decimal.Decimal {
	return salary.Mul(one.Add(onCost)).Mul(one.Add(overhead)).DivRound(productiveHours, divPlaces)
}
