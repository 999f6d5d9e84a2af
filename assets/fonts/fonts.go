// Package fonts embeds the kiosk's typeface as plain bytes, so that code
// without a window (the PDF summary) can use it without linking Fyne.
package fonts

import _ "embed"

// Andika (SIL, OFL 1.1: Andika-LICENSE.txt) was designed for people learning
// to read: unambiguous letter shapes (a, g, I/l/1) and Latin plus Cyrillic
// coverage for the kiosk's languages.
var (
	//go:embed Andika-Regular.ttf
	Regular []byte
	//go:embed Andika-Bold.ttf
	Bold []byte
)
