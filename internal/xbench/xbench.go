// Package xbench is what the benchmarks that run real windows share: an
// Xvfb + openbox display, optionally pinned to some cores, and a process's
// resident memory and CPU time read from /proc.
package xbench

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Display is a running Xvfb with openbox on it.
type Display struct {
	Name string
	// FBDir holds Xvfb_screen0, the screen as an XWD file, when asked for.
	FBDir string
	xvfb  *exec.Cmd
	wm    *exec.Cmd
}

// Pinned prefixes a command with taskset when cpus (a taskset list such
// as "0") is set.
func Pinned(cpus, name string, args ...string) *exec.Cmd {
	if cpus == "" {
		return exec.Command(name, args...)
	}
	return exec.Command("taskset", append([]string{"-c", cpus, name}, args...)...)
}

// StartX starts Xvfb on a free display number and openbox, both on cpus
// (empty: every core). A non-empty fbDir makes Xvfb keep its screen there
// as a memory-mapped file.
func StartX(width, height int, fbDir, cpus string) (*Display, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	args := []string{"-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp"}
	if fbDir != "" {
		args = append(args, "-fbdir", fbDir)
	}
	d := &Display{FBDir: fbDir, xvfb: Pinned(cpus, "Xvfb", args...)}
	d.xvfb.ExtraFiles = []*os.File{w}
	if err := d.xvfb.Start(); err != nil {
		w.Close()
		return nil, fmt.Errorf("Xvfb: %w", err)
	}
	w.Close()
	num := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		num <- strings.TrimSpace(line)
	}()
	select {
	case n := <-num:
		if n == "" {
			d.Stop()
			return nil, fmt.Errorf("Xvfb gave no display number")
		}
		d.Name = ":" + n
	case <-time.After(20 * time.Second):
		d.Stop()
		return nil, fmt.Errorf("Xvfb: no display after 20 s")
	}
	d.wm = Pinned(cpus, "openbox", "--sm-disable")
	d.wm.Env = d.Env()
	if err := d.wm.Start(); err != nil {
		d.Stop()
		return nil, fmt.Errorf("openbox: %w", err)
	}
	if !Poll(30*time.Second, 50*time.Millisecond, func() bool {
		out, _ := d.Command("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").Output()
		return strings.Contains(string(out), "window id")
	}) {
		d.Stop()
		return nil, fmt.Errorf("openbox did not show on the display within 30 s")
	}
	return d, nil
}

// Env is the environment of a program on the display, in French as the
// kiosk's visitors see it.
func (d *Display) Env() []string {
	return append(os.Environ(), "DISPLAY="+d.Name, "LANG=fr_FR.UTF-8")
}

// Command is a program run on the display.
func (d *Display) Command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = d.Env()
	return cmd
}

// WaitWindow waits until a visible window named title is mapped, and
// returns its id.
func (d *Display) WaitWindow(title string, timeout time.Duration) (string, error) {
	var id string
	if !Poll(timeout, 10*time.Millisecond, func() bool {
		out, err := d.Command("xdotool", "search", "--onlyvisible", "--name", title).Output()
		if f := strings.Fields(string(out)); err == nil && len(f) > 0 {
			id = f[0]
			return true
		}
		return false
	}) {
		return "", fmt.Errorf("no window %q after %s", title, timeout)
	}
	return id, nil
}

// Stop ends openbox and Xvfb.
func (d *Display) Stop() {
	for _, c := range []*exec.Cmd{d.wm, d.xvfb} {
		if c != nil && c.Process != nil {
			c.Process.Kill()
			c.Wait()
		}
	}
}

// Poll reports whether cond became true within timeout, checking every
// interval.
func Poll(timeout, interval time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(interval)
	}
	return true
}

// RSSMB is the resident memory of pid in MiB (VmRSS).
func RSSMB(pid int) (float64, error) {
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

// IdleCPU is the CPU pid uses over d, in percent of one core.
func IdleCPU(pid int, d time.Duration) (float64, error) {
	before, err := cpuTicks(pid)
	if err != nil {
		return 0, err
	}
	time.Sleep(d)
	after, err := cpuTicks(pid)
	if err != nil {
		return 0, err
	}
	const clockTicks = 100 // USER_HZ on Linux
	return float64(after-before) / clockTicks / d.Seconds() * 100, nil
}
