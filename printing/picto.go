package printing

import (
	"math"

	"github.com/jung-kurt/gofpdf"
)

// Pictograms for the visitor page, drawn as vectors so they stay sharp on
// any printer and cost a few hundred bytes. Each fills a size×size square
// whose top-left corner is (x, y).

func pictoStyle(pdf *gofpdf.Fpdf, size float64) {
	pdf.SetDrawColor(accent.r, accent.g, accent.b)
	pdf.SetFillColor(accent.r, accent.g, accent.b)
	pdf.SetLineWidth(size / 11)
	pdf.SetLineCapStyle("round")
	pdf.SetLineJoinStyle("round")
}

// pictoCheck: a tick in a disc, "I can do this".
func pictoCheck(pdf *gofpdf.Fpdf, x, y, size float64) {
	pictoStyle(pdf, size)
	r := size / 2
	pdf.Circle(x+r, y+r, r, "F")
	pdf.SetDrawColor(255, 255, 255)
	pdf.SetLineWidth(size / 9)
	pdf.MoveTo(x+size*0.27, y+size*0.52)
	pdf.LineTo(x+size*0.44, y+size*0.69)
	pdf.LineTo(x+size*0.74, y+size*0.34)
	pdf.DrawPath("S")
}

// pictoArrow: an arrow pointing right in a ring, "what comes next".
func pictoArrow(pdf *gofpdf.Fpdf, x, y, size float64) {
	pictoStyle(pdf, size)
	r := size / 2
	pdf.Circle(x+r, y+r, r-size/22, "D")
	pdf.MoveTo(x+size*0.25, y+r)
	pdf.LineTo(x+size*0.72, y+r)
	pdf.DrawPath("S")
	pdf.MoveTo(x+size*0.52, y+size*0.3)
	pdf.LineTo(x+size*0.74, y+r)
	pdf.LineTo(x+size*0.52, y+size*0.7)
	pdf.DrawPath("S")
}

// pictoDocument: a sheet with a folded corner and lines of text.
func pictoDocument(pdf *gofpdf.Fpdf, x, y, size float64) {
	pictoStyle(pdf, size)
	l, r, t, b, fold := x+size*0.18, x+size*0.82, y+size*0.05, y+size*0.95, size*0.22
	pdf.MoveTo(l, t)
	pdf.LineTo(r-fold, t)
	pdf.LineTo(r, t+fold)
	pdf.LineTo(r, b)
	pdf.LineTo(l, b)
	pdf.ClosePath()
	pdf.DrawPath("D")
	pdf.MoveTo(r-fold, t)
	pdf.LineTo(r-fold, t+fold)
	pdf.LineTo(r, t+fold)
	pdf.DrawPath("S")
	for i := 0; i < 3; i++ {
		ly := y + size*(0.45+0.15*float64(i))
		pdf.Line(l+size*0.12, ly, r-size*0.12, ly)
	}
}

// pictoPin: a map pin, "where".
func pictoPin(pdf *gofpdf.Fpdf, x, y, size float64) {
	pictoStyle(pdf, size)
	cx, cy, r := x+size/2, y+size*0.36, size*0.3
	// The pin is a disc whose lower half narrows to a point: two tangents
	// from the tip meet the circle at ±angle.
	tipY := y + size*0.97
	a := math.Asin(r / (tipY - cy))
	dx, dy := r*math.Cos(a), r*math.Sin(a)
	pdf.Circle(cx, cy, r, "F")
	pdf.Polygon([]gofpdf.PointType{
		{X: cx - dx, Y: cy + dy}, {X: cx, Y: tipY}, {X: cx + dx, Y: cy + dy},
	}, "F")
	pdf.SetFillColor(255, 255, 255)
	pdf.Circle(cx, cy, r*0.4, "F")
}

// pictoClock: a clock face, "opening hours".
func pictoClock(pdf *gofpdf.Fpdf, x, y, size float64) {
	pictoStyle(pdf, size)
	r := size / 2
	cx, cy := x+r, y+r
	pdf.Circle(cx, cy, r-size/22, "D")
	pdf.MoveTo(cx, cy-r*0.6)
	pdf.LineTo(cx, cy)
	pdf.LineTo(cx+r*0.45, cy+r*0.2)
	pdf.DrawPath("S")
}
