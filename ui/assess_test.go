package ui

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/assessment"
	"pasapas/assets"
	"pasapas/printing"
)

// openQuestion starts a session and opens the assessment at question id,
// as if the questions before it had been passed (without storing those
// passes: the screen audits open every question in every language).
func (k *kiosk) openQuestion(id string) {
	k.t.Helper()
	k.tap("start")
	f := &assessFlow{s: k.shell, run: k.shell.svc.Questions.NewRun()}
	for !f.run.Done() && f.run.Current().ID != id {
		f.run.Answer(assessment.Answer{Code: assessment.Skipped})
	}
	if f.run.Done() {
		k.t.Fatalf("question %s never came", id)
	}
	f.show()
}

// handMade is a visitor who manages some things and not others.
func handMade() []assessment.Answer {
	return []assessment.Answer{
		{Item: "device.tap", Code: assessment.OutcomeOK, Via: assessment.ViaPointer},
		{Item: "device.doubleclick", Code: assessment.OutcomeHard, Misses: 3},
		{Item: "web.search", Code: assessment.AnswerAlone},
		{Item: "comm.email", Code: assessment.AnswerCannot},
		{Item: "proc.account", Code: assessment.AnswerHelped},
		{Item: "safe.sms", Code: "pay"},
		{Item: "needs", Code: assessment.Chosen, Needs: []string{"caf", "impots"}},
	}
}

func (k *kiosk) openResult() {
	k.tap("start")
	k.shell.showAssessResult(k.shell.svc.Questions.Score(handMade()))
}

func (k *kiosk) openShortResult() {
	k.tap("start")
	k.shell.showAssessResult(k.shell.svc.Questions.Score([]assessment.Answer{{Item: "screen.pointer", Code: "no"}}))
}

