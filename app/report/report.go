// Package report reads a stored session into the mediator's words, once:
// the console's session screen shows a Session, and the printed summary is
// made from the same Session (Reader.Summary). How a walkthrough left
// unfinished, stuck or without a document is told lives here only. Only
// codes are stored, so nothing the visitor typed can reach either.
package report

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"pasapas/app/activity"
	"pasapas/app/directory"
	"pasapas/app/i18n"
	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
	"pasapas/printing"
)

// mediator is the language the mediator reads: the console's (the
// catalogue's reference language) and the paper's mediator page.
const mediator = printing.MediatorLang

// Store is what a Reader reads (app/store.Store is one); an interface, so
// that the screens may hold a Session without linking the database.
type Store interface {
	SessionByCode(ctx context.Context, code session.Code) (session.Record, error)
	Events(ctx context.Context, sessionID string) ([]session.Event, error)
	Summary(ctx context.Context, code session.Code) (activity.Summary, error)
	AssessmentOf(ctx context.Context, sessionID string) (assessment.Result, bool, error)
	Progress(ctx context.Context, sessionID string) (activity.Progress, error)
	Setting(ctx context.Context, key, def string) (string, error)
	Places(ctx context.Context) ([]directory.Place, error)
	PlacesFor(ctx context.Context, orientation string) ([]directory.Place, error)
}

// Reader reads stored sessions in the words of the content the kiosk shows.
type Reader struct {
	Store        Store
	Text         *i18n.Catalogue
	Questions    *assessment.Bank
	Walkthroughs *walkthrough.Set
}

// Session is a stored session as the mediator reads it, in French.
type Session struct {
	Code    session.Code
	Started time.Time
	// Duration is as stored: zero while the session is open.
	Duration time.Duration
	Status   session.Status
	KioskID  string
	// Language is the name of the session's language, in that language
	// ("English").
	Language string
	// Orientation is the activity report's word for the self-assessment's
	// orientation; "" without one.
	Orientation string
	// Autonomy is the Coop's autonomy label for the levels; "" without.
	Autonomy string
	// Needs are the procedures the visitor said they must do.
	Needs []string
	// Levels are the self-assessment's levels, by domain code.
	Levels []Level
	// Exercises are the practical exercises' results, a sentence each
	// ("Le double-clic est difficile.").
	Exercises []string
	// Walks are the walkthroughs the visitor opened, in the order they were
	// first started.
	Walks []Walk
	// Events are the session's events in time order: the raw record behind
	// the words, codes only.
	Events []session.Event

	id     string
	lang   string
	facts  activity.Summary
	result *assessment.Result // nil when the self-assessment was not finished
}

// Level is a domain's level, 0 to printing.MaxLevel.
type Level struct {
	Domain, Name string
	Level        int
}

// Walk is what the visitor did with one walkthrough: the row of the
// printed mediator page, and Text, the console's line for it.
type Walk struct {
	printing.Walkthrough
	// Text reads "CAF : déclaration trimestrielle : pas terminée · bloqué
	// à : Étape 1 sur 5 : Se connecter · documents manquants : …".
	Text     string
	progress walkthrough.ProcedureProgress
}

