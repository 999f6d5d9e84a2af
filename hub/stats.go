package hub

import (
	"context"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"pasapas/app/activity"
	"pasapas/app/session"
)

// Centre is a centre as the dashboard lists it.
type Centre struct {
	ID      int
	Name    string
	Revoked bool
}

// Centres lists the centres in scope, by name.
func (db *DB) Centres(ctx context.Context, scope Scope) ([]Centre, error) {
	var out []Centre
	err := db.inScope(ctx, scope, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, name, revoked_at IS NOT NULL FROM centres ORDER BY name`)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Centre, error) {
			var c Centre
			err := r.Scan(&c.ID, &c.Name, &c.Revoked)
			return c, err
		})
		return err
	})
	return out, err
}

// span is how a period reads the rollups: the whole months inside it from
// month_counts, the days at its edges from day_counts. Without a whole
// month, monthFrom = monthTo and every day comes from day_counts.
type span struct {
	first, last        string // days, included
	monthFrom, monthTo string // whole months [monthFrom, monthTo)
	centre             int    // 0: every centre in scope
}

func spanOf(p activity.Period, centre int) span {
	s := span{first: p.First.Format(activity.DayLayout), last: p.Last.Format(activity.DayLayout), centre: centre}
	from := time.Date(p.First.Year(), p.First.Month(), 1, 0, 0, 0, 0, time.Local)
	if p.First.Day() != 1 {
		from = from.AddDate(0, 1, 0)
	}
	end := p.End()
	to := time.Date(end.Year(), end.Month(), 1, 0, 0, 0, 0, time.Local)
	if !from.Before(to) {
		s.monthFrom, s.monthTo = s.first, s.first
		return s
	}
	s.monthFrom, s.monthTo = from.Format(activity.DayLayout), to.Format(activity.DayLayout)
	return s
}

// figuresQuery reads a span's figures in one pass: sessions per day from
// day_counts, every other counter added up per metric and key, from
// month_counts for the whole months and day_counts for the edges; stuck
// steps are kept per centre (the others have centre 0).
const figuresQuery = `
SELECT to_char(day, 'YYYY-MM-DD'), metric, key, 0, sum(n)::bigint FROM day_counts
WHERE metric = 'sessions' AND day BETWEEN $1::date AND $2::date AND ($5 = 0 OR centre_id = $5)
GROUP BY day, metric, key
UNION ALL
SELECT '', metric, key, CASE WHEN metric = 'walk.stuck' THEN centre_id ELSE 0 END, sum(n)::bigint FROM (
	SELECT centre_id, metric, key, n FROM month_counts
	WHERE month >= $3::date AND month < $4::date AND metric <> 'sessions' AND ($5 = 0 OR centre_id = $5)
	UNION ALL
	SELECT centre_id, metric, key, n FROM day_counts
	WHERE day >= $1::date AND day < $3::date AND metric <> 'sessions' AND ($5 = 0 OR centre_id = $5)
	UNION ALL
	SELECT centre_id, metric, key, n FROM day_counts
	WHERE day >= $4::date AND day <= $2::date AND metric <> 'sessions' AND ($5 = 0 OR centre_id = $5)
) x GROUP BY 2, 3, 4`

// Figures are a period's statistics and where people got stuck.
type Figures struct {
	activity.Stats
	// Blockages are the stuck steps, most first, each with its centres.
	Blockages []Blockage
}

// Blockage is a step where people got stuck, over the territory, with the
// centres where it happened most.
type Blockage struct {
	Procedure, Step string
	N               int
	Centres         []activity.Count // centre names, most first
}

// territoryQuery is figuresQuery over the territory's own rollups, for a
// coordinator looking at every centre.
const territoryQuery = `
SELECT to_char(day, 'YYYY-MM-DD'), metric, key, n FROM territory_day_counts
WHERE metric = 'sessions' AND day BETWEEN $1::date AND $2::date
UNION ALL
SELECT '', metric, key, sum(n)::bigint FROM (
	SELECT metric, key, n FROM territory_month_counts WHERE month >= $3::date AND month < $4::date AND metric <> 'sessions'
	UNION ALL
	SELECT metric, key, n FROM territory_day_counts WHERE day >= $1::date AND day < $3::date AND metric <> 'sessions'
	UNION ALL
	SELECT metric, key, n FROM territory_day_counts WHERE day >= $4::date AND day <= $2::date AND metric <> 'sessions'
) x GROUP BY metric, key`

// stuckByCentreQuery breaks the stuck steps $5 down by centre.
const stuckByCentreQuery = `
SELECT key, centre_id, sum(n)::bigint FROM (
	SELECT key, centre_id, n FROM month_counts WHERE metric = 'walk.stuck' AND key = ANY($5) AND month >= $3::date AND month < $4::date
	UNION ALL
	SELECT key, centre_id, n FROM day_counts WHERE metric = 'walk.stuck' AND key = ANY($5) AND day >= $1::date AND day < $3::date
	UNION ALL
	SELECT key, centre_id, n FROM day_counts WHERE metric = 'walk.stuck' AND key = ANY($5) AND day >= $4::date AND day <= $2::date
) x GROUP BY key, centre_id`

// MaxBlockages is how many stuck steps the dashboard breaks down by centre.
const MaxBlockages = 15

// Figures are the console's statistics over p for the centres in scope
// (or the one centre given), added up from the rollups, and the
// MaxBlockages steps where people got stuck most with their centres;
// names gives each centre id its name (nil: no blockages).
func (db *DB) Figures(ctx context.Context, scope Scope, centre int, p activity.Period, names map[int]string) (Figures, error) {
	sp := spanOf(p, centre)
	territory := scope.All && centre == 0
	var rows []activity.Row
	stuck := map[string]*Blockage{}
	blockage := func(key string) *Blockage {
		b := stuck[key]
		if b == nil {
			proc, step, _ := strings.Cut(key, "/")
			b = &Blockage{Procedure: proc, Step: step}
			stuck[key] = b
		}
		return b
	}
	err := db.inScope(ctx, scope, func(tx pgx.Tx) error {
		query, args := figuresQuery, []any{sp.first, sp.last, sp.monthFrom, sp.monthTo, sp.centre}
		if territory {
			query, args = territoryQuery, args[:4]
		}
		got, err := tx.Query(ctx, query, args...)
		if err != nil {
			return err
		}
		rows, err = pgx.CollectRows(got, func(r pgx.CollectableRow) (activity.Row, error) {
			var x activity.Row
			var c int
			var n int64
			dest := []any{&x.Day, &x.Metric, &x.Key, &c, &n}
			if territory {
				dest = []any{&x.Day, &x.Metric, &x.Key, &n}
			}
			err := r.Scan(dest...)
			x.N = int(n)
			if err == nil && x.Metric == activity.MetricWalkStuck {
				b := blockage(x.Key)
				b.N += x.N
				if !territory {
					b.Centres = append(b.Centres, activity.Count{Key: names[c], N: x.N})
				}
			}
			return x, err
		})
		if err != nil || !territory || names == nil {
			return err
		}
		top := make([]string, 0, MaxBlockages)
		for _, b := range rankBlockages(stuck) {
			if len(top) == MaxBlockages {
				break
			}
			top = append(top, b.Procedure+"/"+b.Step)
		}
		got, err = tx.Query(ctx, stuckByCentreQuery, sp.first, sp.last, sp.monthFrom, sp.monthTo, top)
		if err != nil {
			return err
		}
		defer got.Close()
		for got.Next() {
			var key string
			var c int
			var n int64
			if err := got.Scan(&key, &c, &n); err != nil {
				return err
			}
			b := blockage(key)
			b.Centres = append(b.Centres, activity.Count{Key: names[c], N: int(n)})
		}
		return got.Err()
	})
	if err != nil {
		return Figures{}, err
	}
	f := Figures{Stats: activity.NewStats(p, rows)}
	if names != nil {
		f.Blockages = rankBlockages(stuck)
		if len(f.Blockages) > MaxBlockages {
			f.Blockages = f.Blockages[:MaxBlockages]
		}
	}
	return f, nil
}

// rankBlockages sorts the stuck steps most first, each one's centres too.
func rankBlockages(m map[string]*Blockage) []Blockage {
	out := make([]Blockage, 0, len(m))
	for _, b := range m {
		sortCounts(b.Centres)
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.N != b.N {
			return a.N > b.N
		}
		return a.Procedure+"/"+a.Step < b.Procedure+"/"+b.Step
	})
	return out
}

func sortCounts(c []activity.Count) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].N != c[j].N {
			return c[i].N > c[j].N
		}
		return c[i].Key < c[j].Key
	})
}

// Export writes the sessions in scope over p in format (activity.FormatCSV
// or FormatJSON) with the kiosk's own export code, and returns how many.
// The kiosk column names the centre too: kiosk ids repeat between centres.
// The time of day is not known to the hub: sessions start at midnight.
func (db *DB) Export(ctx context.Context, scope Scope, centre int, p activity.Period, w io.Writer, format string) (int, error) {
	// The hub knows no centre's commune or codes, nor the walkthroughs' titles:
	// those columns stay empty and procedures keep their codes.
	x, err := activity.NewWriter(w, format, activity.Options{})
	if err != nil {
		return 0, err
	}
	err = db.inScope(ctx, scope, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `
SELECT to_char(s.day, 'YYYY-MM-DD'), c.name, s.kiosk_id, s.lang, s.status, s.seconds, s.orientation, s.levels, s.needs, s.walks
FROM sessions s JOIN centres c ON c.id = s.centre_id
WHERE s.day BETWEEN $1::date AND $2::date AND ($3 = 0 OR s.centre_id = $3)
ORDER BY s.day, c.name, s.kiosk_id, s.session_id`, p.First.Format(activity.DayLayout), p.Last.Format(activity.DayLayout), centre)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var day, name, kiosk, lang, status, orient, levels, needs, walks string
			var seconds int32
			if err := rows.Scan(&day, &name, &kiosk, &lang, &status, &seconds, &orient, &levels, &needs, &walks); err != nil {
				return err
			}
			started, err := activity.ParseDay(day)
			if err != nil {
				return err
			}
			if err := x.Write(activity.Summary{
				Started: started, Duration: time.Duration(seconds) * time.Second, Lang: lang,
				KioskID: name + " / " + kiosk, Status: session.Status(status),
				Facts: activity.DecodeFacts(orient, levels, needs, walks),
			}); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err != nil {
		return 0, err
	}
	return x.Close()
}
