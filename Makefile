# Pas à Pas — see README.md. `make run` and `make test` install what they
# need on Debian/Ubuntu before doing anything else.

GO        ?= go
BIN       := pasapas
ARTEFACTS ?= $(CURDIR)/artefacts
DIST      ?= $(CURDIR)/dist
# Read once from FyneApp.toml, and only by the targets that need it.
VERSION    = $(eval VERSION := $$(shell $(GO) run ./packaging/gen version))$(VERSION)
# Release builds: no paths of this machine, no symbols, no emoji font.
RELEASE   := -trimpath -tags no_emoji
MINGW     := x86_64-w64-mingw32
WINDOWS   := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW)-gcc
export LANG := fr_FR.UTF-8
export PASAPAS_ARTEFACTS := $(ARTEFACTS)

.PHONY: all build run test pictures soak bench deps-build deps-test clean \
	deps-windows deps-deb release windows installer zip deb test-windows test-deb

all: build

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-windows:
	@scripts/deps.sh windows

deps-deb:
	@scripts/deps.sh deb

build: deps-build
	$(GO) build -o $(BIN) .

# The kiosk, full screen. Add ARGS=--windowed for a 1280×800 window.
run: build
	./$(BIN) $(ARGS)

# Every test: unit, headless UI, end to end under Xvfb + openbox, and the
# packages (Windows build under Wine, installer, .deb install and removal).
test: deps-test installer zip deb
	$(GO) vet ./...
	PASAPAS_E2E=1 PASAPAS_DIST=$(DIST) $(GO) test -count=1 -timeout 30m ./...
	scripts/fuzz.sh

# A picture of every page of every walkthrough step (French at A and A++,
# Ukrainian and Arabic at A++) in artefacts/ui/walk-steps/, to look at after changing
# walkthrough content.
pictures: deps-test
	PASAPAS_STEP_PICTURES=1 $(GO) test -count=1 -run TestWalkEveryStepScreenshots ./ui/walk/

# The long day: the real window under Xvfb for PASAPAS_SOAK_MINUTES (30)
# with its resident memory at the start and the end
# (artefacts/e2e/TestSoakWindow/rss.txt), and PASAPAS_SOAK_SESSIONS (2000)
# visitors through the core with heap and goroutines checked. make test
# runs both briefly (1 minute, 200 visitors).
PASAPAS_SOAK_MINUTES  ?= 30
PASAPAS_SOAK_SESSIONS ?= 2000
soak: deps-test
	PASAPAS_E2E=1 PASAPAS_SOAK_MINUTES=$(PASAPAS_SOAK_MINUTES) PASAPAS_SOAK_SESSIONS=$(PASAPAS_SOAK_SESSIONS) \
		$(GO) test -count=1 -timeout 0 -v -run 'TestSoakWindow|TestLongDay' ./internal/e2e/ ./internal/fault/

# Start-up, memory and idle CPU of the release binary against a bare Fyne
# window, on both cores and on core 0 alone; a day of a dozen visitors
# (memory, idle CPU, tap latency; see internal/daybench); and the size of
# what ships.
bench: deps-test release
	$(GO) test -run '^$$' -bench . -benchtime 1x ./...
	KIOSK_BIN=$(DIST)/$(BIN) scripts/startup-bench.sh
	KIOSK_BIN=$(DIST)/$(BIN) CPUS=0 scripts/startup-bench.sh
	KIOSK_BIN=$(DIST)/$(BIN) scripts/day-bench.sh
	@ls -l $(DIST)/$(BIN) $(wildcard $(DIST)/$(BIN).exe) | awk '{printf "release size %6.1f MB  %s\n", $$5/1e6, $$NF}'

# The Linux binary as shipped in the .deb.
release: deps-build
	$(GO) build $(RELEASE) -ldflags='-s -w' -o $(DIST)/$(BIN) .

# pasapas.exe for Windows 10+, cross-built with mingw-w64: a GUI program
# (no console window) carrying the icon, version and manifest of
# FyneApp.toml (packaging/gen writes them, windres compiles them into a
# .syso that go build links and that is removed after).
windows: deps-windows
	$(GO) run ./packaging/gen windows $(DIST)/windows/res
	$(MINGW)-windres -I $(DIST)/windows/res -O coff -o rsrc_windows_amd64.syso $(DIST)/windows/res/pasapas.rc
	$(WINDOWS) $(GO) build $(RELEASE) -ldflags='-s -w -H=windowsgui' -o $(DIST)/$(BIN).exe . ; \
		status=$$?; rm -f rsrc_windows_amd64.syso; exit $$status

# The Windows installer (NSIS): dist/pasapas-VERSION-setup.exe.
installer: windows
	makensis -V2 -DVERSION=$(VERSION) -DDIST=$(DIST) packaging/windows/pasapas.nsi

# The portable Windows build: dist/pasapas-VERSION-windows.zip.
zip: windows
	rm -rf $(DIST)/zip $(DIST)/pasapas-$(VERSION)-windows.zip
	mkdir -p "$(DIST)/zip/Pas a Pas"
	cp $(DIST)/$(BIN).exe packaging/windows/LISEZMOI.txt assets/fonts/*-LICENSE.txt "$(DIST)/zip/Pas a Pas/"
	cd $(DIST)/zip && zip -q -r ../pasapas-$(VERSION)-windows.zip "Pas a Pas"
	rm -rf $(DIST)/zip

# The Debian/Ubuntu package: dist/pasapas_VERSION_amd64.deb.
deb: deps-deb release
	scripts/mkdeb.sh $(DIST)/$(BIN) $(VERSION) $(DIST)

# Only the package tests: the .exe under Wine, the installer, the missing
# OpenGL message; the .deb.
test-windows: deps-test installer zip
	PASAPAS_E2E=1 PASAPAS_DIST=$(DIST) $(GO) test -count=1 -run 'TestWindows|TestNoOpenGL' -v ./internal/e2e/ ./packaging/...

test-deb: deps-test deb
	PASAPAS_E2E=1 PASAPAS_DIST=$(DIST) $(GO) test -count=1 -run TestDeb -v ./internal/e2e/

clean:
	rm -rf $(BIN) $(ARTEFACTS) $(DIST) rsrc_windows_amd64.syso
