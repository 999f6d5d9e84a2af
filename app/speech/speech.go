// Package speech reads the kiosk's screens aloud with the computer's own
// offline voice: espeak-ng on Linux, the system voice (SAPI, through
// PowerShell's System.Speech) on Windows. Each utterance is a separate
// process, so speaking never blocks the interface and stopping is killing it.
package speech

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
)

// Engine is a speech program the kiosk knows how to drive.
type Engine string

const (
	Espeak Engine = "espeak-ng"
	SAPI   Engine = "sapi"
)

// Rate slows the voice down a little for a public that listens carefully:
// espeak-ng words per minute (default 175) and SAPI's -10…10 scale.
const (
	espeakRate = 150
	sapiRate   = -1
)

// Speaker speaks one text at a time. The zero value is not usable: call New
// or Detect. It is safe for use from several goroutines.
type Speaker struct {
	engine Engine
	path   string          // the program to run
	voices map[string]bool // two-letter language codes with a voice
	// problem says why there is no speech, in French for the mediator.
	problem string
	// wavDir, when set, makes every utterance a WAV file there instead of
	// sound: the tests listen with sox, not speakers.
	wavDir string

	mu      sync.Mutex
	cur     *exec.Cmd
	gen     int // counts utterances; a finished one only reports if still current
	written int
}

// Detect looks for the platform's engine and the languages it has voices
// for. It never fails: with no engine, Available is false and Status says
// why. A non-empty wavDir makes every utterance a numbered WAV file there
// instead of sound (tests under Xvfb have no sound card, and listen with sox).
func Detect(ctx context.Context, wavDir string) *Speaker {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	s := &Speaker{voices: map[string]bool{}, wavDir: wavDir}
	if runtime.GOOS == "windows" {
		s.detectSAPI(ctx)
	} else {
		s.detectEspeak(ctx)
	}
	return s
}

// WritingTo is a speaker with the same engine and voices that writes its
// utterances as WAV files in wavDir, from its own first one: detecting
// the engine once serves many kiosks under test.
func (s *Speaker) WritingTo(wavDir string) *Speaker {
	return &Speaker{engine: s.engine, path: s.path, voices: s.voices, problem: s.problem, wavDir: wavDir}
}

func (s *Speaker) detectEspeak(ctx context.Context) {
	path, err := exec.LookPath("espeak-ng")
	if err != nil {
		s.problem = "espeak-ng est introuvable : installez le paquet espeak-ng (sudo apt install espeak-ng)."
		return
	}
	out, err := exec.CommandContext(ctx, path, "--voices").Output()
	if err != nil {
		s.problem = fmt.Sprintf("espeak-ng ne répond pas (%v).", err)
		return
	}
	s.engine, s.path = Espeak, path
	for _, code := range espeakLanguages(string(out)) {
		s.voices[code] = true
	}
	if len(s.voices) == 0 {
		s.problem = "espeak-ng n'a aucune voix : installez le paquet espeak-ng-data."
	}
}

// espeakLanguages reads the language column of `espeak-ng --voices` and
// keeps the two-letter codes ("fr-be" counts as "fr").
func espeakLanguages(list string) []string {
	seen := map[string]bool{}
	for i, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		if i == 0 || len(f) < 2 {
			continue
		}
		code, _, _ := strings.Cut(f[1], "-")
		seen[code] = true
	}
	return slices.Sorted(maps.Keys(seen))
}

func (s *Speaker) detectSAPI(ctx context.Context) {
	path, err := exec.LookPath("powershell.exe")
	if err != nil {
		s.problem = "PowerShell est introuvable : la voix de Windows (SAPI) ne peut pas être utilisée."
		return
	}
	cmd := exec.CommandContext(ctx, path, powershellArgs(sapiVoicesScript)...)
	hideWindow(cmd)
	out, err := cmd.Output()
	if err != nil {
		s.problem = fmt.Sprintf("La voix de Windows (System.Speech) ne répond pas (%v).", err)
		return
	}
	s.engine, s.path = SAPI, path
	for _, code := range strings.Fields(string(out)) {
		s.voices[strings.ToLower(code)] = true
	}
	if len(s.voices) == 0 {
		s.problem = "Windows n'a aucune voix installée (Paramètres > Heure et langue > Voix)."
	}
}

const sapiVoicesScript = `Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$s.GetInstalledVoices() | Where-Object { $_.Enabled } | ForEach-Object { $_.VoiceInfo.Culture.TwoLetterISOLanguageName }`

