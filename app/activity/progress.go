package activity

import (
	"slices"
	"sort"
	"time"
)

// Trend is which way a domain's level went between two visits.
type Trend int

const (
	Down Trend = -1
	Same Trend = 0
	Up   Trend = 1
)

// TrendOf is the trend of a level change (now minus then).
func TrendOf(change int) Trend {
	switch {
	case change > 0:
		return Up
	case change < 0:
		return Down
	}
	return Same
}

// LevelChange is one domain's level on the earlier visit and now (0..3).
type LevelChange struct {
	Domain    string
	Then, Now int
}

// Trend is which way the level went.
func (c LevelChange) Trend() Trend { return TrendOf(c.Now - c.Then) }

// Progress is what changed for a returning visitor since their earlier
// visit: codes, levels and dates only, never another session's code.
type Progress struct {
	// Visit is the session's place in its code chain: 1, 2, 3… The chain
	// is what is still stored: a purged visit no longer counts.
	Visit int
	// Since is when the earlier visit compared with started; zero on a
	// first visit.
	Since time.Time
	// EarlierOrientation is the earlier visit's orientation code ("" when
	// it had no assessment).
	EarlierOrientation string
	// EarlierLevels are the earlier visit's levels (domain → 0..3), what
	// the returning visitor is reminded of; nil when it had no assessment.
	EarlierLevels map[string]int
	// Levels are the domains assessed on the earlier visit and now, sorted
	// by domain; empty when the visitor did not retake the assessment.
	Levels []LevelChange
	// Finished are the walkthroughs completed since the earlier visit, this
	// one included, each once, in the order they were completed.
	Finished []string
	// Resume is the last walkthrough the visitor opened and left
	// unfinished on their previous visit, with the steps they were stuck
	// at (the last is where to resume) and the documents they lacked; nil
	// when there is none or it has been finished since.
	Resume *Walk
}

// Returning reports whether the session follows an earlier one.
func (p Progress) Returning() bool { return p.Visit > 1 }

// Changes are the level changes as stored (domain → now minus then); nil
// when the visitor did not retake the assessment.
func (p Progress) Changes() map[string]int {
	if len(p.Levels) == 0 {
		return nil
	}
	m := make(map[string]int, len(p.Levels))
	for _, c := range p.Levels {
		m[c.Domain] = c.Now - c.Then
	}
	return m
}

// NewProgress compares the last session of chain (oldest first, as
// store.Chain returns it) with the earlier visit that counts: the latest
// one with an assessment, so a visit spent on a walkthrough only does not
// hide what the visitor could do before; the previous visit when none had
// one.
func NewProgress(chain []Summary) Progress {
	p := Progress{Visit: len(chain)}
	if len(chain) < 2 {
		return p
	}
	now := chain[len(chain)-1]
	base := len(chain) - 2
	for i := base; i >= 0; i-- {
		if len(chain[i].Levels) > 0 {
			base = i
			break
		}
	}
	then := chain[base]
	p.Since, p.EarlierOrientation, p.EarlierLevels = then.Started, then.Orientation, then.Levels
	for d, l := range now.Levels {
		if t, ok := then.Levels[d]; ok {
			p.Levels = append(p.Levels, LevelChange{Domain: d, Then: t, Now: l})
		}
	}
	sort.Slice(p.Levels, func(i, j int) bool { return p.Levels[i].Domain < p.Levels[j].Domain })
	for _, s := range chain[base+1:] {
		for _, w := range s.Walks {
			if w.Completed && !slices.Contains(p.Finished, w.Procedure) {
				p.Finished = append(p.Finished, w.Procedure)
			}
		}
	}
	previous := chain[len(chain)-2].Walks
	for i := len(previous) - 1; i >= 0; i-- {
		if w := previous[i]; !w.Completed {
			if !slices.Contains(p.Finished, w.Procedure) {
				p.Resume = &w
			}
			break
		}
	}
	return p
}
