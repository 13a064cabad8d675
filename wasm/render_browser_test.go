//go:build browser && !js

package main

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"platformroi/app/report"
	"platformroi/calc"
)

// These tests draw with Chromium (Debian: apt-get install chromium) and ECharts from
// node_modules (npm ci), so they are built only with the browser tag:
// go test -tags browser ./wasm/ (make unit does). They fail rather than skip
// without them.

// renderAssetFlags points render at the repository's ECharts and web/ from wasm/.
func renderAssetFlags(t *testing.T) []string {
	t.Helper()
	for _, p := range []string{"../node_modules/echarts/dist/echarts.min.js", "../dist/web/echarts.min.js"} {
		if _, err := os.Stat(p); err == nil {
			return []string{"--echarts", p, "--web", "../web"}
		}
	}
	t.Fatal("ECharts is not installed: run npm ci (or make site) in the repository's root")
	return nil
}

// wantImages gives the files render should write for a scenario, with its charts.
func wantImages(t *testing.T, dir, base, format string, s *calc.Scenario) map[string]report.ChartSpec {
	t.Helper()
	res, err := calc.Compute(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := calc.Recommend(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]report.ChartSpec{}
	for _, c := range report.Charts(res, rec, report.Today()) {
		want[filepath.Join(dir, base+"-"+strings.TrimPrefix(c.ID, "chart-")+"."+format)] = c
	}
	if len(want) != 4 {
		t.Fatalf("the page has %d charts, the test expects 4", len(want))
	}
	return want
}

// checkWritten checks that stdout lists exactly the wanted files, one a line.
func checkWritten[V any](t *testing.T, stdout string, want map[string]V) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(want) {
		t.Errorf("stdout has %d lines, want one per image (%d):\n%s", len(lines), len(want), stdout)
	}
	for _, l := range lines {
		if _, ok := want[l]; !ok {
			t.Errorf("stdout names %q, not one of the expected images", l)
		}
	}
}

func TestRenderPNG(t *testing.T) {
	dir := t.TempDir()
	s := calc.DefaultScenario()
	file := scenarioFile(t, dir, "embassy.json", s)
	out := filepath.Join(dir, "images") // render creates it
	code, stdout, stderr := runArgs(t, append(append([]string{"render", "--out", out}, renderAssetFlags(t)...), file)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	want := wantImages(t, out, "embassy", "png", s)
	checkWritten(t, stdout, want)
	for p := range want {
		f, err := os.Open(p)
		if err != nil {
			t.Error(err)
			continue
		}
		cfg, format, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || format != "png" || cfg.Width != 3200 || cfg.Height != 1800 {
			t.Errorf("%s: %s %d×%d (%v), want a PNG of 3200×1800", p, format, cfg.Width, cfg.Height, err)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != len(want) {
		t.Errorf("%s holds %d files, want %d", out, len(entries), len(want))
	}
}

// TestRenderSVG renders two scenarios in one run, one with a name that must be
// escaped in XML.
func TestRenderSVG(t *testing.T) {
	dir := t.TempDir()
	a := calc.DefaultScenario()
	b := calc.DefaultScenario()
	b.Name = `Youth & students <18–25> "pilot"`
	fa := scenarioFile(t, dir, "default.json", a)
	fb := scenarioFile(t, dir, "youth.json", b)
	code, stdout, stderr := runArgs(t, append(append([]string{"render", "--format", "svg"}, renderAssetFlags(t)...), fa, "--out", dir, fb)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	want := wantImages(t, dir, "default", "svg", a)
	names := map[string]string{}
	for p := range want {
		names[p] = a.Name
	}
	for p, c := range wantImages(t, dir, "youth", "svg", b) {
		want[p] = c
		names[p] = b.Name
	}
	checkWritten(t, stdout, want)
	for p, c := range want {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Error(err)
			continue
		}
		root, text, err := parseSVG(string(data))
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", p, err)
			continue
		}
		attr := map[string]string{}
		for _, a := range root.Attr {
			attr[a.Name.Local] = a.Value
		}
		if root.Name.Local != "svg" || !(attr["width"] == "1600" && attr["height"] == "900" || attr["viewBox"] == "0 0 1600 900") {
			t.Errorf("%s: root element <%s %v>, want <svg> of 1600×900", p, root.Name.Local, attr)
		}
		for _, w := range []string{c.Title, "Scenario: " + names[p]} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: text lacks %q", p, w)
			}
		}
	}
}

