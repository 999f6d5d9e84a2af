// Command startbench measures the real kiosk against a bare Fyne window
// under Xvfb + openbox, alternating runs: time until the window is mapped,
// RSS after 5 s, and CPU used while idle for 10 s. It prints a table and the
// ratios against the targets of the brief (start ≤ 1.2× bare, RSS ≤ bare +
// 40 MB, idle CPU ≤ bare). It is a benchmark, not a test: it never fails on
// the numbers.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
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
	flag.Parse()
	if *kiosk == "" || *bare == "" {
		fmt.Fprintln(os.Stderr, "usage: startbench --kiosk BIN --bare BIN [--runs N]")
		os.Exit(2)
	}
	display, stop, err := startX()
	if err != nil {
		fmt.Fprintln(os.Stderr, "startbench:", err)
		os.Exit(1)
	}
	defer stop()

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
			s, err := measure(display, p.bin, p.title, args)
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
	fmt.Printf("\nmedians of %d runs each\n", *runs)
	fmt.Printf("start ratio  %.2f× (target ≤ 1.20×)\n", float64(k.start)/float64(b.start))
	fmt.Printf("RSS extra    %+.1f MB (target ≤ +40 MB)\n", k.rssMB-b.rssMB)
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

func startX() (string, func(), error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w}
	if err := xvfb.Start(); err != nil {
		return "", nil, err
	}
	w.Close()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		xvfb.Process.Kill()
		return "", nil, fmt.Errorf("Xvfb: %w", err)
	}
	display := ":" + strings.TrimSpace(line)
	wm := exec.Command("openbox", "--sm-disable")
	wm.Env = append(os.Environ(), "DISPLAY="+display)
	if err := wm.Start(); err != nil {
		xvfb.Process.Kill()
		return "", nil, err
	}
	time.Sleep(time.Second)
	return display, func() { wm.Process.Kill(); xvfb.Process.Kill(); wm.Wait(); xvfb.Wait() }, nil
}

func measure(display, bin, title string, args []string) (sample, error) {
	var s sample
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "LANG=fr_FR.UTF-8")
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return s, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	for {
		search := exec.Command("xdotool", "search", "--onlyvisible", "--name", title)
		search.Env = cmd.Env
		out, err := search.Output()
		if err == nil && len(strings.TrimSpace(string(out))) > 0 {
			break
		}
		if time.Since(begin) > 30*time.Second {
			return s, fmt.Errorf("no window after 30 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.start = time.Since(begin)
	time.Sleep(5*time.Second - s.start)
	rss, err := rssMB(cmd.Process.Pid)
	if err != nil {
		return s, err
	}
	s.rssMB = rss
	before, err := cpuTicks(cmd.Process.Pid)
	if err != nil {
		return s, err
	}
	const idle = 10 * time.Second
	time.Sleep(idle)
	after, err := cpuTicks(cmd.Process.Pid)
	if err != nil {
		return s, err
	}
	const clockTicks = 100 // USER_HZ on Linux
	s.idleCPU = float64(after-before) / clockTicks / idle.Seconds() * 100
	return s, nil
}

func rssMB(pid int) (float64, error) {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, err := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS")
}

// cpuTicks is user + system time of pid, in clock ticks.
func cpuTicks(pid int) (int64, error) {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, err
	}
	// Fields after the command name, which is in parentheses.
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return utime + stime, nil
}
