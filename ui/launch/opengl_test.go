package launch

import (
	"io"
	"testing"

	"github.com/sirupsen/logrus"
)

// Fyne 2.7 reports a window it cannot create in three log lines; these are
// copied from real runs (Linux under Xvfb, Windows under Wine).
func TestFyneLogFindsTheCause(t *testing.T) {
	for _, c := range []struct {
		lines    string
		glFailed bool
		cause    string
		openGL   bool
	}{
		{"Fyne error:  window creation error\n  Cause: VersionUnavailable: GLX: Failed to create context: GLXBadFBConfig\n  At: driver.go:147\n", false, "VersionUnavailable: GLX: Failed to create context: GLXBadFBConfig", true},
		{"Fyne error:  window creation error\n  Cause: VersionUnavailable: WGL: Failed to create OpenGL context\n", false, "VersionUnavailable: WGL: Failed to create OpenGL context", true},
		{"Fyne error:  window creation error\n  Cause: APIUnavailable: WGL: The driver does not appear to support OpenGL\n", false, "APIUnavailable: WGL: The driver does not appear to support OpenGL", true},
		{"Fyne error:  failed to initialise OpenGL\n  Cause: glGetString returned nil\n", true, "glGetString returned nil", true},
		{"Fyne error:  Error parsing user locale C\n  Cause: language: tag is not well-formed\nFyne error:  window creation error\n  Cause: VersionUnavailable: GLX: Failed to create context: GLXBadFBConfig\n", false, "VersionUnavailable: GLX: Failed to create context: GLXBadFBConfig", true},
		{"Fyne error:  failed to initialise GLFW\n  Cause: PlatformError: X11: The DISPLAY environment variable is missing\n", false, "PlatformError: X11: The DISPLAY environment variable is missing", false},
	} {
		log := logrus.New()
		log.SetOutput(io.Discard)
		f := &fyneLog{log: log}
		f.Write([]byte(c.lines))
		isGL := f.glFailed || openGLCause(f.cause)
		if f.glFailed != c.glFailed || f.cause != c.cause || isGL != c.openGL {
			t.Errorf("%q: glFailed %v, cause %q, OpenGL %v", c.lines, f.glFailed, f.cause, isGL)
		}
	}
}
