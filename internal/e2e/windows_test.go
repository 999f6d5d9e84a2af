package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"pasapas/app"
	"pasapas/internal/syspkg"
)

// TestWindowsPackages checks the files make windows, installer and zip
// built: a stripped 64-bit GUI program that needs no DLL beyond Windows',
// with its icon, manifest and version, and the portable zip.
func TestWindowsPackages(t *testing.T) {
	dist := requireDist(t, "make test-windows")
	exe := filepath.Join(dist, "pasapas.exe")
	checkExe(t, exe)
	checkZip(t, dist, exe)
}

// TestWindowsUnderWine runs them as a centre's PC would, under Wine
// (Debian's wine 8.0) on Xvfb: the command line, the kiosk window, the
// message when OpenGL 2.1 is missing, then the installer and uninstaller.
// One Wine prefix serves every step: making one takes half a minute.
func TestWindowsUnderWine(t *testing.T) {
	requireE2E(t)
	dist := requireDist(t, "make test-windows")
	exe := filepath.Join(dist, "pasapas.exe")
	for _, tool := range []string{"wine", "wineserver", "x86_64-w64-mingw32-gcc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make test, which installs it", tool)
		}
	}
	w := newWine(t, startDisplay(t, 1280, 800))

	if out, code := w.win(t, exe, "version"); code != 0 || strings.TrimSpace(out) != "pasapas "+app.Version {
		t.Fatalf("version: exit %d, output %q", code, out)
	}
	if out, code := w.win(t, exe, "check-content"); code != 0 || !strings.Contains(out, "ok      languages.yaml (built-in)") {
		t.Fatalf("check-content: exit %d, output:\n%s", code, out)
	}
	// A centre's broken file is named with its line, in a Windows path.
	content := t.TempDir()
	os.MkdirAll(filepath.Join(content, "walkthroughs"), 0o755)
	os.WriteFile(filepath.Join(content, "walkthroughs", "zz-broken.yaml"), []byte("id: x\nsteps: [\n"), 0o644)
	if _, errOut, code := w.win3(t, exe, "check-content", "Z:"+strings.ReplaceAll(content, "/", `\`)); code != 1 || !strings.Contains(errOut, "zz-broken.yaml:") {
		t.Fatalf("check-content of a broken file: exit %d, standard error:\n%s", code, errOut)
	}
	checkWineKiosk(t, w, exe)
	checkWineNoOpenGL(t, w, exe)
	checkInstaller(t, w, dist)
}

// requireDist returns $PASAPAS_DIST, where make puts the packages, or skips.
func requireDist(t *testing.T, target string) string {
	t.Helper()
	dist := os.Getenv("PASAPAS_DIST")
	if dist == "" {
		t.Skipf("package tests run on what make built: run %s (or make test)", target)
	}
	return dist
}

// Windows 10 has these; a DLL of the MinGW runtime (libwinpthread…) would
// make the .exe fail on a clean PC.
var systemDLLs = map[string]bool{
	"kernel32.dll": true, "user32.dll": true, "gdi32.dll": true, "opengl32.dll": true,
	"shell32.dll": true, "msvcrt.dll": true, "advapi32.dll": true, "ole32.dll": true,
	"winmm.dll": true, "ws2_32.dll": true, "imm32.dll": true, "dwmapi.dll": true,
}

func checkExe(t *testing.T, path string) {
	f, err := pe.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want amd64", f.Machine)
	}
	if oh, ok := f.OptionalHeader.(*pe.OptionalHeader64); !ok || oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("not a GUI program: a console window would open beside the kiosk")
	}
	if len(f.Symbols) > 0 {
		t.Errorf("%d symbols: the release build must be stripped (-s -w)", len(f.Symbols))
	}
	// debug/pe lists imports as "symbol:dll".
	syms, err := f.ImportedSymbols()
	if err != nil {
		t.Fatal(err)
	}
	libs := map[string]bool{}
	for _, sym := range syms {
		_, dll, _ := strings.Cut(sym, ":")
		libs[strings.ToLower(dll)] = true
	}
	if len(libs) == 0 {
		t.Error("no imported DLL found: the import table was not read")
	}
	for lib := range libs {
		if !systemDLLs[lib] {
			t.Errorf("imports %s, which a clean Windows 10 lacks", lib)
		}
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		t.Fatal("no resources: the icon and version information are missing")
	}
	data, err := rsrc.Data()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Pas à Pas", app.Version, "pasapas.exe"} {
		if !bytes.Contains(data, utf16le(want)) {
			t.Errorf("the version information lacks %q", want)
		}
	}
	for _, want := range []string{"\x89PNG", `level="asInvoker"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the resources lack %q (icon, manifest)", want)
		}
	}
	info, _ := os.Stat(path)
	t.Logf("pasapas.exe: %.1f MB, imports %d DLLs", float64(info.Size())/1e6, len(libs))
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func checkZip(t *testing.T, dist, exe string) {
	name := filepath.Join(dist, "pasapas-"+app.Version+"-windows.zip")
	z, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	info, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]uint64{}
	for _, f := range z.File {
		files[f.Name] = f.UncompressedSize64
	}
	if files["Pas a Pas/pasapas.exe"] != uint64(info.Size()) {
		t.Errorf("the zip does not hold this pasapas.exe: %v", files)
	}
	for _, name := range []string{"LISEZMOI.txt", "Andika-LICENSE.txt", "NotoSansArabicUI-LICENSE.txt"} {
		if _, ok := files["Pas a Pas/"+name]; !ok {
			t.Errorf("the zip lacks %s: %v", name, files)
		}
	}
}

