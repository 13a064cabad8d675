package calc

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Problem is one thing wrong with an input: the field it is about, as a path into the
// scenario or dataset file (for example "staff[1].hoursPerWeek" or "audience.weights"),
// and a message for a person saying what was wrong and what is accepted.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.Message
	}
	return ShortPath(p.Field) + ": " + p.Message
}

// InputError is returned for invalid input. It holds every problem found, in the
// order of the input, at most one per field, and none inside a field that has one
// (when "staff[1]" is not an object, nothing more is said about "staff[1].role").
type InputError struct {
	Problems []Problem
}

func (e *InputError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects Problems, keeping the first one reported for each field, so that a
// value that could not be read is not reported again by a later check, nor anything
// inside it.
type problems struct {
	list []Problem
	seen map[string]bool
	// typed holds the numbers written with an exponent, as written, by field, for the
	// messages about them; standIns, the fields of those beyond reach (see number)
	// whose check has not yet reported them.
	typed    map[string]typedNumber
	standIns []string
}

type typedNumber struct {
	text string
	d    decimal.Decimal
}

// typedNumber keeps the text of the number at field, written with an exponent.
func (ps *problems) typedNumber(field, text string, d decimal.Decimal) {
	if ps.typed == nil {
		ps.typed = map[string]typedNumber{}
	}
	ps.typed[field] = typedNumber{text, d}
}

// standIn is the number that stands for d at field, d having more digits than any
// figure of the model: one beyond every field's range (d ≥ 1 in size), or one with
// more decimal places than any field accepts. The field is reported when nothing else
// has reported it (err), so that nothing is ever computed from a stand-in.
func (ps *problems) standIn(field string, d decimal.Decimal) decimal.Decimal {
	ps.standIns = append(ps.standIns, field)
	exp := int32(maxNumberText + 1)
	if d.Exponent() < 0 && len(d.Coefficient().String()) <= int(-d.Exponent()) { // |d| < 1
		exp = -exp
	}
	return decimal.New(int64(d.Sign()), exp)
}

// found is the number at field for a message: as written when it was written with an
// exponent, with what it stands for ("1e400 (a number of 401 digits)"), else d.
func (ps *problems) found(field string, d decimal.Decimal) string {
	if t, ok := ps.typed[field]; ok {
		return t.text + numberGloss(t.text, t.d)
	}
	return d.String()
}

// places is how many decimal places the number at field has, said for a message: ""
// for one not written with an exponent (the message quotes it in full).
func (ps *problems) places(field string) string {
	t, ok := ps.typed[field]
	if !ok {
		return ""
	}
	coef, exp := t.d.Coefficient(), int(t.d.Exponent())
	ten := big.NewInt(10)
	for exp < 0 && coef.Sign() != 0 && new(big.Int).Rem(coef, ten).Sign() == 0 {
		coef.Quo(coef, ten)
		exp++
	}
	return fmt.Sprintf("%s has %d", t.text, -exp)
}

func (ps *problems) add(field, format string, args ...any) {
	if ps.seen == nil {
		ps.seen = map[string]bool{}
	}
	if field != "" && (ps.seen[field] || ps.insideSeen(field)) {
		return
	}
	ps.seen[field] = true
	ps.list = append(ps.list, Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

// insideSeen reports whether a field that holds field (such as "staff[1]" or "staff"
// for "staff[1].role") already has a problem.
func (ps *problems) insideSeen(field string) bool {
	for i := len(field) - 1; i > 0; i-- {
		if (field[i] == '.' || field[i] == '[') && ps.seen[field[:i]] {
			return true
		}
	}
	return false
}

// has reports whether field, or a field below it, already has a problem.
func (ps *problems) has(field string) bool {
	if ps.seen[field] {
		return true
	}
	for f := range ps.seen {
		if strings.HasPrefix(f, field+".") || strings.HasPrefix(f, field+"[") {
			return true
		}
	}
	return false
}

func (ps *problems) err() error {
	for _, f := range ps.standIns {
		if t := ps.typed[f]; !ps.seen[f] && !ps.insideSeen(f) {
			ps.add(f, "is not a figure this field can take: %s", t.text+numberGloss(t.text, t.d))
		}
	}
	ps.standIns = nil
	if len(ps.list) == 0 {
		return nil
	}
	return &InputError{Problems: ps.list}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// quoteLimit is the most characters of a typed or read text that a message quotes: a
// longer text is quoted by its start, so that a problem stays a line however long the
// text (the field keeps the whole of it).
const quoteLimit = 40

// Quote quotes a typed or read text for a message: "Digital officer" in quotes, or,
// for a text longer than 40 characters, its first 40 and an ellipsis, said to be
// shortened: "RRRR…" (first 40 of 10,000 characters).
func Quote(s string) string {
	if r := []rune(s); len(r) > quoteLimit {
		return strconv.Quote(string(r[:quoteLimit])+"…") + shortened(len(r))
	}
	return strconv.Quote(s)
}

// ShortText is a name for a message or a field's label, unquoted: the name, or, for
// one longer than 40 characters, its first 40 and an ellipsis, said to be shortened.
func ShortText(s string) string {
	if r := []rune(s); len(r) > quoteLimit {
		return string(r[:quoteLimit]) + "…" + shortened(len(r))
	}
	return s
}

func shortened(n int) string {
	return fmt.Sprintf(" (first %d of %s characters)", quoteLimit, Grouped(strconv.Itoa(n)))
}

// ShortPath is a field's path for a message: the path, with any name in it longer than
// 40 characters (an unknown field's, say) shortened as ShortText does.
func ShortPath(path string) string {
	if utf8.RuneCountInString(path) <= quoteLimit {
		return path
	}
	var b strings.Builder
	start := 0
	for i := 0; i <= len(path); i++ {
		if i == len(path) || path[i] == '.' || path[i] == '[' || path[i] == ']' {
			b.WriteString(ShortText(path[start:i]))
			if i < len(path) {
				b.WriteByte(path[i])
			}
			start = i + 1
		}
	}
	return b.String()
}
