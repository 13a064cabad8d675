//go:build !js

package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"platformroi/app/report"
	"platformroi/calc"
)

// The render command writes the page's charts as images for briefing decks, or the
// page's slide deck. They are drawn by headless Chromium with the page's own code:
// ECharts and web/charts.js's roiCharts.image, and for a deck web/slides.js with
// PptxGenJS, loaded from a server on the loopback interface that also receives the
// files. Nothing is fetched from anywhere else.

// renderWidth × renderHeight are the images' CSS pixels; a PNG has twice as many.
const renderWidth, renderHeight = 1600, 900

// renderTimeout is how long render waits for the next chart before giving up.
var renderTimeout = 60 * time.Second

// chromiumPaths and chromiumNames are where render looks for Chromium after the
// CHROMIUM environment variable: a fixed path, then names on PATH.
var (
	chromiumPaths = []string{"/usr/bin/chromium"}
	chromiumNames = []string{"chromium", "chromium-browser", "google-chrome"}
)

const chromiumHint = "render draws the charts with headless Chromium: install it (Debian or Ubuntu: apt-get install chromium) or set CHROMIUM=/path/to/chromium"

// chromiumFlags start Chromium headless, with a profile of its own (added apart), and
// keep it off the network: the only host it can reach is the loopback address.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
	"--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
	"--hide-scrollbars", "--mute-audio",
}

// renderJob is one image to draw.
type renderJob struct {
	Index   int    `json:"index"`
	Name    string `json:"name"`    // the file's name, for messages
	Options string `json:"options"` // the ECharts option, JSON
	path    string
}

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "png", "image format: png (3200 × 1800 pixels, 1600 × 900 at 2×) or svg (1600 × 900); pptx for the slide deck")
	out := fs.String("out", ".", "directory to write the images to")
	echartsJS := fs.String("echarts", "", "ECharts (echarts.min.js); default node_modules/echarts/dist/echarts.min.js, then dist/web/echarts.min.js")
	pptxgen := fs.String("pptxgenjs", "", "PptxGenJS's browser bundle, for --format pptx; default node_modules/pptxgenjs/dist/pptxgen.bundle.js, then dist/web/pptxgen.bundle.js")
	web := fs.String("web", "web", "directory of the page's assets, holding charts.js and slides.js")
	// Flags may come before or after the files.
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return exitInput
		}
		if fs.NArg() == 0 {
			break
		}
		if len(rest) > fs.NArg() && rest[len(rest)-fs.NArg()-1] == "--" { // only files after --
			files = append(files, fs.Args()...)
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if *format != "png" && *format != "svg" && *format != "pptx" {
		fmt.Fprintf(stderr, "render: --format is png, svg or pptx, found %s\n", calc.Quote(*format))
		return exitInput
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "render: name one or more scenario files, such as: platformroi render my-plan.json")
		return exitInput
	}

	// Every file is read and checked before anything is drawn: with one invalid file,
	// nothing is written.
	date := report.Today()
	var jobs []*renderJob
	names := map[string]string{}
	code := exitOK
	for _, file := range files {
		if file == "-" {
			fmt.Fprintln(stderr, "render: the images are named after the scenario file; standard input (-) has no name")
			code = exitInput
			continue
		}
		base := strings.TrimSuffix(filepath.Base(file), ".json")
		if other, ok := names[base]; ok {
			fmt.Fprintf(stderr, "render: %s and %s would write the same images (%s-*.%s); rename one\n", other, file, base, *format)
			code = exitInput
			continue
		}
		names[base] = file
		if *format == "pptx" {
			deck, c := renderDeck(file, stderr)
			if c != exitOK {
				code = c
				continue
			}
			name := base + ".pptx"
			jobs = append(jobs, &renderJob{Index: len(jobs), Name: name, Options: deck, path: filepath.Join(*out, name)})
			continue
		}
		charts, c := renderCharts(file, date, stderr)
		if c != exitOK {
			code = c
			continue
		}
		for _, ch := range charts {
			name := base + "-" + strings.TrimPrefix(ch.ID, "chart-") + "." + *format
			jobs = append(jobs, &renderJob{Index: len(jobs), Name: name, Options: ch.Options, path: filepath.Join(*out, name)})
		}
	}
	if code != exitOK {
		return code
	}

	assets, err := renderAssets(*echartsJS, *web)
	if err == nil && *format == "pptx" {
		err = deckAssets(assets, *pptxgen, *web)
	}
	if err != nil {
		fmt.Fprintln(stderr, "render:", err)
		return exitInput
	}
	chromium, err := findChromium()
	if err != nil {
		fmt.Fprintf(stderr, "render: %v\n%s\n", err, chromiumHint)
		return exitInput
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "render:", err)
		return exitFailure
	}
	if err := renderImages(chromium, assets, *format, jobs, stdout); err != nil {
		fmt.Fprintln(stderr, "render:", err)
		return exitFailure
	}
	return exitOK
}

