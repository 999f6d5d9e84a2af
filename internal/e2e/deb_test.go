package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"pasapas/app"
)

// debFiles are what the package must install.
var debFiles = []string{
	"/usr/bin/pasapas",
	"/usr/share/applications/fr.pasapas.kiosk.desktop",
	"/usr/share/pasapas/fr.pasapas.kiosk-autostart.desktop",
	"/usr/share/icons/hicolor/48x48/apps/fr.pasapas.kiosk.png",
	"/usr/share/icons/hicolor/256x256/apps/fr.pasapas.kiosk.png",
	"/usr/share/icons/hicolor/512x512/apps/fr.pasapas.kiosk.png",
}

// TestDebInstallRemove checks the package make deb built, then installs it
// with dpkg -i, starts the installed kiosk, and removes it with dpkg -r,
// leaving nothing behind. Installing needs root (CI runs as root).
func TestDebInstallRemove(t *testing.T) {
	deb := filepath.Join(requireDist(t, "make test-deb"), "pasapas_"+app.Version+"_amd64.deb")
	field := func(name string) string {
		out, err := exec.Command("dpkg-deb", "-f", deb, name).Output()
		if err != nil {
			t.Fatalf("dpkg-deb -f %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	if v := field("Version"); v != app.Version {
		t.Errorf("package version %q, program %q", v, app.Version)
	}
	for _, dep := range []string{"libc6", "libgl1", "libx11-6", "libxrandr2", "libxcursor1"} {
		if !strings.Contains(field("Depends"), dep) {
			t.Errorf("Depends lacks %s: %s", dep, field("Depends"))
		}
	}
	list, err := exec.Command("dpkg-deb", "-c", deb).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range debFiles {
		if !strings.Contains(string(list), "."+f+"\n") {
			t.Errorf("the package lacks %s", f)
		}
	}
	if _, err := exec.LookPath("desktop-file-validate"); err == nil {
		for _, f := range []string{"fr.pasapas.kiosk.desktop", "fr.pasapas.kiosk-autostart.desktop"} {
			if out, err := exec.Command("desktop-file-validate", filepath.Join(repoRoot(t), "packaging", "linux", f)).CombinedOutput(); err != nil || len(out) > 0 {
				t.Errorf("%s: %v\n%s", f, err, out)
			}
		}
	}

	if os.Geteuid() != 0 {
		t.Skip("dpkg -i and dpkg -r need root: run make test-deb as root (CI does)")
	}
	unlock := lockFile(t, filepath.Join(os.TempDir(), "pasapas-deb-test.lock"))
	defer unlock()
	if debStatus(t) != "" {
		t.Skip("a pasapas package is already installed on this machine: not touching it")
	}
	defer func() { // even when the test fails half-way
		if debStatus(t) != "" {
			exec.Command("dpkg", "--purge", "pasapas").Run()
		}
	}()

	dpkg(t, "-i", deb)
	if s := debStatus(t); s != "install ok installed" {
		t.Fatalf("status after dpkg -i: %q", s)
	}
	for _, f := range debFiles {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("not installed: %v", err)
		}
	}
	if out, err := exec.Command("pasapas", "version").Output(); err != nil || strings.TrimSpace(string(out)) != "pasapas "+app.Version {
		t.Errorf("installed pasapas version: %v %q", err, out)
	}
	if os.Getenv("PASAPAS_E2E") == "1" {
		startInstalledKiosk(t)
	}
	owned, err := exec.Command("dpkg", "-L", "pasapas").Output()
	if err != nil {
		t.Fatal(err)
	}

	dpkg(t, "-r", "pasapas")
	if s := debStatus(t); s != "" {
		t.Errorf("status after dpkg -r: %q, want not installed", s)
	}
	for _, f := range strings.Fields(string(owned)) {
		if strings.Contains(f, "pasapas") {
			if _, err := os.Stat(f); err == nil {
				t.Errorf("left after dpkg -r: %s", f)
			}
		}
	}
}

// startInstalledKiosk opens the installed release build under Xvfb and
// keeps a screenshot.
func startInstalledKiosk(t *testing.T) {
	requireE2E(t)
	d := startDisplay(t, 1280, 800)
	cmd := exec.Command("/usr/bin/pasapas", "--windowed", "--data-dir", t.TempDir())
	cmd.Env = d.env()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	d.waitFor("the installed kiosk's window", func() bool {
		_, err := d.output("xdotool", "search", "--onlyvisible", "--name", "Pas à Pas")
		return err == nil
	})
	time.Sleep(time.Second)
	d.run("import", "-window", "root", filepath.Join(artefacts(t), "installed-kiosk.png"))
}

// debStatus is dpkg's status of the pasapas package, "" when not installed.
func debStatus(t *testing.T) string {
	out, _ := exec.Command("dpkg-query", "-W", "-f=${Status}", "pasapas").Output()
	s := strings.TrimSpace(string(out))
	if s == "unknown ok not-installed" {
		return ""
	}
	return s
}

// dpkg runs dpkg, waiting while apt or another dpkg holds its lock.
func dpkg(t *testing.T, args ...string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		out, err := exec.Command("dpkg", args...).CombinedOutput()
		if err == nil {
			return
		}
		if !strings.Contains(string(out), "lock") || time.Now().After(deadline) {
			t.Fatalf("dpkg %v: %v\n%s", args, err, out)
		}
		time.Sleep(2 * time.Second)
	}
}

// lockFile serialises this test between concurrent test runs on one
// machine: they would install and remove the same package.
func lockFile(t *testing.T, path string) func() {
	t.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	return func() { f.Close() }
}
