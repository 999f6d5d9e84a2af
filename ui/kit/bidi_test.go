package kit_test

import (
	"pasapas/assets"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/unicode/bidi"

	"pasapas/ui/kit"
)

// drawn is what Fyne puts on screen, from left to right, for a string:
// go-text's segmenter splits it with the bidirectional algorithm in a
// left-to-right paragraph (as Fyne asks), then where the Arabic font lacks
// a character (a bracket: it comes from the Latin font), and Fyne lays the
// pieces out in that order, each right-to-left one turned round with its
// brackets mirrored.
func drawn(t *testing.T, s string) string {
	t.Helper()
	var p bidi.Paragraph
	if _, err := p.SetString(s, bidi.DefaultDirection(bidi.LeftToRight)); err != nil {
		t.Fatal(err)
	}
	o, err := p.Order()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for i := range o.NumRuns() {
		run := o.Run(i)
		rs := []rune(run.String())
		if run.Direction() == bidi.RightToLeft {
			for _, piece := range byFont(t, rs) {
				out.WriteString(bidi.ReverseString(string(piece)))
			}
			continue
		}
		out.WriteString(string(rs))
	}
	return strings.ReplaceAll(out.String(), "\u200e", "")
}

// byFont cuts rs where it passes between characters the Arabic font has
// and those it lacks.
func byFont(t *testing.T, rs []rune) [][]rune {
	f, err := sfnt.Parse(assets.FontArabicRegular.Content())
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	has := func(r rune) bool {
		g, err := f.GlyphIndex(&buf, r)
		return err == nil && g != 0
	}
	var pieces [][]rune
	from := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || has(rs[i]) != has(rs[i-1]) {
			pieces = append(pieces, rs[from:i])
			from = i
		}
	}
	return pieces
}

// rev writes an Arabic run as it appears from left to right.
func rev(s string) string { return bidi.ReverseString(s) }

// TestVisualOrder checks the hard cases of a mixed Arabic line: what the
// screen shows, read from left to right, is the line as an Arabic reader
// reads it from the right.
func TestVisualOrder(t *testing.T) {
	for _, c := range []struct{ name, line, want string }{
		{"address", "اذهب إلى ameli.fr الآن.", "." + rev("الآن") + " ameli.fr " + rev("اذهب إلى")},
		{"date", "موعدك يوم 02/12/2026.", ".02/12/2026 " + rev("موعدك يوم")},
		{"code", "رمزك: ABC-DEF", "ABC-DEF :" + rev("رمزك")},
		{"parentheses", "صندوق الإعانات العائلية (CAF)", "(CAF) " + rev("صندوق الإعانات العائلية")},
		{"euros", "المبلغ 12 € شهريا", rev("شهريا") + " € 12 " + rev("المبلغ")},
		{"quoted French button", "اضغط على « Valider ».", ".« Valider » " + rev("اضغط على")},
		{"question", "هل لديك بريد إلكتروني؟", rev("هل لديك بريد إلكتروني؟")},
		{"full stop", "اقرأ الرسالة.", "." + rev("اقرأ الرسالة")},
		{"name with a plus", "استعمل «FranceConnect+» الآن", rev("الآن") + " «FranceConnect+» " + rev("استعمل")},
		{"Arabic in brackets", "اذهب إلى «Mes démarches» (معاملاتي). اضغط", rev("اضغط") + " .(" + rev("معاملاتي") + ") «Mes démarches» " + rev("اذهب إلى")},
		{"two names", "CAF أو ameli", "ameli " + rev("أو") + " CAF"},
		{"French", "Aller sur ameli.fr (compte).", "Aller sur ameli.fr (compte)."},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := kit.Visual(c.line)
			if got := drawn(t, v); got != c.want {
				t.Errorf("Visual(%q) is drawn\n %q\nwant\n %q", c.line, got, c.want)
			}
		})
	}
}

func TestLinesBreakAtSpaces(t *testing.T) {
	width := func(s string) float32 { return float32(len([]rune(s))) }
	got := kit.Lines("un deux trois quatre\ncinq", 9, width)
	want := []string{"un deux", "trois", "quatre", "cinq"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

// shownLines are the lines of text on screen under o, top to bottom.
func shownLines(o fyne.CanvasObject) []string {
	var lines []string
	for _, c := range test.LaidOutObjects(o) {
		if txt, ok := c.(*canvas.Text); ok && c.Visible() && txt.Text != "" {
			lines = append(lines, txt.Text)
		}
	}
	return lines
}

// TestArabicLabelBreaksThenReorders checks a label narrower than its text:
// the first line on screen holds the text's first words, and it ends (at
// its right) with the first word, as an Arabic reader begins.
func TestArabicLabelBreaksThenReorders(t *testing.T) {
	test.NewTempApp(t)
	text := "اذهب إلى ameli.fr ثم اضغط على « Compte ameli » أو impots.gouv."
	l := kit.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(160, 400))
	lines := shownLines(w.Content())
	if len(lines) < 3 {
		t.Fatalf("%d lines at 160 px, want the text broken: %q", len(lines), lines)
	}
	if first := drawn(t, lines[0]); !strings.HasSuffix(first, rev("اذهب")) {
		t.Errorf("first line drawn %q: want it to end at the right with the first word", first)
	}
	if l.Text != text {
		t.Errorf("label's text changed to %q", l.Text)
	}
	if last := drawn(t, lines[len(lines)-1]); !strings.HasPrefix(last, ".") {
		t.Errorf("last line drawn %q: want the full stop at its left end", last)
	}
}

// TestArabicButtonDrawsInVisualOrder checks a button's one line, and that
// its Text, which read-aloud speaks, stays as written.
func TestArabicButtonDrawsInVisualOrder(t *testing.T) {
	test.NewTempApp(t)
	text := "1. إنشاء بريد إلكتروني"
	b := kit.NewButton(text, nil)
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(600, 120))
	b.Refresh()
	lines := shownLines(w.Content())
	if len(lines) != 1 || drawn(t, lines[0]) != rev("إنشاء بريد إلكتروني")+" .1" {
		t.Errorf("button drawn %q, want the number at the right", lines)
	}
	if b.Text != text {
		t.Errorf("button's text changed to %q", b.Text)
	}
}
