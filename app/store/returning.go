package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"pasapas/app/activity"
	"pasapas/app/session"
	"pasapas/app/throttle"
)

// maxChain bounds a code chain's walk: links always point to an older
// session, so this only guards against a file edited by hand.
const maxChain = 1000

// EarlierByCode finds the session a returning visitor's typed code names,
// for a new session to be linked to (session.Record.Earlier). When later
// visits already follow it, the latest of them is returned: the code on
// any of the visitor's papers leads to their last visit. It returns
// session.ErrUnknownCode for a code no stored session has (a purged session leaves
// nothing, not even its code) and session.ErrExpiredCode for a session
// started before cutoff, past the retention but not purged yet.
func (s *Store) EarlierByCode(ctx context.Context, code session.Code, cutoff time.Time) (session.Record, error) {
	rec, err := s.SessionByCode(ctx, code)
	if errors.Is(err, ErrNotFound) {
		return rec, session.ErrUnknownCode
	}
	if err != nil {
		return rec, err
	}
	if rec.Started.Before(cutoff) {
		return session.Record{}, session.ErrExpiredCode
	}
	later, err := s.laterOf(ctx, rec.ID)
	if err != nil || len(later) == 0 {
		return rec, err
	}
	return later[len(later)-1], nil
}

// laterOf are the sessions that came back from id or from a later one,
// oldest first.
func (s *Store) laterOf(ctx context.Context, id string) ([]session.Record, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH RECURSIVE later (id, depth) AS (
	SELECT s.id, 1 FROM sessions s WHERE s.earlier_id = ?
	UNION
	SELECT s.id, l.depth + 1 FROM sessions s JOIN later l ON s.earlier_id = l.id WHERE l.depth < ?
)
SELECT `+sessionColumns+` FROM sessions WHERE id IN (SELECT id FROM later) ORDER BY started_at, rowid`, id, maxChain)
	if err != nil {
		return nil, err
	}
	return scanSessions(rows)
}

// Chain is the code chain ending at the session sessionID, oldest first,
// that session last: the visits still stored (a purged or deleted visit
// cuts the chain there).
func (s *Store) Chain(ctx context.Context, sessionID string) ([]activity.Summary, error) {
	return s.earlierOf(ctx, sessionID)
}

// Progress is what changed for the visitor of session sessionID since
// their earlier visit (a first visit: Visit 1 and nothing else), for the
// printout and the returning visitor's screens.
func (s *Store) Progress(ctx context.Context, sessionID string) (activity.Progress, error) {
	chain, err := s.Chain(ctx, sessionID)
	return activity.NewProgress(chain), err
}

// Visits are the stored visits of the code chain of the session with
// code, oldest first: those before it, itself, and every visit that came
// back from it or from a later one. The mediator console's detail of a
// session links to them (on the mediator's side only: exports and
// printouts never show another session's code).
func (s *Store) Visits(ctx context.Context, code session.Code) ([]activity.Summary, error) {
	rec, err := s.SessionByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	out, err := s.earlierOf(ctx, rec.ID)
	if err != nil {
		return nil, err
	}
	later, err := s.laterOf(ctx, rec.ID)
	if err != nil {
		return nil, err
	}
	return s.withFacts(ctx, out, later)
}

// earlierOf is the chain ending at id, oldest first; empty when id is "".
func (s *Store) earlierOf(ctx context.Context, id string) ([]activity.Summary, error) {
	if id == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `
WITH RECURSIVE chain (id, depth) AS (
	SELECT ?, 0
	UNION ALL
	SELECT s.earlier_id, c.depth + 1 FROM sessions s JOIN chain c ON s.id = c.id
	WHERE s.earlier_id IS NOT NULL AND c.depth < ?
)
SELECT `+sessionColumns+` FROM sessions JOIN chain USING (id) ORDER BY chain.depth DESC`, id, maxChain)
	if err != nil {
		return nil, err
	}
	recs, err := scanSessions(rows)
	if err != nil {
		return nil, err
	}
	return s.withFacts(ctx, make([]activity.Summary, 0, len(recs)), recs)
}

// scanSessions reads and closes rows of sessionColumns.
func scanSessions(rows *sql.Rows) ([]session.Record, error) {
	defer rows.Close()
	var recs []session.Record
	for rows.Next() {
		r, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, rows.Err()
}

// withFacts appends recs with their facts to out. The rows are read
// first: the store's single connection cannot run a query per row while
// they are open.
func (s *Store) withFacts(ctx context.Context, out []activity.Summary, recs []session.Record) ([]activity.Summary, error) {
	for _, r := range recs {
		sum, err := s.summaryOfRecord(ctx, r)
		if err != nil {
			return nil, err
		}
		out = append(out, sum)
	}
	return out, nil
}

// LoadCodePad returns the lockout of the "J'ai déjà un code" pad.
func (s *Store) LoadCodePad() (throttle.State, error) {
	var st throttle.State
	err := scanLockout(s.db.QueryRow(`SELECT failures, locked_until FROM code_pad WHERE id = 1`), &st)
	if errors.Is(err, sql.ErrNoRows) {
		return throttle.State{}, nil
	}
	return st, err
}

// SaveCodePad stores the lockout of the code pad.
func (s *Store) SaveCodePad(st throttle.State) error {
	_, err := s.db.Exec(`INSERT INTO code_pad (id, failures, locked_until) VALUES (1, ?, ?)
ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`, st.Failures, lockedMillis(st))
	return err
}
