// Package fault tests the kiosk against what happens to a kiosk in the
// field: the plug pulled mid-session, a full disk, a long day of visitors.
// The tests drive the real store and services (and, for the long day, the
// headless UI); the long ones have a short default and an environment
// variable for the full length.
package fault

import (
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/sirupsen/logrus"
)

// TestMain lets the test binary run itself as a kiosk core (see driver):
// the power-cut test kills that process, not itself.
func TestMain(m *testing.M) {
	if dir := os.Getenv(driverEnv); dir != "" {
		os.Exit(driver(dir))
	}
	os.Exit(m.Run())
}

// envDuration reads a duration in seconds from name, else def.
func envDuration(t *testing.T, name string, def time.Duration) time.Duration {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	secs, err := strconv.Atoi(v)
	if err != nil || secs <= 0 {
		t.Fatalf("%s=%q: want a number of seconds", name, v)
	}
	return time.Duration(secs) * time.Second
}

// envInt reads a count from name, else def.
func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

func quietLog() *logrus.Logger {
	log := logrus.New()
	log.SetOutput(io.Discard)
	return log
}
