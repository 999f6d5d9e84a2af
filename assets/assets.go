// Package assets embeds the kiosk's fonts and images.
package assets

import (
	"embed"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"

	"pasapas/assets/fonts"
)

var (
	//go:embed logo.svg
	logoSVG []byte
	//go:embed icon.png
	iconPNG []byte
)

var (
	FontRegular = fyne.NewStaticResource("LecturePasAPas-Regular.ttf", fonts.Regular)
	FontBold    = fyne.NewStaticResource("LecturePasAPas-Bold.ttf", fonts.Bold)
	// The Arabic screens' font: without an embedded one Fyne would look for
	// one among the PC's fonts.
	FontArabicRegular = fyne.NewStaticResource("NotoSansArabicUI-Regular.ttf", fonts.ArabicRegular)
	FontArabicBold    = fyne.NewStaticResource("NotoSansArabicUI-Bold.ttf", fonts.ArabicBold)
	Logo              = fyne.NewStaticResource("logo.svg", logoSVG)
	Icon              = fyne.NewStaticResource("icon.png", iconPNG)
)

// illustrations are the drawings of the walkthroughs: simplified look-alikes
// of real screens, drawn for the project (no copied logos, no screenshots),
// and the procedures' pictograms. SVG without text, so they suit every
// language.
//
//go:embed illustrations/*.svg
var illustrations embed.FS

// Illustration returns the drawing called name (file name without .svg),
// or nil.
func Illustration(name string) fyne.Resource { return drawing(illustrations, "illustrations", name) }

// drawing returns dir/name.svg of fsys, or nil; name may not climb out.
func drawing(fsys fs.FS, dir, name string) fyne.Resource {
	if name == "" || strings.ContainsAny(name, "/\\.") {
		return nil
	}
	data, err := fs.ReadFile(fsys, dir+"/"+name+".svg")
	if err != nil {
		return nil
	}
	return fyne.NewStaticResource(name+".svg", data)
}

// HasIllustration reports whether a drawing called name exists; the
// walkthrough loader checks content files with it.
func HasIllustration(name string) bool { return Illustration(name) != nil }
