#!/usr/bin/env bash
# A day at the kiosk beside a bare Fyne window, on both cores and on core 0
# alone (see internal/daybench): memory after the 1st, 4th and 12th
# visitor, idle CPU on welcome, tap latency. KIOSK_BIN=path measures that
# binary instead, e.g. the release build (make bench does); VISITORS=n and
# MODES="2 cores,all on cpu 0" change the day. Needs root for CUPS-PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -n "${KIOSK_BIN:-}" ]; then cp "$KIOSK_BIN" "$out/pasapas"; else go build -o "$out/pasapas" .; fi
go build -o "$out/bare" ./internal/barewindow
go build -o "$out/daybench" ./internal/daybench
"$out/daybench" --kiosk "$out/pasapas" --bare "$out/bare" --visitors "${VISITORS:-12}" --modes "${MODES:-}"
