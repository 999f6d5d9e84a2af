package launch

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/sirupsen/logrus"

	"pasapas/app"
	"pasapas/app/logging"
)

// fyneLog receives what Fyne prints with the standard log package (its
// errors have no other channel) and passes each line on to the kiosk's log,
// the only one a Windows GUI program has. It keeps the cause of a failure to
// create the window or to start OpenGL: Fyne 2.7 logs those and carries on
// with no window at all, so the kiosk would otherwise sit invisible.
type fyneLog struct {
	log *logrus.Logger

	mu       sync.Mutex
	watching bool // the last error was about the window or OpenGL
	glFailed bool
	cause    string
}

func (f *fyneLog) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		line = strings.TrimSpace(line)
		if reason, ok := strings.CutPrefix(line, "Fyne error:"); ok {
			f.watching = strings.Contains(reason, "window creation error") || strings.Contains(reason, "failed to initialise")
			f.glFailed = f.glFailed || strings.Contains(reason, "failed to initialise OpenGL")
		} else if cause, ok := strings.CutPrefix(line, "Cause:"); ok && f.watching && f.cause == "" {
			f.cause = strings.TrimSpace(cause)
		}
		f.log.WithField("from", "fyne").Warn(line)
	}
	return len(p), nil
}

// noOpenGL is the error when the PC cannot give Fyne an OpenGL 2.1
// context: basic display adapter, virtual machine, remote desktop
// (fyne-io/fyne#2700, #4564).
type noOpenGL struct{ cause string }

func (e noOpenGL) Error() string { return "no OpenGL 2.1 driver: " + e.cause }

// checkWindow tells whether the window shown by Fyne really exists, and why
// not. Call it after Show and before Run.
func (f *fyneLog) checkWindow(w fyne.Window) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.glFailed && hasNativeWindow(w) {
		return nil
	}
	if f.glFailed || openGLCause(f.cause) {
		return noOpenGL{f.cause}
	}
	return errors.New("the window could not be created: " + f.cause)
}

// openGLCause reports whether a GLFW error is about the OpenGL context
// rather than, say, a missing display.
func openGLCause(cause string) bool {
	for _, s := range []string{"APIUnavailable", "VersionUnavailable", "FormatUnavailable", "WGL:", "GLX:", "EGL:", "OpenGL"} {
		if strings.Contains(cause, s) {
			return true
		}
	}
	return false
}

// hasNativeWindow reports whether the driver holds an OS window for w.
func hasNativeWindow(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true
	}
	created := true
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			created = c.WindowHandle != 0
		case driver.WindowsWindowContext:
			created = c.HWND != 0
		case driver.WaylandWindowContext:
			created = c.WaylandSurface != 0
		}
	})
	return created
}

// reportNoOpenGL tells the centre how to fix a PC without OpenGL 2.1: in
// the log, and in a message box on Windows (on a GUI program nobody sees
// standard error) or on standard error elsewhere.
func reportNoOpenGL(k *app.Kiosk, err noOpenGL) {
	fix := "install the display driver of the graphics card's maker (Intel, AMD, NVIDIA)"
	if runtime.GOOS == "windows" {
		fix += ", or put Mesa's software OpenGL (opengl32.dll and libgallium_wgl.dll from mesa-dist-win, x64) beside pasapas.exe"
	} else {
		fix += ", or the Mesa drivers (package libgl1-mesa-dri)"
	}
	k.Log.WithError(err).Error("this PC has no OpenGL 2.1 driver, which the kiosk needs; fix: " + fix)
	fr := k.Text.Reference()
	Alert(k.Text.T(fr, "opengl.title"), k.Text.T(fr, "opengl.body")+"\n\n"+
		k.Text.T(fr, "opengl.fix."+runtime.GOOS)+"\n\n"+
		k.Text.T(fr, "opengl.detail", "cause", err.cause,
			"log", filepath.Join(k.DataDir, logging.FileName)))
}
