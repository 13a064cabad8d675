//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/app"
	"platformroi/app/report"
	"platformroi/calc"
)

// siteAssets are the files of web/ the page loads as they are, all served from the
// site itself.
var siteAssets = []string{"app.css", "icon.svg"}

// pageScript is the one script the page loads before the WebAssembly: ECharts, then
// pageScriptParts of web/, in the order they run. One file instead of five saves the
// requests and their round trips before the first chart (on a slow HTTP/1.1 link the
// last of them waited for a free connection).
const pageScript = "page.js"

var pageScriptParts = []string{"charts.js", "files.js", "slides.js", "start.js"}

// pptxgenFile is PptxGenJS in the site's web/ folder (web/slides.js loads it beside
// itself).
const pptxgenFile = "pptxgen.bundle.js"

// handler describes the page for go-app. base is the path the site is served under;
// wasmBytes is app.wasm's size (0 when unknown), for the progress the corner badge
// shows: the Content-Length of a compressed app.wasm is not the size the browser
// counts as it arrives.
func handler(base, version string, wasmBytes int64) *goapp.Handler {
	h := &goapp.Handler{
		Name:        "Platform ROI calculator",
		ShortName:   "Platform ROI",
		Title:       "Where to be online, and what it really costs: platform ROI calculator",
		Description: "Recommends online platforms for a public-diplomacy audience and computes the return on the staff time they take.",
		Lang:        "en",
		Icon: goapp.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles: []string{"/web/app.css"},
		// Deferred, so that the page paints before it has loaded; it runs once the page
		// has been read, and app.js waits for it before it starts Go.
		Scripts: []string{"/web/" + pageScript + " defer"},
		// PptxGenJS is loaded by web/slides.js when slides are first asked for, not with
		// the page; the service worker keeps it too, so that slides work offline.
		CacheableResources: []string{"/web/icon.svg", "/web/icon-192.png", "/web/icon-512.png", "/web/" + pptxgenFile},
		// go-app's loader, which web/app.css makes a corner badge (web/start.js words
		// it for the visit).
		LoadingLabel:          "Starting the calculator: {progress}%",
		ThemeColor:            "#0b5cad",
		BackgroundColor:       "#f5f6f8",
		Version:               version,
		Resources:             goapp.LocalDir(""),
		ServiceWorkerTemplate: serviceWorker,
	}
	if b := strings.Trim(base, "/"); b != "" {
		h.Resources = goapp.CustomProvider("", "/"+b)
	}
	if wasmBytes > 0 {
		h.Env = goapp.Environment{"ROI_WASM_BYTES": strconv.FormatInt(wasmBytes, 10)}
	}
	return h
}

// serviceWorker is go-app's worker, which pre-caches every resource of the page, with
// one change: it also caches the page at the worker's scope (the address people open,
// "/tools/roi/" for a site under a sub-path) and answers navigations with it offline.
var serviceWorker = mustReplace(goapp.DefaultAppWorkerJS,
	"return cache.addAll(resourcesToCache);",
	"return cache.addAll([...new Set(resourcesToCache.concat([new URL(self.registration.scope).pathname]))]);",
	"caches.match(event.request).then((response) => {",
	`caches.match(event.request).then((response) => response || (event.request.mode === "navigate" ? caches.match(self.registration.scope) : undefined)).then((response) => {`)

func mustReplace(s string, oldNew ...string) string {
	out, err := replaceAll(s, oldNew...)
	if err != nil {
		panic(err)
	}
	return out
}

// ogURL is the address go-app writes into the page for link previews: the temporary
// server's during generation, meaningless once deployed.
var ogURL = regexp.MustCompile(`\s*<meta(?:\s[^>]*)?\sproperty="og:url"[^>]*>`)

// falseBooleans are boolean attributes go-app's prerenderer writes as ="false", which
// HTML reads as true (a button looks disabled, an option selected) until the
// WebAssembly replaces them.
var falseBooleans = regexp.MustCompile(`\s(?:disabled|selected|checked|readonly|required|multiple|hidden)="false"`)

