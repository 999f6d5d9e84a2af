package store

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ApplicationID marks a SQLite file as Pas à Pas's own (PRAGMA
// application_id, "PaPa"), so that another program's database is never
// taken for ours and migrated into.
const ApplicationID = 0x50615061

// ErrUnusable is wrapped by the error Open returns for a file that is not a
// usable Pas à Pas database: not SQLite at all, damaged, or another
// program's. Such a file can be moved aside and replaced by a fresh one;
// nothing else can.
var ErrUnusable = errors.New("not a usable Pas à Pas database")

// NewerSchemaError is returned by Open for a file written by a newer version
// of the program. It must never be moved aside: that would hide every stored
// session until someone digs the file out. The program must be updated.
type NewerSchemaError struct {
	Found, Known int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("database version %d is newer than this program (%d): update Pas à Pas", e.Found, e.Known)
}

// unusable tells whether err from SQLite means the file itself is bad (as
// opposed to the disk, permissions or memory).
func unusable(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && (e.Code == sqlite3.ErrNotADB || e.Code == sqlite3.ErrCorrupt)
}

// IsDiskFull tells whether err comes from a full disk.
func IsDiskFull(err error) bool {
	var e sqlite3.Error
	if errors.As(err, &e) && e.Code == sqlite3.ErrFull {
		return true
	}
	return errors.Is(err, syscall.ENOSPC)
}

// checkFile refuses a file that is not ours or is damaged, before any
// migration writes to it. A quick_check reads every page: on the few
// megabytes a kiosk keeps it costs milliseconds, and it catches a file cut
// short by a failing disk that would otherwise fail later, mid-session.
func (s *Store) checkFile() error {
	var appID, version, tables int
	row := s.db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')`)
	if err := row.Scan(&appID, &version, &tables); err != nil {
		if unusable(err) {
			return fmt.Errorf("%w: %v", ErrUnusable, err)
		}
		return err
	}
	var hasSessions bool
	if err := s.db.QueryRow(`SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'`).Scan(&hasSessions); err != nil {
		return err
	}
	switch {
	case appID != 0 && appID != ApplicationID:
		return fmt.Errorf("%w: application_id %#x belongs to another program", ErrUnusable, appID)
	case version == 0 && tables > 0:
		return fmt.Errorf("%w: %d tables of another program", ErrUnusable, tables)
	case version > 0 && !hasSessions:
		return fmt.Errorf("%w: version %d but no sessions table", ErrUnusable, version)
	case version > len(migrations):
		return &NewerSchemaError{Found: version, Known: len(migrations)}
	case version > 0 && appID == 0:
		// Files of the first version predate the mark: ours if the sessions
		// table has our columns.
		if _, err := s.db.Exec(`SELECT id, code, kiosk_id, lang, started_at, ended_at, status FROM sessions LIMIT 0`); err != nil {
			return fmt.Errorf("%w: a sessions table of another program", ErrUnusable)
		}
	}
	rows, err := s.db.Query(`PRAGMA quick_check`)
	if err != nil {
		if unusable(err) {
			return fmt.Errorf("%w: %v", ErrUnusable, err)
		}
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if unusable(err) {
			return fmt.Errorf("%w: %v", ErrUnusable, err)
		}
		return err
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = append(problems[:3], "…")
		}
		return fmt.Errorf("%w: damaged: %s", ErrUnusable, strings.Join(problems, "; "))
	}
	return nil
}
