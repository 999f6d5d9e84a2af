package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNumericVersion(t *testing.T) {
	for _, c := range []struct {
		version string
		build   int
		want    string
		err     string
	}{
		{"0.1.0", 1, "0,1,0,1", ""},
		{"12.0.65535", 0, "12,0,65535,0", ""},
		{"1.2", 1, "", "not MAJOR.MINOR.PATCH"},
		{"1.2.3-beta", 1, "", "not MAJOR.MINOR.PATCH"},
		{"1.02.3", 1, "", "not MAJOR.MINOR.PATCH"},
		{"1.2.70000", 1, "", "not MAJOR.MINOR.PATCH"},
		{"1.2.3", -1, "", "out of range"},
	} {
		got, err := numericVersion(c.version, c.build)
		if got != c.want || (err == nil) != (c.err == "") || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("numericVersion(%q, %d) = %q, %v; want %q, %q", c.version, c.build, got, err, c.want, c.err)
		}
	}
}

// TestWindowsFiles reads the real FyneApp.toml and checks what windres
// gets: the version in both forms, and an .ico whose directory matches its
// PNG images.
func TestWindowsFiles(t *testing.T) {
	m, err := readMeta("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeWindows(m, dir); err != nil {
		t.Fatal(err)
	}
	rc, _ := os.ReadFile(filepath.Join(dir, "pasapas.rc"))
	nums, _ := numericVersion(m.Details.Version, m.Details.Build)
	for _, want := range []string{"FILEVERSION " + nums, `"ProductVersion", "` + m.Details.Version + `"`, `"ProductName", "Pas à Pas"`, `1 ICON "pasapas.ico"`} {
		if !strings.Contains(string(rc), want) {
			t.Errorf("pasapas.rc lacks %s:\n%s", want, rc)
		}
	}
	ico, _ := os.ReadFile(filepath.Join(dir, "pasapas.ico"))
	le := binary.LittleEndian
	if le.Uint16(ico[2:]) != 1 || int(le.Uint16(ico[4:])) != len(icoSizes) {
		t.Fatalf("ico header % x", ico[:6])
	}
	for i, size := range icoSizes {
		e := ico[6+16*i:]
		n, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		img, err := png.Decode(bytes.NewReader(ico[off : off+n]))
		if err != nil {
			t.Fatalf("image %d: %v", i, err)
		}
		if img.Bounds().Dx() != size || int(e[0]) != size%256 {
			t.Errorf("image %d is %d px, directory says %d, want %d", i, img.Bounds().Dx(), e[0], size)
		}
	}
}

func TestIcons(t *testing.T) {
	m, err := readMeta("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeIcons(m, dir); err != nil {
		t.Fatal(err)
	}
	for _, size := range hicolorSizes {
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("%dx%d", size, size), "apps", m.Details.ID+".png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%d px icon: %v %dx%d", size, err, cfg.Width, cfg.Height)
		}
	}
}