// wine is a fresh Wine prefix whose programs show on a display.
type wine struct {
	*display
	prefix string
}

// newWine makes a prefix in a temp dir. Go 1.22+ programs need ProcessPrng
// from bcryptprimitives.dll, which wine 8.0 lacks: a stand-in built from
// packaging/wine goes into its system32 (see that file).
func newWine(t *testing.T, d *display) *wine {
	t.Helper()
	w := &wine{display: d, prefix: t.TempDir()}
	t.Cleanup(func() { w.server("-k") })
	if out, err := w.command("wine", "wineboot", "-i").CombinedOutput(); err != nil {
		t.Fatal(syspkg.StartFailure("wine wineboot", "wine", err.Error(), string(out)))
	}
	// Wine 8.0 plays Windows 7 by default; the kiosk and its installer
	// want 10.
	if out, err := w.command("wine", "winecfg", "/v", "win10").CombinedOutput(); err != nil {
		t.Fatalf("winecfg: %v\n%s", err, out)
	}
	w.server("-w")
	shim := filepath.Join(w.prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	src := filepath.Join(repoRoot(t), "packaging", "wine", "bcryptprimitives.c")
	if out, err := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o", shim, src, "-ladvapi32").CombinedOutput(); err != nil {
		t.Fatalf("building the bcryptprimitives stand-in: %v\n%s", err, out)
	}
	return w
}

func (w *wine) command(name string, args ...string) *exec.Cmd {
	return w.commandContext(context.Background(), name, args...)
}

func (w *wine) commandContext(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	// No Mono or Gecko download prompts; no debug chatter.
	cmd.Env = append(w.env(), "WINEPREFIX="+w.prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=")
	return cmd
}

// server runs wineserver: -w waits for the prefix's programs, -k ends them.
func (w *wine) server(arg string) {
	w.command("wineserver", arg).Run()
}

// win runs a Windows program to its end and returns its standard output
// and exit code (standard error goes to the test log).
func (w *wine) win(t *testing.T, args ...string) (string, int) {
	t.Helper()
	out, _, code := w.win3(t, args...)
	return out, code
}

// win3 is win that also returns standard error.
func (w *wine) win3(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	// A program waiting on a dialog nobody sees must not hang the run.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := w.commandContext(ctx, "wine", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if stderr.Len() > 0 {
		t.Logf("%v stderr:\n%s", args, stderr.String())
	}
	if err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			return string(out), stderr.String(), exit.ExitCode()
		}
		t.Fatalf("wine %v: %v", args, err)
	}
	return string(out), stderr.String(), 0
}

