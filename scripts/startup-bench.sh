#!/usr/bin/env bash
# Builds the kiosk and a bare Fyne window, then compares their start-up time,
# memory and idle CPU under Xvfb (see internal/startbench). KIOSK_BIN=path
# measures that binary instead, e.g. the release build (make bench does);
# CPUS=0 runs the display and both programs on core 0 only (taskset).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -n "${KIOSK_BIN:-}" ]; then cp "$KIOSK_BIN" "$out/pasapas"; else go build -o "$out/pasapas" .; fi
go build -o "$out/bare" ./internal/barewindow
go run ./internal/startbench --kiosk "$out/pasapas" --bare "$out/bare" --runs "${RUNS:-3}" --cpus "${CPUS:-}"
