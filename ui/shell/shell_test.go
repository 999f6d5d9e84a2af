package shell_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/ui/shell"
	"pasapas/ui/uitest"
)

func TestWelcomeHomeFinish(t *testing.T) {
	k := uitest.New(t)
	k.WantScreen("welcome")
	k.WantLabel("title", "Bonjour")

	k.Tap("start")
	k.WantScreen("home")
	cur := k.UI.Svc.Sessions.Current()
	if cur == nil {
		t.Fatal("no session after Commencer")
	}
	k.WantLabel("code", cur.Code.String())

	k.Now = k.Now.Add(4 * time.Minute)
	k.Tap("finish")
	k.WantScreen("goodbye")
	if rec := k.Stored(cur.Code); rec.Status != session.Finished || rec.Duration() != 4*time.Minute {
		t.Fatalf("stored %+v", rec)
	}
	k.Advance(shell.GoodbyeFor)
	k.WantScreen("welcome")
}

func TestKeyboardAlone(t *testing.T) {
	k := uitest.New(t)
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("home")
	k.TypeRune('1')
	k.WantScreen("assess.select")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantScreen("home")

	// Tab to a button, Enter presses it.
	c := k.Win.Canvas()
	for i := 0; i < 20 && c.Focused() != k.UI.Screen().Buttons["finish"]; i++ {
		c.FocusNext()
	}
	if c.Focused() != k.UI.Screen().Buttons["finish"] {
		t.Fatal("Tab never reached Terminer")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("goodbye")
}

func TestLanguageIsPerVisitor(t *testing.T) {
	k := uitest.New(t)
	k.Tap("lang.en")
	k.WantLabel("title", "Hello")
	k.Tap("start")
	k.WantLabel("title", "What do you want to do?")
	if cur := k.UI.Svc.Sessions.Current(); cur.Lang != "en" {
		t.Fatalf("session language %q", cur.Lang)
	}
	k.Tap("finish")
	k.Tap("ok")
	k.WantScreen("welcome")
	k.WantLabel("title", "Bonjour")
}

func TestIdleResetAbandonsAndForgets(t *testing.T) {
	k := uitest.New(t)
	k.Tap("lang.en")
	test.Tap(k.Bar("text.2"))
	k.Tap("start")
	code := k.UI.Svc.Sessions.Current().Code

	k.Advance(119 * time.Second)
	k.WantScreen("home")
	k.Advance(time.Second)
	k.WantScreen("idle")
	k.WantLabel("countdown", "30")
	k.Advance(10 * time.Second)
	k.WantLabel("countdown", "20")

	k.Tap("continue")
	k.WantScreen("home")

	k.Advance(150 * time.Second)
	k.WantScreen("welcome")
	if k.UI.Svc.Sessions.Current() != nil {
		t.Fatal("session still in memory after the idle reset")
	}
	if rec := k.Stored(code); rec.Status != session.Abandoned {
		t.Fatalf("status %s, want abandoned", rec.Status)
	}
	if k.UI.Lang() != "fr" || k.UI.TextStep() != 0 {
		t.Fatalf("visitor choices kept: lang=%s step=%d", k.UI.Lang(), k.UI.TextStep())
	}
	k.WantLabel("title", "Bonjour")
}

func TestWelcomeNeverTimesOut(t *testing.T) {
	k := uitest.New(t)
	k.Advance(time.Hour)
	k.WantScreen("welcome")
}

func TestMediatorChoosesPINThenEntersIt(t *testing.T) {
	// The code is chosen at the first start (setup_test.go has the rest).
	k := uitest.NewFresh(t)
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Choisir un code")

	uitest.TypeDigits(k, "12")
	k.WantLabel("message", "4 à 8 chiffres")
	uitest.TypeDigits(k, "4821")
	k.WantLabel("prompt", "2e fois")
	uitest.TypeDigits(k, "4822")
	k.WantLabel("message", "différents")
	uitest.TypeDigits(k, "4821")
	uitest.TypeDigits(k, "4821")
	k.WantScreen("setup.centre")
	k.Tap("skip")
	k.Tap("skip")
	k.Tap("none")
	k.Tap("open")
	k.WantScreen("welcome")
	k.Tap("start")
	k.Win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Tapez le code")
	uitest.TypeDigits(k, "4821")
	k.WantScreen("mediator.menu")

	k.Tap("back")
	k.WantScreen("home")

	// Long press on the logo: the touch-only way in.
	var pending func()
	k.UI.Logo().SetAfter(func(d time.Duration, f func()) func() {
		if d != shell.LongPress {
			t.Fatalf("long press of %v", d)
		}
		pending = f
		return func() { pending = nil }
	})
	k.UI.Logo().MouseDown(nil)
	k.UI.Logo().MouseUp(nil)
	if pending != nil {
		t.Fatal("a short press still opens the pad")
	}
	k.UI.Logo().MouseDown(nil)
	pending()
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Tapez le code")

	// Digits typed on a physical keyboard work too.
	for _, r := range "4821" {
		k.TypeRune(r)
	}
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("mediator.menu")
	k.Tap("quit")
	if !k.Quit {
		t.Fatal("Quitter did not quit")
	}
}

func TestPINPadLocksAfterFiveWrongCodes(t *testing.T) {
	k := uitest.New(t)
	if err := k.UI.Svc.PIN.Set("4821"); err != nil {
		t.Fatal(err)
	}
	k.UI.Gate.OpenMediator()
	for i := 1; i < pin.MaxTries; i++ {
		uitest.TypeDigits(k, "0000")
		k.WantLabel("message", "Code faux")
	}
	uitest.TypeDigits(k, "0000")
	k.WantLabel("message", "Attendez 5 minutes")
	uitest.TypeDigits(k, "4821")
	k.WantScreen("pinpad")
	k.Now = k.Now.Add(pin.LockDuration)
	uitest.TypeDigits(k, "4821")
	k.WantScreen("mediator.menu")
}

func TestCrashInAScreenReturnsToWelcome(t *testing.T) {
	k := uitest.New(t)
	k.Tap("start")
	code := k.UI.Svc.Sessions.Current().Code
	k.UI.Screen().Buttons["assess"].OnTapped = k.UI.Act(func() { panic("boom") })
	k.Tap("assess")
	k.WantScreen("error")
	if rec := k.Stored(code); rec.Status != session.Abandoned {
		t.Fatalf("status %s after a crash, want abandoned", rec.Status)
	}
	k.Tap("ok")
	k.WantScreen("welcome")
}
