package app

import (
	"context"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
	"pasapas/assessment/content"
)

// packState is the network pack between the background sync and the
// window: the version visitors see, and the content of a newer one, loaded
// in the background and waiting for a quiet moment.
type packState struct {
	mu      sync.Mutex
	running int // the version on screen
	ready   *Content
	report  *content.Report
}

// PackDir is <data-dir>/pack, where the network's pack is installed.
func (k *Kiosk) PackDir() string { return filepath.Join(k.DataDir, kiosksync.PackDirName) }

// showingPack notes the version visitors now see, in memory and in the
// settings (settings.PackRunning), where pasapas sync reads it to tell
// the hub.
func (k *Kiosk) showingPack(v int) {
	k.packs.running = v
	if err := k.Store.SetSetting(context.Background(), settings.PackRunning, strconv.Itoa(v)); err != nil {
		k.Log.WithError(err).Warn("noting the content pack in use")
	}
}

// PackFetcher takes the hub's packs for this kiosk: checked with the
// kiosk's loader, installed in PackDir, then loaded in the background to
// wait for TakeNewContent.
func (k *Kiosk) PackFetcher() *kiosksync.Fetcher {
	return &kiosksync.Fetcher{
		Store: k.Store, Dir: k.PackDir(), Check: CheckPack,
		Board: k.Health, Log: k.Log, After: k.preparePack,
	}
}

// preparePack loads the whole content again when the installed pack is
// not the one on screen (the background sync, or pasapas sync, took it),
// so that the window only has to swap it in.
func (k *Kiosk) preparePack() {
	m, _, err := kiosksync.Installed(k.PackDir())
	if err != nil {
		k.Log.WithError(err).Warn("reading the installed content pack")
		return
	}
	k.packs.mu.Lock()
	waiting := m.Version == k.packs.running || k.packs.ready != nil && k.packs.ready.Pack == m.Version
	k.packs.mu.Unlock()
	if waiting {
		return
	}
	c, report, err := LoadDataDir(k.DataDir)
	if err != nil {
		k.Log.WithError(err).Error("loading the content with the new pack; the kiosk keeps its content")
		return
	}
	logReport(k.Log, report)
	k.packs.mu.Lock()
	k.packs.ready, k.packs.report = c, report
	k.packs.mu.Unlock()
	k.Log.WithField("version", c.Pack).Info("content pack ready; shown from the next welcome screen without a visitor")
}

// TakeNewContent returns, once, the content of a pack newer than the one
// on screen, or nil. The window calls it at a quiet moment only: on the
// welcome screen, with no visitor.
func (k *Kiosk) TakeNewContent() (*Content, *content.Report) {
	k.packs.mu.Lock()
	defer k.packs.mu.Unlock()
	c, report := k.packs.ready, k.packs.report
	if c == nil {
		return nil, nil
	}
	k.packs.ready, k.packs.report = nil, nil
	k.showingPack(c.Pack)
	k.Content, k.ContentReport = c, report
	raiseStaleWalkthroughs(k.Health, c.Walkthroughs, time.Now())
	k.Log.WithField("version", c.Pack).Info("content pack applied")
	return c, report
}
