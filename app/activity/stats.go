package activity

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DayLayout is how days are written in the counters and on the command
// line.
const DayLayout = "2006-01-02"

// DayOf is the local calendar day of t: a session at 00:30 on the day the
// clocks change belongs to that day, whatever its UTC offset.
func DayOf(t time.Time) string { return t.In(time.Local).Format(DayLayout) }

// Period is a span of whole local days, First to Last included.
type Period struct{ First, Last time.Time }

// NewPeriod spans the local days of first and last (either order).
func NewPeriod(first, last time.Time) Period {
	first, last = midnight(first), midnight(last)
	if last.Before(first) {
		first, last = last, first
	}
	return Period{First: first, Last: last}
}

// LastDays is the n days up to and including the day of now.
func LastDays(now time.Time, n int) Period {
	return NewPeriod(midnight(now).AddDate(0, 0, 1-n), now)
}

// Month is the calendar month back months before now's (0: now's month),
// first day to last.
func Month(now time.Time, back int) Period {
	first := time.Date(now.Year(), now.Month()-time.Month(back), 1, 12, 0, 0, 0, time.Local)
	return NewPeriod(first, first.AddDate(0, 1, -1))
}

// ParseDay reads a day typed as YYYY-MM-DD, in local time.
func ParseDay(s string) (time.Time, error) {
	return time.ParseInLocation(DayLayout, s, time.Local)
}

func midnight(t time.Time) time.Time {
	t = t.In(time.Local)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}

// Start is the first instant of the period.
func (p Period) Start() time.Time { return p.First }

// End is the first instant after the period: midnight after Last, which is
// 23, 24 or 25 hours after Last's midnight.
func (p Period) End() time.Time { return p.Last.AddDate(0, 0, 1) }

// Days lists the period's days.
func (p Period) Days() []string {
	var out []string
	for d := p.First; !d.After(p.Last); d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(DayLayout))
	}
	return out
}

// Row is one day counter as stored.
type Row struct {
	Day, Metric, Key string
	N                int
}

// Count is a key and how many times it was counted.
type Count struct {
	Key string
	N   int
}

// WalkStats is one walkthrough over the period.
type WalkStats struct {
	Procedure          string
	Started, Completed int
	// Stuck counts sessions stuck at each step, most first.
	Stuck []Count
}

// Stats are the console's statistics over a period.
type Stats struct {
	Period   Period
	Sessions int
	// PerDay has every day of the period, zeros included, oldest first.
	PerDay       []Count
	Status       []Count
	Durations    []Count
	Orientations []Count // in the order of Orientations, zeros included
	// Levels counts sessions per domain and level 0..3.
	Levels map[string][4]int
	Needs  []Count // most needed first
	// Themes counts accompaniments per Coop thématique (code), most first.
	Themes []Count
	Walks  []WalkStats
	// Returning counts the visits after the first of their code chain;
	// Retook those of them where the assessment was taken again.
	Returning, Retook int
	// Progress counts, per domain, the returning visitors whose level went
	// down, stayed or went up, indexed by Trend+1 (Down, Same, Up).
	Progress map[string][3]int
	// Accompanied counts the sessions run with a mediator beside the visitor.
	Accompanied int
}

// ProgressDomains are the domains of Progress, sorted.
func (s Stats) ProgressDomains() []string { return slices.Sorted(maps.Keys(s.Progress)) }

// Domains are the domains with levels, sorted.
func (s Stats) Domains() []string { return slices.Sorted(maps.Keys(s.Levels)) }

// PerWeek adds PerDay up by week, each keyed by its Monday.
func (s Stats) PerWeek() []Count {
	var out []Count
	for _, c := range s.PerDay {
		d, err := ParseDay(c.Key)
		if err != nil {
			continue
		}
		monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format(DayLayout)
		if len(out) == 0 || out[len(out)-1].Key != monday {
			out = append(out, Count{Key: monday})
		}
		out[len(out)-1].N += c.N
	}
	return out
}