// sapiSpeakScript reads the language and the text from the environment:
// nothing a screen says ever goes through PowerShell's quoting.
const sapiSpeakScript = `Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.TwoLetterISOLanguageName -eq $env:PASAPAS_LANG } | Select-Object -First 1
if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }
$s.Rate = [int]$env:PASAPAS_RATE
if ($env:PASAPAS_WAV) { $s.SetOutputToWaveFile($env:PASAPAS_WAV) } else { $s.SetOutputToDefaultAudioDevice() }
$s.Speak([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:PASAPAS_TEXT)))
$s.Dispose()`

// powershellArgs runs script without a profile, passed as UTF-16 base64 so
// that no quoting can break it.
func powershellArgs(script string) []string {
	u := utf16.Encode([]rune(script))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return []string{"-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand", base64.StdEncoding.EncodeToString(b)}
}

// Available reports whether any speech engine was found.
func (s *Speaker) Available() bool { return s != nil && s.engine != "" && len(s.voices) > 0 }

// CanSay reports whether there is a voice for lang (a two-letter code). A
// text is never read in another language's voice: that would be gibberish.
func (s *Speaker) CanSay(lang string) bool { return s.Available() && s.voices[lang] }

// Status tells the mediator, in French, which engine reads aloud and for
// which languages, or why nothing can.
func (s *Speaker) Status(langs []string) string {
	if s == nil {
		return "Lecture à voix haute désactivée."
	}
	if !s.Available() {
		return "Lecture à voix haute indisponible : " + s.problem
	}
	name := map[Engine]string{Espeak: "espeak-ng", SAPI: "voix de Windows (SAPI)"}[s.engine]
	var have, lack []string
	for _, l := range langs {
		if s.voices[l] {
			have = append(have, l)
		} else {
			lack = append(lack, l)
		}
	}
	msg := fmt.Sprintf("Lecture à voix haute : %s, langues %s.", name, strings.Join(have, ", "))
	if len(lack) > 0 {
		msg += fmt.Sprintf(" Pas de voix pour : %s (le bouton haut-parleur est caché dans ces langues).", strings.Join(lack, ", "))
	}
	return msg
}

// Say stops what is being said and starts reading text in lang's voice in
// the background. done, if not nil, runs (on the speech goroutine) when this
// utterance ends by itself or fails, but not when it was stopped or
// replaced. It returns at once.
func (s *Speaker) Say(lang, text string, done func(error)) error {
	if !s.CanSay(lang) {
		return fmt.Errorf("speech: no voice for %q", lang)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopLocked()
	wav := ""
	if s.wavDir != "" {
		s.written++
		wav = filepath.Join(s.wavDir, fmt.Sprintf("%03d-%s.wav", s.written, lang))
	}
	cmd := s.command(lang, text, wav)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("speech: starting %s: %w", s.engine, err)
	}
	s.gen++
	gen := s.gen
	s.cur = cmd
	go func() {
		err := cmd.Wait()
		s.mu.Lock()
		current := s.gen == gen
		if current {
			s.cur = nil
		}
		s.mu.Unlock()
		if !current {
			return
		}
		if err != nil {
			err = fmt.Errorf("speech: %s: %v: %s", s.engine, err, strings.TrimSpace(stderr.String()))
		}
		if done != nil {
			done(err)
		}
	}()
	return nil
}

// command builds the process that reads text, into wav when not empty.
func (s *Speaker) command(lang, text, wav string) *exec.Cmd {
	if s.engine == SAPI {
		cmd := exec.Command(s.path, powershellArgs(sapiSpeakScript)...)
		cmd.Env = append(os.Environ(),
			"PASAPAS_LANG="+lang,
			"PASAPAS_RATE="+fmt.Sprint(sapiRate),
			"PASAPAS_WAV="+wav,
			"PASAPAS_TEXT="+base64.StdEncoding.EncodeToString([]byte(text)))
		hideWindow(cmd)
		return cmd
	}
	args := []string{"-v", lang, "-s", fmt.Sprint(espeakRate), "--stdin"}
	if wav != "" {
		args = append(args, "-w", wav)
	}
	cmd := exec.Command(s.path, args...)
	cmd.Stdin = strings.NewReader(text)
	return cmd
}

// Stop silences the voice at once; it does nothing when silent.
func (s *Speaker) Stop() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopLocked()
}

func (s *Speaker) stopLocked() {
	if s.cur == nil {
		return
	}
	s.gen++ // the killed process's end is not reported
	_ = s.cur.Process.Kill()
	s.cur = nil
}

// Speaking reports whether an utterance is under way.
func (s *Speaker) Speaking() bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur != nil
}
