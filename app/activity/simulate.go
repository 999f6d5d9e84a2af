package activity

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/google/uuid"

	"pasapas/app/session"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
)

// Simulator draws plausible visitor sessions and writes them through a
// session.Store (the real SQLite store in the command line, benchmarks and
// soak tests): demos and measurements then run on data shaped like a
// centre's, without any real visitor. Its domains, needs and procedures are
// the kiosk's own content (NewSimulator), so the console shows simulated
// sessions with real titles, steps and documents.
type Simulator struct {
	Rand    *rand.Rand
	Period  Period
	KioskID string
	// Domains are the bank's scored domains; Needs the codes of its
	// "Quelles démarches" question.
	Domains    []string
	Needs      []string
	Procedures []*walkthrough.Procedure
	// Exercises are the bank's practical exercises, tried by each
	// simulated visitor who takes the assessment.
	Exercises []*assessment.Item
	// Returning is the share of sessions of a visitor coming back with an
	// earlier session's code (a fifth by NewSimulator), half of whom take
	// the assessment again; Accompanied the share run with a mediator.
	Returning, Accompanied float64
	// visitors are recent sessions a returning visitor may come back from.
	visitors []simVisitor
}

// simVisitor is a simulated session a visitor may come back from, with
// the visitor's ability then.
type simVisitor struct {
	rec     session.Record
	ability float64
}

// simPool bounds the sessions kept for returning visitors: enough for
// chains of several visits, little memory for 100 000 sessions.
const simPool = 500

// NewSimulator draws sessions over period from the content of bank and walks.
func NewSimulator(r *rand.Rand, period Period, kioskID string, bank *assessment.Bank, walks *walkthrough.Set) *Simulator {
	g := &Simulator{Rand: r, Period: period, KioskID: kioskID, Procedures: walks.All(), Returning: 0.2, Accompanied: 0.1}
	for _, d := range bank.Domains {
		if d.Scored {
			g.Domains = append(g.Domains, d.ID)
		}
	}
	for _, it := range bank.Items {
		if it.Kind.IsExercise() {
			g.Exercises = append(g.Exercises, it)
		}
	}
	if it := bank.NeedsItem(); it != nil {
		for _, o := range it.Options {
			g.Needs = append(g.Needs, o.ID)
		}
	}
	return g
}

// SimStore is where simulated sessions go: the session store with the
// self-assessment's result.
type SimStore interface {
	session.Store
	SaveAssessment(ctx context.Context, sessionID string, r assessment.Result) error
}

// simAutonomy is the autonomy code of each level.
var simAutonomy = [4]string{assessment.Guided, assessment.Guided, assessment.GuidedIfNeeded, assessment.SelfReliant}

// Session writes one simulated session to st: a first visit, or one
// coming back a few days after an earlier session, its visitor a little
// more able.
func (g *Simulator) Session(ctx context.Context, st SimStore) error {
	r := g.Rand
	if len(g.visitors) > 0 && r.Float64() < g.Returning {
		v := g.visitors[r.IntN(len(g.visitors))]
		at := v.rec.Started.AddDate(0, 0, 1+r.IntN(30)).Add(time.Duration(r.IntN(120)-60) * time.Minute)
		if at.Before(g.Period.End()) {
			return g.session(ctx, st, at, &v.rec, v.ability+r.Float64()*0.8, r.IntN(2) == 0)
		}
	}
	return g.session(ctx, st, g.firstVisitTime(), nil, 0.3+r.Float64()*3, r.IntN(7) != 0)
}

// firstVisitTime draws when a first visit starts.
func (g *Simulator) firstVisitTime() time.Time {
	r := g.Rand
	days := g.Period.Days()
	day, _ := ParseDay(days[r.IntN(len(days))])
	// Opening hours: mornings and afternoons, busier on weekdays.
	if wd := day.Weekday(); (wd == time.Saturday || wd == time.Sunday) && r.IntN(4) != 0 {
		day, _ = ParseDay(days[r.IntN(len(days))])
	}
	hour := 9 + r.IntN(3)
	if r.IntN(2) == 0 {
		hour = 14 + r.IntN(3)
	}
	return time.Date(day.Year(), day.Month(), day.Day(), hour, r.IntN(60), r.IntN(60), 0, time.Local)
}

