//go:build browser && !js

package main

import (
	"encoding/xml"
	"errors"
	"image"
	_ "image/png"
	"io"
	"os"
	"path/filepath"
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
