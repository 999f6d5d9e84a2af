package printing

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"pasapas/assets/fonts"
)

var coverage struct {
	once sync.Once
	font *sfnt.Font
	err  error
}

// covered reports whether the embedded font draws r. Both weights of Andika
// cover the same characters, so the regular one is asked.
func covered(r rune) bool {
	coverage.once.Do(func() { coverage.font, coverage.err = sfnt.Parse(fonts.Regular) })
	if coverage.err != nil {
		return r < 0x80
	}
	var buf sfnt.Buffer
	g, err := coverage.font.GlyphIndex(&buf, r)
	return err == nil && g != 0
}

// Printable returns s without the characters the PDF font cannot draw
// (emoji, symbols, control characters), with runs of spaces folded. gofpdf would otherwise print
// empty boxes, or fail outright on characters outside the font's tables.
func Printable(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	// dropped is set after a left-out character, so that "photo 📷." does
	// not become "photo ." on paper.
	space, dropped := false, false
	for _, r := range s {
		if dropped && strings.ContainsRune(".,;:!?)", r) {
			space = false
		}
		dropped = false
		switch {
		case r == '\n':
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			// Tabs and the narrow or no-break spaces of French typing
			// become one plain space.
			space = true
		case unicode.IsControl(r) || r > 0xFFFF || !covered(r):
			// Emoji and symbols outside the font are left out: Andika
			// covers Latin, Greek and Cyrillic with their punctuation,
			// so nothing a summary needs is lost.
			dropped = true
		default:
			flushSpace(&b, &space)
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func flushSpace(b *strings.Builder, pending *bool) {
	if *pending && b.Len() > 0 {
		b.WriteByte(' ')
	}
	*pending = false
}

// Covers reports whether the PDF font draws every character of s, so that
// a caller can pick another language before the text is lost.
func Covers(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && (unicode.IsControl(r) || r > 0xFFFF || !covered(r)) {
			return false
		}
	}
	return true
}
