package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"pasapas/app/activity"
	"pasapas/app/session"
)

// ListSessions returns up to limit ended or open sessions older than after,
// newest first.
func (s *Store) ListSessions(ctx context.Context, after activity.Cursor, limit int) (activity.Page, error) {
	if after == (activity.Cursor{}) {
		after = activity.Cursor{Started: math.MaxInt64, Row: math.MaxInt64}
	}
	rows, err := s.db.QueryContext(ctx, `
SELECT `+sessionColumns+`, s.rowid, `+factsColumns+`
FROM sessions s LEFT JOIN (SELECT session_id, orientation, levels, needs, walks, visit, changes FROM session_facts) f ON f.session_id = s.id
WHERE (s.started_at, s.rowid) < (?, ?)
ORDER BY s.started_at DESC, s.rowid DESC
LIMIT ?`, after.Started, after.Row, limit+1)
	if err != nil {
		return activity.Page{}, err
	}
	defer rows.Close()
	var page activity.Page
	var last activity.Cursor
	for rows.Next() {
		if len(page.Sessions) == limit {
			page.Next = &last
			break
		}
		var rec session.Record
		f, err := scanFacts(func(dest ...any) error {
			var err error
			rec, err = scanSession(rows, dest...)
			return err
		}, &last.Row)
		if err != nil {
			return page, err
		}
		last.Started = toMillis(rec.Started)
		page.Sessions = append(page.Sessions, summaryOf(rec, f))
	}
	return page, rows.Err()
}

// DeleteSession deletes the session with code, its events and its share of
// the statistics. secure_delete and the checkpoint leave none of it in the
// file or its journal.
func (s *Store) DeleteSession(ctx context.Context, code session.Code) error {
	err := s.InTx(ctx, func(tx *Store) error {
		rec, err := tx.SessionByCode(ctx, code)
		if err != nil {
			return err
		}
		var day string
		f, err := scanFacts(tx.db.QueryRowContext(ctx, `SELECT day, `+factsColumns+` FROM session_facts f WHERE session_id = ?`, rec.ID).Scan, &day)
		if err == nil {
			if err := tx.count(ctx, day, summaryOf(rec, f).Counters(), -1); err != nil {
				return err
			}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.db.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, rec.ID)
		return err
	})
	if err != nil {
		return err
	}
	return s.checkpoint()
}

// checkpoint copies the journal into the file and empties it.
func (s *Store) checkpoint() error {
	_, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// Purge deletes every ended session started before the local midnight
// before, with its events and day counters, then rewrites the file
// (VACUUM) so that nothing of them stays in it. It returns how many
// sessions went.
func (s *Store) Purge(ctx context.Context, before time.Time) (int, error) {
	before = activity.NewPeriod(before, before).Start()
	var n int64
	err := s.InTx(ctx, func(tx *Store) error {
		res, err := tx.db.ExecContext(ctx, `DELETE FROM sessions WHERE started_at < ? AND status != 'active'`, toMillis(before))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		_, err = tx.db.ExecContext(ctx, `DELETE FROM day_counts WHERE day < ?`, activity.DayOf(before))
		return err
	})
	if err != nil || n == 0 {
		return int(n), err
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return int(n), fmt.Errorf("compacting after the purge: %w", err)
	}
	return int(n), s.checkpoint()
}

// NewestStart is when the most recent stored session started; ok is false
// when there is none. The retention compares it with the clock.
func (s *Store) NewestStart(ctx context.Context) (t time.Time, ok bool, err error) {
	var ms sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(started_at) FROM sessions`).Scan(&ms); err != nil || !ms.Valid {
		return time.Time{}, false, err
	}
	return fromMillis(ms.Int64), true, nil
}

// Stats adds up the statistics of period p from the day counters.
func (s *Store) Stats(ctx context.Context, p activity.Period) (activity.Stats, error) {
	days := p.Days()
	// Days only for the sessions per day; everything else is added up by
	// SQLite, so a year is a few hundred rows to read, not tens of thousands.
	rows, err := s.db.QueryContext(ctx, `
SELECT day, metric, key, n FROM day_counts WHERE day BETWEEN ?1 AND ?2 AND metric = ?3
UNION ALL
SELECT '', metric, key, sum(n) FROM day_counts WHERE day BETWEEN ?1 AND ?2 AND metric != ?3 GROUP BY metric, key`,
		days[0], days[len(days)-1], activity.MetricSessions)
	if err != nil {
		return activity.Stats{}, err
	}
	defer rows.Close()
	var all []activity.Row
	for rows.Next() {
		var r activity.Row
		if err := rows.Scan(&r.Day, &r.Metric, &r.Key, &r.N); err != nil {
			return activity.Stats{}, err
		}
		all = append(all, r)
	}
	if err := rows.Err(); err != nil {
		return activity.Stats{}, err
	}
	return activity.NewStats(p, all), nil
}

// EachSummary calls fn for every ended session started in [from, to),
// oldest first, without holding them all in memory. A zero from or to
// leaves that side open.
func (s *Store) EachSummary(ctx context.Context, from, to time.Time, fn func(activity.Summary) error) error {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if !from.IsZero() {
		lo = toMillis(from)
	}
	if !to.IsZero() {
		hi = toMillis(to)
	}
	rows, err := s.db.QueryContext(ctx, `
SELECT started_at, code, kiosk_id, lang, ended_at, status, accompanied, `+factsColumns+`
FROM session_facts f WHERE started_at >= ? AND started_at < ? ORDER BY started_at, session_id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x activity.Summary
		var code, status string
		var started, ended int64
		x.Facts, err = scanFacts(rows.Scan, &started, &code, &x.KioskID, &x.Lang, &ended, &status, &x.Accompanied)
		if err != nil {
			return err
		}
		x.Code, x.Status, x.Started = session.Code(code), session.Status(status), fromMillis(started)
		x.Duration = time.Duration(ended-started) * time.Millisecond
		if err := fn(x); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Export writes the sessions started in [from, to) (zero: open side) in
// format (activity.FormatCSV, FormatJSON or FormatCoop) and returns how
// many.
func (s *Store) Export(ctx context.Context, w io.Writer, from, to time.Time, format string, opts activity.Options) (int, error) {
	x, err := activity.NewWriter(w, format, opts)
	if err != nil {
		return 0, err
	}
	// Reading the database and writing the rows overlap, a batch at a time:
	// with a core free, the export takes the longer of the two, not their sum.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	batches := make(chan []activity.Summary, 2)
	var readErr error
	go func() {
		defer close(batches)
		batch := make([]activity.Summary, 0, exportBatch)
		send := func() bool {
			select {
			case batches <- batch:
				batch = make([]activity.Summary, 0, exportBatch)
				return true
			case <-ctx.Done():
				return false
			}
		}
		readErr = s.EachSummary(ctx, from, to, func(sm activity.Summary) error {
			if batch = append(batch, sm); len(batch) == exportBatch && !send() {
				return ctx.Err()
			}
			return nil
		})
		if readErr == nil && len(batch) > 0 {
			send()
		}
	}()
	var writeErr error
	for batch := range batches {
		for _, sm := range batch {
			if writeErr == nil {
				writeErr = x.Write(sm)
			}
		}
		if writeErr != nil {
			stop() // the reader stops at its next batch
		}
	}
	if writeErr != nil {
		return 0, writeErr
	}
	if readErr != nil {
		return 0, readErr
	}
	return x.Close()
}

// exportBatch is how many sessions the export reads ahead of the writer.
const exportBatch = 256
