//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// testSite writes a small site and its compressed copies, and returns its directory
// and its files' contents by path.
func testSite(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"index.html":           []byte("<!DOCTYPE html><title>t</title>" + strings.Repeat("<p>the page</p>", 200)),
		"app.js":               []byte(strings.Repeat("console.log('go-app');\n", 100)),
		"web/app.wasm":         append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("wasm code "), 2000)...),
		"web/icon-192.png":     []byte("\x89PNG not compressed"),
		"manifest.webmanifest": []byte(`{"name": "` + strings.Repeat("platform ROI ", 40) + `"}`),
		"web/tiny.css":         []byte("a{}"),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := (compressor{brotliQuality: 5}).compressDir(dir); err != nil {
		t.Fatal(err)
	}
	return dir, files
}

func decode(t *testing.T, encoding string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch encoding {
	case "":
		return body
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("not gzip: %v", err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", encoding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", encoding, err)
	}
	return out
}

// compressDir writes a brotli and a gzip copy of each text file and of app.wasm,
// where smaller, and none of an image.
func TestCompressDir(t *testing.T) {
	dir, files := testSite(t)
	for _, tt := range []struct {
		name     string
		br, gzip bool
	}{
		{"index.html", true, true},
		{"app.js", true, true},
		{"web/app.wasm", true, true},
		{"manifest.webmanifest", true, true},
		{"web/icon-192.png", false, false},
		{"web/tiny.css", false, false}, // larger compressed
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range []struct {
				suffix, encoding string
				want             bool
			}{{".br", "br", tt.br}, {".gz", "gzip", tt.gzip}} {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.name)+e.suffix))
				if !e.want {
					if err == nil {
						t.Errorf("%s%s written", tt.name, e.suffix)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s%s: %v", tt.name, e.suffix, err)
				}
				if got := decode(t, e.encoding, data); !bytes.Equal(got, files[tt.name]) {
					t.Errorf("%s%s does not decode to the file", tt.name, e.suffix)
				}
			}
		})
	}
}

// The cache gives the same copies as compressing afresh, and is used: a cached copy
// is what the next build writes.
func TestCompressCache(t *testing.T) {
	dir, files := testSite(t)
	c := compressor{brotliQuality: 5, cache: t.TempDir()}
	if err := c.compressDir(dir); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(c.cache)
	if len(entries) == 0 {
		t.Fatal("nothing cached")
	}
	// Spoil every cached copy of app.wasm's brotli: the next build must use it.
	wasmBr, _ := os.ReadFile(filepath.Join(dir, "web", "app.wasm.br"))
	for _, e := range entries {
		p := filepath.Join(c.cache, e.Name())
		if data, _ := os.ReadFile(p); bytes.Equal(data, wasmBr) {
			os.WriteFile(p, []byte("from the cache"), 0o644)
		}
	}
	again := t.TempDir()
	os.MkdirAll(filepath.Join(again, "web"), 0o755)
	os.WriteFile(filepath.Join(again, "web", "app.wasm"), files["web/app.wasm"], 0o644)
	if err := c.compressDir(again); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(again, "web", "app.wasm.br")); string(got) != "from the cache" {
		t.Errorf("app.wasm.br was compressed again, not taken from the cache")
	}
}

func TestAcceptedEncodings(t *testing.T) {
	for _, tt := range []struct {
		header   string
		br, gzip bool
	}{
		{"", false, false},
		{"gzip, deflate, br, zstd", true, true},
		{"gzip", false, true},
		{"br;q=1.0, gzip;q=0.5", true, true},
		{"br;q=0, gzip", false, true},
		{"BR, GZIP", true, true},
		{"*", true, true},
		{"*;q=0, gzip", false, true},
		{"br;q=0.000, *", false, true},
		{"identity", false, false},
		{"gzip;q=oops", false, false},
		{" br ; q=0.5 ", true, false},
	} {
		t.Run(tt.header, func(t *testing.T) {
			got := acceptedEncodings(tt.header)
			if got["br"] != tt.br || got["gzip"] != tt.gzip {
				t.Errorf("acceptedEncodings(%q) = br %v, gzip %v; want br %v, gzip %v", tt.header, got["br"], got["gzip"], tt.br, tt.gzip)
			}
		})
	}
}

// The server sends the copy the client accepts, brotli first, with its own
// Content-Length, the file's type and Vary; the file itself to a client that accepts
// neither, and anything but a compressible file as the file server does.
func TestSiteFilesNegotiation(t *testing.T) {
	dir, files := testSite(t)
	srv := httptest.NewServer(siteFiles(dir))
	defer srv.Close()
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true}, // see the bytes as sent
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	for _, tt := range []struct {
		name, path, accept string
		file               string // what the body decodes to
		encoding, typ      string
		vary               bool
	}{
		{"wasm in brotli", "/web/app.wasm", "gzip, deflate, br", "web/app.wasm", "br", "application/wasm", true},
		{"wasm in gzip", "/web/app.wasm", "gzip", "web/app.wasm", "gzip", "application/wasm", true},
		{"wasm as it is", "/web/app.wasm", "", "web/app.wasm", "", "application/wasm", true},
		{"brotli refused", "/web/app.wasm", "br;q=0, gzip", "web/app.wasm", "gzip", "application/wasm", true},
		{"only identity", "/app.js", "identity", "app.js", "", "text/javascript; charset=utf-8", true},
		{"the page at its directory", "/", "br", "index.html", "br", "text/html; charset=utf-8", true},
		{"the manifest", "/manifest.webmanifest", "gzip", "manifest.webmanifest", "gzip", "application/manifest+json", true},
		{"no smaller copy", "/web/tiny.css", "br, gzip", "web/tiny.css", "", "text/css; charset=utf-8", true},
		{"an image", "/web/icon-192.png", "br, gzip", "web/icon-192.png", "", "image/png", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
			if tt.accept != "" {
				req.Header.Set("Accept-Encoding", tt.accept)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.typ {
				t.Errorf("Content-Type %q, want %q", got, tt.typ)
			}
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("Content-Length %q for a body of %d bytes", got, len(body))
			}
			if got := resp.Header.Get("Vary") == "Accept-Encoding"; got != tt.vary {
				t.Errorf("Vary %q", resp.Header.Get("Vary"))
			}
			if got := decode(t, tt.encoding, body); !bytes.Equal(got, files[tt.file]) {
				t.Errorf("the body does not decode to %s", tt.file)
			}
		})
	}

	// HEAD says the same without a body; a revalidation is answered 304 without one.
	req, _ := http.NewRequest("HEAD", srv.URL+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	br, _ := os.Stat(filepath.Join(dir, "web", "app.wasm.br"))
	if resp.Header.Get("Content-Encoding") != "br" || resp.Header.Get("Content-Length") != strconv.FormatInt(br.Size(), 10) {
		t.Errorf("HEAD: Content-Encoding %q, Content-Length %q; want br, %d", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Length"), br.Size())
	}
	req, _ = http.NewRequest("GET", srv.URL+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	req.Header.Set("If-Modified-Since", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("revalidation: status %d, Content-Encoding %q; want 304 and none", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	// The page's own address redirects to its directory, as the file server does.
	resp, err = client.Get(srv.URL + "/index.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently {
		t.Errorf("/index.html: status %d, want a redirect", resp.StatusCode)
	}
	// A missing file is a 404 without a Content-Encoding.
	req, _ = http.NewRequest("GET", srv.URL+"/web/missing.js", nil)
	req.Header.Set("Accept-Encoding", "br")
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("missing file: status %d, Content-Encoding %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
}
