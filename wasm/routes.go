package main

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"platformroi/app"
)

// routes registers the page, in the browser and for prerendering alike.
func routes() {
	goapp.Route("/", &app.Page{})
}
