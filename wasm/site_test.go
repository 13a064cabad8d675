package main

import (
	"strings"
	"testing"
)

// The prerendered page allows zooming, and no boolean attribute reads as true by
// being written ="false".
func TestFixPage(t *testing.T) {
	in := `<head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover">` +
		`<meta property="og:url" content="http://127.0.0.1:1234/"></head>` +
		`<button disabled="false" id="a">A</button><option selected="false" value="x">X</option><option selected="true" value="y">Y</option>`
	out := string(fixPage([]byte(in)))
	for _, bad := range []string{"user-scalable", "maximum-scale", `="false"`, "og:url"} {
		if strings.Contains(out, bad) {
			t.Errorf("page still holds %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{zoomable, `<button id="a">`, `selected="true"`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q:\n%s", want, out)
		}
	}
}
