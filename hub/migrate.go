package hub

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// ServingRole is the role every request runs as: not the owner of any
// table and without BYPASSRLS, so PostgreSQL's row-level security holds
// even when a handler forgets a filter.
const ServingRole = "pasapas_hub"

// scopeSetting is the per-transaction setting the row-level policies read
// (SET LOCAL through set_config): "all" for a coordinator, a centre's id
// otherwise. Unset, it lets nothing through.
const scopeSetting = "pasapas.scope"

// scopePolicy is the row-level policy's test for a row of centre %s. The
// setting is read in sub-selects, which PostgreSQL evaluates once per
// query, not once per row: a year's rollups are read in a few hundred
// milliseconds. Anything but "all" or a number lets nothing through.
const scopePolicy = `((SELECT current_setting('pasapas.scope', true)) = 'all' OR %s = (SELECT CASE WHEN current_setting('pasapas.scope', true) ~ '^[0-9]{1,9}$' THEN current_setting('pasapas.scope', true)::int END))`

// migrations[i] takes the hub's database from version i to i+1, each in
// one transaction. Append only: a hub may start on a database of any older
// version.
//
// Privacy rule, as the kiosk's (app/store/migrations.go): no column holds a
// name, address, phone, e-mail, free text or identifying number of a
// visitor. Sessions come as codes, keyed by the kiosk's random internal id;
// the public code printed for the visitor never leaves the kiosk.
var migrations = []string{
	// v1: centres (a token's hash per centre, for its kiosks) and the
	// dashboard's users. The serving role is created here if the cluster
	// has none yet; the owner must be able to SET ROLE to it.
	`
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pasapas_hub') THEN
		CREATE ROLE pasapas_hub NOLOGIN NOSUPERUSER NOBYPASSRLS;
	END IF;
END $$;
GRANT pasapas_hub TO CURRENT_USER;

CREATE TABLE centres (
	id         serial PRIMARY KEY,
	name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
	token_hash bytea NOT NULL UNIQUE,            -- SHA-256 of the enrolment token
	created_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz                       -- set: its kiosks are refused
);
CREATE TABLE users (
	login         text PRIMARY KEY CHECK (login ~ '^[A-Za-z0-9_.@-]{1,64}$'),
	password_hash text NOT NULL,                 -- argon2id, salted (app/pin)
	centre_id     int REFERENCES centres (id),   -- NULL: a coordinator, every centre
	created_at    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE centres ENABLE ROW LEVEL SECURITY;
CREATE POLICY centres_scope ON centres USING ` + fmt.Sprintf(scopePolicy, "id") + `;
GRANT SELECT (id, name, revoked_at) ON centres TO pasapas_hub;
GRANT SELECT ON users TO pasapas_hub;

-- A kiosk knows only its token: the centre is found before any scope is
-- set, through this function and nothing else.
CREATE FUNCTION hub_centre_of_token(hash bytea) RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS
$$ SELECT id FROM centres WHERE token_hash = hash AND revoked_at IS NULL $$;
REVOKE ALL ON FUNCTION hub_centre_of_token(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub_centre_of_token(bytea) TO pasapas_hub;
`,
	// v2: the sessions, partitioned by month of their day, and their
	// counters per day and per month (the rollups the dashboard reads, so a
	// year over millions of sessions is a few thousand rows). Every row has
	// its centre, and the policies let a request see only its scope's.
	`
CREATE TABLE sessions (
	centre_id   int NOT NULL REFERENCES centres (id),
	session_id  uuid NOT NULL,                   -- the kiosk's internal id
	day         date NOT NULL,                   -- the kiosk's local day
	kiosk_id    text NOT NULL,
	lang        text NOT NULL,
	status      text NOT NULL CHECK (status IN ('finished', 'abandoned')),
	seconds     int NOT NULL CHECK (seconds >= 0),
	orientation text NOT NULL DEFAULT '',
	levels      text NOT NULL DEFAULT '',        -- activity.Facts.Encode
	needs       text NOT NULL DEFAULT '',
	walks       text NOT NULL DEFAULT '',
	received_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (day, centre_id, session_id)
) PARTITION BY RANGE (day);

CREATE TABLE day_counts (
	centre_id int NOT NULL REFERENCES centres (id),
	day       date NOT NULL,
	metric    text NOT NULL,                     -- activity.Metric*
	key       text NOT NULL,
	n         bigint NOT NULL,
	PRIMARY KEY (day, centre_id, metric, key)
);
-- Sessions per day, read alone for the day and week charts.
CREATE INDEX day_counts_sessions ON day_counts (day, centre_id) INCLUDE (n) WHERE metric = 'sessions';
CREATE TABLE month_counts (
	centre_id int NOT NULL REFERENCES centres (id),
	month     date NOT NULL,                     -- its first day
	metric    text NOT NULL,
	key       text NOT NULL,
	n         bigint NOT NULL,
	PRIMARY KEY (month, centre_id, metric, key)
);

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_scope ON sessions USING ` + fmt.Sprintf(scopePolicy, "centre_id") + `;
ALTER TABLE day_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE day_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY day_counts_scope ON day_counts USING ` + fmt.Sprintf(scopePolicy, "centre_id") + `;
ALTER TABLE month_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE month_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY month_counts_scope ON month_counts USING ` + fmt.Sprintf(scopePolicy, "centre_id") + `;
GRANT SELECT, INSERT ON sessions TO pasapas_hub;
GRANT SELECT, INSERT, UPDATE ON day_counts, month_counts TO pasapas_hub;

-- A month's partition, made by the owner when the first session of that
-- month arrives. Called in its own transaction, before the inserts, so it
-- never waits on a lock its caller holds.
CREATE FUNCTION hub_ensure_month(d date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
	first date := date_trunc('month', d)::date;
	name  text := 'sessions_' || to_char(d, 'YYYY_MM');
BEGIN
	IF to_regclass('public.' || name) IS NULL THEN
		EXECUTE format('CREATE TABLE public.%I PARTITION OF public.sessions FOR VALUES FROM (%L) TO (%L)',
			name, first, (first + interval '1 month')::date);
	END IF;
EXCEPTION WHEN duplicate_table OR unique_violation THEN
	NULL; -- another hub made it at the same moment
END $$;
REVOKE ALL ON FUNCTION hub_ensure_month(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub_ensure_month(date) TO pasapas_hub;
`,
	// v3: the dashboard's logins kept in the database, so that several hubs
	// behind a load balancer share them, and the failed tries that slow
	// down password guessing.
	`
CREATE TABLE web_sessions (
	token_hash bytea PRIMARY KEY,                -- SHA-256 of the cookie's value
	login      text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
	csrf       text NOT NULL,                    -- the forms' token
	expires_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);
CREATE TABLE login_failures (
	login text NOT NULL,                         -- as typed (a login, never a password)
	at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_login ON login_failures (login, at);
GRANT SELECT, INSERT, DELETE ON web_sessions, login_failures TO pasapas_hub;
`,
	// v4: the territory's own rollups, every centre added up, so that a
	// coordinator's year is a few thousand rows rather than every centre's
	// (a year of 10 000 000 sessions in 200 centres is 270 000 month rows).
	// Only the coordinator's scope reads them; the ingestion adds to them
	// through a function, last in its transaction, in key order.
	`
SELECT set_config('pasapas.scope', 'all', true);
CREATE TABLE territory_day_counts (
	day    date NOT NULL,
	metric text NOT NULL,
	key    text NOT NULL,
	n      bigint NOT NULL,
	PRIMARY KEY (day, metric, key)
);
CREATE TABLE territory_month_counts (
	month  date NOT NULL,
	metric text NOT NULL,
	key    text NOT NULL,
	n      bigint NOT NULL,
	PRIMARY KEY (month, metric, key)
);
INSERT INTO territory_day_counts SELECT day, metric, key, sum(n) FROM day_counts GROUP BY 1, 2, 3;
INSERT INTO territory_month_counts SELECT month, metric, key, sum(n) FROM month_counts GROUP BY 1, 2, 3;
-- The breakdown of the top stuck steps by centre.
CREATE INDEX month_counts_stuck ON month_counts (key, month) INCLUDE (centre_id, n) WHERE metric = 'walk.stuck';
CREATE INDEX day_counts_stuck ON day_counts (key, day) INCLUDE (centre_id, n) WHERE metric = 'walk.stuck';

ALTER TABLE territory_day_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY territory_day_scope ON territory_day_counts FOR SELECT
	USING ((SELECT current_setting('pasapas.scope', true)) = 'all');
ALTER TABLE territory_month_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY territory_month_scope ON territory_month_counts FOR SELECT
	USING ((SELECT current_setting('pasapas.scope', true)) = 'all');
GRANT SELECT ON territory_day_counts, territory_month_counts TO pasapas_hub;

CREATE FUNCTION hub_add_territory(days date[], months date[], metrics text[], keys text[], ns bigint[], mmetrics text[], mkeys text[], mns bigint[])
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
INSERT INTO public.territory_day_counts (day, metric, key, n)
SELECT u.d, u.m, u.k, u.n FROM unnest($1, $3, $4, $5) WITH ORDINALITY AS u (d, m, k, n, i) ORDER BY u.i
ON CONFLICT (day, metric, key) DO UPDATE SET n = territory_day_counts.n + excluded.n;
INSERT INTO public.territory_month_counts (month, metric, key, n)
SELECT u.d, u.m, u.k, u.n FROM unnest($2, $6, $7, $8) WITH ORDINALITY AS u (d, m, k, n, i) ORDER BY u.i
ON CONFLICT (month, metric, key) DO UPDATE SET n = territory_month_counts.n + excluded.n;
$$;
REVOKE ALL ON FUNCTION hub_add_territory(date[], date[], text[], text[], bigint[], text[], text[], bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub_add_territory(date[], date[], text[], text[], bigint[], text[], text[], bigint[]) TO pasapas_hub;
`,
	// v5: the network's content packs (app/sync.Pack), each kept, signed
	// with the hub's ed25519 key; and which pack each kiosk runs. The key
	// is made by the first command after this migration (ensureKey) and is
	// readable by the owner only: the serving role, which answers the
	// kiosks and the dashboard, reads the signatures, never the key.
	`
CREATE TABLE hub_key (
	one         bool PRIMARY KEY DEFAULT true CHECK (one),  -- a single row
	private_key bytea NOT NULL CHECK (length(private_key) = 32), -- the ed25519 seed
	public_key  bytea NOT NULL CHECK (length(public_key) = 32),
	created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE packs (
	version       int PRIMARY KEY CHECK (version > 0),
	published_at  timestamptz NOT NULL,
	note          text NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
	sha256        text NOT NULL,                 -- of the signed encoding (Pack.Digest)
	signature     bytea NOT NULL,
	restored_from int REFERENCES packs (version) -- set: a copy of that older pack
);
CREATE TABLE pack_files (
	version int NOT NULL REFERENCES packs (version),
	path    text NOT NULL,
	data    bytea NOT NULL,
	PRIMARY KEY (version, path)
);
GRANT SELECT ON packs, pack_files TO pasapas_hub;

CREATE TABLE kiosks (
	centre_id    int NOT NULL REFERENCES centres (id),
	kiosk_id     text NOT NULL,                  -- the centre's name for the machine
	pack_version int,                            -- the pack it runs; NULL: none yet
	synced_at    timestamptz NOT NULL,           -- when it last asked for the pack
	PRIMARY KEY (centre_id, kiosk_id)
);
ALTER TABLE kiosks ENABLE ROW LEVEL SECURITY;
ALTER TABLE kiosks FORCE ROW LEVEL SECURITY;
CREATE POLICY kiosks_scope ON kiosks USING ` + fmt.Sprintf(scopePolicy, "centre_id") + `;
GRANT SELECT, INSERT, UPDATE ON kiosks TO pasapas_hub;
`,
}