// find returns the laid-out objects of the screen of type T.
func find[T fyne.CanvasObject](k *kiosk) []T {
	var out []T
	for _, o := range test.LaidOutObjects(k.win.Content()) {
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

func one[T fyne.CanvasObject](k *kiosk) T {
	k.t.Helper()
	all := find[T](k)
	if len(all) != 1 {
		k.t.Fatalf("%d objects of type %T on %s, want 1", len(all), *new(T), k.shell.screen.Name)
	}
	return all[0]
}

// focusOn presses Tab until o has the keyboard focus.
func (k *kiosk) focusOn(o fyne.Focusable) {
	k.t.Helper()
	c := k.win.Canvas()
	for i := 0; i < 60 && c.Focused() != o; i++ {
		c.FocusNext()
	}
	if c.Focused() != o {
		k.t.Fatalf("Tab never reached %T on %s", o, k.shell.screen.Name)
	}
}

func (k *kiosk) key(name fyne.KeyName) {
	if f := k.win.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
		return
	}
	k.shell.typedKey(&fyne.KeyEvent{Name: name})
}

// answers are the answer events stored for the open session.
func (k *kiosk) answers() map[string]assessment.Answer {
	k.t.Helper()
	cur := k.shell.svc.Sessions.Current()
	events, err := k.store.Events(context.Background(), cur.ID)
	if err != nil {
		k.t.Fatal(err)
	}
	out := map[string]assessment.Answer{}
	for _, e := range events {
		if a, _, ok := assessment.AnswerFromPayload(e.Payload); ok && e.Kind == assessment.EventAnswer {
			out[a.Item] = a
		}
	}
	return out
}

func (k *kiosk) wantAnswer(item, code, via string) assessment.Answer {
	k.t.Helper()
	a, ok := k.answers()[item]
	if !ok || a.Code != code || a.Via != via {
		k.t.Fatalf("%s: stored %+v, want code %s via %q", item, a, code, via)
	}
	return a
}

func TestEveryPictogramOfTheBankExists(t *testing.T) {
	k := newKiosk(t)
	b := k.shell.svc.Questions
	check := func(where, name string) {
		if name != "" && assets.Picto(name) == nil {
			t.Errorf("%s: no pictogram %q in assets", where, name)
		}
	}
	for _, d := range b.Domains {
		check(d.ID, d.Picto)
	}
	for _, it := range b.Items {
		check(it.ID, it.Picto)
		for _, o := range it.Options {
			check(it.ID+"."+o.ID, o.Picto)
		}
	}
	check("folder", "folder")
	check("photo", "photo")
	check("padlock", "padlock")
	check("warning", "warning")
	check("print", "print")
}

// TestChoicesByTouchKeysAndTab answers the plain, self-declared, scene and
// pictogram questions by tapping, by number keys and by Tab + Enter.
func TestChoicesByTouchKeysAndTab(t *testing.T) {
	k := newKiosk(t)
	k.openQuestion("screen.pointer")
	k.wantScreen("assess.select")
	k.wantLabel("question", "boutons de cet écran")
	k.tap("answer.yes")
	k.wantAnswer("screen.pointer", "yes", "")
	k.shell.typedRune('1') // screen.email: Oui
	k.wantAnswer("screen.email", "yes", "")
	k.focusOn(k.shell.screen.Buttons["answer.helped"])
	k.key(fyne.KeyReturn)
	k.wantAnswer("screen.alone", "helped", "")

	k.openQuestionHere("web.search")
	k.wantScreen("assess.self")
	k.shell.typedRune('2')
	k.wantAnswer("web.search", assessment.AnswerHelped, "")
	k.wantScreen("assess.icons")
	k.tap("answer.close")
	k.wantAnswer("web.icon.close", "close", "")

	k.openQuestionHere("safe.sms")
	k.wantScreen("assess.choice")
	k.wantLabel("scene.body", "1,99 €")
	k.shell.typedRune('3')
	k.wantAnswer("safe.sms", "report", "")
	k.wantLabel("scene.address", "fr-secu.net")
	// Escape goes back and forgets the answer's effect.
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantLabel("scene.body", "1,99 €")
}

// openQuestionHere passes questions until id is on screen.
func (k *kiosk) openQuestionHere(id string) {
	k.t.Helper()
	want, _ := k.shell.svc.Questions.Item(id)
	for i := 0; i < 40; i++ {
		if l := k.shell.screen.Labels["question"]; l != nil && l.Text == k.shell.questionText(want) {
			return
		}
		k.tap("skip")
	}
	k.t.Fatalf("question %s never came", id)
}

func TestTapExercise(t *testing.T) {
	t.Run("touch, with a miss", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.tap")
		k.advance(0)
		test.Tap(one[*missArea](k))
		k.wantLabel("feedback", "Essayez encore")
		k.now = k.now.Add(4 * 1e9)
		test.Tap(one[*target](k))
		a := k.wantAnswer("device.tap", assessment.OutcomeOK, assessment.ViaPointer)
		if a.Misses != 1 || a.Millis != 4000 {
			t.Fatalf("stored %+v, want 1 miss in 4 s", a)
		}
	})
	t.Run("keyboard alone", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.tap")
		k.focusOn(one[*target](k))
		k.key(fyne.KeyReturn)
		k.wantAnswer("device.tap", assessment.OutcomeOK, assessment.ViaKeyboard)
	})
	t.Run("given up after trying", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.tap")
		for range 3 {
			test.Tap(one[*missArea](k))
		}
		k.tap("skip")
		k.wantAnswer("device.tap", assessment.OutcomeFail, "")
	})
}

func TestDoubleClickExercise(t *testing.T) {
	k := newKiosk(t)
	k.openQuestion("device.doubleclick")
	folder := one[*doubleTarget](k)
	test.Tap(folder) // one tap is not enough
	k.wantLabel("feedback", "2 fois")
	test.DoubleTap(folder)
	a := k.wantAnswer("device.doubleclick", assessment.OutcomeOK, assessment.ViaPointer)
	if a.Misses != 1 {
		t.Fatalf("misses %d", a.Misses)
	}

	k = newKiosk(t)
	k.openQuestion("device.doubleclick")
	k.focusOn(one[*doubleTarget](k))
	k.key(fyne.KeyReturn)
	k.wantAnswer("device.doubleclick", assessment.OutcomeOK, assessment.ViaKeyboard)
}

