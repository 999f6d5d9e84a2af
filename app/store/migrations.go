package store

// migrations[i] takes a database from PRAGMA user_version i to i+1. Append
// only: a kiosk in the field may hold any older version.
//
// Privacy rule for every table, present and future: no column may hold a
// name, address, phone number, e-mail, free text or identifying number of a
// visitor. Sessions are known by a random UUID (internal) and a random
// six-character code (printed); events carry codes only, checked by
// session.ValidateEvent before they are written. Settings hold the centre's
// own data (its name, address, hours), never a visitor's.
var migrations = []string{
	// v1: sessions, their events, kiosk settings, the mediator PIN.
	`
CREATE TABLE sessions (
	id         TEXT PRIMARY KEY,                 -- random UUID, never shown
	code       TEXT NOT NULL UNIQUE CHECK (length(code) = 6), -- random public code
	kiosk_id   TEXT NOT NULL,                    -- which kiosk of the centre
	lang       TEXT NOT NULL,                    -- interface language code
	started_at INTEGER NOT NULL,                 -- Unix milliseconds, UTC
	ended_at   INTEGER,                          -- Unix milliseconds, UTC
	status     TEXT NOT NULL CHECK (status IN ('active', 'finished', 'abandoned'))
);
CREATE INDEX sessions_started_at ON sessions (started_at);

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	at         INTEGER NOT NULL,                 -- Unix milliseconds, UTC
	kind       TEXT NOT NULL,                    -- a code such as walkthrough.step
	payload    TEXT NOT NULL DEFAULT '{}'        -- JSON object of short codes only
);
CREATE INDEX events_session_id ON events (session_id);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE mediator_pin (
	id           INTEGER PRIMARY KEY CHECK (id = 1),
	hash         TEXT NOT NULL DEFAULT '',        -- argon2id, salted
	failures     INTEGER NOT NULL DEFAULT 0,      -- wrong tries in a row
	locked_until INTEGER NOT NULL DEFAULT 0       -- Unix milliseconds, UTC
);
`,
}
