package walk_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/session"
	"pasapas/assessment/walkthrough"
	"pasapas/ui/kit"
	"pasapas/ui/uitest"
	"pasapas/ui/walk"
)

func TestWalkThroughAProcedureToTheEnd(t *testing.T) {
	k := uitest.New(t)
	uitest.OpenWalk(k, "ameli")
	code := k.UI.Svc.Sessions.Current().Code
	k.WantScreen("walk.check")
	k.WantLabel("subtitle", "Ce qu'il faut avoir")
	k.WantLabel("doc.nir", "sécurité sociale")
	k.Tap("have.nir")
	k.Tap("lack.rib")
	k.WantLabel("subtitle", "Vous pouvez continuer")
	k.Tap("have.rib") // changed their mind
	k.Tap("lack.email")
	k.Tap("start")

	k.WantScreen("walk.step")
	k.WantLabel("step", "Étape 1 sur 7")
	k.WantLabel("instruction", "ameli.fr")
	k.WantLabel("pitfall", "Attention :")
	k.Now = k.Now.Add(20 * time.Second)
	k.Tap("done")
	k.WantLabel("step", "Étape 2 sur 7")
	k.Tap("back")
	k.WantLabel("step", "Étape 1 sur 7")
	k.Tap("done")
	k.Tap("done")
	k.Tap("done")
	k.Tap("done")
	k.WantLabel("step", "Étape 5 sur 7") // the practice login, left aside:
	k.Tap("done")                        // allowed, recorded as skipped
	k.Now = k.Now.Add(5 * time.Second)
	k.Tap("done")
	k.Tap("done")
	k.WantScreen("walk.end")
	k.WantLabel("missing", "e-mail")
	k.WantLabel("source", "Le site officiel : ameli.fr")
	if strings.Contains(k.UI.Screen().Labels["source"].Text, "vérifié") {
		t.Fatal("the end screen certifies a check date to the visitor")
	}
	if k.UI.Screen().Buttons["print"].Visible() {
		t.Fatal("a print button without printing")
	}
	uitest.WantEvents(t, k.WalkEvents(code),
		"walk.started proc=ameli",
		"walk.missing proc=ameli doc=email",
		"walk.step proc=ameli step=open secs=20",
		"walk.step proc=ameli step=open secs=0",
		"walk.step proc=ameli step=create secs=0",
		"walk.step proc=ameli step=identity secs=0",
		"walk.step proc=ameli step=activate secs=0",
		"walk.step proc=ameli step=login secs=0 practice=skipped hints=0",
		"walk.step proc=ameli step=download secs=5",
		"walk.step proc=ameli step=other secs=0",
		"walk.completed proc=ameli secs=25",
	)
	k.Tap("other")
	k.WantScreen("walk.list")
}

func TestStuckAtAStepThenAskTheMediator(t *testing.T) {
	k := uitest.New(t)
	uitest.OpenWalk(k, "caf")
	code := k.UI.Svc.Sessions.Current().Code
	uitest.StartWalk(k)
	uitest.NextStep(k)
	k.Now = k.Now.Add(70 * time.Second)
	k.Tap("stuck")
	k.WantScreen("walk.stuck")
	k.WantLabel("title", "bloqué(e)")
	k.Tap("retry")
	k.WantLabel("step", "Étape 2 sur 8")
	k.Tap("stuck")
	k.Tap("tip")
	k.WantScreen("walk.tip")
	k.WantLabel("tip", "e-mail")
	k.Tap("back")
	k.WantLabel("step", "Étape 2 sur 8")
	k.TypeRune('2') // the number key of "Je suis bloqué(e)"
	k.WantScreen("walk.stuck")
	k.TypeRune('3')
	k.WantScreen("walk.mediator")
	k.WantLabel("code", code.String())
	k.WantLabel("where", "Étape 2 sur 8 : Ouvrir la déclaration")
	uitest.WantEvents(t, k.WalkEvents(code),
		"walk.started proc=caf",
		"walk.step proc=caf step=login secs=0 practice=skipped hints=0",
		"walk.stuck proc=caf step=open outcome=retry secs=70",
		"walk.stuck proc=caf step=open outcome=tip secs=70",
		"walk.stuck proc=caf step=open outcome=mediator secs=70",
		"walk.abandoned proc=caf step=open secs=70",
	)
	evs, _ := k.Store.Events(context.Background(), k.Stored(code).ID)
	p := walkthrough.Progress(session.Each(evs), k.UI.Svc.Walkthroughs)
	if len(p) != 1 || p[0].Stuck == nil || !p[0].AskedMediator || p[0].Stuck.Label("fr", "") != "2/8 : Ouvrir la déclaration" {
		t.Fatalf("progress %+v", p)
	}
	k.Tap("home")
	k.WantScreen("home")
}

