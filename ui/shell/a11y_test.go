package shell_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/ui/kit"
	"pasapas/ui/shell"
	"pasapas/ui/uitest"
)

func TestSpeakerReadsTheScreenAndStops(t *testing.T) {
	k := uitest.New(t)
	speak := k.Bar("speak")
	if !speak.Visible() || speak.Text != "Écouter" {
		t.Fatalf("speaker button: visible %v, %q", speak.Visible(), speak.Text)
	}
	if got := k.UI.Screen().SpeechText(); !strings.HasPrefix(got, "Bonjour\n") || !strings.Contains(got, "Commencer") || !strings.Contains(got, "English") {
		t.Fatalf("welcome reads %q: want its title, button and languages in order", got)
	}

	test.Tap(speak)
	k.WaitSilent()
	if k.Wavs() != 1 {
		t.Fatalf("%d utterances after one tap", k.Wavs())
	}

	// A long text is still being read when the visitor acts. Twice in
	// runs beside other test packages, the voice of such a text had
	// already ended when the test looked, for a reason not found yet (no
	// error was reported): the button then rightly shows « Écouter », and
	// the test tries again, up to three times.
	k.UI.Screen().Speech = strings.Repeat("Bonjour, je vous aide avec l'ordinateur. ", 300)
	for try := 1; ; try++ {
		test.Tap(speak)
		started := k.UI.Svc.Speech.Speaking() && speak.Text == "Arrêter"
		test.Tap(speak)
		stopped := !k.UI.Svc.Speech.Speaking() && speak.Text == "Écouter"
		if started && stopped {
			break
		}
		if try == 3 {
			t.Fatalf("three times, a tap did not start (%v) or a second one did not stop (%v) the voice", started, stopped)
		}
		t.Logf("the voice had ended before the test looked (try %d)", try)
		k.UI.Svc.Speech.Stop()
		k.WaitSilent()
	}
	k.UI.Screen().Speech = strings.Repeat("Bonjour. ", 1000)
	test.Tap(speak)
	k.Tap("start")
	if k.UI.Svc.Speech.Speaking() {
		t.Fatal("the voice goes on after the screen changed")
	}
}

func TestSpeakerHiddenWithoutAVoice(t *testing.T) {
	k := uitest.New(t)
	k.UI.Svc.Speech = nil
	k.Tap("start")
	if k.Bar("speak").Visible() {
		t.Fatal("speaker button shown with no speech engine")
	}
	test.Tap(k.Bar("speak")) // a hidden button that still got a tap does nothing
}

func TestAutoReadReadsEachNewScreen(t *testing.T) {
	k := uitest.New(t)
	k.UI.Svc.AutoRead = true
	k.Tap("lang.en")
	k.WaitSilent()
	k.Tap("start")
	k.WaitSilent()
	if n := k.Wavs(); n != 2 {
		t.Fatalf("%d utterances for two new screens", n)
	}
	matches, _ := filepath.Glob(filepath.Join(k.WavDir, "*-en.wav"))
	if len(matches) != 2 {
		t.Fatalf("read in the wrong voice: %d English files", len(matches))
	}
}

func TestContrastIsOneTapAndResetForTheNextVisitor(t *testing.T) {
	k := uitest.New(t)
	k.Tap("start")
	test.Tap(k.Bar("contrast"))
	bg := fyne.CurrentApp().Settings().Theme().Color("background", 0)
	if bg != kit.NewKiosk(0, true, false).Color("background", 0) || k.Bar("contrast").Importance != widget.HighImportance {
		t.Fatalf("contrast tap: background %v", bg)
	}
	test.Tap(k.Bar("text.2"))
	k.Tap("finish")
	k.Advance(shell.GoodbyeFor)
	k.WantScreen("welcome")
	if k.UI.Dark() || k.UI.TextStep() != 0 {
		t.Fatalf("next visitor gets dark=%v step=%d", k.UI.Dark(), k.UI.TextStep())
	}
	if bg := fyne.CurrentApp().Settings().Theme().Color("background", 0); bg != kit.NewKiosk(0, false, false).Color("background", 0) {
		t.Fatalf("next visitor's background %v", bg)
	}
}

