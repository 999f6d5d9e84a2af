package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Label is Fyne's label that also draws right-to-left text in the right
// order: it breaks an Arabic text into lines itself, at the width it is
// given, and hands Fyne each line in visual order (Visual). Any other text
// is drawn exactly as by widget.Label. Text stays the text as written.
type Label struct {
	widget.Label
	// Foreground, when set, is the colour of the label's plain text in the
	// place of the theme's foreground: text laid over a tile or banner in
	// another colour (see OnSurface).
	Foreground fyne.ThemeColorName
	// Tight leaves TightPadding around the text instead of the theme's
	// inner padding: a tile's button already frames it.
	Tight bool
}

// TightPadding is the room a Tight label leaves around its text.
const TightPadding = 4

// NewLabel is a Label showing text.
func NewLabel(text string) *Label {
	l := &Label{}
	l.Text = text
	l.ExtendBaseWidget(l)
	return l
}

// SetText changes the text. (widget.Label's own SetText would refresh
// widget.Label's renderer, which a Label does not use.)
func (l *Label) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// Refresh redraws the label with its current text and style.
func (l *Label) Refresh() { l.BaseWidget.Refresh() }

// CreateRenderer draws the text as one rich text, as widget.Label does.
func (l *Label) CreateRenderer() fyne.WidgetRenderer {
	r := &labelRenderer{l: l, text: widget.NewRichText(&widget.TextSegment{})}
	r.Refresh()
	return r
}

type labelRenderer struct {
	l     *Label
	text  *widget.RichText
	width float32 // the width the visual lines were made for
}

func (r *labelRenderer) Destroy() {}

func (r *labelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text} }

func (r *labelRenderer) MinSize() fyne.Size {
	trim := 2 * r.trim()
	return r.text.MinSize().SubtractWidthHeight(trim, trim)
}

func (r *labelRenderer) Layout(size fyne.Size) {
	if RightToLeftText(r.l.Text) && size.Width != r.width {
		r.width = size.Width
		r.sync()
		r.text.Refresh()
	}
	// A Tight label's rich text keeps the theme's padding, laid out that
	// much larger than the label, so the text sits TightPadding inside.
	trim := r.trim()
	r.text.Move(fyne.NewPos(-trim, -trim))
	r.text.Resize(size.AddWidthHeight(2*trim, 2*trim))
}

// trim is how much of the theme's inner padding a Tight label takes off
// each side.
func (r *labelRenderer) trim() float32 {
	if !r.l.Tight {
		return 0
	}
	return max(0, r.l.Theme().Size(theme.SizeNameInnerPadding)-TightPadding)
}

func (r *labelRenderer) Refresh() {
	r.sync()
	r.text.Refresh()
}

// sync copies the label's style onto the rich text, as widget.Label does,
// and its text, in visual order if it reads right to left.
func (r *labelRenderer) sync() {
	l := r.l
	size := l.SizeName
	if size == "" {
		size = theme.SizeNameText
	}
	seg := r.text.Segments[0].(*widget.TextSegment)
	seg.Style = widget.RichTextStyle{
		Alignment: l.Alignment,
		ColorName: l.colour(),
		Inline:    true,
		TextStyle: l.TextStyle,
		SizeName:  size,
	}
	r.text.Wrapping = l.Wrapping
	r.text.Truncation = l.Truncation
	seg.Text = l.Text
	if !RightToLeftText(l.Text) {
		return
	}
	th := l.Theme()
	textSize := th.Size(size)
	font := th.Font(l.TextStyle)
	measure := func(s string) float32 {
		w, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, textSize, l.TextStyle, font)
		return w.Width
	}
	lines := strings.Split(l.Text, "\n")
	// A small margin keeps Fyne's own wrapping, which measures the same
	// glyphs, from breaking a line that was made to fit.
	if avail := r.width - 2*(th.Size(theme.SizeNameInnerPadding)-r.trim()) - 4; l.Wrapping != fyne.TextWrapOff && avail > 0 {
		lines = Lines(l.Text, avail, measure)
	}
	for i, line := range lines {
		lines[i] = visual(line)
	}
	seg.Text = strings.Join(lines, "\n")
}

// colour is the label's text colour: its importance's, with plain text in
// Foreground when set.
func (l *Label) colour() fyne.ThemeColorName {
	c := importanceColour(l.Importance)
	if c == theme.ColorNameForeground && l.Foreground != "" {
		return l.Foreground
	}
	return c
}

func importanceColour(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	default:
		return theme.ColorNameForeground
	}
}

// OnSurface styles the labels of o laid over a coloured surface: plain text
// in foreground ("" keeps the theme's), Tight when tight. It does what a
// Fyne theme override would, without one: Fyne keeps everything a theme
// override held, and a parsed copy of the fonts (~2 MB) per override, for
// the window's life (fyne-io/fyne#5000 fixed it for widgets only), and
// every screen of answer tiles would add its share.
func OnSurface(o fyne.CanvasObject, foreground fyne.ThemeColorName, tight bool) fyne.CanvasObject {
	switch v := o.(type) {
	case *Label:
		v.Foreground = foreground
		v.Tight = tight
	case *fyne.Container:
		for _, c := range v.Objects {
			OnSurface(c, foreground, tight)
		}
	}
	return o
}
