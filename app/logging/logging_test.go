package logging

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCappedFileKeepsOnePreviousFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.log")
	c, err := OpenCapped(path, 100)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("a", 39) + "\n")
	for i := 0; i < 10; i++ {
		if _, err := c.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	cur, _ := os.ReadFile(path)
	old, _ := os.ReadFile(path + ".1")
	if len(cur) > 100 || len(old) > 100 || len(old) == 0 {
		t.Fatalf("current %d bytes, previous %d bytes; want both ≤ 100 and a previous file", len(cur), len(old))
	}
	if !bytes.HasSuffix(cur, line) {
		t.Fatal("last line lost")
	}
}

func TestSetupWritesToFileAndStderr(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	log, closer, err := Setup(dir, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("kiosk started")
	closer.Close()
	data, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !strings.Contains(string(data), "kiosk started") || !strings.Contains(stderr.String(), "kiosk started") {
		t.Fatalf("file %q stderr %q", data, stderr.String())
	}
}