// drive is the Linux path of a file on the prefix's C: drive.
func (w *wine) drive(parts ...string) string {
	return filepath.Join(append([]string{w.prefix, "drive_c"}, parts...)...)
}

// appData is the kiosk's default data directory in the prefix.
func (w *wine) appData(t *testing.T) string {
	t.Helper()
	dirs, _ := filepath.Glob(w.drive("users", "*", "AppData", "Roaming", "pasapas"))
	if len(dirs) != 1 {
		t.Fatalf("no single %%AppData%%\\pasapas in the prefix: %v", dirs)
	}
	return dirs[0]
}

// start runs a Windows program in the background and waits for a window
// whose title contains title.
func (w *wine) start(t *testing.T, title string, env []string, args ...string) (id string, stderr *bytes.Buffer, exited <-chan error) {
	t.Helper()
	cmd := w.command("wine", args...)
	cmd.Env = append(cmd.Env, env...)
	stderr, exited = background(t, cmd)
	t.Cleanup(func() {
		w.server("-k")
		if t.Failed() {
			t.Logf("%v stderr:\n%s", args, stderr.String())
		}
	})
	w.waitFor("a window named "+title, func() bool {
		out, err := w.output("xdotool", "search", "--onlyvisible", "--name", title)
		if err != nil {
			return false
		}
		id = strings.Fields(out)[0]
		return true
	})
	return id, stderr, exited
}

// shot saves the screen as artefacts/e2e/<test>/<name>.png and fails when
// it is nearly blank (a window that never drew).
func (w *wine) shot(t *testing.T, name string) {
	t.Helper()
	time.Sleep(time.Second)
	path := filepath.Join(artefacts(t), name+".png")
	w.tool(t, "import", "-window", "root", path)
	out := w.tool(t, "identify", "-format", "%k", path)
	if colours, _ := strconv.Atoi(strings.TrimSpace(out)); colours < 16 {
		t.Errorf("%s has %d colours: nothing was drawn", path, colours)
	}
}

// tool runs a Linux program on the display.
func (w *wine) tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := w.output(name, args...)
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return out
}

// checkWineKiosk starts the kiosk in a window under Wine on a fresh
// %AppData% (so on the first start's code), presses a key, checks it still
// runs, and reads its log in the default data directory.
func checkWineKiosk(t *testing.T, w *wine, exe string) {
	id, _, exited := w.start(t, "Pas à Pas", nil, exe, "--windowed")
	time.Sleep(2 * time.Second) // first frame
	w.shot(t, "01-first-start") // a fresh %AppData%: the setup's code
	w.tool(t, "xdotool", "windowactivate", "--sync", id, "key", "Return")
	w.shot(t, "02-after-return")
	select {
	case err := <-exited:
		t.Fatalf("the kiosk stopped: %v", err)
	default:
	}
	log, err := os.ReadFile(filepath.Join(w.appData(t), "pasapas.log"))
	if err != nil || !strings.Contains(string(log), "kiosk starting") {
		t.Fatalf("log in %%AppData%%\\pasapas: %v\n%s", err, log)
	}
	w.server("-k")
}

