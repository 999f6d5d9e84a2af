package assess_test

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
	"pasapas/printing/printtest"
	"pasapas/ui/assess"
	"pasapas/ui/kit"
	"pasapas/ui/uitest"
)

func TestEveryPictogramOfTheBankExists(t *testing.T) {
	k := uitest.New(t)
	b := k.UI.Svc.Questions
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
	k := uitest.New(t)
	k.OpenQuestion("screen.pointer")
	k.WantScreen("assess.select")
	k.WantLabel("question", "boutons de cet écran")
	k.Tap("answer.yes")
	k.WantAnswer("screen.pointer", "yes", "")
	k.TypeRune('1') // screen.email: Oui
	k.WantAnswer("screen.email", "yes", "")
	k.FocusOn(k.UI.Screen().Buttons["answer.helped"])
	k.Key(fyne.KeyReturn)
	k.WantAnswer("screen.alone", "helped", "")

	k.OpenQuestionHere("web.search")
	k.WantScreen("assess.self")
	k.TypeRune('2')
	k.WantAnswer("web.search", assessment.AnswerHelped, "")
	k.WantScreen("assess.icons")
	k.Tap("answer.close")
	k.WantAnswer("web.icon.close", "close", "")

	k.OpenQuestionHere("safe.sms")
	k.WantScreen("assess.choice")
	k.WantLabel("scene.body", "1,99 €")
	k.TypeRune('3')
	k.WantAnswer("safe.sms", "report", "")
	k.WantLabel("scene.address", "fr-secu.net")
	// Escape goes back and forgets the answer's effect.
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantLabel("scene.body", "1,99 €")
}

func TestTapExercise(t *testing.T) {
	t.Run("touch, with a miss", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.tap")
		k.Advance(0)
		test.Tap(uitest.One[*assess.MissArea](k))
		k.WantLabel("feedback", "Essayez encore")
		k.Now = k.Now.Add(4 * 1e9)
		test.Tap(uitest.One[*assess.Target](k))
		a := k.WantAnswer("device.tap", assessment.OutcomeOK, assessment.ViaPointer)
		if a.Misses != 1 || a.Millis != 4000 {
			t.Fatalf("stored %+v, want 1 miss in 4 s", a)
		}
	})
	t.Run("keyboard alone", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.tap")
		k.FocusOn(uitest.One[*assess.Target](k))
		k.Key(fyne.KeyReturn)
		k.WantAnswer("device.tap", assessment.OutcomeOK, assessment.ViaKeyboard)
	})
	t.Run("given up after trying", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.tap")
		for range 3 {
			test.Tap(uitest.One[*assess.MissArea](k))
		}
		k.Tap("skip")
		k.WantAnswer("device.tap", assessment.OutcomeFail, "")
	})
}

func TestDoubleClickExercise(t *testing.T) {
	k := uitest.New(t)
	k.OpenQuestion("device.doubleclick")
	folder := uitest.One[*assess.DoubleTarget](k)
	test.Tap(folder) // one tap is not enough
	k.WantLabel("feedback", "2 fois")
	test.DoubleTap(folder)
	a := k.WantAnswer("device.doubleclick", assessment.OutcomeOK, assessment.ViaPointer)
	if a.Misses != 1 {
		t.Fatalf("misses %d", a.Misses)
	}

	k = uitest.New(t)
	k.OpenQuestion("device.doubleclick")
	k.FocusOn(uitest.One[*assess.DoubleTarget](k))
	k.Key(fyne.KeyReturn)
	k.WantAnswer("device.doubleclick", assessment.OutcomeOK, assessment.ViaKeyboard)
}

