//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// compressible are the kinds of file the site serves compressed, text and app.wasm,
// with their types, set whatever the machine's MIME tables say: a compressed copy
// must never be sniffed. Images are compressed already.
var compressible = map[string]string{
	".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".json": "application/json",
	".webmanifest": "application/manifest+json", ".wasm": "application/wasm",
	".txt": "text/plain; charset=utf-8",
}

// encodings are the compressed copies a file may have, in the order the server
// prefers them: the name's suffix and the Content-Encoding it is sent with.
var encodings = []struct{ suffix, name string }{{".br", "br"}, {".gz", "gzip"}}

// compressor writes the compressed copies of a site's files: FILE.br (brotli at
// quality brotliQuality, window 2^24) and FILE.gz (gzip -9), each only where it is
// smaller than the file. With cache set, a copy is kept there by the file's content
// and quality, so that a file unchanged since the last build (app.wasm, in the site and
// the one built for a sub-path) is not compressed again: brotli at quality 11 takes
// about 20 s for app.wasm.
type compressor struct {
	brotliQuality int
	cache         string // directory, or "" for none
}

// compressDir writes the compressed copies of every compressible file under dir.
func (c compressor) compressDir(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && compressible[filepath.Ext(p)] != "" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Two at a time: the largest file (app.wasm, in brotli) takes most of the time.
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		errs  []error
		tasks = make(chan func() error)
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				if err := t(); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			close(tasks)
			wg.Wait()
			return err
		}
		for _, e := range encodings {
			tasks <- func() error { return c.write(f+e.suffix, e.name, data) }
		}
	}
	close(tasks)
	wg.Wait()
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return c.prune()
}

// prune removes from the cache the copies no build used in the last ten minutes (the
// site and the one for a sub-path are built one after the other).
func (c compressor) prune() error {
	if c.cache == "" {
		return nil
	}
	entries, err := os.ReadDir(c.cache)
	if err != nil {
		return nil // nothing cached
	}
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > 10*time.Minute {
			os.Remove(filepath.Join(c.cache, e.Name()))
		}
	}
	return nil
}

// write writes data compressed with encoding to name, unless that is no smaller.
func (c compressor) write(name, encoding string, data []byte) error {
	var key string
	if c.cache != "" {
		sum := sha256.Sum256(data)
		key = filepath.Join(c.cache, hex.EncodeToString(sum[:])+"."+encoding+strconv.Itoa(c.brotliQuality))
		if out, err := os.ReadFile(key); err == nil {
			now := time.Now()
			os.Chtimes(key, now, now) // used: kept by prune
			return writeSmaller(name, out, data)
		}
	}
	out, err := c.compress(encoding, data)
	if err != nil {
		return fmt.Errorf("compressing %s: %w", name, err)
	}
	if key != "" {
		if err := os.MkdirAll(c.cache, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(key, out, 0o644); err != nil {
			return err
		}
	}
	return writeSmaller(name, out, data)
}

func writeSmaller(name string, out, data []byte) error {
	if len(out) >= len(data) {
		return nil
	}
	return os.WriteFile(name, out, 0o644)
}

func (c compressor) compress(encoding string, data []byte) ([]byte, error) {
	var b bytes.Buffer
	switch encoding {
	case "br":
		w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: c.brotliQuality, LGWin: 24})
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	case "gzip":
		w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown encoding %q", encoding)
	}
	return b.Bytes(), nil
}

// siteFiles serves the site in dir: each file, or its index.html for a directory,
// as the compressed copy the client accepts and prefers (brotli, then gzip) where
// there is one, with Content-Encoding, the file's own Content-Type
// (application/wasm for app.wasm), Vary: Accept-Encoding and the copy's
// Content-Length; anything else as http.FileServer serves it.
func siteFiles(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			files.ServeHTTP(w, r)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		} else if strings.HasSuffix(name, "/index.html") {
			files.ServeHTTP(w, r) // redirects to the directory
			return
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if fi, err := os.Stat(file); err != nil || !fi.Mode().IsRegular() || compressible[path.Ext(name)] == "" {
			files.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Accept-Encoding")
		h.Set("Content-Type", compressible[path.Ext(name)])
		accepted := acceptedEncodings(r.Header.Get("Accept-Encoding"))
		for _, e := range encodings {
			if !accepted[e.name] {
				continue
			}
			f, err := os.Open(file + e.suffix)
			if err != nil {
				continue
			}
			defer f.Close()
			fi, err := f.Stat()
			if err != nil {
				break
			}
			h.Set("Content-Encoding", e.name)
			// ServeContent leaves Content-Length out once Content-Encoding is set (for
			// handlers that compress as they write); this copy's length is known.
			h.Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
			http.ServeContent(w, r, name, fi.ModTime(), f)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// acceptedEncodings reads an Accept-Encoding header: the codings it accepts, "*"
// standing for every one not named. A coding with q=0 is refused.
func acceptedEncodings(header string) map[string]bool {
	named := map[string]bool{}
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		ok := true
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				ok = err == nil && q > 0
			}
		}
		if coding == "*" {
			star = ok
			continue
		}
		named[coding] = ok
	}
	out := map[string]bool{}
	for _, e := range encodings {
		ok, isNamed := named[e.name]
		if !isNamed {
			ok = star
		}
		out[e.name] = ok
	}
	return out
}
