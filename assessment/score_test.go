package assessment

import (
	"slices"
	"testing"

	"pasapas/seeds"
)

func bank(t testing.TB) *Bank {
	t.Helper()
	b, err := Load(seeds.FS, Dir)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExerciseOutcome(t *testing.T) {
	tap := &Item{Kind: Tap, MaxMisses: 2}
	typ := &Item{Kind: Type, MinAccuracy: 60}
	tests := []struct {
		it               *Item
		done             bool
		misses, accuracy int
		want             string
	}{
		{tap, true, 0, -1, OutcomeOK},
		{tap, true, 2, -1, OutcomeOK}, // boundary: max_misses still easy
		{tap, true, 3, -1, OutcomeHard},
		{tap, false, 0, -1, Skipped}, // passed without trying: does not count
		{tap, false, 1, -1, OutcomeFail},
		{typ, true, 0, 100, OutcomeOK},
		{typ, true, 1, 60, OutcomeHard}, // boundary: min_accuracy
		{typ, true, 3, 59, OutcomeFail},
	}
	for _, tt := range tests {
		if got := tt.it.ExerciseOutcome(tt.done, tt.misses, tt.accuracy); got != tt.want {
			t.Errorf("%s done=%v misses=%d accuracy=%d: %s, want %s", tt.it.Kind, tt.done, tt.misses, tt.accuracy, got, tt.want)
		}
	}
}

// TestDomainLevels scores hand-made answers to the device exercises
// (weight 2 each) and the communication questions.
func TestDomainLevels(t *testing.T) {
	b := bank(t)
	device := []string{"device.tap", "device.doubleclick", "device.drag", "device.scroll", "device.type"}
	comm := []string{"comm.email", "comm.photo", "comm.video"}
	answers := func(ids []string, codes ...string) []Answer {
		var out []Answer
		for i, id := range ids {
			out = append(out, Answer{Item: id, Code: codes[i], Accuracy: -1})
		}
		return out
	}
	tests := []struct {
		name   string
		domain string
		in     []Answer
		level  int
	}{
		{"all exercises easy", "device", answers(device, "ok", "ok", "ok", "ok", "ok"), 3},
		{"one hard: mean 2.7", "device", answers(device, "hard", "ok", "ok", "ok", "ok"), 3},
		{"two hard: mean 2.4", "device", answers(device, "hard", "hard", "ok", "ok", "ok"), 2},
		{"all hard: mean 1.5, boundary", "device", answers(device, "hard", "hard", "hard", "hard", "hard"), 2},
		{"hard and failed: mean 0.9", "device", answers(device, "hard", "failed", "hard", "failed", "hard"), 1},
		{"all failed", "device", answers(device, "failed", "failed", "failed", "failed", "failed"), 0},
		{"skipped do not count", "device", answers(device, "ok", "skipped", "skipped", "skipped", "skipped"), 3},
		{"all skipped: unknown", "device", answers(device, "skipped", "skipped", "skipped", "skipped", "skipped"), Unknown},
		{"alone, helped, helped: mean 2.33", "communicate", answers(comm, "alone", "helped", "helped"), 2},
		{"alone, alone, helped: mean 2.67", "communicate", answers(comm, "alone", "alone", "helped"), 3},
		{"helped, cannot, unknown: mean 0.67", "communicate", answers(comm, "helped", "cannot", "unknown"), 0},
		{"helped, helped, cannot: mean 1.33", "communicate", answers(comm, "helped", "helped", "cannot"), 1},
		{"alone, cannot: mean 1.5, boundary", "communicate", answers(comm[:2], "alone", "cannot"), 2},
		{"later answer wins", "communicate", append(answers(comm[:1], "cannot"), answers(comm[:1], "alone")...), 3},
	}
	for _, tt := range tests {
		res := b.Score(tt.in)
		if got := res.Level(tt.domain); got != tt.level {
			t.Errorf("%s: level %d, want %d", tt.name, got, tt.level)
		}
	}
}

func TestScaleMapsLevels(t *testing.T) {
	b := bank(t)
	want := map[int][2]any{0: {0, Guided}, 1: {1, Guided}, 2: {2, GuidedIfNeeded}, 3: {3, SelfReliant}}
	comm := []string{"comm.email", "comm.photo", "comm.video"}
	for level, codes := range map[int][]string{0: {"cannot", "cannot", "cannot"}, 1: {"helped", "helped", "cannot"}, 2: {"helped", "helped", "helped"}, 3: {"alone", "alone", "alone"}} {
		var in []Answer
		for i, id := range comm {
			in = append(in, Answer{Item: id, Code: codes[i]})
		}
		res := b.Score(in)
		for _, l := range res.Levels {
			if l.Domain != "communicate" {
				continue
			}
			if l.Level != level || l.DigComp != want[level][0] || l.Autonomy != want[level][1] {
				t.Errorf("level %d: got %+v", level, l)
			}
		}
		d := b.Describe(res, "fr")
		for _, dt := range d.Domains {
			if dt.ID == "communicate" && level == 2 && dt.Autonomy != "Autonome avec guidage en cas de besoin" {
				t.Errorf("autonomy label %q", dt.Autonomy)
			}
		}
	}
}

// TestOrientationRules applies the seed's orientation table to hand-made
// domain levels (-1 = unknown), boundaries included.
func TestOrientationRules(t *testing.T) {
	b := bank(t)
	domains := []string{"device", "internet", "communicate", "procedures", "safety"}
	tests := []struct {
		name   string
		levels [5]int
		short  bool
		want   string
	}{
		{"all 3", [5]int{3, 3, 3, 3, 3}, false, Autonomous},
		{"mean 2.6, lowest 2", [5]int{3, 3, 3, 2, 2}, false, Autonomous},
		{"mean 2.5 exactly, lowest 2", [5]int{3, 3, 2, 2, -1}, false, Autonomous},
		{"mean 2.4", [5]int{3, 3, 2, 2, 2}, false, ToTrain},
		{"all 2", [5]int{2, 2, 2, 2, 2}, false, ToTrain},
		{"one domain at 1", [5]int{3, 3, 3, 3, 1}, false, ToTrain},
		{"mean 1.5 exactly", [5]int{2, 2, 1, 1, -1}, false, ToTrain},
		{"procedures at 0, others 3", [5]int{3, 3, 3, 0, 3}, false, ToAccompany},
		{"mean 1.4", [5]int{2, 2, 1, 1, 1}, false, ToAccompany},
		{"mean 0.75 exactly", [5]int{3, 0, 0, 0, -1}, false, ToAccompany},
		{"mean 0.6", [5]int{3, 0, 0, 0, 0}, false, DoOnBehalf},
		{"all 0", [5]int{0, 0, 0, 0, 0}, false, DoOnBehalf},
		{"short path", [5]int{-1, -1, -1, -1, -1}, true, DoOnBehalf},
		{"short path wins over levels", [5]int{3, 3, 3, 3, 3}, true, DoOnBehalf},
		{"nothing known", [5]int{-1, -1, -1, -1, -1}, false, DoOnBehalf},
	}
	for _, tt := range tests {
		res := Result{ShortPath: tt.short}
		for i, d := range domains {
			res.Levels = append(res.Levels, DomainLevel{Domain: d, Level: tt.levels[i]})
		}
		if got := b.orient(res); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// visitor answers every question on the run's path with pick(item).
func visitor(r *Run, pick func(*Item) Answer) Result {
	for i := 0; !r.Done() && i < 100; i++ {
		r.Answer(pick(r.Current()))
	}
	return r.Result()
}

// TestWholeVisitors runs hand-made visitors through the real path and
// checks their orientation, one per outcome.
func TestWholeVisitors(t *testing.T) {
	b := bank(t)
	right := func(it *Item) string {
		for _, o := range it.Options {
			if o.Right {
				return o.ID
			}
		}
		return it.Options[0].ID
	}
	wrong := func(it *Item) string {
		for _, o := range it.Options {
			if !o.Right {
				return o.ID
			}
		}
		return ""
	}
	tests := []struct {
		name string
		pick func(*Item) Answer
		want string
	}{
		{"confident", func(it *Item) Answer {
			switch {
			case it.Kind == Self:
				return Answer{Code: AnswerAlone}
			case it.Kind.IsExercise():
				return Answer{Code: OutcomeOK, Via: ViaPointer, Accuracy: 100}
			case it.Kind == Needs:
				return Answer{Code: Chosen, Needs: []string{"impots"}}
			}
			return Answer{Code: right(it)}
		}, Autonomous},
		{"learner", func(it *Item) Answer {
			switch {
			case it.Kind == Self:
				return Answer{Code: AnswerHelped}
			case it.Kind.IsExercise():
				return Answer{Code: OutcomeHard, Misses: 4}
			case it.Kind == Needs:
				return Answer{Code: Chosen}
			}
			return Answer{Code: right(it)}
		}, ToTrain},
		{"needs company", func(it *Item) Answer {
			switch {
			case it.Kind == Self:
				return Answer{Code: AnswerCannot}
			case it.Kind.IsExercise():
				return Answer{Code: OutcomeHard, Misses: 5}
			case it.Kind == Needs:
				return Answer{Code: Chosen}
			case it.Kind == Icons:
				return Answer{Code: right(it)}
			}
			return Answer{Code: wrong(it)}
		}, ToAccompany},
		{"cannot use the pointer", func(it *Item) Answer {
			if it.ID == "screen.pointer" {
				return Answer{Code: "no"}
			}
			if it.Kind == Needs {
				return Answer{Code: Chosen, Needs: []string{"caf", "retraite"}}
			}
			t.Fatalf("the short path reached %s", it.ID)
			return Answer{}
		}, DoOnBehalf},
	}
	for _, tt := range tests {
		res := visitor(b.NewRun(), tt.pick)
		if res.Orientation != tt.want {
			t.Errorf("%s: %s, want %s (levels %+v)", tt.name, res.Orientation, tt.want, res.Levels)
		}
	}
}

func TestRunFollowsSkipRulesAndBack(t *testing.T) {
	b := bank(t)
	r := b.NewRun()
	if r.Current().ID != "screen.pointer" {
		t.Fatalf("starts at %s", r.Current().ID)
	}
	_, full := r.Progress()
	r.Answer(Answer{Code: "yes"})
	r.Answer(Answer{Code: "no"}) // no e-mail: comm.email is left out
	if _, total := r.Progress(); total != full-1 {
		t.Fatalf("path of %d after the skip, want %d", total, full-1)
	}
	var seen []string
	for !r.Done() {
		seen = append(seen, r.Current().ID)
		r.Answer(Answer{Code: Skipped})
	}
	if slices.Contains(seen, "comm.email") || !slices.Contains(seen, "comm.photo") {
		t.Fatalf("path %v", seen)
	}
	// Back past the e-mail answer: the rule no longer holds.
	for r.Back() && r.Current().ID != "screen.email" {
	}
	r.Answer(Answer{Code: "yes"})
	if _, total := r.Progress(); total != full {
		t.Fatalf("path of %d after changing the answer, want %d", total, full)
	}

	short := b.NewRun()
	short.Answer(Answer{Code: "no"})
	if short.Current().Kind != Needs {
		t.Fatalf("short path goes to %s", short.Current().ID)
	}
	if done, total := short.Progress(); done != 1 || total != 2 {
		t.Fatalf("short path progress %d/%d", done, total)
	}
}

func TestDescribeInWords(t *testing.T) {
	b := bank(t)
	res := b.Score([]Answer{
		{Item: "device.tap", Code: OutcomeOK, Via: ViaKeyboard},
		{Item: "device.doubleclick", Code: OutcomeHard},
		{Item: "comm.email", Code: AnswerCannot},
		{Item: "needs", Code: Chosen, Needs: []string{"caf", "ameli"}},
	})
	d := b.Describe(res, "en")
	if len(d.CanDo) != 1 || d.CanDo[0] != "You can use the screen, the mouse and the keyboard." {
		t.Errorf("can do %q", d.CanDo)
	}
	if len(d.Hard) != 1 || d.Hard[0] != "Sending messages and e-mails." {
		t.Errorf("hard %q", d.Hard)
	}
	if len(d.Exercises) != 2 || d.Exercises[1].Text != "Double-clicking is hard." {
		t.Errorf("exercises %+v", d.Exercises)
	}
	if len(d.Needs) != 2 || d.Needs[0].Picto != "picto-family" || d.Needs[1].Text != "ameli" {
		t.Errorf("needs %+v", d.Needs)
	}
	if d.Orientation.Code == "" || d.Orientation.Next == "" {
		t.Errorf("orientation %+v", d.Orientation)
	}
}

func BenchmarkLoadBank(b *testing.B) {
	for b.Loop() {
		if _, err := Load(seeds.FS, Dir); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	bk := bank(b)
	r := bk.NewRun()
	visitor(r, func(it *Item) Answer {
		if it.Kind == Self {
			return Answer{Code: AnswerHelped}
		}
		if it.Kind.IsExercise() {
			return Answer{Code: OutcomeHard}
		}
		return Answer{Code: it.Options[0].ID}
	})
	in := r.Answers()
	for b.Loop() {
		bk.Score(in)
	}
}
