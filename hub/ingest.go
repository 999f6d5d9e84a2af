package hub

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"pasapas/app/activity"
	kiosksync "pasapas/app/sync"
)

// counterKey is one rollup row: a day or a month's first day, a metric, a key.
type counterKey struct {
	at          string
	metric, key string
}

// Ingest stores a centre's batch of sessions and returns how many were new.
// A session already received (same centre, day and internal id) adds
// nothing, so a kiosk that pushes again after a lost answer changes no
// figure. The counters of the new sessions go into the day and month
// rollups in the same transaction.
func (db *DB) Ingest(ctx context.Context, centre int, batch []kiosksync.Session) (int, error) {
	summaries := make(map[string]activity.Summary, len(batch))
	months := map[string]time.Time{}
	for _, s := range batch {
		if err := s.Validate(); err != nil {
			return 0, &BadRequest{err}
		}
		sum, err := s.Summary()
		if err != nil {
			return 0, &BadRequest{err}
		}
		summaries[s.Day+"/"+s.ID] = sum
		months[monthOf(sum.Started)] = sum.Started
	}
	for m, d := range months {
		if err := db.ensureMonth(ctx, m, d); err != nil {
			return 0, err
		}
	}
	cols := struct {
		ids, days, kiosks, langs, statuses, orient, levels, needs, walks []string
		seconds                                                          []int32
	}{}
	for _, s := range batch {
		l, n, w := s.Facts.Encode()
		cols.ids = append(cols.ids, s.ID)
		cols.days = append(cols.days, s.Day)
		cols.kiosks = append(cols.kiosks, s.Kiosk)
		cols.langs = append(cols.langs, s.Lang)
		cols.statuses = append(cols.statuses, s.Status)
		cols.seconds = append(cols.seconds, int32(min(s.Seconds, 1<<31-1)))
		cols.orient = append(cols.orient, s.Orientation)
		cols.levels = append(cols.levels, l)
		cols.needs = append(cols.needs, n)
		cols.walks = append(cols.walks, w)
	}
	added := 0
	err := db.inScope(ctx, Scope{Centre: centre}, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `
INSERT INTO sessions (centre_id, session_id, day, kiosk_id, lang, status, seconds, orientation, levels, needs, walks)
SELECT $1, u.* FROM unnest($2::uuid[], $3::date[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
	AS u (session_id, day, kiosk_id, lang, status, seconds, orientation, levels, needs, walks)
ON CONFLICT DO NOTHING
RETURNING to_char(day, 'YYYY-MM-DD'), session_id::text`,
			centre, cols.ids, cols.days, cols.kiosks, cols.langs, cols.statuses, cols.seconds, cols.orient, cols.levels, cols.needs, cols.walks)
		if err != nil {
			return err
		}
		days, months := map[counterKey]int64{}, map[counterKey]int64{}
		for rows.Next() {
			var day, id string
			if err := rows.Scan(&day, &id); err != nil {
				return err
			}
			sum := summaries[day+"/"+id]
			m := monthOf(sum.Started)
			for _, c := range sum.Counters() {
				days[counterKey{day, c.Metric, c.Key}]++
				months[counterKey{m, c.Metric, c.Key}]++
			}
			added++
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(days) == 0 {
			return nil
		}
		d, m := sortedCounts(days), sortedCounts(months)
		if err := addCounts(ctx, tx, "day_counts", "day", centre, d); err != nil {
			return err
		}
		if err := addCounts(ctx, tx, "month_counts", "month", centre, m); err != nil {
			return err
		}
		// Last: every centre's kiosks wait on these rows, so they are held
		// only until the commit that follows.
		_, err = tx.Exec(ctx, `SELECT hub_add_territory($1, $2, $3, $4, $5, $6, $7, $8)`,
			d.at, m.at, d.metric, d.key, d.n, m.metric, m.key, m.n)
		return err
	})
	return added, err
}

// rollupRows are rollup rows as arrays for unnest, in key order: kiosks
// pushing at once then lock the same rows in the same order, and never
// deadlock.
type rollupRows struct {
	at, metric, key []string
	n               []int64
}

func sortedCounts(m map[counterKey]int64) rollupRows {
	keys := make([]counterKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.at != b.at {
			return a.at < b.at
		}
		if a.metric != b.metric {
			return a.metric < b.metric
		}
		return a.key < b.key
	})
	c := rollupRows{make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys)), make([]int64, len(keys))}
	for i, k := range keys {
		c.at[i], c.metric[i], c.key[i], c.n[i] = k.at, k.metric, k.key, m[k]
	}
	return c
}

// addCounts adds c to a centre's rollup table in one statement.
func addCounts(ctx context.Context, tx pgx.Tx, table, column string, centre int, c rollupRows) error {
	_, err := tx.Exec(ctx, fmt.Sprintf(`
INSERT INTO %[1]s (centre_id, %[2]s, metric, key, n)
SELECT $1, u.at, u.metric, u.key, u.n FROM unnest($2::date[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS u (at, metric, key, n, i) ORDER BY u.i
ON CONFLICT (%[2]s, centre_id, metric, key) DO UPDATE SET n = %[1]s.n + excluded.n`, table, column),
		centre, c.at, c.metric, c.key, c.n)
	return err
}

// monthOf is the first day of d's month, as the rollups key it.
func monthOf(d time.Time) string { return d.Format("2006-01") + "-01" }

// ensureMonth makes the sessions partition of month m once per process;
// each hub of a load-balanced pool checks for itself, the database decides.
func (db *DB) ensureMonth(ctx context.Context, m string, d time.Time) error {
	if _, ok := db.months.Load(m); ok {
		return nil
	}
	if d.Year() < 2000 || d.Year() > 2100 {
		return &BadRequest{fmt.Errorf("day %s is outside 2000–2100: the kiosk's clock is wrong", d.Format(activity.DayLayout))}
	}
	if _, err := db.pool.Exec(ctx, `SELECT hub_ensure_month($1::date)`, m); err != nil {
		return fmt.Errorf("sessions partition of %s: %w", m, err)
	}
	db.months.Store(m, true)
	return nil
}

// BadRequest is a batch the hub refuses as it is (HTTP 400): retrying it
// would not help.
type BadRequest struct{ Err error }

func (e *BadRequest) Error() string { return e.Err.Error() }
func (e *BadRequest) Unwrap() error { return e.Err }