// SchemaVersion is the version Migrate brings a database to.
func SchemaVersion() int { return len(migrations) }

// Migrate brings the database up to version target (SchemaVersion() for
// the hub; tests build every older one). Hubs starting together take turns
// on an advisory lock.
func Migrate(ctx context.Context, conn *pgx.Conn, target int) error {
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS hub_schema (version int NOT NULL)`); err != nil {
		return fmt.Errorf("hub schema table: %w", err)
	}
	for {
		done, err := migrateOne(ctx, conn, target)
		if err != nil {
			return err
		}
		if done {
			break
		}
	}
	if target >= packsVersion {
		return ensureKey(ctx, conn)
	}
	return nil
}

// migrationLock is the advisory lock's key ("PaPa").
const migrationLock = 0x50615061

// migrateOne applies the next migration; done is true when none is left.
func migrateOne(ctx context.Context, conn *pgx.Conn, target int) (done bool, err error) {
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return err
		}
		var v int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM hub_schema`).Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("the database is at version %d, newer than this hub's %d: update the hub", v, len(migrations))
		}
		if v >= target {
			done = true
			return nil
		}
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration to version %d: %w", v+1, err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM hub_schema`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO hub_schema (version) VALUES ($1)`, v+1)
		return err
	})
	return done, err
}

// Version is the database's schema version (0: empty).
func Version(ctx context.Context, conn *pgx.Conn) (int, error) {
	var v int
	err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM hub_schema`).Scan(&v)
	return v, err
}