// zoomable is the viewport the page declares: go-app's default forbids zooming
// (maximum-scale=1, user-scalable=0), which people with low vision need.
const zoomable = `<meta name="viewport" content="width=device-width, initial-scale=1">`

// viewport is go-app's viewport, whatever the order of its attributes.
var viewport = regexp.MustCompile(`<meta(?:\s[^>]*)?\sname="viewport"[^>]*>`)

// goScripts are go-app's two scripts in the page's head (wasm_exec.js, then app.js,
// which starts fetching app.wasm as soon as it runs), whatever the order of their
// attributes.
var goScripts = regexp.MustCompile(`<script(?:\s[^>]*)?\ssrc="[^"]*/(?:wasm_exec|app)\.js"[^>]*></script>\n?`)

// pageScripts is the page's deferred script, after which go-app's go.
var pageScripts = regexp.MustCompile(`<script(?:\s[^>]*)?\ssrc="[^"]*/web/page\.js"[^>]*></script>\n?`)

// goScriptsLast moves go-app's scripts after the page's own: deferred scripts run in
// their order, so ECharts and the first charts no longer share the link with app.wasm,
// which app.js fetches as soon as it runs (on a 10 Mbit/s link, the 2 MB of app.wasm
// would otherwise be downloading while ECharts is).
func goScriptsLast(html []byte) []byte {
	mine := pageScripts.FindIndex(html)
	if mine == nil {
		return html
	}
	var moved []byte
	for _, m := range goScripts.FindAll(html[:mine[0]], -1) {
		moved = append(moved, m...)
	}
	if moved == nil {
		return html
	}
	head := goScripts.ReplaceAll(html[:mine[1]:mine[1]], nil)
	out := append(head, moved...)
	return append(out, html[mine[1]:]...)
}

// fixPage mends what go-app's prerenderer writes into the page.
func fixPage(html []byte) []byte {
	html = goScriptsLast(html)
	html = ogURL.ReplaceAll(html, nil)
	html = falseBooleans.ReplaceAll(html, nil)
	// The loader's icon is decoration: its label says what goes on.
	// go-app writes attributes in no fixed order.
	html = loaderIcon.ReplaceAll(html, []byte(`<img alt=""$1`))
	return viewport.ReplaceAll(html, []byte(zoomable))
}

// loaderIcon is the loader's image, whatever the order of its attributes.
var loaderIcon = regexp.MustCompile(`<img((?:\s[^>]*)?\sid="app-wasm-loader-icon"[^>]*>)`)

// loaderMark is where go-app's loader starts in the page, after the prerendered
// page, whatever the order of its attributes.
var loaderMark = regexp.MustCompile(`<aside(?:\s[^>]*)?\sid="app-wasm-loader"`)

// withFirstCharts puts the options of the charts the prerendered page shows into it,
// for web/start.js to draw before the WebAssembly has started: a JSON script after
// the prerendered page (go-app replaces the body's first element, so it must not come
// first), {"date": the date the charts carry, "charts": [{"id", "option"}]}.
func withFirstCharts(html []byte, date string, specs []report.ChartSpec) ([]byte, error) {
	type chart struct {
		ID     string          `json:"id"`
		Option json.RawMessage `json:"option"`
	}
	doc := struct {
		Date   string  `json:"date"`
		Charts []chart `json:"charts"`
	}{Date: date}
	for _, s := range specs {
		doc.Charts = append(doc.Charts, chart{s.ID, json.RawMessage(s.Options)})
	}
	data, err := json.Marshal(doc) // escapes <, > and &: no "</script>" inside
	if err != nil {
		return nil, err
	}
	loc := loaderMark.FindIndex(html)
	if loc == nil {
		return nil, errors.New("go-app's page has no loader to put the charts before")
	}
	script := append([]byte(`<script type="application/json" id="roi-first-charts">`), data...)
	script = append(script, "</script>\n"...)
	at := loc[0]
	return append(html[:at:at], append(script, html[at:]...)...), nil
}

