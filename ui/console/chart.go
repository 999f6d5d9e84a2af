package console

import (
	"image/color"
	"pasapas/ui/kit"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Chart colours: distinct in hue and lightness, each readable beside dark
// text and on white.
var (
	levelColours = [4]color.Color{kit.RGB(0xA4001C), kit.RGB(0xD9822B), kit.RGB(0x4A7FC1), kit.RGB(0x14561A)}
	seriesColour = kit.RGB(0x0B3D91)
	stuckColour  = kit.RGB(0xA4001C)
)

// orientationColours follow the levels: "faire pour" reads like level 0.
var orientationColours = map[string]color.Color{
	"faire_pour": levelColours[0], "a_accompagner": levelColours[1], "a_former": levelColours[2], "autonome": levelColours[3],
}

// drawing is a widget drawn with canvas shapes by draw at each size: the
// console's charts, with no web view and no image files.
type drawing struct {
	widget.BaseWidget
	min  fyne.Size
	draw func(size fyne.Size) []fyne.CanvasObject
}

func newDrawing(min fyne.Size, draw func(fyne.Size) []fyne.CanvasObject) *drawing {
	d := &drawing{min: min, draw: draw}
	d.ExtendBaseWidget(d)
	return d
}

func (d *drawing) CreateRenderer() fyne.WidgetRenderer { return &drawingRenderer{d: d} }

type drawingRenderer struct {
	d    *drawing
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *drawingRenderer) Layout(size fyne.Size) {
	r.size = size
	r.objs = r.d.draw(size)
}
func (r *drawingRenderer) MinSize() fyne.Size           { return r.d.min }
func (r *drawingRenderer) Refresh()                     { r.Layout(r.size); canvas.Refresh(r.d) }
func (r *drawingRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *drawingRenderer) Destroy()                     {}

func rect(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	return r
}

// text is chart text in the theme's foreground colour; size 0 is the body.
func text(s string, size float32, x, y float32, align fyne.TextAlign, width float32) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize = size
	if t.TextSize == 0 {
		t.TextSize = kit.ConsoleText
	}
	t.Alignment = align
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(width, t.TextSize*1.3))
	return t
}

// minLine is the smallest row of a bar chart; rows grow to kit.ConsoleText×1.6
// when there is room.
const minLine = kit.ConsoleText * 1.4

// lineFor shares height between rows: the row height and its text size.
func lineFor(height float32, rows int) (line, textSize float32) {
	line = min(kit.ConsoleText*1.6, height/float32(max(rows, 1)))
	return line, min(kit.ConsoleText, line*0.78)
}

// maxLabelW leaves a bar chart at least a third of its width for bars and
// numbers, however long its labels.
const maxLabelW = 0.6

// bar is one row of a horizontal bar chart: the picture first, the number
// beside it.
type bar struct {
	label  string
	value  float64
	text   string // the number shown beside the bar
	colour color.Color
}

// barRows draws one labelled bar per row: the label on the left (at least
// labelW of the width, more for a longer label, up to maxLabelW), the bar
// drawn by drawBar in the middle, the note on the right (noteW of the
// width).
func barRows(labels, notes []string, labelW, noteW float32, drawBar func(i int, x, y, w, h float32) []fyne.CanvasObject) fyne.CanvasObject {
	return newDrawing(fyne.NewSize(200, minLine*float32(len(labels))), func(size fyne.Size) []fyne.CanvasObject {
		line, ts := lineFor(size.Height, len(labels))
		lw, nw := size.Width*labelW, size.Width*noteW
		for _, l := range labels {
			lw = max(lw, fyne.MeasureText(l, ts, fyne.TextStyle{}).Width+12)
		}
		lw = min(lw, size.Width*maxLabelW)
		barW := size.Width - lw - nw - 8
		var out []fyne.CanvasObject
		for i, l := range labels {
			y := float32(i) * line
			out = append(out, text(l, ts, 0, y, fyne.TextAlignLeading, lw-4))
			out = append(out, drawBar(i, lw, y+line*0.15, barW, line*0.7)...)
			out = append(out, text(notes[i], ts, lw+barW+8, y, fyne.TextAlignLeading, nw))
		}
		return out
	})
}

