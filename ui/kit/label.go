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
}

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

func (r *labelRenderer) MinSize() fyne.Size { return r.text.MinSize() }

func (r *labelRenderer) Layout(size fyne.Size) {
	if RightToLeftText(r.l.Text) && size.Width != r.width {
		r.width = size.Width
		r.sync()
		r.text.Refresh()
	}
	r.text.Resize(size)
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
		ColorName: importanceColour(l.Importance),
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
	if avail := r.width - 2*th.Size(theme.SizeNameInnerPadding) - 4; l.Wrapping != fyne.TextWrapOff && avail > 0 {
		lines = Lines(l.Text, avail, measure)
	}
	for i, line := range lines {
		lines[i] = visual(line)
	}
	seg.Text = strings.Join(lines, "\n")
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
