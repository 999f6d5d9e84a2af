// Command daybench runs a day at the kiosk: the real binary under Xvfb +
// openbox, a dozen varied visitors driven with xdotool (the assessment with
// its exercises and the summary printed to a private CUPS-PDF queue, whole
// walkthroughs, the largest text, dark contrast, stuck and sent to the
// mediator), beside the bare Fyne window (internal/barewindow). It reads
// the resident memory after the 1st, 4th and 12th visitor, the idle CPU on
// welcome afterwards, and the tap latency on walkthrough steps and
// assessment questions: from the key sent to the first new frame in Xvfb's
// framebuffer (-fbdir, mapped and polled every millisecond).
//
// It does this on every core, with the kiosk (and the bare window) alone
// on core 0, and with Xvfb, openbox and the program all on core 0; the
// benchmark itself and xdotool are never pinned. It is a benchmark: it
// never fails on the numbers, only when a screen is not reached.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"pasapas/internal/xbench"
)

// mode is where the programs run: display (Xvfb, openbox) and program
// cores as taskset lists, empty for every core.
type mode struct{ name, display, program string }

var modes = []mode{
	{"2 cores", "", ""},
	{"kiosk on cpu 0", "", "0"},
	{"all on cpu 0", "0", "0"},
}

type result struct {
	bareRSS, bareIdle float64
	bareTaps          []time.Duration
	rss5, idle        float64
	rssAfter          []float64 // after each visitor
	taps              map[string][]time.Duration
	cost              []time.Duration
	still             int
}

func main() {
	kioskBin := flag.String("kiosk", "", "kiosk binary")
	bareBin := flag.String("bare", "", "bare window binary")
	visitors := flag.Int("visitors", 12, "visitors in a day")
	only := flag.String("modes", "", "comma-separated subset of the modes (2 cores, kiosk on cpu 0, all on cpu 0)")
	flag.Parse()
	// The targets compare the 4th visitor and the last.
	if *kioskBin == "" || *bareBin == "" || *visitors < 4 {
		fmt.Fprintln(os.Stderr, "usage: daybench --kiosk BIN --bare BIN [--visitors N ≥ 4] [--modes LIST]")
		os.Exit(2)
	}
	run := modes
	if *only != "" {
		run = slices.DeleteFunc(slices.Clone(modes), func(m mode) bool { return !strings.Contains(*only, m.name) })
	}
	r := &runner{}
	results, err := day(r, run, *kioskBin, *bareBin, *visitors)
	r.cleanUp()
	if err != nil {
		fmt.Fprintln(os.Stderr, "daybench:", err)
		os.Exit(1)
	}
	report(run, results, *visitors)
}

// day runs every mode, stopping at the first failure; printtest's fatal
// errors come as a failure panic.
func day(r *runner, run []mode, kioskBin, bareBin string, visitors int) (results []result, err error) {
	defer func() {
		if f, ok := recover().(failure); ok {
			err = errors.New(string(f))
		}
	}()
	prn := startPrinter(r)
	for _, m := range run {
		fmt.Fprintf(os.Stderr, "daybench: %s…\n", m.name)
		res, err := runMode(m, prn, kioskBin, bareBin, visitors)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.name, err)
		}
		results = append(results, res)
	}
	return results, nil
}

func runMode(m mode, prn *printer, kioskBin, bareBin string, visitors int) (res result, err error) {
	fbDir, err := os.MkdirTemp("", "daybench-fb")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(fbDir)
	d, err := xbench.StartX(1920, 1080, fbDir, m.display)
	if err != nil {
		return res, err
	}
	defer d.Stop()
	scr, err := mapScreen(fbDir)
	if err != nil {
		return res, err
	}
	inj, err := startInjector(d)
	if err != nil {
		return res, err
	}
	defer inj.stop()
	drv := &driver{d: d, scr: scr, inj: inj, taps: map[string][]time.Duration{}}

	if err := bare(m, drv, bareBin, &res); err != nil {
		return res, fmt.Errorf("bare window: %w", err)
	}
	drv.taps, drv.cost, drv.still = map[string][]time.Duration{}, nil, 0
	if err := kioskDay(m, drv, prn, kioskBin, visitors, &res); err != nil {
		return res, fmt.Errorf("kiosk: %w", err)
	}
	return res, nil
}