func TestDragExercise(t *testing.T) {
	t.Run("mouse drag, one drop beside", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.drag")
		photo, board := uitest.One[*assess.DragTarget](k), uitest.One[*assess.DragBoard](k)
		box := uitest.Find[*assess.Target](k)[0]
		c := k.Win.Canvas()
		start := fyne.CurrentApp().Driver().AbsolutePositionForObject(photo).Add(fyne.NewPos(20, 20))
		test.Drag(c, start, 0, 60) // down, not into the box
		k.WantLabel("feedback", "Essayez encore")
		if board.Moved() {
			t.Fatal("the photo did not go back to its place")
		}
		dx := box.Position().X + box.Size().Width/2 - (photo.Position().X + photo.Size().Width/2)
		test.Drag(c, start, dx, 0)
		a := k.WantAnswer("device.drag", assessment.OutcomeOK, assessment.ViaPointer)
		if a.Misses != 1 {
			t.Fatalf("misses %d", a.Misses)
		}
	})
	t.Run("touch: photo then box", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.drag")
		box := uitest.Find[*assess.Target](k)[0]
		test.Tap(box) // nothing picked yet: nothing happens
		k.WantScreen("assess.drag")
		test.Tap(uitest.One[*assess.DragTarget](k))
		k.WantLabel("feedback", "la boîte")
		test.Tap(box)
		k.WantAnswer("device.drag", assessment.OutcomeOK, assessment.ViaTapTap)
	})
	t.Run("keyboard alone", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.drag")
		k.FocusOn(uitest.One[*assess.DragTarget](k))
		k.Key(fyne.KeyReturn)
		k.FocusOn(uitest.Find[*assess.Target](k)[0])
		k.Key(fyne.KeyReturn)
		k.WantAnswer("device.drag", assessment.OutcomeOK, assessment.ViaKeyboard)
	})
}

func TestScrollExercise(t *testing.T) {
	bottom := func(k *uitest.Kiosk) { k.T.Helper(); k.Tap("page.confirm") }
	visible := func(k *uitest.Kiosk) bool {
		for _, b := range uitest.Find[*kit.Button](k) {
			if b == k.UI.Screen().Buttons["page.confirm"] {
				return true
			}
		}
		return false
	}
	t.Run("mouse wheel", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.scroll")
		p := uitest.One[*assess.PageView](k)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(fyne.NewPos(50, 50))
		for i := 0; i < 20 && !visible(k); i++ {
			test.Scroll(k.Win.Canvas(), pos, 0, -10)
		}
		if !visible(k) {
			t.Fatal("the wheel never showed Valider")
		}
		k.Tap("page.cancel") // the wrong button
		k.WantLabel("feedback", "autre bouton")
		bottom(k)
		a := k.WantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaWheel)
		if a.Misses != 1 {
			t.Fatalf("misses %d", a.Misses)
		}
	})
	t.Run("swipe", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.scroll")
		p := uitest.One[*assess.PageView](k)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Add(fyne.NewPos(50, p.Size().Height-20))
		for i := 0; i < 10 && !visible(k); i++ {
			test.Drag(k.Win.Canvas(), pos, 0, -p.Size().Height+40)
		}
		if !visible(k) {
			t.Fatal("swiping never showed Valider")
		}
		bottom(k)
		k.WantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaSwipe)
	})
	t.Run("page buttons", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.scroll")
		for i := 0; i < 10 && !visible(k); i++ {
			k.Tap("page.down")
		}
		bottom(k)
		k.WantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaButtons)
	})
	t.Run("keyboard alone", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.scroll")
		for i := 0; i < 10 && !visible(k); i++ {
			k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		}
		k.FocusOn(k.UI.Screen().Buttons["page.confirm"])
		k.Key(fyne.KeyReturn)
		k.WantAnswer("device.scroll", assessment.OutcomeOK, assessment.ViaKeyboard)
	})
}

func TestTypeExerciseKeepsNoText(t *testing.T) {
	t.Run("keyboard", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.type")
		entry := uitest.One[*widget.Entry](k)
		if k.Win.Canvas().Focused() != entry {
			t.Fatal("the field does not take the keyboard at once")
		}
		// A slow typist is not taken for gone: each key counts as presence.
		for _, r := range "maisom" {
			k.Advance(k.UI.Svc.IdleTimeout / 2)
			test.Type(entry, string(r))
		}
		k.Advance(k.UI.Svc.IdleTimeout / 2)
		k.WantScreen("assess.type")
		k.Key(fyne.KeyReturn)
		a := k.WantAnswer("device.type", assessment.OutcomeHard, assessment.ViaKeyboard)
		if a.Accuracy != 84 || a.Misses != 1 {
			t.Fatalf("stored %+v, want accuracy 84, 1 mistake", a)
		}
		events, _ := k.Store.Events(context.Background(), k.UI.Svc.Sessions.Current().ID)
		for _, e := range events {
			for key, v := range e.Payload {
				if strings.Contains(v, "maiso") || strings.Contains(key, "maiso") {
					t.Fatalf("typed text stored in %s: %s=%s", e.Kind, key, v)
				}
			}
		}
	})
	t.Run("screen keys", func(t *testing.T) {
		k := uitest.New(t)
		k.OpenQuestion("device.type")
		for _, r := range "maiso" {
			k.Tap("key." + string(r))
		}
		k.Tap("key.p")
		k.Tap("key.erase")
		k.Tap("key.n")
		k.Tap("type.confirm")
		k.WantAnswer("device.type", assessment.OutcomeOK, assessment.ViaScreenKeys)
	})
}

