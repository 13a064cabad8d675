//go:build !js

package main

import (
	"bytes"
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
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// siteAssets are the files of web/ the page loads, all served from the site itself.
var siteAssets = []string{"app.css", "charts.js", "files.js", "icon.svg"}

// handler describes the page for go-app. base is the path the site is served under.
func handler(base, version string) *goapp.Handler {
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
		Styles:                []string{"/web/app.css"},
		Scripts:               []string{"/web/echarts.min.js", "/web/charts.js", "/web/files.js"},
		CacheableResources:    []string{"/web/icon.svg", "/web/icon-192.png", "/web/icon-512.png"},
		LoadingLabel:          "Loading the calculator: {progress}%",
		ThemeColor:            "#0b5cad",
		BackgroundColor:       "#f5f6f8",
		Version:               version,
		Resources:             goapp.LocalDir(""),
		ServiceWorkerTemplate: serviceWorker,
	}
	if b := strings.Trim(base, "/"); b != "" {
		h.Resources = goapp.CustomProvider("", "/"+b)
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
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			panic("go-app's service worker changed: " + oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	return s
}

// ogURL is the address go-app writes into the page for link previews: the temporary
// server's during generation, meaningless once deployed.
var ogURL = regexp.MustCompile(`\s*<meta property="og:url" content="[^"]*">`)

// falseBooleans are boolean attributes go-app's prerenderer writes as ="false", which
// HTML reads as true (a button looks disabled, an option selected) until the
// WebAssembly replaces them.
var falseBooleans = regexp.MustCompile(`\s(?:disabled|selected|checked|readonly|required|multiple|hidden)="false"`)

// zoomable is the viewport the page declares: go-app's default forbids zooming
// (maximum-scale=1, user-scalable=0), which people with low vision need.
const zoomable = `<meta name="viewport" content="width=device-width, initial-scale=1">`

var viewport = regexp.MustCompile(`<meta name="viewport" content="[^"]*">`)

// fixPage mends what go-app's prerenderer writes into the page.
func fixPage(html []byte) []byte {
	html = ogURL.ReplaceAll(html, nil)
	html = falseBooleans.ReplaceAll(html, nil)
	return viewport.ReplaceAll(html, []byte(zoomable))
}

// buildSite writes the static site to out: the prerendered page, go-app's files, the
// Go toolchain's wasm_exec.js (wasmExec; "" for the one of the go command on PATH),
// ECharts and the page's assets. app.wasm is built separately into out/web/, by the
// toolchain whose wasm_exec.js the site holds.
func buildSite(out, base, version, webDir, echartsJS, wasmExec string) error {
	if wasmExec == "" {
		var err error
		if wasmExec, err = toolchainWasmExec(); err != nil {
			return err
		}
	}
	routes()
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return err
	}
	if err := goapp.GenerateStaticWebsite(out, handler(base, version)); err != nil {
		return fmt.Errorf("generating the page: %w", err)
	}
	index := filepath.Join(out, "index.html")
	html, err := os.ReadFile(index)
	if err != nil {
		return err
	}
	if err := os.WriteFile(index, fixPage(html), 0o644); err != nil {
		return err
	}
	copies := map[string]string{
		wasmExec:  filepath.Join(out, "wasm_exec.js"),
		echartsJS: filepath.Join(out, "web", "echarts.min.js"),
	}
	for _, a := range siteAssets {
		copies[filepath.Join(webDir, a)] = filepath.Join(out, "web", a)
	}
	for from, to := range copies {
		if err := copyFile(from, to); err != nil {
			return err
		}
	}
	for _, size := range []int{192, 512} {
		if err := writeIcon(filepath.Join(out, "web", fmt.Sprintf("icon-%d.png", size)), size); err != nil {
			return err
		}
	}
	return nil
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
	out := fs.String("out", "dist", "directory to write the site to")
	base := fs.String("base", "/", "path the site is served under, such as /tools/roi/")
	version := fs.String("version", "dev", "the release's version (one cache version per release)")
	web := fs.String("web", "web", "directory of the page's assets")
	echartsJS := fs.String("echarts", filepath.Join("node_modules", "echarts", "dist", "echarts.min.js"), "ECharts, installed from npm")
	wasmExec := fs.String("wasm-exec", "", "the Go toolchain's wasm_exec.js, matching the compiler of app.wasm; default: from the GOROOT of the go command on PATH")
	if err := fs.Parse(args); err != nil {
		return exitInput
	}
	if err := buildSite(*out, *base, *version, *web, *echartsJS, *wasmExec); err != nil {
		fmt.Fprintln(stderr, "site:", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "site written to %s (base %s, version %s)\n", *out, *base, *version)
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
	files := http.FileServer(http.Dir(*dir))
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
