package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"platformroi/app"
	"platformroi/app/report"
	"platformroi/calc"
)

// The prerendered page allows zooming, no boolean attribute reads as true by being
// written ="false", and the loader's icon is marked as decoration.
func TestFixPage(t *testing.T) {
	in := `<head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover">` +
		`<meta property="og:url" content="http://127.0.0.1:1234/"></head>` +
		`<button disabled="false" id="a">A</button><option selected="false" value="x">X</option><option selected="true" value="y">Y</option>` +
		`<aside id="app-wasm-loader" class="goapp-app-info"><img id="app-wasm-loader-icon" class="goapp-logo goapp-spin" src="/web/icon-192.png">`
	out := string(fixPage([]byte(in)))
	for _, bad := range []string{"user-scalable", "maximum-scale", `="false"`, "og:url"} {
		if strings.Contains(out, bad) {
			t.Errorf("page still holds %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{zoomable, `<button id="a">`, `selected="true"`, `<img alt="" id="app-wasm-loader-icon" class`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q:\n%s", want, out)
		}
	}
	// go-app writes attributes in no fixed order.
	for _, head := range []string{
		`<meta name="viewport" content="width=device-width, user-scalable=0"><meta property="og:url" content="http://x/">`,
		`<meta content="width=device-width, user-scalable=0" name="viewport"><meta content="http://x/" property="og:url">`,
	} {
		if out := string(fixPage([]byte("<head>" + head + "</head>"))); out != "<head>"+zoomable+"</head>" {
			t.Errorf("%s: became %s", head, out)
		}
	}
	shuffled := string(fixPage([]byte(`<img src="/web/icon-192.png" id="app-wasm-loader-icon" class="goapp-logo">`)))
	if want := `<img alt="" src="/web/icon-192.png" id="app-wasm-loader-icon" class="goapp-logo">`; shuffled != want {
		t.Errorf("loader icon with its attributes in another order: %s, want %s", shuffled, want)
	}
}

