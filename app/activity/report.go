package activity

import (
	"sort"
	"strconv"
	"time"

	"pasapas/assessment"
)

// DurationBand is the band of d in the Coop's statistics ("Moins de 30
// min", "30min à 1 h", "1 h à 2 h", "2 h et plus", its own spelling). The
// Coop's form asks for minutes: the bands are for the console's charts.
func DurationBand(d time.Duration) string {
	switch {
	case d < 30*time.Minute:
		return "Moins de 30 min"
	case d < time.Hour:
		return "30min à 1 h"
	case d < 2*time.Hour:
		return "1 h à 2 h"
	}
	return "2 h et plus"
}

// Orientations are the assessment's orientation codes in the order of the
// brief, with the kiosk's words (its own column of the exports; the Coop's
// words for them are RedirectionOf).
var Orientations = []struct{ Code, Label string }{
	{assessment.Autonomous, "Autonome"},
	{assessment.ToTrain, "À former"},
	{assessment.ToAccompany, "À accompagner"},
	{assessment.DoOnBehalf, "Faire pour"},
}

// OrientationLabel is the report's word for an orientation code.
func OrientationLabel(code string) string {
	for _, o := range Orientations {
		if o.Code == code {
			return o.Label
		}
	}
	return code
}

// Counter is one day-level count the statistics add up.
type Counter struct{ Metric, Key string }

// Metrics of the day counters.
const (
	MetricSessions    = "sessions"
	MetricStatus      = "status"
	MetricDuration    = "duration"
	MetricOrientation = "orientation"
	MetricLevel       = "level"        // key "domain:level"
	MetricNeed        = "need"         // key procedure
	MetricWalkStarted = "walk.started" // key procedure
	MetricWalkDone    = "walk.done"    // key procedure
	MetricWalkStuck   = "walk.stuck"   // key "procedure/step"
	MetricTheme       = "theme"        // key a Coop thématique's code, accompaniments only
	MetricReturning   = "returning"    // a visit after the first of its code chain
	MetricRetook      = "retook"       // a returning visitor who retook the assessment
	MetricProgress    = "progress"     // key "domain:up", "domain:same" or "domain:down"
	MetricAccompanied = "accompanied"  // a session run with a mediator beside the visitor
)

// trendKeys are the keys of MetricProgress, by Trend+1.
var trendKeys = [3]string{"down", "same", "up"}

// Counters are what one session adds to its day's statistics.
func (s Summary) Counters() []Counter {
	out := []Counter{{MetricSessions, ""}, {MetricStatus, string(s.Status)}, {MetricDuration, DurationBand(s.Duration)}}
	if s.Orientation != "" {
		out = append(out, Counter{MetricOrientation, s.Orientation})
	}
	for d, l := range s.Levels {
		out = append(out, Counter{MetricLevel, d + ":" + strconv.Itoa(l)})
	}
	for _, n := range s.Needs {
		out = append(out, Counter{MetricNeed, n})
	}
	if s.Visit > 1 {
		out = append(out, Counter{MetricReturning, ""})
	}
	if len(s.Changes) > 0 {
		out = append(out, Counter{MetricRetook, ""})
	}
	for d, c := range s.Changes {
		out = append(out, Counter{MetricProgress, d + ":" + trendKeys[TrendOf(c)+1]})
	}
	if s.Accompanied {
		out = append(out, Counter{MetricAccompanied, ""})
	}
	if s.IsAccompaniment() {
		for _, t := range Themes(s.Facts) {
			out = append(out, Counter{MetricTheme, t.Code})
		}
	}
	for _, w := range s.Walks {
		out = append(out, Counter{MetricWalkStarted, w.Procedure})
		if w.Completed {
			out = append(out, Counter{MetricWalkDone, w.Procedure})
		}
		for _, st := range w.Stuck {
			out = append(out, Counter{MetricWalkStuck, w.Procedure + "/" + st})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Metric != out[j].Metric {
			return out[i].Metric < out[j].Metric
		}
		return out[i].Key < out[j].Key
	})
	return out
}
