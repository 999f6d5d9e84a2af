package printing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Printer sends a rendered summary to paper. Print returns once the job is
// done, or with an error wrapping ErrNoPrinter or ErrNotResponding, so the
// kiosk can tell the visitor simply while the log keeps the detail.
type Printer interface {
	Print(ctx context.Context, pdf []byte, title string) error
}

var (
	// ErrNoPrinter means no printer is set up, or the named one is unknown.
	ErrNoPrinter = errors.New("no printer is set up")
	// ErrNotResponding means the print system or the printer failed, or
	// did not finish the job in time.
	ErrNotResponding = errors.New("the printer does not respond")
)

// WaitFor is how long a kiosk waits for a job to come out before telling
// the visitor the printer does not respond.
const WaitFor = 90 * time.Second

// System returns the platform's printer: CUPS on Linux and macOS, the
// Windows print path on Windows (saving into fallbackDir when no printer can
// be used). printer is the queue name; empty means the system default.
func System(printer, fallbackDir string) Printer {
	if runtime.GOOS == "windows" {
		return Windows{Printer: printer, Fallback: Folder{Dir: fallbackDir}, Wait: WaitFor}
	}
	return CUPS{Printer: printer, Wait: WaitFor}
}

// JobTitle names a summary's print job and file: the session code only.
func JobTitle(code string) string { return "Pas a Pas " + code }

// Folder "prints" by saving the PDF into a directory: the fallback when no
// printer can be used, and a way to hand the file over on a USB stick.
type Folder struct{ Dir string }

// Print writes the PDF as <Dir>/<title>.pdf, whole or not at all.
func (f Folder) Print(_ context.Context, pdf []byte, title string) error {
	_, err := f.Save(pdf, title)
	return err
}

// Save is Print that also returns the path written.
func (f Folder) Save(pdf []byte, title string) (string, error) {
	if f.Dir == "" {
		return "", fmt.Errorf("%w: no folder to save into", ErrNoPrinter)
	}
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotResponding, err)
	}
	path := filepath.Join(f.Dir, fileName(title))
	if err := WriteFile(path, pdf); err != nil {
		return "", fmt.Errorf("%w: saving %s: %v", ErrNotResponding, path, err)
	}
	return path, nil
}

// WriteFile writes data to path whole or not at all: it is written under a
// temporary name, synced, then renamed, so a full disk leaves no truncated
// PDF behind.
func WriteFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pasapas-*.pdf")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// fileName turns a job title into a portable file name.
func fileName(title string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			return r
		}
		return '_'
	}, title)
	return name + ".pdf"
}
