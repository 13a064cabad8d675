package calc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A share link carries one scenario in the fragment of the page's address, so that it
// never reaches a server (MODEL.md, Files):
//
//	https://example.org/roi/#s2=<payload>
//
// where the payload is the base64url encoding (RFC 4648 section 5, without padding) of
// the raw DEFLATE compression (RFC 1951) of the scenario file's compact JSON followed
// by the 4-byte big-endian CRC-32 (IEEE) of that JSON. The checksum is compressed with
// the JSON, as the last 4 bytes of the data, so that a link damaged by one character
// is refused as damaged instead of opening as another scenario. The JSON carries its
// format version, so links made today open in later versions of the tool.
//
// Links of the first form, "#s=<payload>", hold the JSON alone, without the checksum;
// they still open.

// SharePrefix starts the fragment of a share link: "#s2=", then the payload.
const SharePrefix = "#s2="

// LegacySharePrefix starts the fragment of a share link of the first form, without
// a checksum. Such links still open; none are made any more.
const LegacySharePrefix = "#s="

// MaxShareJSON is the most bytes of scenario JSON a share link may hold once
// decompressed (the checksum not counted). A scenario is a few kilobytes (one with an
// inline dataset, a few tens); the limit keeps a hostile link from expanding into
// gigabytes.
const MaxShareJSON = 1 << 20

// shareChecksumSize is the size of the CRC-32 at the end of a link's data.
const shareChecksumSize = 4

// maxSharePayload bounds the payload text read: base64 of the largest compressed
// scenario, with room to spare (DEFLATE never grows data by more than a few bytes per
// 64 KiB block).
const maxSharePayload = (MaxShareJSON+shareChecksumSize)/3*4 + 4096

// ShareError reports a share link that cannot be made or opened, with a message for a
// person saying what is wrong and what to do. When the link's data is a scenario file
// that cannot be read, Err holds the reader's *SyntaxError or *InputError (errors.As
// finds it through the ShareError).
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

// EncodeShare returns the payload of a share link for s: what follows SharePrefix in
// the address. It is EncodeShareJSON of the scenario file that MarshalScenario writes.
// The scenario is not validated: a link can carry work in progress, as a saved file
// can.
func EncodeShare(s *Scenario) (string, error) {
	if s == nil {
		return "", &ShareError{Msg: "no scenario to share"}
	}
	data, err := MarshalScenario(s)
	if err != nil {
		return "", err
	}
	return EncodeShareJSON(data)
}

// EncodeShareJSON returns the payload of a share link (what follows SharePrefix in the
// address) for a scenario file's JSON, such as the page's form holds: base64url
// without padding of the DEFLATE compression (best compression, raw RFC 1951 stream)
// of the compact JSON followed by its CRC-32. The JSON is compacted (insignificant
// white space removed, nothing else changed) but not checked against the scenario
// format, so a link can carry a scenario that still has problems. It fails with a
// *ShareError when fileJSON is not UTF-8 JSON, or when its compact form is over
// MaxShareJSON bytes (DecodeShareJSON would refuse it).
func EncodeShareJSON(fileJSON []byte) (string, error) {
	fileJSON = bytes.TrimPrefix(fileJSON, []byte("\ufeff"))
	if !utf8.Valid(fileJSON) {
		_, err := parseTree(fileJSON, nil)
		return "", &ShareError{Msg: "no link can be made: the scenario is not UTF-8 text", Err: err}
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, fileJSON); err != nil {
		_, perr := parseTree(fileJSON, nil)
		if perr == nil {
			perr = err
		}
		return "", &ShareError{Msg: "no link can be made: the scenario is not valid JSON", Err: perr}
	}
	if compact.Len() > MaxShareJSON {
		return "", shareTooLarge(compact.Len())
	}
	data := binary.BigEndian.AppendUint32(compact.Bytes(), crc32.ChecksumIEEE(compact.Bytes()))
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(data); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(z.Bytes()), nil
}

func shareTooLarge(n int) error {
	return &ShareError{Msg: fmt.Sprintf("the scenario is too large for a share link (%d bytes of JSON; a link holds at most %d): save it as a file instead", n, MaxShareJSON)}
}

// DecodeShare reads the scenario of a share link, as EncodeShare writes it: the
// scenario JSON of DecodeShareJSON, read with ReadScenario, so that a link made by an
// earlier version opens; the reader's *SyntaxError or *InputError is wrapped in a
// *ShareError. The scenario is not validated (it may name an imported dataset): call
// Validate or Compute.
func DecodeShare(fragment string) (*Scenario, error) {
	data, err := DecodeShareJSON(fragment)
	if err != nil {
		return nil, err
	}
	s, err := ReadScenario(data)
	if err != nil {
		return nil, &ShareError{Msg: "the share link opens, but the scenario in it cannot be read", Err: err}
	}
	return s, nil
}

