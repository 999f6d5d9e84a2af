// Command gen derives packaging files from FyneApp.toml, so that the name,
// ID, version and icon are written down once:
//
//	gen version            prints the version (for the Makefile)
//	gen windows DIR        writes DIR/pasapas.rc, .ico and .manifest (for windres)
//	gen icons DIR          writes DIR/<n>x<n>/apps/<ID>.png (freedesktop hicolor theme)
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"
	"golang.org/x/image/draw"
)

// Meta is the part of FyneApp.toml packaging needs.
type Meta struct {
	Website string
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
}

// readMeta reads FyneApp.toml in dir; the icon path is made relative to dir.
func readMeta(dir string) (*Meta, error) {
	var m Meta
	if _, err := toml.DecodeFile(filepath.Join(dir, "FyneApp.toml"), &m); err != nil {
		return nil, err
	}
	d := m.Details
	if d.Name == "" || d.ID == "" || d.Icon == "" {
		return nil, errors.New("FyneApp.toml: [Details] needs Name, ID and Icon")
	}
	if _, err := numericVersion(d.Version, d.Build); err != nil {
		return nil, err
	}
	m.Details.Icon = filepath.Join(dir, d.Icon)
	return &m, nil
}

// numericVersion turns "1.2.3" and build 4 into the four numbers Windows
// wants in a VERSIONINFO ("1,2,3,4").
func numericVersion(version string, build int) (string, error) {
	parts := strings.Split(version, ".")
	if len(parts) != 3 {
		return "", fmt.Errorf("FyneApp.toml: Version %q is not MAJOR.MINOR.PATCH", version)
	}
	for _, p := range parts {
		var n int
		if _, err := fmt.Sscanf(p, "%d", &n); err != nil || fmt.Sprint(n) != p || n > 65535 {
			return "", fmt.Errorf("FyneApp.toml: Version %q is not MAJOR.MINOR.PATCH", version)
		}
	}
	if build < 0 || build > 65535 {
		return "", fmt.Errorf("FyneApp.toml: Build %d is out of range", build)
	}
	return fmt.Sprintf("%s,%d", strings.Join(parts, ","), build), nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: gen version | gen windows DIR | gen icons DIR")
	}
	m, err := readMeta(".")
	if err != nil {
		return err
	}
	switch {
	case args[0] == "version" && len(args) == 1:
		fmt.Println(m.Details.Version)
		return nil
	case args[0] == "windows" && len(args) == 2:
		return writeWindows(m, args[1])
	case args[0] == "icons" && len(args) == 2:
		return writeIcons(m, args[1])
	}
	return fmt.Errorf("unknown command %q", strings.Join(args, " "))
}

// Windows needs an icon of 256 px at most; the smaller ones are what
// Explorer, the taskbar and the Start menu show without blurring.
var icoSizes = []int{16, 24, 32, 48, 64, 128, 256}

// Freedesktop hicolor sizes; the source icon (512) is installed as well.
var hicolorSizes = []int{48, 64, 128, 256}

func writeWindows(m *Meta, dir string) error {
	src, err := loadIcon(m.Details.Icon)
	if err != nil {
		return err
	}
	ico, err := encodeICO(src, icoSizes)
	if err != nil {
		return err
	}
	nums, _ := numericVersion(m.Details.Version, m.Details.Build)
	data := map[string]any{"M": m, "Numeric": nums, "Dotted": strings.ReplaceAll(nums, ",", ".")}
	var rc, manifest bytes.Buffer
	if err := rcTemplate.Execute(&rc, data); err != nil {
		return err
	}
	if err := manifestTemplate.Execute(&manifest, data); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"pasapas.rc": rc.Bytes(), "pasapas.ico": ico, "pasapas.manifest": manifest.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeIcons(m *Meta, dir string) error {
	src, err := loadIcon(m.Details.Icon)
	if err != nil {
		return err
	}
	write := func(size int, img image.Image) error {
		d := filepath.Join(dir, fmt.Sprintf("%dx%d", size, size), "apps")
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(d, m.Details.ID+".png"), b.Bytes(), 0o644)
	}
	for _, size := range hicolorSizes {
		if err := write(size, scale(src, size)); err != nil {
			return err
		}
	}
	return write(src.Bounds().Dx(), src)
}

func loadIcon(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 256 {
		return nil, fmt.Errorf("%s: the icon must be square and at least 256 px, not %dx%d", path, b.Dx(), b.Dy())
	}
	return img, nil
}

func scale(src image.Image, size int) image.Image {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// encodeICO writes an .ico whose images are PNGs (read by Windows Vista and
// later, and by windres, which only splits the directory).
func encodeICO(src image.Image, sizes []int) ([]byte, error) {
	var images [][]byte
	for _, size := range sizes {
		var b bytes.Buffer
		if err := png.Encode(&b, scale(src, size)); err != nil {
			return nil, err
		}
		images = append(images, b.Bytes())
	}
	var out bytes.Buffer
	le := binary.LittleEndian
	out.Write(le.AppendUint16(le.AppendUint16(le.AppendUint16(nil, 0), 1), uint16(len(sizes))))
	offset := 6 + 16*len(sizes)
	for i, size := range sizes {
		dim := byte(size % 256) // 0 means 256
		entry := []byte{dim, dim, 0, 0}
		entry = le.AppendUint16(entry, 1)  // colour planes
		entry = le.AppendUint16(entry, 32) // bits per pixel
		entry = le.AppendUint32(entry, uint32(len(images[i])))
		entry = le.AppendUint32(entry, uint32(offset))
		out.Write(entry)
		offset += len(images[i])
	}
	for _, img := range images {
		out.Write(img)
	}
	return out.Bytes(), nil
}

// The resource script: icon, manifest and version information (French,
// Unicode). Numbers instead of winver.h names keep windres free of headers.
var rcTemplate = template.Must(template.New("rc").Parse(`#pragma code_page(65001)
1 ICON "pasapas.ico"
1 24 "pasapas.manifest"
1 VERSIONINFO
FILEVERSION {{.Numeric}}
PRODUCTVERSION {{.Numeric}}
FILEFLAGSMASK 0x3f
FILEFLAGS 0
FILEOS 0x40004
FILETYPE 1
FILESUBTYPE 0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040c04b0"
    BEGIN
      VALUE "CompanyName", "{{.M.Details.Name}}"
      VALUE "FileDescription", "{{.M.Details.Name}}"
      VALUE "FileVersion", "{{.Dotted}}"
      VALUE "InternalName", "pasapas"
      VALUE "OriginalFilename", "pasapas.exe"
      VALUE "ProductName", "{{.M.Details.Name}}"
      VALUE "ProductVersion", "{{.M.Details.Version}}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x040c, 1200
  END
END
`))

// The manifest: runs as the user (never asks for elevation), declares
// Windows 10/11, and asks for the current common controls so the error
// message box looks like the rest of Windows.
var manifestTemplate = template.Must(template.New("manifest").Parse(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="{{.M.Details.ID}}" version="{{.Dotted}}" processorArchitecture="amd64"/>
  <description>{{.M.Details.Name}}</description>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
    </application>
  </compatibility>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
</assembly>
`))
