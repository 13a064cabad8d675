//go:build !js

package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"platformroi/app"
	"platformroi/calc"
)

// The render command's tests that need neither Chromium nor ECharts: the refusals
// that come before anything is drawn. The tests that draw are in
// render_browser_test.go (build tag browser).

// stubAssetFlags gives render a stand-in ECharts file and the repository's web/:
// enough for the checks that come before Chromium starts, which only read the files.
func stubAssetFlags(t *testing.T) []string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "echarts.min.js")
	if err := os.WriteFile(p, []byte("// not ECharts: Chromium never loads it in these tests\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{"--echarts", p, "--web", "../web"}
}

// scenarioFile writes s to dir/name.
func scenarioFile(t *testing.T, dir, name string, s *calc.Scenario) string {
	t.Helper()
	data, err := calc.MarshalScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderInvalidScenarioWritesNothing(t *testing.T) {
	dir := t.TempDir()
	good := scenarioFile(t, dir, "good.json", calc.DefaultScenario())
	base, _ := calc.MarshalScenario(calc.DefaultScenario())
	bad := writeFile(t, "bad.json", strings.Replace(string(base), `"currency": "EUR"`, `"currency": "EURO"`, 1))
	out := filepath.Join(dir, "images")
	code, stdout, stderr := runArgs(t, append(append([]string{"render", "--out", out}, stubAssetFlags(t)...), good, bad)...)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if !strings.Contains(stderr, bad+": currency (Currency): ") {
		t.Errorf("stderr does not name the file and the field:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s was created for an invalid run", out)
	}
}

func TestRenderWithoutChromium(t *testing.T) {
	dir := t.TempDir()
	file := scenarioFile(t, dir, "plan.json", calc.DefaultScenario())
	out := filepath.Join(dir, "images")
	t.Setenv("PATH", t.TempDir()) // no chromium, chromium-browser or google-chrome
	check := func(t *testing.T, want string) {
		t.Helper()
		code, stdout, stderr := runArgs(t, append(append([]string{"render", "--out", out}, stubAssetFlags(t)...), file)...)
		if code != exitInput {
			t.Errorf("exit %d, want %d", code, exitInput)
		}
		for _, w := range []string{want, "apt-get install chromium", "CHROMIUM=/path/to/chromium"} {
			if !strings.Contains(stderr, w) {
				t.Errorf("stderr lacks %q:\n%s", w, stderr)
			}
		}
		if stdout != "" {
			t.Errorf("stdout: %q", stdout)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s was created without Chromium", out)
		}
	}
	t.Run("CHROMIUM names a missing file", func(t *testing.T) {
		t.Setenv("CHROMIUM", "/nonexistent/chromium")
		check(t, "CHROMIUM=/nonexistent/chromium")
	})
	t.Run("none installed", func(t *testing.T) {
		t.Setenv("CHROMIUM", "")
		saved := chromiumPaths
		chromiumPaths = []string{filepath.Join(dir, "no-chromium")}
		t.Cleanup(func() { chromiumPaths = saved })
		check(t, "no Chromium found")
	})
}

func TestRenderUsageErrors(t *testing.T) {
	file := scenarioFile(t, t.TempDir(), "plan.json", calc.DefaultScenario())
	echartsJS := stubAssetFlags(t)[1]
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"render"}, "name one or more scenario files"},
		{[]string{"render", "--format", "gif", file}, "--format is png, svg or pptx"},
		{[]string{"render", "--echarts", echartsJS, "--web", t.TempDir(), file}, "--web DIR"},
		{[]string{"render", "--echarts", "/nonexistent/echarts.min.js", file}, "cannot read ECharts"},
		{[]string{"render", file, file}, "would write the same images"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runArgs(t, tt.args...)
		if code != exitInput || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, stdout, stderr, exitInput, tt.want)
		}
	}
}

// The deck render builds for a scenario file, without the page's package, is the deck
// the page makes of the same file once imported and worked out (charts, figures,
// assumptions, sources), for scenarios with and without uncertain inputs.
func TestRenderDeckIsThePagesDeck(t *testing.T) {
	dir := t.TempDir()
	plain := calc.DefaultScenario()
	plain.Name = `Youth & students <18–25> "pilot"`
	news := calc.DefaultScenario()
	news.Name = "News users"
	news.Dataset = "reuters-dnr-2025"
	news.Audience.Weights = map[string]decimal.Decimal{"all": decimal.NewFromInt(1)}
	news.Plan = []calc.PlanLine{{Platform: "youtube", Role: news.Staff[0].Name, HoursPerWeek: decimal.NewFromInt(6)}}
	news.Ranges = nil
	for i, s := range []*calc.Scenario{plain, news} {
		file := scenarioFile(t, dir, "s"+strconv.Itoa(i)+".json", s)
		got, code := renderDeck(file, io.Discard)
		if code != exitOK {
			t.Fatalf("%s: exit %d", s.Name, code)
		}
		st := pageState(t, file)
		want := app.DeckOf(st, nil)
		want.FileName = "s" + strconv.Itoa(i)
		wantJSON, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(wantJSON) {
			t.Errorf("%s: render's deck differs from the page's:\n%s\nwant\n%s", s.Name, got, wantJSON)
		}
		if len(want.Charts) < 5 {
			t.Errorf("%s: the page's deck has %d charts", s.Name, len(want.Charts))
		}
	}
}

// The command line's own code (calc, datasets, render, serve) does not import the
// page's package or go-app: only the site generator, which prerenders the page, and
// the page's routes do.
func TestCommandLineDoesNotImportThePage(t *testing.T) {
	allowed := map[string]bool{"site.go": true, "routes.go": true, "main_js.go": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || allowed[name] {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, im := range f.Imports {
			if p := strings.Trim(im.Path.Value, `"`); p == "platformroi/app" || strings.Contains(p, "go-app") {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
	if checked < 4 {
		t.Errorf("only %d files checked", checked)
	}
}

// pageState is the page's state for the scenario file, with what its result depends on
// worked out.
func pageState(t *testing.T, file string) *app.State {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := calc.ReadForm(data)
	if err != nil {
		t.Fatal(err)
	}
	st := app.NewState(calc.Embedded(), f)
	st.Uncertain()
	return st
}
