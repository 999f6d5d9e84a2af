package walkthrough

import (
	"iter"
	"strconv"
	"strings"
)

// Event kinds, see the package documentation.
const (
	EventStarted   = "walk.started"
	EventMissing   = "walk.missing"
	EventStepDone  = "walk.step"
	EventStuck     = "walk.stuck"
	EventCompleted = "walk.completed"
	EventAbandoned = "walk.abandoned"
)

// Outcomes of the "Je suis bloqué(e)" dialog and of a practice step.
const (
	StuckRetry    = "retry"
	StuckTip      = "tip"
	StuckMediator = "mediator"

	PracticeDone    = "done"
	PracticeSkipped = "skipped"
)

// The builders below return (kind, payload) ready for app/session's
// Service.Record: Record(walkthrough.Started(p.ID)). Plain maps, so that
// content and its rules know nothing of the app that stores them.

// Started is the event of a visitor opening procedure proc.
func Started(proc string) (string, map[string]string) {
	return EventStarted, map[string]string{"proc": proc}
}

// Missing is the event of a visitor saying they lack document doc.
func Missing(proc, doc string) (string, map[string]string) {
	return EventMissing, map[string]string{"proc": proc, "doc": doc}
}

// StepDone is the event of a step marked done after secs seconds. practice
// is "" for a step without a sandbox, else PracticeDone or PracticeSkipped
// with the number of hints the sandbox gave.
func StepDone(proc, step string, secs int, practice string, hints int) (string, map[string]string) {
	p := map[string]string{"proc": proc, "step": step, "secs": strconv.Itoa(secs)}
	if practice != "" {
		p["practice"] = practice
		p["hints"] = strconv.Itoa(hints)
	}
	return EventStepDone, p
}

// Stuck is the event of a visitor stuck at step, and what they chose.
func Stuck(proc, step string, secs int, outcome string) (string, map[string]string) {
	return EventStuck, map[string]string{"proc": proc, "step": step, "secs": strconv.Itoa(secs), "outcome": outcome}
}

// Completed is the event of the last step done; secs is the whole walk.
func Completed(proc string, secs int) (string, map[string]string) {
	return EventCompleted, map[string]string{"proc": proc, "secs": strconv.Itoa(secs)}
}

// Abandoned is the event of a visitor leaving proc at step.
func Abandoned(proc, step string, secs int) (string, map[string]string) {
	return EventAbandoned, map[string]string{"proc": proc, "step": step, "secs": strconv.Itoa(secs)}
}

// ProcedureProgress is what a session did with one procedure.
type ProcedureProgress struct {
	ID string
	// Procedure is nil when the id is no longer in the content.
	Procedure *Procedure
	Started   bool
	Completed bool
	// StepsDone counts the distinct steps marked done.
	StepsDone int
	// Stuck is where the visitor got stuck without getting past it later;
	// nil otherwise.
	Stuck *StuckPoint
	// AskedMediator is true when they chose "je demande au médiateur".
	AskedMediator bool
	// Missing are the documents answered "Je n'ai pas", in order.
	Missing []Document
	// Seconds is the time spent in the walkthrough.
	Seconds int
}

// StuckPoint is a step a visitor got stuck at.
type StuckPoint struct {
	StepID string
	// Number is the step's 1-based position, Of the procedure's step count;
	// both 0 when the step is no longer in the procedure.
	Number, Of int
	Step       *Step
}

// In fills the step's position and title from procedure p; they stay zero
// when p no longer has the step.
func (sp StuckPoint) In(p *Procedure) StuckPoint {
	if i := p.StepIndex(sp.StepID); i >= 0 {
		sp.Number, sp.Of, sp.Step = i+1, len(p.Steps), &p.Steps[i]
	}
	return sp
}

// Label reads "étape 3 sur 7 : Se connecter" in lang. stepOf is the
// catalogue's walk.step_of text filled with Number and Of ("étape 3 sur
// 7"); when it is "" the label starts with "3/7".
func (sp StuckPoint) Label(lang, stepOf string) string {
	if sp.Step == nil {
		return sp.StepID
	}
	if stepOf == "" {
		stepOf = strconv.Itoa(sp.Number) + "/" + strconv.Itoa(sp.Of)
	}
	return stepOf + " : " + sp.Step.Title.In(lang)
}

// Progress reads a session's events (in time order) into one entry per
// procedure, in the order they were first started. Events of other kinds
// are ignored, so the whole session's events can be passed.
func Progress(events iter.Seq2[string, map[string]string], set *Set) []ProcedureProgress {
	var order []string
	byID := map[string]*progressRun{}
	for kind, payload := range events {
		id := payload["proc"]
		if id == "" || !strings.HasPrefix(kind, "walk.") {
			continue
		}
		r, ok := byID[id]
		if !ok {
			r = &progressRun{p: ProcedureProgress{ID: id, Procedure: set.Get(id)}, done: map[string]bool{}, missing: map[string]bool{}}
			byID[id] = r
			order = append(order, id)
		}
		r.add(kind, payload)
	}
	out := make([]ProcedureProgress, 0, len(order))
	for _, id := range order {
		out = append(out, byID[id].result())
	}
	return out
}

// progressRun accumulates the events of one procedure.
type progressRun struct {
	p       ProcedureProgress
	done    map[string]bool
	missing map[string]bool
	// open counts the seconds of a walk not (yet) ended by an event that
	// carries its total.
	open int
}

func (r *progressRun) add(kind string, payload map[string]string) {
	secs, _ := strconv.Atoi(payload["secs"])
	step := payload["step"]
	switch kind {
	case EventStarted:
		r.p.Started = true
		r.open = 0
	case EventMissing:
		if doc := payload["doc"]; doc != "" && !r.missing[doc] {
			r.missing[doc] = true
			if r.p.Procedure != nil {
				r.p.Missing = append(r.p.Missing, r.p.Procedure.Document(doc))
			} else {
				r.p.Missing = append(r.p.Missing, Document{Code: doc, Label: Text{Reference: doc}})
			}
		}
	case EventStepDone:
		r.done[step] = true
		r.open += secs
		if r.p.Stuck != nil && r.p.Stuck.StepID == step {
			r.p.Stuck = nil
		}
	case EventStuck:
		r.open += secs
		r.p.Stuck = r.stuckAt(step)
		if payload["outcome"] == StuckMediator {
			r.p.AskedMediator = true
		}
	case EventCompleted:
		r.p.Completed = true
		r.p.Stuck = nil
		r.p.Seconds += secs
		r.open = 0
	case EventAbandoned:
		r.p.Seconds += secs
		r.open = 0
	}
}

func (r *progressRun) stuckAt(step string) *StuckPoint {
	sp := StuckPoint{StepID: step}
	if p := r.p.Procedure; p != nil {
		sp = sp.In(p)
	}
	return &sp
}

func (r *progressRun) result() ProcedureProgress {
	p := r.p
	p.StepsDone = len(r.done)
	p.Seconds += r.open
	return p
}