func TestVisitorGoneMidWalkIsRecordedWhereTheyStopped(t *testing.T) {
	k := uitest.New(t)
	uitest.OpenWalk(k, "caf")
	code := k.UI.Svc.Sessions.Current().Code
	uitest.StartWalk(k)
	uitest.NextStep(k)
	k.WantLabel("step", "Étape 2 sur 8")
	k.Advance(k.UI.Svc.IdleTimeout + k.UI.Svc.IdleGrace)
	k.WantScreen("welcome")
	uitest.WantEvents(t, k.WalkEvents(code),
		"walk.started proc=caf",
		"walk.step proc=caf step=login secs=0 practice=skipped hints=0",
		"walk.abandoned proc=caf step=open secs=150",
	)
	// The next visitor's walk starts afresh: nothing is recorded for the
	// previous one when their session ends.
	uitest.OpenWalk(k, "caf")
	next := k.UI.Svc.Sessions.Current().Code
	uitest.StartWalk(k)
	for range 6 {
		if k.UI.Screen().Name == "walk.list" {
			break
		}
		k.Tap("back")
	}
	k.WantScreen("walk.list")
	k.UI.EndSession(session.Finished)
	uitest.WantEvents(t, k.WalkEvents(next), "walk.started proc=caf", "walk.abandoned proc=caf step=login secs=0")
}

func TestPracticeLoginWithTouchMouseAndKeyboard(t *testing.T) {
	k := uitest.New(t)
	uitest.OpenWalk(k, "ameli")
	code := k.UI.Svc.Sessions.Current().Code
	k.Tap("start")
	for range 4 {
		k.TypeRune('1') // "C'est fait" by number key
	}
	k.WantLabel("step", "Étape 5 sur 7")
	k.TypeRune('3') // "S'entraîner en sécurité"
	k.WantScreen("walk.sandbox")
	k.WantLabel("values", k.UI.Svc.Walkthroughs.Practice.Login.ID)
	var entries []*widget.Entry
	for _, o := range test.LaidOutObjects(k.Win.Content()) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("%d entries in the login mock", len(entries))
	}
	if !bannerShown(k) {
		t.Fatal("no practice banner")
	}
	// A wrong password gets a gentle hint, not a failure.
	test.Type(entries[0], "1234 5678 90123")
	test.Type(entries[1], "soleil")
	k.Tap("mock.submit")
	k.WantLabel("hint", "Le mot de passe est différent")
	k.WantScreen("walk.sandbox")
	// Keyboard: focus the password, fix it, Enter submits.
	entries[1].SetText("")
	k.Win.Canvas().Focus(entries[1])
	test.Type(entries[1], k.UI.Svc.Walkthroughs.Practice.Login.Password)
	entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantLabel("hint", "Bravo")
	if f := k.Win.Canvas().Focused(); f != k.UI.Screen().Buttons["done"] {
		t.Fatalf("focus on %T after success, want Continuer", f)
	}
	k.UI.Screen().Buttons["done"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantLabel("step", "Étape 6 sur 7")
	// Escape is Retour, back to the step before.
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantLabel("step", "Étape 5 sur 7")

	got := k.WalkEvents(code)
	uitest.WantEvents(t, got[len(got)-1:], "walk.step proc=ameli step=login secs=0 practice=done hints=1")
	// Nothing typed is stored anywhere in the database.
	if dump := k.DumpEvents(); strings.Contains(dump, "soleil") || strings.Contains(dump, "Soleil") || strings.Contains(dump, "5678") {
		t.Fatalf("typed text stored: %s", dump)
	}
}

