//go:build !js

// Command platformroi is the calculator's native twin of the browser app: the same
// engine on the command line.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
