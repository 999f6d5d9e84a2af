package app

import (
	"github.com/sirupsen/logrus"

	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pasapas/app/pin"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	noWindow := func(*Kiosk) error { t.Fatal("the window was opened"); return nil }
	code := Main(args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errOut}, noWindow)
	return code, out.String(), errOut.String()
}

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		wantOut string
		wantErr string
	}{
		{"version", "", []string{"version"}, 0, "pasapas " + Version, ""},
		{"help", "", []string{"help"}, 0, "set-pin", ""},
		{"flag help", "", []string{"--help"}, 0, "", "Usage"},
		{"unknown flag", "", []string{"--bogus"}, 2, "", "-bogus"},
		{"unknown command", "", []string{"frobnicate"}, 2, "", "commande inconnue"},
		{"stray argument", "", []string{"set-pin", "--data-dir", dir, "extra"}, 2, "", "inattendu"},
		{"short pin", "12\n", []string{"set-pin", "--data-dir", dir}, 2, "", "4 à 8"},
		{"no pin", "", []string{"set-pin", "--data-dir", dir}, 1, "", "aucun code"},
		{"set pin", "4821\n", []string{"set-pin", "--data-dir", filepath.Join(dir, "new")}, 0, "enregistré", ""},
		// Mistakes are told in French, naming the file and what to do.
		{"unknown option", "", []string{"stats", "--bogus"}, 2, "", "pasapas stats : option inconnue : --bogus"},
		{"bad option value", "", []string{"purge", "--older-than", "abc", "--data-dir", dir}, 2, "", "--older-than : « abc » n'est pas une valeur possible"},
		{"export to a missing folder", "", []string{"export", "--out", filepath.Join(dir, "gone", "r.csv"), "--data-dir", dir}, 1, "", "n'existe pas : choisissez un dossier qui existe"},
		{"import a missing file", "", []string{"places", "import", filepath.Join(dir, "lieux.csv"), "--data-dir", dir}, 1, "", "« " + filepath.Join(dir, "lieux.csv") + " » est introuvable"},
		{"check a missing folder", "", []string{"check-content", filepath.Join(dir, "contenu")}, 1, "", "« " + filepath.Join(dir, "contenu") + " » est introuvable"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.wantOut) || !strings.Contains(errOut, tt.wantErr) {
			t.Errorf("%s: code %d out %q err %q", tt.name, code, out, errOut)
		}
	}
}

func TestSetPINStoresAHashThatChecks(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "4821\n", "set-pin", "--data-dir", dir); code != 0 {
		t.Fatal(errOut)
	}
	st, err := OpenStore(dir)
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
	MachinePINFile = filepath.Join(t.TempDir(), "ProgramData", "pasapas", "code-mediateur.txt")
	t.Cleanup(func() { MachinePINFile = machinePINFile() })
	t.Setenv(CodeEnv, "48a1")
	if code, _, errOut := run(t, "", "set-pin", "--every-account"); code != exitUsage || !strings.Contains(errOut, "de 4 à 8 chiffres") {
		t.Fatalf("a code with a letter: exit %d, %q", code, errOut)
	}
	t.Setenv(CodeEnv, "482193")
	if code, out, errOut := run(t, "", "set-pin", "--every-account"); code != 0 || !strings.Contains(out, "tous les comptes") {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
	written, _ := os.ReadFile(MachinePINFile)
	if strings.Contains(string(written), "482193") || !strings.HasPrefix(string(written), "$argon2id$") {
		t.Fatalf("the file holds %q, not a hash alone", written)
	}
	check := func(dir, code string) error {
		t.Helper()
		k, err := Open(dir, logrus.New())
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

func TestKioskOpensWithDefaults(t *testing.T) {
	var errOut bytes.Buffer
	dir := t.TempDir()
	opened := false
	code := Main([]string{"--data-dir", dir, "--windowed"}, IO{Err: &errOut}, func(k *Kiosk) error {
		opened = true
		if !k.Windowed || k.IdleTimeout.Seconds() != 120 || k.DefaultLang != "fr" {
			t.Errorf("kiosk %+v", k)
		}
		return nil
	})
	if code != 0 || !opened {
		t.Fatalf("code %d, opened %v: %s", code, opened, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "pasapas.log")); err != nil {
		t.Fatal("no log file in the data directory")
	}
}

func TestFyneAppTomlCarriesTheVersion(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Version = "([^"]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != Version {
		t.Fatalf("FyneApp.toml version %q, app.Version %q", m, Version)
	}
	for _, want := range []string{`ID = "fr.pasapas.kiosk"`, `Name = "Pas à Pas"`, `Icon = "assets/icon.png"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
}

// TestCheckContentQuestionBank: a centre's broken question file is named
// with its line by check-content (exit 1), and the kiosk still opens on the
// built-in bank; a valid centre file replaces the bank.
func TestCheckContentQuestionBank(t *testing.T) {
	dataDir := t.TempDir()
	qdir := filepath.Join(dataDir, ContentDirName, "questions")
	if err := os.MkdirAll(qdir, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := "items:\n  - id: local.x\n    domain: nowhere\n    kind: self\n    question: {fr: Test}\n"
	if err := os.WriteFile(filepath.Join(qdir, "local.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "check-content", "--data-dir", dataDir)
	if code != 1 || !strings.Contains(errOut, `questions/local.yaml:3: domain: unknown domain "nowhere"`) || !strings.Contains(out, "questions/90-scoring.yaml (built-in)") {
		t.Fatalf("code %d\nout %s\nerr %s", code, out, errOut)
	}
	c, report, err := LoadContent(filepath.Join(dataDir, ContentDirName))
	if err != nil || c.Questions == nil || len(report.Rejected()) != 1 {
		t.Fatalf("kiosk content: %v, %+v", err, report)
	}
	if _, ok := c.Questions.Item("comm.email"); !ok {
		t.Fatal("the built-in bank is not in use")
	}
}
