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
	// v2: the self-assessment's result on the session (codes only): the
	// orientation, each scored domain's level, the procedures the visitor
	// must do. The answers themselves are events (kind assess.answer).
	`
ALTER TABLE sessions ADD COLUMN orientation TEXT    -- NULL: no assessment
	CHECK (orientation IN ('autonome', 'a_former', 'a_accompagner', 'faire_pour'));
ALTER TABLE sessions ADD COLUMN short_path INTEGER NOT NULL DEFAULT 0 CHECK (short_path IN (0, 1));
CREATE INDEX sessions_orientation ON sessions (orientation, started_at);

CREATE TABLE domain_levels (
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,                 -- order of the domain in the bank
	domain     TEXT NOT NULL,                    -- domain code, e.g. device
	level      INTEGER NOT NULL CHECK (level BETWEEN -1 AND 3), -- -1: not assessed
	digcomp    INTEGER NOT NULL CHECK (digcomp BETWEEN 0 AND 8),
	autonomy   TEXT NOT NULL,                    -- guided, guided_if_needed, autonomous; '' when -1
	PRIMARY KEY (session_id, domain)
);
CREATE INDEX domain_levels_domain ON domain_levels (domain, level);

CREATE TABLE session_needs (
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,                 -- order chosen
	need       TEXT NOT NULL,                    -- procedure code, e.g. caf
	PRIMARY KEY (session_id, need)
);
CREATE INDEX session_needs_need ON session_needs (need);
`,
	// v3: the mediator console. Each ended session's summary (codes only,
	// read from its events) and day counters, so a year of statistics and an
	// export stay fast with 100 000 sessions; the centre's directory of
	// places to orient visitors to (centre data, never visitor data).
	`
CREATE TABLE session_summaries (
	session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	day        TEXT NOT NULL,                    -- local day started, YYYY-MM-DD
	facts      TEXT NOT NULL                     -- JSON of activity.Facts: codes only
);
CREATE TABLE day_counts (
	day    TEXT NOT NULL,                        -- local day, YYYY-MM-DD
	metric TEXT NOT NULL,                        -- activity.Metric*
	key    TEXT NOT NULL,                        -- a code
	n      INTEGER NOT NULL,
	PRIMARY KEY (day, metric, key)
) WITHOUT ROWID;
CREATE TABLE places (
	id           TEXT PRIMARY KEY,               -- the standard's "id"
	name         TEXT NOT NULL,
	address      TEXT NOT NULL,                  -- adresse, code postal, commune
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	website      TEXT NOT NULL DEFAULT '',
	hours        TEXT NOT NULL DEFAULT '',       -- OSM opening_hours
	services     TEXT NOT NULL DEFAULT '',       -- "|"-separated, as in the standard
	publics      TEXT NOT NULL DEFAULT '',
	access       TEXT NOT NULL DEFAULT '',       -- modalites_acces
	orientations TEXT NOT NULL DEFAULT ''        -- " "-separated orientation codes served
);
`,
	// v4: the console's session summaries become session_facts, kept in
	// start order with every column an export reads and codes as short
	// texts (activity.Facts.Encode), so a year's export is one sequential
	// scan without JSON. The v3 summaries are carried over.
	`
CREATE TABLE session_facts (
	started_at  INTEGER NOT NULL,                -- Unix milliseconds, as sessions.started_at
	session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	day         TEXT NOT NULL,                   -- local day started, YYYY-MM-DD
	code        TEXT NOT NULL,
	kiosk_id    TEXT NOT NULL,
	lang        TEXT NOT NULL,
	ended_at    INTEGER NOT NULL,
	status      TEXT NOT NULL,
	orientation TEXT NOT NULL DEFAULT '',
	levels      TEXT NOT NULL DEFAULT '',        -- "device=2 internet=1"
	needs       TEXT NOT NULL DEFAULT '',        -- "caf impots"
	walks       TEXT NOT NULL DEFAULT '',        -- "proc|completed|stuck,steps|missing,docs" …
	PRIMARY KEY (started_at, session_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX session_facts_session ON session_facts (session_id);
INSERT INTO session_facts
SELECT s.started_at, s.id, ss.day, s.code, s.kiosk_id, s.lang, coalesce(s.ended_at, s.started_at), s.status,
	coalesce(json_extract(ss.facts, '$.orientation'), ''),
	coalesce((SELECT group_concat(key || '=' || value, ' ') FROM (SELECT key, value FROM json_each(ss.facts, '$.levels') ORDER BY key)), ''),
	coalesce((SELECT group_concat(value, ' ') FROM json_each(ss.facts, '$.needs')), ''),
	coalesce((SELECT group_concat(
		json_extract(w.value, '$.procedure') || '|' ||
		iif(json_extract(w.value, '$.completed'), '1', '0') || '|' ||
		coalesce((SELECT group_concat(value, ',') FROM json_each(w.value, '$.stuck_steps')), '') || '|' ||
		coalesce((SELECT group_concat(value, ',') FROM json_each(w.value, '$.missing_documents')), ''), ' ')
		FROM json_each(ss.facts, '$.walkthroughs') w), '')
FROM session_summaries ss JOIN sessions s ON s.id = ss.session_id;
DROP TABLE session_summaries;
`,
	// v5: where each place is, so a visitor is offered the places near the
	// centre, nearest first, and the centre's own entry gives its commune
	// and codes (hours are now stored in plain French).
	`
ALTER TABLE places ADD COLUMN commune TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN code_postal TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN code_insee TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN latitude REAL;     -- NULL: no position in the file
ALTER TABLE places ADD COLUMN longitude REAL;
`,
	// v6: the outbox of the territory hub (app/sync): every ended session
	// waits here until the hub has it; those already ended are queued too,
	// so a kiosk set up later sends its past. A purged or deleted session
	// leaves the queue with it.
	`
CREATE TABLE outbox (
	id         INTEGER PRIMARY KEY,              -- queue order
	session_id TEXT NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE
);
INSERT INTO outbox (session_id) SELECT session_id FROM session_facts ORDER BY started_at;
`,
	// v7: a returning visitor's code chain and accompanied sessions. A new
	// session points to the earlier session whose code the visitor typed by
	// its internal id only (its code is never copied); the link goes when
	// the earlier session is purged or deleted (SET NULL), and with the row
	// when the later one goes. session_facts keeps, as the session ended,
	// its place in the chain and its level changes (codes and small
	// numbers), so its counters can be taken back exactly on a delete. The
	// code pad's lockout is stored like the PIN's, so a restart does not
	// clear it.
	`
ALTER TABLE sessions ADD COLUMN earlier_id TEXT REFERENCES sessions (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN accompanied INTEGER NOT NULL DEFAULT 0 CHECK (accompanied IN (0, 1));
CREATE INDEX sessions_earlier_id ON sessions (earlier_id);
ALTER TABLE session_facts ADD COLUMN visit INTEGER NOT NULL DEFAULT 1;       -- 1: first visit of its chain
ALTER TABLE session_facts ADD COLUMN changes TEXT NOT NULL DEFAULT '';       -- "device=1 internet=0": level now minus then
ALTER TABLE session_facts ADD COLUMN accompanied INTEGER NOT NULL DEFAULT 0;

CREATE TABLE code_pad (
	id           INTEGER PRIMARY KEY CHECK (id = 1),
	failures     INTEGER NOT NULL DEFAULT 0,      -- wrong codes in a row
	locked_until INTEGER NOT NULL DEFAULT 0       -- Unix milliseconds, UTC
);
`,
}
