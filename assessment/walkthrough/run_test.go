package walkthrough

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// recorded is a run over a clock the test moves, and the events it records
// as "kind key=value…" in a fixed key order.
type recorded struct {
	now    time.Time
	events []string
}

func (r *recorded) record(kind string, p map[string]string) {
	line := kind
	for _, k := range []string{"proc", "step", "doc", "outcome", "secs", "practice", "hints"} {
		if v, ok := p[k]; ok {
			line += " " + k + "=" + v
		}
	}
	r.events = append(r.events, line)
}

func (r *recorded) wait(secs int) { r.now = r.now.Add(time.Duration(secs) * time.Second) }

func threeSteps() *Procedure {
	return &Procedure{
		ID:    "p",
		Bring: []Document{{Code: "id"}, {Code: "rib"}},
		Steps: []Step{{ID: "a"}, {ID: "b", Sandbox: "login"}, {ID: "c"}},
	}
}

func newRecordedRun(p *Procedure) (*Run, *recorded) {
	rec := &recorded{now: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)}
	return NewRun(p, func() time.Time { return rec.now }, rec.record), rec
}

// TestRunRecordsEachMoment walks the paths a visitor takes and checks the
// events each records, in order, with their times.
func TestRunRecordsEachMoment(t *testing.T) {
	for _, c := range []struct {
		name string
		walk func(r *Run, rec *recorded)
		want []string
	}{
		{"to the end, with a practice solved after a hint", func(r *Run, rec *recorded) {
			r.SetHave("id", true)
			r.SetHave("rib", false)
			r.Begin()
			rec.wait(10)
			r.StepDone()
			rec.wait(20)
			r.Hint()
			r.Solve()
			r.StepDone()
			rec.wait(5)
			if r.StepDone() {
				t.Error("more steps after the last")
			}
		}, []string{
			"walk.started proc=p",
			"walk.missing proc=p doc=rib",
			"walk.step proc=p step=a secs=10",
			"walk.step proc=p step=b secs=20 practice=done hints=1",
			"walk.step proc=p step=c secs=5",
			"walk.completed proc=p secs=35",
		}},
		{"practice skipped, then left by the visitor", func(r *Run, rec *recorded) {
			r.Begin()
			r.StepDone()
			rec.wait(3)
			r.StepDone()
			rec.wait(4)
			r.Abandon()
			r.Abandon() // a second leave (the session's end) records nothing
		}, []string{
			"walk.started proc=p",
			"walk.step proc=p step=a secs=0",
			"walk.step proc=p step=b secs=3 practice=skipped hints=0",
			"walk.abandoned proc=p step=c secs=7",
		}},
		{"stuck: the time counts until they said it; asking the mediator leaves the walk", func(r *Run, rec *recorded) {
			r.Begin()
			rec.wait(30)
			choose := r.Stuck()
			rec.wait(50) // reading the choices
			choose(StuckMediator)
			r.Abandon()
		}, []string{
			"walk.started proc=p",
			"walk.stuck proc=p step=a outcome=mediator secs=30",
			"walk.abandoned proc=p step=a secs=80",
		}},
		{"back to the checklist: started once, a document newly missing recorded once", func(r *Run, rec *recorded) {
			r.SetHave("id", false)
			r.Begin()
			r.SetHave("rib", false)
			r.Begin()
			r.Begin()
		}, []string{
			"walk.started proc=p",
			"walk.missing proc=p doc=id",
			"walk.missing proc=p doc=rib",
		}},
		{"never begun: nothing, even when the session ends", func(r *Run, rec *recorded) {
			r.SetHave("id", false)
			r.Abandon()
		}, nil},
		{"a step shown again keeps its clock and hints; a new step starts its own", func(r *Run, rec *recorded) {
			r.Begin()
			r.GoTo(1)
			rec.wait(8)
			r.Hint()
			r.GoTo(1) // back from the tip
			rec.wait(2)
			r.StepDone()
			r.GoTo(1) // "Retour" from the next step: a new visit of this one
			rec.wait(1)
			r.StepDone()
		}, []string{
			"walk.started proc=p",
			"walk.step proc=p step=b secs=10 practice=skipped hints=1",
			"walk.step proc=p step=b secs=1 practice=skipped hints=0",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, rec := newRecordedRun(threeSteps())
			c.walk(r, rec)
			if !slices.Equal(rec.events, c.want) {
				t.Errorf("events:\n%s\nwant:\n%s", strings.Join(rec.events, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestRunKnowsTheChecklist(t *testing.T) {
	r, _ := newRecordedRun(threeSteps())
	if _, answered := r.Have("id"); answered || r.Lacking() {
		t.Fatal("a fresh run has answers")
	}
	r.SetHave("rib", false)
	r.SetHave("id", true)
	if has, answered := r.Have("id"); !has || !answered || !r.Lacking() {
		t.Fatalf("have id %v/%v, lacking %v", has, answered, r.Lacking())
	}
	if got := fmt.Sprint(r.Missing()); got != fmt.Sprint([]Document{{Code: "rib"}}) {
		t.Fatalf("missing %s", got)
	}
	if r.Open() {
		t.Fatal("open before Begin")
	}
	r.Begin()
	if !r.Open() || r.Step() != 0 || r.Current().ID != "a" || r.last() {
		t.Fatalf("after Begin: open %v step %d", r.Open(), r.Step())
	}
}
