# Platform selection and ROI calculator. `make run` and `make test` do everything on a
# fresh machine (see README.md).

GO      ?= go
BENCH   ?= .
FUZZTIME ?= 30s

.PHONY: run test check unit wasmtest bench fuzz

# Until the web page lands, `make run` runs the command line on the default scenario.
run:
	$(GO) run ./wasm calc

# Every test: formatting and vet, the engine and command-line tests (fuzz seed corpora
# included), and the engine's tests compiled to WebAssembly and run under Node.js.
test: check unit wasmtest

check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

wasmtest:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./calc/

bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count=5 ./calc/

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzReadScenario -fuzztime $(FUZZTIME) ./calc/
	$(GO) test -run '^$$' -fuzz FuzzReadDataset -fuzztime $(FUZZTIME) ./calc/