func bannerShown(k *uitest.Kiosk) bool {
	for _, o := range test.LaidOutObjects(k.Win.Content()) {
		if l, ok := o.(*kit.Label); ok && l.Visible() && strings.Contains(l.Text, "tout reste sur cet écran") {
			return true
		}
	}
	return false
}

func TestEveryPracticeGivesHintsThenSucceeds(t *testing.T) {
	tests := []struct {
		proc  string
		steps int
		wrong []string
		right []string
	}{
		{"franceconnect", 0, []string{"mock.login", "mock.create"}, []string{"mock.fc"}},
		{"franceconnect", 1, []string{"mock.ameli", "mock.create"}, []string{"mock.impots"}},
		{"scan", 5, []string{"mock.send", "mock.join", "mock.file.photo.jpg"}, []string{"mock.file.attestation.pdf", "mock.send"}},
		{"doctolib", 2, []string{"mock.confirm", "mock.slot.mon.9h30", "mock.confirm"}, []string{"mock.slot.tue.9h30", "mock.confirm"}},
		{"arnaque", 3, []string{"mock.message.1", "mock.message.3"}, []string{"mock.message.2"}},
		{"caf", 6, []string{"mock.submit"}, []string{"check", "mock.submit"}},
	}
	for _, tt := range tests {
		k := uitest.New(t)
		uitest.OpenWalk(k, tt.proc)
		uitest.StartWalk(k)
		for range tt.steps {
			k.Tap("done")
		}
		k.Tap("practice")
		k.WantScreen("walk.sandbox")
		task := k.UI.Screen().Labels["hint"].Text
		for _, id := range tt.wrong {
			k.Tap(id)
			if k.UI.Screen().Name != "walk.sandbox" || strings.Contains(k.UI.Screen().Labels["hint"].Text, "Bravo") {
				t.Fatalf("%s: %s solved the practice", tt.proc, id)
			}
		}
		if k.UI.Screen().Labels["hint"].Text == task {
			t.Errorf("%s: no hint after wrong actions", tt.proc)
		}
		for _, id := range tt.right {
			if id == "check" {
				for _, o := range test.LaidOutObjects(k.Win.Content()) {
					if c, ok := o.(*widget.Check); ok {
						test.Tap(c)
					}
				}
				continue
			}
			k.Tap(id)
		}
		k.WantLabel("hint", "Bravo")
	}
}

func TestNeedsComeFirstAndTheListIsPaginated(t *testing.T) {
	k := uitest.New(t)
	k.Tap("start")
	// The self-assessment's need codes: a procedure's id, or one it serves.
	k.UI.Svc.Sessions.SetNeeds([]string{"sante", "impots"})
	k.Tap("guide")
	k.WantScreen("walk.list")
	// Four tiles a page at A: six two-line titles are taller than the screen.
	k.WantLabel("page", "Page 1 sur 3")
	for _, id := range []string{"ameli", "doctolib", "impots"} {
		if _, ok := k.UI.Screen().Buttons["proc."+id]; !ok {
			t.Fatalf("%s, a declared need, is not on the first page", id)
		}
	}
	k.TypeRune('3')
	k.WantScreen("walk.check")
	k.WantLabel("title", "impots.gouv")
	k.Tap("back")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.WantLabel("page", "Page 2 sur 3")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.WantLabel("page", "Page 3 sur 3")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantScreen("home")

	// Larger text, fewer tiles per page.
	k.UI.SetTextStep(len(kit.TextSteps) - 1)
	k.Tap("guide")
	k.WantLabel("page", "Page 1 sur 4")
}

