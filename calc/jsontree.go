package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// node is one value of a JSON document, read without losing anything: numbers keep
// their exact text (never a float64), objects keep their key order, and duplicate keys
// are caught. Decoding from a node lets every problem be reported with its field path.
type node struct {
	kind  byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	keys  []string
	vals  []*node
	items []*node
	text  string // the string, or the number's literal text
	b     bool
}

func (n *node) kindName() string {
	switch n.kind {
	case 'o':
		return "an object"
	case 'a':
		return "a list"
	case 's':
		return "text"
	case 'n':
		return "a number"
	case 'b':
		return "true or false"
	}
	return "null"
}

// SyntaxError reports a document that is not valid JSON, with the position of the
// problem as a person counts it (line and column from 1, column in characters).
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// maxDepth bounds the nesting of a document; the file formats need fewer than ten levels.
const maxDepth = 64

// parseTree reads one JSON document. It fails with a *SyntaxError saying where the
// document is broken or truncated, or with an *InputError naming every list and
// object that has more entries than sh allows (nil: maxEntries each); entries over a
// limit are read past, not kept.
func parseTree(data []byte, sh *shape) (*node, error) {
	data, err := validJSON(data)
	if err != nil {
		return nil, err
	}
	r := &treeReader{data: data}
	n, err := r.value(sh, "", "", 0, 0)
	if err != nil {
		return nil, err
	}
	if r.space(); r.pos < len(data) {
		return nil, syntaxAt(data, r.pos, "unexpected text after the end of the document")
	}
	if err := r.over.err(); err != nil {
		return nil, err
	}
	return n, nil
}

// validJSON returns data without a byte order mark, or a *SyntaxError where data is not
// UTF-8 text or not one JSON document.
func validJSON(data []byte) ([]byte, error) {
	// Editors on Windows often start UTF-8 files with a byte order mark.
	bom := len(data)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	bom -= len(data)
	if off := firstNotUTF8(data); off >= 0 {
		return nil, syntaxAt(data, off, "the file is not UTF-8 text: "+notUTF8(data, off, bom)+"; save the file as UTF-8")
	}
	// encoding/json's own scan gives the byte where the document breaks.
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	return data, nil
}

// checkSyntax reports where data stops being one JSON document, as a *SyntaxError.
func checkSyntax(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var skip struct{}
	err := json.Unmarshal(data, &skip)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == nil, errors.As(err, &te):
		return nil // valid JSON (of another type than an object)
	case len(bytes.TrimSpace(data)) == 0:
		return syntaxAt(data, len(data), "the file is empty")
	case errors.As(err, &se) && se.Error() == "unexpected end of JSON input":
		return syntaxAt(data, len(data), "the document ends too early (is the file truncated?)")
	case errors.As(err, &se):
		return syntaxAt(data, int(se.Offset)-1, se.Error())
	}
	return syntaxAt(data, 0, err.Error())
}

// treeReader reads the nodes of one document that checkSyntax found to be valid JSON,
// scanning its bytes: encoding/json's Decoder.Token, which it replaces, spent most of
// the page's start reading the embedded datasets. Strings with escapes are unquoted by
// encoding/json itself, so text reads exactly as it would there.
type treeReader struct {
	data []byte
	pos  int
	over problems // the lists and objects with more entries than allowed
}

