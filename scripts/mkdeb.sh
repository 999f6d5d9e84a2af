#!/usr/bin/env bash
# Builds dist/pasapas_<version>_amd64.deb from a release binary.
# Usage: scripts/mkdeb.sh BINARY VERSION OUTDIR
# Name, ID, icon and version come from FyneApp.toml (packaging/gen); the
# library dependencies from the binary itself (dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 version=$2 out=$3
maintainer=${MAINTAINER:-Pas à Pas <contact@pasapas.fr>}
id=fr.pasapas.kiosk

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
pkg=$root/pkg
install -D -m 0755 "$bin" "$pkg/usr/bin/pasapas"
install -D -m 0644 packaging/linux/$id.desktop "$pkg/usr/share/applications/$id.desktop"
# Not active as installed: the centre copies it into the kiosk account's
# ~/.config/autostart/ (an entry in /etc/xdg/autostart would start the
# kiosk for every account, the administrator's included).
install -D -m 0644 packaging/linux/$id-autostart.desktop "$pkg/usr/share/pasapas/$id-autostart.desktop"
go run ./packaging/gen icons "$pkg/usr/share/icons/hicolor"
install -D -m 0644 assets/fonts/Andika-LICENSE.txt "$pkg/usr/share/doc/pasapas/Andika-LICENSE.txt"
install -D -m 0644 assets/fonts/NotoSansArabicUI-LICENSE.txt "$pkg/usr/share/doc/pasapas/NotoSansArabicUI-LICENSE.txt"

# dpkg-shlibdeps wants a debian/control to read; GLFW opens the X
# extension libraries at run time, so they are listed by hand.
mkdir -p "$root/debian"
printf 'Source: pasapas\n\nPackage: pasapas\nArchitecture: any\n' >"$root/debian/control"
linked=$(cd "$root" && dpkg-shlibdeps -O "$pkg/usr/bin/pasapas" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
depends="$linked, libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"

homepage=$(sed -n 's/^Website *= *"\(.*\)"/\1/p' FyneApp.toml)
size=$(du -sk "$pkg" | cut -f1)
mkdir -p "$pkg/DEBIAN"
sed -e "s|@VERSION@|$version|" -e "s|@MAINTAINER@|$maintainer|" -e "s|@SIZE@|$size|" \
  -e "s|@DEPENDS@|$depends|" -e "s|@HOMEPAGE@|$homepage|" packaging/linux/control >"$pkg/DEBIAN/control"
mkdir -p "$out"
# xz level 1: a third of the time of the default level, 12 % larger.
dpkg-deb --root-owner-group -Zxz -z1 --build "$pkg" "$out/pasapas_${version}_amd64.deb" >/dev/null
echo "$out/pasapas_${version}_amd64.deb"
