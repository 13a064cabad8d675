package calc_test

// Tests of the share link (MODEL.md, Files): EncodeShare, EncodeShareJSON,
// DecodeShare and DecodeShareJSON.
//
//	go test ./calc -run XXX -fuzz FuzzDecodeShare -fuzztime 20s

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"

	"platformroi/calc"
)

// qaShareJSON is a scenario file in compact JSON, and qaSharePayload its share link
// payload, made by Python's zlib (an implementation independent of Go's), so that
// the format itself is pinned: a link made today must open in later versions.
//
//	crc = zlib.crc32(json).to_bytes(4, "big")
//	c = zlib.compressobj(9, zlib.DEFLATED, -15)
//	base64.urlsafe_b64encode(c.compress(json + crc) + c.flush()).rstrip(b"=")
//
// qaShareCRC is the checksum, as Python's zlib.crc32 gives it. qaLegacyPayload is the
// link of the first form ("#s="), without the checksum:
//
//	c = zlib.compressobj(9, zlib.DEFLATED, -15)
//	base64.urlsafe_b64encode(c.compress(json) + c.flush()).rstrip(b"=")
const (
	qaShareJSON     = `{"format":"platform-roi-scenario","version":1,"name":"Embassy youth outreach","currency":"EUR","horizonMonths":12,"audience":{"size":2000000,"weights":{"18-29":0.5,"30-49":0.5}},"dataset":"pew-us-2023","staff":[{"role":"Digital officer","hourlyCost":"50.79","hoursPerWeek":30}],"plan":[{"platform":"instagram","role":"Digital officer","hoursPerWeek":6}],"valuePer1000":"10.00"}`
	qaShareCRC      = 0xc0fabce4
	qaSharePayload  = "fVAxTsQwEPxKtLUTOQkHXFqgREJIiAJRLLlNYpHYaO3cKRflZxQ8hldQsQ4gunPhtcezM-OdoXE8YIAK3noM8ZKyM6mvySIbBwr2xN44C1WuwOJAQr0ZXtD7KZncGLpENiasO-HWIzPZeoqch3sBOsfm6Oyts6HzIlEowHFnhCM6M3hzlFrodSk4kGm74ONLfpkWW6h0tlFQ6vTs57wsCnYY0NOamA7p6NNCF6VY-YBNA9XTDOz6mPLatCZgn7imMTXxmmbkfrpyPnZvdHax_QX9HfEj0StUpV6eVZyFXaX-hiJ8Y8WhZRyk56TDv9h51NpjP5JAuXxRenKdSV0-vt4_vwE"
	qaLegacyPayload = "fVDBToQwEP0VMueWFHDV5bp6NDEmxoPxMLIDNEJrpmU3LOHfnaLGmz102tc3773OAq3nESPU8DlgTBfN3urQkEO2HhSciIP1DupCgcORhHo_vmMIczb7KfaZbEzY9MJtJmZyzZw4z08C9J7txbsH72IfRKJUgNPRCkd0Fgj2IrU021JwJtv1MaSX4laXe6hNvlNQGX31fV5XBUeMGGhLTGc9BV2ashKrELFtoX5dgP2QUt7ZzkYcMt-2tiHe0kw8zAcfUvfO5Df7HzA8Er8QfUBdmfVNpVm4Tep3KMK3Thw6xlF6_nX4E7tOWiccJhKokC9KT2FyqesX"
)

// qaMarshal writes s, failing the test on error.
func qaMarshal(t testing.TB, s *calc.Scenario) []byte {
	t.Helper()
	b, err := calc.MarshalScenario(s)
	if err != nil {
		t.Fatalf("MarshalScenario: %v", err)
	}
	return b
}

// qaCompact is data in compact JSON.
func qaCompact(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// qaDeflate compresses data with the standard library, at the given level.
func qaDeflate(t testing.TB, data []byte, level int) []byte {
	t.Helper()
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, level)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return z.Bytes()
}

// qaChecked is data followed by its CRC-32 (IEEE), big-endian, as MODEL.md says.
func qaChecked(data []byte) []byte {
	return binary.BigEndian.AppendUint32(append([]byte(nil), data...), crc32.ChecksumIEEE(data))
}

