package kit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// Fyne lays the runs of a line out from left to right in the order they
// come, each Arabic run shaped right to left (fyne-io/fyne#90). A line of
// an Arabic screen is therefore handed to Fyne in visual order: its
// directional runs found by the Unicode bidirectional algorithm, with the
// paragraph right to left, and laid out from the right.

// RightToLeftText reports whether s holds right-to-left letters, so that
// its lines must be put in visual order before Fyne draws them.
func RightToLeftText(s string) bool {
	return strings.ContainsFunc(s, isRightToLeft)
}

func isRightToLeft(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// lrm is the left-to-right mark: invisible, and strong enough that Fyne's
// own left-to-right reading keeps the digits and spaces it encloses where
// Visual put them.
const lrm = '\u200e'

// Visual returns one line of a right-to-left paragraph in the order Fyne
// must draw it: the runs from the right end of the line to the left. Each
// Arabic run stays in reading order (Fyne's shaper turns it), and the
// spaces and punctuation at its ends move to the side where they show,
// mirrored if they are brackets. Everything between Arabic runs is
// enclosed in left-to-right marks.
func Visual(line string) string {
	if !RightToLeftText(line) {
		return line
	}
	return visual(line)
}

// visual is Visual for a line of a right-to-left paragraph, even one
// without Arabic letters: "impots.gouv." broken onto a line of its own
// still ends, at the left, with the paragraph's full stop.
func visual(line string) string {
	line = keepSigns(line)
	var p bidi.Paragraph
	if _, err := p.SetString(line, bidi.DefaultDirection(bidi.RightToLeft)); err != nil {
		return line
	}
	o, err := p.Order()
	if err != nil {
		return line
	}
	var out strings.Builder
	between := []rune{} // what lies between two Arabic runs, left to right
	flush := func() {
		if len(between) > 0 {
			out.WriteRune(lrm)
			out.WriteString(string(between))
			out.WriteRune(lrm)
			between = between[:0]
		}
	}
	// In a right-to-left paragraph the runs have two levels (Arabic 1,
	// Latin and digits 2), so the visual order is the runs reversed, each
	// left-to-right run kept as it reads.
	for i := o.NumRuns() - 1; i >= 0; i-- {
		run := o.Run(i)
		rs := []rune(run.String())
		if run.Direction() != bidi.RightToLeft {
			between = append(between, rs...)
			continue
		}
		// Only Arabic letters and spaces stay in a run Fyne shapes: a sign
		// the Arabic font lacks, such as a bracket, is drawn from another
		// font, which splits the run, and Fyne lays the pieces out from the
		// left. Each sign is placed here, between marks.
		pieces := splitAtSigns(rs)
		for j := len(pieces) - 1; j >= 0; j-- {
			piece := pieces[j]
			start, end := 0, len(piece)
			for start < end && !isRightToLeft(piece[start]) {
				start++
			}
			for end > start && !isRightToLeft(piece[end-1]) && !unicode.Is(unicode.Mn, piece[end-1]) {
				end--
			}
			between = append(between, mirrored(piece[end:])...)
			if start < end {
				flush()
				out.WriteString(string(piece[start:end]))
			}
			between = append(between, mirrored(piece[:start])...)
		}
	}
	flush()
	return out.String()
}

// keepSigns ties a sign that ends a name to it, « FranceConnect+ »: the
// algorithm alone would send the "+", a neutral between a Latin name and
// Arabic, to the name's other side.
func keepSigns(line string) string {
	if !strings.Contains(line, "+") {
		return line
	}
	var out strings.Builder
	prev := rune(0)
	for _, r := range line {
		out.WriteRune(r)
		if r == '+' && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && !isRightToLeft(prev) {
			out.WriteRune(lrm)
		}
		prev = r
	}
	return out.String()
}

// splitAtSigns cuts rs before and after each character that is neither a
// right-to-left letter, a mark on one, nor a space.
func splitAtSigns(rs []rune) [][]rune {
	var pieces [][]rune
	from := 0
	for i, r := range rs {
		if isRightToLeft(r) || unicode.Is(unicode.Mn, r) || r == ' ' {
			continue
		}
		if i > from {
			pieces = append(pieces, rs[from:i])
		}
		pieces = append(pieces, rs[i:i+1])
		from = i + 1
	}
	if from < len(rs) {
		pieces = append(pieces, rs[from:])
	}
	return pieces
}

// mirrored returns rs as a right-to-left reading shows it: from the right,
// brackets and quotation marks turned round.
func mirrored(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		if m, ok := mirrors[r]; ok {
			r = m
		}
		out[len(rs)-1-i] = r
	}
	return out
}

var mirrors = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}

// Lines breaks text into lines no wider than width, as measured, at
// spaces, keeping the text's own line breaks: the lines of a paragraph
// must be known before each is put in visual order. Each word is measured
// once: a space parts Arabic letters, so a line is as wide as its words
// and spaces.
func Lines(text string, width float32, measure func(string) float32) []string {
	space := measure(" ")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line, lineWidth := words[0], measure(words[0])
		for _, w := range words[1:] {
			ww := measure(w)
			if lineWidth+space+ww <= width {
				line += " " + w
				lineWidth += space + ww
				continue
			}
			lines = append(lines, line)
			line, lineWidth = w, ww
		}
		lines = append(lines, line)
	}
	return lines
}
