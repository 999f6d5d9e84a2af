package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/printing"
)

// visitorScreens opens each screen built so far, in a fresh kiosk each.
var visitorScreens = map[string]func(k *kiosk){
	"welcome": func(k *kiosk) {},
	"home":    func(k *kiosk) { k.tap("start") },
	"idle":    func(k *kiosk) { k.tap("start"); k.advance(k.shell.svc.IdleTimeout) },
	"goodbye": func(k *kiosk) { k.tap("start"); k.tap("finish") },
	"error":   func(k *kiosk) { k.shell.showError(k.shell.T("error.storage")) },
	"pinpad":  func(k *kiosk) { k.shell.openMediator() },
	"menu":    func(k *kiosk) { k.shell.showMediatorMenu() },
	"print": func(k *kiosk) {
		k.printWith(newGate(k, printing.Folder{Dir: k.t.TempDir()}))
		k.tap("start")
		k.shell.printSummary()
	},
	"print.done": func(k *kiosk) {
		k.printWith(printing.Folder{Dir: k.t.TempDir()})
		k.tap("start")
		k.shell.printSummary()
		k.waitPrint()
	},
	"print.failed": func(k *kiosk) {
		k.printWith(printing.Folder{})
		k.tap("start")
		k.shell.printSummary()
		k.waitPrint()
	},
	// The self-assessment: one screen per question kind, and the result.
	"assess-select":       func(k *kiosk) { k.openQuestion("screen.pointer") },
	"assess-self":         func(k *kiosk) { k.openQuestion("web.search") },
	"assess-choice-sms":   func(k *kiosk) { k.openQuestion("safe.sms") },
	"assess-choice-web":   func(k *kiosk) { k.openQuestion("safe.address") },
	"assess-icons":        func(k *kiosk) { k.openQuestion("web.icon.close") },
	"assess-tap":          func(k *kiosk) { k.openQuestion("device.tap") },
	"assess-doubleclick":  func(k *kiosk) { k.openQuestion("device.doubleclick") },
	"assess-drag":         func(k *kiosk) { k.openQuestion("device.drag") },
	"assess-scroll":       func(k *kiosk) { k.openQuestion("device.scroll") },
	"assess-type":         func(k *kiosk) { k.openQuestion("device.type") },
	"assess-needs":        func(k *kiosk) { k.openQuestion("needs") },
	"assess-needs-2":      func(k *kiosk) { k.openQuestion("needs"); k.tap("more") },
	"assess-result":       func(k *kiosk) { k.openResult() },
	"assess-result-short": func(k *kiosk) { k.openShortResult() },
	"assess-next":         func(k *kiosk) { k.openResult(); k.tap("next") },

	"walk-list":      func(k *kiosk) { k.tap("start"); k.tap("guide") },
	"walk-list-last": func(k *kiosk) { k.tap("start"); k.tap("guide"); k.tap("page.next"); k.tap("page.next") },
	"walk-checklist": func(k *kiosk) { openWalk(k, "ants"); k.tap("lack.id_card") },
	"walk-step":      func(k *kiosk) { openWalk(k, "ft-inscription"); startWalk(k); nextStep(k); nextStep(k) },
	"walk-stuck":     func(k *kiosk) { openWalk(k, "caf"); startWalk(k); nextStep(k); k.tap("stuck") },
	"walk-tip":       func(k *kiosk) { openWalk(k, "caf"); startWalk(k); k.tap("stuck"); k.tap("tip") },
	"walk-mediator":  func(k *kiosk) { openWalk(k, "caf"); startWalk(k); k.tap("stuck"); k.tap("mediator") },
	"walk-end":       func(k *kiosk) { openWalk(k, "ants"); k.tap("lack.id_card"); startWalk(k); walkToEnd(k) },
}

// The sandbox of each practice kind, on the step that uses it.
func init() {
	for name, at := range map[string]struct {
		proc  string
		steps int
	}{
		"franceconnect": {"franceconnect", 0}, "fc-provider": {"franceconnect", 1}, "login": {"ameli", 4},
		"confirm": {"caf", 6}, "attach": {"scan", 5}, "slot": {"doctolib", 2}, "scam": {"arnaque", 3},
	} {
		visitorScreens["sandbox-"+name] = func(k *kiosk) {
			openWalk(k, at.proc)
			startWalk(k)
			for range at.steps {
				nextStep(k)
			}
			for k.shell.screen.Buttons["practice"] == nil {
				k.tap("more")
			}
			k.tap("practice")
		}
	}
}

// TestScreensFitWithoutScrolling checks the brief's rule: every screen fits
// 1024×768 at the largest text step, in every language, with every button a
// comfortable touch target.
func TestScreensFitWithoutScrolling(t *testing.T) {
	largest := len(TextSteps) - 1
	for name, open := range visitorScreens {
		for _, l := range testLanguages(t) {
			lang := l.Code
			k := newKioskIn(t, lang)
			k.shell.SetTextStep(largest)
			open(k)
			k.win.Resize(fyne.NewSize(1024, 768))
			min := k.win.Content().MinSize()
			if min.Width > 1024 || min.Height > 768 {
				t.Errorf("%s/%s needs %.0f×%.0f, more than 1024×768", name, lang, min.Width, min.Height)
			}
			for _, o := range shownObjects(k.win.Content()) {
				b, ok := o.(*Button)
				if !ok || !b.Visible() {
					continue
				}
				if s := b.Size(); s.Width < MinTouchTarget || s.Height < MinTouchTarget {
					t.Errorf("%s/%s: button %q is %.0f×%.0f, under %d px", name, lang, b.Text, s.Width, s.Height, MinTouchTarget)
				}
			}
			for _, o := range shownObjects(k.win.Content()) {
				if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" && l.Truncation == fyne.TextTruncateOff {
					if l.Size().Width < l.MinSize().Width-0.5 {
						t.Errorf("%s/%s: label %q cut", name, lang, l.Text)
					}
				}
			}
		}
	}
}

// shownObjects lists the visible objects under o as the window drew them.
// test.LaidOutObjects is not used: it makes new renderers, which lose the
// top bar's theme override and measure other objects than those on screen.
func shownObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	case *fyne.Container:
		children = c.Objects
	}
	for _, child := range children {
		out = append(out, shownObjects(child)...)
	}
	return out
}
