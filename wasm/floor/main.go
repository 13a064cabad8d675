// Command floor is the smallest go-app page: one component. `make bench` builds it with
// the same Go and flags as the calculator to compare app.wasm sizes with the floor of
// the stack.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello") }

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
}
