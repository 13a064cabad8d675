package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	r := &treeReader{dec: dec, data: data}
	n, err := r.read(sh, "", 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, syntaxAt(data, int(dec.InputOffset()), "unexpected text after the end of the document")
	}
	if err := r.over.err(); err != nil {
		return nil, err
	}
	return n, nil
}

// checkSyntax reports where data stops being one JSON document, as a *SyntaxError.
func checkSyntax(data []byte) error {
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

// treeReader reads the nodes of one document.
type treeReader struct {
	dec  *json.Decoder
	data []byte
	over problems // the lists and objects with more entries than allowed
}

func (r *treeReader) read(sh *shape, path string, depth int) (*node, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return nil, tokenError(r.dec, r.data, err)
	}
	return r.node(tok, sh, path, depth)
}

// readAt reads the value of field name (or item i, when name is "") of the container
// at path. The value's own path is built only for a container, the only kind that
// can be over a limit.
func (r *treeReader) readAt(sh *shape, path, name string, i, depth int) (*node, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return nil, tokenError(r.dec, r.data, err)
	}
	if _, ok := tok.(json.Delim); ok {
		if name != "" {
			path = join(path, name)
		} else {
			path = index(path, i)
		}
	}
	return r.node(tok, sh, path, depth)
}

func (r *treeReader) node(tok json.Token, sh *shape, path string, depth int) (*node, error) {
	dec, data := r.dec, r.data
	if depth > maxDepth {
		return nil, syntaxAt(data, int(dec.InputOffset()), fmt.Sprintf("nested more than %d levels deep", maxDepth))
	}
	switch t := tok.(type) {
	case json.Delim:
		most, what := sh.limit()
		count := 0
		switch t {
		case '{':
			n := &node{kind: 'o'}
			seen := map[string]bool{}
			for dec.More() {
				start := int(dec.InputOffset())
				kt, err := dec.Token()
				if err != nil {
					return nil, tokenError(dec, data, err)
				}
				key, ok := kt.(string)
				if !ok {
					return nil, syntaxAt(data, start, "expected a field name in quotes")
				}
				if count++; count > most {
					if err := r.skip(); err != nil {
						return nil, err
					}
					continue
				}
				if seen[key] {
					// start is the end of the previous value: the key begins at the next quote.
					if i := bytes.IndexByte(data[start:], '"'); i >= 0 {
						start += i
					}
					return nil, syntaxAt(data, start, fmt.Sprintf("the field %q appears twice in the same object", key))
				}
				seen[key] = true
				v, err := r.readAt(sh.field(key), path, key, 0, depth+1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, tokenError(dec, data, err)
			}
			if count > most {
				tooMany(&r.over, path, count, most, what)
			}
			return n, nil
		case '[':
			n := &node{kind: 'a'}
			for dec.More() {
				if count++; count > most {
					if err := r.skip(); err != nil {
						return nil, err
					}
					continue
				}
				v, err := r.readAt(sh.item(), path, "", count-1, depth+1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, tokenError(dec, data, err)
			}
			if count > most {
				tooMany(&r.over, path, count, most, what)
			}
			return n, nil
		}
		return nil, syntaxAt(data, int(dec.InputOffset()), fmt.Sprintf("unexpected %q", rune(t)))
	case string:
		return &node{kind: 's', text: t}, nil
	case json.Number:
		return &node{kind: 'n', text: string(t)}, nil
	case bool:
		return &node{kind: 'b', b: t}, nil
	case nil:
		return &node{kind: 'z'}, nil
	}
	return nil, syntaxAt(data, int(dec.InputOffset()), "unexpected value")
}

// skip reads past one value without keeping it.
func (r *treeReader) skip() error {
	depth := 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return tokenError(r.dec, r.data, err)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

func tokenError(dec *json.Decoder, data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return syntaxAt(data, int(se.Offset), se.Error())
	case errors.Is(err, io.EOF) && dec.InputOffset() == 0:
		return syntaxAt(data, len(data), "the file is empty")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return syntaxAt(data, len(data), "the document ends too early (is the file truncated?)")
	}
	return syntaxAt(data, int(dec.InputOffset()), err.Error())
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
