//go:build js && wasm

// Command platformroi, compiled to WebAssembly, is the calculator's web page.
package main

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

func main() {
	routes()
	goapp.RunWhenOnBrowser()
}
