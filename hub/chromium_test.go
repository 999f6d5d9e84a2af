package hub_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"pasapas/app"
	"pasapas/app/cli"
	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
	"pasapas/hub"
)

// browser is a headless Chromium driven over the DevTools protocol on a
// pipe (--remote-debugging-pipe: fd 3 in, fd 4 out, messages ended by NUL),
// so the test needs no WebSocket library and no port.
type browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	in      *os.File
	mu      sync.Mutex
	next    int
	waiting map[int]chan cdpReply
	session string
}

type cdpReply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

func startChromium(t *testing.T) *browser {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("PASAPAS_E2E") != "" {
			t.Fatal("chromium is missing: install chromium (scripts/deps.sh test)")
		}
		t.Skip("chromium is missing (package chromium): the dashboard is looked at in a real browser")
	}
	toChrome, ourEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromChrome, theirEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--no-first-run", "--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toChrome, theirEnd}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toChrome.Close()
	theirEnd.Close()
	b := &browser{t: t, cmd: cmd, in: ourEnd, waiting: map[int]chan cdpReply{}}
	go b.read(fromChrome)
	t.Cleanup(func() {
		b.in.Close()
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("chromium's standard error:\n%.2000s", stderr.String())
		}
	})
	var target struct{ TargetID string }
	b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct{ SessionID string }
	b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	b.session = attached.SessionID
	b.call(b.session, "Page.enable", nil, nil)
	return b
}

func (b *browser) read(r *os.File) {
	br := bufio.NewReader(r)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m struct {
			ID int `json:"id"`
			cdpReply
		}
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil || m.ID == 0 {
			continue // an event
		}
		b.mu.Lock()
		ch := b.waiting[m.ID]
		delete(b.waiting, m.ID)
		b.mu.Unlock()
		if ch != nil {
			ch <- m.cdpReply
		}
	}
}

// call sends one command and decodes its result into out.
func (b *browser) call(session, method string, params any, out any) {
	b.t.Helper()
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpReply, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if params == nil {
		msg["params"] = map[string]any{}
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.in.Write(append(data, 0)); err != nil {
		b.t.Fatalf("%s: %v", method, err)
	}
	select {
	case r := <-ch:
		if r.Error != nil {
			b.t.Fatalf("%s: %s", method, r.Error.Message)
		}
		if out != nil {
			if err := json.Unmarshal(r.Result, out); err != nil {
				b.t.Fatalf("%s: %v", method, err)
			}
		}
	case <-time.After(30 * time.Second):
		b.t.Fatalf("%s: no answer from chromium in 30 s", method)
	}
}

// eval runs a JavaScript expression in the page and returns its value.
func (b *browser) eval(expr string) any {
	b.t.Helper()
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails any `json:"exceptionDetails"`
	}
	b.call(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r)
	if r.ExceptionDetails != nil {
		b.t.Fatalf("%s: %v", expr, r.ExceptionDetails)
	}
	return r.Result.Value
}

// waitFor polls expr until it is true.
func (b *browser) waitFor(expr string) {
	b.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, _ := b.eval(expr).(bool); v {
			return
		}
	}
	b.t.Fatalf("still not %s after 20 s (at %v)", expr, b.eval("location.href"))
}