// fixAppJS changes go-app's app.js: Go starts once the page's own deferred scripts
// have run and the charts they draw at once are drawn (web/start.js, which also keeps
// what is typed meanwhile, and is told before and after the start); the service
// worker is registered after the start, not during it, so that its pre-cache does not
// download app.wasm and ECharts a second time while the page loads them (by then they
// are in the HTTP cache); the progress counts against app.wasm's own size where the
// page was told it (ROI_WASM_BYTES), since the Content-Length of a compressed
// app.wasm is not what the browser counts.
func fixAppJS(js string) (string, error) {
	return replaceAll(js,
		"goappInitServiceWorker();\ngoappWatchForUpdate();",
		`const goappDocumentParsed = new Promise((resolve) => {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve);
  else resolve();
});
goappWatchForUpdate();`,
		"  if (!goappCanLoadWebAssembly()) {\n    loader.remove();\n",
		"  if (!goappCanLoadWebAssembly()) {\n    loader.remove();\n    if (window.roiStart) roiStart.withoutApp();\n",
		`loaderLabel.innerText = goappLoadingLabel.replace("{progress}", progress);`,
		`loaderLabel.innerText = (window.roiStart ? roiStart.label : goappLoadingLabel).replace("{progress}", progress);`,
		"    go.run(wasm.instance);\n    loader.remove();\n",
		`    await goappDocumentParsed;
    if (window.roiStart) await roiStart.ready();
    if (window.roiStart) roiStart.beforeRun();
    go.run(wasm.instance);
    loader.remove();
    if (window.roiStart) roiStart.started();
    goappInitServiceWorker();
`,
		"const total = parseInt(contentLength, 10);",
		"const total = Number(goappEnv.ROI_WASM_BYTES) || parseInt(contentLength, 10);",
		"progess(Math.round((loaded * 100) / total));",
		"progess(Math.min(100, Math.round((loaded * 100) / total)));",
	)
}