// qaPayload is the share payload of data in the current form: the raw DEFLATE of the
// data followed by its checksum, in base64url without padding.
func qaPayload(t testing.TB, data []byte, level int) string {
	t.Helper()
	return base64.RawURLEncoding.EncodeToString(qaDeflate(t, qaChecked(data), level))
}

// qaLegacy is the share payload of data in the first form: raw DEFLATE, base64url
// without padding, no checksum.
func qaLegacy(t testing.TB, data []byte, level int) string {
	t.Helper()
	return base64.RawURLEncoding.EncodeToString(qaDeflate(t, data, level))
}

// qaStored is data as one stored (uncompressed) DEFLATE block, built by hand from
// RFC 1951 section 3.2.4: the header bits (final block, type 00), then LEN and NLEN.
func qaStored(data []byte) []byte {
	out := []byte{0x01}
	out = binary.LittleEndian.AppendUint16(out, uint16(len(data)))
	out = binary.LittleEndian.AppendUint16(out, ^uint16(len(data)))
	return append(out, data...)
}

// qaShareError checks that err is a *ShareError with a message, and returns it.
func qaShareError(t testing.TB, err error) *calc.ShareError {
	t.Helper()
	var se *calc.ShareError
	if !errors.As(err, &se) {
		t.Fatalf("error %T (%v); want a *calc.ShareError", err, err)
	}
	if se.Msg == "" || err.Error() == "" {
		t.Fatalf("a ShareError without a message")
	}
	return se
}

func TestShareRoundTrip(t *testing.T) {
	for name, s := range qaRoundTripScenarios() {
		t.Run(name, func(t *testing.T) {
			want := qaMarshal(t, s)
			p, err := calc.EncodeShare(s)
			if err != nil {
				t.Fatalf("EncodeShare: %v", err)
			}
			for i, c := range p {
				if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
					t.Fatalf("payload character %d is %q: not base64url without padding", i, c)
				}
			}
			// The payload decodes as MODEL.md says, with the standard library alone,
			// to the compact JSON of MarshalScenario followed by its big-endian CRC-32.
			raw, err := base64.RawURLEncoding.Strict().DecodeString(p)
			if err != nil {
				t.Fatalf("payload is not base64url: %v", err)
			}
			data, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
			if err != nil {
				t.Fatalf("payload is not raw DEFLATE: %v", err)
			}
			compact := qaCompact(t, want)
			if !bytes.Equal(data, qaChecked(compact)) {
				t.Fatalf("payload holds\n%q\nwant the compact scenario file and its CRC-32\n%q", data, qaChecked(compact))
			}
			// Every accepted spelling of the payload gives back the same scenario, and
			// DecodeShareJSON the compact JSON.
			padded := p + strings.Repeat("=", (4-len(p)%4)%4)
			for _, in := range []string{p, calc.SharePrefix + p, "s2=" + p, padded, "#s2=" + padded, "  \n#s2=" + p + "\t\r\n"} {
				got, err := calc.DecodeShare(in)
				if err != nil {
					t.Fatalf("DecodeShare(%.20q…): %v", in, err)
				}
				if b := qaMarshal(t, got); !bytes.Equal(b, want) {
					t.Fatalf("DecodeShare(%.20q…) gave a different scenario:\n%s\nwant\n%s", in, b, want)
				}
				js, err := calc.DecodeShareJSON(in)
				if err != nil || !bytes.Equal(js, compact) {
					t.Fatalf("DecodeShareJSON(%.20q…) = %q, %v; want the compact JSON", in, js, err)
				}
			}
			// Encoding is deterministic, and EncodeShareJSON of the indented file is
			// the same link.
			if p2, _ := calc.EncodeShare(s); p2 != p {
				t.Fatalf("EncodeShare is not deterministic")
			}
			if p3, err := calc.EncodeShareJSON(want); err != nil || p3 != p {
				t.Fatalf("EncodeShareJSON(MarshalScenario(s)) = %.20q…, %v; want EncodeShare's link", p3, err)
			}
			// A link of the first form holding the same JSON opens to the same scenario.
			got, err := calc.DecodeShare(calc.LegacySharePrefix + qaLegacy(t, compact, flate.BestCompression))
			if err != nil {
				t.Fatalf("legacy link: %v", err)
			}
			if b := qaMarshal(t, got); !bytes.Equal(b, want) {
				t.Fatalf("the legacy link gave a different scenario:\n%s", b)
			}
		})
	}
}

