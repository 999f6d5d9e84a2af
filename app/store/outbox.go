package store

import (
	"context"
	"strings"
	"time"

	"pasapas/app/activity"
	"pasapas/app/session"
	kiosksync "pasapas/app/sync"
)

// Outbox returns up to limit sessions waiting for the hub, oldest in the
// queue first, as they leave the kiosk (without their public code).
func (s *Store) Outbox(ctx context.Context, limit int) ([]kiosksync.Session, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT f.session_id, f.started_at, f.kiosk_id, f.lang, f.ended_at, f.status, `+factsColumns+`
FROM outbox o JOIN session_facts f ON f.session_id = o.session_id
ORDER BY o.id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []kiosksync.Session
	for rows.Next() {
		var q activity.Summary
		var id, status string
		var started, ended int64
		q.Facts, err = scanFacts(rows.Scan, &id, &started, &q.KioskID, &q.Lang, &ended, &status)
		if err != nil {
			return nil, err
		}
		q.Status, q.Started = session.Status(status), fromMillis(started)
		q.Duration = time.Duration(ended-started) * time.Millisecond
		out = append(out, kiosksync.FromSummary(id, q))
	}
	return out, rows.Err()
}

// Sent takes the sessions with ids out of the outbox: the hub has them.
func (s *Store) Sent(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	_, err := s.db.ExecContext(ctx, `DELETE FROM outbox WHERE session_id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, args...)
	return err
}

// OutboxSize is how many sessions wait for the hub.
func (s *Store) OutboxSize(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM outbox`).Scan(&n)
	return n, err
}
