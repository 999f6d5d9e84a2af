package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"pasapas/assets"
)

// TextSteps are the body text sizes (Fyne units, pixels at scale 1) of the
// three text-size steps. 32 px is 24 pt at 96 dpi: the smallest step already
// meets the brief at 1080p, and every visitor screen must fit 1024×768 at
// the largest.
var TextSteps = [3]float32{32, 36, 40}

// MinTouchTarget is the smallest height or width of anything tappable.
const MinTouchTarget = 60

// Kiosk embeds the default theme and overrides only colours, sizes and
// the font: light with ≥ 7:1 contrast, or a dark high-contrast variant.
type Kiosk struct {
	fyne.Theme
	step int
	dark bool
	// arabic draws text in Noto Sans Arabic; Latin letters then come from
	// Fyne's own embedded Noto Sans.
	arabic bool
}

// NewKiosk is the kiosk theme at a text-size step, light or dark, in the
// Arabic font or the Latin one.
func NewKiosk(step int, dark, arabic bool) *Kiosk {
	return &Kiosk{Theme: theme.DefaultTheme(), step: ClampStep(step), dark: dark, arabic: arabic}
}

// Same tells whether o draws exactly as t: setting it again would only
// make Fyne drop its caches.
func (t *Kiosk) Same(o fyne.Theme) bool {
	cur, ok := o.(*Kiosk)
	return ok && cur.step == t.step && cur.dark == t.dark && cur.arabic == t.arabic
}

// ClampStep keeps a text-size step within TextSteps.
func ClampStep(step int) int {
	return max(0, min(step, len(TextSteps)-1))
}

// Palettes. Each foreground/background pair used together reaches 7:1 (WCAG
// formula); the audit test checks them all. Hover and pressed are
// see-through tints: Fyne lays them over the button's own colour, and an
// opaque light tint over a blue button would leave white text unreadable.
var (
	lightPalette = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          RGB(0xFFFFFF),
		theme.ColorNameForeground:          RGB(0x121212),
		theme.ColorNamePrimary:             RGB(0x0B3D91),
		theme.ColorNameForegroundOnPrimary: RGB(0xFFFFFF),
		theme.ColorNameButton:              RGB(0xE3EAF5),
		theme.ColorNameDisabledButton:      RGB(0xEEEEEE),
		theme.ColorNameDisabled:            RGB(0x474747),
		theme.ColorNamePlaceHolder:         RGB(0x474747),
		theme.ColorNameInputBackground:     RGB(0xFFFFFF),
		theme.ColorNameInputBorder:         RGB(0x121212),
		theme.ColorNameHover:               tint(0x000000, 0x1F),
		theme.ColorNamePressed:             tint(0x000000, 0x33),
		theme.ColorNameFocus:               RGB(0xFFC20E),
		theme.ColorNameSelection:           RGB(0xFFE38A),
		theme.ColorNameSeparator:           RGB(0x121212),
		theme.ColorNameError:               RGB(0xA4001C),
		theme.ColorNameForegroundOnError:   RGB(0xFFFFFF),
		theme.ColorNameSuccess:             RGB(0x14561A),
		theme.ColorNameForegroundOnSuccess: RGB(0xFFFFFF),
		theme.ColorNameWarning:             RGB(0xFFC20E),
		theme.ColorNameForegroundOnWarning: RGB(0x121212),
		theme.ColorNameHyperlink:           RGB(0x0B3D91),
		theme.ColorNameOverlayBackground:   RGB(0xFFFFFF),
		theme.ColorNameMenuBackground:      RGB(0xFFFFFF),
		theme.ColorNameHeaderBackground:    RGB(0xE3EAF5),
		theme.ColorNameShadow:              color.NRGBA{A: 0x40},
		theme.ColorNameScrollBar:           RGB(0x474747),
	}
	darkPalette = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          RGB(0x000000),
		theme.ColorNameForeground:          RGB(0xFFFFFF),
		theme.ColorNamePrimary:             RGB(0xFFD400),
		theme.ColorNameForegroundOnPrimary: RGB(0x000000),
		theme.ColorNameButton:              RGB(0x333333),
		theme.ColorNameDisabledButton:      RGB(0x333333),
		theme.ColorNameDisabled:            RGB(0xCFCFCF),
		theme.ColorNamePlaceHolder:         RGB(0xBDBDBD),
		theme.ColorNameInputBackground:     RGB(0x000000),
		theme.ColorNameInputBorder:         RGB(0xFFFFFF),
		theme.ColorNameHover:               tint(0xFFFFFF, 0x26),
		theme.ColorNamePressed:             tint(0xFFFFFF, 0x4D),
		theme.ColorNameFocus:               RGB(0x00B7FF),
		theme.ColorNameSelection:           RGB(0x005A80),
		theme.ColorNameSeparator:           RGB(0xFFFFFF),
		theme.ColorNameError:               RGB(0xFF8A80),
		theme.ColorNameForegroundOnError:   RGB(0x000000),
		theme.ColorNameSuccess:             RGB(0x7CFC8A),
		theme.ColorNameForegroundOnSuccess: RGB(0x000000),
		theme.ColorNameWarning:             RGB(0xFFD400),
		theme.ColorNameForegroundOnWarning: RGB(0x000000),
		theme.ColorNameHyperlink:           RGB(0xFFD400),
		theme.ColorNameOverlayBackground:   RGB(0x000000),
		theme.ColorNameMenuBackground:      RGB(0x000000),
		theme.ColorNameHeaderBackground:    RGB(0x333333),
		theme.ColorNameShadow:              color.NRGBA{A: 0x00},
		theme.ColorNameScrollBar:           RGB(0xBDBDBD),
	}
)

