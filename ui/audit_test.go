package ui_test

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
	"pasapas/ui/uitest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The accessibility audit: every screen of uitest.VisitorScreens, in every
// language of the catalogue, is opened headless and checked against the
// brief's rules. A screenshot goes to $PASAPAS_ARTEFACTS/audit/ for the
// languages people look at (uitest.Pictured) and for any screen that
// failed.
// Fitting 1024×768 at the largest step is TestScreensFitWithoutScrolling's.

// MinContrast is WCAG 2's AAA level for body text.
const MinContrast = 7.0

// keyLike is what a text key looks like: shown on screen, a text is missing.
var keyLike = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

func TestAccessibilityAudit(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir != "" {
		dir = filepath.Join(dir, "audit")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Language by language, then screen by screen: the theme (font, colours)
	// changes only between languages, so each kiosk finds its text measured.
	for _, l := range uitest.Languages(t) {
		// Colours do not depend on the language: the dark variant is
		// audited in the reference language only, to keep the test short.
		variants := []bool{false}
		if l.Reference {
			variants = append(variants, true)
		}
		for _, dark := range variants {
			for _, name := range uitest.ScreenNames() {
				where := name + "/" + l.Code
				if dark {
					where += "/dark"
				}
				// A subtest each, so that each kiosk's window closes before
				// the next opens: a theme change redraws every open window.
				t.Run(where, func(t *testing.T) {
					k := uitest.NewAt(t, l.Code, 0)
					k.UI.SetDark(dark)
					uitest.VisitorScreens[name](k)
					// Twice: the test driver lays out again only on a real
					// size change, and a text set after show may have grown.
					k.Win.Resize(fyne.NewSize(1024, 767))
					k.Win.Resize(fyne.NewSize(1024, 768))
					auditScreen(t, k, where)
					if dir != "" && (uitest.Pictured(l) || t.Failed()) {
						uitest.WritePNG(t, filepath.Join(dir, strings.ReplaceAll(where, "/", "-")+".png"), k)
					}
				})
			}
		}
	}
}

// auditScreen checks one open screen at the smallest text step, where
// texts and targets are smallest.
func auditScreen(t *testing.T, k *uitest.Kiosk, where string) {
	t.Helper()
	sc := k.UI.Screen()
	if sc.SpeechText() == "" {
		t.Errorf("%s: nothing to read aloud", where)
	}
	if k.UI.Svc.Speech.CanSay(k.UI.Lang()) != k.Bar("speak").Visible() {
		t.Errorf("%s: speaker button visible=%v with a voice=%v", where, k.Bar("speak").Visible(), k.UI.Svc.Speech.CanSay(k.UI.Lang()))
	}
	texts, targets := 0, 0
	shown := map[fyne.CanvasObject]bool{}
	for _, o := range uitest.ShownObjects(k.Win.Content()) {
		shown[o] = true
		switch o := o.(type) {
		case *canvas.Text:
			if o.Text == "" {
				continue
			}
			texts++
			if o.TextSize < kit.TextSteps[0]-0.01 {
				t.Errorf("%s: %q is %.0f px, under %.0f", where, o.Text, o.TextSize, kit.TextSteps[0])
			}
			if keyLike.MatchString(o.Text) {
				t.Errorf("%s: %q looks like a key name: a text is missing", where, o.Text)
			}
		case fyne.Tappable:
			targets++
			if s := o.(fyne.CanvasObject).Size(); s.Width < kit.MinTouchTarget || s.Height < kit.MinTouchTarget {
				t.Errorf("%s: a %T is %.0f×%.0f, under %d px", where, o, s.Width, s.Height, kit.MinTouchTarget)
			}
		}
	}
	if texts == 0 || targets == 0 {
		t.Errorf("%s: the audit saw %d texts and %d targets: it is not looking at the screen", where, texts, targets)
	}
	for id, b := range sc.Buttons {
		// Only the buttons on screen: a paginated screen keeps the others.
		if shown[b] && b.Text == "" && b.Icon == nil && len(visibleTextsAbove(sc, b)) == 0 {
			t.Errorf("%s: button %q has no text: a text is missing", where, id)
		}
	}
}

// visibleTextsAbove finds the texts laid over a choice tile's button.
func visibleTextsAbove(sc *shell.Screen, b *kit.Button) []string {
	var found []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok {
			return
		}
		if len(c.Objects) > 1 && c.Objects[0] == b {
			for _, over := range c.Objects[1:] {
				found = shell.VisibleTexts(over, found)
			}
			return
		}
		for _, child := range c.Objects {
			walk(child)
		}
	}
	walk(sc.Content)
	return found
}

