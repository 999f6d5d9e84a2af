// Package health is the kiosk's list of alerts for the mediator: things a
// visitor cannot fix and should not see in detail (the disk is full, the
// database was damaged and moved aside, a content file was rejected). The
// kiosk raises them where they happen; the mediator console lists them.
//
// Alerts hold file names, error messages and counts: never anything a
// visitor typed or answered.
package health

import (
	"sort"
	"sync"
	"time"
)

// Kind is what went wrong; the console shows the text "alert.<kind>" of the
// catalogue, filled with {detail}.
type Kind string

const (
	// DiskFull: a write failed because the disk is full; sessions are not
	// being saved. Cleared by the next write that succeeds.
	DiskFull Kind = "disk.full"
	// StorageError: a write failed for another reason (disk error, file
	// made read-only). Cleared by the next write that succeeds.
	StorageError Kind = "storage.error"
	// DatabaseMovedAside: the database file was damaged or foreign; it was
	// renamed (detail: its new name) and a fresh one created.
	DatabaseMovedAside Kind = "database.moved_aside"
	// ContentRejected: a centre's content file was refused and the built-in
	// content is used instead (detail: file:line: field: what is wrong).
	ContentRejected Kind = "content.rejected"
	// ContentStale: a walkthrough's steps were last compared with their
	// official sources more than 12 months ago (detail: its title, file and
	// check day). Raised at start.
	ContentStale Kind = "content.stale"
	// ClockSuspect: the computer's date disagrees with the stored sessions
	// (the newest lies in the future, or all are older than the
	// retention), so the automatic purge is suspended (detail: the day of
	// the newest session). Cleared by the next purge that finds it right.
	ClockSuspect Kind = "clock.suspect"
	// SyncFailing: the kiosk has not reached the territory hub for a day
	// (detail: the last error). Sessions wait in the outbox; cleared by the
	// next push that works.
	SyncFailing Kind = "sync.failing"
	// PackRefused: a content pack from the hub failed its signature or the
	// loader's checks (detail: its version and why); nothing changed.
	// Cleared by the next pack taken.
	PackRefused Kind = "pack.refused"
)

// Alert is one problem waiting for the mediator.
type Alert struct {
	Kind   Kind
	Detail string
	// Since is when it was first raised; Count how many times since.
	Since time.Time
	Count int
}

// Key is the catalogue key of the alert's text.
func (a Alert) Key() string { return "alert." + string(a.Kind) }

// Board holds the current alerts. It is safe for concurrent use.
type Board struct {
	now func() time.Time

	mu        sync.Mutex
	alerts    []Alert
	onDismiss func(Alert)
}

// NewBoard returns an empty board; now is the clock (time.Now when nil).
func NewBoard(now func() time.Time) *Board {
	if now == nil {
		now = time.Now
	}
	return &Board{now: now}
}

// Raise adds an alert, or counts it again when the same kind and detail is
// already up (a full disk fails every write: one line, not hundreds).
func (b *Board) Raise(kind Kind, detail string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range b.alerts {
		if b.alerts[i].Kind == kind && b.alerts[i].Detail == detail {
			b.alerts[i].Count++
			return
		}
	}
	b.alerts = append(b.alerts, Alert{Kind: kind, Detail: detail, Since: b.now(), Count: 1})
}

// Clear removes every alert of kind: the condition is over (the disk has
// room again).
func (b *Board) Clear(kind Kind) {
	b.mu.Lock()
	defer b.mu.Unlock()
	kept := b.alerts[:0]
	for _, a := range b.alerts {
		if a.Kind != kind {
			kept = append(kept, a)
		}
	}
	b.alerts = kept
}

// Dismiss removes one alert the mediator has read, and tells the hook set by
// OnDismiss so that the dismissal can outlive a restart.
func (b *Board) Dismiss(a Alert) {
	b.mu.Lock()
	kept := b.alerts[:0]
	for _, x := range b.alerts {
		if x.Kind != a.Kind || x.Detail != a.Detail {
			kept = append(kept, x)
		}
	}
	b.alerts = kept
	hook := b.onDismiss
	b.mu.Unlock()
	if hook != nil {
		hook(a)
	}
}

// OnDismiss sets the function Dismiss calls.
func (b *Board) OnDismiss(f func(Alert)) {
	b.mu.Lock()
	b.onDismiss = f
	b.mu.Unlock()
}

// List returns the alerts, oldest first.
func (b *Board) List() []Alert {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := append([]Alert(nil), b.alerts...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Since.Before(out[j].Since) })
	return out
}

// Has tells whether an alert of kind is up.
func (b *Board) Has(kind Kind) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, a := range b.alerts {
		if a.Kind == kind {
			return true
		}
	}
	return false
}