// parseSVG parses a whole document and gives its root element and its text.
func parseSVG(doc string) (root xml.StartElement, text string, err error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var sb strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return root, "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root.Name.Local == "" {
				root = tok.Copy()
			}
		case xml.CharData:
			sb.Write(tok)
		}
	}
	if root.Name.Local == "" {
		return root, "", errors.New("no root element")
	}
	return root, sb.String(), nil
}

// TestRenderPPTX writes the page's slide deck for a scenario whose name must be
// escaped in XML, and reads it back: a title slide named after the scenario, a slide
// per chart of the page titled as the chart with its picture (3200 × 1800) and its data
// table in the speaker notes, then the assumptions and the sources.
func TestRenderPPTX(t *testing.T) {
	dir := t.TempDir()
	s := calc.DefaultScenario()
	s.Name = `Youth & students <18–25> "pilot" <img src=x onerror=alert(1)>`
	file := scenarioFile(t, dir, "youth.json", s)
	out := filepath.Join(dir, "decks")
	lib := "../node_modules/pptxgenjs/dist/pptxgen.bundle.js"
	code, stdout, stderr := runArgs(t, append(append([]string{"render", "--format", "pptx", "--out", out, "--pptxgenjs", lib}, renderAssetFlags(t)...), file)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	path := filepath.Join(out, "youth.pptx")
	checkWritten(t, stdout, map[string]bool{path: true})
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes", path, fi.Size())
	if fi.Size() > 8<<20 {
		t.Errorf("the deck has %d bytes", fi.Size())
	}

	// The page's charts for this scenario, once what it depends on is worked out.
	st := pageState(t, file)
	if len(st.Charts) < 4 {
		t.Fatalf("the page has %d charts", len(st.Charts))
	}
	titles := []string{s.Name}
	for _, c := range st.Charts {
		titles = append(titles, c.Title)
	}
	for i := range max(1, (len(report.Assumptions(st.Result))+11)/12) {
		titles = append(titles, "Assumptions still at their defaults"+map[bool]string{true: "", false: " (continued)"}[i == 0])
	}
	titles = append(titles, "Sources")

	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("the deck is not a zip file: %v", err)
	}
	defer z.Close()
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	read := func(name string) string {
		f := files[name]
		if f == nil {
			return ""
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var got []string
	for i := 1; files[fmt.Sprintf("ppt/slides/slide%d.xml", i)] != nil; i++ {
		title, _, err := slideText(read(fmt.Sprintf("ppt/slides/slide%d.xml", i)))
		if err != nil {
			t.Fatalf("slide %d: %v", i, err)
		}
		got = append(got, title)
	}
	if !reflect.DeepEqual(got, titles) {
		t.Fatalf("slide titles:\n%q\nwant:\n%q", got, titles)
	}
	for i, c := range st.Charts {
		_, notes, err := slideText(read(fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", i+2)))
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range c.Table.Rows {
			if !strings.Contains(notes, strings.Join(row, " | ")) {
				t.Errorf("the notes of %q lack the row %q", c.Title, strings.Join(row, " | "))
			}
		}
		rels := read(fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", i+2))
		m := regexp.MustCompile(`Target="\.\./media/([^"]+\.png)"`).FindStringSubmatch(rels)
		if m == nil {
			t.Errorf("the slide of %q has no picture", c.Title)
			continue
		}
		cfg, err := png.DecodeConfig(strings.NewReader(read("ppt/media/" + m[1])))
		if err != nil || cfg.Width != 3200 || cfg.Height != 1800 {
			t.Errorf("the picture of %q: %d×%d (%v), want 3200×1800", c.Title, cfg.Width, cfg.Height, err)
		}
	}
	if first := read("ppt/slides/slide1.xml"); strings.Contains(first, "<img") || !strings.Contains(first, "&lt;img src=x") {
		t.Error("the scenario's name is not escaped in the title slide's XML")
	}
}

// slideText reads a slide's (or notes page's) XML: the text of its title placeholder,
// and all its text, paragraphs on lines.
func slideText(doc string) (title, text string, err error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var all, shape strings.Builder
	isTitle := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "sp":
				shape.Reset()
				isTitle = false
			case "ph":
				for _, a := range tok.Attr {
					if a.Name.Local == "type" && a.Value == "title" {
						isTitle = true
					}
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				shape.WriteString("\n")
				all.WriteString("\n")
			case "sp":
				if isTitle && title == "" {
					title = strings.TrimSpace(shape.String())
				}
			}
		case xml.CharData:
			shape.Write(tok)
			all.Write(tok)
		}
	}
	return title, all.String(), nil
}
