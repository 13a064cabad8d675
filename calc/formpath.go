package calc

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Paths name the fields of a form as the scenario file does ("staff[0].hourlyCost",
// "platforms.facebook.minHours", "audience.weights.18-29"), except plan cells, which
// the page shows as a grid of platforms and roles: "plan.<platform id>.<role position>".
// Set and Get read a path against the form as it is when they are called, so that an
// input bound to a path always edits its own field, whatever the form's shape did.

var (
	indexedPath      = regexp.MustCompile(`^(staff|benefits|maturity)\[(\d+)\]\.(\w+)$`)
	indexedLinePath  = regexp.MustCompile(`^(staff|benefits|maturity)\[(\d+)\](?:\.(\w+))?$`) // a line, or a field of it
	planPath         = regexp.MustCompile(`^plan\[(\d+)\](?:\.(\w+))?$`)
	benefitRangePath = regexp.MustCompile(`^ranges\.benefits\[(\d+)\]\.(low|high)$`)
	candidatePath    = regexp.MustCompile(`^candidates\[(\d+)\]$`)
	inlinePath       = regexp.MustCompile(`^(platforms|segments)\[(\d+)\](?:\.([^.]+))?(?:\.(.+))?$`)
)

// PlanCell is the path of the plan grid's cell of platform and the role at position role.
func PlanCell(platform string, role int) string { return fmt.Sprintf("plan.%s.%d", platform, role) }

// parsePlanCell reads a plan cell path.
func parsePlanCell(path string) (platform string, role int, ok bool) {
	rest, found := strings.CutPrefix(path, "plan.")
	if !found {
		return "", 0, false
	}
	i := strings.LastIndex(rest, ".")
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(rest[i+1:])
	if err != nil || n < 0 {
		return "", 0, false
	}
	return rest[:i], n, true
}

// Get returns the text of the field at path, and whether the path names a field.
func (f *Form) Get(path string) (string, bool) {
	var out string
	ok := f.at(path, func(p *string) { out = *p }, nil)
	return out, ok
}

// Set puts text into the field at path. It reports whether the path names a field of
// the form as it is now; if not, the form is unchanged.
func (f *Form) Set(path, text string) bool {
	return f.at(path, func(p *string) { *p = text }, func(platform string, role int) { f.SetPlanHours(platform, role, text) })
}

// at calls fn with the field at path; plan cells go to cell.
func (f *Form) at(path string, fn func(*string), cell func(string, int)) bool {
	switch path {
	case "name":
		fn(&f.Name)
	case "currency":
		fn(&f.Currency)
	case "horizonMonths":
		fn(&f.HorizonMonths)
	case "audience.size":
		fn(&f.Audience.Size)
	case "valuePer1000":
		fn(&f.ValuePer1000)
	case "ranges.valuePer1000.low":
		fn(&f.Ranges.ValuePer1000.Low)
	case "ranges.valuePer1000.high":
		fn(&f.Ranges.ValuePer1000.High)
	case "simulation.draws":
		fn(&f.Simulation.Draws)
	case "simulation.seed":
		fn(&f.Simulation.Seed)
	default:
		return f.atNested(path, fn, cell)
	}
	return true
}

// parseRangePath reads a path "ranges.platforms.<platform id>.<parameter>.<low|high>".
func parseRangePath(path string) (platform, param, end string, ok bool) {
	rest, found := strings.CutPrefix(path, "ranges.platforms.")
	if !found {
		return "", "", "", false
	}
	i := strings.LastIndex(rest, ".")
	if i <= 0 || (rest[i+1:] != "low" && rest[i+1:] != "high") {
		return "", "", "", false
	}
	rest, end = rest[:i], rest[i+1:]
	j := strings.LastIndex(rest, ".")
	if j <= 0 || !contains(RangeParams, rest[j+1:]) {
		return "", "", "", false
	}
	return rest[:j], rest[j+1:], end, true
}

// atRange calls fn with an end of a platform parameter's range; a write (write true)
// goes to a copy of the platform's ranges, so that a form sharing them with a clone's
// original never changes the other.
func (f *Form) atRange(platform, param, end string, fn func(*string), write bool) {
	r := f.Ranges.Platforms[platform][param]
	p := &r.Low
	if end == "high" {
		p = &r.High
	}
	fn(p)
	if !write {
		return
	}
	m := cloneRanges(f.Ranges.Platforms[platform])
	if m == nil {
		m = map[string]FormRange{}
	}
	if r.IsZero() {
		delete(m, param)
	} else {
		m[param] = r
	}
	if f.Ranges.Platforms == nil {
		f.Ranges.Platforms = map[string]map[string]FormRange{}
	}
	if len(m) == 0 {
		delete(f.Ranges.Platforms, platform)
	} else {
		f.Ranges.Platforms[platform] = m
	}
}

func (f *Form) atNested(path string, fn func(*string), cell func(string, int)) bool {
	if platform, param, end, ok := parseRangePath(path); ok {
		f.atRange(platform, param, end, fn, cell != nil)
		return true
	}
	if m := benefitRangePath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i >= len(f.Benefits) {
			return false
		}
		if m[2] == "low" {
			fn(&f.Benefits[i].Range.Low)
		} else {
			fn(&f.Benefits[i].Range.High)
		}
		return true
	}
	if seg, ok := strings.CutPrefix(path, "audience.weights."); ok {
		w := f.Audience.Weights[seg]
		fn(&w)
		if cell != nil { // a write
			f.Audience.Weights = cloneStrings(f.Audience.Weights)
			if f.Audience.Weights == nil {
				f.Audience.Weights = map[string]string{}
			}
			if strings.TrimSpace(w) == "" {
				delete(f.Audience.Weights, seg)
			} else {
				f.Audience.Weights[seg] = w
			}
		}
		return true
	}
	if platform, role, ok := parsePlanCell(path); ok {
		if role >= len(f.Staff) {
			return false
		}
		if cell != nil {
			cell(platform, role)
			return true
		}
		t := ""
		if i := f.PlanLine(platform, role); i >= 0 {
			t = f.Plan[i].HoursPerWeek
		}
		fn(&t)
		return true
	}
	if rest, ok := strings.CutPrefix(path, "platforms."); ok {
		i := strings.LastIndex(rest, ".")
		if i <= 0 || !contains(ParamNames, rest[i+1:]) {
			return false
		}
		id, name := rest[:i], rest[i+1:]
		t := f.Platforms[id][name]
		fn(&t)
		if cell != nil {
			f.SetParam(id, name, t)
		}
		return true
	}
	m := indexedPath.FindStringSubmatch(path)
	if m == nil {
		return false
	}
	i, _ := strconv.Atoi(m[2])
	switch m[1] {
	case "staff":
		if i >= len(f.Staff) {
			return false
		}
		r := &f.Staff[i]
		fields := map[string]*string{"role": &r.Role, "hourlyCost": &r.HourlyCost, "annualSalary": &r.AnnualSalary,
			"onCost": &r.OnCost, "overhead": &r.Overhead, "productiveHours": &r.ProductiveHours, "hoursPerWeek": &r.HoursPerWeek}
		p, ok := fields[m[3]]
		if !ok {
			return false
		}
		fn(p)
	case "benefits":
		if i >= len(f.Benefits) {
			return false
		}
		b := &f.Benefits[i]
		switch m[3] {
		case "name":
			fn(&b.Name)
		case "amountPerMonth":
			fn(&b.AmountPerMonth)
		default:
			return false
		}
	case "maturity":
		if f.Maturity == nil && cell != nil {
			f.Maturity = DefaultFormMaturity()
		}
		curve := f.Maturity
		if curve == nil {
			curve = DefaultFormMaturity()
		}
		if i >= len(curve) {
			return false
		}
		switch m[3] {
		case "month":
			fn(&curve[i].Month)
		case "factor":
			fn(&curve[i].Factor)
		default:
			return false
		}
	}
	return true
}

