//go:build wasm

// This file is added to go-app v9's pkg/app for the WebAssembly build only (see the
// Makefile's bin/go-app target). That build leaves out http.go and resource.go, go-app's
// server side, which bring net/http, TLS and text/template into app.wasm although the
// browser never runs them; the rest of pkg/app needs from them only what is here, copied
// unchanged.

package app

import "strings"

// Handler is the server side's type, named by GenerateStaticWebsite's stub in wasm.go,
// which panics in the browser.
type Handler struct{}

func isRemoteLocation(path string) bool {
	return strings.HasPrefix(path, "https://") ||
		strings.HasPrefix(path, "http://")
}

func isStaticResourcePath(path string) bool {
	return strings.HasPrefix(path, "/web/") ||
		strings.HasPrefix(path, "web/")
}