func TestChecklistPagesAtLargerText(t *testing.T) {
	k := uitest.New(t)
	k.UI.SetTextStep(2)
	uitest.OpenWalk(k, "ants")
	code := k.UI.Svc.Sessions.Current().Code
	k.WantLabel("doc.email", "e-mail")
	k.TypeRune('1') // J'ai: e-mail
	k.TypeRune('2') // Je n'ai pas: old card
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantLabel("doc.stamp", "timbre")
	k.Tap("back")
	if k.UI.Screen().Buttons["lack.id_card"].Importance != widget.HighImportance {
		t.Fatal("the answer was not kept when coming back")
	}
	k.Tap("next")
	k.Tap("lack.stamp")
	k.Tap("next")
	// What to bring later is told, with nothing to answer.
	k.WantLabel("later.photo", "photo")
	uitest.StartWalk(k)
	k.WantLabel("step", "Étape 1 sur 8")
	uitest.WantEvents(t, k.WalkEvents(code), "walk.started proc=ants", "walk.missing proc=ants doc=id_card", "walk.missing proc=ants doc=stamp")
}

func TestPrintAtTheEndAndWhenAskingTheMediator(t *testing.T) {
	k := uitest.New(t)
	uitest.OpenWalk(k, "arnaque")
	uitest.WalkToEnd(k)
	if k.UI.Screen().Buttons["print"].Visible() {
		t.Fatal("Imprimer mon résumé shown without a printer")
	}
	k = uitest.New(t)
	printed := 0
	k.UI.Svc.PrintSummary = func(session.Code) error { printed++; return nil }
	uitest.OpenWalk(k, "arnaque")
	uitest.WalkToEnd(k)
	k.Tap("print")
	k.WaitPrint()
	if printed != 1 {
		t.Fatal("Imprimer mon résumé did not print")
	}
}

// TestWalkEveryStepShowsItsInstructionAndPitfall opens every step of every
// built-in walkthrough, in every language and at every text size, and
// turns its pages: the instruction and the pitfall must each be shown
// whole on a page of the step, on the same page, and every page must fit
// 1024×768. The content is loaded once per language.
func TestWalkEveryStepShowsItsInstructionAndPitfall(t *testing.T) {
	for _, l := range uitest.Languages(t) {
		k := uitest.NewIn(t, l.Code)
		k.Tap("start")
		for step := range kit.TextSteps {
			k.UI.SetTextStep(step)
			for _, p := range k.UI.Svc.Walkthroughs.All() {
				for i, st := range p.Steps {
					where := fmt.Sprintf("%s/A%d/%s/%s", l.Code, step, p.ID, st.ID)
					// At the largest text a long instruction and its
					// warning may take a page each, one after the other.
					checkStepPages(t, k, where, p, i, step < len(kit.TextSteps)-1)
				}
			}
		}
	}
}

// checkStepPages shows each page of step i of p as the kiosk cuts it: each
// fits, the instruction and the warning are each shown whole, and on the
// same page when together is set. The pages are shown with blank drawings
// of the same size: drawing every picture would make the test minutes
// long, and only their size counts.
func checkStepPages(t *testing.T, k *uitest.Kiosk, where string, p *walkthrough.Procedure, i int, together bool) {
	t.Helper()
	s := k.UI.Walk
	st := p.Steps[i]
	instruction := st.Instruction.In(s.Lang())
	pitfall := s.T("walk.pitfall", "text", st.Pitfall.In(s.Lang()))
	run := walk.RunAt(k.UI.Walk, p, i)
	pages := s.StepPages(run)
	sawInstruction, sawPitfall, sawBoth := false, false, false
	for n := range pages {
		s.ShowStepScreen(run, pages, n, true)
		uitest.FitsWhole(t, k, fmt.Sprintf("%s page %d", where, n+1))
		seen := map[string]bool{}
		for _, o := range uitest.ShownObjects(k.Win.Content()) {
			if l, ok := o.(*kit.Label); ok && l.Visible() {
				seen[l.Text] = true
			}
		}
		sawInstruction, sawPitfall = sawInstruction || seen[instruction], sawPitfall || seen[pitfall]
		sawBoth = sawBoth || seen[instruction] && seen[pitfall]
		_, done := s.Screen().Buttons["done"]
		_, more := s.Screen().Buttons["more"]
		if last := n == len(pages)-1; done != last || more == last {
			t.Errorf("%s page %d of %d: « C'est fait » %v, « Suite » %v", where, n+1, len(pages), done, more)
		}
	}
	switch {
	case !sawInstruction || !sawPitfall:
		t.Errorf("%s: instruction shown %v, warning shown %v:\n%s\n%s", where, sawInstruction, sawPitfall, instruction, pitfall)
	case together && !sawBoth:
		t.Errorf("%s: the instruction and its warning are not shown together:\n%s\n%s", where, instruction, pitfall)
	}
}