// NewStats adds up the day counters of p.
func NewStats(p Period, rows []Row) Stats {
	s := Stats{Period: p, Levels: map[string][4]int{}, Progress: map[string][3]int{}}
	perDay := map[string]int{}
	tallies := map[string]map[string]int{}
	walks := map[string]*WalkStats{}
	walk := func(proc string) *WalkStats {
		w := walks[proc]
		if w == nil {
			w = &WalkStats{Procedure: proc}
			walks[proc] = w
		}
		return w
	}
	stuck := map[string]map[string]int{}
	for _, r := range rows {
		switch r.Metric {
		case MetricSessions:
			perDay[r.Day] += r.N
			s.Sessions += r.N
		case MetricLevel:
			d, l, ok := strings.Cut(r.Key, ":")
			n, err := strconv.Atoi(l)
			if ok && err == nil && n >= 0 && n <= 3 {
				lv := s.Levels[d]
				lv[n] += r.N
				s.Levels[d] = lv
			}
		case MetricReturning:
			s.Returning += r.N
		case MetricRetook:
			s.Retook += r.N
		case MetricAccompanied:
			s.Accompanied += r.N
		case MetricProgress:
			d, trend, _ := strings.Cut(r.Key, ":")
			if i := slices.Index(trendKeys[:], trend); i >= 0 {
				pr := s.Progress[d]
				pr[i] += r.N
				s.Progress[d] = pr
			}
		case MetricWalkStarted:
			walk(r.Key).Started += r.N
		case MetricWalkDone:
			walk(r.Key).Completed += r.N
		case MetricWalkStuck:
			proc, step, _ := strings.Cut(r.Key, "/")
			walk(proc)
			if stuck[proc] == nil {
				stuck[proc] = map[string]int{}
			}
			stuck[proc][step] += r.N
		case MetricDuration:
			if tallies[r.Metric] == nil {
				tallies[r.Metric] = map[string]int{}
			}
			tallies[r.Metric][cmp.Or(legacyBands[r.Key], r.Key)] += r.N
		default:
			if tallies[r.Metric] == nil {
				tallies[r.Metric] = map[string]int{}
			}
			tallies[r.Metric][r.Key] += r.N
		}
	}
	for _, d := range p.Days() {
		s.PerDay = append(s.PerDay, Count{d, perDay[d]})
	}
	s.Status = ranked(tallies[MetricStatus])
	s.Needs = ranked(tallies[MetricNeed])
	s.Themes = ranked(tallies[MetricTheme])
	for _, b := range []time.Duration{0, 30 * time.Minute, time.Hour, 2 * time.Hour} {
		band := DurationBand(b)
		s.Durations = append(s.Durations, Count{band, tallies[MetricDuration][band]})
	}
	orient := tallies[MetricOrientation]
	for _, o := range Orientations {
		s.Orientations = append(s.Orientations, Count{o.Code, orient[o.Code]})
		delete(orient, o.Code)
	}
	s.Orientations = append(s.Orientations, ranked(orient)...)
	for proc, w := range walks {
		w.Stuck = ranked(stuck[proc])
		s.Walks = append(s.Walks, *w)
	}
	sort.Slice(s.Walks, func(i, j int) bool {
		a, b := s.Walks[i], s.Walks[j]
		if a.Started != b.Started {
			return a.Started > b.Started
		}
		return a.Procedure < b.Procedure
	})
	return s
}

// legacyBands are the duration bands as counters written before the Coop's
// spelling was used (CRA v1 words); they count in the new bands.
var legacyBands = map[string]string{"30 à 60 min": "30min à 1 h", "Plus de 2 h": "2 h et plus"}

// ranked sorts counts most first, then by key.
func ranked(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		if n > 0 {
			out = append(out, Count{k, n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// RetentionCutoff is the first instant kept when sessions are kept for
// days days: midnight, days days before the day of now. Sessions started
// earlier are purged.
func RetentionCutoff(now time.Time, days int) time.Time {
	return midnight(now).AddDate(0, 0, -days)
}
