package console_test

import (
	"context"
	"crypto/ed25519"
	"io/fs"
	"strings"
	"testing"
	"time"

	"pasapas/app"
	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
	"pasapas/seeds"
	"pasapas/ui/shell"
	"pasapas/ui/uitest"
)

// TestNewPackIsTakenOnWelcomeOnly: a network pack installed while a
// visitor walks through the impots.gouv procedure is prepared by the real
// kiosk (app) but changes nothing on screen; once the visitor is gone and
// the welcome screen is up, the next tick takes it, and the console's
// Contenu names its origin and version.
func TestNewPackIsTakenOnWelcomeOnly(t *testing.T) {
	log := uitest.Log(t)
	dataDir := t.TempDir()
	real, err := app.Open(dataDir, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { real.Store.Close() })

	k := openConsole(t)
	k.Tap("back")
	k.WantScreen("welcome")
	k.UI.Svc.NewContent = func() *shell.ContentUpdate {
		c, report := real.TakeNewContent()
		if c == nil {
			return nil
		}
		return &shell.ContentUpdate{Questions: c.Questions, Walkthroughs: c.Walkthroughs, Report: report}
	}
	builtIn := k.UI.Svc.Walkthroughs.Get("impots").Title.In("fr")

	uitest.OpenWalk(k, "impots")
	uitest.StartWalk(k)
	walkScreen := k.UI.Screen().Name

	data, err := fs.ReadFile(seeds.FS, "walkthroughs/07-impots.yaml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), `"impots.gouv : déclarer ses revenus"`, `"Impôts : la nouvelle version"`, 1)
	_, key, _ := ed25519.GenerateKey(nil)
	p := &kiosksync.Pack{Version: 1, Date: time.Now(), Note: "essai", Files: []kiosksync.PackFile{{Path: "walkthroughs/07-impots.yaml", Data: []byte(changed)}}}
	p.Sign(key)
	if err := kiosksync.Install(real.PackDir(), p); err != nil {
		t.Fatal(err)
	}
	// What the background sync does after each fetch.
	real.PackFetcher().After()

	for range 3 {
		k.UI.Tick()
	}
	// What the kiosk tells the hub it shows.
	running := func() string {
		v, _ := real.Store.Setting(context.Background(), settings.PackRunning, "")
		return v
	}
	if got := k.UI.Svc.Walkthroughs.Get("impots").Title.In("fr"); got != builtIn || k.UI.Screen().Name != walkScreen || running() != "0" {
		t.Fatalf("during the walkthrough: title %q, screen %s, pack %s running", got, k.UI.Screen().Name, running())
	}

	// The visitor leaves: the idle prompt, then the welcome screen.
	k.Advance(3 * time.Minute)
	k.Advance(time.Minute)
	k.WantScreen("welcome")
	k.UI.Tick()
	if got := k.UI.Svc.Walkthroughs.Get("impots").Title.In("fr"); got != "Impôts : la nouvelle version" || running() != "1" {
		t.Fatalf("on welcome: title %q, pack %s running", got, running())
	}

	k.UI.Gate.OpenMediator()
	uitest.TypeDigits(k, "4821")
	k.Tap("content")
	for range 10 {
		if l, ok := k.UI.Screen().Labels["walk.impots"]; ok {
			if !strings.Contains(l.Text, "Impôts : la nouvelle version · du réseau, version 1, 07-impots.yaml") {
				t.Fatalf("Contenu says %q", l.Text)
			}
			return
		}
		k.Tap("next")
	}
	t.Fatal("the impots.gouv walkthrough is on no page of Contenu")
}