func tint(v uint32, alpha uint8) color.NRGBA {
	c := RGB(v)
	c.A = alpha
	return c
}

// RGB is the opaque colour 0xRRGGBB.
func RGB(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}

func (t *Kiosk) palette() map[fyne.ThemeColorName]color.Color {
	if t.dark {
		return darkPalette
	}
	return lightPalette
}

// Color ignores the system's light/dark preference: the centre's choice and
// the visitor's one-tap contrast switch decide.
func (t *Kiosk) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := t.palette()[n]; ok {
		return c
	}
	variant := theme.VariantLight
	if t.dark {
		variant = theme.VariantDark
	}
	return t.Theme.Color(n, variant)
}

// Font returns the embedded Andika for every style, so Fyne never scans the
// system's fonts and the kiosk looks the same on every PC.
func (t *Kiosk) Font(s fyne.TextStyle) fyne.Resource {
	if t.arabic {
		if s.Bold {
			return assets.FontArabicBold
		}
		return assets.FontArabicRegular
	}
	if s.Bold {
		return assets.FontBold
	}
	return assets.FontRegular
}

func (t *Kiosk) Size(n fyne.ThemeSizeName) float32 {
	text := TextSteps[t.step]
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText:
		return text
	case theme.SizeNameSubHeadingText:
		return text * 1.15
	case theme.SizeNameHeadingText:
		return text * 1.3
	case theme.SizeNameInlineIcon:
		return text
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 12
	case theme.SizeNameLineSpacing:
		return 6
	case theme.SizeNameInputBorder:
		return 3
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 10
	case theme.SizeNameSeparatorThickness:
		return 2
	case theme.SizeNameScrollBar:
		return 24
	case theme.SizeNameScrollBarSmall:
		return 8
	}
	return t.Theme.Size(n)
}

// current is the theme set for the whole app; SteadyBar follows it.
func current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// ConsoleText is the console's body text size. Its screens are for staff at
// a desk with a mouse: at the visitors' 32 px a week of sessions or four
// charts would not fit 1024×768.
const ConsoleText = 18

// Console is the kiosk theme with desk-sized text and spacing.
type Console struct{ fyne.Theme }

func (t Console) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return ConsoleText
	case theme.SizeNameSubHeadingText:
		return ConsoleText * 1.2
	case theme.SizeNameHeadingText:
		return ConsoleText * 1.45
	case theme.SizeNamePadding, theme.SizeNameLineSpacing:
		return 3
	case theme.SizeNameInnerPadding:
		return 4
	case theme.SizeNameInputBorder, theme.SizeNameSeparatorThickness:
		return 1
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 4
	case theme.SizeNameScrollBar:
		return 12
	}
	return t.Theme.Size(n)
}

// SteadyBar is the top bar's theme: the current colours and font, but the
// smallest text step's sizes whatever the visitor chose, so the size
// buttons never move away from the finger that just tapped one, and every
// control fits a 1024 px wide screen. 32 px is still the brief's minimum.
type SteadyBar struct{}

// Steady keeps o at the smallest text step's sizes (SteadyBar) while the
// visitor's step is larger. At the smallest step it is o itself: a theme
// override costs Fyne a parsed copy of the fonts and keeps what it holds
// for the window's life (see OnSurface), and screens rebuilt for every
// visitor would add one each time.
func Steady(o fyne.CanvasObject, step int) fyne.CanvasObject {
	if step == 0 {
		return o
	}
	return container.NewThemeOverride(o, SteadyBar{})
}

func (SteadyBar) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return current().Color(n, v)
}

func (SteadyBar) Font(s fyne.TextStyle) fyne.Resource     { return current().Font(s) }
func (SteadyBar) Icon(n fyne.ThemeIconName) fyne.Resource { return current().Icon(n) }
func (SteadyBar) Size(n fyne.ThemeSizeName) float32       { return NewKiosk(0, false, false).Size(n) }
