package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestReadAloudUnderXvfb runs the real kiosk with auto-read on and espeak-ng
// writing WAV files (Xvfb has no sound card): welcome is read by itself,
// home too after Enter, and the top bar's speaker button reads it again.
// sox checks every file is speech, not silence.
func TestReadAloudUnderXvfb(t *testing.T) {
	requireE2E(t)
	for _, tool := range []string{"espeak-ng", "sox"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make test, which installs it", tool)
		}
	}
	wavs := filepath.Join(artefacts(t), "speech")
	os.RemoveAll(wavs)
	if err := os.MkdirAll(wavs, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PASAPAS_SPEECH_WAV", wavs)
	d := startDisplay(t, 1024, 768)
	dataDir := t.TempDir()
	setPIN(t, dataDir, "4821") // creates the database
	if out, err := exec.Command("sqlite3", filepath.Join(dataDir, "pasapas.db"),
		"INSERT INTO settings (key, value) VALUES ('speech.auto', 'true')").CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	k := startKiosk(t, d, dataDir)

	waitWAV(t, d, wavs, "001-fr.wav")
	k.key("Return") // Commencer
	waitWAV(t, d, wavs, "002-fr.wav")
	k.shot("home-read")
	// The speaker button, "Écouter", sits left of "Contraste" in the bar.
	k.click(0.425, 0.07)
	waitWAV(t, d, wavs, "003-fr.wav")

	for _, name := range []string{"001-fr.wav", "002-fr.wav", "003-fr.wav"} {
		out, err := exec.Command("sox", filepath.Join(wavs, name), "-n", "stat").CombinedOutput()
		if err != nil {
			t.Fatalf("sox %s: %v\n%s", name, err, out)
		}
		amp := soxValue(t, out, `RMS\s+amplitude`)
		secs := soxValue(t, out, `Length \(seconds\)`)
		if amp < 0.01 || secs < 1 {
			t.Errorf("%s: %.1f s at RMS %.4f: silent", name, secs, amp)
		}
	}
}

// waitWAV waits until espeak-ng has finished writing name: it exists and
// its size has stopped growing.
func waitWAV(t *testing.T, d *display, dir, name string) {
	t.Helper()
	path := filepath.Join(dir, name)
	last := int64(-1)
	d.waitFor(name, func() bool {
		st, err := os.Stat(path)
		if err != nil || st.Size() == 0 {
			return false
		}
		done := st.Size() == last
		last = st.Size()
		time.Sleep(200 * time.Millisecond)
		return done
	})
}

func soxValue(t *testing.T, out []byte, name string) float64 {
	t.Helper()
	m := regexp.MustCompile(name + `:\s+([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("sox gave no %q:\n%s", name, out)
	}
	v, _ := strconv.ParseFloat(string(m[1]), 64)
	return v
}