func TestDragExercise(t *testing.T) {
	t.Run("mouse drag, one drop beside", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.drag")
		photo, board := one[*dragTarget](k), one[*dragBoard](k)
		box := find[*target](k)[0]
		c := k.win.Canvas()
		start := fyne.CurrentApp().Driver().AbsolutePositionForObject(photo).Add(fyne.NewPos(20, 20))
		test.Drag(c, start, 0, 60) // down, not into the box
		k.wantLabel("feedback", "Essayez encore")
		if board.moved {
			t.Fatal("the photo did not go back to its place")
		}
		dx := box.Position().X + box.Size().Width/2 - (photo.Position().X + photo.Size().Width/2)
		test.Drag(c, start, dx, 0)
		a := k.wantAnswer("device.drag", assessment.OutcomeOK, assessment.ViaPointer)
		if a.Misses != 1 {
			t.Fatalf("misses %d", a.Misses)
		}
	})
	t.Run("touch: photo then box", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.drag")
		box := find[*target](k)[0]
		test.Tap(box) // nothing picked yet: nothing happens
		k.wantScreen("assess.drag")
		test.Tap(one[*dragTarget](k))
		k.wantLabel("feedback", "la boîte")
		test.Tap(box)
		k.wantAnswer("device.drag", assessment.OutcomeOK, assessment.ViaTapTap)
	})
	t.Run("keyboard alone", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.drag")
		k.focusOn(one[*dragTarget](k))
		k.key(fyne.KeyReturn)
		k.focusOn(find[*target](k)[0])
		k.key(fyne.KeyReturn)
		k.wantAnswer("device.drag", assessment.OutcomeOK, assessment.ViaKeyboard)
	})
}

func TestScrollExercise(t *testing.T) {
	bottom := func(k *kiosk) { k.t.Helper(); k.tap("page.confirm") }
	visible := func(k *kiosk) bool {
		for _, b := range find[*Button](k) {
			if b == k.shell.screen.Buttons["page.confirm"] {
				return true
			}
		}
		return false
	}
	t.Run("mouse wheel", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.scroll")
		p := one[*pageView](k)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(fyne.NewPos(50, 50))
		for i := 0; i < 20 && !visible(k); i++ {
			test.Scroll(k.win.Canvas(), pos, 0, -10)
		}
		if !visible(k) {
			t.Fatal("the wheel never showed Valider")
		}
		k.tap("page.cancel") // the wrong button
		k.wantLabel("feedback", "autre bouton")
		bottom(k)
		a := k.wantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaWheel)
		if a.Misses != 1 {
			t.Fatalf("misses %d", a.Misses)
		}
	})
	t.Run("swipe", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.scroll")
		p := one[*pageView](k)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(fyne.NewPos(50, p.Size().Height-20))
		for i := 0; i < 10 && !visible(k); i++ {
			test.Drag(k.win.Canvas(), pos, 0, -p.Size().Height+40)
		}
		if !visible(k) {
			t.Fatal("swiping never showed Valider")
		}
		bottom(k)
		k.wantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaSwipe)
	})
	t.Run("page buttons", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.scroll")
		for i := 0; i < 10 && !visible(k); i++ {
			k.tap("page.down")
		}
		bottom(k)
		k.wantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaButtons)
	})
	t.Run("keyboard alone", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.scroll")
		for i := 0; i < 10 && !visible(k); i++ {
			k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		}
		k.focusOn(k.shell.screen.Buttons["page.confirm"])
		k.key(fyne.KeyReturn)
		k.wantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaKeyboard)
	})
}

