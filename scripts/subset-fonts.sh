#!/usr/bin/env bash
# Makes the kiosk's embedded typeface from Andika (assets/fonts/source):
# only the characters of the kiosk's languages (Latin, Cyrillic and the
# punctuation and symbols they use), without hinting, which Fyne's
# rasteriser ignores. Andika's full files are parsed at every start and cost
# a Fyne window tens of milliseconds and 10 MB; the subset (530 glyphs
# instead of 3 775) a fraction of that.
# Andika's licence (OFL 1.1) reserves its name: a modified version must be
# renamed, hence "Lecture Pas a Pas". Needs fontTools (Debian: python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/../assets/fonts"
unicodes="U+0020-007E,U+00A0-017F,U+0218-021B,U+02BC,U+02C6-02DD,U+0400-045F,U+0490-0491,U+2010-2027,U+2030-203A,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+2264-2265,U+25CF,U+2713,U+2717"
for style in Regular Bold; do
	/usr/bin/python3 -m fontTools.subset "source/Andika-$style.ttf" \
		--unicodes="$unicodes" --no-hinting \
		--name-IDs='*' --name-languages='*' --output-file="LecturePasAPas-$style.ttf"
	/usr/bin/python3 - "LecturePasAPas-$style.ttf" "$style" <<'PY'
import sys
from fontTools.ttLib import TTFont
path, style = sys.argv[1], sys.argv[2]
font = TTFont(path)
family = "Lecture Pas a Pas"
names = {1: family, 3: family + " " + style, 4: family + " " + style,
         6: "LecturePasAPas-" + style, 16: family, 17: style}
table = font["name"]
for rec in list(table.names):
    if rec.nameID in names:
        table.setName(names[rec.nameID], rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    elif rec.nameID in (18, 21, 22):
        table.removeNames(nameID=rec.nameID)
font.save(path)
PY
done
ls -l LecturePasAPas-*.ttf
