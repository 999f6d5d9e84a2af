package hub

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	kiosksync "pasapas/app/sync"
)

// packsVersion is the schema version that brought packs and the key.
const packsVersion = 5

// ensureKey makes the hub's ed25519 key pair once, at the first command
// after the packs migration; hubs starting together keep the first one.
func ensureKey(ctx context.Context, conn *pgx.Conn) error {
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM hub_key`).Scan(&n); err != nil || n > 0 {
		return err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, `INSERT INTO hub_key (private_key, public_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, priv.Seed(), []byte(pub))
	return err
}

// PublicKey is the hub's public key, which every kiosk keeps in sync.key.
func (a *Admin) PublicKey(ctx context.Context) (ed25519.PublicKey, error) {
	var pub []byte
	err := a.conn.QueryRow(ctx, `SELECT public_key FROM hub_key`).Scan(&pub)
	return ed25519.PublicKey(pub), err
}

// PackRefused is a pack the kiosk's loader finds broken: nothing of it is
// published. Each error names file, line and field.
type PackRefused struct{ Errs []error }

func (e *PackRefused) Error() string {
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return "pack refused: " + strings.Join(msgs, "; ")
}

// ErrNote: a pack's note is missing, too long or more than one line.
var ErrNote = errors.New(`--note: one line saying what changed, 500 characters at most ("impots.gouv : code reçu par e-mail")`)

// CheckPack validates a pack's files as the kiosk will: walkthroughs and
// questions over the built-in content, with the kiosk's own loader
// (app.CheckPack). It returns every problem found.
type CheckPack func(fsys fs.FS) []error

// Publish checks files with check and, when they are sound, stores them as
// the new current pack, numbered after the last, signed with the hub's key.
func (a *Admin) Publish(ctx context.Context, files []kiosksync.PackFile, note string, check CheckPack) (*kiosksync.Pack, error) {
	note = strings.TrimSpace(note)
	if n := utf8.RuneCountInString(note); n == 0 || n > 500 || strings.ContainsFunc(note, func(r rune) bool { return r < ' ' }) {
		return nil, ErrNote
	}
	p := &kiosksync.Pack{Note: note, Files: files}
	if err := p.CheckPaths(); err != nil {
		return nil, &PackRefused{[]error{err}}
	}
	if check == nil {
		return nil, errors.New("no content loader to check the pack with")
	}
	if errs := check(p.FS()); len(errs) > 0 {
		return nil, &PackRefused{errs}
	}
	return p, a.store(ctx, p, nil)
}

// Restore publishes again the files of an older pack, as a new version:
// versions only grow, so every kiosk takes it as newer, and an old signed
// pack replayed by someone else is never taken back.
func (a *Admin) Restore(ctx context.Context, version int) (*kiosksync.Pack, error) {
	old, err := loadPack(ctx, a.conn, version)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("no pack version %d", version)
	}
	if err != nil {
		return nil, err
	}
	note := fmt.Sprintf("Retour à la version %d : %s", version, old.Note)
	if r := []rune(note); len(r) > 500 {
		note = string(r[:500])
	}
	p := &kiosksync.Pack{Note: note, Files: old.Files}
	return p, a.store(ctx, p, &version)
}

// store numbers, dates and signs p, then keeps it: one transaction, the
// packs table locked so that two publishers never take the same number.
func (a *Admin) store(ctx context.Context, p *kiosksync.Pack, restoredFrom *int) error {
	return pgx.BeginFunc(ctx, a.conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE packs IN EXCLUSIVE MODE`); err != nil {
			return err
		}
		var seed []byte
		if err := tx.QueryRow(ctx, `SELECT private_key FROM hub_key`).Scan(&seed); err != nil {
			return fmt.Errorf("the hub's signing key: %w", err)
		}
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) + 1 FROM packs`).Scan(&p.Version); err != nil {
			return err
		}
		p.Date = time.Now()
		p.Sign(ed25519.NewKeyFromSeed(seed))
		if _, err := tx.Exec(ctx, `INSERT INTO packs (version, published_at, note, sha256, signature, restored_from) VALUES ($1, $2, $3, $4, $5, $6)`,
			p.Version, p.Date, p.Note, p.Digest(), p.Signature, restoredFrom); err != nil {
			return err
		}
		for _, f := range p.Files {
			if _, err := tx.Exec(ctx, `INSERT INTO pack_files (version, path, data) VALUES ($1, $2, $3)`, p.Version, f.Path, f.Data); err != nil {
				return err
			}
		}
		return nil
	})
}