func TestTypeExerciseKeepsNoText(t *testing.T) {
	t.Run("keyboard", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.type")
		entry := one[*widget.Entry](k)
		if k.win.Canvas().Focused() != entry {
			t.Fatal("the field does not take the keyboard at once")
		}
		// A slow typist is not taken for gone: each key counts as presence.
		for _, r := range "maisom" {
			k.advance(k.shell.svc.IdleTimeout / 2)
			test.Type(entry, string(r))
		}
		k.advance(k.shell.svc.IdleTimeout / 2)
		k.wantScreen("assess.type")
		k.key(fyne.KeyReturn)
		a := k.wantAnswer("device.type", assessment.OutcomeHard, assessment.ViaKeyboard)
		if a.Accuracy != 84 || a.Misses != 1 {
			t.Fatalf("stored %+v, want accuracy 84, 1 mistake", a)
		}
		events, _ := k.store.Events(context.Background(), k.shell.svc.Sessions.Current().ID)
		for _, e := range events {
			for key, v := range e.Payload {
				if strings.Contains(v, "maiso") || strings.Contains(key, "maiso") {
					t.Fatalf("typed text stored in %s: %s=%s", e.Kind, key, v)
				}
			}
		}
	})
	t.Run("screen keys", func(t *testing.T) {
		k := newKiosk(t)
		k.openQuestion("device.type")
		for _, r := range "maiso" {
			k.tap("key." + string(r))
		}
		k.tap("key.p")
		k.tap("key.erase")
		k.tap("key.n")
		k.tap("type.confirm")
		k.wantAnswer("device.type", assessment.OutcomeOK, assessment.ViaScreenKeys)
	})
}

// TestWholeAssessmentByKeyboardAlone goes from home to the result with
// keys only, and checks what is stored and what the next step offers.
func TestWholeAssessmentByKeyboardAlone(t *testing.T) {
	k := newKiosk(t)
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Commencer
	k.shell.typedRune('1')                                 // Tester mes compétences
	for i := 0; i < 40 && strings.HasPrefix(k.shell.screen.Name, "assess.") && k.shell.screen.Name != "assess.result"; i++ {
		switch k.shell.screen.Name {
		case "assess.tap":
			k.focusOn(one[*target](k))
			k.key(fyne.KeyReturn)
		case "assess.doubleclick":
			k.focusOn(one[*doubleTarget](k))
			k.key(fyne.KeyReturn)
		case "assess.drag":
			k.focusOn(one[*dragTarget](k))
			k.key(fyne.KeyReturn)
			k.focusOn(find[*target](k)[0])
			k.key(fyne.KeyReturn)
		case "assess.scroll":
			k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			k.focusOn(k.shell.screen.Buttons["page.confirm"])
			k.key(fyne.KeyReturn)
		case "assess.type":
			test.Type(one[*widget.Entry](k), "maison")
			k.key(fyne.KeyReturn)
		case "assess.needs":
			k.shell.typedRune('1')
			k.shell.typedRune('4')
			k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the next five
			k.focusOn(k.shell.screen.Buttons["confirm"])
			k.key(fyne.KeyReturn)
		case "assess.choice", "assess.icons":
			// The right answer's number.
			id := ""
			for _, it := range k.shell.svc.Questions.Items {
				if l := k.shell.screen.Labels["question"]; l != nil && l.Text == it.Question.In("fr") {
					for j, o := range it.Options {
						if o.Right {
							id = keyName(j)
						}
					}
				}
			}
			k.shell.typedRune([]rune(id)[0])
		default:
			k.shell.typedRune('1')
		}
	}
	k.wantScreen("assess.result")
	k.wantLabel("cando", "Ce que vous savez faire")
	cur := k.shell.svc.Sessions.Current()
	res, ok, err := k.store.AssessmentOf(context.Background(), cur.ID)
	if err != nil || !ok {
		t.Fatalf("stored result: %v %v", ok, err)
	}
	if res.Orientation != assessment.Autonomous || res.Level("device") != 3 || res.Level("safety") != 3 {
		t.Fatalf("stored %+v", res)
	}
	if got := k.shell.svc.Sessions.Needs(); strings.Join(got, ",") != "caf,impots" || strings.Join(res.Needs, ",") != "caf,impots" {
		t.Fatalf("needs %v / stored %v", got, res.Needs)
	}
	for _, e := range res.Exercises {
		if e.Via != assessment.ViaKeyboard {
			t.Errorf("%s done via %q", e.Item, e.Via)
		}
	}
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantScreen("assess.next")
	k.wantLabel("orientation", "Vous savez faire vos démarches")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantScreen("assess.result")
}