// view sets the window: width CSS pixels at zoom (1 = 100 %, 2 = 200 %).
func (b *browser) view(width, height int, zoom float64) {
	b.call(b.session, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": zoom, "mobile": false}, nil)
}

// screenshot saves the whole page as a PNG.
func (b *browser) screenshot(path string) {
	b.t.Helper()
	var metrics struct {
		CSSContentSize struct{ Width, Height float64 } `json:"cssContentSize"`
	}
	b.call(b.session, "Page.getLayoutMetrics", nil, &metrics)
	var shot struct{ Data string }
	b.call(b.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": metrics.CSSContentSize.Width, "height": metrics.CSSContentSize.Height, "scale": 1}}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
}

func artefacts(t *testing.T) string {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	dir = filepath.Join(dir, "hub")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDashboardInChromium logs in through the form in a real browser,
// reads the figures off the page, checks that nothing is loaded from
// elsewhere and that at 200 % zoom nothing runs off the side, and saves
// screenshots (artefacts/hub/) to look at.
func TestDashboardInChromium(t *testing.T) {
	// The dashboard's names come from the kiosk's content, as in the binary.
	n := newNetworkNamed(t, cli.HubLabels())
	ctx := context.Background()
	srv := n.srv
	// A content pack, which each kiosk takes: the page lists them.
	a, err := hub.OpenAdmin(ctx, n.url)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := a.PublicKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	files, err := kiosksync.ReadPackDir(os.DirFS(writePack(t, "Impôts : le code arrive par e-mail", nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Publish(ctx, files, "impots.gouv : code reçu par e-mail", app.CheckPack); err != nil {
		t.Fatal(err)
	}
	a.Close(ctx)
	for i, c := range n.centres {
		st := kiosk(t, srv.URL, n.tokens[c], 300+200*i, uint64(10+i))
		if _, err := (&kiosksync.Pusher{Store: st}).Push(ctx); err != nil {
			t.Fatal(err)
		}
		if err := st.SetSetting(ctx, settings.SyncKey, kiosksync.FormatKey(pub)); err != nil {
			t.Fatal(err)
		}
		if p, err := (&kiosksync.Fetcher{Store: st, Dir: t.TempDir(), Check: app.CheckPack}).Fetch(ctx); err != nil || p == nil {
			t.Fatalf("fetching the pack: %v", err)
		}
	}
	b := startChromium(t)
	dir := artefacts(t)
	b.view(1280, 900, 1)
	b.call(b.session, "Page.navigate", map[string]any{"url": srv.URL + "/"}, nil)
	b.waitFor(`location.pathname == "/login" && document.readyState == "complete"`)
	b.screenshot(filepath.Join(dir, "login.png"))
	b.eval(`document.getElementById("login").value = "coord"; document.getElementById("password").value = "` + password + `"; document.querySelector("form").submit(); true`)
	b.waitFor(`location.pathname == "/" && document.readyState == "complete" && !!document.getElementById("total")`)
	total, _ := b.eval(`document.getElementById("total").textContent`).(string)
	if !strings.HasPrefix(total, "800 sessions du ") {
		t.Errorf("the page says %q, want 800 sessions (300 + 500)", total)
	}
	// The figures on the page are the API's.
	rows, _ := b.eval(`[...document.querySelectorAll("h2")].map(h => h.textContent).join("|")`).(string)
	for _, h := range []string{"Où chaque démarche bloque les personnes", "Sessions par jour", "Orientation", "Niveaux par domaine", "Démarches les plus demandées", "Démarches guidées"} {
		if !strings.Contains(rows, h) {
			t.Errorf("no section %q in %q", h, rows)
		}
	}
	if n, _ := b.eval(`document.querySelectorAll("#blocages + p + div tbody tr").length`).(float64); n == 0 {
		t.Error("no stuck step listed")
	}
	if n, _ := b.eval(`document.querySelectorAll("#bornes tbody tr").length`).(float64); n != 2 {
		t.Errorf("%v kiosks listed under Contenu des bornes, want 2", n)
	}
	if current, _ := b.eval(`document.getElementById("paquet-en-cours").textContent`).(string); !strings.HasPrefix(current, "Paquet en cours : version 1 du ") {
		t.Errorf("the current pack reads %q", current)
	}
	external, _ := b.eval(`performance.getEntriesByType("resource").filter(e => !e.name.startsWith(location.origin)).length`).(float64)
	if external != 0 {
		t.Errorf("%v resources loaded from elsewhere", external)
	}
	b.screenshot(filepath.Join(dir, "dashboard.png"))
	// 200 %: a 1280-pixel window shows 640 CSS pixels.
	b.view(640, 450, 2)
	b.waitFor(`document.readyState == "complete"`)
	if wide, _ := b.eval(`document.documentElement.scrollWidth > window.innerWidth`).(bool); wide {
		t.Errorf("at 200 %% the page is %v px wide in a %v px window", b.eval(`document.documentElement.scrollWidth`), b.eval(`window.innerWidth`))
	}
	if cut, _ := b.eval(`[...document.querySelectorAll(".scroll")].filter(d => d.scrollWidth > d.clientWidth).length`).(float64); cut != 0 {
		t.Errorf("at 200 %%, %v tables need a sideways scroll", cut)
	}
	b.screenshot(filepath.Join(dir, "dashboard-200.png"))
	// One centre, as a coordinator picks it.
	b.view(1280, 900, 1)
	b.call(b.session, "Page.navigate", map[string]any{"url": srv.URL + fmt.Sprintf("/?period=30j&centre=%d", 1)}, nil)
	b.waitFor(`document.readyState == "complete" && !!document.getElementById("total") && document.getElementById("centre").value == "1"`)
	if total, _ := b.eval(`document.getElementById("total").textContent`).(string); !strings.HasPrefix(total, "300 sessions") {
		t.Errorf("centre 1: %q, want 300 sessions", total)
	}
}