// contrastPairs are the text/background pairs Fyne draws with this theme:
// plain text, buttons of each importance (also under the mouse, when the
// hover tint is laid over them), disabled and placeholder text, and
// coloured label text.
var contrastPairs = []struct {
	fg, bg, over fyne.ThemeColorName
}{
	{theme.ColorNameForeground, theme.ColorNameBackground, ""},
	{theme.ColorNameForeground, theme.ColorNameButton, ""},
	{theme.ColorNameForeground, theme.ColorNameButton, theme.ColorNameHover},
	{theme.ColorNameForeground, theme.ColorNameHeaderBackground, ""},
	{theme.ColorNameForeground, theme.ColorNameInputBackground, ""},
	{theme.ColorNameForeground, theme.ColorNameMenuBackground, ""},
	{theme.ColorNameForeground, theme.ColorNameOverlayBackground, ""},
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, ""},
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, theme.ColorNameHover},
	{theme.ColorNameForegroundOnError, theme.ColorNameError, ""},
	{theme.ColorNameForegroundOnError, theme.ColorNameError, theme.ColorNameHover},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess, ""},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess, theme.ColorNameHover},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning, ""},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning, theme.ColorNameHover},
	{theme.ColorNameDisabled, theme.ColorNameDisabledButton, ""},
	{theme.ColorNameDisabled, theme.ColorNameBackground, ""},
	{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, ""},
	{theme.ColorNamePrimary, theme.ColorNameBackground, ""},
	{theme.ColorNameHyperlink, theme.ColorNameBackground, ""},
	{theme.ColorNameError, theme.ColorNameBackground, ""},
	{theme.ColorNameSuccess, theme.ColorNameBackground, ""},
	{theme.ColorNameForeground, theme.ColorNameSelection, ""},
}

func TestThemeContrastReaches7To1(t *testing.T) {
	for _, dark := range []bool{false, true} {
		th := kit.NewKiosk(0, dark, false)
		for _, p := range contrastPairs {
			bg := th.Color(p.bg, 0)
			name := string(p.bg)
			if p.over != "" {
				bg = over(bg, th.Color(p.over, 0))
				name += "+" + string(p.over)
			}
			if c := contrast(th.Color(p.fg, 0), bg); c < MinContrast {
				t.Errorf("dark=%v: %s on %s is %.2f:1, under %.0f:1", dark, p.fg, name, c, MinContrast)
			}
		}
	}
}

func TestContrastFormula(t *testing.T) {
	tests := []struct {
		a, b color.Color
		want float64
	}{
		{kit.RGB(0x000000), kit.RGB(0xFFFFFF), 21},
		{kit.RGB(0xFFFFFF), kit.RGB(0xFFFFFF), 1},
		{kit.RGB(0x767676), kit.RGB(0xFFFFFF), 4.54}, // the classic AA grey
		{kit.RGB(0x595959), kit.RGB(0xFFFFFF), 7.0},  // the classic AAA grey
	}
	for _, tt := range tests {
		if got := contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.02 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

// contrast is WCAG 2's contrast ratio, (L1 + 0.05) / (L2 + 0.05).
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A != 0xFF {
		panic(fmt.Sprintf("luminance of a see-through colour %v: lay it over its background first", n))
	}
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// over lays a see-through colour on an opaque one, as Fyne's button does.
func over(under, top color.Color) color.Color {
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	o := color.NRGBAModel.Convert(top).(color.NRGBA)
	a := float64(o.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(y)*a + float64(x)*(1-a))) }
	return color.NRGBA{R: mix(u.R, o.R), G: mix(u.G, o.G), B: mix(u.B, o.B), A: 0xFF}
}
