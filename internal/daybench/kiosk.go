package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"pasapas/internal/xbench"
)

// driver sends input to the program on screen and times what it shows.
type driver struct {
	d     *xbench.Display
	scr   *screen
	inj   *injector
	taps  map[string][]time.Duration // tap latencies by kind of screen
	cost  []time.Duration            // what each injection itself took
	still int                        // taps whose frame did not stay changed
}

// Waits on the screen: a frame is done when nothing changed for settleQuiet.
const (
	settleQuiet = 150 * time.Millisecond
	settleMax   = 3 * time.Second
	frameWait   = 10 * time.Second
)

// send runs an xdotool line and waits for the screen to settle after it.
// A key that changes nothing on screen (a Tab on a page without focus
// marks) only costs frameWait; the checkpoints in the database catch a
// visitor that went astray.
func (v *driver) send(line string) error {
	before := v.scr.settle(settleQuiet, settleMax)
	if _, err := v.inj.do(line); err != nil {
		return err
	}
	v.scr.changeAfter(before, 2*time.Second)
	v.scr.settle(settleQuiet, settleMax)
	return nil
}

// tap is send, timed: from just before the events go to the first frame
// that differs, on a screen of kind.
func (v *driver) tap(kind, line string) error {
	before := v.scr.settle(settleQuiet, settleMax)
	begin := time.Now()
	cost, err := v.inj.do(line)
	if err != nil {
		return err
	}
	at, ok := v.scr.changeAfter(before, frameWait)
	if !ok {
		return fmt.Errorf("%s: no new frame %s after %q", kind, frameWait, line)
	}
	v.taps[kind] = append(v.taps[kind], at.Sub(begin))
	v.cost = append(v.cost, cost)
	if v.scr.settle(settleQuiet, settleMax) == before {
		v.still++
	}
	return nil
}

// keyLine is xdotool's line for a key press, without its default 12 ms
// between press and release: Fyne acts on the press.
func keyLine(key string) string { return "key --clearmodifiers --delay 0 " + key }

func (v *driver) key(keys ...string) error {
	for _, k := range keys {
		if err := v.send(keyLine(k)); err != nil {
			return err
		}
	}
	return nil
}

// click clicks at a point given as fractions of the screen.
func (v *driver) clickLine(fx, fy float64) string {
	return fmt.Sprintf("mousemove --sync %d %d click 1", int(fx*float64(v.scr.width)), int(fy*float64(v.scr.height)))
}

func (v *driver) click(fx, fy float64) error { return v.send(v.clickLine(fx, fy)) }

// kiosk is the real binary with its data directory.
type kiosk struct {
	*driver
	cmd     *exec.Cmd
	dataDir string
	stderr  bytes.Buffer
	prn     *printer
}

const pin = "4821"

// prepare installs a data directory as a script would: the mediator code
// (so the kiosk opens on the visitors' welcome, not the first start's
// setup) and the printer.
func prepare(bin, dataDir, queue string) error {
	setPIN := exec.Command(bin, "set-pin", "--data-dir", dataDir)
	setPIN.Stdin = strings.NewReader(pin + "\n")
	if out, err := setPIN.CombinedOutput(); err != nil {
		return fmt.Errorf("set-pin: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "settings", "set", "printer.name", queue, "--data-dir", dataDir).CombinedOutput(); err != nil {
		return fmt.Errorf("settings set printer.name: %v\n%s", err, out)
	}
	return nil
}

// sql runs a query on the kiosk's database with the sqlite3 tool.
func (k *kiosk) sql(query string) (string, error) {
	out, err := exec.Command("sqlite3", filepath.Join(k.dataDir, "pasapas.db"), query).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("sqlite3 %q: %v\n%s", query, err, out)
	}
	return strings.TrimSpace(string(out)), nil
}

// reached waits until the database holds at least n rows for query (a
// count), which says the visitor reached screen.
func (k *kiosk) reached(screen, query string, n int) error {
	var got int
	var err error
	if xbench.Poll(30*time.Second, 50*time.Millisecond, func() bool {
		var out string
		if out, err = k.sql(query); err != nil {
			return true
		}
		got, _ = strconv.Atoi(out)
		return got >= n
	}) && err == nil {
		return nil
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("the screen %s was not reached: %s gave %d, want %d", screen, query, got, n)
}

func (k *kiosk) count(kind string) (int, error) {
	out, err := k.sql(eventsQuery(kind))
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(out)
}

// log is the kiosk's own log, for failure messages.
func (k *kiosk) log() string {
	b, _ := os.ReadFile(filepath.Join(k.dataDir, "pasapas.log"))
	return string(b)
}
