package printing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"pasapas/printing/cupstest"
)

// TestPrintThroughCUPSPDF prints a summary through a real cupsd to a
// CUPS-PDF printer with the kiosk's own dispatch code, then reads the PDF
// that came out.
func TestPrintThroughCUPSPDF(t *testing.T) {
	srv := cupstest.Start(t)
	out := t.TempDir()
	srv.AddPDFPrinter("Accueil", out)

	pdf, err := Render(richSummary(), catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	p := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute, Poll: 200 * time.Millisecond}
	if err := p.Print(context.Background(), pdf, JobTitle("K7D-M3Q")); err != nil {
		t.Fatalf("print: %v\ncupsd log:\n%s", err, srv.Log())
	}
	printed := onlyPDF(t, out)
	text := pdfText(t, printed)
	for _, want := range []string{"K7D-M3Q", "Utiliser un appareil", "2/3", "0/3", "bloqué à l'étape 3 sur 7", "Se connecter avec son numéro", "Ce que je sais faire"} {
		if !strings.Contains(flat(text), want) {
			t.Errorf("printed PDF lacks %q; text:\n%s", want, text)
		}
	}
	if got := pages(t, printed); got != 2 {
		t.Errorf("printed %d pages, want 2", got)
	}
}

// TestPrintFailuresAreClear covers what goes wrong at a desk: each failure
// is sorted into ErrNoPrinter or ErrNotResponding, which the kiosk turns
// into its one simple message.
func TestPrintFailuresAreClear(t *testing.T) {
	srv := cupstest.Start(t)
	pdf, err := Render(bareSummary(), catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	t.Run("unknown printer", func(t *testing.T) {
		err := CUPS{Server: srv.Addr, Printer: "Absente", Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNoPrinter) {
			t.Fatalf("got %v, want ErrNoPrinter", err)
		}
		t.Log(err)
	})
	t.Run("no default printer", func(t *testing.T) {
		err := CUPS{Server: srv.Addr, Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNoPrinter) {
			t.Fatalf("got %v, want ErrNoPrinter", err)
		}
		t.Log(err)
	})
	t.Run("full spool directory", func(t *testing.T) {
		// CUPS keeps each job in its spool directory until it is printed:
		// on a full disk lp is refused.
		srv.AddPDFPrinter("Accueil", t.TempDir())
		fill(t, srv.SpoolDir())
		err := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNotResponding) {
			t.Fatalf("got %v, want ErrNotResponding", err)
		}
		t.Log(err)
	})
	t.Run("stopped CUPS", func(t *testing.T) {
		srv.Stop()
		err := CUPS{Server: srv.Addr, Printer: "Accueil", Wait: time.Minute}.Print(ctx, pdf, "x")
		if !errors.Is(err, ErrNotResponding) {
			t.Fatalf("got %v, want ErrNotResponding", err)
		}
		t.Log(err)
	})
}

func TestFolderFull(t *testing.T) {
	dir := fullDir(t)
	err := Folder{Dir: dir}.Print(context.Background(), make([]byte, 200<<10), JobTitle("ABC-DEF"))
	if !errors.Is(err, ErrNotResponding) || !strings.Contains(err.Error(), "no space") {
		t.Fatalf("got %v, want ErrNotResponding naming the full disk", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".pasapas-") || strings.HasPrefix(e.Name(), "Pas_a_Pas") {
			t.Errorf("a partial file was left behind: %s", e.Name())
		}
	}
}

func TestFolderSaves(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "usb")
	path, err := Folder{Dir: dir}.Save([]byte("%PDF-1.4"), JobTitle("ABC-DEF"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "Pas_a_Pas_ABC-DEF.pdf" {
		t.Errorf("saved as %s", path)
	}
}

// fullDir is a directory where writing fails with "no space left on
// device", as on a full disk or USB stick.
func fullDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	fill(t, dir)
	return dir
}

// fill mounts a tiny tmpfs over dir (keeping its owner and mode) and fills it.
func fill(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a full file system needs root")
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	opts := fmt.Sprintf("size=64k,mode=%o,uid=%d,gid=%d", info.Mode().Perm(), st.Uid, st.Gid)
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, opts); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	f.Write(make([]byte, 1<<20))
	f.Close()
}

func onlyPDF(t *testing.T, dir string) []byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("CUPS-PDF wrote %d files in %s, want 1: %v", len(files), dir, files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// flat joins the lines pdftotext breaks, so a phrase wrapped on paper is
// still found.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func pages(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutPrefix(l, "Pages:"); ok {
			var p int
			for _, c := range strings.TrimSpace(n) {
				p = p*10 + int(c-'0')
			}
			return p
		}
	}
	return 0
}