// replaceAll replaces each old string of oldNew by the new one after it, once; each
// must be there.
func replaceAll(s string, oldNew ...string) (string, error) {
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			return "", fmt.Errorf("go-app's script changed: %q is not in it", oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	return s, nil
}

// siteOptions are what buildSite needs.
type siteOptions struct {
	out, base, version string
	web                string // directory of the page's assets
	echarts            string // the ECharts to serve (make site bundles the parts the page uses)
	pptxgen            string // PptxGenJS's browser bundle, with JSZip
	wasmExec           string // the Go toolchain's wasm_exec.js; "" for the go command's on PATH
	wasm               string // app.wasm, built by that toolchain
	compress           compressor
}

// defaultPptxgen is PptxGenJS's browser bundle as npm installs it.
var defaultPptxgen = filepath.Join("node_modules", "pptxgenjs", "dist", pptxgenFile)

// buildSite writes the static site to o.out: the prerendered page with the first
// charts' options, go-app's files, the Go toolchain's wasm_exec.js, ECharts, the
// page's assets and app.wasm, each compressible file with its compressed copies.
func buildSite(o siteOptions) error {
	if o.wasmExec == "" {
		var err error
		if o.wasmExec, err = toolchainWasmExec(); err != nil {
			return err
		}
	}
	wasm, err := os.Stat(o.wasm)
	if err != nil {
		return fmt.Errorf("app.wasm (--wasm): %w; build it with GOOS=js GOARCH=wasm go build -o app.wasm ./wasm", err)
	}
	routes()
	if err := os.MkdirAll(filepath.Join(o.out, "web"), 0o755); err != nil {
		return err
	}
	if err := goapp.GenerateStaticWebsite(o.out, handler(o.base, o.version, wasm.Size())); err != nil {
		return fmt.Errorf("generating the page: %w", err)
	}
	index := filepath.Join(o.out, "index.html")
	html, err := os.ReadFile(index)
	if err != nil {
		return err
	}
	// The charts of the default scenario, which the prerendered page shows.
	date := report.Today()
	html, err = withFirstCharts(fixPage(html), date, app.NewWorkspace(calc.Embedded()).Current().Charts)
	if err != nil {
		return err
	}
	html, err = inlineStyles(html, func(href string) ([]byte, error) {
		rel := strings.TrimPrefix(href, strings.TrimSuffix("/"+strings.Trim(o.base, "/"), "/"))
		if rel == "/app.css" {
			return os.ReadFile(filepath.Join(o.out, "app.css")) // go-app's own
		}
		if name, ok := strings.CutPrefix(rel, "/web/"); ok && slices.Contains(siteAssets, name) {
			return os.ReadFile(filepath.Join(o.web, name))
		}
		return nil, fmt.Errorf("the page links a style sheet the site does not have: %s", href)
	})
	if err != nil {
		return err
	}
	if err := os.WriteFile(index, html, 0o644); err != nil {
		return err
	}
	appJS := filepath.Join(o.out, "app.js")
	js, err := os.ReadFile(appJS)
	if err != nil {
		return err
	}
	fixed, err := fixAppJS(string(js))
	if err != nil {
		return err
	}
	if err := os.WriteFile(appJS, []byte(fixed), 0o644); err != nil {
		return err
	}
	copies := map[string]string{
		o.wasmExec: filepath.Join(o.out, "wasm_exec.js"),
		o.pptxgen:  filepath.Join(o.out, "web", pptxgenFile),
		o.wasm:     filepath.Join(o.out, "web", "app.wasm"),
	}
	for _, a := range siteAssets {
		copies[filepath.Join(o.web, a)] = filepath.Join(o.out, "web", a)
	}
	for from, to := range copies {
		if err := copyFile(from, to); err != nil {
			return err
		}
	}
	if err := writePageScript(filepath.Join(o.out, "web", pageScript), o.echarts, o.web); err != nil {
		return err
	}
	for _, size := range []int{192, 512} {
		if err := writeIcon(filepath.Join(o.out, "web", fmt.Sprintf("icon-%d.png", size)), size); err != nil {
			return err
		}
	}
	return o.compress.compressDir(o.out)
}

// toolchainWasmExec gives the wasm_exec.js of the go command on PATH, from its GOROOT.
func toolchainWasmExec() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	root := strings.TrimSpace(string(out))
	if err != nil || root == "" {
		return "", fmt.Errorf("cannot find the Go toolchain's wasm_exec.js (go env GOROOT: %v); pass --wasm-exec PATH, such as $(go env GOROOT)/lib/wasm/wasm_exec.js", err)
	}
	return filepath.Join(root, "lib", "wasm", "wasm_exec.js"), nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeIcon draws the app icon (the bars of web/icon.svg) as a PNG of size × size.
func writeIcon(path string, size int) error {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	blue := color.RGBA{0x0b, 0x5c, 0xad, 0xff}
	draw.Draw(img, img.Bounds(), &image.Uniform{blue}, image.Point{}, draw.Src)
	u := size / 64
	bar := func(x, y, w, h int, c color.Color) {
		draw.Draw(img, image.Rect(x*u, y*u, (x+w)*u, (y+h)*u), &image.Uniform{c}, image.Point{}, draw.Src)
	}
	bar(12, 36, 8, 16, color.White)
	bar(28, 26, 8, 26, color.White)
	bar(44, 14, 8, 38, color.RGBA{0xff, 0xb0, 0x00, 0xff})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func runSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o siteOptions
	fs.StringVar(&o.out, "out", "dist", "directory to write the site to")
	fs.StringVar(&o.base, "base", "/", "path the site is served under, such as /tools/roi/")
	fs.StringVar(&o.version, "version", "dev", "the release's version (one cache version per release)")
	fs.StringVar(&o.web, "web", "web", "directory of the page's assets")
	fs.StringVar(&o.echarts, "echarts", filepath.Join("node_modules", "echarts", "dist", "echarts.min.js"), "the ECharts to serve (make site bundles only the parts the page uses)")
	fs.StringVar(&o.pptxgen, "pptxgenjs", defaultPptxgen, "PptxGenJS's browser bundle (with JSZip), which the page loads to make slides")
	fs.StringVar(&o.wasmExec, "wasm-exec", "", "the Go toolchain's wasm_exec.js, matching the compiler of app.wasm; default: from the GOROOT of the go command on PATH")
	fs.StringVar(&o.wasm, "wasm", filepath.Join("bin", "app.wasm"), "app.wasm, built with GOOS=js GOARCH=wasm go build ./wasm")
	fs.IntVar(&o.compress.brotliQuality, "brotli", 11, "brotli quality of the compressed copies, 0 to 11 (11: smallest, about 20 s for app.wasm)")
	fs.StringVar(&o.compress.cache, "cache", "", "directory keeping compressed copies between builds, by content (none by default)")
	if err := fs.Parse(args); err != nil {
		return exitInput
	}
	if o.compress.brotliQuality < 0 || o.compress.brotliQuality > 11 {
		fmt.Fprintf(stderr, "site: --brotli must be 0 to 11, found %d\n", o.compress.brotliQuality)
		return exitInput
	}
	if err := buildSite(o); err != nil {
		fmt.Fprintln(stderr, "site:", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "site written to %s (base %s, version %s)\n", o.out, o.base, o.version)
	return exitOK
}

// runServe serves a built site on the loopback interface.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "dist", "the site to serve")
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	base := fs.String("base", "/", "path the site is served under")
	if err := fs.Parse(args); err != nil {
		return exitInput
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "serve: %s has no index.html; build the site first (make site)\n", *dir)
		return exitInput
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return exitFailure
	}
	prefix := "/" + strings.Trim(*base, "/")
	files := siteFiles(*dir)
	var h http.Handler = files
	if prefix != "/" {
		h = http.StripPrefix(prefix, files)
	} else {
		prefix = ""
	}
	fmt.Fprintf(stdout, "Serving %s at http://%s%s/ (Ctrl+C to stop)\n", *dir, ln.Addr(), prefix)
	if err := http.Serve(ln, noCache(h)); err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return exitFailure
	}
	return exitOK
}

