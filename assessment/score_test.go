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
// domain levels (-1 = unknown) and declared answers, boundaries included.
func TestOrientationRules(t *testing.T) {
	b := bank(t)
	domains := []string{"device", "internet", "communicate", "procedures", "safety"}
	tests := []struct {
		name    string
		levels  [5]int
		short   bool
		answers map[string]string
		want    string
	}{
		{"all 3", [5]int{3, 3, 3, 3, 3}, false, nil, Autonomous},
		{"mean 2.6, lowest 2", [5]int{3, 3, 3, 2, 2}, false, nil, Autonomous},
		{"mean 2.5 exactly, lowest 2", [5]int{3, 3, 2, 2, -1}, false, nil, Autonomous},
		{"mean 2.4", [5]int{3, 3, 2, 2, 2}, false, nil, ToTrain},
		{"all 2", [5]int{2, 2, 2, 2, 2}, false, nil, ToTrain},
		{"one domain at 1", [5]int{3, 3, 3, 3, 1}, false, nil, ToTrain},
		{"mean 1.5 exactly", [5]int{2, 2, 1, 1, -1}, false, nil, ToTrain},
		{"procedures at 0, others 3", [5]int{3, 3, 3, 0, 3}, false, nil, ToAccompany},
		{"mean 1.4", [5]int{2, 2, 1, 1, 1}, false, nil, ToAccompany},
		{"mean 0.75 exactly", [5]int{1, 1, 1, 0, -1}, false, nil, ToAccompany},
		{"mean 0.6, device at 1", [5]int{1, 1, 1, 0, 0}, false, nil, DoOnBehalf},
		{"all 0", [5]int{0, 0, 0, 0, 0}, false, nil, DoOnBehalf},
		{"short path", [5]int{-1, -1, -1, -1, -1}, true, nil, DoOnBehalf},
		{"short path wins over levels", [5]int{3, 3, 3, 3, 3}, true, nil, DoOnBehalf},
		// No evidence, no mandate.
		{"nothing known", [5]int{-1, -1, -1, -1, -1}, false, nil, ToAccompany},
		{"device 3, zero elsewhere", [5]int{3, 0, 0, 0, 0}, false, nil, ToAccompany},
		{"device unknown, zero elsewhere", [5]int{-1, 0, 0, 0, 0}, false, nil, ToAccompany},
		{"two domains known, both 0", [5]int{0, -1, -1, 0, -1}, false, nil, ToAccompany},
		{"three domains known, all 0", [5]int{0, -1, 0, 0, -1}, false, nil, DoOnBehalf},
		// Safety answers that forbid "autonome".
		{"pays the scam SMS", [5]int{3, 3, 3, 3, 2}, false, map[string]string{"safe.sms": "pay"}, ToTrain},
		{"gives the code on the phone", [5]int{3, 3, 3, 3, 2}, false, map[string]string{"safe.code": "give"}, ToTrain},
		{"texts the code", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"safe.code": "send"}, ToTrain},
		{"deletes the scam SMS", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"safe.sms": "delete"}, Autonomous},
		{"reports it to 33700", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"safe.sms": "report"}, Autonomous},
		// What the visitor declared.
		{"someone does them, all 3", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"screen.alone": "others"}, ToAccompany},
		{"someone does them, low", [5]int{1, 1, 1, 1, 1}, false, map[string]string{"screen.alone": "others"}, DoOnBehalf},
		{"someone does them, low but device 3", [5]int{3, 1, 1, 0, 1}, false, map[string]string{"screen.alone": "others"}, ToAccompany},
		{"never online, all 3", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"screen.alone": "never"}, ToTrain},
		{"no e-mail address, all 3", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"screen.email": "no"}, ToTrain},
		{"forgot the e-mail password, all 3", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"screen.email": "forgot"}, ToTrain},
		{"reads their e-mails, all 3", [5]int{3, 3, 3, 3, 3}, false, map[string]string{"screen.email": "yes", "screen.alone": "alone"}, Autonomous},
	}
	for _, tt := range tests {
		res := Result{ShortPath: tt.short, Answers: map[string]string{}}
		for i, d := range domains {
			res.Levels = append(res.Levels, DomainLevel{Domain: d, Level: tt.levels[i]})
		}
		for id, code := range tt.answers {
			res.Answers[id] = code
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
		{"confident", confident, Autonomous},
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

// confident answers every question as well as it can be answered.
func confident(it *Item) Answer {
	switch {
	case it.Kind == Self:
		return Answer{Code: AnswerAlone}
	case it.Kind.IsExercise():
		return Answer{Code: OutcomeOK, Via: ViaPointer, Accuracy: 100}
	case it.Kind == Needs:
		return Answer{Code: Chosen, Needs: []string{"impots"}}
	case it.ID == "screen.email":
		return Answer{Code: "yes"}
	case it.ID == "screen.alone":
		return Answer{Code: "alone"}
	}
	for _, o := range it.Options {
		if o.Right {
			return Answer{Code: o.ID}
		}
	}
	return Answer{Code: it.Options[0].ID}
}

// but is confident except for the given answers.
func but(codes map[string]string) func(*Item) Answer {
	return func(it *Item) Answer {
		if c, ok := codes[it.ID]; ok {
			return Answer{Code: c, Accuracy: -1}
		}
		return confident(it)
	}
}

// TestNoEvidenceNoMandate: a visitor who passes every question, or who
// handles the device perfectly and knows nothing else, is never sent to
// someone who acts for them; the first reads "à voir avec le médiateur".
func TestNoEvidenceNoMandate(t *testing.T) {
	b := bank(t)
	skipper := visitor(b.NewRun(), func(*Item) Answer { return Answer{Code: Skipped, Accuracy: -1} })
	if skipper.Orientation == DoOnBehalf || !skipper.Undetermined() {
		t.Fatalf("skip-everything visitor: %s, undetermined %v", skipper.Orientation, skipper.Undetermined())
	}
	d := b.Describe(skipper, "fr")
	if d.Orientation.Title != "À voir avec le médiateur" || d.Orientation.Code != skipper.Orientation {
		t.Errorf("skip-everything visitor reads %+v", d.Orientation)
	}
	for _, lang := range []string{"en", "es", "pt", "ro", "uk"} {
		if d := b.Describe(skipper, lang); d.Orientation.Title == b.Scoring.Undetermined.Title["fr"] {
			t.Errorf("%s: undetermined title not translated", lang)
		}
	}

	deviceOnly := visitor(b.NewRun(), func(it *Item) Answer {
		switch {
		case it.Kind.IsExercise():
			return Answer{Code: OutcomeOK, Via: ViaPointer, Accuracy: 100}
		case it.Kind == Self:
			return Answer{Code: AnswerCannot}
		case it.Kind == Needs:
			return Answer{Code: Chosen}
		case it.Domain == "screening" || it.Domain == "equipment":
			return Answer{Code: it.Options[0].ID}
		}
		for _, o := range it.Options {
			if !o.Right {
				return Answer{Code: o.ID}
			}
		}
		return Answer{}
	})
	if deviceOnly.Level("device") != 3 || deviceOnly.Level("internet") != 0 || deviceOnly.Level("safety") != 0 {
		t.Fatalf("device-only visitor levels %+v", deviceOnly.Levels)
	}
	if deviceOnly.Orientation == DoOnBehalf || deviceOnly.Undetermined() {
		t.Errorf("device 3, zero elsewhere: %s", deviceOnly.Orientation)
	}
}

// TestScamPayerIsNeverAutonomous: paying the scam SMS, or giving away a
// code asked on the phone, outweighs every other right answer.
func TestScamPayerIsNeverAutonomous(t *testing.T) {
	b := bank(t)
	if res := visitor(b.NewRun(), confident); res.Orientation != Autonomous {
		t.Fatalf("the confident visitor is %s (levels %+v)", res.Orientation, res.Levels)
	}
	for _, codes := range []map[string]string{
		{"safe.sms": "pay"}, {"safe.code": "give"}, {"safe.code": "send"},
	} {
		res := visitor(b.NewRun(), but(codes))
		if res.Orientation == Autonomous {
			t.Errorf("%v: autonome (levels %+v)", codes, res.Levels)
		}
	}
	for _, code := range []string{"delete", "report"} {
		if res := visitor(b.NewRun(), but(map[string]string{"safe.sms": code})); res.Orientation != Autonomous {
			t.Errorf("safe.sms %s is a safe answer, got %s", code, res.Orientation)
		}
	}
}

// TestDeclaredAnswersChangeTheOrientationAndPutEmailFirst: "quelqu'un les
// fait pour moi", "jamais" and "je n'ai pas d'adresse e-mail" are heard.
func TestDeclaredAnswersChangeTheOrientationAndPutEmailFirst(t *testing.T) {
	b := bank(t)
	plain := visitor(b.NewRun(), confident)
	if plain.Orientation != Autonomous || slices.Contains(plain.ProcedureOrder(), "email") {
		t.Fatalf("confident visitor: %s, order %v", plain.Orientation, plain.ProcedureOrder())
	}
	tests := []struct {
		codes map[string]string
		want  string
	}{
		{map[string]string{"screen.alone": "others"}, ToAccompany},
		{map[string]string{"screen.alone": "never"}, ToTrain},
		{map[string]string{"screen.email": "no"}, ToTrain},
		{map[string]string{"screen.email": "forgot"}, ToTrain},
		{map[string]string{"screen.email": "unsure"}, ToTrain},
	}
	for _, tt := range tests {
		res := visitor(b.NewRun(), but(tt.codes))
		if res.Orientation != tt.want {
			t.Errorf("%v: %s, want %s", tt.codes, res.Orientation, tt.want)
		}
		if order := res.ProcedureOrder(); len(order) < 2 || order[0] != "email" || order[1] != "impots" {
			t.Errorf("%v: procedures ordered by %v, want email then the declared need", tt.codes, order)
		}
	}
	// A visitor whose procedures someone else does, and who struggles with
	// the device too, is sent to a professional under a mandate.
	low := visitor(b.NewRun(), func(it *Item) Answer {
		switch {
		case it.ID == "screen.alone":
			return Answer{Code: "others"}
		case it.Kind == Self:
			return Answer{Code: AnswerHelped}
		case it.Kind.IsExercise():
			return Answer{Code: OutcomeFail, Misses: 4}
		case it.Kind == Choice:
			return Answer{Code: it.Options[0].ID}
		}
		return confident(it)
	})
	if low.Orientation != DoOnBehalf {
		t.Errorf("someone does them, device failed: %s (levels %+v)", low.Orientation, low.Levels)
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
