package ui

import (
	"context"
	"crypto/ed25519"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app"
	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
	"pasapas/seeds"
)

// TestNewPackIsTakenOnWelcomeOnly: a network pack installed while a
// visitor walks through the impots.gouv procedure is prepared by the real
// kiosk (app) but changes nothing on screen; once the visitor is gone and
// the welcome screen is up, the next tick takes it, and the console's
// Contenu names its origin and version.
func TestNewPackIsTakenOnWelcomeOnly(t *testing.T) {
	log := logrus.New()
	log.SetOutput(testWriter{t})
	dataDir := t.TempDir()
	real, err := app.Open(dataDir, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { real.Store.Close() })

	k := openConsole(t)
	k.tap("back")
	k.wantScreen("welcome")
	k.shell.svc.NewContent = func() *ContentUpdate {
		c, report := real.TakeNewContent()
		if c == nil {
			return nil
		}
		return &ContentUpdate{Questions: c.Questions, Walkthroughs: c.Walkthroughs, Report: report}
	}
	builtIn := k.shell.svc.Walkthroughs.Get("impots").Title.In("fr")

	openWalk(k, "impots")
	startWalk(k)
	walkScreen := k.shell.screen.Name

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
		k.shell.Tick()
	}
	// What the kiosk tells the hub it shows.
	running := func() string {
		v, _ := real.Store.Setting(context.Background(), settings.PackRunning, "")
		return v
	}
	if got := k.shell.svc.Walkthroughs.Get("impots").Title.In("fr"); got != builtIn || k.shell.screen.Name != walkScreen || running() != "0" {
		t.Fatalf("during the walkthrough: title %q, screen %s, pack %s running", got, k.shell.screen.Name, running())
	}

	// The visitor leaves: the idle prompt, then the welcome screen.
	k.advance(3 * time.Minute)
	k.advance(time.Minute)
	k.wantScreen("welcome")
	k.shell.Tick()
	if got := k.shell.svc.Walkthroughs.Get("impots").Title.In("fr"); got != "Impôts : la nouvelle version" || running() != "1" {
		t.Fatalf("on welcome: title %q, pack %s running", got, running())
	}

	k.shell.openMediator()
	typeDigits(k, "4821")
	k.tap("content")
	for range 10 {
		if l, ok := k.shell.screen.Labels["walk.impots"]; ok {
			if !strings.Contains(l.Text, "Impôts : la nouvelle version · du réseau, version 1, 07-impots.yaml") {
				t.Fatalf("Contenu says %q", l.Text)
			}
			return
		}
		k.tap("next")
	}
	t.Fatal("the impots.gouv walkthrough is on no page of Contenu")
}
