package shell_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"pasapas/ui/shell"
	"pasapas/ui/uitest"
)

// TestCommencerWaitsForTheContent: a visitor who taps "Commencer" before
// the content has come sees "Un instant…", then home once it comes, with
// their session started; the speaker button follows the voice found.
func TestCommencerWaitsForTheContent(t *testing.T) {
	k := uitest.New(t)
	svc := k.UI.Svc
	k.UI.Opening.Hold()
	k.UI.Opening.Voice(nil)
	if k.UI.TopBar()["speak"].Visible() {
		t.Fatal("the speaker button shows before a voice is found")
	}

	k.Tap("start")
	k.WantScreen("wait")
	k.WantLabel("title", "Un instant…")
	if k.UI.Svc.Sessions.Current() != nil {
		t.Fatal("a session started before the content came")
	}

	k.UI.Opening.Content(shell.ContentUpdate{Questions: svc.Questions, Walkthroughs: svc.Walkthroughs, Report: svc.ContentReport})
	k.WantScreen("home")
	if cur := k.UI.Svc.Sessions.Current(); cur == nil {
		t.Fatal("no session once the content came")
	}
	k.UI.Opening.Voice(svc.Speech)
	if svc.Speech.CanSay("fr") != k.UI.TopBar()["speak"].Visible() {
		t.Fatal("the speaker button does not follow the voice found")
	}
}

// TestMediatorWaitsForTheContent: the console reads the content too.
func TestMediatorWaitsForTheContent(t *testing.T) {
	k := uitest.New(t)
	svc := k.UI.Svc
	k.UI.Opening.Hold()
	k.Win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
	k.WantScreen("wait")
	k.UI.Opening.Content(shell.ContentUpdate{Questions: svc.Questions, Walkthroughs: svc.Walkthroughs, Report: svc.ContentReport})
	k.WantScreen("pinpad")
}

// TestVoiceFoundLateReadsTheScreen: where the centre has each screen read,
// the welcome shown before the voice was found is read once it is.
func TestVoiceFoundLateReadsTheScreen(t *testing.T) {
	k := uitest.New(t)
	voice := k.UI.Svc.Speech
	if !voice.CanSay("fr") {
		t.Skip("no French voice here (espeak-ng)")
	}
	k.UI.Svc.AutoRead = true
	k.UI.Opening.Voice(nil)
	k.WaitSilent()
	before := k.Wavs()
	k.UI.Opening.Voice(voice)
	k.WaitSilent()
	if n := k.Wavs() - before; n != 1 {
		t.Fatalf("%d utterances once the voice came, want the welcome read once", n)
	}
}