func TestShortPathGoesStraightToNeedsAndResult(t *testing.T) {
	k := newKiosk(t)
	k.openQuestion("screen.pointer")
	k.tap("answer.no")
	k.wantScreen("assess.needs")
	k.wantLabel("question", "Quelles démarches")
	k.tap("need.caf")
	k.tap("more")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // back to the first five
	k.tap("need.caf")                                      // no longer wanted
	k.tap("need.sante")
	k.tap("more")
	k.tap("need.retraite")
	k.tap("need.retraite") // changed their mind
	k.tap("confirm")
	k.wantScreen("assess.result")
	k.wantLabel("none", "médiateur")
	res, _, _ := k.store.AssessmentOf(context.Background(), k.shell.svc.Sessions.Current().ID)
	if res.Orientation != assessment.DoOnBehalf || !res.ShortPath || strings.Join(res.Needs, ",") != "sante" {
		t.Fatalf("stored %+v", res)
	}
	k.tap("next")
	k.wantLabel("orientation", "faire pour vous")
	k.tap("guide")
	k.wantScreen("walk.list")
	// The need just declared (health) puts its procedures first.
	if _, ok := k.shell.screen.Buttons["proc.ameli"]; !ok {
		t.Fatalf("ameli not on the first page of procedures: %v", slices.Sorted(maps.Keys(k.shell.screen.Buttons)))
	}
	k.tap("back")
	k.wantScreen("home")
}

// TestSkippingEverythingIsNoMandate passes every question on screen: the
// next step reads « À voir avec le médiateur », never "faire pour".
func TestSkippingEverythingIsNoMandate(t *testing.T) {
	k := newKiosk(t)
	k.openQuestion("screen.pointer")
	for i := 0; i < 40 && k.shell.screen.Name != "assess.result"; i++ {
		if k.shell.screen.Name == "assess.needs" {
			k.tap("more")
			k.tap("confirm")
			continue
		}
		k.tap("skip")
	}
	k.wantScreen("assess.result")
	k.wantLabel("none", "médiateur")
	res, _, _ := k.store.AssessmentOf(context.Background(), k.shell.svc.Sessions.Current().ID)
	if res.Orientation == assessment.DoOnBehalf || !res.Undetermined() {
		t.Fatalf("stored %+v", res)
	}
	k.tap("next")
	k.wantLabel("orientation", "À voir avec le médiateur")
	k.wantLabel("advice", "regarde vos réponses")
}

// TestNoEmailPutsTheEmailWalkthroughFirst: "je n'ai pas d'adresse e-mail"
// opens the procedures on "Créer une adresse e-mail", before the need
// declared, and the orientation is no longer "autonome".
func TestNoEmailPutsTheEmailWalkthroughFirst(t *testing.T) {
	for _, declared := range []struct{ item, answer string }{
		{"screen.email", "no"}, {"screen.alone", "others"}, {"screen.alone", "never"},
	} {
		k := newKiosk(t)
		k.openQuestion("screen.pointer")
		k.tap("answer.yes")
		k.openQuestionHere(declared.item)
		k.tap("answer." + declared.answer)
		for i := 0; i < 40 && k.shell.screen.Name != "assess.result"; i++ {
			if k.shell.screen.Name == "assess.needs" {
				k.tap("need.impots")
				k.tap("more")
				k.tap("confirm")
				continue
			}
			k.tap("skip")
		}
		k.tap("next")
		k.tap("guide")
		k.wantScreen("walk.list")
		if _, ok := k.shell.screen.Buttons["proc.email"]; !ok {
			t.Fatalf("%s %s: e-mail walkthrough not on the first page: %v", declared.item, declared.answer, slices.Sorted(maps.Keys(k.shell.screen.Buttons)))
		}
		if got := k.shell.svc.Sessions.Needs(); len(got) < 2 || got[0] != "email" || got[1] != "impots" {
			t.Errorf("%s %s: procedures ordered by %v", declared.item, declared.answer, got)
		}
		res, _, _ := k.store.AssessmentOf(context.Background(), k.shell.svc.Sessions.Current().ID)
		if strings.Join(res.Needs, ",") != "impots" {
			t.Errorf("stored needs %v: only what the visitor declared is stored", res.Needs)
		}
	}
}

