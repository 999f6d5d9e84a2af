package activity

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"pasapas/app/session"
	"pasapas/assessment"
)

// Simulator draws plausible visitor sessions and writes them through a
// session.Store (the real SQLite store in the command line, benchmarks and
// soak tests): demos and measurements then run on data shaped like a
// centre's, without any real visitor.
type Simulator struct {
	Rand    *rand.Rand
	Period  Period
	KioskID string
}

// Domains of the self-assessment, as scored (assessment seeds).
var simDomains = []string{"device", "internet", "communicate", "procedures", "safety"}

// simProcedures are walkthroughs with their steps; the harder step is the
// one people get stuck at most.
var simProcedures = []struct {
	id, need string
	steps    []string
	hard     int
}{
	{"caf-declaration", "caf", []string{"open", "login", "declare", "amounts", "confirm"}, 3},
	{"ameli-attestation", "ameli", []string{"open", "account", "login", "documents", "download"}, 2},
	{"france-travail-inscription", "france_travail", []string{"open", "franceconnect", "identity", "profile", "confirm"}, 1},
	{"impots-declaration", "impots", []string{"open", "login", "check", "sign"}, 1},
	{"ants-identite", "ants", []string{"open", "account", "form", "photo", "appointment"}, 3},
	{"doctolib-rdv", "sante", []string{"open", "search", "slot", "account", "confirm"}, 3},
	{"email-creer", "", []string{"open", "name", "password", "phone", "done"}, 2},
}

var simNeeds = []string{"caf", "ameli", "france_travail", "impots", "ants", "retraite", "sante", "logement", "banque"}

// SimStore is where simulated sessions go: the session store with the
// self-assessment's result.
type SimStore interface {
	session.Store
	SaveAssessment(ctx context.Context, sessionID string, r assessment.Result) error
}

// simAutonomy is the autonomy code of each level.
var simAutonomy = [4]string{assessment.Guided, assessment.Guided, assessment.GuidedIfNeeded, assessment.SelfReliant}

// Session writes one simulated session to st.
func (g *Simulator) Session(ctx context.Context, st SimStore) error {
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
	at := time.Date(day.Year(), day.Month(), day.Day(), hour, r.IntN(60), r.IntN(60), 0, time.Local)
	lang := "fr"
	if r.IntN(8) == 0 {
		lang = "en"
	}
	rec, err := st.CreateSession(ctx, session.Record{ID: uuid.NewString(), KioskID: g.KioskID, Lang: lang, Started: at})
	if err != nil {
		return err
	}
	add := func(kind string, p session.Payload) error {
		at = at.Add(time.Duration(20+r.IntN(160)) * time.Second)
		return st.AddEvent(ctx, rec.ID, session.Event{At: at, Kind: kind, Payload: p})
	}
	ability := 0.3 + r.Float64()*3
	var needs []string
	if r.IntN(7) != 0 {
		result := assessment.Result{}
		sum := 0
		for _, d := range simDomains {
			l := max(0, min(3, int(math.Round(ability+r.NormFloat64()*0.7))))
			sum += l
			result.Levels = append(result.Levels, assessment.DomainLevel{Domain: d, Level: l, DigComp: (l + 1) / 2, Autonomy: simAutonomy[l]})
		}
		result.Orientation = simOrientation(float64(sum) / float64(len(simDomains)))
		for range 1 + r.IntN(3) {
			n := simNeeds[min(len(simNeeds)-1, int(r.ExpFloat64()*2.5))]
			if !slices.Contains(needs, n) {
				needs = append(needs, n)
			}
		}
		result.Needs = needs
		at = at.Add(time.Duration(120+r.IntN(480)) * time.Second)
		if err := st.SaveAssessment(ctx, rec.ID, result); err != nil {
			return err
		}
	}
	for range r.IntN(3) {
		proc := simProcedures[r.IntN(len(simProcedures))]
		for _, n := range needs {
			for _, sp := range simProcedures {
				if sp.need == n && r.IntN(2) == 0 {
					proc = sp
				}
			}
		}
		if err := g.walk(add, proc.id, proc.steps, proc.hard); err != nil {
			return err
		}
	}
	status := session.Finished
	if r.IntN(5) == 0 {
		status = session.Abandoned
	}
	return st.EndSession(ctx, rec.ID, status, at.Add(time.Duration(r.IntN(600))*time.Second))
}

func (g *Simulator) walk(add func(string, session.Payload) error, proc string, steps []string, hard int) error {
	r := g.Rand
	if err := add(KindWalkStarted, session.Payload{"proc": proc}); err != nil {
		return err
	}
	if r.IntN(6) == 0 {
		if err := add(KindWalkMissing, session.Payload{"proc": proc, "doc": "identifiant"}); err != nil {
			return err
		}
	}
	for i, step := range steps {
		p := session.Payload{"proc": proc, "step": step, "secs": strconv.Itoa(20 + r.IntN(200))}
		stuckChance := 12
		if i == hard {
			stuckChance = 3
		}
		if r.IntN(stuckChance) == 0 {
			outcome := []string{"retry", "tip", "mediator"}[r.IntN(3)]
			if err := add(KindWalkStuck, session.Payload{"proc": proc, "step": step, "secs": p["secs"], "outcome": outcome}); err != nil {
				return err
			}
			if outcome == "mediator" {
				return add(KindWalkAbandoned, session.Payload{"proc": proc, "step": step, "secs": p["secs"]})
			}
		}
		if err := add(KindWalkStepDone, p); err != nil {
			return err
		}
	}
	return add(KindWalkCompleted, session.Payload{"proc": proc, "secs": "600"})
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