// DefaultFormMaturity is DefaultMaturity as typed.
func DefaultFormMaturity() []FormAnchor {
	var out []FormAnchor
	for _, a := range DefaultMaturity() {
		out = append(out, FormAnchor{Month: a.Month.String(), Factor: a.Factor.String()})
	}
	return out
}

// RoleIndex is the position in the staff list of the role the line belongs to, or -1.
func (l FormLine) RoleIndex() int { return l.ref - 1 }

// ---- Field names for people ----

var paramWords = map[string]string{
	"minHours":   "minimum hours per week",
	"fullHours":  "hours per week for full effort",
	"reachRate":  "reach rate",
	"setupHours": "set-up hours",
	"toolCost":   "tools per month",
	"adCost":     "ads per month",
}

var roleWords = map[string]string{
	"role": "name", "hourlyCost": "hourly cost", "annualSalary": "annual salary", "onCost": "on-costs",
	"overhead": "overhead", "productiveHours": "productive hours per year", "hoursPerWeek": "hours per week available",
}

// FieldLabel names the field at path (a form path, or a path of the scenario file) as
// a person reads it, such as "Digital officer: hourly cost" or "Facebook: reach rate".
// ds gives the platforms' names (nil: ids are used).
func (f *Form) FieldLabel(path string, ds *Dataset) string {
	platformName := func(id string) string {
		if ds != nil {
			if p := ds.Platform(id); p != nil {
				return ShortText(p.Name)
			}
		}
		return ShortPath(id)
	}
	roleName := func(i int) string {
		if i >= 0 && i < len(f.Staff) && strings.TrimSpace(f.Staff[i].Role) != "" {
			return ShortText(f.Staff[i].Role)
		}
		return fmt.Sprintf("Role %d", i+1)
	}
	switch path {
	case "":
		return "Scenario"
	case "format":
		return "File format"
	case "version":
		return "File version"
	case "platforms":
		return "Platform parameters"
	case "benefits":
		return "Benefits"
	case "name":
		return "Scenario name"
	case "currency":
		return "Currency"
	case "horizonMonths":
		return "Horizon (months)"
	case "audience":
		return "Audience"
	case "audience.size":
		return "Audience size"
	case "audience.weights":
		return "Audience weights"
	case "dataset", "datasetInline":
		return "Platform demographics"
	case "valuePer1000":
		return "Value per 1,000 people reached"
	case "objective":
		return "Recommend for"
	case "candidates":
		return "Platforms considered for the recommendation"
	case "maturity":
		return "Maturity curve"
	case "plan":
		return "Plan"
	case "staff":
		return "Staff"
	case "ranges":
		return "Ranges of uncertain inputs"
	case "ranges.platforms":
		return "Ranges of platform parameters"
	case "ranges.benefits":
		return "Ranges of benefits"
	case "simulation":
		return "Simulation"
	case "simulation.draws":
		return "Simulation: number of draws"
	case "simulation.seed":
		return "Simulation: seed"
	}
	if input, ok := strings.CutPrefix(path, "ranges."); ok {
		end := ", range"
		if i := strings.LastIndex(input, "."); i > 0 && (input[i+1:] == "low" || input[i+1:] == "high") {
			end = ", " + input[i+1:] + " end"
			input = input[:i]
		}
		if strings.HasPrefix(input, "benefits[") && strings.HasSuffix(input, "]") {
			input += ".amountPerMonth"
		}
		if id, ok := strings.CutPrefix(input, "platforms."); ok && !strings.Contains(id, ".") {
			return platformName(id) + ": ranges"
		}
		return f.FieldLabel(input, ds) + end
	}
	if rest, ok := strings.CutPrefix(path, "datasetInline."); ok {
		return "The scenario's own demographics: " + inlineLabel(rest, f.DatasetInline)
	}
	if m := candidatePath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i < len(f.Candidates) {
			return "Platforms considered for the recommendation: " + platformName(f.Candidates[i])
		}
		return fmt.Sprintf("Platforms considered for the recommendation, entry %d", i+1)
	}
	if rest, ok := strings.CutPrefix(path, "simulation."); ok {
		return "Simulation: " + ShortPath(rest)
	}
	if seg, ok := strings.CutPrefix(path, "audience.weights."); ok {
		label := ShortPath(seg)
		if ds != nil {
			if s := ds.Segment(seg); s != nil && s.Label != "" {
				label = ShortText(s.Label)
			}
		}
		return "Audience: weight of " + label
	}
	if platform, role, ok := parsePlanCell(path); ok {
		return fmt.Sprintf("Plan: %s, hours of %s", platformName(platform), roleName(role))
	}
	if m := planPath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i < len(f.Plan) {
			l := f.Plan[i]
			role := ShortText(l.Role)
			if l.ref > 0 {
				role = roleName(l.ref - 1)
			}
			what := "hours"
			switch m[2] {
			case "platform":
				what = "platform"
			case "role":
				what = "role"
			}
			return fmt.Sprintf("Plan: %s, %s of %s", platformName(l.Platform), what, role)
		}
		return fmt.Sprintf("Plan line %d", i+1)
	}
	if rest, ok := strings.CutPrefix(path, "platforms."); ok {
		if i := strings.LastIndex(rest, "."); i > 0 {
			if w, ok := paramWords[rest[i+1:]]; ok {
				return platformName(rest[:i]) + ": " + w
			}
		}
		if id, field, ok := strings.Cut(rest, "."); ok && ds != nil && ds.Platform(id) != nil {
			return platformName(id) + ": " + ShortPath(field)
		}
		return platformName(rest)
	}
	if m := indexedLinePath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[2])
		switch m[1] {
		case "staff":
			if w, ok := roleWords[m[3]]; ok {
				return roleName(i) + ": " + w
			}
			if m[3] == "" {
				return roleName(i)
			}
			return roleName(i) + ": " + m[3]
		case "benefits":
			name := fmt.Sprintf("Benefit %d", i+1)
			if i < len(f.Benefits) && strings.TrimSpace(f.Benefits[i].Name) != "" {
				name = ShortText(f.Benefits[i].Name)
			}
			switch m[3] {
			case "":
				return name
			case "amountPerMonth":
				return name + ": value per month"
			case "ramped":
				return name + ": grows with maturity"
			}
			return name + ": name"
		case "maturity":
			if w, ok := map[string]string{"month": "month", "factor": "effect"}[m[3]]; ok {
				return fmt.Sprintf("Maturity point %d: %s", i+1, w)
			}
			if m[3] == "" {
				return fmt.Sprintf("Maturity point %d", i+1)
			}
			return fmt.Sprintf("Maturity point %d: %s", i+1, m[3])
		}
	}
	if strings.HasPrefix(path, "staff[") {
		return "Staff: " + ShortPath(path)
	}
	return ShortPath(path)
}