// renderCharts reads a scenario file and builds the page's charts for it.
func renderCharts(file, date string, stderr io.Writer) ([]report.ChartSpec, int) {
	s, code := loadScenario(file, stderr)
	if s == nil {
		return nil, code
	}
	res, err := calc.Compute(s, nil)
	if err != nil {
		return nil, reportInput(stderr, file, err)
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		return nil, reportInput(stderr, file, err)
	}
	return report.Charts(res, rec, date), exitOK
}

// renderDeck reads a scenario file and builds the page's slide deck data for it (the
// JSON of report.Deck): the scenario as the page would show it once imported, with its
// recommendation and what the result depends on worked out.
func renderDeck(file string, stderr io.Writer) (string, int) {
	if s, code := loadScenario(file, stderr); s == nil {
		return "", code
	}
	data, err := os.ReadFile(file)
	var f *calc.Form
	if err == nil {
		f, err = calc.ReadForm(data)
	}
	if err != nil {
		return "", reportInput(stderr, file, err)
	}
	prep, err := f.Prepare(calc.Embedded())
	if err != nil {
		return "", reportInput(stderr, file, err)
	}
	deck := report.ScenarioDeck(f, prep, report.Today())
	deck.FileName = strings.TrimSuffix(filepath.Base(file), ".json")
	out, err := json.Marshal(deck)
	if err != nil {
		return "", reportInput(stderr, file, err)
	}
	return string(out), exitOK
}

// deckAssets adds what a deck is built with to assets: the page's slides.js and
// PptxGenJS, which slides.js loads from beside itself.
func deckAssets(assets map[string][]byte, pptxgen, web string) error {
	if pptxgen == "" {
		candidates := []string{defaultPptxgen, filepath.Join("dist", "web", pptxgenFile)}
		for _, c := range candidates {
			if _, err := os.Stat(c); err == nil {
				pptxgen = c
				break
			}
		}
		if pptxgen == "" {
			return fmt.Errorf("PptxGenJS not found at %s; install it with npm ci (or make site) in the repository, or pass --pptxgenjs PATH", strings.Join(candidates, " or "))
		}
	}
	lib, err := os.ReadFile(pptxgen)
	if err != nil {
		return fmt.Errorf("cannot read PptxGenJS (--pptxgenjs): %w", err)
	}
	slides, err := os.ReadFile(filepath.Join(web, "slides.js"))
	if err != nil {
		return fmt.Errorf("cannot read the page's slide code: %w; run from the repository's root or pass --web DIR, the repository's web folder", err)
	}
	assets[pptxgenFile], assets["slides.js"] = lib, slides
	return nil
}

// renderAssets reads ECharts and web/charts.js, the scripts that draw the charts.
func renderAssets(echartsJS, web string) (map[string][]byte, error) {
	if echartsJS == "" {
		candidates := []string{filepath.Join("node_modules", "echarts", "dist", "echarts.min.js"), filepath.Join("dist", "web", "echarts.min.js")}
		for _, c := range candidates {
			if _, err := os.Stat(c); err == nil {
				echartsJS = c
				break
			}
		}
		if echartsJS == "" {
			return nil, fmt.Errorf("ECharts not found at %s; install it with npm ci (or make site) in the repository, or pass --echarts PATH", strings.Join(candidates, " or "))
		}
	}
	e, err := os.ReadFile(echartsJS)
	if err != nil {
		return nil, fmt.Errorf("cannot read ECharts (--echarts): %w", err)
	}
	charts, err := os.ReadFile(filepath.Join(web, "charts.js"))
	if err != nil {
		return nil, fmt.Errorf("cannot read the page's chart code: %w; run from the repository's root or pass --web DIR, the repository's web folder", err)
	}
	return map[string][]byte{"echarts.min.js": e, "charts.js": charts, "render.js": []byte(renderJS)}, nil
}

