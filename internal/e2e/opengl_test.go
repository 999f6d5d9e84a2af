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
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
			t.Fatalf("exit %v, want code 1\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the kiosk neither opened a window nor stopped\n%s", stderr.String())
	}
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
