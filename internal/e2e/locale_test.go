package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// TestCommandsSayNothingOfAnUnknownLocale runs the real binary's commands
// under locales Fyne cannot parse: internal/locale must be initialised
// before Fyne's lang package reads them, or Fyne prints "Error parsing user
// locale" on every command, in front of a script's real output.
func TestCommandsSayNothingOfAnUnknownLocale(t *testing.T) {
	if os.Getenv("PASAPAS_E2E") != "1" {
		t.Skip("end-to-end tests run with PASAPAS_E2E=1 (make test sets it)")
	}
	bin := kioskBinary(t)
	dataDir := t.TempDir()
	for _, locale := range []string{"C", "C.UTF-8", "xx_YY.UTF-8", "fr_FR.UTF-8"} {
		for _, args := range [][]string{{"version"}, {"stats", "--data-dir", dataDir}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dataDir, "LANG=" + locale}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("LANG=%s pasapas %v: %v\n%s", locale, args, err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("LANG=%s pasapas %v wrote on standard error:\n%s", locale, args, stderr.String())
			}
		}
	}
}
