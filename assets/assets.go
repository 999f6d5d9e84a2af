// Package assets embeds the kiosk's fonts and images.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// Andika (SIL, OFL 1.1: fonts/Andika-LICENSE.txt) was designed for people
// learning to read: unambiguous letter shapes (a, g, I/l/1) and Latin plus
// Cyrillic coverage for the kiosk's languages.
var (
	//go:embed fonts/Andika-Regular.ttf
	andikaRegular []byte
	//go:embed fonts/Andika-Bold.ttf
	andikaBold []byte
	//go:embed logo.svg
	logoSVG []byte
	//go:embed icon.png
	iconPNG []byte
)

var (
	FontRegular = fyne.NewStaticResource("Andika-Regular.ttf", andikaRegular)
	FontBold    = fyne.NewStaticResource("Andika-Bold.ttf", andikaBold)
	Logo        = fyne.NewStaticResource("logo.svg", logoSVG)
	Icon        = fyne.NewStaticResource("icon.png", iconPNG)
)
