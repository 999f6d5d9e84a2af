#!/usr/bin/env bash
# Runs every fuzz target of the repository (func FuzzXxx in a _test.go file)
# for FUZZTIME each (default 4s): enough in `make test` to catch a loader
# that crashes or hangs on a broken file; FUZZTIME=10m for a real hunt.
# A target found later is picked up without editing this script. A failing
# input is saved under the package's testdata/fuzz/ and then replayed by
# every plain `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-4s}
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
while IFS=: read -r file line; do
  name=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*).*/\1/' <<<"$line")
  pkg=$(dirname "$file")
  echo "fuzz $pkg $name ($fuzztime)"
  # New inputs are minimized for 60 s by default, stalling a short run.
  if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s "$pkg" >"$log" 2>&1; then
    cat "$log"
    status=1
  fi
done < <(grep -roE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' . | sort)
exit $status
