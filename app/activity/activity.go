// Package activity turns stored sessions into what the mediator console
// shows and exports: a per-session summary made of codes, the day-by-day
// counters behind the statistics, and the CSV/JSON activity report in the
// vocabulary mediators use in their own reports. Pure Go: the UI and the
// command line share it without linking SQLite.
package activity

import (
	"errors"
	"slices"
	"time"

	"pasapas/app/session"
	"pasapas/assessment/walkthrough"
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
	// Visit is the session's place in its code chain as it ended (1, 2,
	// 3…; 0 in summaries written before chains, a first visit).
	Visit int `json:"visit,omitempty"`
	// Changes are the level changes since the earlier visit (domain → now
	// minus then), when the returning visitor retook the assessment.
	Changes map[string]int `json:"level_changes,omitempty"`
}

// Walks reads a session's events (written by assessment/walkthrough's
// builders) into what happened in each walkthrough, in the order the
// visitor opened them: every step they got stuck at, for the statistics
// (walkthrough.Progress keeps only the last, for the summary). Other kinds
// are ignored. The self-assessment's result is not an event: the store
// keeps it on the session (store.SaveAssessment).
func Walks(events []session.Event) []Walk {
	walks := map[string]*Walk{}
	var order []string
	for _, e := range events {
		switch e.Kind {
		case walkthrough.EventStarted, walkthrough.EventStepDone, walkthrough.EventStuck, walkthrough.EventMissing, walkthrough.EventCompleted, walkthrough.EventAbandoned:
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
			case walkthrough.EventStuck:
				w.Stuck = appendOnce(w.Stuck, e.Payload["step"])
			case walkthrough.EventMissing:
				w.Missing = appendOnce(w.Missing, e.Payload["doc"])
			case walkthrough.EventCompleted:
				w.Completed = true
			}
		}
	}
	var out []Walk
	for _, id := range order {
		out = append(out, *walks[id])
	}
	return out
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
	// Accompanied is a session a mediator ran beside the visitor.
	Accompanied bool
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
