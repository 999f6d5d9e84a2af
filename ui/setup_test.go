package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/settings"
	"pasapas/printing"
)

func (k *kiosk) mediatorShortcut() {
	k.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
}

func (k *kiosk) setting(key string) string {
	k.t.Helper()
	v, err := k.store.Setting(context.Background(), key, "")
	if err != nil {
		k.t.Fatal(err)
	}
	return v
}

// TestFirstStartAsksForTheCodeBeforeAnyVisitor: a fresh kiosk opens on the
// setup, nothing a visitor can do there opens the console, and each step
// is stored; at the end the visitors' welcome appears, in the language and
// text size chosen, and sessions carry the kiosk's name.
func TestFirstStartAsksForTheCodeBeforeAnyVisitor(t *testing.T) {
	k := newFreshKiosk(t)
	k.wantScreen("pinpad")
	k.wantLabel("title", "Premier démarrage")
	if _, ok := k.shell.screen.Buttons["back"]; ok {
		t.Fatal("the first start's code has a way back")
	}
	// The gesture, the long press, Escape and a long wait change nothing.
	k.mediatorShortcut()
	k.shell.topBar.logo.after = func(_ time.Duration, f func()) func() { f(); return func() {} }
	k.shell.topBar.logo.MouseDown(nil)
	k.key(fyne.KeyEscape)
	k.advance(10 * time.Minute)
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Choisir un code")

	typeDigits(k, testPIN)
	typeDigits(k, testPIN)
	k.wantScreen("setup.centre")
	k.wantLabel("progress", "Étape 2 sur 5")
	e := k.entries()
	if len(e) != 5 {
		t.Fatalf("%d fields on the centre's step", len(e))
	}
	e[0].SetText("Espace numérique de Gap")
	e[1].SetText("4 rue Carnot")
	e[2].SetText("5000")
	e[3].SetText("Gap")
	e[4].SetText("Du lundi au vendredi, 9 h - 12 h")
	k.tap("next")
	k.wantLabel("message", "5 chiffres")
	e[2].SetText("05000")
	k.key(fyne.KeyReturn)
	k.wantScreen("setup.kiosk")
	for key, want := range map[string]string{settings.CentreName: "Espace numérique de Gap", settings.CentreAddress: "4 rue Carnot",
		settings.CentrePostCode: "05000", settings.CentreCommune: "Gap", settings.CentreHours: "Du lundi au vendredi, 9 h - 12 h"} {
		if got := k.setting(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}

	k.entries()[0].SetText("borne-accueil")
	var selects []*widget.Select
	for _, o := range test.LaidOutObjects(k.win.Content()) {
		if s, ok := o.(*widget.Select); ok {
			selects = append(selects, s)
		}
	}
	if len(selects) != 2 {
		t.Fatalf("%d choices on the kiosk's step", len(selects))
	}
	selects[0].SetSelected("English")
	selects[1].SetSelectedIndex(2)
	k.tap("next")
	k.wantScreen("setup.printer")

	out := t.TempDir()
	k.shell.svc.PrintTestPage = func() error {
		pdf, err := printing.TestPage(k.setting(settings.CentreName), k.now)
		if err != nil {
			return err
		}
		return printing.Folder{Dir: out}.Print(context.Background(), pdf, printing.TestPageTitle)
	}
	k.shell.showSetupPrinter()
	k.tap("test")
	k.waitPrint()
	k.wantLabel("message", "Vérifiez qu'elle est sortie")
	if files, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(files) != 1 {
		t.Fatalf("test pages printed: %v", files)
	}
	k.tap("next")
	k.wantScreen("setup.done")
	k.tap("open")
	k.wantScreen("welcome")
	if k.shell.lang != "en" || k.shell.textStep != 2 {
		t.Fatalf("welcome in %s at step %d, want en at 2", k.shell.lang, k.shell.textStep)
	}
	k.tap("start")
	if id := k.stored(k.shell.svc.Sessions.Current().Code).KioskID; id != "borne-accueil" {
		t.Fatalf("session of kiosk %q", id)
	}
	// Now the gesture asks for the code chosen.
	k.mediatorShortcut()
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Tapez le code")
}

// TestAFailedTestPrintSaysWhatToDo: no printer is no dead end.
func TestAFailedTestPrintSaysWhatToDo(t *testing.T) {
	k := newFreshKiosk(t)
	k.shell.svc.PrintTestPage = func() error { return printing.ErrNoPrinter }
	typeDigits(k, testPIN)
	typeDigits(k, testPIN)
	k.tap("skip")
	k.tap("skip")
	k.wantScreen("setup.printer")
	k.tap("test")
	k.waitPrint()
	k.wantLabel("message", "L'imprimante ne répond pas")
	k.tap("none")
	k.wantScreen("setup.done")
}

// TestScriptedInstallSkipsTheSetup: a code set beforehand (pasapas set-pin)
// means the kiosk is installed, and a crash or an idle reset never brings
// the setup back.
func TestScriptedInstallSkipsTheSetup(t *testing.T) {
	k := newKiosk(t)
	k.wantScreen("welcome")
	k.tap("start")
	k.advance(10 * time.Minute)
	k.wantScreen("welcome")
}

// TestACrashDuringTheSetupComesBackToIt: until the code exists, the start
// screen is the setup, even after a crash in one of its screens.
func TestACrashDuringTheSetupComesBackToIt(t *testing.T) {
	k := newFreshKiosk(t)
	k.shell.screen.Buttons["digit.1"].OnTapped = k.shell.act(func() { panic("boom") })
	k.tap("digit.1")
	k.wantScreen("error")
	k.tap("ok")
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Choisir un code")
}

// The setup's screens join the console's fit test and screenshots.
func init() {
	consoleScreens["setup-code"] = func(k *kiosk) { k.shell.setup = true; k.shell.showPinPad(padChoose, "") }
	consoleScreens["setup-centre"] = func(k *kiosk) { k.shell.showSetupCentre() }
	consoleScreens["setup-kiosk"] = func(k *kiosk) { k.shell.showSetupKiosk() }
	consoleScreens["setup-printer"] = func(k *kiosk) {
		k.shell.svc.PrintTestPage = func() error { return printing.ErrNoPrinter }
		k.shell.showSetupPrinter()
		k.tap("test")
		k.waitPrint()
	}
	consoleScreens["setup-done"] = func(k *kiosk) { k.shell.showSetupDone() }
}

// TestInstallerCodeStillAsksTheCentre: when the Windows installer chose the
// code, the first start begins at the centre's step, the gesture still
// does nothing there, and the welcome follows.
func TestInstallerCodeStillAsksTheCentre(t *testing.T) {
	k := newKiosk(t)
	k.shell.svc.CodeFromInstaller = true
	k.shell.installed = false
	k.shell.showStart()
	k.wantScreen("setup.centre")
	k.mediatorShortcut()
	k.wantScreen("setup.centre")
	k.tap("skip")
	k.tap("skip")
	k.tap("none")
	k.wantScreen("setup.done")
	k.tap("open")
	k.wantScreen("welcome")
	k.mediatorShortcut()
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Tapez le code")
}
