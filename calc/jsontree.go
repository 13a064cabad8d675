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
// document is broken or truncated.
func parseTree(data []byte) (*node, error) {
	// Editors on Windows often start UTF-8 files with a byte order mark.
	bom := len(data)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	bom -= len(data)
	if off := firstNotUTF8(data); off >= 0 {
		return nil, syntaxAt(data, off, "the file is not UTF-8 text: "+notUTF8(data, off, bom)+"; save the file as UTF-8")
	}
	// encoding/json's own scan gives the byte where the document breaks.
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		switch {
		case len(bytes.TrimSpace(data)) == 0:
			return nil, syntaxAt(data, len(data), "the file is empty")
		case errors.As(err, &se) && se.Error() == "unexpected end of JSON input":
			return nil, syntaxAt(data, len(data), "the document ends too early (is the file truncated?)")
		case errors.As(err, &se):
			return nil, syntaxAt(data, int(se.Offset)-1, se.Error())
		}
		return nil, syntaxAt(data, 0, err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec, data, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, syntaxAt(data, int(dec.InputOffset()), "unexpected text after the end of the document")
	}
	return n, nil
}

func readNode(dec *json.Decoder, data []byte, depth int) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, tokenError(dec, data, err)
	}
	return nodeFrom(dec, data, tok, depth)
}

func nodeFrom(dec *json.Decoder, data []byte, tok json.Token, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, syntaxAt(data, int(dec.InputOffset()), fmt.Sprintf("nested more than %d levels deep", maxDepth))
	}
	switch t := tok.(type) {
	case json.Delim:
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
				if seen[key] {
					// start is the end of the previous value: the key begins at the next quote.
					if i := bytes.IndexByte(data[start:], '"'); i >= 0 {
						start += i
					}
					return nil, syntaxAt(data, start, fmt.Sprintf("the field %q appears twice in the same object", key))
				}
				seen[key] = true
				v, err := readNode(dec, data, depth+1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, tokenError(dec, data, err)
			}
			return n, nil
		case '[':
			n := &node{kind: 'a'}
			for dec.More() {
				v, err := readNode(dec, data, depth+1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, tokenError(dec, data, err)
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
