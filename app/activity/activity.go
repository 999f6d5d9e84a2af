// Package activity turns stored sessions into what the mediator console
// shows and exports: a per-session summary made of codes, the day-by-day
// counters behind the statistics, and the CSV/JSON activity report in the
// vocabulary mediators use in their own reports. Pure Go: the UI and the
// command line share it without linking SQLite.
package activity

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"pasapas/app/session"
)

// Event kinds and payload keys the console reads. The assessment and
// walkthrough screens write them through session.Service.Record; every value
// is a code, so nothing here can hold what a visitor typed.
const (
	// KindResult closes a self-assessment: payload "orientation" and one
	// "level.<domain>" = "0".."3" per scored domain.
	KindResult = "assessment.result"
	// KindNeeds lists the procedures ticked: payload "<procedure>" = "1".
	KindNeeds = "assessment.needs"
	// Walkthrough events (assessment/walkthrough) carry "proc", and "step"
	// or "doc" where a step or a document is concerned.
	KindWalkStarted   = "walk.started"
	KindWalkStepDone  = "walk.step"
	KindWalkStuck     = "walk.stuck"
	KindWalkMissing   = "walk.missing"
	KindWalkCompleted = "walk.completed"
	KindWalkAbandoned = "walk.abandoned"
)

// Walk is what happened in one walkthrough of a session.
type Walk struct {
	Procedure string   `json:"procedure"`
	Completed bool     `json:"completed"`
	Stuck     []string `json:"stuck_steps,omitempty"` // steps where "Je suis bloqué(e)" was pressed
	Missing   []string `json:"missing_documents,omitempty"`
}

// Facts are the codes a session produced, as the console counts them.
type Facts struct {
	Orientation string         `json:"orientation,omitempty"`
	Levels      map[string]int `json:"levels,omitempty"` // domain → 0..3
	Needs       []string       `json:"needs,omitempty"`
	Walks       []Walk         `json:"walkthroughs,omitempty"`
}

// FromEvents reads a session's events into Facts. Unknown kinds are
// ignored: the console shows them in the detail view only.
func FromEvents(events []session.Event) Facts {
	var f Facts
	walks := map[string]*Walk{}
	var order []string // procedures in the order the visitor opened them
	for _, e := range events {
		switch e.Kind {
		case KindResult:
			f.Orientation = e.Payload["orientation"]
			for k, v := range e.Payload {
				if d, ok := strings.CutPrefix(k, "level."); ok {
					if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 3 {
						if f.Levels == nil {
							f.Levels = map[string]int{}
						}
						f.Levels[d] = n
					}
				}
			}
		case KindNeeds:
			f.Needs = f.Needs[:0]
			for k := range e.Payload {
				f.Needs = append(f.Needs, k)
			}
			sort.Strings(f.Needs)
		case KindWalkStarted, KindWalkStepDone, KindWalkStuck, KindWalkMissing, KindWalkCompleted, KindWalkAbandoned:
			id := e.Payload["proc"]
			if id == "" {
				continue
			}
			w, ok := walks[id]
			if !ok {
				w = &Walk{Procedure: id}
				walks[id] = w
				order = append(order, id)
			}
			switch e.Kind {
			case KindWalkStuck:
				w.Stuck = appendOnce(w.Stuck, e.Payload["step"])
			case KindWalkMissing:
				w.Missing = appendOnce(w.Missing, e.Payload["doc"])
			case KindWalkCompleted:
				w.Completed = true
			}
		}
	}
	for _, id := range order {
		f.Walks = append(f.Walks, *walks[id])
	}
	return f
}

// ErrNotFound is returned when no stored session has the asked code.
var ErrNotFound = errors.New("no such session")

// Summary is one stored session as the console lists and exports it.
type Summary struct {
	Code     session.Code
	Started  time.Time
	Duration time.Duration
	Lang     string
	KioskID  string
	Status   session.Status
	Facts
}

func appendOnce(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// Cursor marks where a page of the session list ends; the zero Cursor is
// the newest session. Keyset pagination: a page costs the same at the
// 100 000th session as at the first.
type Cursor struct {
	Started int64 // Unix milliseconds
	Row     int64 // storage order, for sessions started the same millisecond
}

// Page is one page of the session list, newest first.
type Page struct {
	Sessions []Summary
	// Next is the cursor of the following (older) page; nil at the end.
	Next *Cursor
}