// fill is text of exactly n characters made of words, ending with a full
// stop: sentences as long as the loader lets an author write.
func fill(n int, words string) string {
	w := strings.Fields(words)
	var b []rune
	for i := 0; len(b) < n; i++ {
		b = append(b, []rune(w[i%len(w)])...)
		b = append(b, ' ')
	}
	b = b[:n]
	b[n-1] = '.'
	return string(b)
}

// atTheLimits is a procedure whose every text is as long as the loader
// allows, in French and in Ukrainian (the widest script offered), with as
// many documents as allowed in both lists.
func atTheLimits() *walkthrough.Procedure {
	fr := "Appuyez sur « Mon compte ». Tapez votre numéro de sécurité sociale. Vérifiez bien les chiffres."
	uk := "Натисніть «Mon compte». Введіть свій номер соціального страхування. Перевірте цифри."
	text := func(n int) walkthrough.Text { return walkthrough.Text{"fr": fill(n, fr), "uk": fill(n, uk)} }
	p := &walkthrough.Procedure{ID: "limits", Title: text(walkthrough.MaxTitle), Service: text(walkthrough.MaxTitle * 2),
		Pictogram: "picto-family", Site: "caf.fr", Source: walkthrough.Source{URL: "https://www.caf.fr/", Checked: "2026-11-23"}}
	for i := range walkthrough.MaxDocuments {
		p.Bring = append(p.Bring, walkthrough.Document{Code: fmt.Sprintf("now%d", i), Label: text(walkthrough.MaxDocument)})
		p.BringLater = append(p.BringLater, walkthrough.Document{Code: fmt.Sprintf("later%d", i), Label: text(walkthrough.MaxDocument)})
	}
	for i, sandbox := range []string{"", "login", "attach"} {
		p.Steps = append(p.Steps, walkthrough.Step{ID: fmt.Sprintf("s%d", i), Title: text(walkthrough.MaxStepTitle),
			Instruction: text(walkthrough.MaxInstruction), Illustration: "screen-login", Tip: text(walkthrough.MaxNote),
			Pitfall: text(walkthrough.MaxNote), Sandbox: sandbox})
	}
	return p
}

// TestWalkTextsAtTheLimitsFit shows a procedure written to the loader's limits
// at every text size: every page of every step, of the checklist and of the
// tips fits 1024×768, and nothing is left out.
func TestWalkTextsAtTheLimitsFit(t *testing.T) {
	p := atTheLimits()
	for _, lang := range []string{"fr", "uk"} {
		k := uitest.NewIn(t, lang)
		k.Tap("start")
		for step := range kit.TextSteps {
			k.UI.SetTextStep(step)
			where := fmt.Sprintf("%s/A%d", lang, step)
			for i := range p.Steps {
				checkStepPages(t, k, where+"/"+p.Steps[i].ID, p, i, false)
				k.UI.Walk.ShowTip(walk.RunAt(k.UI.Walk, p, i))
				uitest.FitsWhole(t, k, where+" tip")
			}
			run := walk.RunAt(k.UI.Walk, p, 0)
			shown := 0
			cut := k.UI.Walk.CutChecklist(run)
			for n, items := range cut.Pages() {
				k.UI.Walk.ShowChecklistScreen(run, cut, items, n)
				uitest.FitsWhole(t, k, fmt.Sprintf("%s checklist page %d", where, n+1))
				shown += len(items)
			}
			if shown != 2*walkthrough.MaxDocuments {
				t.Errorf("%s: the checklist shows %d documents of %d", where, shown, 2*walkthrough.MaxDocuments)
			}
			// Every document missing: the end screen still fits.
			for _, d := range p.Bring {
				run.SetHave(d.Code, false)
			}
			k.UI.Walk.ShowWalkEnd(run)
			uitest.FitsWhole(t, k, where+" end")
			k.WantLabel("missing", strconv.Itoa(walkthrough.MaxDocuments))
		}
	}
}