// session writes a session started at at, following earlier (nil: a
// first visit), of a visitor of the given ability who takes the
// assessment or not.
func (g *Simulator) session(ctx context.Context, st SimStore, at time.Time, earlier *session.Record, ability float64, assess bool) error {
	r := g.Rand
	lang := "fr"
	if earlier != nil {
		lang = earlier.Lang
	} else if r.IntN(8) == 0 {
		lang = "en"
	}
	rec := session.Record{ID: uuid.NewString(), KioskID: g.KioskID, Lang: lang, Started: at, Accompanied: r.Float64() < g.Accompanied}
	if earlier != nil {
		rec.Earlier = earlier.ID
	}
	rec, err := st.CreateSession(ctx, rec)
	if err != nil {
		return err
	}
	if len(g.visitors) < simPool {
		g.visitors = append(g.visitors, simVisitor{rec, ability})
	} else {
		g.visitors[r.IntN(simPool)] = simVisitor{rec, ability}
	}
	add := func(kind string, p session.Payload) error {
		at = at.Add(time.Duration(20+r.IntN(160)) * time.Second)
		return st.AddEvent(ctx, rec.ID, session.Event{At: at, Kind: kind, Payload: p})
	}
	var needs []string
	if assess {
		result := assessment.Result{}
		sum := 0
		for _, d := range g.Domains {
			l := max(0, min(3, int(math.Round(ability+r.NormFloat64()*0.7))))
			sum += l
			result.Levels = append(result.Levels, assessment.DomainLevel{Domain: d, Level: l, DigComp: (l + 1) / 2, Autonomy: simAutonomy[l]})
		}
		result.Orientation = simOrientation(float64(sum) / float64(max(1, len(g.Domains))))
		for range 1 + r.IntN(3) {
			if len(g.Needs) == 0 {
				break
			}
			n := g.Needs[min(len(g.Needs)-1, int(r.ExpFloat64()*2.5))]
			if !slices.Contains(needs, n) {
				needs = append(needs, n)
			}
		}
		result.Needs = needs
		// Exercises go easier for the more able: ok, hard or failed.
		for _, it := range g.Exercises {
			outcome := assessment.OutcomeOK
			switch draw := r.Float64() * 3.3; {
			case draw > ability+0.8:
				outcome = assessment.OutcomeFail
			case draw > ability:
				outcome = assessment.OutcomeHard
			}
			a := assessment.Answer{Item: it.ID, Code: outcome, Millis: int64(2000 + r.IntN(20000)), Misses: r.IntN(4), Accuracy: -1}
			if err := add(assessment.EventAnswer, a.Payload(it.Kind)); err != nil {
				return err
			}
		}
		at = at.Add(time.Duration(120+r.IntN(480)) * time.Second)
		if err := st.SaveAssessment(ctx, rec.ID, result); err != nil {
			return err
		}
	}
	for range r.IntN(3) {
		if len(g.Procedures) == 0 {
			break
		}
		proc := g.Procedures[r.IntN(len(g.Procedures))]
		for _, p := range g.Procedures {
			if len(needs) > 0 && slices.Contains(p.Needs, needs[0]) && r.IntN(2) == 0 {
				proc = p
			}
		}
		if err := g.walk(add, proc); err != nil {
			return err
		}
	}
	status := session.Finished
	if r.IntN(5) == 0 {
		status = session.Abandoned
	}
	return st.EndSession(ctx, rec.ID, status, at.Add(time.Duration(r.IntN(600))*time.Second))
}

// walk practises proc: the step in its middle is the one people get stuck
// at most.
func (g *Simulator) walk(add func(string, session.Payload) error, proc *walkthrough.Procedure) error {
	r := g.Rand
	if err := add(walkthrough.Started(proc.ID)); err != nil {
		return err
	}
	if len(proc.Bring) > 0 && r.IntN(6) == 0 {
		if err := add(walkthrough.Missing(proc.ID, proc.Bring[r.IntN(len(proc.Bring))].Code)); err != nil {
			return err
		}
	}
	hard := len(proc.Steps) / 2
	total := 0
	for i, step := range proc.Steps {
		secs := 20 + r.IntN(200)
		total += secs
		stuckChance := 12
		if i == hard {
			stuckChance = 3
		}
		if r.IntN(stuckChance) == 0 {
			outcome := []string{walkthrough.StuckRetry, walkthrough.StuckTip, walkthrough.StuckMediator}[r.IntN(3)]
			if err := add(walkthrough.Stuck(proc.ID, step.ID, secs, outcome)); err != nil {
				return err
			}
			if outcome == walkthrough.StuckMediator {
				return add(walkthrough.Abandoned(proc.ID, step.ID, total))
			}
		}
		if err := add(walkthrough.StepDone(proc.ID, step.ID, secs, "", 0)); err != nil {
			return err
		}
	}
	return add(walkthrough.Completed(proc.ID, total))
}

// simOrientation follows the mean level roughly as the assessment's rules
// do; the simulator needs plausible proportions, not the real rules.
func simOrientation(mean float64) string {
	switch {
	case mean < 0.7:
		return assessment.DoOnBehalf
	case mean < 1.6:
		return assessment.ToAccompany
	case mean < 2.6:
		return assessment.ToTrain
	}
	return assessment.Autonomous
}
