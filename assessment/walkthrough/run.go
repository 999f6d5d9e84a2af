package walkthrough

import "time"

// Recorder stores one event of a run. A run never waits on it nor fails
// with it: losing one event must not end a visitor's walk.
type Recorder func(kind string, payload map[string]string)

// Run is one visitor's way through one procedure: the checklist answers,
// the step reached, what the step on screen measured, and which event each
// moment records. The screens draw it and tell it what the visitor did;
// assessment.Run is its counterpart for the self-assessment.
type Run struct {
	Proc *Procedure
	now  func() time.Time
	rec  Recorder

	// have is the checklist: document code → the visitor has it; a code
	// not in the map has not been answered.
	have     map[string]bool
	reported map[string]bool // missing documents already recorded
	begun    time.Time       // zero until Begin
	ended    bool
	step     int
	// stepBegun, hints and solved are about the step on screen.
	stepBegun time.Time
	hints     int
	solved    bool
}

// NewRun opens procedure p for a visitor: nothing is recorded until Begin.
func NewRun(p *Procedure, now func() time.Time, rec Recorder) *Run {
	return &Run{Proc: p, now: now, rec: rec, have: map[string]bool{}, reported: map[string]bool{}}
}

// SetHave answers a checklist line: the visitor has document code or not.
func (r *Run) SetHave(code string, has bool) { r.have[code] = has }

// Have is the visitor's answer for document code; answered is false when
// they have not said.
func (r *Run) Have(code string) (has, answered bool) {
	has, answered = r.have[code]
	return has, answered
}

// Lacking tells whether the visitor said they lack any document.
func (r *Run) Lacking() bool {
	for _, has := range r.have {
		if !has {
			return true
		}
	}
	return false
}

// Missing are the documents to have now that the visitor said they lack,
// in the procedure's order.
func (r *Run) Missing() []Document {
	var out []Document
	for _, d := range r.Proc.Bring {
		if has, ok := r.have[d.Code]; ok && !has {
			out = append(out, d)
		}
	}
	return out
}

// Begin records the start (once) and each document newly said missing; the
// visitor is then on the first step. Coming back from the steps to the
// checklist and starting again records only what changed.
func (r *Run) Begin() {
	if r.begun.IsZero() {
		r.begun = r.now()
		r.rec(Started(r.Proc.ID))
	}
	for _, d := range r.Missing() {
		if !r.reported[d.Code] {
			r.reported[d.Code] = true
			r.rec(Missing(r.Proc.ID, d.Code))
		}
	}
	r.GoTo(0)
}

// Open tells whether the walk has begun and neither ended nor been left.
func (r *Run) Open() bool { return !r.begun.IsZero() && !r.ended }

// GoTo puts the visitor on step i. A new step starts its own clock, hints
// and practice; coming back to the same step (from a tip, a retry, a page
// of the same step) keeps them.
func (r *Run) GoTo(i int) {
	if i != r.step || r.stepBegun.IsZero() {
		r.stepBegun, r.hints, r.solved = r.now(), 0, false
	}
	r.step = i
}

// Step is the index of the step the visitor is on.
func (r *Run) Step() int { return r.step }

// Current is the step the visitor is on.
func (r *Run) Current() Step { return r.Proc.Steps[r.step] }

// last tells whether the visitor is on the procedure's last step.
func (r *Run) last() bool { return r.step == len(r.Proc.Steps)-1 }

// Hint counts a wrong action in the step's practice screen.
func (r *Run) Hint() { r.hints++ }

// Solve marks the step's practice done right.
func (r *Run) Solve() { r.solved = true }

// StepDone records the step on screen as done, with its time, practice
// and hints, and moves to the next step: more is true when there is one.
// After the last step, the walk is recorded as completed.
func (r *Run) StepDone() (more bool) {
	st := r.Current()
	practice := ""
	if st.Sandbox != "" {
		practice = PracticeSkipped
		if r.solved {
			practice = PracticeDone
		}
	}
	r.rec(StepDone(r.Proc.ID, st.ID, r.secondsSince(r.stepBegun), practice, r.hints))
	if !r.last() {
		r.GoTo(r.step + 1)
		return true
	}
	r.ended = true
	r.rec(Completed(r.Proc.ID, r.secondsSince(r.begun)))
	return false
}

// Stuck is the visitor saying "Je suis bloqué(e)" on the step on screen,
// now: choose records what they chose then (one of StuckRetry, StuckTip,
// StuckMediator) with the time spent on the step until they said it.
// Asking the mediator also leaves the walk there.
func (r *Run) Stuck() (choose func(outcome string)) {
	st, secs := r.Current(), r.secondsSince(r.stepBegun)
	return func(outcome string) {
		r.rec(Stuck(r.Proc.ID, st.ID, secs, outcome))
		if outcome == StuckMediator {
			r.Abandon()
		}
	}
}

// Abandon records the walk as left at the step the visitor had reached: by
// the visitor, or by the session's end (idle timeout, a crash) while they
// were in it. A walk not begun, or already ended, records nothing.
func (r *Run) Abandon() {
	if !r.Open() {
		return
	}
	r.ended = true
	r.rec(Abandoned(r.Proc.ID, r.Current().ID, r.secondsSince(r.begun)))
}

func (r *Run) secondsSince(t time.Time) int { return int(r.now().Sub(t) / time.Second) }
