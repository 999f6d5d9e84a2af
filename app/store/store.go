// Package store keeps the kiosk's sessions, events and settings in one
// SQLite file.
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"pasapas/app/activity"
	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/app/throttle"
)

// Store is the SQLite file behind the kiosk. It is safe for concurrent use;
// writes go through a single connection, so they never contend.
type Store struct {
	// db is the database, or the transaction of a Store made by InTx.
	db    conn
	sqlDB *sql.DB
	path  string
	// codes is where session codes are drawn from: crypto/rand when nil.
	codes io.Reader
}

// DrawCodesFrom makes session codes come from r: a seeded source gives a
// simulation (and a test's screens) the same codes at every run.
func (s *Store) DrawCodesFrom(r io.Reader) { s.codes = r }

// conn is what *sql.DB and *sql.Tx share, so every query works inside or
// outside a transaction.
type conn interface {
	Exec(query string, args ...any) (sql.Result, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// InTx runs fn with a Store whose every query is in one transaction,
// committed when fn returns nil. Inside a transaction it just runs fn.
func (s *Store) InTx(ctx context.Context, fn func(tx *Store) error) error {
	if s.sqlDB == nil {
		return fn(s)
	}
	tx, err := s.sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(&Store{db: tx, path: s.path, codes: s.codes}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(path string) (*Store, error) {
	return openAt(path, len(migrations))
}

// openAt opens path and migrates it to version target; tests use it to build
// files of every older version.
func openAt(path string, target int) (*Store, error) {
	q := url.Values{}
	// mattn/go-sqlite3 would set NORMAL on each connection, which can lose
	// the last commit on a power cut; a kiosk gets unplugged.
	q.Set("_synchronous", "FULL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	// Deleted sessions are overwritten, not just unlinked: a purge or a
	// "Supprimer" must leave nothing readable in the file.
	q.Set("_secure_delete", "on")
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, sqlDB: db, path: path}
	// The file is checked before anything writes to it: WAL mode is set
	// after, not in the connection string, which would convert another
	// program's file on the first query.
	if err := s.checkFile(); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if _, err := db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := s.migrate(target); err != nil {
		db.Close()
		return nil, fmt.Errorf("preparing %s: %w", path, err)
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.sqlDB.Close() }

// Version is the schema version of the open file.
func (s *Store) Version() (int, error) {
	var v int
	err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	return v, err
}

// SchemaVersion is the version Open migrates to.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(target int) error {
	v, err := s.Version()
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return &NewerSchemaError{Found: v, Known: len(migrations)}
	}
	for ; v < target; v++ {
		tx, err := s.sqlDB.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration to version %d: %w", v+1, err)
		}
		// PRAGMA takes no bound parameters; v is our own integer.
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	// Older files predate the mark; a fresh file gets it with its tables.
	// Written only when missing: a write at every start would keep a kiosk
	// on a full disk from starting.
	var id int
	if err := s.db.QueryRow(`PRAGMA application_id`).Scan(&id); err != nil {
		return err
	}
	if v > 0 && id != ApplicationID {
		_, err = s.db.Exec(fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID))
	}
	return err
}

func toMillis(t time.Time) int64 { return t.UTC().UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms) }

// maxCodeTries bounds the retries on a code collision; with 31^6 codes a
// second try is already rare.
const maxCodeTries = 20

// CreateSession stores rec under a fresh code unique among stored sessions.
func (s *Store) CreateSession(ctx context.Context, rec session.Record) (session.Record, error) {
	for try := 0; try < maxCodeTries; try++ {
		code, err := session.NewCode(s.codes)
		if err != nil {
			return rec, err
		}
		_, err = s.db.ExecContext(ctx,
			`INSERT INTO sessions (id, code, kiosk_id, lang, started_at, status, earlier_id, accompanied) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			rec.ID, string(code), rec.KioskID, rec.Lang, toMillis(rec.Started), string(session.Active),
			sql.NullString{String: rec.Earlier, Valid: rec.Earlier != ""}, rec.Accompanied)
		var sqlErr sqlite3.Error
		if errors.As(err, &sqlErr) && sqlErr.ExtendedCode == sqlite3.ErrConstraintUnique && strings.Contains(sqlErr.Error(), "code") {
			continue
		}
		if err != nil {
			return rec, err
		}
		rec.Code = code
		rec.Status = session.Active
		return rec, nil
	}
	return rec, errors.New("no free session code found")
}

// AddEvent stores an event after checking it holds codes only.
func (s *Store) AddEvent(ctx context.Context, sessionID string, e session.Event) error {
	if err := session.ValidateEvent(e); err != nil {
		return err
	}
	payload, err := json.Marshal(e.Payload)
	if err != nil {
		return err
	}
	if e.Payload == nil {
		payload = []byte("{}")
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO events (session_id, at, kind, payload) VALUES (?, ?, ?, ?)`,
		sessionID, toMillis(e.At), e.Kind, string(payload))
	return err
}

// EndSession closes a session as finished or abandoned, and adds it to the
// console's statistics in the same transaction.
func (s *Store) EndSession(ctx context.Context, sessionID string, status session.Status, at time.Time) error {
	return s.InTx(ctx, func(tx *Store) error {
		res, err := tx.db.ExecContext(ctx, `UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?`,
			string(status), toMillis(at), sessionID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("no session %s to end", sessionID)
		}
		return tx.summarize(ctx, sessionID)
	})
}

// AbandonOpenSessions marks as abandoned the sessions a crash or power cut
// left open, ending them at their last recorded event. It returns how many.
func (s *Store) AbandonOpenSessions(ctx context.Context) (int, error) {
	n := 0
	err := s.InTx(ctx, func(tx *Store) error {
		ids, err := tx.strings(ctx, `SELECT id FROM sessions WHERE status = 'active'`)
		if err != nil {
			return err
		}
		if _, err := tx.db.ExecContext(ctx, `
UPDATE sessions SET status = 'abandoned',
	ended_at = max(started_at, coalesce((SELECT max(at) FROM events WHERE events.session_id = sessions.id), 0))
WHERE status = 'active'`); err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.summarize(ctx, id); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// ErrNotFound is returned when no session has the asked code.
var ErrNotFound = activity.ErrNotFound

const sessionColumns = `id, code, kiosk_id, lang, started_at, coalesce(ended_at, 0), status, coalesce(earlier_id, ''), accompanied`

// scanSession reads sessionColumns, then any extra columns into extra.
func scanSession(row interface{ Scan(...any) error }, extra ...any) (session.Record, error) {
	var r session.Record
	var code, status string
	var started, ended int64
	if err := row.Scan(append([]any{&r.ID, &code, &r.KioskID, &r.Lang, &started, &ended, &status, &r.Earlier, &r.Accompanied}, extra...)...); err != nil {
		return r, err
	}
	r.Code, r.Status, r.Started = session.Code(code), session.Status(status), fromMillis(started)
	if ended != 0 {
		r.Ended = fromMillis(ended)
	}
	return r, nil
}

// SessionByCode finds a stored session by its public code.
func (s *Store) SessionByCode(ctx context.Context, code session.Code) (session.Record, error) {
	r, err := scanSession(s.db.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE code = ?`, string(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// Events returns a session's events in order.
func (s *Store) Events(ctx context.Context, sessionID string) ([]session.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, kind, payload FROM events WHERE session_id = ? ORDER BY at, id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []session.Event
	for rows.Next() {
		var at int64
		var e session.Event
		var payload string
		if err := rows.Scan(&at, &e.Kind, &payload); err != nil {
			return nil, err
		}
		e.At = fromMillis(at)
		if err := json.Unmarshal([]byte(payload), &e.Payload); err != nil {
			return nil, fmt.Errorf("event payload of session %s: %w", sessionID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Setting returns a stored setting, or def when it was never set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	return v, err
}

// SetSetting stores a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// LoadPIN returns the mediator PIN's hash and lockout state.
func (s *Store) LoadPIN() (pin.State, error) {
	var st pin.State
	err := scanLockout(s.db.QueryRow(`SELECT hash, failures, locked_until FROM mediator_pin WHERE id = 1`), &st.State, &st.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return pin.State{}, nil
	}
	return st, err
}

// SavePIN stores the mediator PIN's hash and lockout state.
func (s *Store) SavePIN(st pin.State) error {
	_, err := s.db.Exec(`INSERT INTO mediator_pin (id, hash, failures, locked_until) VALUES (1, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, failures = excluded.failures, locked_until = excluded.locked_until`,
		st.Hash, st.Failures, lockedMillis(st.State))
	return err
}

// scanLockout reads a pad's failures and locked_until (0: not locked)
// into st, after the columns before.
func scanLockout(row *sql.Row, st *throttle.State, before ...any) error {
	var locked int64
	err := row.Scan(append(before, &st.Failures, &locked)...)
	if locked != 0 {
		st.LockedUntil = fromMillis(locked)
	}
	return err
}

// lockedMillis is st's locked_until column.
func lockedMillis(st throttle.State) int64 {
	if st.LockedUntil.IsZero() {
		return 0
	}
	return toMillis(st.LockedUntil)
}
