package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"pasapas/app"
	"pasapas/app/pin"
	"pasapas/app/store"
)

func TestSetPINStoresAHashThatChecks(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "4821\n", "set-pin", "--data-dir", dir); code != 0 {
		t.Fatal(errOut)
	}
	st, err := store.OpenDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := pin.NewGuard(st, nil).Check("4821"); err != nil {
		t.Fatalf("the PIN set from the command line does not check: %v", err)
	}
}

// TestInstallerCodeForEveryAccount: the installer's set-pin --every-account
// (code from the environment, as NSIS passes it) writes only a hash; each
// account's kiosk takes it at its first start, and one that already has a
// code keeps its own.
func TestInstallerCodeForEveryAccount(t *testing.T) {
	installed := app.MachinePINFile
	app.MachinePINFile = filepath.Join(t.TempDir(), "ProgramData", "pasapas", "code-mediateur.txt")
	t.Cleanup(func() { app.MachinePINFile = installed })
	t.Setenv(CodeEnv, "48a1")
	if code, _, errOut := run(t, "", "set-pin", "--every-account"); code != exitUsage || !strings.Contains(errOut, "de 4 à 8 chiffres") {
		t.Fatalf("a code with a letter: exit %d, %q", code, errOut)
	}
	t.Setenv(CodeEnv, "482193")
	if code, out, errOut := run(t, "", "set-pin", "--every-account"); code != 0 || !strings.Contains(out, "tous les comptes") {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
	written, _ := os.ReadFile(app.MachinePINFile)
	if strings.Contains(string(written), "482193") || !strings.HasPrefix(string(written), "$argon2id$") {
		t.Fatalf("the file holds %q, not a hash alone", written)
	}
	check := func(dir, code string) error {
		t.Helper()
		k, err := app.Open(dir, logrus.New())
		if err != nil {
			t.Fatal(err)
		}
		defer k.Store.Close()
		if k.CodeFromInstaller != (code == "482193") {
			t.Errorf("%s: CodeFromInstaller %v", dir, k.CodeFromInstaller)
		}
		_, err = k.PIN.Check(code)
		return err
	}
	if err := check(t.TempDir(), "482193"); err != nil {
		t.Fatalf("a new account's kiosk did not take the installer's code: %v", err)
	}
	own := t.TempDir()
	os.Unsetenv(CodeEnv)
	if code, _, errOut := run(t, "1111\n", "set-pin", "--data-dir", own); code != 0 {
		t.Fatal(errOut)
	}
	if err := check(own, "1111"); err != nil {
		t.Fatalf("a kiosk with its own code lost it: %v", err)
	}
}
