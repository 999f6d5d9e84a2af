package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

// pictos are the self-assessment's pictograms: simple drawings made for the
// project (no copied logos), in the style of the walkthroughs' pictograms,
// which Picto also finds.
//
//go:embed pictos/*.svg
var pictos embed.FS

// Picto returns the pictogram called name (file name without .svg) from
// pictos/, else the walkthrough drawing of that name, else nil.
func Picto(name string) fyne.Resource {
	if r := drawing(pictos, "pictos", name); r != nil {
		return r
	}
	return Illustration(name)
}
