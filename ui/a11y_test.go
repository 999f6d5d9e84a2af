package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/settings"
)

// wavs counts the utterances espeak-ng has written so far.
func (k *kiosk) wavs() int {
	files, _ := filepath.Glob(filepath.Join(k.wavDir, "*.wav"))
	return len(files)
}

// waitSilent waits for the voice to finish by itself.
func (k *kiosk) waitSilent() {
	k.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); k.shell.svc.Speech.Speaking(); {
		if time.Now().After(deadline) {
			k.t.Fatal("still speaking after 20 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (k *kiosk) bar(id string) *Button {
	k.t.Helper()
	b, ok := k.shell.topBar.buttons[id]
	if !ok {
		k.t.Fatalf("the top bar has no button %q", id)
	}
	return b
}

func TestSpeakerReadsTheScreenAndStops(t *testing.T) {
	k := newKiosk(t)
	speak := k.bar("speak")
	if !speak.Visible() || speak.Text != "Écouter" {
		t.Fatalf("speaker button: visible %v, %q", speak.Visible(), speak.Text)
	}
	if got := k.shell.screen.speechText(); !strings.HasPrefix(got, "Bonjour\n") || !strings.Contains(got, "Commencer") || !strings.Contains(got, "English") {
		t.Fatalf("welcome reads %q: want its title, button and languages in order", got)
	}

	test.Tap(speak)
	k.waitSilent()
	if k.wavs() != 1 {
		t.Fatalf("%d utterances after one tap", k.wavs())
	}

	// A long text is still being read when the visitor acts.
	k.shell.screen.Speech = strings.Repeat("Bonjour, je vous aide avec l'ordinateur. ", 300)
	test.Tap(speak)
	if !k.shell.svc.Speech.Speaking() || speak.Text != "Arrêter" {
		t.Fatalf("not speaking after the tap (button %q)", speak.Text)
	}
	test.Tap(speak)
	if k.shell.svc.Speech.Speaking() || speak.Text != "Écouter" {
		t.Fatal("a second tap did not stop the voice")
	}
	k.shell.screen.Speech = strings.Repeat("Bonjour. ", 1000)
	test.Tap(speak)
	k.tap("start")
	if k.shell.svc.Speech.Speaking() {
		t.Fatal("the voice goes on after the screen changed")
	}
}

func TestSpeakerHiddenWithoutAVoice(t *testing.T) {
	k := newKiosk(t)
	k.shell.svc.Speech = nil
	k.tap("start")
	if k.bar("speak").Visible() {
		t.Fatal("speaker button shown with no speech engine")
	}
	test.Tap(k.bar("speak")) // a hidden button that still got a tap does nothing
}

func TestAutoReadReadsEachNewScreen(t *testing.T) {
	k := newKiosk(t)
	k.shell.svc.AutoRead = true
	k.tap("lang.en")
	k.waitSilent()
	k.tap("start")
	k.waitSilent()
	if n := k.wavs(); n != 2 {
		t.Fatalf("%d utterances for two new screens", n)
	}
	matches, _ := filepath.Glob(filepath.Join(k.wavDir, "*-en.wav"))
	if len(matches) != 2 {
		t.Fatalf("read in the wrong voice: %d English files", len(matches))
	}
}

func TestContrastIsOneTapAndResetForTheNextVisitor(t *testing.T) {
	k := newKiosk(t)
	k.tap("start")
	test.Tap(k.bar("contrast"))
	bg := fyne.CurrentApp().Settings().Theme().Color("background", 0)
	if bg != darkPalette["background"] || k.bar("contrast").Importance != widget.HighImportance {
		t.Fatalf("contrast tap: background %v", bg)
	}
	test.Tap(k.bar("text.2"))
	k.tap("finish")
	k.advance(GoodbyeFor)
	k.wantScreen("welcome")
	if k.shell.dark || k.shell.textStep != 0 {
		t.Fatalf("next visitor gets dark=%v step=%d", k.shell.dark, k.shell.textStep)
	}
	if bg := fyne.CurrentApp().Settings().Theme().Color("background", 0); bg != lightPalette["background"] {
		t.Fatalf("next visitor's background %v", bg)
	}
}

func TestConsoleTurnsAutoReadOnAndSaysWhichVoice(t *testing.T) {
	k := openConsole(t)
	k.tap("settings")
	k.wantLabel("speech", "Lecture à voix haute : espeak-ng")
	var auto *widget.Check
	for _, o := range shownObjects(k.win.Content()) {
		if c, ok := o.(*widget.Check); ok {
			auto = c
		}
	}
	if auto == nil || auto.Checked {
		t.Fatalf("auto-read check box %v", auto)
	}
	auto.SetChecked(true)
	k.tap("save")
	if v, _ := k.store.Setting(context.Background(), settings.SpeechAuto, ""); v != "true" || !k.shell.svc.AutoRead {
		t.Fatalf("speech.auto = %q, kiosk reads automatically: %v", v, k.shell.svc.AutoRead)
	}
}

func TestArabicScreensReadInArabicAndFrenchContentInFrench(t *testing.T) {
	k := newKioskIn(t, "ar")
	test.Tap(k.bar("speak"))
	k.waitSilent()
	k.shell.screen.Speech = "Touchez le rond bleu. Avec le doigt ou avec la souris."
	test.Tap(k.bar("speak"))
	k.waitSilent()
	for _, want := range []string{"001-ar.wav", "002-fr.wav"} {
		if _, err := os.Stat(filepath.Join(k.wavDir, want)); err != nil {
			t.Errorf("no %s: %v", want, err)
		}
	}
}
