//go:build !js

package calc_test

import (
	"context"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestDepsOnlyStdlibAndDecimal checks every dependency of package calc, transitively,
// as the go command sees it: the standard library and shopspring/decimal only
// (TestImportsOnlyStdlibAndDecimal checks the direct imports). go test puts its own
// go command first on the PATH, so it is always found here; the file is left out
// under js/wasm, where no command can run.
func TestDepsOnlyStdlibAndDecimal(t *testing.T) {
	const decimalPath = "github.com/shopspring/decimal"
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is not on the PATH: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, gobin, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	var deps []string
	for _, l := range strings.Fields(string(out)) {
		if l != "platformroi/calc" {
			deps = append(deps, l)
		}
	}
	sort.Strings(deps)
	if strings.Join(deps, " ") != decimalPath {
		t.Errorf("package calc depends on %v outside the standard library; want only %s", deps, decimalPath)
	}
}
