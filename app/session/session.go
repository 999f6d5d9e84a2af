package session

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"regexp"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Status is where a session's life ended, or that it has not ended yet.
type Status string

const (
	Active    Status = "active"
	Finished  Status = "finished"
	Abandoned Status = "abandoned"
)

// Record is a stored session. It has no field that could name a person: the
// UUID is internal, the code is random, the rest is kiosk data and times.
type Record struct {
	ID      string
	Code    Code
	KioskID string
	Lang    string
	Started time.Time
	Ended   time.Time
	Status  Status
	// Earlier is the internal id of the earlier session whose code the
	// visitor typed ("J'ai déjà un code"), "" for a first visit.
	Earlier string
	// Accompanied is a session a mediator runs beside the visitor.
	Accompanied bool
}

// Duration is how long the visitor stayed, zero while the session is open.
func (r Record) Duration() time.Duration {
	if r.Ended.IsZero() {
		return 0
	}
	return r.Ended.Sub(r.Started)
}

// Payload holds an event's details. Every value must be a code (an item id,
// an answer code, a count): never text a visitor typed. ValidatePayload
// enforces it so that no caller can slip free text into the database.
type Payload map[string]string

// Event is one thing that happened in a session.
type Event struct {
	At      time.Time
	Kind    string
	Payload Payload
}

// Each yields each event's kind and payload, in order: the form in which
// readers of events outside app (walkthrough.Progress) take them.
func Each(events []Event) iter.Seq2[string, map[string]string] {
	return func(yield func(string, map[string]string) bool) {
		for _, e := range events {
			if !yield(e.Kind, e.Payload) {
				return
			}
		}
	}
}

var codeValue = regexp.MustCompile(`^[A-Za-z0-9_.:/-]{1,64}$`)

// ErrNotCode is returned for an event whose kind or payload holds something
// other than a short code (spaces, accents, long text).
var ErrNotCode = errors.New("event values must be short codes, never free text")

// ValidateEvent checks that an event is made of codes only.
func ValidateEvent(e Event) error {
	if !codeValue.MatchString(e.Kind) {
		return fmt.Errorf("%w: kind %q", ErrNotCode, e.Kind)
	}
	for k, v := range e.Payload {
		if !codeValue.MatchString(k) || !codeValue.MatchString(v) {
			return fmt.Errorf("%w: payload key %q", ErrNotCode, k)
		}
	}
	return nil
}

// Store keeps sessions and events. The SQLite store in app/store is the real
// one; this interface keeps the UI free of cgo.
type Store interface {
	// CreateSession stores rec with a fresh code unique among stored sessions
	// and returns it with that code.
	CreateSession(ctx context.Context, rec Record) (Record, error)
	AddEvent(ctx context.Context, sessionID string, e Event) error
	EndSession(ctx context.Context, sessionID string, status Status, at time.Time) error
}

// Service runs the one visitor session a kiosk has at a time.
type Service struct {
	store Store
	now   func() time.Time

	mu      sync.Mutex
	kioskID string
	current *Record
	// needs are the procedures the visitor said they must do (codes such as
	// "caf"), kept in memory so the walkthrough list can put them first.
	needs []string
}

// NewService returns a service writing to store; now is the clock (time.Now
// when nil).
func NewService(store Store, kioskID string, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now, kioskID: kioskID}
}

// SetKioskID names the kiosk in the sessions started from now on (the
// first start's setup names it before the first visitor).
func (s *Service) SetKioskID(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kioskID = id
}

// ErrNoSession is returned when an action needs an open session.
var ErrNoSession = errors.New("no open session")

// Visit is how a session begins, besides its language.
type Visit struct {
	// Earlier is the session whose code a returning visitor typed
	// (CodePad.Find): the new session is linked to it by its internal id.
	Earlier *Record
	// Accompanied is a session a mediator runs beside the visitor
	// ("Séance accompagnée"): it counts as accompaniment time.
	Accompanied bool
}

// Start opens a new session in language lang. An open one is abandoned first,
// so two visitors never share a session.
func (s *Service) Start(lang string) (Record, error) { return s.StartVisit(lang, Visit{}) }

// StartVisit opens a new session in language lang as v says: linked to an
// earlier one, accompanied, or both. An open one is abandoned first.
func (s *Service) StartVisit(lang string, v Visit) (Record, error) {
	if s.Current() != nil {
		if err := s.Abandon(); err != nil {
			return Record{}, err
		}
	}
	s.mu.Lock()
	kioskID := s.kioskID
	s.mu.Unlock()
	rec := Record{
		ID:      uuid.NewString(),
		KioskID: kioskID,
		Lang:    lang,
		Started: s.now(),
		Status:  Active,
		// The earlier session is named by its internal id only.
		Accompanied: v.Accompanied,
	}
	if v.Earlier != nil {
		rec.Earlier = v.Earlier.ID
	}
	rec, err := s.store.CreateSession(context.Background(), rec)
	if err != nil {
		return Record{}, fmt.Errorf("starting a session: %w", err)
	}
	s.mu.Lock()
	s.current = &rec
	s.mu.Unlock()
	return rec, nil
}

// Current returns a copy of the open session, or nil.
func (s *Service) Current() *Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current == nil {
		return nil
	}
	c := *s.current
	return &c
}

// SetNeeds remembers the procedures the visitor must do (codes) for the
// rest of the session. Storing them is the caller's business (an event).
func (s *Service) SetNeeds(codes []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current != nil {
		s.needs = append([]string(nil), codes...)
	}
}

// Needs returns the procedures set by SetNeeds in this session.
func (s *Service) Needs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.needs...)
}

// Record adds an event to the open session.
func (s *Service) Record(kind string, payload Payload) error {
	cur := s.Current()
	if cur == nil {
		return ErrNoSession
	}
	return s.store.AddEvent(context.Background(), cur.ID, Event{At: s.now(), Kind: kind, Payload: payload})
}

// Finish ends the open session normally.
func (s *Service) Finish() error { return s.end(Finished) }

// Abandon ends the open session because the visitor left it.
func (s *Service) Abandon() error { return s.end(Abandoned) }

// end forgets the in-memory session even when the store fails: the next
// visitor must never see the previous one's data.
func (s *Service) end(status Status) error {
	s.mu.Lock()
	cur := s.current
	s.current, s.needs = nil, nil
	s.mu.Unlock()
	if cur == nil {
		return nil
	}
	return s.store.EndSession(context.Background(), cur.ID, status, s.now())
}
