package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
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

// kioskTheme embeds the default theme and overrides only colours, sizes and
// the font: light with ≥ 7:1 contrast, or a dark high-contrast variant.
type kioskTheme struct {
	fyne.Theme
	step int
	dark bool
	// arabic draws text in Noto Sans Arabic; Latin letters then come from
	// Fyne's own embedded Noto Sans.
	arabic bool
}

func newKioskTheme(step int, dark bool) *kioskTheme {
	return &kioskTheme{Theme: theme.DefaultTheme(), step: clampStep(step), dark: dark}
}

func clampStep(step int) int {
	return max(0, min(step, len(TextSteps)-1))
}

// Palettes. Each foreground/background pair used together reaches 7:1 (WCAG
// formula); the audit test checks them all. Hover and pressed are
// see-through tints: Fyne lays them over the button's own colour, and an
// opaque light tint over a blue button would leave white text unreadable.
var (
	lightPalette = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          rgb(0xFFFFFF),
		theme.ColorNameForeground:          rgb(0x121212),
		theme.ColorNamePrimary:             rgb(0x0B3D91),
		theme.ColorNameForegroundOnPrimary: rgb(0xFFFFFF),
		theme.ColorNameButton:              rgb(0xE3EAF5),
		theme.ColorNameDisabledButton:      rgb(0xEEEEEE),
		theme.ColorNameDisabled:            rgb(0x474747),
		theme.ColorNamePlaceHolder:         rgb(0x474747),
		theme.ColorNameInputBackground:     rgb(0xFFFFFF),
		theme.ColorNameInputBorder:         rgb(0x121212),
		theme.ColorNameHover:               tint(0x000000, 0x1F),
		theme.ColorNamePressed:             tint(0x000000, 0x33),
		theme.ColorNameFocus:               rgb(0xFFC20E),
		theme.ColorNameSelection:           rgb(0xFFE38A),
		theme.ColorNameSeparator:           rgb(0x121212),
		theme.ColorNameError:               rgb(0xA4001C),
		theme.ColorNameForegroundOnError:   rgb(0xFFFFFF),
		theme.ColorNameSuccess:             rgb(0x14561A),
		theme.ColorNameForegroundOnSuccess: rgb(0xFFFFFF),
		theme.ColorNameWarning:             rgb(0xFFC20E),
		theme.ColorNameForegroundOnWarning: rgb(0x121212),
		theme.ColorNameHyperlink:           rgb(0x0B3D91),
		theme.ColorNameOverlayBackground:   rgb(0xFFFFFF),
		theme.ColorNameMenuBackground:      rgb(0xFFFFFF),
		theme.ColorNameHeaderBackground:    rgb(0xE3EAF5),
		theme.ColorNameShadow:              color.NRGBA{A: 0x40},
		theme.ColorNameScrollBar:           rgb(0x474747),
	}
	darkPalette = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          rgb(0x000000),
		theme.ColorNameForeground:          rgb(0xFFFFFF),
		theme.ColorNamePrimary:             rgb(0xFFD400),
		theme.ColorNameForegroundOnPrimary: rgb(0x000000),
		theme.ColorNameButton:              rgb(0x333333),
		theme.ColorNameDisabledButton:      rgb(0x333333),
		theme.ColorNameDisabled:            rgb(0xCFCFCF),
		theme.ColorNamePlaceHolder:         rgb(0xBDBDBD),
		theme.ColorNameInputBackground:     rgb(0x000000),
		theme.ColorNameInputBorder:         rgb(0xFFFFFF),
		theme.ColorNameHover:               tint(0xFFFFFF, 0x26),
		theme.ColorNamePressed:             tint(0xFFFFFF, 0x4D),
		theme.ColorNameFocus:               rgb(0x00B7FF),
		theme.ColorNameSelection:           rgb(0x005A80),
		theme.ColorNameSeparator:           rgb(0xFFFFFF),
		theme.ColorNameError:               rgb(0xFF8A80),
		theme.ColorNameForegroundOnError:   rgb(0x000000),
		theme.ColorNameSuccess:             rgb(0x7CFC8A),
		theme.ColorNameForegroundOnSuccess: rgb(0x000000),
		theme.ColorNameWarning:             rgb(0xFFD400),
		theme.ColorNameForegroundOnWarning: rgb(0x000000),
		theme.ColorNameHyperlink:           rgb(0xFFD400),
		theme.ColorNameOverlayBackground:   rgb(0x000000),
		theme.ColorNameMenuBackground:      rgb(0x000000),
		theme.ColorNameHeaderBackground:    rgb(0x333333),
		theme.ColorNameShadow:              color.NRGBA{A: 0x00},
		theme.ColorNameScrollBar:           rgb(0xBDBDBD),
	}
)

func tint(v uint32, alpha uint8) color.NRGBA {
	c := rgb(v)
	c.A = alpha
	return c
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}

func (t *kioskTheme) palette() map[fyne.ThemeColorName]color.Color {
	if t.dark {
		return darkPalette
	}
	return lightPalette
}

// Color ignores the system's light/dark preference: the centre's choice and
// the visitor's one-tap contrast switch decide.
func (t *kioskTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
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
func (t *kioskTheme) Font(s fyne.TextStyle) fyne.Resource {
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

func (t *kioskTheme) Size(n fyne.ThemeSizeName) float32 {
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

// onPrimary is for text laid over a primary-coloured surface (the big
// choice tiles): it follows whatever theme is current and swaps the
// foreground for the one made to contrast with primary.
type onPrimary struct{}

func (onPrimary) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (o onPrimary) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		n = theme.ColorNameForegroundOnPrimary
	}
	return o.current().Color(n, v)
}

func (o onPrimary) Font(s fyne.TextStyle) fyne.Resource     { return o.current().Font(s) }
func (o onPrimary) Icon(n fyne.ThemeIconName) fyne.Resource { return o.current().Icon(n) }
func (o onPrimary) Size(n fyne.ThemeSizeName) float32       { return o.current().Size(n) }

// steadyBar is the top bar's theme: the current colours and font, but the
// smallest text step's sizes whatever the visitor chose, so the size
// buttons never move away from the finger that just tapped one, and every
// control fits a 1024 px wide screen. 32 px is still the brief's minimum.
type steadyBar struct{ onPrimary }

func (steadyBar) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(n, v)
}

func (steadyBar) Size(n fyne.ThemeSizeName) float32 { return newKioskTheme(0, false).Size(n) }
