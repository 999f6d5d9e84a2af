package printing

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"slices"
	"strings"
	"sync"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"golang.org/x/text/unicode/bidi"

	"pasapas/assets/fonts"
)

// gofpdf neither joins Arabic letters nor lays out right-to-left lines. An
// Arabic visitor page is therefore shaped by go-text/typesetting, the
// shaper Fyne draws the screens with (HarfBuzz's rules, the bidirectional
// algorithm, line breaking), and each paragraph is placed as an image at
// print resolution.

// printDPI is the resolution the paragraphs are drawn at: that of the
// laser printers centres have.
const printDPI = 300

const pxPerMM = printDPI / 25.4

// faces are the parsed fonts of the right-to-left paragraphs, per weight:
// Arabic, and Latin for names, addresses and digits.
var faces struct {
	once sync.Once
	maps [2]fontmap // regular, bold
	err  error
}

// fontmap gives a character the Arabic face when it has the glyph, the
// Latin one otherwise.
type fontmap struct{ arabic, latin *font.Face }

func (m fontmap) ResolveFace(r rune) *font.Face {
	if _, ok := m.arabic.NominalGlyph(r); ok {
		return m.arabic
	}
	return m.latin
}

func faceMap(bold bool) (fontmap, error) {
	faces.once.Do(func() {
		for i, files := range [2][2][]byte{{fonts.ArabicRegular, fonts.Regular}, {fonts.ArabicBold, fonts.Bold}} {
			var m fontmap
			if m.arabic, faces.err = font.ParseTTF(bytes.NewReader(files[0])); faces.err != nil {
				return
			}
			if m.latin, faces.err = font.ParseTTF(bytes.NewReader(files[1])); faces.err != nil {
				return
			}
			faces.maps[i] = m
		}
	})
	if bold {
		return faces.maps[1], faces.err
	}
	return faces.maps[0], faces.err
}

// rtlLines shapes s, a paragraph of a right-to-left page, at size points
// and breaks it into lines no wider than width millimetres, each line's
// runs in visual order. Each line of s is a paragraph of its own, read
// right to left unless it begins with a Latin letter (a centre's French
// address: « 12 rue des Tilleuls » keeps its number in front).
func rtlLines(s string, size, width float64, bold bool) ([]shaping.Line, error) {
	m, err := faceMap(bold)
	if err != nil {
		return nil, err
	}
	var shaper shaping.HarfbuzzShaper
	var seg shaping.Segmenter
	var out []shaping.Line
	for _, para := range strings.Split(s, "\n") {
		text := []rune(para)
		dir := di.DirectionRTL
		if firstStrongIsLatin(text) {
			dir = di.DirectionLTR
		}
		in := shaping.Input{
			Text:      text,
			RunEnd:    len(text),
			Direction: dir,
			Face:      m.arabic,
			Size:      fixed.Int26_6(size / 72 * printDPI * 64),
			Script:    language.Arabic,
			Language:  language.NewLanguage("ar"),
		}
		var runs []shaping.Output
		for _, run := range seg.Split(in, m) {
			runs = append(runs, shaper.Shape(run))
		}
		// A wrapper's lines live in its buffers: one wrapper a paragraph.
		var wrapper shaping.LineWrapper
		lines, _ := wrapper.WrapParagraph(shaping.WrapConfig{Direction: dir}, int(width*pxPerMM), text, shaping.NewSliceIterator(runs))
		for _, l := range lines {
			slices.SortFunc(l, func(a, b shaping.Output) int { return int(a.VisualIndex - b.VisualIndex) })
		}
		out = append(out, lines...)
	}
	return out, nil
}

// firstStrongIsLatin reports whether the first letter of text is not a
// right-to-left one: the paragraph then reads left to right (Unicode's
// rule P2).
func firstStrongIsLatin(text []rune) bool {
	for _, r := range text {
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.R, bidi.AL:
			return false
		case bidi.L:
			return true
		}
	}
	return false
}

// lineWidth is how wide line is, in pixels.
func lineWidth(line shaping.Line) float32 {
	var w fixed.Int26_6
	for _, run := range line {
		w += run.Advance
	}
	return float32(w) / 64
}

// drawLines draws lines, each lineH millimetres high and aligned right (or
// centred) in width millimetres, in colour c.
func drawLines(lines []shaping.Line, width, lineH float64, centred bool, c rgb) *image.NRGBA {
	w, lh := int(width*pxPerMM+0.5), lineH*pxPerMM
	h := int(lh*float64(len(lines)) + 0.5)
	r := vector.NewRasterizer(w, h)
	for i, line := range lines {
		x := float32(w) - lineWidth(line)
		if centred {
			x /= 2
		}
		// The baseline sits so that ascent and descent share the line's
		// spare height, as gofpdf centres its cells.
		var ascent, descent float32
		if len(line) > 0 {
			ascent, descent = float32(line[0].LineBounds.Ascent)/64, -float32(line[0].LineBounds.Descent)/64
		}
		baseline := float32(float64(i)*lh+lh/2) + (ascent-descent)/2
		for _, run := range line {
			scale := float32(run.Size) / 64 / float32(run.Face.Upem())
			for _, g := range run.Glyphs {
				// Glyph 0 is the missing-glyph box: a character neither
				// font has is left out, as Printable does.
				outline, ok := run.Face.GlyphData(g.GlyphID).(font.GlyphOutline)
				if ok && g.GlyphID != 0 {
					gx := x + float32(g.XOffset)/64
					gy := baseline - float32(g.YOffset)/64
					drawOutline(r, outline, gx, gy, scale)
				}
				x += float32(g.XAdvance) / 64
			}
		}
	}
	mask := image.NewAlpha(image.Rect(0, 0, w, h))
	r.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	out := image.NewNRGBA(mask.Bounds())
	for i, a := range mask.Pix {
		out.Pix[4*i], out.Pix[4*i+1], out.Pix[4*i+2], out.Pix[4*i+3] = uint8(c.r), uint8(c.g), uint8(c.b), a
	}
	return out
}

// drawOutline adds a glyph's outline, in font units with y going up, to r
// at (x, y) pixels.
func drawOutline(r *vector.Rasterizer, o font.GlyphOutline, x, y, scale float32) {
	pt := func(p font.SegmentPoint) (float32, float32) { return x + p.X*scale, y - p.Y*scale }
	for _, s := range o.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			r.MoveTo(pt(s.Args[0]))
		case ot.SegmentOpLineTo:
			r.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			r.QuadTo(x1, y1, x2, y2)
		case ot.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			r.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	r.ClosePath()
}

// rtlPara draws s, a right-to-left paragraph, at (x, y) over width w
// millimetres, aligned right (or centred), and returns the height it took.
func (d *doc) rtlPara(x, y, w, size, lineH float64, bold, centred bool, c rgb, s string) float64 {
	lines, err := rtlLines(s, size, w, bold)
	if err != nil || len(lines) == 0 {
		return 0
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, drawLines(lines, w, lineH, centred, c)); err != nil {
		return 0
	}
	d.images++
	name := fmt.Sprintf("rtl-%d", d.images)
	opts := gofpdf.ImageOptions{ImageType: "PNG"}
	d.pdf.RegisterImageOptionsReader(name, opts, &buf)
	h := lineH * float64(len(lines))
	d.pdf.ImageOptions(name, x, y, w, h, false, opts, 0, "")
	return h
}