// querier is a connection or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// loadPack reads a pack with its files; pgx.ErrNoRows when there is none.
func loadPack(ctx context.Context, q querier, version int) (*kiosksync.Pack, error) {
	p := &kiosksync.Pack{Version: version}
	if err := q.QueryRow(ctx, `SELECT published_at, note, signature FROM packs WHERE version = $1`, version).Scan(&p.Date, &p.Note, &p.Signature); err != nil {
		return nil, err
	}
	p.Date = p.Date.UTC()
	rows, err := q.Query(ctx, `SELECT path, data FROM pack_files WHERE version = $1 ORDER BY path`, version)
	if err != nil {
		return nil, err
	}
	p.Files, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (kiosksync.PackFile, error) {
		var f kiosksync.PackFile
		err := r.Scan(&f.Path, &f.Data)
		return f, err
	})
	return p, err
}

// PackInfo is a pack as the dashboard lists it.
type PackInfo struct {
	Version      int
	Date         time.Time
	Note, SHA256 string
}

// KioskPack is which pack a kiosk runs and when it last asked.
type KioskPack struct {
	Centre, Kiosk string
	Pack          int // 0: none yet (the built-in content)
	Synced        time.Time
}

// PackFetch is a kiosk asking for the current pack: the version it has on
// disk, the one it runs (0: none; -1: not said, as pasapas sync, which
// runs nothing) and its name.
type PackFetch struct {
	Have, Runs int
	Kiosk      string
}

// PackFor notes what the centre's kiosk runs and returns the current pack,
// or nil when there is none newer than f.Have.
func (db *DB) PackFor(ctx context.Context, centre int, f PackFetch) (*kiosksync.Pack, error) {
	var p *kiosksync.Pack
	err := db.inScope(ctx, Scope{Centre: centre}, func(tx pgx.Tx) error {
		if f.Kiosk != "" {
			var runs *int
			if f.Runs >= 0 {
				runs = &f.Runs
			}
			if _, err := tx.Exec(ctx, `INSERT INTO kiosks (centre_id, kiosk_id, pack_version, synced_at) VALUES ($1, $2, $3, now())
ON CONFLICT (centre_id, kiosk_id) DO UPDATE SET synced_at = now(), pack_version = coalesce(excluded.pack_version, kiosks.pack_version)`,
				centre, f.Kiosk, runs); err != nil {
				return err
			}
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM packs`).Scan(&current); err != nil {
			return err
		}
		if current == 0 || current <= f.Have {
			return nil
		}
		var err error
		p, err = loadPack(ctx, tx, current)
		return err
	})
	return p, err
}

// Packs lists the packs, newest first, and the kiosks in scope with the
// pack each runs, by centre and name.
func (db *DB) Packs(ctx context.Context, scope Scope) ([]PackInfo, []KioskPack, error) {
	var packs []PackInfo
	var kiosks []KioskPack
	err := db.inScope(ctx, scope, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT version, published_at, note, sha256 FROM packs ORDER BY version DESC LIMIT 20`)
		if err != nil {
			return err
		}
		if packs, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (PackInfo, error) {
			var p PackInfo
			err := r.Scan(&p.Version, &p.Date, &p.Note, &p.SHA256)
			return p, err
		}); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT c.name, k.kiosk_id, coalesce(k.pack_version, 0), k.synced_at
FROM kiosks k JOIN centres c ON c.id = k.centre_id ORDER BY c.name, k.kiosk_id`)
		if err != nil {
			return err
		}
		kiosks, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (KioskPack, error) {
			var k KioskPack
			err := r.Scan(&k.Centre, &k.Kiosk, &k.Pack, &k.Synced)
			return k, err
		})
		return err
	})
	return packs, kiosks, err
}
