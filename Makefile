# Platform selection and ROI calculator. `make run` and `make test` do everything on a
# fresh machine (see README.md).

GO       ?= go
BENCH    ?= .
FUZZTIME ?= 30s
DIST     ?= dist
BASE     ?= /
ADDR     ?= 127.0.0.1:8000
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BROTLI   ?= 11

.PHONY: run site test check unit wasmtest browsertest bench fuzz bin/platformroi

# Build the static site, then serve it on the loopback interface.
run: site
	$(GO) run ./wasm serve --dir $(DIST) --addr $(ADDR) --base $(BASE)

# The deployable static site: prerendered page (with the first charts' options),
# app.wasm, wasm_exec.js, the parts of ECharts the page uses, PptxGenJS's browser
# bundle (loaded only when slides are asked for), assets, and a brotli and
# a gzip copy of each text file and of app.wasm. Compressed copies are kept in
# bin/compressed/ by content, so that an unchanged app.wasm is not compressed again;
# BROTLI=5 makes a quicker build with larger copies.
site: node_modules/.installed bin/echarts.min.js bin/pptxgen.bundle.js bin/wasm.mod
	rm -rf $(DIST)
	GOOS=js GOARCH=wasm $(GO) build -modfile=bin/wasm.mod -trimpath -ldflags="-s -w" -o bin/app.wasm ./wasm
	@if GOOS=js GOARCH=wasm $(GO) list -modfile=bin/wasm.mod -deps ./wasm | grep -qxE 'net/http|crypto/tls'; then \
		echo "app.wasm links net/http or crypto/tls again (see bin/wasm.mod)"; exit 1; fi
	$(GO) run ./wasm site --out $(DIST) --base $(BASE) --version $(VERSION) \
		--wasm bin/app.wasm --echarts bin/echarts.min.js --pptxgenjs bin/pptxgen.bundle.js \
		--brotli $(BROTLI) --cache bin/compressed \
		--wasm-exec "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js"

# go-app v9 compiles its server side (pkg/app's http.go and resource.go: the HTTP
# handler and the static-site generator) into app.wasm too, and with it net/http, TLS
# and text/template, about 0.26 MB of brotli the browser never runs. app.wasm is built
# against bin/go-app: the go-app module go.mod names, copied from the module cache, with
# those two files kept out of WebAssembly builds by a build constraint and the two
# helpers and the type the rest of pkg/app takes from them added (wasm/_goapp). Native
# builds (command line, site generator, tests) use go-app unchanged. v9.8.0 is go-app
# v9's last release; the recipe stops if those files are not as it expects.
GOAPP := github.com/maxence-charriere/go-app/v9
bin/wasm.mod: go.mod go.sum wasm/_goapp/server_wasm.go
	$(GO) mod download $(GOAPP)
	rm -rf bin/go-app && mkdir -p bin/go-app
	src="$$($(GO) list -m -f '{{.Dir}}' $(GOAPP))" && cp -R "$$src/go.mod" "$$src/LICENSE" "$$src/pkg" bin/go-app/
	chmod -R u+w bin/go-app
	for f in http.go resource.go; do \
		test "$$(head -1 bin/go-app/pkg/app/$$f)" = "package app" || { echo "go-app's pkg/app/$$f has changed: see wasm/_goapp"; exit 1; }; \
		{ printf '//go:build !wasm\n\n'; cat bin/go-app/pkg/app/$$f; } > bin/go-app/pkg/app/$$f.tmp; \
		mv bin/go-app/pkg/app/$$f.tmp bin/go-app/pkg/app/$$f; \
	done
	cp wasm/_goapp/server_wasm.go bin/go-app/pkg/app/
	cp go.sum bin/wasm.sum
	{ cat go.mod; printf '\nreplace $(GOAPP) => ./bin/go-app\n'; } > $@.tmp
	mv $@.tmp $@

