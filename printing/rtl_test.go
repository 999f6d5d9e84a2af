package printing

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"pasapas/printing/printtest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
)

// arabicSummary is the rich summary of a visitor who used the kiosk in
// Arabic: the visitor page's texts are Arabic, mixed with names, an
// address, a number and the code.
func arabicSummary() Summary {
	s := richSummary()
	s.VisitorLang, s.VisitorRTL = "ar", true
	s.Visitor = Visitor{
		CanDo:     []string{"تعرف كتابة رسالة", "تعرف استعمال الشاشة اللمسية"},
		NextStep:  "سيساعدك وسيط في التصريح على caf.fr. خذ موعدا في الاستقبال (مجانا)",
		Documents: []string{"رقم المستفيد من CAF", "بطاقة Vitale", "إثبات السكن"},
	}
	return s
}

// TestShapedLineRunsInVisualOrder checks the shaper on a mixed line: its
// runs come out from the right in reading order, the Latin name between
// the two Arabic words, and Arabic letters are joined.
func TestShapedLineRunsInVisualOrder(t *testing.T) {
	lines, err := rtlLines("اذهب إلى ameli.fr الآن", 15, 170, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1", len(lines))
	}
	// Visual order, from the left: الآن, ameli.fr, اذهب إلى.
	var order []string
	for _, run := range lines[0] {
		order = append(order, string([]rune("اذهب إلى ameli.fr الآن")[run.Runes.Offset:run.Runes.Offset+run.Runes.Count]))
	}
	if got := strings.Join(strings.Fields(strings.Join(order, " ")), " "); got != "الآن ameli . fr اذهب إلى" && got != "الآن ameli.fr اذهب إلى" {
		t.Errorf("runs from the left: %q", order)
	}
	// A code after Arabic, on the same line or the next, prints in its
	// order, and a French address keeps its number in front: the glyphs of
	// the left-to-right runs, from the left, are the Latin text's.
	m, _ := faceMap(false)
	for _, c := range []struct{ text, latin string }{{"رمزك: K7D-M3Q", "K7D-M3Q"}, {"رمزك\nK7D-M3Q", "K7D-M3Q"}, {"12 rue des Tilleuls", "12 rue des Tilleuls"}} {
		lines, _ := rtlLines(c.text, 15, 170, false)
		var got, want []font.GID
		for _, line := range lines {
			for _, run := range line {
				if run.Direction.Progression() == di.FromTopLeft {
					for _, g := range run.Glyphs {
						if g.XAdvance > 0 && g.Width != 0 { // spaces come from either font
							got = append(got, g.GlyphID)
						}
					}
				}
			}
		}
		for _, r := range strings.ReplaceAll(c.latin, " ", "") {
			g, _ := m.ResolveFace(r).NominalGlyph(r)
			want = append(want, g)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: left-to-right glyphs %v, want %v (%s)", c.text, got, want, c.latin)
		}
	}
	// « بب »: the first ب takes its initial form, unlike a ب alone.
	joined, _ := rtlLines("بب", 15, 170, false)
	alone, _ := rtlLines("ب", 15, 170, false)
	if joined[0][0].Glyphs[len(joined[0][0].Glyphs)-1].GlyphID == alone[0][0].Glyphs[0].GlyphID {
		t.Error("the first ب of بب is drawn as a ب alone: letters are not joined")
	}
}

// TestArabicVisitorPage renders the Arabic visitor page to PNG and checks
// that it is mirrored: the pictograms' column at the right has ink, the
// left one (the French page's) only where text runs over it; the
// mediator's page stays the French one.
func TestArabicVisitorPage(t *testing.T) {
	pdf, err := Render(arabicSummary(), catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if art := os.Getenv("PASAPAS_ARTEFACTS"); art != "" {
		dir = art
	}
	path := filepath.Join(dir, "summary-arabic.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "80", path, filepath.Join(dir, "summary-arabic")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	page := readPNG(t, filepath.Join(dir, "summary-arabic-2.png"))
	b := page.Bounds()
	mm := float64(b.Dx()) / pageW
	column := func(x0 float64) int { // dark pixels in a pictogram-wide column below the title
		n := 0
		for y := int(45 * mm); y < int(200*mm); y++ {
			for x := int(x0 * mm); x < int((x0+pictoSize)*mm); x++ {
				if r, _, _, _ := page.At(x, y).RGBA(); r < 0x8000 {
					n++
				}
			}
		}
		return n
	}
	right, left := column(pageW-marginX-pictoSize), column(marginX)
	if right < 200 || right < 2*left {
		t.Errorf("ink in the right pictogram column %d, in the left one %d: the page is not mirrored", right, left)
	}
	if got := printtest.Text(t, pdf); !strings.Contains(got, "Séance") && !strings.Contains(got, "séance") {
		t.Errorf("the mediator page lost its French: %q", got[:min(200, len(got))])
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
