package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"pasapas/app/activity"
	"pasapas/app/session"
)

// summarize stores the summary of an ended session and adds it to its
// day's counters. Run inside the transaction that ends the session.
func (s *Store) summarize(ctx context.Context, sessionID string) error {
	rec, err := scanSession(s.db.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE id = ?`, sessionID))
	if err != nil {
		return fmt.Errorf("summarizing session %s: %w", sessionID, err)
	}
	f, err := s.factsOf(ctx, sessionID)
	if err != nil {
		return err
	}
	sum := summaryOf(rec, f)
	// The chain as it is now is frozen in the summary: a later purge of an
	// earlier visit must not change what this one added to the counters.
	chain, err := s.earlierOf(ctx, rec.Earlier)
	if err != nil {
		return err
	}
	p := activity.NewProgress(append(chain, sum))
	sum.Visit, sum.Changes = p.Visit, p.Changes()
	day := activity.DayOf(rec.Started)
	levels, needs, walks := f.Encode()
	if _, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO session_facts
(started_at, session_id, day, code, kiosk_id, lang, ended_at, status, orientation, levels, needs, walks, visit, changes, accompanied)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		toMillis(rec.Started), sessionID, day, string(rec.Code), rec.KioskID, rec.Lang, toMillis(rec.Ended), string(rec.Status),
		f.Orientation, levels, needs, walks, sum.Visit, activity.EncodeLevels(sum.Changes), rec.Accompanied); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO outbox (session_id) VALUES (?)`, sessionID); err != nil {
		return err
	}
	return s.count(ctx, day, sum.Counters(), +1)
}

// factsOf gathers a session's facts: the assessment stored on it (as
// AssessmentOf stores it, without the answers the console does not count)
// and the walkthroughs read from its events.
func (s *Store) factsOf(ctx context.Context, sessionID string) (activity.Facts, error) {
	var f activity.Facts
	var orientation sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT orientation FROM sessions WHERE id = ?`, sessionID).Scan(&orientation); err != nil {
		return f, err
	}
	if orientation.Valid {
		f.Orientation = orientation.String
		rows, err := s.db.QueryContext(ctx, `SELECT domain, level FROM domain_levels WHERE session_id = ? AND level >= 0`, sessionID)
		if err != nil {
			return f, err
		}
		defer rows.Close()
		for rows.Next() {
			var d string
			var l int
			if err := rows.Scan(&d, &l); err != nil {
				return f, err
			}
			if f.Levels == nil {
				f.Levels = map[string]int{}
			}
			f.Levels[d] = l
		}
		if err := rows.Err(); err != nil {
			return f, err
		}
		if f.Needs, err = s.needs(ctx, sessionID); err != nil {
			return f, err
		}
	}
	events, err := s.Events(ctx, sessionID)
	f.Walks = activity.Walks(events)
	return f, err
}

// count adds delta to each counter of day, in one statement.
func (s *Store) count(ctx context.Context, day string, counters []activity.Counter, delta int) error {
	if len(counters) == 0 {
		return nil
	}
	values := strings.Repeat("(?, ?, ?, ?), ", len(counters))
	args := make([]any, 0, 4*len(counters))
	for _, c := range counters {
		args = append(args, day, c.Metric, c.Key, delta)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO day_counts (day, metric, key, n) VALUES `+values[:len(values)-2]+`
ON CONFLICT (day, metric, key) DO UPDATE SET n = n + excluded.n`, args...); err != nil {
		return err
	}
	if delta > 0 {
		return nil
	}
	_, err := s.db.ExecContext(ctx, `DELETE FROM day_counts WHERE day = ? AND n <= 0`, day)
	return err
}

func summaryOf(rec session.Record, f activity.Facts) activity.Summary {
	return activity.Summary{
		Code: rec.Code, Started: rec.Started, Duration: rec.Duration(),
		Lang: rec.Lang, KioskID: rec.KioskID, Status: rec.Status, Accompanied: rec.Accompanied, Facts: f,
	}
}

// strings runs a query of one text column.
func (s *Store) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// factsColumns are the stored facts, in the order scanFacts reads them,
// from session_facts named f.
const factsColumns = `f.orientation, f.levels, f.needs, f.walks, f.visit, f.changes`

// scanFacts reads factsColumns (NULLs, from an outer join, are empty).
func scanFacts(scan func(...any) error, before ...any) (activity.Facts, error) {
	// One struct rather than six variables: what scan is given escapes,
	// and an export scans 100 000 rows.
	var v struct {
		o, l, n, w, c sql.NullString
		visit         sql.NullInt64
	}
	if err := scan(append(before, &v.o, &v.l, &v.n, &v.w, &v.visit, &v.c)...); err != nil {
		return activity.Facts{}, err
	}
	f := activity.DecodeFacts(v.o.String, v.l.String, v.n.String, v.w.String)
	f.Visit, f.Changes = int(v.visit.Int64), activity.DecodeLevels(v.c.String)
	return f, nil
}

// Summary is the stored session with code, with its facts. An open session
// has no summary yet: its facts are read from the assessment and events.
func (s *Store) Summary(ctx context.Context, code session.Code) (activity.Summary, error) {
	rec, err := s.SessionByCode(ctx, code)
	if err != nil {
		return activity.Summary{}, err
	}
	return s.summaryOfRecord(ctx, rec)
}

// summaryOfRecord is rec with its stored facts, or those read from its
// assessment and events while it is open.
func (s *Store) summaryOfRecord(ctx context.Context, rec session.Record) (activity.Summary, error) {
	f, err := scanFacts(s.db.QueryRowContext(ctx, `SELECT `+factsColumns+` FROM session_facts f WHERE session_id = ?`, rec.ID).Scan)
	if errors.Is(err, sql.ErrNoRows) {
		f, err = s.factsOf(ctx, rec.ID)
	}
	return summaryOf(rec, f), err
}
