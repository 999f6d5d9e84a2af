#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages a target needs, only those missing.
# Usage: scripts/deps.sh build|test|windows|deb
# As root it runs apt-get; with sudo it uses sudo; otherwise it prints the
# exact command to run and fails.
set -euo pipefail

build=(gcc pkg-config libgl1-mesa-dev xorg-dev)
# Locales: Fyne reads LANG; fr_FR.UTF-8 must exist for the kiosk and tests.
test=("${build[@]}" locales xvfb openbox xdotool x11-utils imagemagick poppler-utils sqlite3)
# Read-aloud: the real espeak-ng speaks in the tests, and sox checks its WAV
# files are not silent.
test+=(espeak-ng sox)
# Printing: a real cupsd with the CUPS-PDF virtual printer, whose output the
# tests read back with poppler (printing/printtest).
test+=(cups cups-daemon cups-filters cups-client cups-bsd printer-driver-cups-pdf ghostscript)
# The activity-report CSV export is opened by LibreOffice in a test: accents
# and the ";" separator must survive as a French spreadsheet reads them.
test+=(libreoffice-calc-nogui)
# The territory hub: its tests start a real PostgreSQL server from a
# temporary directory (hub/pgtest) and look at the dashboard in headless
# Chromium.
test+=(postgresql chromium)
# Windows build from Linux: mingw-w64 (cgo and windres), NSIS, zip; the smoke
# test runs the .exe under Wine (64-bit only: the kiosk has no 32-bit part).
windows=(gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 nsis zip wine wine64)
# dpkg-shlibdeps (dpkg-dev) finds the .deb's dependencies; the test
# validates the .desktop files.
deb=(dpkg-dev desktop-file-utils)

case "${1:-build}" in
  build) want=("${build[@]}") ;;
  test) want=("${test[@]}" "${windows[@]}" "${deb[@]}") ;;
  windows) want=("${build[@]}" "${windows[@]}") ;;
  deb) want=("${build[@]}" "${deb[@]}") ;;
  *) echo "deps.sh: unknown target '$1'" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "Missing packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A French UTF-8 locale, so Fyne and the tests see the language a kiosk has.
if [ "${1:-build}" = test ] && ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  if [ "$(id -u)" = 0 ]; then
    sed -i 's/^# *fr_FR.UTF-8/fr_FR.UTF-8/' /etc/locale.gen && locale-gen >/dev/null
  else
    echo "Note: no fr_FR.UTF-8 locale; run: sudo sed -i 's/^# *fr_FR.UTF-8/fr_FR.UTF-8/' /etc/locale.gen && sudo locale-gen" >&2
  fi
fi

# The versions the tests run against, printed once at the start of make
# test: when a Debian update changes what a service accepts (cups-daemon
# 2.4.2-3+deb12u10 did), the CI log shows which package moved.
if [ "${1:-build}" = test ]; then
  echo "System packages the tests use:"
  dpkg-query -W -f='  ${Package} ${Version}\n' "${want[@]}" 2>/dev/null | sort -u
fi
