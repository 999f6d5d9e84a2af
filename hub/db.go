package hub

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Scope is what a request may see: every centre (a coordinator) or one.
type Scope struct {
	All    bool
	Centre int
}

// setting is the value of pasapas.scope for s.
func (s Scope) setting() string {
	if s.All {
		return "all"
	}
	return strconv.Itoa(s.Centre)
}

// DB is the hub's database as requests use it: every connection of its
// pool runs as ServingRole, and every query runs in a transaction whose
// scope the row-level policies read.
type DB struct {
	pool *pgxpool.Pool
	// url is the owner's, for the dashboard's pack publishing (Admin).
	url string
	// months are the sessions partitions known to exist.
	months sync.Map
}

// OpenDB connects to url, brings the schema up to date as the URL's role
// (the tables' owner), then opens the serving pool, which switches each
// connection to ServingRole.
func OpenDB(ctx context.Context, url string) (*DB, error) {
	if err := migrateURL(ctx, url); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, `SET ROLE `+ServingRole)
		return err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting as %s: %w", ServingRole, err)
	}
	return &DB{pool: pool, url: url}, nil
}

// Close closes the pool.
func (db *DB) Close() { db.pool.Close() }

func migrateURL(ctx context.Context, url string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return fmt.Errorf("connecting to the database: %w", err)
	}
	defer conn.Close(ctx)
	return Migrate(ctx, conn, SchemaVersion())
}

// inScope runs fn in a transaction that sees only scope's rows.
func (db *DB) inScope(ctx context.Context, scope Scope, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT set_config($1, $2, true)`, scopeSetting, scope.setting()); err != nil {
			return err
		}
		return fn(tx)
	})
}

// unscoped runs fn in a transaction without a scope: it sees no centre's
// rows, only the logins and the token lookup.
func (db *DB) unscoped(ctx context.Context, fn func(pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, db.pool, fn)
}

// newToken is a random secret for a kiosk or a cookie, and the hash the
// database keeps of it. A 256-bit random token needs no slow hash: there is
// nothing to guess from its SHA-256.
func newToken() (token string, hash []byte, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, tokenHash(token), nil
}

func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// errUnauthorized is a wrong or revoked token, or a wrong login.
var errUnauthorized = errors.New("unauthorized")

// centreOfToken is the centre whose kiosks hold token, if it is not revoked.
func (db *DB) centreOfToken(ctx context.Context, token string) (int, error) {
	var id *int
	err := db.unscoped(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `SELECT hub_centre_of_token($1)`, tokenHash(token)).Scan(&id)
	})
	if err != nil {
		return 0, err
	}
	if id == nil {
		return 0, errUnauthorized
	}
	return *id, nil
}
