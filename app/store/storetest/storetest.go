// Package storetest helps tests of other packages look inside a kiosk's
// database file, as a technician with the sqlite3 tool would.
package storetest

import (
	"database/sql"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the driver the store uses
)

// Integrity is PRAGMA integrity_check's answer for the file at path: "ok"
// for a sound file.
func Integrity(t testing.TB, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	return check
}