// noCache makes the browser revalidate, so that a rebuilt site shows at once; the
// service worker keeps the offline copy.
func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}

// writePageScript writes the page's script: ECharts, then the parts from web, each
// after a line naming it (each is a function that runs at once, so nothing of one
// leaks into the next).
func writePageScript(to, echarts, web string) error {
	var b bytes.Buffer
	e, err := os.ReadFile(echarts)
	if err != nil {
		return fmt.Errorf("ECharts (--echarts): %w", err)
	}
	b.Write(e)
	for _, p := range pageScriptParts {
		src, err := os.ReadFile(filepath.Join(web, p))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "\n;\n/* web/%s */\n", p)
		b.Write(src)
	}
	return os.WriteFile(to, b.Bytes(), 0o644)
}

// linkTag is one <link> element of the page, and linkAttr one of its attributes.
var (
	linkTag  = regexp.MustCompile(`<link\s[^>]*>\n?`)
	linkAttr = regexp.MustCompile(`\s([a-z-]+)="([^"]*)"`)
)

// inlineStyles puts the page's style sheets into it, in their order, and drops their
// preloads: the first paint then waits for no request but the page's own (the ECharts-
// only page it is measured against has no style sheet at all). read gives a sheet's
// text from its address in the page (base included).
func inlineStyles(html []byte, read func(href string) ([]byte, error)) ([]byte, error) {
	var failed error
	out := linkTag.ReplaceAllFunc(html, func(tag []byte) []byte {
		attrs := map[string]string{}
		for _, m := range linkAttr.FindAllSubmatch(tag, -1) {
			attrs[string(m[1])] = string(m[2])
		}
		switch {
		case attrs["rel"] == "preload" && attrs["as"] == "style":
			return nil
		case attrs["rel"] == "stylesheet":
			css, err := read(attrs["href"])
			if err != nil {
				failed = err
				return tag
			}
			if bytes.Contains(bytes.ToLower(css), []byte("</style")) {
				failed = fmt.Errorf("style sheet %s holds </style", attrs["href"])
				return tag
			}
			return append(append([]byte("<style>\n"), css...), "</style>\n"...)
		}
		return tag
	})
	return out, failed
}
