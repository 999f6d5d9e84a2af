// Package e2e drives the real kiosk binary in a real X server (Xvfb) with a
// window manager (openbox), as a visitor would: keys and clicks through
// xdotool, screenshots kept as artefacts, and the SQLite file checked after.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"pasapas/internal/syspkg"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// kioskBinary builds the real program once per test run.
func kioskBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pasapas-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "pasapas")
		out, err := exec.Command("go", "build", "-o", binary, "pasapas").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

func requireE2E(t *testing.T) {
	t.Helper()
	if os.Getenv("PASAPAS_E2E") != "1" {
		t.Skip("end-to-end tests run with PASAPAS_E2E=1 (make test sets it)")
	}
	for _, tool := range []string{"Xvfb", "openbox", "xdotool", "import", "sqlite3", "xprop"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make test, which installs it", tool)
		}
	}
}

// artefacts is where screenshots go ($PASAPAS_ARTEFACTS/e2e, else a temp dir).
func artefacts(t *testing.T) string {
	base := os.Getenv("PASAPAS_ARTEFACTS")
	if base == "" {
		base = t.TempDir()
	}
	dir := filepath.Join(base, "e2e", t.Name())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// display is an Xvfb server with openbox on it.
type display struct {
	t      *testing.T
	name   string
	width  int
	height int
}

// startDisplay starts Xvfb on a free display number (-displayfd) and a
// window manager, and stops both when the test ends.
func startDisplay(t *testing.T, width, height int) *display {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w}
	var xvfbLog, wmLog syncBuffer
	xvfb.Stderr = &xvfbLog
	if err := xvfb.Start(); err != nil {
		t.Fatal(syspkg.StartFailure("Xvfb", "xvfb", err.Error(), ""))
	}
	w.Close()
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	num := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		num <- strings.TrimSpace(line)
	}()
	d := &display{t: t, width: width, height: height}
	select {
	case n := <-num:
		if n == "" {
			t.Fatal(syspkg.StartFailure("Xvfb", "xvfb", "it gave no display number", xvfbLog.String()))
		}
		d.name = ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal(syspkg.StartFailure("Xvfb", "xvfb", "no display after 20 s", xvfbLog.String()))
	}
	wm := exec.Command("openbox", "--sm-disable")
	wm.Env = append(os.Environ(), "DISPLAY="+d.name)
	wm.Stdout, wm.Stderr = &wmLog, &wmLog
	if err := wm.Start(); err != nil {
		t.Fatal(syspkg.StartFailure("openbox", "openbox", err.Error(), ""))
	}
	t.Cleanup(func() { wm.Process.Kill(); wm.Wait() })
	if !d.poll(func() bool {
		out, _ := d.output("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
		return strings.Contains(out, "window id")
	}) {
		t.Fatal(syspkg.StartFailure("openbox", "openbox", "the window manager did not show on the display within 30 s", wmLog.String()))
	}
	return d
}

func (d *display) env() []string {
	return append(os.Environ(), "DISPLAY="+d.name, "LANG=fr_FR.UTF-8")
}

func (d *display) output(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = d.env()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (d *display) run(name string, args ...string) string {
	d.t.Helper()
	out, err := d.output(name, args...)
	if err != nil {
		d.t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return out
}

// waitFor polls cond for up to 30 s.
func (d *display) waitFor(what string, cond func() bool) {
	d.t.Helper()
	if !d.poll(cond) {
		d.t.Fatalf("timed out waiting for %s", what)
	}
}

// poll reports whether cond became true within 30 s.
func (d *display) poll(cond func() bool) bool {
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
	return true
}

// syncBuffer collects a service's output while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// kiosk is the real binary running on a display.
type kiosk struct {
	*display
	dataDir string
	cmd     *exec.Cmd
	stderr  *bytes.Buffer
	window  string
	shots   string
	exited  chan error
}

// startKiosk runs the binary on d with dataDir and waits for its window.
// A data directory without a database is installed first, as a script
// would (set-pin), so the kiosk opens on the visitors' welcome.
func startKiosk(t *testing.T, d *display, dataDir string, args ...string) *kiosk {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dataDir, "pasapas.db")); err != nil {
		setPIN(t, dataDir, "4821")
	}
	return startFreshKiosk(t, d, dataDir, args...)
}

