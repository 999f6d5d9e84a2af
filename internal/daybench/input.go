package main

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"pasapas/internal/xbench"
)

// injector sends keys and clicks through one long-lived `xdotool -`, which
// runs each line as it comes: no process start per key. Each command is
// followed by getmouselocation, whose answer says xdotool has sent the
// events, so the cost of the injection itself is measured.
type injector struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startInjector(d *xbench.Display) (*injector, error) {
	cmd := d.Command("xdotool", "-")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &injector{cmd: cmd, in: in, out: bufio.NewReader(out)}, nil
}

// do runs one xdotool command line and returns when xdotool has run it.
func (j *injector) do(line string) (time.Duration, error) {
	begin := time.Now()
	if _, err := fmt.Fprintf(j.in, "%s\ngetmouselocation\n", line); err != nil {
		return 0, err
	}
	ack, err := j.out.ReadString('\n')
	if err != nil {
		return 0, fmt.Errorf("xdotool stopped after %q: %v", line, err)
	}
	if !strings.HasPrefix(ack, "x:") {
		return 0, fmt.Errorf("xdotool answered %q to %q", ack, line)
	}
	return time.Since(begin), nil
}

func (j *injector) stop() {
	j.in.Close()
	j.cmd.Wait()
}