// Style sheets are put into the page whatever the order of their links' attributes,
// and under a sub-path; a sheet the site lacks, or one that would end the style
// element, is an error.
func TestInlineStyles(t *testing.T) {
	sheets := map[string]string{"/roi/app.css": "a{}", "/roi/web/app.css": "b{}", "/bad.css": "x{}</STYLE>y"}
	read := func(href string) ([]byte, error) {
		if s, ok := sheets[href]; ok {
			return []byte(s), nil
		}
		return nil, os.ErrNotExist
	}
	page := `<head><link type="text/css" rel="preload" href="/roi/app.css" as="style">` + "\n" + `<link as="style" href="/roi/web/app.css" rel="preload">` +
		`<link rel="icon" href="/roi/web/icon.svg">` + "\n" + `<link rel="stylesheet" type="text/css" href="/roi/app.css">` + "\n" + `<link href="/roi/web/app.css" type="text/css" rel="stylesheet"></head>`
	out, err := inlineStyles([]byte(page), read)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<head><link rel="icon" href="/roi/web/icon.svg">` + "\n" + "<style>\na{}</style>\n<style>\nb{}</style>\n</head>"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	for _, bad := range []string{`<link rel="stylesheet" href="/missing.css">`, `<link rel="stylesheet" href="/bad.css">`} {
		if _, err := inlineStyles([]byte(bad), read); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// The first charts go before go-app's loader whatever the order of its attributes.
func TestWithFirstChartsLoaderOrder(t *testing.T) {
	for _, loader := range []string{`<aside id="app-wasm-loader" class="goapp-app-info">`, `<aside class="goapp-app-info" id="app-wasm-loader">`} {
		page := "<body><div>page</div>\n" + loader + "</aside></body>"
		out, err := withFirstCharts([]byte(page), "1 December 2026", nil)
		if err != nil {
			t.Fatalf("%s: %v", loader, err)
		}
		want := `<div>page</div>` + "\n" + `<script type="application/json" id="roi-first-charts">{"date":"1 December 2026","charts":null}</script>` + "\n" + loader
		if !strings.Contains(string(out), want) {
			t.Errorf("%s: the charts are not right before the loader:\n%s", loader, out)
		}
	}
	if _, err := withFirstCharts([]byte(`<body><aside id="app-wasm-loader-x"></aside></body>`), "", nil); err == nil {
		t.Error("a page without the loader gave no error")
	}
}

// The built site: the page carries the default scenario's chart options for the
// first draw and loads its scripts deferred; app.js starts Go after them and
// registers the service worker after the start; every text file and app.wasm has its
// compressed copies.
func TestBuildSite(t *testing.T) {
	dir := t.TempDir()
	fake := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wasm := strings.Repeat("\x00asm fake app ", 1000)
	o := siteOptions{
		out: filepath.Join(dir, "site"), base: "/", version: "test", web: filepath.Join("..", "web"),
		echarts:  fake("echarts.js", strings.Repeat("var echarts = {};\n", 100)),
		wasmExec: fake("wasm_exec.js", strings.Repeat("// Go's glue\n", 100)),
		pptxgen:  fake("pptxgen.js", strings.Repeat("var PptxGenJS = function () {};\n", 100)),
		wasm:     fake("app.wasm", wasm),
		compress: compressor{brotliQuality: 1},
	}
	if err := buildSite(o); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(o.out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	html := read("index.html")
	m := regexp.MustCompile(`<script type="application/json" id="roi-first-charts">(.*?)</script>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("the page carries no first charts")
	}
	var first struct {
		Date   string
		Charts []struct {
			ID     string
			Option json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(m[1]), &first); err != nil {
		t.Fatalf("the first charts are not JSON: %v", err)
	}
	want := app.NewWorkspace(calc.Embedded()).Current().Charts
	if len(first.Charts) != len(want) || first.Date != report.Today() {
		t.Fatalf("%d first charts dated %q, want %d dated %q", len(first.Charts), first.Date, len(want), report.Today())
	}
	for i, c := range first.Charts {
		var got, exp any
		json.Unmarshal(c.Option, &got)
		json.Unmarshal([]byte(want[i].Options), &exp)
		if c.ID != want[i].ID || !reflect.DeepEqual(got, exp) {
			t.Errorf("first chart %d is %s, not the default scenario's %s", i, c.ID, want[i].ID)
		}
		if !strings.Contains(html, `id="`+c.ID+`"`) {
			t.Errorf("the page has no element for chart %s", c.ID)
		}
	}
	if strings.Index(html, `id="roi-first-charts"`) < strings.Index(html, `class="page"`) || strings.Index(html, `id="roi-first-charts"`) > loaderMark.FindStringIndex(html)[0] {
		t.Error("the first charts are not between the prerendered page and the loader")
	}
	// The style sheets are in the page, in their order, and nothing loads them.
	css, err := os.ReadFile(filepath.Join(o.web, "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	goappCSS, mine := strings.Index(html, "<style>\n"+read("app.css")+"</style>"), strings.Index(html, "<style>\n"+string(css)+"</style>")
	if goappCSS < 0 || mine < goappCSS {
		t.Error("the page does not hold go-app's style sheet, then web/app.css")
	}
	if m := regexp.MustCompile(`<link[^>]*(stylesheet|as="style")[^>]*>`).FindString(html); m != "" {
		t.Errorf("the page still loads a style sheet: %s", m)
	}
	// go-app's scripts run after the page's own (app.js fetches app.wasm when it runs).
	order := regexp.MustCompile(`<script[^>]*\ssrc="/((?:web/)?[a-z_.]+\.js)"`).FindAllStringSubmatch(html, -1)
	var names []string
	for _, m := range order {
		names = append(names, m[1])
	}
	if want := []string{"web/page.js", "wasm_exec.js", "app.js"}; !reflect.DeepEqual(names, want) {
		t.Errorf("scripts in the order %v, want %v", names, want)
	}
	if !regexp.MustCompile(`<script (defer src="/web/page.js"|src="/web/page.js" defer)>`).MatchString(html) {
		t.Error("web/page.js is not loaded deferred")
	}
	// page.js is ECharts, then the page's scripts in their order, each whole.
	page := read("web/page.js")
	at := 0
	for i, part := range append([]string{o.echarts}, pageScriptParts...) {
		if i > 0 {
			part = filepath.Join(o.web, part)
		}
		src, err := os.ReadFile(part)
		if err != nil {
			t.Fatal(err)
		}
		k := strings.Index(page[at:], string(src))
		if k < 0 {
			t.Fatalf("web/page.js lacks %s after byte %d", part, at)
		}
		at += k + len(src)
	}
	js := read("app.js")
	run, register, parsed := strings.Index(js, "go.run(wasm.instance)"), strings.LastIndex(js, "goappInitServiceWorker();"), strings.Index(js, "await goappDocumentParsed;")
	if run < 0 || register < run || parsed < 0 || parsed > run {
		t.Errorf("app.js does not wait for the page's scripts, then run Go, then register the service worker:\n%s", js)
	}
	if !strings.Contains(js, `"ROI_WASM_BYTES":"`+strconv.Itoa(len(wasm))+`"`) {
		t.Error("app.js is not told app.wasm's size")
	}
	for _, name := range []string{"index.html", "app.js", "wasm_exec.js", "web/app.wasm", "web/page.js", "web/pptxgen.bundle.js", "web/app.css"} {
		for _, suffix := range []string{".br", ".gz"} {
			if _, err := os.Stat(filepath.Join(o.out, filepath.FromSlash(name)+suffix)); err != nil {
				t.Errorf("no compressed copy: %v", err)
			}
		}
	}
	// PptxGenJS is not loaded with the page (web/slides.js adds it when slides are
	// asked for), but the service worker keeps it for offline use.
	if strings.Contains(html, pptxgenFile) {
		t.Error("the page loads PptxGenJS at start")
	}
	if !strings.Contains(read("app-worker.js"), `"/web/`+pptxgenFile+`"`) {
		t.Error("the service worker does not keep PptxGenJS for offline use")
	}
	if !strings.HasPrefix(read("web/"+pptxgenFile), "var PptxGenJS") {
		t.Error("web/" + pptxgenFile + " is not the PptxGenJS given")
	}
	if read("web/app.wasm") != wasm {
		t.Error("app.wasm is not the one built")
	}
}

// fixAppJS fails, rather than writing a site that registers the service worker early,
// when go-app's script is not the one it knows.
func TestFixAppJSChanged(t *testing.T) {
	if _, err := fixAppJS("goappInitServiceWorker();\n// something else\n"); err == nil {
		t.Error("no error for a script fixAppJS does not know")
	}
}