// inlineLabel names a field of a scenario's own dataset (path within it, such as
// "platforms[0].minHours" or "segments[1].label") as a person reads it.
func inlineLabel(path string, ds *Dataset) string {
	m := inlinePath.FindStringSubmatch(path)
	if m == nil {
		if rest, ok := strings.CutPrefix(path, "provenance."); ok {
			return "provenance, " + ShortPath(rest)
		}
		return ShortPath(path)
	}
	i, _ := strconv.Atoi(m[2])
	field, sub := m[3], m[4]
	if m[1] == "segments" {
		name := fmt.Sprintf("segment %d", i+1)
		if ds != nil && i < len(ds.Segments) && strings.TrimSpace(ds.Segments[i].Label) != "" {
			name += " (" + ShortText(ds.Segments[i].Label) + ")"
		}
		if field == "" {
			return name
		}
		return name + ", " + field
	}
	name := fmt.Sprintf("platform %d", i+1)
	var pl *Platform
	if ds != nil && i < len(ds.Platforms) {
		pl = &ds.Platforms[i]
		if strings.TrimSpace(pl.Name) != "" {
			name = ShortText(pl.Name)
		}
	}
	switch {
	case field == "":
		return name
	case paramWords[field] != "":
		return name + ": " + paramWords[field]
	case field == "penetration" && sub != "":
		label := ShortPath(sub)
		if ds != nil {
			if s := ds.Segment(sub); s != nil && s.Label != "" {
				label = ShortText(s.Label)
			}
		}
		return name + ": use by " + label
	case field == "penetration":
		return name + ": use by segment"
	}
	if sub != "" {
		return name + ": " + field + ", " + ShortPath(sub)
	}
	return name + ": " + field
}