// Session reads the stored session with code; an unknown code is
// store.ErrNotFound.
func (r Reader) Session(ctx context.Context, code session.Code) (Session, error) {
	rec, err := r.Store.SessionByCode(ctx, code)
	if err != nil {
		return Session{}, err
	}
	events, err := r.Store.Events(ctx, rec.ID)
	if err != nil {
		return Session{}, err
	}
	facts, err := r.Store.Summary(ctx, code)
	if err != nil {
		return Session{}, err
	}
	result, assessed, err := r.Store.AssessmentOf(ctx, rec.ID)
	if err != nil {
		return Session{}, err
	}
	s := Session{
		Code: rec.Code, Started: rec.Started, Duration: rec.Duration(), Status: rec.Status, KioskID: rec.KioskID,
		Language: r.Text.Language(rec.Lang).Name,
		Autonomy: activity.AutonomyLabel(facts.Levels),
		Needs:    r.names("need", facts.Needs),
		Events:   events,
		id:       rec.ID,
		lang:     rec.Lang,
		facts:    facts,
	}
	if assessed {
		s.result = &result
	}
	if facts.Orientation != "" {
		s.Orientation = activity.OrientationLabel(facts.Orientation)
	}
	domains := make([]string, 0, len(facts.Levels))
	for d := range facts.Levels {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	for _, d := range domains {
		s.Levels = append(s.Levels, Level{Domain: d, Name: r.name("domain", d), Level: facts.Levels[d]})
	}
	s.Exercises = r.exercises(events)
	for _, p := range walkthrough.Progress(session.Each(events), r.Walkthroughs) {
		s.Walks = append(s.Walks, r.walk(p))
	}
	return s, nil
}

// name is the console's word for a domain or need code: the text
// console.<kind>.<code> when the catalogue has it, else the code itself.
func (r Reader) name(kind, code string) string {
	if key := "console." + kind + "." + code; r.Text.Has(key) {
		return r.Text.T(mediator, key)
	}
	return code
}

func (r Reader) names(kind string, codes []string) []string {
	var out []string
	for _, c := range codes {
		out = append(out, r.name(kind, c))
	}
	return out
}

// exercises are the practical exercises' results in words, from the
// events: the console shows them for a self-assessment left before its
// end too.
func (r Reader) exercises(events []session.Event) []string {
	exercises, _ := assessment.ReadAnswers(session.Each(events))
	if len(exercises) == 0 {
		return nil
	}
	var words []string
	for _, e := range r.Questions.Describe(assessment.Result{Exercises: exercises}, mediator).Exercises {
		if e.Text != "" {
			words = append(words, e.Text)
		}
	}
	return words
}

// walk tells what the visitor did with one procedure: completed, stuck at
// a step they did not get past, or started and left after some steps; and
// the documents they did not have.
func (r Reader) walk(p walkthrough.ProcedureProgress) Walk {
	w := Walk{Walkthrough: printing.Walkthrough{Title: p.ID}, progress: p}
	if p.Procedure != nil {
		w.Title, w.Steps = p.Procedure.Title.In(mediator), len(p.Procedure.Steps)
	}
	switch {
	case p.Completed:
		w.State = printing.WalkCompleted
	case p.Stuck != nil:
		w.State, w.Step, w.Steps = printing.WalkStuck, p.Stuck.Number, p.Stuck.Of
		if p.Stuck.Step != nil {
			w.StepTitle = p.Stuck.Step.Title.In(mediator)
		}
	default:
		w.State, w.Step = printing.WalkStarted, p.StepsDone
	}
	for _, d := range p.Missing {
		w.Missing = append(w.Missing, d.Label.In(mediator))
	}
	t := func(key string, args ...string) string { return r.Text.T(mediator, key, args...) }
	parts := []string{w.Title + " :"}
	if p.Completed {
		parts = append(parts, t("console.walk.completed"))
	} else {
		parts = append(parts, t("console.walk.notcompleted"))
	}
	if sp := p.Stuck; sp != nil {
		stepOf := t("walk.step_of", "n", strconv.Itoa(sp.Number), "of", strconv.Itoa(sp.Of))
		parts = append(parts, "· "+t("console.walk.stuck", "steps", sp.Label(mediator, stepOf)))
	}
	if len(w.Missing) > 0 {
		parts = append(parts, "· "+t("console.walk.missing", "docs", strings.Join(w.Missing, ", ")))
	}
	w.Text = strings.Join(parts, " ")
	return w
}

// ProcedureTitle names a walkthrough of walks in French, "" when unknown:
// the Coop's "Nom de la démarche administrative".
func ProcedureTitle(walks *walkthrough.Set) func(code string) string {
	return func(code string) string {
		if p := walks.Get(code); p != nil {
			return p.Title.In(mediator)
		}
		return ""
	}
}
