#!/usr/bin/env bash
# Builds the kiosk and a bare Fyne window, then compares their start-up time,
# memory and idle CPU under Xvfb (see internal/startbench).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/pasapas" .
go build -o "$out/bare" ./internal/barewindow
go run ./internal/startbench --kiosk "$out/pasapas" --bare "$out/bare" --runs "${RUNS:-3}"