// TestWholeAssessmentByKeyboardAlone goes from home to the result with
// keys only, and checks what is stored and what the next step offers.
// answerByKeyboard answers every question on the way to the result with
// the keyboard alone, the right answer where there is one, calling
// onScreen on each screen first.
func answerByKeyboard(k *uitest.Kiosk, onScreen func()) {
	for i := 0; i < 40 && strings.HasPrefix(k.UI.Screen().Name, "assess.") && k.UI.Screen().Name != "assess.result"; i++ {
		onScreen()
		switch k.UI.Screen().Name {
		case "assess.tap":
			k.FocusOn(uitest.One[*assess.Target](k))
			k.Key(fyne.KeyReturn)
		case "assess.doubleclick":
			k.FocusOn(uitest.One[*assess.DoubleTarget](k))
			k.Key(fyne.KeyReturn)
		case "assess.drag":
			k.FocusOn(uitest.One[*assess.DragTarget](k))
			k.Key(fyne.KeyReturn)
			k.FocusOn(uitest.Find[*assess.Target](k)[0])
			k.Key(fyne.KeyReturn)
		case "assess.scroll":
			k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			k.FocusOn(k.UI.Screen().Buttons["page.confirm"])
			k.Key(fyne.KeyReturn)
		case "assess.type":
			test.Type(uitest.One[*widget.Entry](k), "maison")
			k.Key(fyne.KeyReturn)
		case "assess.needs":
			k.TypeRune('1')
			k.TypeRune('4')
			k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the next five
			k.FocusOn(k.UI.Screen().Buttons["confirm"])
			k.Key(fyne.KeyReturn)
		case "assess.choice", "assess.icons":
			// The right answer's number.
			id := ""
			for _, it := range k.UI.Svc.Questions.Items {
				if l := k.UI.Screen().Labels["question"]; l != nil && l.Text == k.UI.Assess.QuestionText(it) {
					for j, o := range it.Options {
						if o.Right {
							id = assess.KeyName(j)
						}
					}
				}
			}
			k.TypeRune([]rune(id)[0])
		default:
			k.TypeRune('1')
		}
	}
}

func TestWholeAssessmentByKeyboardAlone(t *testing.T) {
	k := uitest.New(t)
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Commencer
	k.TypeRune('1')                                 // Tester mes compétences
	answerByKeyboard(k, func() {})
	k.WantScreen("assess.result")
	k.WantLabel("cando", "Ce que vous savez faire")
	cur := k.UI.Svc.Sessions.Current()
	res, ok, err := k.Store.AssessmentOf(context.Background(), cur.ID)
	if err != nil || !ok {
		t.Fatalf("stored result: %v %v", ok, err)
	}
	if res.Orientation != assessment.Autonomous || res.Level("device") != 3 || res.Level("safety") != 3 {
		t.Fatalf("stored %+v", res)
	}
	if got := k.UI.Svc.Sessions.Needs(); strings.Join(got, ",") != "caf,impots" || strings.Join(res.Needs, ",") != "caf,impots" {
		t.Fatalf("needs %v / stored %v", got, res.Needs)
	}
	for _, e := range res.Exercises {
		if e.Via != assessment.ViaKeyboard {
			t.Errorf("%s done via %q", e.Item, e.Via)
		}
	}
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("assess.next")
	k.WantLabel("orientation", "Vous savez faire vos démarches")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantScreen("assess.result")
}

