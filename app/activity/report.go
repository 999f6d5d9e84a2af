package activity

import (
	"pasapas/assessment"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The vocabulary of the mediators' activity reports (compte-rendu
// d'activité of France Services and Conseillers numériques): fixed French
// labels, not interface text, so exports stay comparable between centres.
const ThemeDiagnostic = "Diagnostic numérique"

// DurationBand is the report's duration band of d.
func DurationBand(d time.Duration) string {
	switch {
	case d < 30*time.Minute:
		return "Moins de 30 min"
	case d < time.Hour:
		return "30 à 60 min"
	case d < 2*time.Hour:
		return "1 h à 2 h"
	}
	return "Plus de 2 h"
}

// adminThemes maps procedure codes (needs and walkthroughs) to the
// report's administrative themes. Unknown codes count as "Autre".
var adminThemes = map[string]string{
	"caf":            "Social - Santé",
	"ameli":          "Social - Santé",
	"sante":          "Social - Santé",
	"doctolib":       "Social - Santé",
	"retraite":       "Social - Santé",
	"france_travail": "Travail - Formation",
	"impots":         "Argent - Impôts",
	"banque":         "Argent - Impôts",
	"ants":           "Papiers - Élections - Citoyenneté",
	"logement":       "Logement",
	"email":          "Courriel",
	"franceconnect":  "Papiers - Élections - Citoyenneté",
	"ft":             "Travail - Formation",
	"scan":           "Courriel",
	"arnaque":        "Sécurité",
}

// Themes are the report's themes for f: always "Diagnostic numérique" when
// the visitor took the assessment, then the administrative themes of the
// procedures they need or practised, each once.
func Themes(f Facts) []string {
	out := make([]string, 0, 4)
	add := func(t string) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	if f.Orientation != "" || len(f.Levels) > 0 {
		add(ThemeDiagnostic)
	}
	for _, p := range f.Needs {
		add(ThemeOf(p))
	}
	for _, w := range f.Walks {
		add(ThemeOf(w.Procedure))
	}
	return out
}

// ThemeOf is the administrative theme of one procedure code. Codes may be
// qualified ("caf.declaration"): the part before the first dot or dash
// decides.
func ThemeOf(procedure string) string {
	if t, ok := adminThemes[procedure]; ok {
		return t
	}
	if i := strings.IndexAny(procedure, ".-"); i > 0 {
		if t, ok := adminThemes[procedure[:i]]; ok {
			return t
		}
	}
	return "Autre"
}

// Autonomy is the report's autonomy level, from the mean of the domain
// levels (0–3): below 1.5 "Avec guidage", below 2.5 "Autonome avec guidage
// en cas de besoin", else "Autonome". Empty without an assessment.
func Autonomy(levels map[string]int) string {
	if len(levels) == 0 {
		return ""
	}
	sum := 0
	for _, l := range levels {
		sum += l
	}
	mean := float64(sum) / float64(len(levels))
	switch {
	case mean < 1.5:
		return "Avec guidage"
	case mean < 2.5:
		return "Autonome avec guidage en cas de besoin"
	}
	return "Autonome"
}

// Orientations are the assessment's orientation codes in the order of the
// brief, with the words of the report.
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
)

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
