# Pas à Pas — see README.md. `make run` and `make test` install what they
# need on Debian/Ubuntu before doing anything else.

GO        ?= go
BIN       := pasapas
ARTEFACTS ?= $(CURDIR)/artefacts
export LANG := fr_FR.UTF-8
export PASAPAS_ARTEFACTS := $(ARTEFACTS)

.PHONY: all build run test bench deps-build deps-test clean

all: build

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

build: deps-build
	$(GO) build -o $(BIN) .

# The kiosk, full screen. Add ARGS=--windowed for a 1280×800 window.
run: build
	./$(BIN) $(ARGS)

# Every test: unit, headless UI, and end to end under Xvfb + openbox.
test: deps-test
	$(GO) vet ./...
	PASAPAS_E2E=1 $(GO) test -count=1 -timeout 30m ./...
	scripts/fuzz.sh

# Start-up, memory and idle CPU of the real binary against a bare Fyne window.
bench: deps-test
	$(GO) test -run '^$$' -bench . -benchtime 1x ./...
	scripts/startup-bench.sh

clean:
	rm -rf $(BIN) $(ARTEFACTS)