// TestArabicVisitorAssessesAndWalksInArabic follows an Arabic visitor
// through the whole self-assessment and a walkthrough: every question and
// every step is in Arabic, and the answers are stored as in French.
func TestArabicVisitorAssessesAndWalksInArabic(t *testing.T) {
	k := uitest.NewIn(t, "ar")
	k.Tap("start")
	k.TypeRune('1') // اختبر مهاراتي
	arabic := func(what string) {
		t.Helper()
		if l := k.UI.Screen().Labels[what]; l != nil && !kit.RightToLeftText(l.Text) {
			t.Errorf("%s: %s %q is not Arabic", k.UI.Screen().Name, what, l.Text)
		}
	}
	answerByKeyboard(k, func() { arabic("question") })
	k.WantScreen("assess.result")
	res, ok, err := k.Store.AssessmentOf(context.Background(), k.UI.Svc.Sessions.Current().ID)
	if err != nil || !ok || res.Orientation != assessment.Autonomous {
		t.Fatalf("stored %+v %v %v", res, ok, err)
	}
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("assess.next")
	arabic("orientation")
	k.UI.Flows.Home()
	uitest.OpenWalk(k, "ameli")
	arabic("title")
	uitest.StartWalk(k)
	for i := 0; i < 40 && k.UI.Screen().Name == "walk.step"; i++ {
		arabic("instruction") // on the step's first page
		uitest.NextStep(k)
	}
	k.WantScreen("walk.end")
}

func TestShortPathGoesStraightToNeedsAndResult(t *testing.T) {
	k := uitest.New(t)
	k.OpenQuestion("screen.pointer")
	k.Tap("answer.no")
	k.WantScreen("assess.needs")
	k.WantLabel("question", "Quelles démarches")
	k.Tap("need.caf")
	k.Tap("more")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // back to the first five
	k.Tap("need.caf")                               // no longer wanted
	k.Tap("need.sante")
	k.Tap("more")
	k.Tap("need.retraite")
	k.Tap("need.retraite") // changed their mind
	k.Tap("confirm")
	k.WantScreen("assess.result")
	k.WantLabel("none", "médiateur")
	res, _, _ := k.Store.AssessmentOf(context.Background(), k.UI.Svc.Sessions.Current().ID)
	if res.Orientation != assessment.DoOnBehalf || !res.ShortPath || strings.Join(res.Needs, ",") != "sante" {
		t.Fatalf("stored %+v", res)
	}
	k.Tap("next")
	k.WantLabel("orientation", "faire pour vous")
	k.Tap("guide")
	k.WantScreen("walk.list")
	// The need just declared (health) puts its procedures first.
	if _, ok := k.UI.Screen().Buttons["proc.ameli"]; !ok {
		t.Fatalf("ameli not on the first page of procedures: %v", slices.Sorted(maps.Keys(k.UI.Screen().Buttons)))
	}
	k.Tap("back")
	k.WantScreen("home")
}

// TestSkippingEverythingIsNoMandate passes every question on screen: the
// next step reads « À voir avec le médiateur », never "faire pour".
func TestSkippingEverythingIsNoMandate(t *testing.T) {
	k := uitest.New(t)
	k.OpenQuestion("screen.pointer")
	for i := 0; i < 40 && k.UI.Screen().Name != "assess.result"; i++ {
		if k.UI.Screen().Name == "assess.needs" {
			k.Tap("more")
			k.Tap("confirm")
			continue
		}
		k.Tap("skip")
	}
	k.WantScreen("assess.result")
	k.WantLabel("none", "médiateur")
	res, _, _ := k.Store.AssessmentOf(context.Background(), k.UI.Svc.Sessions.Current().ID)
	if res.Orientation == assessment.DoOnBehalf || !res.Undetermined() {
		t.Fatalf("stored %+v", res)
	}
	k.Tap("next")
	k.WantLabel("orientation", "À voir avec le médiateur")
	k.WantLabel("advice", "regarde vos réponses")
}

