// Package sync sends the kiosk's ended sessions to the territory hub
// (pasapas hub serve) when sync.url and sync.token are set: an outbox in
// the kiosk's SQLite file (app/store), batches over HTTPS, retries with
// back-off, and a health alert for the mediator when pushing has failed for
// a day. The hub's handler reads the same types.
//
// What leaves the kiosk is what the activity export already holds, as
// codes: day, duration, status, language, kiosk id, orientation, levels,
// needs, walkthroughs with their stuck steps and missing documents, the
// visit number and level changes of a returning visitor. Never
// the public code printed for the visitor, never a time of day. A session
// is known by its random internal id, so pushing it twice adds nothing.
package sync

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"pasapas/app/activity"
	"pasapas/app/session"
)

// Path is the hub's ingestion endpoint, under sync.url.
const Path = "/api/v1/sessions"

// MaxBatch is the most sessions one request carries.
const MaxBatch = 500

// Session is one ended session as it leaves the kiosk.
type Session struct {
	ID    string `json:"id"` // the kiosk's internal UUID
	Kiosk string `json:"kiosk"`
	Day   string `json:"day"` // local day, YYYY-MM-DD
	// Seconds, not the export's rounded minutes: the hub's duration bands
	// must fall as the kiosk's do.
	Seconds int    `json:"seconds"`
	Status  string `json:"status"`
	Lang    string `json:"lang"`
	activity.Facts
}

// Batch is the body of a push.
type Batch struct {
	Sessions []Session `json:"sessions"`
}

// Receipt is the hub's answer: how many it read, how many were new.
type Receipt struct {
	Received int `json:"received"`
	Added    int `json:"added"`
}

// FromSummary is what leaves the kiosk of an ended session; id is its
// internal id (the summary's public code stays behind).
func FromSummary(id string, s activity.Summary) Session {
	return Session{
		ID: id, Kiosk: s.KioskID, Day: activity.DayOf(s.Started),
		Seconds: int(s.Duration / time.Second), Status: string(s.Status), Lang: s.Lang,
		Facts: s.Facts,
	}
}

// Summary is the session as the activity code counts and exports it; the
// start is the day's midnight (the time of day never leaves the kiosk).
func (s Session) Summary() (activity.Summary, error) {
	day, err := activity.ParseDay(s.Day)
	if err != nil {
		return activity.Summary{}, fmt.Errorf("day %q: %w", s.Day, err)
	}
	return activity.Summary{
		Started: day, Duration: time.Duration(s.Seconds) * time.Second,
		Lang: s.Lang, KioskID: s.Kiosk, Status: session.Status(s.Status), Facts: s.Facts,
	}, nil
}

// Validate checks that s is made of codes only, as the kiosk stores them:
// the hub refuses anything else rather than keep free text.
func (s Session) Validate() error {
	if _, err := uuid.Parse(s.ID); err != nil {
		return fmt.Errorf("id %q is not a UUID", s.ID)
	}
	if _, err := activity.ParseDay(s.Day); err != nil {
		return fmt.Errorf("session %s: day %q is not YYYY-MM-DD", s.ID, s.Day)
	}
	if s.Status != string(session.Finished) && s.Status != string(session.Abandoned) {
		return fmt.Errorf("session %s: status %q is not an ended session's", s.ID, s.Status)
	}
	if s.Seconds < 0 {
		return fmt.Errorf("session %s: negative duration", s.ID)
	}
	if err := CheckKioskID(s.Kiosk); err != nil {
		return fmt.Errorf("session %s: %w", s.ID, err)
	}
	codes := session.Payload{"lang": s.Lang}
	if s.Orientation != "" {
		codes["orientation"] = s.Orientation
	}
	for d, l := range s.Levels {
		if l < 0 || l > 3 {
			return fmt.Errorf("session %s: level %d of %q is not 0..3", s.ID, l, d)
		}
		codes["level."+d] = "0"
	}
	// A returning visit's place in its chain and level changes (numbers,
	// never the earlier session's code or id) go too, so the hub counts
	// returning visitors and their progress as the kiosk does.
	if s.Visit < 0 || s.Visit > 1000 {
		return fmt.Errorf("session %s: visit number %d", s.ID, s.Visit)
	}
	for d, c := range s.Changes {
		if c < -3 || c > 3 {
			return fmt.Errorf("session %s: level change %d of %q is not -3..3", s.ID, c, d)
		}
		codes["change."+d] = "0"
	}
	add := func(what string, list []string) {
		for i, v := range list {
			codes[fmt.Sprintf("%s.%d", what, i)] = v
		}
	}
	add("need", s.Needs)
	for i, w := range s.Walks {
		codes[fmt.Sprintf("walk.%d", i)] = w.Procedure
		add(fmt.Sprintf("stuck.%d", i), w.Stuck)
		add(fmt.Sprintf("missing.%d", i), w.Missing)
	}
	// The kiosk's own rule for event codes, so both sides agree on what a
	// code is.
	if err := session.ValidateEvent(session.Event{Kind: "hub.session", Payload: codes}); err != nil {
		return fmt.Errorf("session %s: %w", s.ID, err)
	}
	return nil
}

// CheckKioskID accepts the centre's own name for the machine, typed in the
// console ("Borne accueil"): a short line, not a code.
func CheckKioskID(id string) error {
	if n := utf8.RuneCountInString(id); n == 0 || n > 64 || strings.ContainsFunc(id, unicode.IsControl) {
		return fmt.Errorf("kiosk id %q is not a short line", id)
	}
	return nil
}