// TestWalkChecklistWithDocumentsToBringLater: « À avoir maintenant » is asked,
// « À apporter au rendez-vous » is listed, at every text size, and the end
// screen names the procedure's site without a check date.
func TestWalkChecklistWithDocumentsToBringLater(t *testing.T) {
	for step := range kit.TextSteps {
		k := uitest.New(t)
		k.UI.SetTextStep(step)
		uitest.OpenLater(k)
		code := k.UI.Svc.Sessions.Current().Code
		seen := map[string]bool{}
		for range 8 {
			k.WantScreen("walk.check")
			for id, l := range k.UI.Screen().Labels {
				seen[id] = true
				seen[l.Text] = true
			}
			if _, ok := k.UI.Screen().Buttons["lack.parents"]; ok {
				k.Tap("lack.parents")
				k.WantLabel("subtitle", "Vous pouvez continuer")
			}
			if _, ok := k.UI.Screen().Buttons["start"]; ok {
				break
			}
			k.Tap("next")
		}
		for _, id := range []string{"doc.email", "doc.parents", "later.photo", "later.address", "later.old_card"} {
			if !seen[id] {
				t.Errorf("A%d: %s never shown", step, id)
			}
		}
		if _, ok := k.UI.Screen().Buttons["have.photo"]; ok {
			t.Errorf("A%d: a document to bring later is asked now", step)
		}
		if !seen["À apporter au rendez-vous"] {
			t.Errorf("A%d: no « À apporter au rendez-vous »", step)
		}
		k.Tap("start")
		uitest.WalkToEnd(k)
		k.WantLabel("source", "Le site officiel : ants.gouv.fr")
		k.WantLabel("missing", "parents")
		uitest.WantEvents(t, k.WalkEvents(code), "walk.started proc=pre-demande", "walk.missing proc=pre-demande doc=parents",
			"walk.step proc=pre-demande step=form secs=0", "walk.completed proc=pre-demande secs=0")
	}
}

// TestWalkStepPagesWithTouchAndKeys: at the largest text a step cut in pages
// turns with « Suite » (touch, mouse), the arrow keys and 1, comes back
// with « Retour » and Escape, and a new text size cuts it again.
func TestWalkStepPagesWithTouchAndKeys(t *testing.T) {
	k := uitest.New(t)
	k.UI.SetTextStep(len(kit.TextSteps) - 1)
	uitest.OpenLater(k)
	uitest.StartWalk(k)
	k.WantLabel("instruction", "prénoms")
	k.WantLabel("pitfall", "Attention : Des sites privés")
	if _, ok := k.UI.Screen().Buttons["more"]; !ok {
		t.Fatal("the step is on one page at A++: pick a longer one for this test")
	}
	k.Tap("more")
	if _, ok := k.UI.Screen().Labels["instruction"]; ok {
		t.Fatal("the drawing's page repeats the text")
	}
	k.Tap("back")
	k.WantLabel("instruction", "prénoms")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.WantScreen("walk.step")
	if _, ok := k.UI.Screen().Buttons["done"]; !ok {
		t.Fatal("→ did not turn the page")
	}
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // the last page: → does not finish
	k.WantScreen("walk.step")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	k.WantLabel("instruction", "prénoms")
	k.TypeRune('1') // Suite
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantLabel("pitfall", "Attention")
	// Smaller text: the same step on one page, drawing and all.
	k.UI.SetTextStep(0)
	k.WantLabel("pitfall", "Attention")
	if _, ok := k.UI.Screen().Buttons["done"]; !ok {
		t.Fatal("at A the step is still cut")
	}
	k.TypeRune('1')
	k.WantScreen("walk.end")
}

