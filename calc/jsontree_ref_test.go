package calc

// The tree reader as it was, on encoding/json's Decoder.Token: the reference the faster
// reader in jsontree.go is checked against (TestTreeReaderAsBefore).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

func parseTreeTokens(data []byte, sh *shape) (*node, error) {
	data, err := validJSON(data)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	r := &tokenTreeReader{dec: dec, data: data}
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

// tokenTreeReader reads the nodes of one document.
type tokenTreeReader struct {
	dec  *json.Decoder
	data []byte
	over problems // the lists and objects with more entries than allowed
}

func (r *tokenTreeReader) read(sh *shape, path string, depth int) (*node, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return nil, tokenErrorRef(r.dec, r.data, err)
	}
	return r.node(tok, sh, path, depth)
}

// readAt reads the value of field name (or item i, when name is "") of the container
// at path. The value's own path is built only for a container, the only kind that
// can be over a limit.
func (r *tokenTreeReader) readAt(sh *shape, path, name string, i, depth int) (*node, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return nil, tokenErrorRef(r.dec, r.data, err)
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

func (r *tokenTreeReader) node(tok json.Token, sh *shape, path string, depth int) (*node, error) {
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
					return nil, tokenErrorRef(dec, data, err)
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
				return nil, tokenErrorRef(dec, data, err)
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
				return nil, tokenErrorRef(dec, data, err)
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
func (r *tokenTreeReader) skip() error {
	depth := 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return tokenErrorRef(r.dec, r.data, err)
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

func tokenErrorRef(dec *json.Decoder, data []byte, err error) error {
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