// TestNoEmailPutsTheEmailWalkthroughFirst: "je n'ai pas d'adresse e-mail"
// opens the procedures on "Créer une adresse e-mail", before the need
// declared, and the orientation is no longer "autonome".
func TestNoEmailPutsTheEmailWalkthroughFirst(t *testing.T) {
	for _, declared := range []struct{ item, answer string }{
		{"screen.email", "no"}, {"screen.alone", "others"}, {"screen.alone", "never"},
	} {
		k := uitest.New(t)
		k.OpenQuestion("screen.pointer")
		k.Tap("answer.yes")
		k.OpenQuestionHere(declared.item)
		k.Tap("answer." + declared.answer)
		for i := 0; i < 40 && k.UI.Screen().Name != "assess.result"; i++ {
			if k.UI.Screen().Name == "assess.needs" {
				k.Tap("need.impots")
				k.Tap("more")
				k.Tap("confirm")
				continue
			}
			k.Tap("skip")
		}
		k.Tap("next")
		k.Tap("guide")
		k.WantScreen("walk.list")
		if _, ok := k.UI.Screen().Buttons["proc.email"]; !ok {
			t.Fatalf("%s %s: e-mail walkthrough not on the first page: %v", declared.item, declared.answer, slices.Sorted(maps.Keys(k.UI.Screen().Buttons)))
		}
		if got := k.UI.Svc.Sessions.Needs(); len(got) < 2 || got[0] != "email" || got[1] != "impots" {
			t.Errorf("%s %s: procedures ordered by %v", declared.item, declared.answer, got)
		}
		res, _, _ := k.Store.AssessmentOf(context.Background(), k.UI.Svc.Sessions.Current().ID)
		if strings.Join(res.Needs, ",") != "impots" {
			t.Errorf("stored needs %v: only what the visitor declared is stored", res.Needs)
		}
	}
}

func TestBackFromFirstQuestionGoesHome(t *testing.T) {
	k := uitest.New(t)
	k.OpenQuestion("screen.pointer")
	k.Tap("back")
	k.WantScreen("home")
}

func TestAssessmentInEnglish(t *testing.T) {
	k := uitest.New(t)
	k.Tap("lang.en")
	k.OpenQuestion("web.search")
	k.WantLabel("question", "look for information")
	if b := k.UI.Screen().Buttons["skip"]; b.Text != "Skip" {
		t.Fatalf("skip button %q", b.Text)
	}
}

func TestPrintFromTheNextStep(t *testing.T) {
	k := uitest.New(t)
	k.PrintWith(printing.Folder{Dir: t.TempDir()})
	k.OpenResult()
	k.Tap("next")
	k.TypeRune('2')
	k.WaitPrint()
	k.WantScreen("print.done")
	k.Tap("back")
	k.WantScreen("assess.next")
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
	langs := uitest.Languages(t)
	for _, it := range uitest.Content(t).Questions.Items {
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
			k := uitest.NewIn(t, l.Code)
			k.OpenQuestion(it.ID)
			shown[l.Code] = map[string]bool{}
			// The screen's buttons, those the page scrolls to included.
			for _, b := range k.UI.Screen().Buttons {
				if b.Text != "" {
					shown[l.Code][b.Text] = true
					anywhere[b.Text] = true
				}
			}
			questions[l.Code] = k.UI.Screen().Labels["question"].Text
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

// TestReturningVisitorResumesRetakesAndPrints: a visitor back with their
// code resumes the CAF walkthrough at the step where they were stuck,
// finishes it, retakes the self-assessment, sees « Vos progrès » and prints
// a summary that says what changed since their first visit.
func TestReturningVisitorResumesRetakesAndPrints(t *testing.T) {
	k := uitest.New(t)
	out := t.TempDir()
	k.PrintWith(printing.Folder{Dir: out})
	code := k.EarlierVisit(10)
	k.Tap("returning")
	k.TypeCode(code.String())
	for k.UI.Screen().Name != "back.resume" {
		k.Tap("next")
	}
	k.Tap("resume")
	k.WantLabel("step", "Étape 3 sur")
	for i := 0; i < 40 && k.UI.Screen().Name == "walk.step"; i++ {
		uitest.NextStep(k)
	}
	k.WantScreen("walk.end")
	k.UI.Flows.Home()
	k.TypeRune('1') // Tester mes compétences
	answerByKeyboard(k, func() {})
	k.WantScreen("assess.result")
	k.Tap("next")
	k.WantScreen("back.progress")
	k.WantLabel("domain.communicate", "Communiquer : vous avez progressé")
	k.WantLabel("domain.internet", "comme la dernière fois")
	k.Tap("next")
	k.WantScreen("assess.next")
	k.Tap("print")
	k.WaitPrint()
	text := printtest.Text(t, printtest.OnlyPDF(t, out))
	for _, want := range []string{"Progression depuis le 13/11/2026", "Vos progrès"} {
		if !strings.Contains(text, want) {
			t.Errorf("printed summary lacks %q:\n%s", want, text)
		}
	}
}
