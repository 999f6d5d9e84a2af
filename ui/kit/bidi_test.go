package kit_test

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"

	"pasapas/ui/kit"
)

// drawn is what Fyne puts on screen, from left to right, for a string:
// go-text's segmenter splits it with the bidirectional algorithm in a
// left-to-right paragraph (as Fyne asks) and lays the runs out in that
// order, each right-to-left run turned round with its brackets mirrored.
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
			rs = mirror(rs)
		}
		out.WriteString(string(rs))
	}
	return strings.ReplaceAll(out.String(), "\u200e", "")
}

// mirror turns rs round as a right-to-left run is drawn.
func mirror(rs []rune) []rune {
	pairs := map[rune]rune{'(': ')', ')': '(', '«': '»', '»': '«'}
	out := make([]rune, len(rs))
	for i, r := range rs {
		if m, ok := pairs[r]; ok {
			r = m
		}
		out[len(rs)-1-i] = r
	}
	return out
}

// rev writes an Arabic run as it appears from left to right.
func rev(s string) string { return string(mirror([]rune(s))) }

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
