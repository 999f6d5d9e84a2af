package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoOpenGL starts the kiosk where OpenGL 2.1 is missing (Mesa made to
// offer 1.4 only, as on a basic display adapter or a remote desktop). Fyne
// 2.7 would log the failure and sit there without a window; the kiosk must
// stop at once and say why, with the fix, on standard error and in its log.
func TestNoOpenGL(t *testing.T) {
	requireE2E(t)
	d := startDisplay(t, 1280, 800)
	dataDir := t.TempDir()
	cmd := exec.Command(kioskBinary(t), "--data-dir", dataDir)
	cmd.Env = append(d.env(), "MESA_GL_VERSION_OVERRIDE=1.4")
	stderr, exited := background(t, cmd)
	wantExit(t, exited, 1, stderr)
	for _, want := range []string{"Pas à Pas ne peut pas s'afficher", "OpenGL 2.1", "libgl1-mesa-dri", "GLX"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr.String())
		}
	}
	log, err := os.ReadFile(filepath.Join(dataDir, "pasapas.log"))
	if err != nil || !strings.Contains(string(log), "no OpenGL 2.1 driver") || !strings.Contains(string(log), "display driver") {
		t.Errorf("the log does not say why: %v\n%s", err, log)
	}
}

// background starts cmd, keeping its standard error, and reports its end on
// the channel. The process is killed when the test ends.
func background(t *testing.T, cmd *exec.Cmd) (*bytes.Buffer, <-chan error) {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	return &stderr, exited
}

// wantExit waits up to 30 s for the process to end with code.
func wantExit(t *testing.T, exited <-chan error, code int, stderr *bytes.Buffer) {
	t.Helper()
	select {
	case err := <-exited:
		got := 0
		if exit, ok := err.(*exec.ExitError); ok {
			got = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if got != code {
			t.Fatalf("exit code %d, want %d\n%s", got, code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("the program did not stop\n%s", stderr.String())
	}
}