// EncodeShareJSON shares a scenario form as it is, problems included: the page shares
// work in progress. It compacts the JSON and changes nothing else.
func TestEncodeShareJSON(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"compact already", `{"name":"a"}`, `{"name":"a"}`},
		{"indented, CRLF", "{\r\n  \"name\": \"a\",\r\n  \"plan\": [ 1, 2 ]\r\n}\r\n", `{"name":"a","plan":[1,2]}`},
		{"byte order mark", "\ufeff{\"name\": \"a\"}", `{"name":"a"}`},
		{"escapes kept as written", `{"name": "\u00e9 \"q\" é"}`, `{"name":"\u00e9 \"q\" é"}`},
		{"numbers kept as written", `{"audience": {"size": 2e6, "weights": {"a": 0.50}}}`, `{"audience":{"size":2e6,"weights":{"a":0.50}}}`},
		{"a form with problems", `{"format": "platform-roi-scenario", "horizonMonths": "twelve", "staff": [{}]}`, `{"format":"platform-roi-scenario","horizonMonths":"twelve","staff":[{}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := calc.EncodeShareJSON([]byte(tt.in))
			if err != nil {
				t.Fatalf("EncodeShareJSON: %v", err)
			}
			js, err := calc.DecodeShareJSON(calc.SharePrefix + p)
			if err != nil {
				t.Fatalf("DecodeShareJSON: %v", err)
			}
			if string(js) != tt.want {
				t.Fatalf("the link holds %s; want %s", js, tt.want)
			}
		})
	}
}

func TestEncodeShareJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []string
	}{
		{"not JSON", []byte(`{"name": `), []string{"not valid JSON", "line 1"}},
		{"empty", nil, []string{"not valid JSON", "empty"}},
		{"two documents", []byte(`{} {}`), []string{"not valid JSON"}},
		{"not UTF-8", []byte("{\"name\": \"caf\xe9\"}"), []string{"not UTF-8"}},
		{"too large", []byte(`{"name": "` + strings.Repeat("x", calc.MaxShareJSON) + `"}`), []string{"too large", "save it as a file"}},
		{"too large with spaces", append([]byte(`{"name": "x"`), append(bytes.Repeat([]byte(" "), 2*calc.MaxShareJSON), '}')...), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := calc.EncodeShareJSON(tt.in)
			if tt.want == nil { // white space does not count against the limit
				if err != nil {
					t.Fatalf("EncodeShareJSON: %v", err)
				}
				return
			}
			if p != "" {
				t.Fatalf("a link was made: %.20q…", p)
			}
			qaShareError(t, err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q; want it to contain %q", err, w)
				}
			}
		})
	}
}

// The default scenario's link is short enough to paste in a message.
func TestShareDefaultLength(t *testing.T) {
	p, err := calc.EncodeShare(calc.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("default scenario: %d characters after %s", len(p), calc.SharePrefix)
	if len(p) > 1000 {
		t.Fatalf("the default scenario's link payload is %d characters; want at most 1000", len(p))
	}
}

// Links made independently of EncodeShare (another DEFLATE implementation, other
// compression levels, a hand-built stored block, indented JSON) open, in both forms.
func TestShareKnownVectors(t *testing.T) {
	want := qaMarshal(t, qaMustRead(t, []byte(qaShareJSON)))
	modelExample := qaMarshal(t, qaMustRead(t, []byte(qaModelExample)))
	js := []byte(qaShareJSON)
	tests := []struct {
		name, link string
		want       []byte
	}{
		{"Python zlib, pinned", "#s2=" + qaSharePayload, want},
		{"Go flate, no compression", "#s2=" + qaPayload(t, js, flate.NoCompression), want},
		{"Go flate, fastest", "#s2=" + qaPayload(t, js, flate.BestSpeed), want},
		{"Go flate, Huffman only", "#s2=" + qaPayload(t, js, flate.HuffmanOnly), want},
		{"hand-built stored block", "#s2=" + base64.RawURLEncoding.EncodeToString(qaStored(qaChecked(js))), want},
		{"indented JSON (MODEL.md's example)", "#s2=" + qaPayload(t, []byte(qaModelExample), flate.DefaultCompression), modelExample},
		{"first form: Python zlib, pinned", "#s=" + qaLegacyPayload, want},
		{"first form: without #", "s=" + qaLegacyPayload, want},
		{"first form: Go flate, no compression", "#s=" + qaLegacy(t, js, flate.NoCompression), want},
		{"first form: Go flate, Huffman only", "#s=" + qaLegacy(t, js, flate.HuffmanOnly), want},
		{"first form: hand-built stored block", "#s=" + base64.RawURLEncoding.EncodeToString(qaStored(js)), want},
		{"first form: indented JSON", "#s=" + qaLegacy(t, []byte(qaModelExample), flate.DefaultCompression), modelExample},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := calc.DecodeShare(tt.link)
			if err != nil {
				t.Fatalf("DecodeShare: %v", err)
			}
			if got := qaMarshal(t, s); !bytes.Equal(got, tt.want) {
				t.Fatalf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	// The pinned payloads are what they say they are, and EncodeShare makes a link
	// that Python's zlib reads the same way (checked here with Go's inflater).
	raw, _ := base64.RawURLEncoding.DecodeString(qaSharePayload)
	data, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
	if err != nil || string(data) != qaShareJSON+"\xc0\xfa\xbc\xe4" || crc32.ChecksumIEEE(js) != qaShareCRC {
		t.Fatalf("the pinned payload does not hold qaShareJSON and its CRC-32: %v", err)
	}
	raw, _ = base64.RawURLEncoding.DecodeString(qaLegacyPayload)
	if data, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw))); err != nil || string(data) != qaShareJSON {
		t.Fatalf("the pinned first-form payload does not hold qaShareJSON: %v", err)
	}
}

func qaMustRead(t testing.TB, data []byte) *calc.Scenario {
	t.Helper()
	s, err := calc.ReadScenario(data)
	if err != nil {
		t.Fatalf("ReadScenario: %v", err)
	}
	return s
}

func TestShareDamaged(t *testing.T) {
	p, err := calc.EncodeShare(calc.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	bomb := bytes.Repeat([]byte(" "), calc.MaxShareJSON+1)
	wrongSum := binary.BigEndian.AppendUint32([]byte(qaShareJSON), qaShareCRC^1)
	// A last character with unused bits set: a payload whose length is not a multiple
	// of 4 leaves the low 2 or 4 bits of its last character unused.
	var whole string
	for pad := ""; len(whole)%4 == 0; pad += " " {
		whole = qaPayload(t, []byte(qaShareJSON+pad), flate.BestCompression)
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, whole[len(whole)-1])
	unusedBits := whole[:len(whole)-1] + string(alphabet[last|1])
	tests := []struct {
		name, link string
		want       []string // substrings of the message
	}{
		{"empty", "", []string{"empty", "copy the whole address", "#s2="}},
		{"whitespace", " \n\t ", []string{"empty"}},
		{"prefix only", "#s2=", []string{"empty"}},
		{"short prefix only", "s2=", []string{"empty"}},
		{"first-form prefix only", "#s=", []string{"empty"}},
		{"space inside", p[:10] + " " + p[10:], []string{"damaged", "character 11 is a space"}},
		{"line break inside", p[:10] + "\n" + p[10:], []string{"character 11 is a line break"}},
		{"standard base64 plus", "#s2=" + p[:5] + "+" + p[6:], []string{`character 10 is "+"`, "only letters"}},
		{"standard base64 slash", p[:5] + "/" + p[6:], []string{`character 6 is "/"`}},
		{"percent-encoded", "#s2=" + p[:7] + "%3D" + p[7:], []string{`character 12 is "%"`}},
		{"non-ASCII", "#s2=" + p[:3] + "é" + p[3:], []string{`character 8 is "é"`}},
		{"invisible", "#s2=" + p[:3] + "\u200b" + p[3:], []string{"character 8 is the invisible character U+200B"}},
		{"not UTF-8", "#s2=" + p[:3] + "\xff" + p[3:], []string{"character 8 is not a character"}},
		{"padding in the middle", p[:8] + "=" + p[8:], []string{`character 9 is "="`}},
		{"too much padding", p + "===", []string{`ends in 3 "="`}},
		{"whole address", "https://example.org/roi/#s2=" + p, []string{`character 6 is ":"`, "from #s2= on"}},
		{"whole address, first form", "https://example.org/roi/#s=" + qaLegacyPayload, []string{`character 6 is ":"`, "from #s= on"}},
		{"other fragment", "#x=" + p, []string{`character 1 is "#"`}},
		{"cut to 1 mod 4", p[:4*(len(p)/4)-3], []string{"cut off", "copy the whole address"}},
		{"cut in half", p[:len(p)/2], []string{"cut off"}},
		{"last character lost", p[:len(p)-1], []string{"cut off"}},
		{"flipped first character", "B" + p[1:], []string{"damaged"}},
		{"more after the end", p + "AAAA", []string{"damaged", "goes on after the end"}},
		{"too long", strings.Repeat("A", 2<<20), []string{"too long"}},
		{"zip bomb", qaPayload(t, bomb, flate.BestCompression), []string{"more than 1048576 bytes"}},
		{"zip bomb, first form", "#s=" + qaLegacy(t, bomb, flate.BestCompression), []string{"more than 1048576 bytes"}},
		{"wrong checksum", "#s2=" + qaLegacy(t, wrongSum, flate.BestCompression), []string{"damaged", "checksum does not match"}},
		{"first-form link given as current", "#s2=" + qaLegacyPayload, []string{"damaged", "checksum"}},
		{"data shorter than a checksum", "#s2=" + qaLegacy(t, []byte("{}"), flate.BestCompression), []string{"damaged", "checksum"}},
		{"deflate of nothing", "#s2=" + qaLegacy(t, nil, flate.BestCompression), []string{"damaged", "checksum"}},
		{"unused bits of the last character set", "#s2=" + unusedBits, []string{"damaged", "checksum"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js, err := calc.DecodeShareJSON(tt.link)
			if js != nil {
				t.Fatalf("DecodeShareJSON returned data for a damaged link")
			}
			qaShareError(t, err)
			s, err := calc.DecodeShare(tt.link)
			if s != nil {
				t.Fatalf("a scenario returned for a damaged link")
			}
			qaShareError(t, err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q; want it to contain %q", err.Error(), w)
				}
			}
		})
	}
	// The link with the unused bits cleared opens: only those bits made it damaged.
	if _, err := calc.DecodeShare("#s2=" + whole); err != nil {
		t.Fatalf("the same link with its unused bits at 0: %v", err)
	}
}

// Every truncation of a link is reported as cut off.
func TestShareEveryTruncation(t *testing.T) {
	for name, s := range map[string]*calc.Scenario{"default": calc.DefaultScenario(), "inline dataset": qaRoundTripScenarios()["inline dataset"]} {
		p, err := calc.EncodeShare(s)
		if err != nil {
			t.Fatal(err)
		}
		for n := 1; n < len(p); n++ {
			_, err := calc.DecodeShare(p[:n])
			if err == nil {
				t.Fatalf("%s: the link cut to %d of %d characters opens", name, n, len(p))
			}
			if se := qaShareError(t, err); !strings.Contains(se.Msg, "cut off") {
				t.Fatalf("%s: the link cut to %d of %d characters: %q; want it to say the link is cut off", name, n, len(p), se.Msg)
			}
		}
	}
}

// A link changed in one character, whichever character and whatever it becomes, is
// refused as damaged or opens to the very same scenario (never to another one, never
// with a message about the scenario's JSON): the checksum catches every change of the
// data. What can still open unchanged is a change of bits that DEFLATE does not read
// (the padding of a block header to a whole byte, or after the last block).
func TestShareEveryOneCharacterChange(t *testing.T) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for name, s := range map[string]*calc.Scenario{"default": calc.DefaultScenario(), "inline dataset": qaRoundTripScenarios()["inline dataset"]} {
		t.Run(name, func(t *testing.T) {
			p, err := calc.EncodeShare(s)
			if err != nil {
				t.Fatal(err)
			}
			want := qaMarshal(t, s)
			// Every other base64url character, and a few a link never holds.
			others := alphabet + "+/=.~ "
			refused, sameScenario := 0, 0
			why := map[string]int{} // refusals by what their message says
			for i := range len(p) {
				for _, c := range []byte(others) {
					if c == p[i] {
						continue
					}
					q := p[:i] + string(c) + p[i+1:]
					got, err := calc.DecodeShare(calc.SharePrefix + q)
					if err != nil {
						se := qaShareError(t, err)
						if se.Err != nil || !strings.Contains(se.Msg, "damaged") {
							t.Fatalf("character %d changed to %q: %q; want the link refused as damaged", i+1, c, err)
						}
						refused++
						for _, k := range []string{"never holds", "checksum does not match", "not a compressed scenario", "cut off or damaged", "goes on after the end", "damaged"} {
							if strings.Contains(se.Msg, k) {
								why[k]++
								break
							}
						}
						continue
					}
					if b := qaMarshal(t, got); !bytes.Equal(b, want) {
						t.Fatalf("character %d changed to %q opens another scenario:\n%s", i+1, c, b)
					}
					sameScenario++
				}
			}
			t.Logf("%d characters, %d one-character changes: %d refused as damaged, %d open to the same scenario", len(p), refused+sameScenario, refused, sameScenario)
			for _, k := range slices.Sorted(maps.Keys(why)) {
				t.Logf("  %6d %q", why[k], k)
			}
			if sameScenario*100 > refused {
				t.Fatalf("%d of %d changes open unchanged; want almost none", sameScenario, refused+sameScenario)
			}

			// For comparison, the first form without a checksum: the same changes
			// often open another scenario, or fail in the scenario reader. Never a panic.
			if testing.Short() || name != "default" {
				return
			}
			legacy := qaLegacy(t, qaCompact(t, want), flate.BestCompression)
			other, same, reader, link := 0, 0, 0, 0
			for i := range len(legacy) {
				for _, c := range []byte(others) {
					if c == legacy[i] {
						continue
					}
					got, err := calc.DecodeShare(calc.LegacySharePrefix + legacy[:i] + string(c) + legacy[i+1:])
					switch se := (*calc.ShareError)(nil); {
					case err == nil && bytes.Equal(qaMarshal(t, got), want):
						same++
					case err == nil:
						other++
					case errors.As(err, &se) && se.Err != nil:
						reader++
					default:
						link++
					}
				}
			}
			t.Logf("first form, %d characters: %d refused as a damaged link, %d refused by the scenario reader, %d open to another scenario, %d to the same", len(legacy), link, reader, other, same)
		})
	}
}

// A link whose data is not a readable scenario passes the reader's error on.
func TestShareScenarioErrors(t *testing.T) {
	for _, form := range []struct {
		name string
		enc  func(js string) string
	}{
		{"current", func(js string) string { return "#s2=" + qaPayload(t, []byte(js), flate.BestCompression) }},
		{"first form", func(js string) string { return "#s=" + qaLegacy(t, []byte(js), flate.BestCompression) }},
	} {
		t.Run(form.name, func(t *testing.T) {
			enc := form.enc
			_, err := calc.DecodeShare(enc(`{"format": "platform-roi-scenario",`))
			qaShareError(t, err)
			var se *calc.SyntaxError
			if !errors.As(err, &se) || se.Line != 1 {
				t.Fatalf("error %v; want a *SyntaxError inside the *ShareError", err)
			}
			if !strings.Contains(err.Error(), "cannot be read") || !strings.Contains(err.Error(), "truncated") {
				t.Errorf("message %q", err)
			}

			_, err = calc.DecodeShare(enc(strings.Replace(qaShareJSON, `"version":1`, `"version":2`, 1)))
			qaShareError(t, err)
			var ie *calc.InputError
			if !errors.As(err, &ie) || qaFind(ie.Problems, "version") == nil {
				t.Fatalf("error %v; want an *InputError about version inside the *ShareError", err)
			}
			if !strings.Contains(err.Error(), "newer version") {
				t.Errorf("message %q; want it to say the link is from a newer version", err)
			}

			_, err = calc.DecodeShare(enc(`{}`))
			qaShareError(t, err)
			if !errors.As(err, &ie) || len(ie.Problems) < 3 {
				t.Fatalf("error %v; want an *InputError listing every missing field", err)
			}
			if !strings.Contains(err.Error(), ":\n") {
				t.Errorf("several problems are listed one a line after the ShareError's message: %q", err)
			}

			_, err = calc.DecodeShare(enc("{\"name\": \"\xff\"}"))
			qaShareError(t, err)
			if !errors.As(err, &se) || !strings.Contains(se.Msg, "UTF-8") {
				t.Fatalf("error %v; want a *SyntaxError about UTF-8", err)
			}
		})
	}
}

func TestEncodeShareErrors(t *testing.T) {
	if _, err := calc.EncodeShare(nil); err == nil {
		t.Fatalf("EncodeShare(nil) gave no error")
	} else {
		qaShareError(t, err)
	}
	big := calc.DefaultScenario()
	big.Name = strings.Repeat("x", calc.MaxShareJSON)
	_, err := calc.EncodeShare(big)
	if se := qaShareError(t, err); !strings.Contains(se.Msg, "too large") {
		t.Fatalf("message %q; want it to say the scenario is too large", se.Msg)
	}
	// At the limit, a link is made, and it opens; one byte more, and none is.
	s := calc.DefaultScenario()
	js, err := calc.DecodeShareJSON(qaMust(calc.EncodeShare(s)))
	if err != nil {
		t.Fatal(err)
	}
	s.Name += strings.Repeat("y", calc.MaxShareJSON-len(js))
	p, err := calc.EncodeShare(s)
	if err != nil {
		t.Fatalf("a scenario of exactly MaxShareJSON bytes: %v", err)
	}
	if _, err := calc.DecodeShare(p); err != nil {
		t.Fatalf("a link of exactly MaxShareJSON bytes of JSON does not open: %v", err)
	}
	s.Name += "y"
	if _, err := calc.EncodeShare(s); err == nil {
		t.Fatalf("a scenario of MaxShareJSON+1 bytes gave a link")
	}
}

func qaMust(p string, err error) string {
	if err != nil {
		panic(err)
	}
	return p
}

func FuzzDecodeShare(f *testing.F) {
	// Valid links: every round-trip scenario, with and without prefix and padding.
	var def string
	for name, s := range qaRoundTripScenarios() {
		p, err := calc.EncodeShare(s)
		if err != nil {
			f.Fatal(err)
		}
		if name == "default" {
			def = p
		}
		f.Add("#s2=" + p)
	}
	f.Add(def)
	f.Add("s2=" + def + "==")
	f.Add(" \n#s2=" + def + "\t")
	f.Add("#s2=" + qaSharePayload)
	f.Add("#s2=" + qaPayload(f, []byte(qaModelExample), flate.BestSpeed))
	f.Add("#s2=" + base64.RawURLEncoding.EncodeToString(qaStored(qaChecked([]byte(qaShareJSON)))))
	// Links of the first form.
	f.Add("#s=" + qaLegacyPayload)
	f.Add("s=" + qaLegacyPayload + "=")
	f.Add("#s=" + base64.RawURLEncoding.EncodeToString(qaStored([]byte(qaShareJSON))))
	f.Add("#s=" + qaLegacy(f, []byte(qaModelExample), flate.BestSpeed))
	// Truncations at several lengths, and one-character changes.
	for _, n := range []int{0, 1, 2, 3, 5, 17, len(def) / 2, len(def) - 2, len(def) - 1} {
		f.Add("#s2=" + def[:n])
	}
	f.Add("#s2=A" + def[1:])
	f.Add("#s2=" + def[:40] + "_" + def[41:])
	f.Add("#s2=" + def + "AAAA")
	f.Add("#s=" + def)
	f.Add("#s2=" + qaLegacyPayload)
	// Valid DEFLATE of things that are not scenarios: nothing, broken JSON, another
	// version, invalid UTF-8, a deeply nested document, many zeros, a wrong checksum.
	for _, data := range [][]byte{nil, []byte(`{"format": "platform-roi-scenario",`),
		[]byte(strings.Replace(qaShareJSON, `"version":1`, `"version":2`, 1)), []byte("{\"name\": \"\xff\"}"),
		[]byte(strings.Repeat("[", 100)), bytes.Repeat([]byte("0"), 100000)} {
		f.Add("#s2=" + qaPayload(f, data, flate.BestCompression))
		f.Add("#s=" + qaLegacy(f, data, flate.BestCompression))
	}
	f.Add("#s2=" + qaLegacy(f, []byte(qaShareJSON+"\x00\x00\x00\x00"), flate.BestCompression))
	// Garbage: other alphabets, padding, whole addresses, control characters.
	f.Add("")
	f.Add("#s2=")
	f.Add("====")
	f.Add("abc$def")
	f.Add("https://example.org/#s2=" + def)
	f.Add("ab+/cd==")
	f.Add("\x00\xff\u200b")

	f.Fuzz(func(t *testing.T, link string) {
		js, jerr := calc.DecodeShareJSON(link)
		s, err := calc.DecodeShare(link)
		if jerr != nil {
			if js != nil || s != nil {
				t.Fatalf("data returned with the error %v", jerr)
			}
			qaShareError(t, jerr)
			if err == nil || err.Error() != jerr.Error() {
				t.Fatalf("DecodeShareJSON: %v; DecodeShare: %v", jerr, err)
			}
			return
		}
		// The JSON of a link shares again as a link holding the same JSON (compacted).
		if json.Valid(js) {
			p, err := calc.EncodeShareJSON(js)
			if err != nil {
				var se *calc.ShareError
				if !(errors.As(err, &se) && strings.Contains(se.Msg, "not UTF-8")) {
					t.Fatalf("EncodeShareJSON of a link's JSON: %v", err)
				}
			} else if js2, err := calc.DecodeShareJSON(p); err != nil || !bytes.Equal(js2, qaCompact(t, js)) {
				t.Fatalf("the JSON shared again: %q, %v; want %q", js2, err, qaCompact(t, js))
			}
		}
		if err != nil {
			if s != nil {
				t.Fatalf("a scenario returned with the error %v", err)
			}
			qaShareError(t, err)
			return
		}
		// A link that opens re-encodes to a link that opens to the same scenario.
		b1 := qaMarshal(t, s)
		p, err := calc.EncodeShare(s)
		if err != nil {
			var se *calc.ShareError
			if errors.As(err, &se) && strings.Contains(se.Msg, "too large") {
				return // written out, the JSON grew past the limit (escaped characters)
			}
			t.Fatalf("EncodeShare of a scenario read from a link: %v", err)
		}
		s2, err := calc.DecodeShare(p)
		if err != nil {
			t.Fatalf("a re-encoded link does not open: %v", err)
		}
		if b2 := qaMarshal(t, s2); !bytes.Equal(b1, b2) {
			t.Fatalf("a re-encoded link opens to another scenario:\n%s\n----\n%s", b1, b2)
		}
		if diff := qaScenarioDiff(s, s2); len(diff) > 0 {
			t.Fatalf("a re-encoded link opens to another scenario: %v", diff)
		}
	})
}

// A link of a later form says so, rather than that it is damaged.
func TestDecodeShareLaterForm(t *testing.T) {
	for _, link := range []string{"#s3=eJyrVkrLz1eyUkpKLFKqBQAZ4wQz", "s3=abc", " #s10=abcd "} {
		_, err := calc.DecodeShareJSON(link)
		se := qaShareError(t, err)
		if !strings.Contains(se.Msg, "of a form this version of the calculator does not read") || strings.Contains(se.Msg, "damaged") {
			t.Errorf("%q: %s", link, se.Msg)
		}
	}
	// What is not a numbered form is read as before.
	_, err := calc.DecodeShareJSON("#sx=abc")
	if se := qaShareError(t, err); !strings.Contains(se.Msg, "damaged") {
		t.Errorf("#sx=: %s", se.Msg)
	}
}
