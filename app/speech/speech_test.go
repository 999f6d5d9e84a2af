package speech

import (
	"context"
	"encoding/base64"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"pasapas/app/i18n"
	"pasapas/internal/syspkg"
	"pasapas/seeds"
)

// espeakToWAV is the real espeak-ng, writing WAV files into a temp dir.
func espeakToWAV(t *testing.T) *Speaker {
	t.Helper()
	for _, tool := range []string{"espeak-ng", "sox"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make test, which installs it", tool)
		}
	}
	s := Detect(context.Background(), t.TempDir())
	if !s.Available() {
		t.Fatal(syspkg.StartFailure("espeak-ng", "espeak-ng", "the kiosk's detection found no voice", s.Status(nil)))
	}
	return s
}

// rms asks sox how loud a WAV file is, and how long.
func rms(t *testing.T, wav string) (amplitude, seconds float64) {
	t.Helper()
	out, err := exec.Command("sox", wav, "-n", "stat").CombinedOutput()
	if err != nil {
		t.Fatalf("sox %s: %v\n%s", wav, err, out)
	}
	read := func(name string) float64 {
		m := regexp.MustCompile(name + `:\s+([0-9.]+)`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("sox gave no %q:\n%s", name, out)
		}
		v, _ := strconv.ParseFloat(string(m[1]), 64)
		return v
	}
	return read(`RMS\s+amplitude`), read(`Length \(seconds\)`)
}

func say(t *testing.T, s *Speaker, lang, text string) {
	t.Helper()
	done := make(chan error, 1)
	if err := s.Say(lang, text, func(err error) { done <- err }); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: still speaking after 30 s", lang)
	}
}

// TestEveryLanguageIsReadAloud reads the welcome text of every offered
// language (except those espeak-ng has no voice for, which the kiosk hides)
// and checks with sox that the sound is real speech, not silence.
func TestEveryLanguageIsReadAloud(t *testing.T) {
	s := espeakToWAV(t)
	text, err := i18n.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range text.Languages() {
		if !s.CanSay(l.Code) {
			t.Errorf("espeak-ng has no voice for %s (%s)", l.Code, l.Name)
			continue
		}
		say(t, s, l.Code, text.T(l.Code, "welcome.title")+". "+text.T(l.Code, "welcome.subtitle"))
		files, _ := filepath.Glob(filepath.Join(s.wavDir, "*-"+l.Code+".wav"))
		if len(files) != 1 {
			t.Fatalf("%s: %d WAV files, want 1", l.Code, len(files))
		}
		amp, secs := rms(t, files[0])
		if amp < 0.01 || secs < 1 {
			t.Errorf("%s: WAV is %.1f s at RMS %.4f: silent or cut", l.Code, secs, amp)
		}
	}
}

func TestStopSilencesAndSayReplaces(t *testing.T) {
	s := espeakToWAV(t)
	long := strings.Repeat("Bonjour, je vous aide avec l'ordinateur et les démarches en ligne. ", 400)
	stopped := make(chan error, 1)
	if err := s.Say("fr", long, func(err error) { stopped <- err }); err != nil {
		t.Fatal(err)
	}
	if !s.Speaking() {
		t.Fatal("not speaking right after Say")
	}
	s.Stop()
	if s.Speaking() {
		t.Fatal("still speaking after Stop")
	}
	say(t, s, "fr", "Merci et au revoir.")
	select {
	case err := <-stopped:
		t.Fatalf("the stopped utterance reported its end (%v): the button would flip back wrongly", err)
	default:
	}
	s.Stop() // stopping when silent does nothing
}

func TestNoVoiceNoSpeech(t *testing.T) {
	var none *Speaker
	if none.Available() || none.CanSay("fr") || none.Speaking() {
		t.Fatal("a nil speaker claims to speak")
	}
	none.Stop()
	missing := &Speaker{problem: "espeak-ng est introuvable"}
	if missing.CanSay("fr") {
		t.Fatal("no engine, yet CanSay")
	}
	if err := missing.Say("fr", "x", nil); err == nil {
		t.Fatal("Say without an engine did not fail")
	}
	if got := missing.Status([]string{"fr"}); !strings.Contains(got, "indisponible") || !strings.Contains(got, "espeak-ng est introuvable") {
		t.Fatalf("status %q does not say why", got)
	}
	partial := &Speaker{engine: Espeak, voices: map[string]bool{"fr": true}}
	if got := partial.Status([]string{"fr", "xx"}); !strings.Contains(got, "Pas de voix pour : xx") {
		t.Fatalf("status %q does not name the language without a voice", got)
	}
}

func TestEspeakLanguages(t *testing.T) {
	list := `Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  af              --/M      Afrikaans          gmw/af
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)
 5  pt-br           --/M      Portuguese_(Brazil) roa/pt-BR
`
	if got := strings.Join(espeakLanguages(list), " "); got != "af en fr pt" {
		t.Fatalf("got %q", got)
	}
}

// The Windows script travels as UTF-16 base64: decoding must give it back.
func TestPowershellArgsRoundTrip(t *testing.T) {
	args := powershellArgs(sapiSpeakScript)
	raw, err := base64.StdEncoding.DecodeString(args[len(args)-1])
	if err != nil {
		t.Fatal(err)
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i]) | uint16(raw[2*i+1])<<8
	}
	if got := string(utf16.Decode(u)); got != sapiSpeakScript {
		t.Fatalf("round trip changed the script:\n%s", got)
	}
}