func TestBackFromFirstQuestionGoesHome(t *testing.T) {
	k := newKiosk(t)
	k.openQuestion("screen.pointer")
	k.tap("back")
	k.wantScreen("home")
}

func TestAssessmentInEnglish(t *testing.T) {
	k := newKiosk(t)
	k.tap("lang.en")
	k.openQuestion("web.search")
	k.wantLabel("question", "look for information")
	if b := k.shell.screen.Buttons["skip"]; b.Text != "Skip" {
		t.Fatalf("skip button %q", b.Text)
	}
}

func TestPrintFromTheNextStep(t *testing.T) {
	k := newKiosk(t)
	k.printWith(printing.Folder{Dir: t.TempDir()})
	k.openResult()
	k.tap("next")
	k.shell.typedRune('2')
	k.waitPrint()
	k.wantScreen("print.done")
	k.tap("back")
	k.wantScreen("assess.next")
}

// The screens this bank added or lengthened join the fit test and the
// screenshots: the third safety situation, the longest next steps.
func init() {
	visitorScreens["assess-choice-code"] = func(k *kiosk) { k.openQuestion("safe.code") }
	visitorScreens["assess-select-email"] = func(k *kiosk) { k.openQuestion("screen.email") }
	visitorScreens["assess-self-franceconnect"] = func(k *kiosk) { k.openQuestion("proc.franceconnect") }
	visitorScreens["assess-next-faire-pour"] = func(k *kiosk) {
		k.openShortResult()
		k.tap("next")
	}
	visitorScreens["assess-next-undetermined"] = func(k *kiosk) {
		k.tap("start")
		k.shell.showAssessNext(k.shell.svc.Questions.Score(nil))
	}
}

// quoted are the «…» and "…" parts of a text.
var quoted = regexp.MustCompile(`«\s*([^»]+?)\s*»|"([^"]+)"|“([^”]+)”`)

// TestQuestionsNameTheButtonsOnTheirScreen: a scored exercise that names a
// button must name it with the words the button shows in the visitor's
// language (a Spanish visitor told to touch «Valider» beside «Validar» and
// «Cancelar» would be scored on the translation). Every question is shown
// in every language; a quoted name that is a button of that question in
// some language must be a button on its screen in this one.
func TestQuestionsNameTheButtonsOnTheirScreen(t *testing.T) {
	langs := testLanguages(t)
	c, err := testContent()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range c.questions.Items {
		// Only a question that quotes a name or holds a placeholder can
		// name a button: opening every question in every language would
		// cost a minute and check nothing more.
		if !strings.ContainsAny(it.Question.In("fr"), "«{\"") {
			continue
		}
		shown := map[string]map[string]bool{} // language → button texts
		questions := map[string]string{}
		anywhere := map[string]bool{}
		for _, l := range langs {
			k := newKioskIn(t, l.Code)
			k.openQuestion(it.ID)
			shown[l.Code] = map[string]bool{}
			// The screen's buttons, those the page scrolls to included.
			for _, b := range k.shell.screen.Buttons {
				if b.Text != "" {
					shown[l.Code][b.Text] = true
					anywhere[b.Text] = true
				}
			}
			questions[l.Code] = k.shell.screen.Labels["question"].Text
		}
		for lang, q := range questions {
			named := map[string]bool{}
			for _, m := range quoted.FindAllStringSubmatch(q, -1) {
				named[strings.TrimSpace(m[1]+m[2]+m[3])] = true
			}
			// Unquoted too (English writes "the Confirm button").
			for name := range anywhere {
				if utf8.RuneCountInString(name) >= 4 && regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\b`).MatchString(q) {
					named[name] = true
				}
			}
			for name := range named {
				if anywhere[name] && !shown[lang][name] {
					t.Errorf("%s in %s names the button « %s », which its screen does not show: %q", it.ID, lang, name, q)
				}
			}
		}
	}
}