// hbars draws labelled horizontal bars scaled to top (the largest value
// when top is 0).
func hbars(bars []bar, top float64) fyne.CanvasObject {
	labels := make([]string, len(bars))
	notes := make([]string, len(bars))
	for i, b := range bars {
		top = max(top, b.value)
		labels[i], notes[i] = b.label, b.text
	}
	return barRows(labels, notes, 0.34, 0.22, func(i int, x, y, w, h float32) []fyne.CanvasObject {
		out := []fyne.CanvasObject{rect(kit.RGB(0xEEEEEE), x, y, w, h)}
		if top > 0 {
			out = append(out, rect(bars[i].colour, x, y, w*float32(bars[i].value/top), h))
		}
		return out
	})
}

// stacked draws one 100 % bar per row split into parts (levels 0..3 of a
// domain), with the row's label before it and a note after it.
func stacked(labels []string, parts [][4]int, notes []string) fyne.CanvasObject {
	return barRows(labels, notes, 0.42, 0.17, func(i int, x, y, w, h float32) []fyne.CanvasObject {
		total := 0
		for _, n := range parts[i] {
			total += n
		}
		var out []fyne.CanvasObject
		for lv, n := range parts[i] {
			if total == 0 || n == 0 {
				continue
			}
			part := w * float32(n) / float32(total)
			out = append(out, rect(levelColours[lv], x, y, part, h))
			x += part
		}
		return out
	})
}

// legend draws coloured squares with their words on one line.
func legend(items []string, colours []color.Color) fyne.CanvasObject {
	h := float32(kit.ConsoleText * 1.4)
	return newDrawing(fyne.NewSize(200, h), func(size fyne.Size) []fyne.CanvasObject {
		var out []fyne.CanvasObject
		w := size.Width / float32(len(items))
		for i, it := range items {
			x := float32(i) * w
			out = append(out, rect(colours[i], x, 4, h-8, h-8), text(it, kit.ConsoleText*0.85, x+h, 2, fyne.TextAlignLeading, w-h))
		}
		return out
	})
}

// columnsChart draws a series as vertical bars (sessions per day or per
// week) with the largest value on the axis and dates under the first,
// middle and last bars.
func columnsChart(values []int, labels []string) fyne.CanvasObject {
	small := float32(kit.ConsoleText * 0.8)
	return newDrawing(fyne.NewSize(200, 120), func(size fyne.Size) []fyne.CanvasObject {
		top := 0
		for _, v := range values {
			top = max(top, v)
		}
		axisW := small * 3
		labelH := small * 1.5
		plotW, plotH := size.Width-axisW, size.Height-labelH
		out := []fyne.CanvasObject{
			rect(theme.Color(theme.ColorNameForeground), axisW-1, 0, 1, plotH),
			rect(theme.Color(theme.ColorNameForeground), axisW-1, plotH, plotW+1, 1),
			text(strconv.Itoa(top), small, 0, 0, fyne.TextAlignTrailing, axisW-4),
			text("0", small, 0, plotH-small*1.3, fyne.TextAlignTrailing, axisW-4),
		}
		if len(values) == 0 {
			return out
		}
		step := plotW / float32(len(values))
		gap := min(step*0.2, 4)
		for i, v := range values {
			if top > 0 && v > 0 {
				h := plotH * float32(v) / float32(top)
				out = append(out, rect(seriesColour, axisW+float32(i)*step+gap/2, plotH-h, step-gap, h))
			}
		}
		for _, i := range []int{0, len(values) / 2, len(values) - 1} {
			x := axisW + float32(i)*step + step/2 - 40
			out = append(out, text(labels[i], small, x, plotH+2, fyne.TextAlignCenter, 80))
		}
		return out
	})
}
