package calc_test

// Tests of the share link (MODEL.md, Files): EncodeShare and DecodeShare.
//
//	go test ./calc -run XXX -fuzz FuzzDecodeShare -fuzztime 20s

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"platformroi/calc"
)

// qaShareJSON is a scenario file in compact JSON, and qaSharePayload its share link
// payload, made by Python's zlib (an implementation independent of Go's), so that
// the format itself is pinned: a link made today must open in later versions.
//
//	c = zlib.compressobj(9, zlib.DEFLATED, -15)
//	base64.urlsafe_b64encode(c.compress(json) + c.flush()).rstrip(b"=")
const (
	qaShareJSON    = `{"format":"platform-roi-scenario","version":1,"name":"Embassy youth outreach","currency":"EUR","horizonMonths":12,"audience":{"size":2000000,"weights":{"18-29":0.5,"30-49":0.5}},"dataset":"pew-us-2023","staff":[{"role":"Digital officer","hourlyCost":"50.79","hoursPerWeek":30}],"plan":[{"platform":"instagram","role":"Digital officer","hoursPerWeek":6}],"valuePer1000":"10.00"}`
	qaSharePayload = "fVDBToQwEP0VMueWFHDV5bp6NDEmxoPxMLIDNEJrpmU3LOHfnaLGmz102tc3773OAq3nESPU8DlgTBfN3urQkEO2HhSciIP1DupCgcORhHo_vmMIczb7KfaZbEzY9MJtJmZyzZw4z08C9J7txbsH72IfRKJUgNPRCkd0Fgj2IrU021JwJtv1MaSX4laXe6hNvlNQGX31fV5XBUeMGGhLTGc9BV2ashKrELFtoX5dgP2QUt7ZzkYcMt-2tiHe0kw8zAcfUvfO5Df7HzA8Er8QfUBdmfVNpVm4Tep3KMK3Thw6xlF6_nX4E7tOWiccJhKokC9KT2FyqesX"
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

// qaPayload is the share payload of data: raw DEFLATE, base64url without padding.
func qaPayload(t testing.TB, data []byte, level int) string {
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
			// to the compact JSON of MarshalScenario.
			raw, err := base64.RawURLEncoding.DecodeString(p)
			if err != nil {
				t.Fatalf("payload is not base64url: %v", err)
			}
			js, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
			if err != nil {
				t.Fatalf("payload is not raw DEFLATE: %v", err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(js, compact.Bytes()) {
				t.Fatalf("payload holds\n%s\nwant the compact scenario file\n%s", js, compact.Bytes())
			}
			// Every accepted spelling of the payload gives back the same scenario.
			padded := p + strings.Repeat("=", (4-len(p)%4)%4)
			for _, in := range []string{p, "#s=" + p, "s=" + p, padded, "#s=" + padded, "  \n#s=" + p + "\t\r\n"} {
				got, err := calc.DecodeShare(in)
				if err != nil {
					t.Fatalf("DecodeShare(%.20q…): %v", in, err)
				}
				if b := qaMarshal(t, got); !bytes.Equal(b, want) {
					t.Fatalf("DecodeShare(%.20q…) gave a different scenario:\n%s\nwant\n%s", in, b, want)
				}
			}
			// Encoding is deterministic: the same scenario gives the same link.
			if p2, _ := calc.EncodeShare(s); p2 != p {
				t.Fatalf("EncodeShare is not deterministic")
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
	t.Logf("default scenario: %d characters after #s=", len(p))
	if len(p) > 1000 {
		t.Fatalf("the default scenario's link payload is %d characters; want at most 1000", len(p))
	}
}

// Links made independently of EncodeShare (another DEFLATE implementation, other
// compression levels, a hand-built stored block, indented JSON) open.
func TestShareKnownVectors(t *testing.T) {
	want := qaMarshal(t, qaMustRead(t, []byte(qaShareJSON)))
	modelExample := qaMarshal(t, qaMustRead(t, []byte(qaModelExample)))
	tests := []struct {
		name, payload string
		want          []byte
	}{
		{"Python zlib, pinned", qaSharePayload, want},
		{"Go flate, no compression", qaPayload(t, []byte(qaShareJSON), flate.NoCompression), want},
		{"Go flate, fastest", qaPayload(t, []byte(qaShareJSON), flate.BestSpeed), want},
		{"Go flate, Huffman only", qaPayload(t, []byte(qaShareJSON), flate.HuffmanOnly), want},
		{"hand-built stored block", base64.RawURLEncoding.EncodeToString(qaStored([]byte(qaShareJSON))), want},
		{"indented JSON (MODEL.md's example)", qaPayload(t, []byte(qaModelExample), flate.DefaultCompression), modelExample},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := calc.DecodeShare("#s=" + tt.payload)
			if err != nil {
				t.Fatalf("DecodeShare: %v", err)
			}
			if got := qaMarshal(t, s); !bytes.Equal(got, tt.want) {
				t.Fatalf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	// The pinned payload is what it says it is.
	raw, _ := base64.RawURLEncoding.DecodeString(qaSharePayload)
	if js, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw))); err != nil || string(js) != qaShareJSON {
		t.Fatalf("the pinned payload does not hold qaShareJSON: %v", err)
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
	tests := []struct {
		name, payload string
		want          []string // substrings of the message
	}{
		{"empty", "", []string{"empty", "copy the whole address"}},
		{"whitespace", " \n\t ", []string{"empty"}},
		{"prefix only", "#s=", []string{"empty"}},
		{"short prefix only", "s=", []string{"empty"}},
		{"padding only", "==", []string{"empty"}},
		{"bad character", "abc$def", []string{`character 4 is "$"`, "letters", "digits"}},
		{"position counts the prefix", "#s=" + p[:20] + "!" + p[20:], []string{`character 24 is "!"`}},
		{"position after whitespace", "  " + p[:5] + "+" + p[5:], []string{`character 6 is "+"`}},
		{"a space inside", p[:30] + " " + p[30:], []string{"character 31 is a space"}},
		{"a line break inside", p[:30] + "\n" + p[30:], []string{"character 31 is a line break"}},
		{"standard base64", strings.ReplaceAll(strings.ReplaceAll(p, "-", "+"), "_", "/"), []string{"which a link never holds"}},
		{"non-ASCII", p[:7] + "é" + p[7:], []string{`character 8 is "é"`}},
		{"invisible character", p[:7] + "\u200b" + p[7:], []string{"character 8 is the invisible character U+200B"}},
		{"not UTF-8", p[:7] + "\xff" + p[7:], []string{"character 8 is not a character"}},
		{"padding in the middle", p[:8] + "=" + p[8:], []string{`character 9 is "="`}},
		{"too much padding", p + "===", []string{`ends in 3 "="`}},
		{"whole address", "https://example.org/roi/#s=" + p, []string{`character 6 is ":"`, "from #s= on"}},
		{"other fragment", "#x=" + p, []string{`character 1 is "#"`}},
		{"cut to 1 mod 4", p[:4*(len(p)/4)-3], []string{"cut off", "copy the whole address"}},
		{"cut in half", p[:len(p)/2], []string{"cut off"}},
		{"last character lost", p[:len(p)-1], []string{"cut off"}},
		{"flipped first character", "B" + p[1:], []string{"damaged"}},
		{"more after the end", p + "AAAA", []string{"damaged", "goes on after the end"}},
		{"too long", strings.Repeat("A", 2<<20), []string{"too long"}},
		{"zip bomb", qaPayload(t, bomb, flate.BestCompression), []string{"more than 1048576 bytes"}},
		{"deflate of nothing", qaPayload(t, nil, flate.BestCompression), []string{"cannot be read", "empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := calc.DecodeShare(tt.payload)
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
}

// Every truncation of a link is reported as cut off; every one-character change
// gives either a *ShareError or (rarely, as DEFLATE has no checksum) another readable scenario, and
// never a panic.
func TestShareEveryTruncationAndFlip(t *testing.T) {
	p, err := calc.EncodeShare(calc.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n < len(p); n++ {
		_, err := calc.DecodeShare(p[:n])
		if err == nil {
			t.Fatalf("the link cut to %d of %d characters opens", n, len(p))
		}
		if se := qaShareError(t, err); !strings.Contains(se.Msg, "cut off") {
			t.Fatalf("the link cut to %d of %d characters: %q; want it to say the link is cut off", n, len(p), se.Msg)
		}
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	opened := 0
	for i := range len(p) {
		for _, c := range []byte{alphabet[(strings.IndexByte(alphabet, p[i])+1)%64], alphabet[(strings.IndexByte(alphabet, p[i])+37)%64]} {
			q := p[:i] + string(c) + p[i+1:]
			s, err := calc.DecodeShare(q)
			if err != nil {
				qaShareError(t, err)
				continue
			}
			opened++
			if _, err := calc.MarshalScenario(s); err != nil {
				t.Fatalf("a changed link opened to a scenario that cannot be written: %v", err)
			}
		}
	}
	t.Logf("%d of %d one-character changes still open (DEFLATE has no checksum)", opened, 2*len(p))
}

// A link whose data is not a readable scenario passes the reader's error on.
func TestShareScenarioErrors(t *testing.T) {
	enc := func(js string) string { return qaPayload(t, []byte(js), flate.BestCompression) }

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

	_, err = calc.DecodeShare(base64.RawURLEncoding.EncodeToString(qaStored([]byte("{\"name\": \"\xff\"}"))))
	qaShareError(t, err)
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "UTF-8") {
		t.Fatalf("error %v; want a *SyntaxError about UTF-8", err)
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
	// Just under the limit, a link is made, and it opens.
	s := calc.DefaultScenario()
	p, err := calc.EncodeShare(s)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(p)
	js, _ := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
	s.Name += strings.Repeat("y", calc.MaxShareJSON-len(js))
	p, err = calc.EncodeShare(s)
	if err != nil {
		t.Fatalf("a scenario of exactly MaxShareJSON bytes: %v", err)
	}
	if _, err := calc.DecodeShare(p); err != nil {
		t.Fatalf("a link of exactly MaxShareJSON bytes of JSON does not open: %v", err)
	}
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
		f.Add(p)
	}
	f.Add("#s=" + def)
	f.Add("s=" + def + "==")
	f.Add(" \n" + def + "\t")
	f.Add(qaSharePayload)
	f.Add(qaPayload(f, []byte(qaModelExample), flate.BestSpeed))
	f.Add(base64.RawURLEncoding.EncodeToString(qaStored([]byte(qaShareJSON))))
	// Truncations at several lengths, and one-character changes.
	for _, n := range []int{0, 1, 2, 3, 5, 17, len(def) / 2, len(def) - 2, len(def) - 1} {
		f.Add(def[:n])
	}
	f.Add("A" + def[1:])
	f.Add(def[:40] + "_" + def[41:])
	f.Add(def + "AAAA")
	// Valid DEFLATE of things that are not scenarios: nothing, broken JSON, another
	// version, invalid UTF-8, a deeply nested document, many zeros.
	f.Add(qaPayload(f, nil, flate.BestCompression))
	f.Add(qaPayload(f, []byte(`{"format": "platform-roi-scenario",`), flate.BestCompression))
	f.Add(qaPayload(f, []byte(strings.Replace(qaShareJSON, `"version":1`, `"version":2`, 1)), flate.BestCompression))
	f.Add(qaPayload(f, []byte("{\"name\": \"\xff\"}"), flate.NoCompression))
	f.Add(qaPayload(f, []byte(strings.Repeat("[", 100)), flate.BestCompression))
	f.Add(qaPayload(f, bytes.Repeat([]byte("0"), 100000), flate.BestCompression))
	// Garbage: other alphabets, padding, whole addresses, control characters.
	f.Add("")
	f.Add("#s=")
	f.Add("====")
	f.Add("abc$def")
	f.Add("https://example.org/#s=" + def)
	f.Add("ab+/cd==")
	f.Add("\x00\xff\u200b")

	f.Fuzz(func(t *testing.T, payload string) {
		s, err := calc.DecodeShare(payload)
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