// findChromium gives the Chromium to run: $CHROMIUM when set (and then only it),
// else the first of chromiumPaths and chromiumNames found.
func findChromium() (string, error) {
	if v := os.Getenv("CHROMIUM"); v != "" {
		p, err := exec.LookPath(v)
		if err != nil {
			return "", fmt.Errorf("CHROMIUM=%s is not an executable file", v)
		}
		return p, nil
	}
	for _, p := range chromiumPaths {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	for _, n := range chromiumNames {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Chromium found (CHROMIUM is not set; looked at %s and for %s on PATH)",
		strings.Join(chromiumPaths, ", "), strings.Join(chromiumNames, ", "))
}

// renderPage loads ECharts, the page's chart code and the driver, all from the
// local server; the policy blocks anything else.
const renderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>platformroi render</title><link rel="icon" href="data:,"></head>
<body><script src="echarts.min.js"></script><script src="charts.js"></script>%s<script src="render.js"></script></body></html>
`

const renderCSP = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'"

// renderJS fetches the jobs, draws each chart with roiCharts.image (or builds each
// deck with roiSlides) and sends the result back, one at a time; any failure is
// reported to the server.
const renderJS = `(function () {
  "use strict";
  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "text/plain;charset=utf-8" }, body: body });
  }
  function fail(msg) { post("error", String(msg)); }
  window.addEventListener("error", function (e) { fail("page error: " + e.message); });
  document.addEventListener("securitypolicyviolation", function (e) { fail("blocked a request to " + e.blockedURI); });
  if (typeof echarts === "undefined" || !window.roiCharts || typeof roiCharts.image !== "function") {
    fail("ECharts or charts.js did not load: roiCharts.image is missing");
    return;
  }
  fetch("jobs").then(function (r) { return r.json(); }).then(async function (run) {
    for (const job of run.jobs) {
      let out;
      try {
        if (run.format === "pptx") {
          if (!window.roiSlides) throw new Error("slides.js did not load: roiSlides is missing");
          out = await roiSlides.base64(JSON.parse(job.options));
        } else {
          out = roiCharts.image(job.options, run.format, run.width, run.height);
        }
      } catch (e) {
        fail(job.name + ": " + (e && e.stack || e));
        return;
      }
      const r = await post("image/" + job.index, out);
      if (!r.ok) return;
    }
  }).catch(fail);
})();
`

// renderImages serves the page, runs Chromium on it and writes the images it sends.
func renderImages(chromium string, assets map[string][]byte, format string, jobs []*renderJob, stdout io.Writer) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	token := make([]byte, 16)
	rand.Read(token)
	prefix := "/" + hex.EncodeToString(token) + "/"
	host := ln.Addr().String()

	var (
		mu       sync.Mutex
		done     = make([]bool, len(jobs))
		left     = len(jobs)
		failure  error
		finished bool // the run is over
		events   = make(chan struct{}, len(jobs)+8)
	)
	notify := func() {
		select {
		case events <- struct{}{}:
		default:
		}
	}
	jobsJSON, err := json.Marshal(map[string]any{"format": format, "width": renderWidth, "height": renderHeight, "jobs": jobs})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+prefix+"{$}", func(w http.ResponseWriter, r *http.Request) {
		scripts := ""
		if format == "pptx" {
			scripts = `<script src="slides.js"></script>`
		}
		serveBytes(w, "text/html; charset=utf-8", []byte(fmt.Sprintf(renderPage, scripts)))
	})
	for name, data := range assets {
		mux.HandleFunc("GET "+prefix+name, func(w http.ResponseWriter, r *http.Request) {
			serveBytes(w, "text/javascript; charset=utf-8", data)
		})
	}
	mux.HandleFunc("GET "+prefix+"jobs", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, "application/json", jobsJSON)
	})
	mux.HandleFunc("POST "+prefix+"image/{index}", func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(r.PathValue("index"))
		if err != nil || i < 0 || i >= len(jobs) {
			http.Error(w, "no such chart", http.StatusNotFound)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<20))
		if err == nil {
			body, err = decodeImage(format, body)
		}
		mu.Lock()
		defer mu.Unlock()
		if finished {
			http.Error(w, "the run is over", http.StatusServiceUnavailable)
			return
		}
		defer notify()
		if err == nil {
			err = os.WriteFile(jobs[i].path, body, 0o644)
		}
		if err != nil {
			if failure == nil {
				failure = fmt.Errorf("%s: %w", jobs[i].Name, err)
			}
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if !done[i] {
			done[i] = true
			left--
			fmt.Fprintln(stdout, jobs[i].path)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST "+prefix+"error", func(w http.ResponseWriter, r *http.Request) {
		msg, _ := io.ReadAll(io.LimitReader(r.Body, 4<<10))
		mu.Lock()
		if failure == nil {
			failure = fmt.Errorf("the page failed: %s", msg)
		}
		mu.Unlock()
		notify()
		w.WriteHeader(http.StatusNoContent)
	})
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Host != host { // only the page's own origin
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			mux.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go srv.Serve(ln)
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(ctx) != nil {
			srv.Close()
		}
	}()

	profile, err := os.MkdirTemp("", "platformroi-chromium-")
	if err != nil {
		return err
	}
	defer removeProfile(profile)
	var output tailBuffer
	cmd := exec.Command(chromium, append(chromiumFlags, "--user-data-dir="+profile, "http://"+host+prefix)...)
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot start Chromium (%s): %w", chromium, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Wait for every chart, a failure, Chromium's end, or a long silence.
	var stopped, timedOut bool
	var exitErr error
	timer := time.NewTimer(renderTimeout)
	defer timer.Stop()
wait:
	for {
		select {
		case <-events:
			mu.Lock()
			over := failure != nil || left == 0
			mu.Unlock()
			if over {
				break wait
			}
			timer.Reset(renderTimeout)
		case exitErr = <-exited:
			stopped = true
			break wait
		case <-timer.C:
			timedOut = true
			break wait
		}
	}
	if !stopped {
		cmd.Process.Kill()
		<-exited // Wait returns once Chromium's helpers, which share its output, are gone too
	}

	mu.Lock()
	defer mu.Unlock()
	finished = true // what arrives from now on is not written
	var m []string
	for i, d := range done {
		if !d {
			m = append(m, jobs[i].Name)
		}
	}
	missing := strings.Join(m, ", ")
	switch {
	case failure != nil && left > 0:
		return fmt.Errorf("%w; charts not written: %s", failure, missing)
	case failure != nil:
		return failure
	case left == 0:
		return nil
	case timedOut:
		return fmt.Errorf("no chart arrived from Chromium for %s; charts not written: %s%s", renderTimeout, missing, output.last())
	}
	return fmt.Errorf("headless Chromium (%s) stopped before drawing every chart (%v); charts not written: %s%s", chromium, exitErr, missing, output.last())
}

func serveBytes(w http.ResponseWriter, contentType string, data []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Security-Policy", renderCSP)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// decodeImage turns what the page sends into the file's bytes: a PNG data URL or a
// deck in base64 is decoded, SVG text is kept.
func decodeImage(format string, body []byte) ([]byte, error) {
	if format == "pptx" {
		data, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(body)))
		if err != nil {
			return nil, fmt.Errorf("the deck sent does not decode: %w", err)
		}
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, fmt.Errorf("the page sent a damaged deck: %w", err)
		}
		for _, f := range z.File {
			if f.Name == "ppt/presentation.xml" {
				return data, nil
			}
		}
		return nil, errors.New("the page sent a file that is not a slide deck (no ppt/presentation.xml)")
	}
	if format == "svg" {
		if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("<svg")) {
			return nil, fmt.Errorf("the page sent no SVG: %.40q", body)
		}
		return body, nil
	}
	const head = "data:image/png;base64,"
	if !bytes.HasPrefix(body, []byte(head)) {
		return nil, fmt.Errorf("the page sent no PNG data URL: %.40q", body)
	}
	data, err := base64.StdEncoding.DecodeString(string(body[len(head):]))
	if err != nil {
		return nil, fmt.Errorf("the PNG data URL does not decode: %w", err)
	}
	if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("the page sent a damaged PNG: %w", err)
	}
	return data, nil
}

// removeProfile removes Chromium's temporary profile; helper processes may still be
// closing files in it for a moment after the browser is killed.
func removeProfile(dir string) {
	for i := 0; i < 20; i++ {
		if err := os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// tailBuffer keeps the last few KB of Chromium's output, for error messages.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 4<<10 {
		t.buf = t.buf[len(t.buf)-4<<10:]
	}
	return len(p), nil
}

func (t *tailBuffer) last() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(string(t.buf), "\n")
	if len(t.buf) >= 4<<10 {
		lines = lines[1:] // cut short
	}
	var keep []string
	for _, l := range lines {
		// Chromium always complains that it has no D-Bus here; that is not the cause.
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, ":ERROR:dbus/") {
			keep = append(keep, l)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return "\nChromium's last output:\n" + strings.Join(keep[max(0, len(keep)-15):], "\n")
}
