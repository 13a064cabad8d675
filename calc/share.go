package calc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A share link carries one scenario in the fragment of the page's address, so that it
// never reaches a server (MODEL.md, Files):
//
//	https://example.org/roi/#s=<payload>
//
// where the payload is the base64url encoding (RFC 4648 section 5, without padding) of
// the raw DEFLATE compression (RFC 1951) of the scenario file's JSON. The JSON carries
// its format version, so links made today open in later versions of the tool.

// MaxShareJSON is the most bytes of scenario JSON a share link may hold once
// decompressed. A scenario is a few kilobytes (one with an inline dataset, a few tens);
// the limit keeps a hostile link from expanding into gigabytes.
const MaxShareJSON = 1 << 20

// maxSharePayload bounds the payload text read: base64 of the largest compressed
// scenario, with room to spare (DEFLATE never grows data by more than a few bytes per
// 64 KiB block).
const maxSharePayload = MaxShareJSON/3*4 + 4096

// SharePrefix starts the fragment of a share link ("#s=" then the payload).
const SharePrefix = "#s="

// ShareError reports a share link that cannot be opened, with a message for a person
// saying what is wrong and what to do. When the link's data is a scenario file that
// cannot be read, Err holds the reader's *SyntaxError or *InputError (errors.As finds
// it through the ShareError).
type ShareError struct {
	Msg string
	Err error
}

func (e *ShareError) Error() string {
	if e.Err == nil {
		return e.Msg
	}
	inner := e.Err.Error()
	if strings.Contains(inner, "\n") {
		return e.Msg + ":\n" + inner
	}
	return e.Msg + ": " + inner
}

// Unwrap returns the error of the scenario reader, or nil.
func (e *ShareError) Unwrap() error { return e.Err }

// EncodeShare returns the payload of a share link for s: what follows "#s=" in the
// address. It is base64url without padding of the DEFLATE-compressed (best compression,
// raw RFC 1951 stream) compact JSON of MarshalScenario. The scenario is not validated:
// a link can carry work in progress, as a saved file can. It fails with a *ShareError
// when the scenario's JSON is over MaxShareJSON bytes (DecodeShare would refuse it).
func EncodeShare(s *Scenario) (string, error) {
	if s == nil {
		return "", &ShareError{Msg: "no scenario to share"}
	}
	data, err := MarshalScenario(s)
	if err != nil {
		return "", err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return "", err
	}
	if compact.Len() > MaxShareJSON {
		return "", &ShareError{Msg: fmt.Sprintf("the scenario is too large for a share link (%d bytes of JSON; a link holds at most %d): save it as a file instead", compact.Len(), MaxShareJSON)}
	}
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(compact.Bytes()); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(z.Bytes()), nil
}

// DecodeShare reads the scenario of a share link's payload, as EncodeShare writes it.
// The payload may start with "#s=" or "s=", and may have surrounding whitespace and
// base64 padding ("=" at its end); anything else is refused with a *ShareError saying
// what is wrong: a character that a link never holds (named, with its position counted
// in characters from 1 from the first character after the surrounding whitespace),
// a link that is cut off or damaged, or one holding more than MaxShareJSON bytes. The
// scenario's JSON is read with ReadScenario, so a link made by an earlier version
// opens; its *SyntaxError or *InputError is wrapped in the *ShareError. The scenario is
// not validated (it may name an imported dataset): call Validate or Compute.
func DecodeShare(payload string) (*Scenario, error) {
	text := strings.TrimSpace(payload)
	start := 0 // characters before the base64 text, for positions
	switch {
	case strings.HasPrefix(text, SharePrefix):
		start = len(SharePrefix)
	case strings.HasPrefix(text, "s="):
		start = len("s=")
	}
	b64 := strings.TrimRight(text[start:], "=")
	padding := len(text) - start - len(b64)
	if b64 == "" {
		return nil, &ShareError{Msg: "the share link is empty: copy the whole address, including the part after #s="}
	}
	if len(text) > maxSharePayload {
		return nil, &ShareError{Msg: fmt.Sprintf("the share link is too long (more than %d characters, the most a link made by this tool has): it is not a share link", maxSharePayload)}
	}
	for i, r := range b64 {
		if isBase64URL(r) {
			continue
		}
		pos := utf8.RuneCountInString(text[:start+i]) + 1
		hint := "copy the whole address again"
		if k := strings.Index(text, SharePrefix); k > 0 {
			hint = "give only the part of the address from #s= on"
		}
		return nil, &ShareError{Msg: fmt.Sprintf("the share link is damaged: character %d is %s, which a link never holds (only letters A to Z and a to z, digits, - and _); %s",
			pos, describeRune(r), hint)}
	}
	if padding > 2 {
		return nil, &ShareError{Msg: fmt.Sprintf("the share link is damaged: it ends in %d \"=\" (a link has at most 2); copy the whole address again", padding)}
	}
	if len(b64)%4 == 1 {
		return nil, &ShareError{Msg: "the share link is cut off: copy the whole address, up to its last character"}
	}
	// Not Strict: the unused low bits of the last character are ignored, so that a link
	// cut off there is reported by the decompressor as cut off.
	raw, err := base64.RawURLEncoding.DecodeString(b64)
	if err != nil {
		return nil, &ShareError{Msg: "the share link looks damaged or cut off: copy the whole address again"}
	}
	br := bytes.NewReader(raw)
	zr := flate.NewReader(br)
	data, err := io.ReadAll(io.LimitReader(zr, MaxShareJSON+1))
	if err == nil && len(data) > MaxShareJSON {
		return nil, &ShareError{Msg: fmt.Sprintf("the share link holds more than %d bytes of scenario data: it was not made by this tool (a scenario is a few kilobytes)", MaxShareJSON)}
	}
	if err == nil {
		err = zr.Close()
	}
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, &ShareError{Msg: "the share link is cut off (its data ends before the scenario does): copy the whole address, up to its last character"}
	case errors.As(err, &ce):
		return nil, &ShareError{Msg: "the share link is damaged (its data is not a compressed scenario; a character may have been changed or lost): copy the whole address again"}
	case err != nil:
		return nil, &ShareError{Msg: "the share link looks damaged or cut off: copy the whole address again"}
	case br.Len() > 0:
		// The compressed stream ended before the link did.
		return nil, &ShareError{Msg: "the share link is damaged (it goes on after the end of its scenario): copy the whole address again"}
	}
	s, err := ReadScenario(data)
	if err != nil {
		return nil, &ShareError{Msg: "the share link opens, but the scenario in it cannot be read", Err: err}
	}
	return s, nil
}

func isBase64URL(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_'
}

// describeRune names a character for a message: quoted when it is visible.
func describeRune(r rune) string {
	switch {
	case r == ' ':
		return "a space"
	case r == '\n' || r == '\r':
		return "a line break"
	case r == '\t':
		return "a tab"
	case r == utf8.RuneError:
		return "not a character (the text is not UTF-8)"
	case unicode.IsGraphic(r) && !unicode.IsSpace(r):
		return fmt.Sprintf("%q", string(r))
	}
	return fmt.Sprintf("the invisible character %U", r)
}