# ECharts' tree-shaken build with only what the page draws (web/echarts-build.mjs),
# bundled by esbuild from npm. The command line's render draws with the full build.
bin/echarts.min.js: web/echarts-build.mjs node_modules/.installed
	node_modules/.bin/esbuild web/echarts-build.mjs --bundle --minify --format=iife --global-name=echarts \
		--define:process.env.NODE_ENV='"production"' --legal-comments=inline --log-level=warning --outfile=$@

# PptxGenJS's browser bundle (with JSZip) as npm has it, after the licences of both
# (JSZip's MIT licence, which it offers beside the GPLv3).
bin/pptxgen.bundle.js: node_modules/.installed
	mkdir -p bin
	{ printf '/*!\nPptxGenJS, with JSZip bundled in it.\n\nPptxGenJS: '; cat node_modules/pptxgenjs/LICENSE; printf '\nJSZip, bundled: '; sed -n '1,/^GPL version 3/p' node_modules/jszip/LICENSE.markdown | sed '$$d'; printf '*/\n'; \
		cat node_modules/pptxgenjs/dist/pptxgen.bundle.js; } > $@.tmp
	mv $@.tmp $@

# Front-end packages (ECharts, PptxGenJS, the browser-test tools), exactly as the lock
# file says.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Every test: formatting, vet, staticcheck and a tidy go.mod, the engine, page and
# command-line tests (fuzz seed corpora and the render command's drawings included),
# the engine's tests compiled to WebAssembly and run under Node.js, and the browser
# tests of the built site in headless Chromium.
test: check unit wasmtest browsertest

# The native build of ./wasm: command line, site generator and local server.
bin/platformroi:
	$(GO) build -o $@ ./wasm

# The browser tests use the site of `make site` and one built for a sub-path.
browsertest: site bin/platformroi
	$(MAKE) --no-print-directory site DIST=dist-sub BASE=/tools/roi/
	node --test --test-concurrency=1 tests/

# Formatting, vet and staticcheck (pinned in go.mod as a tool; the browser tag takes
# in the tests that draw with Chromium), and go.mod and go.sum as go mod tidy leaves them.
check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet -tags browser ./...
	$(GO) mod tidy -diff
	$(GO) tool staticcheck -tags browser ./...

# The Go tests. The browser tag adds the render command's tests, which draw with
# ECharts from npm in headless Chromium; plain `go test ./...` needs neither.
unit: node_modules/.installed
	$(GO) test -tags browser -count=1 ./...

wasmtest:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./calc/

# Benchmarks: the engine and the page's input path natively, app.wasm's size against
# the floor of the stack and by package, browser timings (cold loads on loopback and a
# slow link against an ECharts-only page, input change to charts) and Lighthouse.
bench: site
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count=5 ./calc/ ./app/
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(DIST)/floor.wasm ./wasm/floor
	node tests/size.mjs $(DIST)/web/app.wasm $(DIST)/floor.wasm
	rm -f $(DIST)/floor.wasm
	GOOS=js GOARCH=wasm $(GO) build -modfile=bin/wasm.mod -trimpath -o bin/app-names.wasm ./wasm
	node tests/wasmsize.mjs bin/app-names.wasm 25
	$(MAKE) --no-print-directory bin/platformroi
	node tests/bench.mjs
	node tests/lighthouse.mjs

fuzz:
	$(GO) test -run '^$$' -fuzz 'FuzzReadScenario$$' -fuzztime $(FUZZTIME) ./calc/
	$(GO) test -run '^$$' -fuzz 'FuzzReadDataset$$' -fuzztime $(FUZZTIME) ./calc/
	$(GO) test -run '^$$' -fuzz 'FuzzDecodeShare$$' -fuzztime $(FUZZTIME) ./calc/
	$(GO) test -run '^$$' -fuzz 'FuzzReadDatasetCSV$$' -fuzztime $(FUZZTIME) ./calc/
	$(GO) test -run '^$$' -fuzz 'FuzzTreeReader$$' -fuzztime $(FUZZTIME) ./calc/