func (r *treeReader) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// value reads the value at r.pos. path is the value's own path, given only for a
// container, the only kind that can be over a limit (at is the container's, and name or i
// its field or item, for the path of a container value).
func (r *treeReader) value(sh *shape, at, name string, i, depth int) (*node, error) {
	r.space()
	data := r.data
	if r.pos >= len(data) {
		return nil, syntaxAt(data, len(data), "the document ends too early (is the file truncated?)")
	}
	c := data[r.pos]
	if c != '{' && c != '[' {
		n, err := r.scalar()
		if err == nil && depth > maxDepth {
			return nil, syntaxAt(data, r.pos, fmt.Sprintf("nested more than %d levels deep", maxDepth))
		}
		return n, err
	}
	r.pos++
	if depth > maxDepth {
		return nil, syntaxAt(data, r.pos, fmt.Sprintf("nested more than %d levels deep", maxDepth))
	}
	path := at
	if name != "" {
		path = join(at, name)
	} else if depth > 0 {
		path = index(at, i)
	}
	most, what := sh.limit()
	count := 0
	if c == '{' {
		n := &node{kind: 'o'}
		var seen map[string]bool // the keys, once there are many
		r.space()
		for r.pos < len(data) && data[r.pos] != '}' {
			if data[r.pos] == ',' {
				r.pos++
				r.space()
			}
			start := r.pos
			key, err := r.str()
			if err != nil {
				return nil, err
			}
			r.space()
			r.pos++ // the colon
			if count++; count > most {
				r.skip()
				r.space()
				continue
			}
			if seen == nil && len(n.keys) == 16 {
				seen = make(map[string]bool, 64)
				for _, k := range n.keys {
					seen[k] = true
				}
			}
			if seen != nil && seen[key] || seen == nil && n.has(key) {
				return nil, syntaxAt(data, start, fmt.Sprintf("the field %s appears twice in the same object", Quote(key)))
			}
			v, err := r.value(sh.field(key), path, key, 0, depth+1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.vals = append(n.vals, v)
			if seen != nil {
				seen[key] = true
			}
			r.space()
		}
		r.pos++
		if count > most {
			tooMany(&r.over, path, count, most, what)
		}
		return n, nil
	}
	n := &node{kind: 'a'}
	r.space()
	for r.pos < len(data) && data[r.pos] != ']' {
		if data[r.pos] == ',' {
			r.pos++
		}
		if count++; count > most {
			r.skip()
			r.space()
			continue
		}
		v, err := r.value(sh.item(), path, "", count-1, depth+1)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, v)
		r.space()
	}
	r.pos++
	if count > most {
		tooMany(&r.over, path, count, most, what)
	}
	return n, nil
}

// has reports whether object n already has the key; most objects have few keys, for
// which a look through them is quicker than a map.
func (n *node) has(key string) bool {
	for _, k := range n.keys {
		if k == key {
			return true
		}
	}
	return false
}

// scalar reads the string, number, true, false or null at r.pos.
func (r *treeReader) scalar() (*node, error) {
	data := r.data
	switch data[r.pos] {
	case '"':
		s, err := r.str()
		if err != nil {
			return nil, err
		}
		return &node{kind: 's', text: s}, nil
	case 't':
		r.pos += len("true")
		return &node{kind: 'b', b: true}, nil
	case 'f':
		r.pos += len("false")
		return &node{kind: 'b'}, nil
	case 'n':
		r.pos += len("null")
		return &node{kind: 'z'}, nil
	}
	start := r.pos
	for r.pos < len(data) && strings.IndexByte("+-.eE0123456789", data[r.pos]) >= 0 {
		r.pos++
	}
	return &node{kind: 'n', text: string(data[start:r.pos])}, nil
}

// str reads the string at r.pos.
func (r *treeReader) str() (string, error) {
	data := r.data
	start := r.pos
	escaped := false
	i := start + 1
	for ; i < len(data) && data[i] != '"'; i++ {
		if data[i] == '\\' {
			escaped = true
			i++
		}
	}
	r.pos = i + 1
	if !escaped {
		return string(data[start+1 : i]), nil
	}
	var s string
	if err := json.Unmarshal(data[start:r.pos], &s); err != nil {
		return "", syntaxAt(data, start, err.Error())
	}
	return s, nil
}

// skip reads past one value without keeping it.
func (r *treeReader) skip() {
	r.space()
	depth := 0
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case '"':
			r.str()
			if depth == 0 {
				return
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				r.pos++
				return
			}
		case ',', ':', ' ', '\t', '\n', '\r':
		default:
			if depth == 0 {
				r.scalar()
				return
			}
		}
		r.pos++
	}
}

// firstNotUTF8 returns the offset of the first byte of data that is not part of a
// UTF-8 character, or -1 when data is UTF-8 text.
func firstNotUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return off
}

// notUTF8 names the byte at off of data that is not UTF-8, for a message, with its
// offset in the file (counted from 0) when the file had shift bytes before data.
func notUTF8(data []byte, off, shift int) string {
	return fmt.Sprintf("the byte at offset %d (0x%02X) is not part of a UTF-8 character", off+shift, data[off])
}

// syntaxAt makes a SyntaxError for byte offset off of data.
func syntaxAt(data []byte, off int, msg string) *SyntaxError {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Line: line, Column: col, Msg: msg}
}
