// Package officetest runs LibreOffice headless for tests, as a centre's PC
// would open or save a file.
package officetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"pasapas/internal/syspkg"
)

// Run runs soffice with args in dir, with a private profile there and a
// French interface. It skips t when LibreOffice is not installed, and
// fails instead under PASAPAS_E2E (make test, CI).
func Run(t testing.TB, dir string, args ...string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("PASAPAS_E2E") != "" {
			t.Fatal("soffice missing: scripts/deps.sh test installs libreoffice-calc-nogui")
		}
		t.Skip("soffice not installed")
	}
	cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore"}, args...)...)
	cmd.Dir = dir
	// LibreOffice will not start without a user interface language.
	cmd.Env = append(os.Environ(), "LANG=fr_FR.UTF-8", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatal(syspkg.StartFailure("soffice "+strings.Join(args, " "), "libreoffice-calc-nogui", err.Error(), string(out)))
	}
}
