package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"pasapas/printing/printtest"
)

// runner gives printtest, written for tests, what it asks of a test: a
// failure or a skip stops the benchmark with its message, and clean-ups run
// when the benchmark ends. Other testing.TB methods are not called by it.
type runner struct {
	testing.TB
	cleanups []func()
}

// failure is a runner's Fatal or Skip, recovered by main.
type failure string

func (r *runner) Helper()                      {}
func (r *runner) Cleanup(f func())             { r.cleanups = append(r.cleanups, f) }
func (r *runner) Fatal(args ...any)            { panic(failure(fmt.Sprint(args...))) }
func (r *runner) Fatalf(f string, args ...any) { panic(failure(fmt.Sprintf(f, args...))) }
func (r *runner) Skip(args ...any)             { panic(failure("cannot print: " + fmt.Sprint(args...))) }
func (r *runner) Skipf(f string, args ...any) {
	panic(failure("cannot print: " + fmt.Sprintf(f, args...)))
}

func (r *runner) cleanUp() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
	r.cleanups = nil
}

// printer is a private cupsd with one CUPS-PDF queue: the kiosk finds it
// through CUPS_SERVER, which the CUPS clients it runs (lp, lpstat) read.
type printer struct {
	server *printtest.Server
	queue  string
	out    string // where CUPS-PDF writes the summaries
}

func startPrinter(r *runner) *printer {
	s := printtest.StartCUPS(r)
	out, err := os.MkdirTemp("", "daybench-pdf")
	if err != nil {
		r.Fatal(err)
	}
	r.Cleanup(func() { os.RemoveAll(out) })
	p := &printer{server: s, queue: "daybench", out: out}
	s.AddPDFPrinter(p.queue, out)
	return p
}

// printed counts the PDFs CUPS-PDF has written.
func (p *printer) printed() int {
	m, _ := filepath.Glob(filepath.Join(p.out, "*.pdf"))
	return len(m)
}
