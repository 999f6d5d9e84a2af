package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"

	"pasapas/app/session"
	"pasapas/assessment"
)

// codeColumn is what a code-valued column accepts: never free text.
var codeColumn = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,39}$`)

// SaveAssessment stores a finished assessment on its session: orientation,
// domain levels and needs, replacing any earlier one (a visitor may take it
// twice). The answers are already stored as events.
func (s *Store) SaveAssessment(ctx context.Context, sessionID string, r assessment.Result) error {
	for _, l := range r.Levels {
		if !codeColumn.MatchString(l.Domain) || (l.Autonomy != "" && !codeColumn.MatchString(l.Autonomy)) {
			return fmt.Errorf("domain level %+v: not codes", l)
		}
	}
	for _, n := range r.Needs {
		if !codeColumn.MatchString(n) {
			return fmt.Errorf("need %q is not a code", n)
		}
	}
	return s.InTx(ctx, func(tx *Store) error {
		short := 0
		if r.ShortPath {
			short = 1
		}
		res, err := tx.db.ExecContext(ctx, `UPDATE sessions SET orientation = ?, short_path = ? WHERE id = ?`, r.Orientation, short, sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("no session %s to store an assessment on", sessionID)
		}
		for _, q := range []string{`DELETE FROM domain_levels WHERE session_id = ?`, `DELETE FROM session_needs WHERE session_id = ?`} {
			if _, err := tx.db.ExecContext(ctx, q, sessionID); err != nil {
				return err
			}
		}
		for i, l := range r.Levels {
			if _, err := tx.db.ExecContext(ctx,
				`INSERT INTO domain_levels (session_id, position, domain, level, digcomp, autonomy) VALUES (?, ?, ?, ?, ?, ?)`,
				sessionID, i, l.Domain, l.Level, l.DigComp, l.Autonomy); err != nil {
				return err
			}
		}
		for i, n := range r.Needs {
			if _, err := tx.db.ExecContext(ctx, `INSERT OR IGNORE INTO session_needs (session_id, position, need) VALUES (?, ?, ?)`, sessionID, i, n); err != nil {
				return err
			}
		}
		return nil
	})
}

// AssessmentOf reads back a session's assessment: levels, orientation and
// needs from the session, exercises and answers from its events (the last
// answer to a question wins). ok is false when the session has none.
//
// This is the read API of the printed summary and the mediator console:
// pass the Result to (*assessment.Bank).Describe for the words.
func (s *Store) AssessmentOf(ctx context.Context, sessionID string) (r assessment.Result, ok bool, err error) {
	var orientation sql.NullString
	var short int
	err = s.db.QueryRowContext(ctx, `SELECT orientation, short_path FROM sessions WHERE id = ?`, sessionID).Scan(&orientation, &short)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, ErrNotFound
	}
	if err != nil || !orientation.Valid {
		return r, false, err
	}
	r.Orientation, r.ShortPath = orientation.String, short == 1
	rows, err := s.db.QueryContext(ctx, `SELECT domain, level, digcomp, autonomy FROM domain_levels WHERE session_id = ? ORDER BY position`, sessionID)
	if err != nil {
		return r, false, err
	}
	for rows.Next() {
		var l assessment.DomainLevel
		if err := rows.Scan(&l.Domain, &l.Level, &l.DigComp, &l.Autonomy); err != nil {
			rows.Close()
			return r, false, err
		}
		r.Levels = append(r.Levels, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, false, err
	}
	if r.Needs, err = s.needs(ctx, sessionID); err != nil {
		return r, false, err
	}
	events, err := s.Events(ctx, sessionID)
	if err != nil {
		return r, false, err
	}
	r.Exercises, r.Answers = assessment.ReadAnswers(session.Each(events))
	return r, true, nil
}

func (s *Store) needs(ctx context.Context, sessionID string) ([]string, error) {
	return s.strings(ctx, `SELECT need FROM session_needs WHERE session_id = ? ORDER BY position`, sessionID)
}
