package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// CUPS prints through the CUPS command-line clients (lp, lpstat, cancel),
// present wherever CUPS is: every Linux desktop and macOS. The PDF goes to
// lp on its standard input, so no temporary file is ever written.
type CUPS struct {
	// Printer is the queue; empty means the CUPS default destination.
	Printer string
	// Server is "host:port" of the scheduler; empty means the system's
	// (tests point it at a private cupsd).
	Server string
	// Wait is how long to wait for the job to finish; 0 returns as soon
	// as CUPS has accepted it.
	Wait time.Duration
	// Poll is the interval between job checks (default 500 ms).
	Poll time.Duration
}

var requestID = regexp.MustCompile(`request id is (\S+-\d+)`)

// Print submits the PDF and, when Wait is set, waits for the job to finish.
// A job that has not finished in time is cancelled: a summary must not come
// out hours later in front of the next visitor.
func (c CUPS) Print(ctx context.Context, pdf []byte, title string) error {
	args := c.serverArgs()
	if c.Printer != "" {
		args = append(args, "-d", c.Printer)
	}
	args = append(args, "-t", title, "-o", "media=A4", "--", "-")
	out, err := c.run(ctx, bytes.NewReader(pdf), "lp", args...)
	if err != nil {
		return err
	}
	m := requestID.FindStringSubmatch(out)
	if m == nil {
		return fmt.Errorf("%w: lp gave no job id: %q", ErrNotResponding, strings.TrimSpace(out))
	}
	job := m[1]
	if c.Wait <= 0 {
		return nil
	}
	if err := c.waitJob(ctx, job); err != nil {
		// Best effort: the job may already be gone.
		c.run(context.WithoutCancel(ctx), nil, "cancel", append(c.serverArgs(), job)...)
		return err
	}
	return nil
}

func (c CUPS) serverArgs() []string {
	if c.Server == "" {
		return nil
	}
	return []string{"-h", c.Server}
}

// waitJob polls the job until CUPS has it among completed jobs, then reads
// how it ended. A job still queued whose reasons already say it failed (the
// printer stopped on an error) fails at once rather than after Wait.
func (c CUPS) waitJob(ctx context.Context, job string) error {
	ctx, cancel := context.WithTimeout(ctx, c.Wait)
	defer cancel()
	poll := c.Poll
	if poll <= 0 {
		poll = 500 * time.Millisecond
	}
	dest := job[:strings.LastIndexByte(job, '-')]
	for {
		pending, err := c.run(ctx, nil, "lpstat", append(c.serverArgs(), "-l", "-W", "not-completed", "-o", dest)...)
		if err != nil {
			return err
		}
		if queued, reasons := jobReasons(pending, job); queued {
			if failed(reasons) {
				return fmt.Errorf("%w: job %s is stuck: %s", ErrNotResponding, job, reasons)
			}
		} else {
			ended, err := c.run(ctx, nil, "lpstat", append(c.serverArgs(), "-l", "-W", "completed", "-o", dest)...)
			if err != nil {
				return err
			}
			// A job missing from both lists left with the history off,
			// which only a finished job does.
			if _, reasons := jobReasons(ended, job); failed(reasons) || strings.Contains(reasons, "canceled") {
				return fmt.Errorf("%w: job %s ended with %s", ErrNotResponding, job, reasons)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w: job %s not finished after %s", ErrNotResponding, job, c.Wait)
		case <-time.After(poll):
		}
	}
}

func failed(reasons string) bool {
	return strings.Contains(reasons, "job-completed-with-errors") || strings.Contains(reasons, "aborted") ||
		strings.Contains(reasons, "printer-stopped")
}

// jobReasons finds job in `lpstat -l -o` output, where each job's line is
// followed by indented details, among them "Alerts:" with the
// job-state-reasons.
func jobReasons(lpstat, job string) (found bool, reasons string) {
	lines := strings.Split(lpstat, "\n")
	for i, l := range lines {
		if f := strings.Fields(l); len(f) == 0 || f[0] != job {
			continue
		}
		for _, detail := range lines[i+1:] {
			if !strings.HasPrefix(detail, "\t") && !strings.HasPrefix(detail, " ") {
				break
			}
			if r, ok := strings.CutPrefix(strings.TrimSpace(detail), "Alerts:"); ok {
				return true, strings.TrimSpace(r)
			}
		}
		return true, ""
	}
	return false, ""
}

// running reports whether the CUPS scheduler answers.
func (c CUPS) running(ctx context.Context) bool {
	out, err := exec.CommandContext(ctx, "lpstat", append(c.serverArgs(), "-r")...).Output()
	return err == nil && strings.Contains(string(out), "scheduler is running")
}

// run runs a CUPS client and sorts its failures: an unknown or missing
// destination is ErrNoPrinter, anything else ErrNotResponding.
func (c CUPS) run(ctx context.Context, stdin *bytes.Reader, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// The C locale keeps CUPS messages in English, which the checks read.
	cmd.Env = append(cmd.Environ(), "LC_ALL=C", "LANG=C")
	err := cmd.Run()
	if err == nil {
		return stdout.String(), nil
	}
	msg := strings.TrimSpace(stderr.String())
	var exitErr *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return "", fmt.Errorf("%w: %s is not installed (CUPS)", ErrNoPrinter, name)
	case !errors.As(err, &exitErr):
		return "", fmt.Errorf("%w: %s: %v", ErrNotResponding, name, err)
	case strings.Contains(msg, "No default destination"),
		strings.Contains(msg, "does not exist"),
		strings.Contains(msg, "Invalid destination"):
		// A client that cannot reach the scheduler says the same: only a
		// running CUPS makes it a missing printer.
		if !c.running(ctx) {
			return "", fmt.Errorf("%w: CUPS is not running (%s)", ErrNotResponding, msg)
		}
		return "", fmt.Errorf("%w: %s", ErrNoPrinter, msg)
	}
	return "", fmt.Errorf("%w: %s: %s", ErrNotResponding, name, msg)
}
