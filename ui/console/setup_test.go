package console_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/settings"
	"pasapas/printing"
	"pasapas/ui/console"
	"pasapas/ui/uitest"
)

// TestFirstStartAsksForTheCodeBeforeAnyVisitor: a fresh kiosk opens on the
// setup, nothing a visitor can do there opens the console, and each step
// is stored; at the end the visitors' welcome appears, in the language and
// text size chosen, and sessions carry the kiosk's name.
func TestFirstStartAsksForTheCodeBeforeAnyVisitor(t *testing.T) {
	k := uitest.NewFresh(t)
	k.WantScreen("pinpad")
	k.WantLabel("title", "Premier démarrage")
	if _, ok := k.UI.Screen().Buttons["back"]; ok {
		t.Fatal("the first start's code has a way back")
	}
	// The gesture, the long press, Escape and a long wait change nothing.
	k.MediatorShortcut()
	k.UI.Flows.Mediator() // what the long press on the logo does
	k.Key(fyne.KeyEscape)
	k.Advance(10 * time.Minute)
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Choisir un code")

	uitest.TypeDigits(k, uitest.PIN)
	uitest.TypeDigits(k, uitest.PIN)
	k.WantScreen("setup.centre")
	k.WantLabel("progress", "Étape 2 sur 5")
	e := entries(k)
	if len(e) != 5 {
		t.Fatalf("%d fields on the centre's step", len(e))
	}
	e[0].SetText("Espace numérique de Gap")
	e[1].SetText("4 rue Carnot")
	e[2].SetText("5000")
	e[3].SetText("Gap")
	e[4].SetText("Du lundi au vendredi, 9 h - 12 h")
	k.Tap("next")
	k.WantLabel("message", "5 chiffres")
	e[2].SetText("05000")
	k.Key(fyne.KeyReturn)
	k.WantScreen("setup.kiosk")
	for key, want := range map[string]string{settings.CentreName: "Espace numérique de Gap", settings.CentreAddress: "4 rue Carnot",
		settings.CentrePostCode: "05000", settings.CentreCommune: "Gap", settings.CentreHours: "Du lundi au vendredi, 9 h - 12 h"} {
		if got := k.Setting(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}

	entries(k)[0].SetText("borne-accueil")
	var selects []*widget.Select
	for _, o := range test.LaidOutObjects(k.Win.Content()) {
		if s, ok := o.(*widget.Select); ok {
			selects = append(selects, s)
		}
	}
	if len(selects) != 2 {
		t.Fatalf("%d choices on the kiosk's step", len(selects))
	}
	selects[0].SetSelected("English")
	selects[1].SetSelectedIndex(2)
	k.Tap("next")
	k.WantScreen("setup.printer")

	out := t.TempDir()
	k.UI.Svc.PrintTestPage = func() error {
		pdf, err := printing.TestPage(k.Setting(settings.CentreName), k.Now)
		if err != nil {
			return err
		}
		return printing.Folder{Dir: out}.Print(context.Background(), pdf, printing.TestPageTitle)
	}
	k.UI.Gate.ShowSetupPrinter()
	k.Tap("test")
	k.WaitPrint()
	k.WantLabel("message", "Vérifiez qu'elle est sortie")
	if files, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(files) != 1 {
		t.Fatalf("test pages printed: %v", files)
	}
	k.Tap("next")
	k.WantScreen("setup.done")
	k.Tap("open")
	k.WantScreen("welcome")
	if k.UI.Lang() != "en" || k.UI.TextStep() != 2 {
		t.Fatalf("welcome in %s at step %d, want en at 2", k.UI.Lang(), k.UI.TextStep())
	}
	k.Tap("start")
	if id := k.Stored(k.UI.Svc.Sessions.Current().Code).KioskID; id != "borne-accueil" {
		t.Fatalf("session of kiosk %q", id)
	}
	// Now the gesture asks for the code chosen.
	k.MediatorShortcut()
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Tapez le code")
}

// TestAFailedTestPrintSaysWhatToDo: no printer is no dead end.
func TestAFailedTestPrintSaysWhatToDo(t *testing.T) {
	k := uitest.NewFresh(t)
	k.UI.Svc.PrintTestPage = func() error { return printing.ErrNoPrinter }
	uitest.TypeDigits(k, uitest.PIN)
	uitest.TypeDigits(k, uitest.PIN)
	k.Tap("skip")
	k.Tap("skip")
	k.WantScreen("setup.printer")
	k.Tap("test")
	k.WaitPrint()
	k.WantLabel("message", "L'imprimante ne répond pas")
	k.Tap("none")
	k.WantScreen("setup.done")
}

// TestScriptedInstallSkipsTheSetup: a code set beforehand (pasapas set-pin)
// means the kiosk is installed, and a crash or an idle reset never brings
// the setup back.
func TestScriptedInstallSkipsTheSetup(t *testing.T) {
	k := uitest.New(t)
	k.WantScreen("welcome")
	k.Tap("start")
	k.Advance(10 * time.Minute)
	k.WantScreen("welcome")
}

// TestACrashDuringTheSetupComesBackToIt: until the code exists, the start
// screen is the setup, even after a crash in one of its screens.
func TestACrashDuringTheSetupComesBackToIt(t *testing.T) {
	k := uitest.NewFresh(t)
	k.UI.Screen().Buttons["digit.1"].OnTapped = k.UI.Act(func() { panic("boom") })
	k.Tap("digit.1")
	k.WantScreen("error")
	k.Tap("ok")
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Choisir un code")
}

// The setup's screens join the console's fit test and screenshots.
func init() {
	consoleScreens["setup-code"] = func(k *uitest.Kiosk) { k.UI.Gate.FirstStart(); k.UI.Gate.ShowPinPad(console.PadChoose, "") }
	consoleScreens["setup-centre"] = func(k *uitest.Kiosk) { k.UI.Gate.ShowSetupCentre() }
	consoleScreens["setup-kiosk"] = func(k *uitest.Kiosk) { k.UI.Gate.ShowSetupKiosk() }
	consoleScreens["setup-printer"] = func(k *uitest.Kiosk) {
		k.UI.Svc.PrintTestPage = func() error { return printing.ErrNoPrinter }
		k.UI.Gate.ShowSetupPrinter()
		k.Tap("test")
		k.WaitPrint()
	}
	consoleScreens["setup-done"] = func(k *uitest.Kiosk) { k.UI.Gate.ShowSetupDone() }
}

// TestInstallerCodeStillAsksTheCentre: when the Windows installer chose the
// code, the first start begins at the centre's step, the gesture still
// does nothing there, and the welcome follows.
func TestInstallerCodeStillAsksTheCentre(t *testing.T) {
	k := uitest.New(t)
	k.UI.Svc.CodeFromInstaller = true
	k.UI.Gate.Uninstalled()
	k.UI.Gate.ShowStart()
	k.WantScreen("setup.centre")
	k.MediatorShortcut()
	k.WantScreen("setup.centre")
	k.Tap("skip")
	k.Tap("skip")
	k.Tap("none")
	k.WantScreen("setup.done")
	k.Tap("open")
	k.WantScreen("welcome")
	k.MediatorShortcut()
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Tapez le code")
}