// checkWineNoOpenGL makes OpenGL 2.1 unavailable (Mesa then offers only
// 1.4, as the basic display adapter or a remote desktop would): the kiosk
// must say so in a message box and in its log, then stop.
func checkWineNoOpenGL(t *testing.T, w *wine, exe string) {
	id, stderr, exited := w.start(t, "Pas à Pas ne peut pas s'afficher", []string{"MESA_GL_VERSION_OVERRIDE=1.4"}, exe, "--windowed")
	w.shot(t, "message-box")
	w.tool(t, "xdotool", "windowactivate", "--sync", id, "key", "Return")
	wantExit(t, exited, 1, stderr)
	log, _ := os.ReadFile(filepath.Join(w.appData(t), "pasapas.log"))
	for _, want := range []string{"no OpenGL 2.1 driver", "opengl32.dll", "display driver"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}

// checkInstaller shows the installer's first pages, then installs silently
// with the logon option, runs the installed program and uninstalls.
func checkInstaller(t *testing.T, w *wine, dist string) {
	setup := filepath.Join(dist, "pasapas-"+app.Version+"-setup.exe")
	id, _, _ := w.start(t, "Installation de Pas à Pas", nil, setup)
	w.shot(t, "01-installer-welcome")
	w.tool(t, "xdotool", "windowactivate", "--sync", id, "key", "Return")
	w.shot(t, "02-installer-components")
	w.tool(t, "xdotool", "windowactivate", "--sync", id, "key", "Return")
	w.shot(t, "03-installer-directory")
	w.tool(t, "xdotool", "windowactivate", "--sync", id, "key", "Return")
	w.shot(t, "04-installer-code")
	w.server("-k")

	if out, code := w.win(t, setup, "/S", "/AUTOSTART", "/CODE=482193"); code != 0 {
		t.Fatalf("silent install: exit %d\n%s", code, out)
	}
	w.server("-w")
	// The mediator code for every account: its hash alone, where each
	// account's kiosk takes it at its first start.
	codeFile := w.drive("ProgramData", "pasapas", "code-mediateur.txt")
	if b, err := os.ReadFile(codeFile); err != nil || !strings.HasPrefix(string(b), "$argon2id$") || strings.Contains(string(b), "482193") {
		t.Errorf("/CODE=: %q, %v", b, err)
	}
	dir := w.drive("Program Files", "Pas a Pas")
	installed := []string{
		filepath.Join(dir, "pasapas.exe"), filepath.Join(dir, "uninstall.exe"), filepath.Join(dir, "LISEZMOI.txt"),
		filepath.Join(dir, "Andika-LICENSE.txt"), filepath.Join(dir, "NotoSansArabicUI-LICENSE.txt"),
		w.drive("ProgramData", "Microsoft", "Windows", "Start Menu", "Programs", "Pas à Pas.lnk"),
	}
	for _, f := range installed {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("not installed: %v", err)
		}
	}
	const uninstallKey = `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\fr.pasapas.kiosk`
	const runKey = `HKLM\Software\Microsoft\Windows\CurrentVersion\Run`
	if out, _ := w.win(t, "reg", "query", uninstallKey); !strings.Contains(out, app.Version) || !strings.Contains(out, `uninstall.exe" /S`) {
		t.Errorf("uninstaller not registered:\n%s", out)
	}
	if out, _ := w.win(t, "reg", "query", runKey, "/v", "PasAPas"); !strings.Contains(out, `Pas a Pas\pasapas.exe`) {
		t.Errorf("/AUTOSTART did not register the kiosk at logon:\n%s", out)
	}
	if out, code := w.win(t, `C:\Program Files\Pas a Pas\pasapas.exe`, "version"); code != 0 || !strings.Contains(out, app.Version) {
		t.Errorf("installed program: exit %d, %q", code, out)
	}

	w.win(t, `C:\Program Files\Pas a Pas\uninstall.exe`, "/S")
	w.server("-w") // the uninstaller runs from a copy in %TEMP%
	for _, f := range append(installed, dir, codeFile) {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("left after uninstall: %s", f)
		}
	}
	if out, code := w.win(t, "reg", "query", uninstallKey); code == 0 {
		t.Errorf("uninstall key left:\n%s", out)
	}
	if out, _ := w.win(t, "reg", "query", runKey, "/v", "PasAPas"); strings.Contains(out, "pasapas.exe") {
		t.Errorf("logon entry left:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(w.appData(t), "pasapas.db")); err != nil {
		t.Errorf("the centre's data must survive an uninstall: %v", err)
	}
}

// repoRoot is the module's root (tests run in their package's folder).
func repoRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}