// DecodeShareJSON returns the scenario JSON that a share link carries, as
// EncodeShareJSON wrote it (compact, without its checksum; for a link of the first
// form, the JSON as it was compressed). The fragment starts with
// "#s2=" or "s2=" (or nothing: the payload alone, as EncodeShareJSON returns it), or,
// for a link of the first form, with "#s=" or "s="; it may have surrounding white
// space and base64 padding ("=" at its end). Anything else is refused with a
// *ShareError saying what is wrong: a character that a link never holds (named, with
// its position counted in characters from 1 from the first character after the
// surrounding white space), a link that is cut off or damaged (for a link of the
// current form, any data whose checksum does not match), or one holding more than
// MaxShareJSON bytes. The JSON itself is not read: the scenario reader does that.
func DecodeShareJSON(fragment string) ([]byte, error) {
	text := strings.TrimSpace(fragment)
	start, legacy := 0, false // start: characters before the base64 text, for positions
	switch {
	case strings.HasPrefix(text, SharePrefix):
		start = len(SharePrefix)
	case strings.HasPrefix(text, SharePrefix[1:]):
		start = len(SharePrefix) - 1
	case strings.HasPrefix(text, LegacySharePrefix):
		start, legacy = len(LegacySharePrefix), true
	case strings.HasPrefix(text, LegacySharePrefix[1:]):
		start, legacy = len(LegacySharePrefix)-1, true
	}
	if start == 0 {
		if form, ok := laterForm(text); ok {
			return nil, &ShareError{Msg: fmt.Sprintf("the share link is of a form this version of the calculator does not read (%s, where it reads %s): open it with the version that made it, or ask for the scenario file", form, SharePrefix[1:])}
		}
	}
	b64 := strings.TrimRight(text[start:], "=")
	padding := len(text) - start - len(b64)
	if b64 == "" {
		return nil, &ShareError{Msg: "the share link is empty: copy the whole address, including the part after " + SharePrefix}
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
		for _, prefix := range []string{SharePrefix, LegacySharePrefix} {
			if k := strings.Index(text, prefix); k > 0 {
				hint = "give only the part of the address from " + prefix + " on"
				break
			}
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
	// Not Strict: the unused low bits of the last character are ignored here, so that
	// a link cut off there is reported by the decompressor as cut off; they are
	// checked below, once the data is known to be whole.
	raw, err := base64.RawURLEncoding.DecodeString(b64)
	if err != nil {
		return nil, &ShareError{Msg: "the share link looks damaged or cut off: copy the whole address again"}
	}
	limit := MaxShareJSON
	if !legacy {
		limit += shareChecksumSize
	}
	br := bytes.NewReader(raw)
	zr := flate.NewReader(br)
	data, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err == nil && len(data) > limit {
		return nil, &ShareError{Msg: fmt.Sprintf("the share link holds more than %d bytes of scenario data: it was not made by this tool (a scenario is a few kilobytes)", MaxShareJSON)}
	}
	if err == nil {
		err = zr.Close()
	}
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) && legacy:
		return nil, &ShareError{Msg: "the share link is cut off (its data ends before the scenario does): copy the whole address, up to its last character"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		// A character changed can also make the data seem to go on.
		return nil, &ShareError{Msg: "the share link is cut off or damaged (its data ends before the scenario does): copy the whole address, up to its last character"}
	case errors.As(err, &ce):
		return nil, &ShareError{Msg: "the share link is damaged (its data is not a compressed scenario; a character may have been changed or lost): copy the whole address again"}
	case err != nil:
		return nil, &ShareError{Msg: "the share link looks damaged or cut off: copy the whole address again"}
	case br.Len() > 0:
		// The compressed stream ended before the link did.
		return nil, &ShareError{Msg: "the share link is damaged (it goes on after the end of its scenario): copy the whole address again"}
	}
	if legacy {
		return data, nil
	}
	damaged := &ShareError{Msg: "the share link is damaged (its checksum does not match its data: a character was changed, added or lost): copy the whole address again"}
	if len(data) < shareChecksumSize {
		return nil, damaged
	}
	js, sum := data[:len(data)-shareChecksumSize], data[len(data)-shareChecksumSize:]
	if crc32.ChecksumIEEE(js) != binary.BigEndian.Uint32(sum) {
		return nil, damaged
	}
	// The checksum does not cover the unused bits of the last character, which an
	// encoder leaves at 0.
	if _, err := base64.RawURLEncoding.Strict().DecodeString(b64); err != nil {
		return nil, damaged
	}
	return js, nil
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

// laterForm reports whether text starts as a share link of another numbered form
// ("#s3=", "s10="), and gives that start without "#".
func laterForm(text string) (string, bool) {
	t := strings.TrimPrefix(text, "#")
	if !strings.HasPrefix(t, "s") {
		return "", false
	}
	i := 1
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 1 || i >= len(t) || t[i] != '=' || i > 4 {
		return "", false
	}
	return t[:i+1], true
}