// TestWalkScreenshots writes the step (with its warning), the checklist
// with documents to bring later and the end screen at A and A++, in French
// and in Ukrainian (the longest texts), to $PASAPAS_ARTEFACTS/ui/walk/.
func TestWalkScreenshots(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" {
		t.Skip("PASAPAS_ARTEFACTS not set")
	}
	dir = filepath.Join(dir, "ui", "walk")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	screens := map[string]func(k *uitest.Kiosk){
		"step": func(k *uitest.Kiosk) {
			uitest.OpenWalk(k, "caf")
			uitest.StartWalk(k)
			uitest.NextStep(k)
			uitest.NextStep(k)
		},
		"step-cut":    func(k *uitest.Kiosk) { uitest.OpenLater(k); uitest.StartWalk(k) },
		"step-cut-2":  func(k *uitest.Kiosk) { uitest.OpenLater(k); uitest.StartWalk(k); tapIf(k, "more") },
		"checklist":   uitest.OpenLater,
		"checklist-2": func(k *uitest.Kiosk) { uitest.OpenLater(k); k.Tap("lack.parents"); tapIf(k, "next") },
		"end":         uitest.VisitorScreens["walk-end-site"],
	}
	for name, open := range screens {
		for _, lang := range []string{"fr", "uk"} {
			for _, step := range []int{0, len(kit.TextSteps) - 1} {
				k := uitest.NewIn(t, lang)
				k.UI.SetTextStep(step)
				open(k)
				k.Win.Resize(fyne.NewSize(1024, 767))
				k.Win.Resize(fyne.NewSize(1024, 768))
				uitest.WritePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s-A%d.png", name, lang, step)), k)
			}
		}
	}
}

func tapIf(k *uitest.Kiosk, id string) {
	if _, ok := k.UI.Screen().Buttons[id]; ok {
		k.Tap(id)
	}
}

// TestWalkEveryStepScreenshots photographs every page of every step of
// every built-in walkthrough, in French at A and A++ and in Ukrainian (the
// longest texts) at A++, to $PASAPAS_ARTEFACTS/ui/walk-steps/, so that a
// person can look at each one; each page must also fit whole, with its
// drawing drawn. Every page's fit is TestWalkEveryStepShowsItsInstructionAndPitfall's
// in every language and size: these 467 pictures, for people, take
// `make pictures` (PASAPAS_STEP_PICTURES=1), not every test run.
func TestWalkEveryStepScreenshots(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" || os.Getenv("PASAPAS_STEP_PICTURES") == "" {
		t.Skip("make pictures writes them (PASAPAS_ARTEFACTS and PASAPAS_STEP_PICTURES set)")
	}
	dir = filepath.Join(dir, "ui", "walk-steps")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	large := len(kit.TextSteps) - 1
	for _, c := range []struct {
		lang  string
		steps []int
	}{{"fr", []int{0, large}}, {"uk", []int{large}}, {"ar", []int{large}}} {
		k := uitest.NewIn(t, c.lang)
		k.Tap("start")
		for _, step := range c.steps {
			k.UI.SetTextStep(step)
			for _, p := range k.UI.Svc.Walkthroughs.All() {
				for i, st := range p.Steps {
					run := walk.RunAt(k.UI.Walk, p, i)
					pages := k.UI.Walk.StepPages(run)
					for n := range pages {
						k.UI.Walk.ShowStepScreen(run, pages, n, false)
						name := fmt.Sprintf("%s-%02d-%s-p%d-%s-A%d", p.ID, i+1, st.ID, n+1, c.lang, step)
						uitest.FitsWhole(t, k, name)
						uitest.WritePNG(t, filepath.Join(dir, name+".png"), k)
					}
				}
			}
		}
	}
}