func TestArabicScreensReadInArabicAndFrenchContentInFrench(t *testing.T) {
	k := uitest.NewIn(t, "ar")
	test.Tap(k.Bar("speak"))
	k.WaitSilent()
	k.UI.Screen().Speech = "Touchez le rond bleu. Avec le doigt ou avec la souris."
	test.Tap(k.Bar("speak"))
	k.WaitSilent()
	for _, want := range []string{"001-ar.wav", "002-fr.wav"} {
		if _, err := os.Stat(filepath.Join(k.WavDir, want)); err != nil {
			t.Errorf("no %s: %v", want, err)
		}
	}
}

// TestArabicScreensAreMirrored checks a question screen as an Arabic reader
// sees it: the pictogram at the right of the question, "Retour" at the
// right of "Passer" with its arrow pointing right, the first answer at the
// right, its number key at its right edge, and the progress filling from
// the right. In French all of it is the other way round.
func TestArabicScreensAreMirrored(t *testing.T) {
	for _, c := range []struct {
		lang string
		rtl  bool
	}{{"fr", false}, {"ar", true}} {
		t.Run(c.lang, func(t *testing.T) {
			k := uitest.NewIn(t, c.lang)
			k.OpenQuestion("web.search")
			sc := k.UI.Screen()
			at := func(o fyne.CanvasObject) float32 {
				return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).X + o.Size().Width/2
			}
			rightOf := func(what string, a, b fyne.CanvasObject) {
				t.Helper()
				if (at(a) > at(b)) != c.rtl {
					t.Errorf("%s: %s at x=%.0f, beside x=%.0f", c.lang, what, at(a), at(b))
				}
			}
			rightOf("Retour", sc.Buttons["back"], sc.Buttons["skip"])
			pics := sized[*canvas.Image](k, 80, 0)
			if len(pics) != 1 {
				t.Fatalf("%s: %d pictograms of 80 px, want the question's", c.lang, len(pics))
			}
			rightOf("pictogram", pics[0], sc.Labels["question"])
			answer := map[string]*kit.Button{}
			for id, b := range sc.Buttons {
				if strings.HasPrefix(id, "answer.") {
					answer[b.Text] = b
				}
			}
			rightOf("first answer", answer["1"], answer["2"])
			if want := map[bool]widget.ButtonAlign{false: widget.ButtonAlignLeading, true: widget.ButtonAlignTrailing}[c.rtl]; answer["1"].Alignment != want {
				t.Errorf("%s: number key aligned %v, want %v", c.lang, answer["1"].Alignment, want)
			}
			if back := sc.Buttons["back"].Icon.Name(); (back == theme.NavigateNextIcon().Name()) != c.rtl {
				t.Errorf("%s: Retour's arrow is %s", c.lang, back)
			}
			bars := sized[*canvas.Rectangle](k, 0, 10)
			if len(bars) != 2 {
				t.Fatalf("%s: %d progress rectangles, want the track and the fill", c.lang, len(bars))
			}
			track, fill := bars[0], bars[1]
			if track.Size().Width < fill.Size().Width {
				track, fill = fill, track
			}
			rightOf("progress", fill, track)
		})
	}
}

// sized are the objects of type T on screen that are width wide or height
// high (0: any).
func sized[T fyne.CanvasObject](k *uitest.Kiosk, width, height float32) []T {
	var out []T
	for _, o := range uitest.Find[T](k) {
		if s := o.Size(); (width == 0 || s.Width == width) && (height == 0 || s.Height == height) {
			out = append(out, o)
		}
	}
	return out
}

// TestArabicScreensKeepTheFrenchKeyboard checks what is kept left to right:
// the on-screen keyboard is the AZERTY one the visitor will meet.
func TestArabicScreensKeepTheFrenchKeyboard(t *testing.T) {
	k := uitest.NewIn(t, "ar")
	uitest.VisitorScreens["assess-type"](k)
	x := func(id string) float32 {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(k.UI.Screen().Buttons[id]).X
	}
	if x("key.a") > x("key.z") {
		t.Errorf("key a at x=%.0f is right of z at x=%.0f: the keyboard is mirrored", x("key.a"), x("key.z"))
	}
	if x("type.confirm") > x("key.p") {
		t.Errorf("the confirm button at x=%.0f is not on the left of the Arabic screen", x("type.confirm"))
	}
}
