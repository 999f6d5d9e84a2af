// Command startbench measures the real kiosk against a bare Fyne window
// under Xvfb + openbox, alternating runs: time until the window is mapped,
// RSS after 5 s, and CPU used while idle for 10 s. It prints a table and the
// ratios against the targets of the brief (start ≤ 1.1× bare, RSS ≤ bare +
// 30 MB, idle CPU ≤ bare). With --cpus the display and both programs run on
// those cores only (taskset). It is a benchmark, not a test: it never fails
// on the numbers.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"pasapas/internal/xbench"
)

type sample struct {
	start   time.Duration
	rssMB   float64
	idleCPU float64 // percent of one core
}

func main() {
	runs := flag.Int("runs", 3, "runs of each program")
	kiosk := flag.String("kiosk", "", "kiosk binary")
	bare := flag.String("bare", "", "bare window binary")
	cpus := flag.String("cpus", "", "run everything on these cores (taskset list, e.g. 0)")
	flag.Parse()
	if *kiosk == "" || *bare == "" {
		fmt.Fprintln(os.Stderr, "usage: startbench --kiosk BIN --bare BIN [--runs N] [--cpus LIST]")
		os.Exit(2)
	}
	display, err := xbench.StartX(1920, 1080, "", *cpus)
	if err != nil {
		fmt.Fprintln(os.Stderr, "startbench:", err)
		os.Exit(1)
	}
	defer display.Stop()

	results := map[string][]sample{}
	progs := []struct{ name, bin, title string }{
		{"bare", *bare, "bare window"},
		{"kiosk", *kiosk, "Pas à Pas"},
	}
	for i := 0; i < *runs; i++ {
		for _, p := range progs {
			dataDir, _ := os.MkdirTemp("", "startbench")
			args := []string{}
			if p.name == "kiosk" {
				args = []string{"--data-dir", dataDir}
			}
			s, err := measure(display, *cpus, p.bin, p.title, args)
			os.RemoveAll(dataDir)
			if err != nil {
				fmt.Fprintf(os.Stderr, "startbench: %s: %v\n", p.name, err)
				os.Exit(1)
			}
			results[p.name] = append(results[p.name], s)
		}
	}
	b, k := median(results["bare"]), median(results["kiosk"])
	fmt.Printf("\n%-8s %14s %10s %14s\n", "program", "window (ms)", "RSS (MB)", "idle CPU (%)")
	for _, row := range []struct {
		name string
		s    sample
	}{{"bare", b}, {"kiosk", k}} {
		fmt.Printf("%-8s %14d %10.1f %14.2f\n", row.name, row.s.start.Milliseconds(), row.s.rssMB, row.s.idleCPU)
	}
	cores := "every core"
	if *cpus != "" {
		cores = "taskset -c " + *cpus + " (Xvfb, openbox and the program)"
	}
	fmt.Printf("\nmedians of %d runs each, %s\n", *runs, cores)
	fmt.Printf("start ratio  %.2f× (target ≤ 1.10×)\n", float64(k.start)/float64(b.start))
	fmt.Printf("RSS extra    %+.1f MB (target ≤ +30 MB)\n", k.rssMB-b.rssMB)
	fmt.Printf("idle CPU     %.2f%% vs %.2f%% (target ≤ bare)\n", k.idleCPU, b.idleCPU)
	if info, err := os.Stat(*kiosk); err == nil {
		fmt.Printf("binary size  %.1f MB\n", float64(info.Size())/1e6)
	}
}

func median(s []sample) sample {
	pick := func(f func(sample) float64) float64 {
		v := make([]float64, len(s))
		for i := range s {
			v[i] = f(s[i])
		}
		sort.Float64s(v)
		return v[len(v)/2]
	}
	return sample{
		start:   time.Duration(pick(func(x sample) float64 { return float64(x.start) })),
		rssMB:   pick(func(x sample) float64 { return x.rssMB }),
		idleCPU: pick(func(x sample) float64 { return x.idleCPU }),
	}
}

func measure(display *xbench.Display, cpus, bin, title string, args []string) (sample, error) {
	var s sample
	cmd := xbench.Pinned(cpus, bin, args...)
	cmd.Env = display.Env()
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return s, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if _, err := display.WaitWindow(title, 30*time.Second); err != nil {
		return s, err
	}
	s.start = time.Since(begin)
	time.Sleep(5*time.Second - s.start)
	rss, err := xbench.RSSMB(cmd.Process.Pid)
	if err != nil {
		return s, err
	}
	s.rssMB = rss
	s.idleCPU, err = xbench.IdleCPU(cmd.Process.Pid, 10*time.Second)
	return s, err
}
