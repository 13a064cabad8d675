//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
