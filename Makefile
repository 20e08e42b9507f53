# mkspace — build, test and demo targets. `make help` lists them.

SHELL := bash
GO    ?= go
PKG   := github.com/mkspace/mkspace

VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo 0.1.0-dev)
LDFLAGS := -s -w -X $(PKG)/internal/version.Tool=$(VERSION)
BIN     := bin/mkspace

# Static binaries for the platforms applicants use (most use Windows).
PLATFORMS := linux/amd64 windows/amd64 darwin/arm64

# `make bench BENCH=Wrap PKGS=./internal/pdf/layout/` narrows the benchmarks.
BENCH ?= .
PKGS  ?= ./...

.DEFAULT_GOAL := build
.PHONY: help build test test-quick demo examples lint bench bench-lo cross clean

help:
	@echo "make build   build $(BIN) (version $(VERSION))"
	@echo "make test    run every test (what CI runs)"
	@echo "make test-quick  the tests without LibreOffice, large fixtures and real-binary runs (-short), for the edit loop"
	@echo "make demo    build, then template, init, validate, totals, build-pdf, verify, pack on a copy of examples/good in out/demo, fix on a copy of examples/unlinked"
	@echo "make examples regenerate examples/ from examples/gen"
	@echo "make lint    gofmt check and go vet"
	@echo "make bench   run the benchmarks (BENCH=regexp PKGS=./internal/...)"
	@echo "make bench-lo  time build-pdf against LibreOffice printing the workbook (RUNS=5, BASELINE=older binary)"
	@echo "make cross   static binaries for $(PLATFORMS) in dist/"
	@echo "make clean   remove bin/, dist/ and out/"

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/mkspace

# Verbose output goes to out/test.log; the terminal shows what go test shows
# without -v (package results, failures) plus skipped tests, then a count.
test:
	@mkdir -p out
	@set +e; \
	$(GO) test -count=1 -v $(TESTFLAGS) $(PKGS) 2>&1 | tee out/test.log | \
		grep --line-buffered -v -E '^\s*(=== (RUN|PAUSE|CONT|NAME)|--- PASS|PASS$$)'; \
	rc=$${PIPESTATUS[0]}; \
	echo "tests: $$(grep -c -E '^\s*--- PASS' out/test.log) passed," \
		"$$(grep -c -E '^\s*--- FAIL' out/test.log) failed," \
		"$$(grep -c -E '^\s*--- SKIP' out/test.log) skipped"; \
	echo "(full log: out/test.log)"; \
	exit $$rc

# The edit loop: -short leaves out LibreOffice, the large fixtures and the
# tests that build and run the real binary.
test-quick:
	@$(MAKE) --no-print-directory test TESTFLAGS=-short

# The demo runs the main job on a copy of the bundled example (the example
# itself is never written to): the blank workbook, a new package folder,
# then validate → totals → build-pdf → verify → pack → verify of the zip, the broken example's
# findings (which exit 1: the demo expects that), and fix on a copy of the unlinked example.
DEMO := out/demo
demo: build
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN) template -o $(DEMO)/申报数据.xlsx
	$(BIN) init $(DEMO)/新申报材料
	cp -r examples/good $(DEMO)/good
	$(BIN) validate $(DEMO)/good
	$(BIN) totals $(DEMO)/good
	$(BIN) build-pdf $(DEMO)/good
	$(BIN) verify $(DEMO)/good/output/申报书-*.pdf $(DEMO)/good
	$(BIN) pack $(DEMO)/good -o $(DEMO)/申报材料.zip
	$(BIN) verify $(DEMO)/申报材料.zip
	@echo "--- examples/broken (expected: errors, exit status 1) ---"
	@$(BIN) validate examples/broken --max-findings 12; test $$? -eq 1
	@echo "--- fix on a copy of examples/unlinked (blank attachment cells, text values) ---"
	cp -r examples/unlinked $(DEMO)/unlinked
	$(BIN) fix $(DEMO)/unlinked --dry-run
	$(BIN) fix $(DEMO)/unlinked
	$(BIN) validate $(DEMO)/unlinked
	@echo "demo done: see $(DEMO)/good/output/"

examples: ## regenerate examples/ (good, broken, expected) from examples/gen
	$(GO) run ./examples/gen

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -count=1 -run '^$$' -bench '$(BENCH)' -benchmem $(PKGS)

# build-pdf against LibreOffice's --convert-to pdf of the same workbook,
# side by side (scripts/bench-vs-libreoffice.sh says how).
RUNS ?= 5
bench-lo:
	RUNS=$(RUNS) scripts/bench-vs-libreoffice.sh

cross:
	@mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; \
		if [ "$$os" = windows ]; then ext=.exe; fi; \
		out=dist/mkspace-$$os-$$arch$$ext; \
		echo "$$out ($(VERSION))"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$out ./cmd/mkspace; \
	done

clean:
	rm -rf bin dist out
