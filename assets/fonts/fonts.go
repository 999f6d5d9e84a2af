// Package fonts embeds the kiosk's typeface as plain bytes, so that code
// without a window (the PDF summary) can use it without linking Fyne.
package fonts

import _ "embed"

// Andika (SIL, OFL 1.1: Andika-LICENSE.txt) was designed for people learning
// to read: unambiguous letter shapes (a, g, I/l/1) and Latin plus Cyrillic
// coverage for the kiosk's languages. What is embedded is a subset of it,
// renamed "Lecture Pas a Pas" as its licence requires of a modified
// version: scripts/subset-fonts.sh makes it from source/. Fyne parses the
// faces at every start: 530 glyphs parse far faster than 3 775.
var (
	//go:embed LecturePasAPas-Regular.ttf
	Regular []byte
	//go:embed LecturePasAPas-Bold.ttf
	Bold []byte
)

// Noto Sans Arabic UI (Google, OFL 1.1: NotoSansArabicUI-LICENSE.txt) draws
// Arabic, on screen and on the visitor's printed page: the Latin typeface
// has no Arabic letters.
var (
	//go:embed NotoSansArabicUI-Regular.ttf
	ArabicRegular []byte
	//go:embed NotoSansArabicUI-Bold.ttf
	ArabicBold []byte
)