// startFreshKiosk runs the binary on d with dataDir as it is: an empty one
// is a first start.
func startFreshKiosk(t *testing.T, d *display, dataDir string, args ...string) *kiosk {
	t.Helper()
	bin := kioskBinary(t)
	k := &kiosk{display: d, dataDir: dataDir, stderr: &bytes.Buffer{}, shots: artefacts(t), exited: make(chan error, 1)}
	k.cmd = exec.Command(bin, append([]string{"--data-dir", dataDir}, args...)...)
	k.cmd.Env = d.env()
	k.cmd.Stderr = k.stderr
	if err := k.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { k.exited <- k.cmd.Wait() }()
	t.Cleanup(func() {
		k.cmd.Process.Kill()
		if t.Failed() {
			t.Logf("kiosk stderr:\n%s", k.stderr.String())
		}
	})
	d.waitFor("the kiosk window", func() bool {
		out, err := d.output("xdotool", "search", "--onlyvisible", "--name", "Pas à Pas")
		if err != nil {
			return false
		}
		k.window = strings.Fields(out)[0]
		return true
	})
	// Give Fyne a moment to draw its first frame.
	time.Sleep(time.Second)
	return k
}

// geometry returns the window's position and size.
func (k *kiosk) geometry() (x, y, w, h int) {
	out := k.run("xdotool", "getwindowgeometry", "--shell", k.window)
	vals := map[string]int{}
	for _, line := range strings.Split(out, "\n") {
		if key, v, ok := strings.Cut(line, "="); ok {
			vals[key], _ = strconv.Atoi(v)
		}
	}
	return vals["X"], vals["Y"], vals["WIDTH"], vals["HEIGHT"]
}

// key sends key strokes (xdotool names: Return, Tab, ctrl+alt+m…).
func (k *kiosk) key(keys ...string) {
	k.t.Helper()
	for _, key := range keys {
		k.run("xdotool", "key", "--window", k.window, "--clearmodifiers", key)
		time.Sleep(250 * time.Millisecond)
	}
}

// lastKey presses a key that closes the kiosk. It goes through XTEST to the
// focused window: a key sent to the window itself fails with BadWindow when
// the window is gone before the key's release.
func (k *kiosk) lastKey(key string) {
	k.t.Helper()
	k.run("xdotool", "key", "--clearmodifiers", key)
}

// typeText types text as key presses.
func (k *kiosk) typeText(text string) {
	k.t.Helper()
	k.run("xdotool", "type", "--delay", "80", text)
	time.Sleep(250 * time.Millisecond)
}

// click clicks at a point given as fractions of the window's size.
func (k *kiosk) click(fx, fy float64) {
	k.t.Helper()
	_, _, w, h := k.geometry()
	k.run("xdotool", "mousemove", "--sync", strconv.Itoa(int(fx*float64(w))), strconv.Itoa(int(fy*float64(h))), "click", "1")
	time.Sleep(400 * time.Millisecond)
}

// shot saves a screenshot of the whole screen as name.png.
// shot saves the screen once it has settled: an event stored in SQLite can
// come before the frame that shows its screen is painted, more so on a
// loaded machine. Two equal grabs in a row mean the frame is done; a screen
// that never settles (a blinking cursor) is taken after 3 s.
func (k *kiosk) shot(name string) string {
	k.t.Helper()
	var last []byte
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		cmd := exec.Command("import", "-window", "root", "rgb:-")
		cmd.Env = k.env()
		frame, err := cmd.Output()
		if err == nil && last != nil && bytes.Equal(frame, last) {
			break
		}
		last = frame
	}
	path := filepath.Join(k.shots, name+".png")
	k.run("import", "-window", "root", path)
	return path
}

// sql runs a query on the kiosk's database with the sqlite3 tool.
func (k *kiosk) sql(query string) string {
	k.t.Helper()
	out, err := exec.Command("sqlite3", filepath.Join(k.dataDir, "pasapas.db"), query).CombinedOutput()
	if err != nil {
		k.t.Fatalf("sqlite3 %q: %v\n%s", query, err, out)
	}
	return strings.TrimSpace(string(out))
}

// waitExit waits for the kiosk to stop and returns its error.
func (k *kiosk) waitExit(timeout time.Duration) error {
	k.t.Helper()
	select {
	case err := <-k.exited:
		return err
	case <-time.After(timeout):
		k.t.Fatal("the kiosk did not stop")
		return nil
	}
}

// stillRunning reports whether the process is alive after a short wait.
func (k *kiosk) stillRunning() bool {
	select {
	case <-k.exited:
		return false
	case <-time.After(1500 * time.Millisecond):
		return true
	}
}

// setPIN sets the mediator PIN through the command line, as an install
// script would.
func setPIN(t *testing.T, dataDir, code string) {
	t.Helper()
	cmd := exec.CommandContext(context.Background(), kioskBinary(t), "set-pin", "--data-dir", dataDir)
	cmd.Stdin = strings.NewReader(code + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("set-pin: %v\n%s", err, out)
	}
}
