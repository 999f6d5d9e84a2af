// Package printtest holds what tests of printing need from the real system:
// a private CUPS scheduler with CUPS-PDF virtual printers (the job goes
// through cupsd, the cups-filters chain and the cups-pdf backend, and comes
// out as a PDF file), a full disk, and poppler to read PDFs back.
//
// The scheduler runs from a temporary directory on its own port, so the
// machine's CUPS and printers are never touched. It needs root, as CI has:
// the cups-pdf backend only runs as root. CUPS-PDF reads its settings from
// /etc/cups/cups-pdf-<instance>.conf only, so each printer writes one such
// file, with a name unique to the test, removed at the end.
package printtest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"pasapas/internal/syspkg"
)

// Packages the real-printing tests need (scripts/deps.sh installs them).
var tools = map[string]string{
	"cupsd":                          "cups-daemon",
	"lp":                             "cups-client",
	"lpadmin":                        "cups-client",
	"/usr/lib/cups/backend/cups-pdf": "printer-driver-cups-pdf",
	"/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd": "printer-driver-cups-pdf",
	"pdftotext": "poppler-utils",
}

// Server is a running private cupsd.
type Server struct {
	// Addr is "127.0.0.1:port", for CUPS.Server.
	Addr string
	dir  string
	cmd  *exec.Cmd
	// exited receives cupsd's end once; done says it was received.
	exited <-chan error
	done   bool
	t      testing.TB
}

var instances atomic.Int64

// StartCUPS starts a private cupsd, or skips the test when it cannot run here:
// not root, or CUPS missing. With PASAPAS_E2E=1 (make test) a missing
// package fails the test instead, since deps.sh should have installed it.
func StartCUPS(t testing.TB) *Server {
	t.Helper()
	s, err := StartCUPSWith(t, "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// StartCUPSWith starts a private cupsd with extraFiles appended to its
// cups-files.conf. A scheduler that does not start is an error naming
// cups-daemon, its version and the first lines of cupsd's own log.
func StartCUPSWith(t testing.TB, extraFiles string) (*Server, error) {
	t.Helper()
	for tool, pkg := range tools {
		_, err := exec.LookPath(tool)
		if filepath.IsAbs(tool) {
			_, err = os.Stat(tool)
		}
		if err != nil {
			if os.Getenv("PASAPAS_E2E") != "" {
				t.Fatalf("%s is missing: install %s (scripts/deps.sh test)", tool, pkg)
			}
			t.Skipf("%s is missing (package %s)", tool, pkg)
		}
	}
	if os.Geteuid() != 0 {
		t.Skip("a real CUPS-PDF printer needs root (its backend runs only as root)")
	}
	// cupsd runs filters as user lp, who must reach the spool and temp
	// directories: t.TempDir's parent is private to root, so not there.
	dir, err := os.MkdirTemp("", "pasapas-cups-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"spool", "cache", "state", "log"} {
		mkdir(t, filepath.Join(dir, d), 0o755)
	}
	mkdir(t, filepath.Join(dir, "tmp"), 0o1777)
	port := freePort(t)
	s := &Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), dir: dir, t: t}
	write(t, filepath.Join(dir, "cupsd.conf"), fmt.Sprintf(`Listen %s
ServerName 127.0.0.1
LogLevel info
Browsing No
WebInterface No
DefaultAuthType None
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
`, s.Addr))
	// Every directive has a value: cups-daemon 2.4.2-3+deb12u10 refuses a
	// bare one ("Missing value for Printcap") where older builds took it.
	// The printcap goes into the private directory, away from /etc/printcap.
	write(t, filepath.Join(dir, "cups-files.conf"), fmt.Sprintf(`ServerRoot %[1]s
RequestRoot %[1]s/spool
TempDir %[1]s/tmp
CacheDir %[1]s/cache
StateDir %[1]s/state
AccessLog %[1]s/log/access_log
ErrorLog %[1]s/log/error_log
PageLog %[1]s/log/page_log
Printcap %[1]s/printcap
ServerBin /usr/lib/cups
DataDir /usr/share/cups
SystemGroup root
FileDevice No
`, dir)+extraFiles)
	s.cmd = exec.Command("cupsd", "-f", "-c", filepath.Join(dir, "cupsd.conf"), "-s", filepath.Join(dir, "cups-files.conf"))
	var stderr bytes.Buffer
	s.cmd.Stderr = &stderr
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s", syspkg.StartFailure("cupsd", "cups-daemon", err.Error(), ""))
	}
	exited := make(chan error, 1)
	go func() { exited <- s.cmd.Wait() }()
	s.exited = exited
	t.Cleanup(s.Stop)
	failed := func(why string) error {
		return fmt.Errorf("%s", syspkg.StartFailure("cupsd", "cups-daemon", why, strings.TrimSpace(stderr.String()+"\n"+s.Log())))
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-exited:
			s.done = true
			return nil, failed(fmt.Sprintf("it exited (%v)", err))
		default:
		}
		out, _ := exec.Command("lpstat", "-h", s.Addr, "-r").Output()
		if strings.Contains(string(out), "is running") && !strings.Contains(string(out), "not running") {
			return s, nil
		}
		if time.Now().After(deadline) {
			return nil, failed("lpstat did not see it running within 15 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// AddPDFPrinter adds a CUPS-PDF queue named name that writes into out.
func (s *Server) AddPDFPrinter(name, out string) {
	s.t.Helper()
	instance := fmt.Sprintf("pasapas-test-%d-%d", os.Getpid(), instances.Add(1))
	conf := filepath.Join("/etc/cups", "cups-pdf-"+instance+".conf")
	write(s.t, conf, fmt.Sprintf("Out %[1]s\nAnonDirName %[1]s\nLabel 0\nGrp root\nLog %[2]s/log\n", out, s.dir))
	s.t.Cleanup(func() { os.Remove(conf) })
	// pdftocairo keeps the text extractable through CUPS-PDF's PostScript
	// step; the default renderer turns it into unreadable glyphs.
	cmd := exec.Command("lpadmin", "-h", s.Addr, "-p", name, "-E", "-v", "cups-pdf:/"+instance,
		"-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "-o", "pdftops-renderer-default=pdftocairo")
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("lpadmin: %v: %s", err, out)
	}
}

// Stop stops the scheduler; a print afterwards meets a stopped CUPS.
func (s *Server) Stop() {
	if s.cmd == nil || s.done {
		return
	}
	s.done = true
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// SpoolDir is where cupsd keeps jobs until they are printed.
func (s *Server) SpoolDir() string { return filepath.Join(s.dir, "spool") }

// Log is cupsd's error log, for failure messages.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "log", "error_log"))
	return string(b)
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func mkdir(t testing.TB, dir string, mode os.FileMode) {
	if err := os.MkdirAll(dir, mode); err != nil {
		t.Fatal(err)
	}
	// MkdirAll's mode passes through the umask; the sticky, world-writable
	// temp directory needs it exactly.
	if err := os.Chmod(dir, mode); err != nil {
		t.Fatal(err)
	}
}

func write(t testing.TB, path, text string) {
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
