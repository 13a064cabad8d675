package calc

import (
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ReadScenario reads a scenario file (see FileFormat). It reports every problem at
// once: a *SyntaxError when the file is not JSON (or not UTF-8 text), otherwise an
// *InputError whose problems name their fields. It checks the file's shape and types;
// Validate checks the values against the dataset. A file over one of the limits
// (MaxScenarioFile bytes, MaxBenefits benefit lines and the others of limits.go) is
// refused with one problem per field over its limit, and nothing else.
func ReadScenario(data []byte) (*Scenario, error) {
	if len(data) > MaxScenarioFile {
		return nil, fileTooLarge("scenario file", MaxScenarioFile)
	}
	root, err := parseTree(data, scenarioShape)
	if err != nil {
		return nil, err
	}
	if err := notA(root, "scenario", FileFormat); err != nil {
		return nil, err
	}
	var ps problems
	s := decodeScenario(root, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// LoadScenario reads a scenario file and validates it against the catalog (nil: the
// embedded datasets), reporting every problem of both steps at once: a value that
// cannot be read does not hide the problems of other fields. The limits are those of
// ReadScenario.
func LoadScenario(data []byte, c *Catalog) (*Scenario, error) {
	if len(data) > MaxScenarioFile {
		return nil, fileTooLarge("scenario file", MaxScenarioFile)
	}
	root, err := parseTree(data, scenarioShape)
	if err != nil {
		return nil, err
	}
	if err := notA(root, "scenario", FileFormat); err != nil {
		return nil, err
	}
	var ps problems
	s := decodeScenario(root, &ps)
	if _, err := resolveWith(s, c, &ps); err != nil {
		return nil, err
	}
	return s, nil
}

// ReadDataset reads a dataset file, reporting every problem at once. A file over one
// of the limits (MaxDatasetFile bytes, MaxPlatforms platforms, MaxSegments segments)
// is refused with one problem per field over its limit, and nothing else.
func ReadDataset(data []byte) (*Dataset, error) {
	if len(data) > MaxDatasetFile {
		return nil, fileTooLarge("dataset file", MaxDatasetFile)
	}
	root, err := parseTree(data, datasetShape)
	if err != nil {
		return nil, err
	}
	if err := notA(root, "dataset", DatasetFormat); err != nil {
		return nil, err
	}
	var ps problems
	d := decodeDataset(root, "", &ps)
	if len(ps.list) == 0 { // a number's stand-in is checked by its field (see number)
		checkDataset(d, "", &ps)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// notA reports, as the one problem of the file, a document that is not a file of the
// kind wanted ("scenario" or "dataset", whose format is format): one that is not a JSON
// object, or the other kind's file. Everything else said about it would be noise.
func notA(root *node, kind, format string) error {
	one := func(field, format string, args ...any) error {
		return &InputError{Problems: []Problem{{Field: field, Message: fmt.Sprintf(format, args...)}}}
	}
	if root.kind != 'o' {
		return one("", "a %s file is a JSON object { … }, found %s", kind, root.kindName())
	}
	for i, k := range root.keys {
		if k != "format" || root.vals[i].kind != 's' {
			continue
		}
		switch f := root.vals[i].text; {
		case f == DatasetFormat && format == FileFormat:
			return one("format", "this is a dataset file (%s), not a scenario file (\"format\": %q); a scenario names a dataset under \"dataset\", or carries one under \"datasetInline\"", Quote(f), FileFormat)
		case f == FileFormat && format == DatasetFormat:
			return one("format", "this is a scenario file (%s), not a dataset file (\"format\": %q)", Quote(f), DatasetFormat)
		}
	}
	return nil
}

// maxNumberText bounds the length of a number's text: no figure of the model needs more.
const maxNumberText = 40

// fields walks the fields of object n, calling fn for each known name and reporting
// unknown ones. It reports n itself when it is not an object.
func fields(n *node, path string, ps *problems, names []string, fn func(name string, v *node, p string)) bool {
	if n.kind != 'o' {
		ps.add(path, "must be an object, found %s", n.kindName())
		return false
	}
	for i, k := range n.keys {
		p := join(path, k)
		if !contains(names, k) {
			ps.add(p, "unknown field %s; the fields accepted here are %s", Quote(k), strings.Join(names, ", "))
			continue
		}
		fn(k, n.vals[i], p)
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func str(n *node, p string, ps *problems) string {
	if n.kind != 's' {
		ps.add(p, "must be text in quotes, found %s", n.kindName())
		return ""
	}
	return n.text
}

func boolean(n *node, p string, ps *problems) bool {
	if n.kind != 'b' {
		ps.add(p, "must be true or false, found %s", n.kindName())
		return false
	}
	return n.b
}

// number reads a number given as a JSON number or as a string, exactly.
func number(n *node, p string, ps *problems) (decimal.Decimal, bool) {
	if n.kind != 'n' && n.kind != 's' {
		ps.add(p, "must be a number (such as 12 or \"12.50\"), found %s", n.kindName())
		return decimal.Zero, false
	}
	text := strings.TrimSpace(n.text)
	if text == "" {
		ps.add(p, "is empty: enter a number")
		return decimal.Zero, false
	}
	if len(text) > maxNumberText {
		ps.add(p, "must be a number of at most %d characters, found %d characters (%q)", maxNumberText, len([]rune(text)), textStart(text, 20))
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(text)
	if err != nil || strings.ContainsAny(text, "\u2212") {
		ps.add(p, "%s", notANumber(text))
		return decimal.Zero, false
	}
	if strings.ContainsAny(text, "eE") {
		ps.typedNumber(p, text, d)
	}
	// The number as it will be written back must fit the same limit, so that a file
	// saved by this tool always opens again ("1e40" is short, its 41 digits are not).
	// Such a number is beyond every field's range, or has more decimal places than any
	// accepts: a stand-in takes its place for the field's own check, which says what
	// the field accepts (and quotes the number as written); nothing is computed from it.
	switch {
	case d.IsZero():
		return decimal.Zero, true // "0e400" is 0
	case beyondDigits(d):
		return ps.standIn(p, d), true
	}
	return d, true
}

var (
	thousandsText = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$`)
	spacedText    = regexp.MustCompile(`^[-+]?\d{1,3}([ \x{a0}\x{202f}]\d{3})+([.,]\d+)?$`)
	commaText     = regexp.MustCompile(`^[-+]?\d*,\d+$`)
	unitText      = regexp.MustCompile(`^(?:(?:[A-Z]{3}|[€$£¥₹₩₦₱])\s*)?([-+]?\d+(?:\.\d+)?)\s*(?:[A-Z]{3}|[€$£¥₹₩₦₱]|h|hrs?|hours?|people|months?)?$`)
	percentText   = regexp.MustCompile(`^([-+]?\d+(?:\.\d+)?)\s*%$`)
	wordsText     = regexp.MustCompile(`(?i)^([-+]?\d+(?:\.\d+)?)\s*(k|thousand|m|mn|million|bn|billion)$`)
)

var wordShift = map[string]int32{"k": 3, "thousand": 3, "m": 6, "mn": 6, "million": 6, "bn": 9, "billion": 9}

// notANumber says what is wrong with text, which is not a number, in the terms of a
// person who wrote a number as people write them, and what to write instead:
// "1,500,000", "1 500 000", "30,5", "€10", "10 EUR", "30h", "−3".
func notANumber(text string) string {
	found := Quote(text)
	switch {
	case thousandsText.MatchString(text):
		return fmt.Sprintf("must be a number without thousands separators, found %s: write %s", found, strings.ReplaceAll(text, ",", ""))
	case spacedText.MatchString(text):
		w := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(text)
		return fmt.Sprintf("must be a number without spaces, found %s: write %s", found, w)
	case commaText.MatchString(text):
		return fmt.Sprintf("must be a number with a point for the decimals, found %s: write %s", found, strings.Replace(text, ",", ".", 1))
	case strings.ContainsRune(text, '\u2212'):
		if w := strings.ReplaceAll(text, "\u2212", "-"); isDecimal(w) {
			return fmt.Sprintf("must be a number written with the keyboard's minus sign (-), found %s: write %s", found, w)
		}
	}
	if m := percentText.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("must be a number without the %% sign, found %s: a share is written as a decimal, %s%% as %s", found, m[1], decimal.RequireFromString(m[1]).Shift(-2).String())
	}
	if m := wordsText.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("must be a number written in full, found %s: write %s", found, decimal.RequireFromString(m[1]).Shift(wordShift[strings.ToLower(m[2])]).String())
	}
	if m := unitText.FindStringSubmatch(text); m != nil && m[1] != text {
		return fmt.Sprintf("must be the number alone, without a unit or currency, found %s: write %s", found, m[1])
	}
	return fmt.Sprintf("must be a number, such as 12 or 12.5, found %s", found)
}

func isDecimal(s string) bool {
	_, err := decimal.NewFromString(s)
	return err == nil
}

// beyondDigits reports whether d has more than maxNumberText digits when written out
// (without writing it out: "1e100000000" is short).
func beyondDigits(d decimal.Decimal) bool {
	e := d.Exponent()
	return e > maxNumberText || e < -maxNumberText || len(d.String()) > maxNumberText
}

// numberGloss says in digits what a number written with an exponent stands for, for a
// message that quotes it: " (a number of 401 digits)" for 1e400, " (a number with 400
// decimal places)" for 1e-400, " (that is, 2500)" for 2.5e3; "" for other text.
func numberGloss(text string, d decimal.Decimal) string {
	if !strings.ContainsAny(text, "eE") {
		return ""
	}
	coef, exp := d.Coefficient(), int(d.Exponent())
	digits := len(coef.String())
	if coef.Sign() < 0 {
		digits--
	}
	if coef.Sign() == 0 {
		return " (that is, 0)"
	}
	ten := big.NewInt(10)
	for exp < 0 && new(big.Int).Rem(coef, ten).Sign() == 0 {
		coef.Quo(coef, ten)
		exp++
		digits--
	}
	switch {
	case exp >= 0 && digits+exp > 20:
		return fmt.Sprintf(" (a number of %d digits)", digits+exp)
	case exp < 0 && -exp > 20:
		return fmt.Sprintf(" (a number with %d decimal places)", -exp)
	}
	return " (that is, " + decimal.NewFromBigInt(coef, int32(exp)).String() + ")"
}

func optNumber(n *node, p string, ps *problems) *decimal.Decimal {
	d, ok := number(n, p, ps)
	if !ok {
		return nil
	}
	return &d
}

// integer reads a whole number; what says what the field accepts, for the message
// about one that is not whole or is beyond a million in size (the field's own range is
// checked later, by Validate).
func integer(n *node, p string, ps *problems, what string) (int, bool) {
	d, ok := number(n, p, ps)
	if !ok {
		return 0, false
	}
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(1_000_000)) {
		ps.add(p, "must be %s, found %s", what, ps.found(p, d))
		return 0, false
	}
	return int(d.IntPart()), true
}

func list(n *node, p string, ps *problems) []*node {
	if n.kind != 'a' {
		ps.add(p, "must be a list ([ … ]), found %s", n.kindName())
		return nil
	}
	return n.items
}

func stringList(n *node, p string, ps *problems) []string {
	var out []string
	for i, it := range list(n, p, ps) {
		out = append(out, str(it, index(p, i), ps))
	}
	return out
}

// numberMap reads an object whose values are all numbers.
func numberMap(n *node, p string, ps *problems) map[string]decimal.Decimal {
	if n.kind != 'o' {
		ps.add(p, "must be an object, found %s", n.kindName())
		return nil
	}
	m := make(map[string]decimal.Decimal, len(n.keys))
	for i, k := range n.keys {
		if d, ok := number(n.vals[i], join(p, k), ps); ok {
			m[k] = d
		}
	}
	return m
}

var scenarioFields = []string{"format", "version", "name", "currency", "horizonMonths", "audience",
	"dataset", "datasetInline", "platforms", "staff", "plan", "valuePer1000", "benefits",
	"maturity", "objective", "candidates", "ranges", "simulation"}

// DefaultHorizonMonths is the horizon when a file gives none.
const DefaultHorizonMonths = 12

// UntitledName names a scenario whose file gives no name.
const UntitledName = "Untitled scenario"

func decodeScenario(root *node, ps *problems) *Scenario {
	s := &Scenario{Name: UntitledName, HorizonMonths: DefaultHorizonMonths}
	seen := map[string]bool{}
	ok := fields(root, "", ps, scenarioFields, func(name string, v *node, p string) {
		seen[name] = true
		switch name {
		case "format":
			if f := str(v, p, ps); f != FileFormat && v.kind == 's' {
				ps.add(p, "must be %q (this is not a scenario file of this tool)", FileFormat)
			}
		case "version":
			readVersion(v, p, ps)
		case "name":
			s.Name = str(v, p, ps)
		case "currency":
			s.Currency = str(v, p, ps)
		case "horizonMonths":
			s.HorizonMonths, _ = integer(v, p, ps, fmt.Sprintf("a whole number of months from 1 to %d", MaxHorizonMonths))
		case "audience":
			fields(v, p, ps, []string{"size", "weights"}, func(name string, v *node, p string) {
				switch name {
				case "size":
					s.Audience.Size, _ = number(v, p, ps)
				case "weights":
					s.Audience.Weights = numberMap(v, p, ps)
				}
			})
			if v.kind == 'o' && !hasKey(v, "weights") {
				ps.add(join(p, "weights"), "missing: give a weight per audience segment, such as {\"18-29\": 0.6, \"30-49\": 0.4}")
			}
			if v.kind == 'o' && !hasKey(v, "size") {
				ps.add(join(p, "size"), "missing: give the number of people in the target audience")
			}
		case "dataset":
			s.Dataset = str(v, p, ps)
		case "datasetInline":
			s.DatasetInline = decodeDataset(v, p, ps)
		case "platforms":
			if v.kind != 'o' {
				ps.add(p, "must be an object of platform ids, found %s", v.kindName())
				return
			}
			s.Platforms = map[string]PlatformOverride{}
			for i, id := range v.keys {
				var o PlatformOverride
				fields(v.vals[i], join(p, id), ps, ParamNames, func(name string, v *node, p string) {
					*o.field(name) = optNumber(v, p, ps)
				})
				s.Platforms[id] = o
			}
		case "staff":
			for i, it := range list(v, p, ps) {
				s.Staff = append(s.Staff, decodeRole(it, index(p, i), ps))
			}
		case "plan":
			for i, it := range list(v, p, ps) {
				var l PlanLine
				q := index(p, i)
				fields(it, q, ps, []string{"platform", "role", "hoursPerWeek"}, func(name string, v *node, p string) {
					switch name {
					case "platform":
						l.Platform = str(v, p, ps)
					case "role":
						l.Role = str(v, p, ps)
					case "hoursPerWeek":
						l.HoursPerWeek, _ = number(v, p, ps)
					}
				})
				requireKeys(it, q, ps, "platform", "role", "hoursPerWeek")
				s.Plan = append(s.Plan, l)
			}
		case "valuePer1000":
			s.ValuePer1000 = optNumber(v, p, ps)
		case "benefits":
			for i, it := range list(v, p, ps) {
				var b Benefit
				q := index(p, i)
				fields(it, q, ps, []string{"name", "amountPerMonth", "ramped"}, func(name string, v *node, p string) {
					switch name {
					case "name":
						b.Name = str(v, p, ps)
					case "amountPerMonth":
						b.AmountPerMonth, _ = number(v, p, ps)
					case "ramped":
						b.Ramped = boolean(v, p, ps)
					}
				})
				requireKeys(it, q, ps, "name", "amountPerMonth")
				s.Benefits = append(s.Benefits, b)
			}
		case "maturity":
			s.Maturity = []Anchor{}
			for i, it := range list(v, p, ps) {
				var a Anchor
				q := index(p, i)
				fields(it, q, ps, []string{"month", "factor"}, func(name string, v *node, p string) {
					switch name {
					case "month":
						a.Month, _ = number(v, p, ps)
					case "factor":
						a.Factor, _ = number(v, p, ps)
					}
				})
				requireKeys(it, q, ps, "month", "factor")
				s.Maturity = append(s.Maturity, a)
			}
		case "objective":
			s.Objective = Objective(str(v, p, ps))
		case "candidates":
			s.Candidates = stringList(v, p, ps)
		case "ranges":
			s.Ranges = decodeRanges(v, p, ps)
		case "simulation":
			s.Simulation = &SimulationSettings{}
			fields(v, p, ps, []string{"draws", "seed"}, func(name string, v *node, p string) {
				if name == "draws" {
					if n, ok := whole(v, p, ps, MinDraws, MaxDraws, drawsWhat); ok {
						d := int(n)
						s.Simulation.Draws = &d
					}
				} else if n, ok := whole(v, p, ps, 0, MaxSeed, seedWhat); ok {
					s.Simulation.Seed = &n
				}
			})
		}
	})
	if !ok {
		return s
	}
	if !seen["format"] {
		ps.add("format", "missing: a scenario file starts with \"format\": %q", FileFormat)
	}
	if !seen["version"] {
		ps.add("version", "missing: a scenario file says which version of the format it uses, such as \"version\": %d", FileVersion)
	}
	if !seen["currency"] {
		ps.add("currency", "missing: give the ISO 4217 code of the currency of every amount, such as \"EUR\"")
	}
	if !seen["dataset"] && !seen["datasetInline"] {
		s.Dataset = DefaultDatasetID // the embedded default, as for any optional field
	}
	if !seen["audience"] {
		ps.add("audience", "missing: give the audience's size and its weights per segment")
	}
	return s
}

// What the simulation's settings accept, for messages.
var (
	drawsWhat = fmt.Sprintf("a whole number of draws from %d to %s", MinDraws, Grouped(strconv.Itoa(MaxDraws)))
	seedWhat  = fmt.Sprintf("a whole number from 0 to %s", Grouped(strconv.FormatInt(int64(MaxSeed), 10)))
)

// whole reads a whole number from lo to hi; what says what is accepted.
func whole(n *node, p string, ps *problems, lo, hi int64, what string) (int64, bool) {
	d, ok := number(n, p, ps)
	if !ok {
		return 0, false
	}
	if !d.IsInteger() || d.LessThan(decimal.NewFromInt(lo)) || d.GreaterThan(decimal.NewFromInt(hi)) {
		ps.add(p, "must be %s, found %s", what, ps.found(p, d))
		return 0, false
	}
	return d.IntPart(), true
}

// decodeRanges reads a scenario's ranges: valuePer1000, platforms by id and parameter,
// benefits by position (null for a line without a range).
func decodeRanges(n *node, path string, ps *problems) *Ranges {
	r := &Ranges{}
	fields(n, path, ps, []string{"valuePer1000", "platforms", "benefits"}, func(name string, v *node, p string) {
		switch name {
		case "valuePer1000":
			r.ValuePer1000 = decodeRange(v, p, ps)
		case "platforms":
			if v.kind != 'o' {
				ps.add(p, "must be an object of platform ids, found %s", v.kindName())
				return
			}
			r.Platforms = map[string]ParamRanges{}
			for i, id := range v.keys {
				r.Platforms[id] = decodeParamRanges(v.vals[i], join(p, id), ps)
			}
		case "benefits":
			r.Benefits = []*Range{}
			for i, it := range list(v, p, ps) {
				if it.kind == 'z' {
					r.Benefits = append(r.Benefits, nil)
					continue
				}
				r.Benefits = append(r.Benefits, decodeRange(it, index(p, i), ps))
			}
		}
	})
	return r
}

// decodeParamRanges reads the ranges of a platform's parameters, by parameter name.
func decodeParamRanges(n *node, path string, ps *problems) ParamRanges {
	var r ParamRanges
	fields(n, path, ps, RangeParams, func(name string, v *node, p string) {
		*r.field(name) = decodeRange(v, p, ps)
	})
	return r
}

// decodeRange reads { "low": …, "high": … }, both required.
func decodeRange(n *node, path string, ps *problems) *Range {
	r := &Range{}
	fields(n, path, ps, []string{"low", "high"}, func(name string, v *node, p string) {
		d, _ := number(v, p, ps)
		if name == "low" {
			r.Low = d
		} else {
			r.High = d
		}
	})
	requireKeys(n, path, ps, "low", "high")
	return r
}

func readVersion(v *node, p string, ps *problems) {
	n, ok := integer(v, p, ps, fmt.Sprintf("a version from 1 to %d", FileVersion))
	switch {
	case !ok:
	case n > FileVersion:
		ps.add(p, "this file uses version %d of the format, written by a newer version of this tool; this version reads versions 1 to %d", n, FileVersion)
	case n < 1:
		ps.add(p, "must be a version from 1 to %d, found %d", FileVersion, n)
	}
}

func hasKey(n *node, key string) bool { return contains(n.keys, key) }

func requireKeys(n *node, p string, ps *problems, keys ...string) {
	if n.kind != 'o' {
		return
	}
	for _, k := range keys {
		if !hasKey(n, k) {
			ps.add(join(p, k), "missing")
		}
	}
}

func decodeRole(n *node, p string, ps *problems) Role {
	var r Role
	fields(n, p, ps, roleFields,
		func(name string, v *node, p string) {
			switch name {
			case "role":
				r.Name = str(v, p, ps)
			case "hourlyCost":
				r.HourlyCost = optNumber(v, p, ps)
			case "annualSalary":
				r.AnnualSalary = optNumber(v, p, ps)
			case "onCost":
				r.OnCost = optNumber(v, p, ps)
			case "overhead":
				r.Overhead = optNumber(v, p, ps)
			case "productiveHours":
				r.ProductiveHours = optNumber(v, p, ps)
			case "hoursPerWeek":
				r.HoursPerWeek, _ = number(v, p, ps)
			}
		})
	requireKeys(n, p, ps, "role", "hoursPerWeek")
	return r
}

var datasetFields = []string{"format", "version", "id", "title", "source", "year", "url", "measure", "provenance", "segments", "platforms"}

var platformFields = append([]string{"id", "name", "kind", "penetration"}, append(append([]string{}, ParamNames...), "assumed", "notes", "context", "ranges", "citation")...)

// provenanceFields are the fields of a dataset's provenance, as in files; citationFields
// those of a platform's citation.
var (
	provenanceFields = []string{"area", "areaName", "measureKind", "base", "ages", "method", "sample",
		"fieldwork", "licence", "readAt", "hand", "original"}
	citationFields = []string{"readAt", "hand", "original", "segments"}
)

func decodeDataset(n *node, path string, ps *problems) *Dataset {
	d := &Dataset{}
	ok := fields(n, path, ps, datasetFields, func(name string, v *node, p string) {
		switch name {
		case "format":
			if f := str(v, p, ps); f != DatasetFormat && v.kind == 's' {
				ps.add(p, "must be %q (this is not a dataset file of this tool)", DatasetFormat)
			}
		case "version":
			readVersion(v, p, ps)
		case "id":
			d.ID = str(v, p, ps)
		case "title":
			d.Title = str(v, p, ps)
		case "source":
			d.Source = str(v, p, ps)
		case "year":
			d.Year, _ = integer(v, p, ps, "the year of the figures, from 1990 to 2100")
		case "url":
			d.URL = str(v, p, ps)
		case "measure":
			d.Measure = str(v, p, ps)
		case "provenance":
			d.Provenance = decodeProvenance(v, p, ps)
		case "segments":
			for i, it := range list(v, p, ps) {
				var s Segment
				q := index(p, i)
				fields(it, q, ps, []string{"id", "label", "population"}, func(name string, v *node, p string) {
					switch name {
					case "id":
						s.ID = str(v, p, ps)
					case "label":
						s.Label = str(v, p, ps)
					case "population":
						s.Population = optNumber(v, p, ps)
					}
				})
				requireKeys(it, q, ps, "id")
				d.Segments = append(d.Segments, s)
			}
		case "platforms":
			for i, it := range list(v, p, ps) {
				d.Platforms = append(d.Platforms, decodePlatform(it, index(p, i), ps))
			}
		}
	})
	if ok {
		requireKeys(n, path, ps, "id", "title", "source", "year", "measure", "segments", "platforms")
	}
	return d
}

func decodePlatform(n *node, path string, ps *problems) Platform {
	pl := Platform{Penetration: map[string]decimal.Decimal{}, Notes: map[string]string{}, Context: map[string]string{}}
	ok := fields(n, path, ps, platformFields, func(name string, v *node, p string) {
		switch name {
		case "id":
			pl.ID = str(v, p, ps)
		case "name":
			pl.Name = str(v, p, ps)
		case "kind":
			pl.Kind = str(v, p, ps)
		case "penetration":
			pl.Penetration = numberMap(v, p, ps)
		case "assumed":
			pl.Assumed = stringList(v, p, ps)
		case "notes":
			pl.Notes = textMap(v, p, ps, false)
		case "context":
			pl.Context = textMap(v, p, ps, true)
		case "ranges":
			pl.Ranges = decodeParamRanges(v, p, ps)
		case "citation":
			pl.Citation, pl.SegmentCitations = decodeCitation(v, p, ps)
		default:
			*pl.Params.field(name), _ = number(v, p, ps)
		}
	})
	if ok {
		requireKeys(n, path, ps, append([]string{"id", "name", "penetration"}, ParamNames...)...)
	}
	return pl
}

func decodeProvenance(n *node, path string, ps *problems) *Provenance {
	pr := &Provenance{}
	fields(n, path, ps, provenanceFields, func(name string, v *node, p string) {
		switch name {
		case "area":
			pr.Area = str(v, p, ps)
		case "areaName":
			pr.AreaName = str(v, p, ps)
		case "measureKind":
			pr.MeasureKind = MeasureKind(str(v, p, ps))
		case "base":
			pr.Base = str(v, p, ps)
		case "ages":
			pr.Ages = str(v, p, ps)
		case "method":
			pr.Method = str(v, p, ps)
		case "sample":
			if n, ok := integer(v, p, ps, "the number of respondents, a whole number of at least 1 (leave sample out when the source does not give it)"); ok && n < 1 {
				ps.add(p, "must be the number of respondents, a whole number of at least 1 (leave sample out when the source does not give it), found %d", n)
			} else {
				pr.Sample = n
			}
		case "fieldwork":
			pr.Fieldwork = str(v, p, ps)
		case "licence":
			pr.Licence = str(v, p, ps)
		default:
			readCitationField(&pr.Citation, name, v, p, ps)
		}
	})
	return pr
}

// decodeCitation reads a platform's citation: nil when it gives none of its own (only
// segments, or nothing).
func decodeCitation(n *node, path string, ps *problems) (*Citation, map[string]Citation) {
	var c Citation
	var segs map[string]Citation
	fields(n, path, ps, citationFields, func(name string, v *node, p string) {
		if name != "segments" {
			readCitationField(&c, name, v, p, ps)
			return
		}
		if v.kind != 'o' {
			ps.add(p, "must be an object of segment ids, found %s", v.kindName())
			return
		}
		segs = map[string]Citation{}
		for i, seg := range v.keys {
			var sc Citation
			fields(v.vals[i], join(p, seg), ps, citationFields[:3], func(name string, v *node, p string) {
				readCitationField(&sc, name, v, p, ps)
			})
			segs[seg] = sc
		}
	})
	if len(segs) == 0 {
		segs = nil
	}
	if c == (Citation{}) {
		return nil, segs
	}
	return &c, segs
}

func readCitationField(c *Citation, name string, v *node, p string, ps *problems) {
	switch name {
	case "readAt":
		c.ReadAt = str(v, p, ps)
	case "hand":
		c.Hand = Hand(str(v, p, ps))
	case "original":
		c.Original = str(v, p, ps)
	}
}

// textMap reads an object of texts; with numbers, numbers and true/false are kept as their text.
func textMap(n *node, p string, ps *problems, numbers bool) map[string]string {
	m := map[string]string{}
	if n.kind != 'o' {
		ps.add(p, "must be an object, found %s", n.kindName())
		return m
	}
	for i, k := range n.keys {
		v := n.vals[i]
		switch {
		case v.kind == 's' || (numbers && v.kind == 'n'):
			m[k] = v.text
		case numbers && v.kind == 'b':
			m[k] = strconv.FormatBool(v.b)
		default:
			ps.add(join(p, k), "must be text, found %s", v.kindName())
		}
	}
	return m
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var roleFields = []string{"role", "hourlyCost", "annualSalary", "onCost", "overhead", "productiveHours", "hoursPerWeek"}

// textStart is the first n characters of s, followed by "…" when s is longer, to name
// a refused value too long to quote whole.
func textStart(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