// screenshot keeps the screen of a failed run in $PASAPAS_ARTEFACTS/daybench
// (make sets it), else in the temporary directory.
func screenshot(d *xbench.Display, name string) (string, error) {
	dir := os.TempDir()
	if base := os.Getenv("PASAPAS_ARTEFACTS"); base != "" {
		dir = filepath.Join(base, "daybench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "failed-"+strings.ReplaceAll(name, " ", "-")+".png")
	return path, d.Command("import", "-window", "root", path).Run()
}

// bareTaps is how often the bare window's button is clicked.
const bareTaps = 15

// bare measures the bare window: RSS 5 s after start, idle CPU over 10 s,
// and its button's answer to a click (the pressed colour), which checks
// the latency method against the smallest Fyne program.
func bare(m mode, drv *driver, bin string, res *result) error {
	cmd := xbench.Pinned(m.program, bin)
	cmd.Env = drv.d.Env()
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if _, err := drv.d.WaitWindow("bare window", 30*time.Second); err != nil {
		return err
	}
	time.Sleep(5*time.Second - time.Since(begin))
	var err error
	if res.bareRSS, err = xbench.RSSMB(cmd.Process.Pid); err != nil {
		return err
	}
	if res.bareIdle, err = xbench.IdleCPU(cmd.Process.Pid, 10*time.Second); err != nil {
		return err
	}
	// The button is the second row of the window, under the label.
	if _, err := drv.inj.do(fmt.Sprintf("mousemove --sync %d %d", drv.scr.width/2, bareButtonY)); err != nil {
		return err
	}
	for range bareTaps {
		if err := drv.tap("bare button", "click 1"); err != nil {
			return err
		}
	}
	res.bareTaps = drv.taps["bare button"]
	return nil
}

// bareButtonY is the middle of the bare window's button at 1920×1080.
const bareButtonY = 70

// kioskDay runs the kiosk through the day's visitors.
func kioskDay(m mode, drv *driver, prn *printer, bin string, visitors int, res *result) error {
	dataDir, err := os.MkdirTemp("", "daybench-data")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dataDir)
	if err := prepare(bin, dataDir, prn.queue); err != nil {
		return err
	}
	k := &kiosk{driver: drv, dataDir: dataDir, prn: prn}
	k.cmd = xbench.Pinned(m.program, bin, "--data-dir", dataDir)
	k.cmd.Env = append(drv.d.Env(), "CUPS_SERVER="+prn.server.Addr)
	k.cmd.Stderr = &k.stderr
	begin := time.Now()
	if err := k.cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- k.cmd.Wait() }()
	defer func() { k.cmd.Process.Kill(); <-exited }()
	fail := func(err error) error {
		if shot, e := screenshot(drv.d, m.name); e == nil {
			err = fmt.Errorf("%w\nthe screen then: %s", err, shot)
		}
		select {
		case e := <-exited:
			exited <- e
			return fmt.Errorf("%w (the kiosk exited: %v)\n%s", err, e, tail(k.stderr.String(), 20))
		default:
			return fmt.Errorf("%w\nits log ends with:\n%s", err, tail(k.log(), 10))
		}
	}
	if _, err := drv.d.WaitWindow("Pas à Pas", 30*time.Second); err != nil {
		return fail(err)
	}
	time.Sleep(5*time.Second - time.Since(begin))
	pid := k.cmd.Process.Pid
	if res.rss5, err = xbench.RSSMB(pid); err != nil {
		return fail(err)
	}
	for i := 1; i <= visitors; i++ {
		if err := k.visitor(i); err != nil {
			return fail(fmt.Errorf("visitor %d (%s): %w", i, path(i), err))
		}
		// Read on welcome once it has settled, as between two visitors of a
		// real day: the kiosk gives a visit's memory back a second after
		// welcome (ui/shell BackToWelcome).
		time.Sleep(2 * time.Second)
		rss, err := xbench.RSSMB(pid)
		if err != nil {
			return fail(err)
		}
		res.rssAfter = append(res.rssAfter, rss)
		fmt.Fprintf(os.Stderr, "daybench:   visitor %d (%s): RSS %.0f MB\n", i, path(i), rss)
	}
	finished, err := k.sql("SELECT count(*) FROM sessions WHERE status = 'finished'")
	if err != nil {
		return fail(err)
	}
	if atoi(finished) != visitors {
		return fail(fmt.Errorf("%s finished sessions for %d visitors", finished, visitors))
	}
	drv.scr.settle(settleQuiet, settleMax)
	if res.idle, err = xbench.IdleCPU(pid, 10*time.Second); err != nil {
		return fail(err)
	}
	res.taps, res.cost, res.still = drv.taps, drv.cost, drv.still
	return nil
}
