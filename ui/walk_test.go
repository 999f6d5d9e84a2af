package ui

import (
	"context"
	"database/sql"
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
)

// openWalk starts a session and opens procedure id from the list.
func openWalk(k *kiosk, id string) {
	k.t.Helper()
	k.tap("start")
	k.tap("guide")
	for range 4 {
		if _, ok := k.shell.screen.Buttons["proc."+id]; ok {
			k.tap("proc." + id)
			return
		}
		k.tap("page.next")
	}
	k.t.Fatalf("procedure %s is on no page", id)
}

// startWalk leaves the checklist, if the procedure has one, for step 1.
func startWalk(k *kiosk) {
	k.t.Helper()
	for k.shell.screen.Name == "walk.check" {
		if _, ok := k.shell.screen.Buttons["next"]; ok {
			k.tap("next")
			continue
		}
		k.tap("start")
	}
}

// walkToEnd presses "Suite" and "C'est fait" until the end screen.
func walkToEnd(k *kiosk) {
	k.t.Helper()
	for range walkthrough.MaxSteps {
		if k.shell.screen.Name == "walk.end" {
			return
		}
		nextStep(k)
	}
	k.wantScreen("walk.end")
}

// nextStep turns the pages of the step on screen, then presses "C'est
// fait".
func nextStep(k *kiosk) {
	k.t.Helper()
	for range 4 {
		if _, ok := k.shell.screen.Buttons["more"]; !ok {
			break
		}
		k.tap("more")
	}
	k.tap("done")
}

// events returns the session's walkthrough events as "kind proc step key=value…".
func (k *kiosk) walkEvents(code session.Code) []string {
	k.t.Helper()
	rec := k.stored(code)
	evs, err := k.store.Events(context.Background(), rec.ID)
	if err != nil {
		k.t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if !strings.HasPrefix(e.Kind, "walk.") {
			continue
		}
		line := e.Kind
		for _, key := range []string{"proc", "step", "doc", "outcome", "secs", "practice", "hints"} {
			if v, ok := e.Payload[key]; ok {
				line += " " + key + "=" + v
			}
		}
		out = append(out, line)
	}
	return out
}

func wantEvents(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkThroughAProcedureToTheEnd(t *testing.T) {
	k := newKiosk(t)
	openWalk(k, "ameli")
	code := k.shell.svc.Sessions.Current().Code
	k.wantScreen("walk.check")
	k.wantLabel("subtitle", "Ce qu'il faut avoir")
	k.wantLabel("doc.nir", "sécurité sociale")
	k.tap("have.nir")
	k.tap("lack.rib")
	k.wantLabel("subtitle", "Vous pouvez continuer")
	k.tap("have.rib") // changed their mind
	k.tap("lack.email")
	k.tap("start")

	k.wantScreen("walk.step")
	k.wantLabel("step", "Étape 1 sur 7")
	k.wantLabel("instruction", "ameli.fr")
	k.wantLabel("pitfall", "Attention :")
	k.now = k.now.Add(20 * time.Second)
	k.tap("done")
	k.wantLabel("step", "Étape 2 sur 7")
	k.tap("back")
	k.wantLabel("step", "Étape 1 sur 7")
	k.tap("done")
	k.tap("done")
	k.tap("done")
	k.tap("done")
	k.wantLabel("step", "Étape 5 sur 7") // the practice login, left aside:
	k.tap("done")                        // allowed, recorded as skipped
	k.now = k.now.Add(5 * time.Second)
	k.tap("done")
	k.tap("done")
	k.wantScreen("walk.end")
	k.wantLabel("missing", "e-mail")
	k.wantLabel("source", "Le site officiel : ameli.fr")
	if strings.Contains(k.shell.screen.Labels["source"].Text, "vérifié") {
		t.Fatal("the end screen certifies a check date to the visitor")
	}
	if k.shell.screen.Buttons["print"].Visible() {
		t.Fatal("a print button without printing")
	}
	wantEvents(t, k.walkEvents(code),
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
	k.tap("other")
	k.wantScreen("walk.list")
}

func TestStuckAtAStepThenAskTheMediator(t *testing.T) {
	k := newKiosk(t)
	openWalk(k, "caf")
	code := k.shell.svc.Sessions.Current().Code
	startWalk(k)
	nextStep(k)
	k.now = k.now.Add(70 * time.Second)
	k.tap("stuck")
	k.wantScreen("walk.stuck")
	k.wantLabel("title", "bloqué(e)")
	k.tap("retry")
	k.wantLabel("step", "Étape 2 sur 8")
	k.tap("stuck")
	k.tap("tip")
	k.wantScreen("walk.tip")
	k.wantLabel("tip", "e-mail")
	k.tap("back")
	k.wantLabel("step", "Étape 2 sur 8")
	k.shell.typedRune('2') // the number key of "Je suis bloqué(e)"
	k.wantScreen("walk.stuck")
	k.shell.typedRune('3')
	k.wantScreen("walk.mediator")
	k.wantLabel("code", code.String())
	k.wantLabel("where", "Étape 2 sur 8 : Ouvrir la déclaration")
	wantEvents(t, k.walkEvents(code),
		"walk.started proc=caf",
		"walk.step proc=caf step=login secs=0 practice=skipped hints=0",
		"walk.stuck proc=caf step=open outcome=retry secs=70",
		"walk.stuck proc=caf step=open outcome=tip secs=70",
		"walk.stuck proc=caf step=open outcome=mediator secs=70",
		"walk.abandoned proc=caf step=open secs=70",
	)
	evs, _ := k.store.Events(context.Background(), k.stored(code).ID)
	p := walkthrough.Progress(session.Each(evs), k.shell.svc.Walkthroughs)
	if len(p) != 1 || p[0].Stuck == nil || !p[0].AskedMediator || p[0].Stuck.Label("fr", "") != "2/8 : Ouvrir la déclaration" {
		t.Fatalf("progress %+v", p)
	}
	k.tap("home")
	k.wantScreen("home")
}

func TestVisitorGoneMidWalkIsRecordedWhereTheyStopped(t *testing.T) {
	k := newKiosk(t)
	openWalk(k, "caf")
	code := k.shell.svc.Sessions.Current().Code
	startWalk(k)
	nextStep(k)
	k.wantLabel("step", "Étape 2 sur 8")
	k.advance(k.shell.svc.IdleTimeout + k.shell.svc.IdleGrace)
	k.wantScreen("welcome")
	wantEvents(t, k.walkEvents(code),
		"walk.started proc=caf",
		"walk.step proc=caf step=login secs=0 practice=skipped hints=0",
		"walk.abandoned proc=caf step=open secs=150",
	)
	// The next visitor's walk starts afresh: nothing is recorded for the
	// previous one when their session ends.
	openWalk(k, "caf")
	next := k.shell.svc.Sessions.Current().Code
	startWalk(k)
	for range 6 {
		if k.shell.screen.Name == "walk.list" {
			break
		}
		k.tap("back")
	}
	k.wantScreen("walk.list")
	k.shell.finish()
	wantEvents(t, k.walkEvents(next), "walk.started proc=caf", "walk.abandoned proc=caf step=login secs=0")
}

func TestPracticeLoginWithTouchMouseAndKeyboard(t *testing.T) {
	k := newKiosk(t)
	openWalk(k, "ameli")
	code := k.shell.svc.Sessions.Current().Code
	k.tap("start")
	for range 4 {
		k.shell.typedRune('1') // "C'est fait" by number key
	}
	k.wantLabel("step", "Étape 5 sur 7")
	k.shell.typedRune('3') // "S'entraîner en sécurité"
	k.wantScreen("walk.sandbox")
	k.wantLabel("values", practiceID)
	var entries []*widget.Entry
	for _, o := range test.LaidOutObjects(k.win.Content()) {
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
	k.tap("mock.submit")
	k.wantLabel("hint", "Le mot de passe est différent")
	k.wantScreen("walk.sandbox")
	// Keyboard: focus the password, fix it, Enter submits.
	entries[1].SetText("")
	k.win.Canvas().Focus(entries[1])
	test.Type(entries[1], practicePassword)
	entries[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantLabel("hint", "Bravo")
	if f := k.win.Canvas().Focused(); f != k.shell.screen.Buttons["done"] {
		t.Fatalf("focus on %T after success, want Continuer", f)
	}
	k.shell.screen.Buttons["done"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantLabel("step", "Étape 6 sur 7")
	// Escape is Retour, back to the step before.
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantLabel("step", "Étape 5 sur 7")

	got := k.walkEvents(code)
	wantEvents(t, got[len(got)-1:], "walk.step proc=ameli step=login secs=0 practice=done hints=1")
	// Nothing typed is stored anywhere in the database.
	if dump := k.dumpEvents(); strings.Contains(dump, "soleil") || strings.Contains(dump, "Soleil") || strings.Contains(dump, "5678") {
		t.Fatalf("typed text stored: %s", dump)
	}
}

func (k *kiosk) dumpEvents() string {
	k.t.Helper()
	db, err := sql.Open("sqlite3", k.store.Path())
	if err != nil {
		k.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT kind || payload FROM events`)
	if err != nil {
		k.t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		rows.Scan(&s)
		b.WriteString(s)
	}
	return b.String()
}

func bannerShown(k *kiosk) bool {
	for _, o := range test.LaidOutObjects(k.win.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, "tout reste sur cet écran") {
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
		k := newKiosk(t)
		openWalk(k, tt.proc)
		startWalk(k)
		for range tt.steps {
			k.tap("done")
		}
		k.tap("practice")
		k.wantScreen("walk.sandbox")
		task := k.shell.screen.Labels["hint"].Text
		for _, id := range tt.wrong {
			k.tap(id)
			if k.shell.screen.Name != "walk.sandbox" || strings.Contains(k.shell.screen.Labels["hint"].Text, "Bravo") {
				t.Fatalf("%s: %s solved the practice", tt.proc, id)
			}
		}
		if k.shell.screen.Labels["hint"].Text == task {
			t.Errorf("%s: no hint after wrong actions", tt.proc)
		}
		for _, id := range tt.right {
			if id == "check" {
				for _, o := range test.LaidOutObjects(k.win.Content()) {
					if c, ok := o.(*widget.Check); ok {
						test.Tap(c)
					}
				}
				continue
			}
			k.tap(id)
		}
		k.wantLabel("hint", "Bravo")
	}
}

func TestNeedsComeFirstAndTheListIsPaginated(t *testing.T) {
	k := newKiosk(t)
	k.tap("start")
	// The self-assessment's need codes: a procedure's id, or one it serves.
	k.shell.svc.Sessions.SetNeeds([]string{"sante", "impots"})
	k.tap("guide")
	k.wantScreen("walk.list")
	// Four tiles a page at A: six two-line titles are taller than the screen.
	k.wantLabel("page", "Page 1 sur 3")
	for _, id := range []string{"ameli", "doctolib", "impots"} {
		if _, ok := k.shell.screen.Buttons["proc."+id]; !ok {
			t.Fatalf("%s, a declared need, is not on the first page", id)
		}
	}
	k.shell.typedRune('3')
	k.wantScreen("walk.check")
	k.wantLabel("title", "impots.gouv")
	k.tap("back")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.wantLabel("page", "Page 2 sur 3")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.wantLabel("page", "Page 3 sur 3")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantScreen("home")

	// Larger text, fewer tiles per page.
	k.shell.SetTextStep(len(TextSteps) - 1)
	k.tap("guide")
	k.wantLabel("page", "Page 1 sur 4")
}

func TestChecklistPagesAtLargerText(t *testing.T) {
	k := newKiosk(t)
	k.shell.SetTextStep(2)
	openWalk(k, "ants")
	code := k.shell.svc.Sessions.Current().Code
	k.wantLabel("doc.email", "e-mail")
	k.shell.typedRune('1') // J'ai: e-mail
	k.shell.typedRune('2') // Je n'ai pas: old card
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantLabel("doc.stamp", "timbre")
	k.tap("back")
	if k.shell.screen.Buttons["lack.id_card"].Importance != widget.HighImportance {
		t.Fatal("the answer was not kept when coming back")
	}
	k.tap("next")
	k.tap("lack.stamp")
	k.tap("next")
	// What to bring later is told, with nothing to answer.
	k.wantLabel("later.photo", "photo")
	startWalk(k)
	k.wantLabel("step", "Étape 1 sur 8")
	wantEvents(t, k.walkEvents(code), "walk.started proc=ants", "walk.missing proc=ants doc=id_card", "walk.missing proc=ants doc=stamp")
}

func TestPrintAtTheEndAndWhenAskingTheMediator(t *testing.T) {
	k := newKiosk(t)
	openWalk(k, "arnaque")
	walkToEnd(k)
	if k.shell.screen.Buttons["print"].Visible() {
		t.Fatal("Imprimer mon résumé shown without a printer")
	}
	k = newKiosk(t)
	printed := 0
	k.shell.svc.PrintSummary = func(session.Code) error { printed++; return nil }
	openWalk(k, "arnaque")
	walkToEnd(k)
	k.tap("print")
	k.waitPrint()
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
	for _, l := range testLanguages(t) {
		k := newKioskIn(t, l.Code)
		k.tap("start")
		for step := range TextSteps {
			k.shell.SetTextStep(step)
			for _, p := range k.shell.svc.Walkthroughs.All() {
				for i, st := range p.Steps {
					where := fmt.Sprintf("%s/A%d/%s/%s", l.Code, step, p.ID, st.ID)
					// At the largest text a long instruction and its
					// warning may take a page each, one after the other.
					checkStepPages(t, k, where, p, i, step < len(TextSteps)-1)
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
func checkStepPages(t *testing.T, k *kiosk, where string, p *walkthrough.Procedure, i int, together bool) {
	t.Helper()
	s := k.shell
	st := p.Steps[i]
	instruction := st.Instruction.In(s.walkLang())
	pitfall := s.wT("walk.pitfall", "text", st.Pitfall.In(s.walkLang()))
	run := &walkRun{proc: p, have: map[string]bool{}, reported: map[string]bool{}, step: i}
	pages := s.stepPages(run)
	sawInstruction, sawPitfall, sawBoth := false, false, false
	for n := range pages {
		s.show(s.stepScreen(run, pages, n, true))
		fitsWhole(t, k, fmt.Sprintf("%s page %d", where, n+1))
		seen := map[string]bool{}
		for _, o := range shownObjects(k.win.Content()) {
			if l, ok := o.(*widget.Label); ok && l.Visible() {
				seen[l.Text] = true
			}
		}
		sawInstruction, sawPitfall = sawInstruction || seen[instruction], sawPitfall || seen[pitfall]
		sawBoth = sawBoth || seen[instruction] && seen[pitfall]
		_, done := s.screen.Buttons["done"]
		_, more := s.screen.Buttons["more"]
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
		k := newKioskIn(t, lang)
		k.tap("start")
		for step := range TextSteps {
			k.shell.SetTextStep(step)
			where := fmt.Sprintf("%s/A%d", lang, step)
			for i := range p.Steps {
				checkStepPages(t, k, where+"/"+p.Steps[i].ID, p, i, false)
				k.shell.showTip(&walkRun{proc: p, step: i})
				fitsWhole(t, k, where+" tip")
			}
			run := &walkRun{proc: p, have: map[string]bool{}, reported: map[string]bool{}}
			shown := 0
			cut := k.shell.cutChecklist(run)
			for n, items := range cut.pages {
				k.shell.show(k.shell.checklistScreen(run, cut, items, n, false))
				fitsWhole(t, k, fmt.Sprintf("%s checklist page %d", where, n+1))
				shown += len(items)
			}
			if shown != 2*walkthrough.MaxDocuments {
				t.Errorf("%s: the checklist shows %d documents of %d", where, shown, 2*walkthrough.MaxDocuments)
			}
			// Every document missing: the end screen still fits.
			for _, d := range p.Bring {
				run.have[d.Code] = false
			}
			k.shell.showWalkEnd(run)
			fitsWhole(t, k, where+" end")
			k.wantLabel("missing", strconv.Itoa(walkthrough.MaxDocuments))
		}
	}
}

// fitsWhole fails when the screen on display needs more than 1024×768 or
// cuts a label.
func fitsWhole(t *testing.T, k *kiosk, where string) {
	t.Helper()
	k.win.Resize(fyne.NewSize(1024, 767))
	k.win.Resize(fyne.NewSize(1024, 768))
	if min := k.win.Content().MinSize(); min.Width > 1024 || min.Height > 768 {
		t.Errorf("%s needs %.0f×%.0f, more than 1024×768", where, min.Width, min.Height)
	}
	for _, o := range shownObjects(k.win.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" {
			if l.Size().Width < l.MinSize().Width-0.5 || l.Size().Height < l.MinSize().Height-0.5 {
				t.Errorf("%s: label %q cut", where, l.Text)
			}
		}
	}
}

// laterProcedure is testdata/walkthroughs/pre-demande.yaml: a procedure
// with a site and documents to bring to the appointment.
func laterProcedure(t testing.TB) *walkthrough.Procedure {
	data, err := os.ReadFile("testdata/walkthroughs/pre-demande.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := walkthrough.Parse("pre-demande.yaml", data, walkthrough.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openLater opens the test procedure with documents to bring later.
func openLater(k *kiosk) {
	k.tap("start")
	k.shell.svc.Walkthroughs.Put(laterProcedure(k.t))
	k.shell.openProcedure(k.shell.svc.Walkthroughs.Get("pre-demande"))
}

func init() {
	visitorScreens["walk-checklist-later"] = openLater
	visitorScreens["walk-end-site"] = func(k *kiosk) { openLater(k); k.tap("lack.parents"); startWalk(k); walkToEnd(k) }
}

// TestWalkChecklistWithDocumentsToBringLater: « À avoir maintenant » is asked,
// « À apporter au rendez-vous » is listed, at every text size, and the end
// screen names the procedure's site without a check date.
func TestWalkChecklistWithDocumentsToBringLater(t *testing.T) {
	for step := range TextSteps {
		k := newKiosk(t)
		k.shell.SetTextStep(step)
		openLater(k)
		code := k.shell.svc.Sessions.Current().Code
		seen := map[string]bool{}
		for range 8 {
			k.wantScreen("walk.check")
			for id, l := range k.shell.screen.Labels {
				seen[id] = true
				seen[l.Text] = true
			}
			if _, ok := k.shell.screen.Buttons["lack.parents"]; ok {
				k.tap("lack.parents")
				k.wantLabel("subtitle", "Vous pouvez continuer")
			}
			if _, ok := k.shell.screen.Buttons["start"]; ok {
				break
			}
			k.tap("next")
		}
		for _, id := range []string{"doc.email", "doc.parents", "later.photo", "later.address", "later.old_card"} {
			if !seen[id] {
				t.Errorf("A%d: %s never shown", step, id)
			}
		}
		if _, ok := k.shell.screen.Buttons["have.photo"]; ok {
			t.Errorf("A%d: a document to bring later is asked now", step)
		}
		if !seen["À apporter au rendez-vous"] {
			t.Errorf("A%d: no « À apporter au rendez-vous »", step)
		}
		k.tap("start")
		walkToEnd(k)
		k.wantLabel("source", "Le site officiel : ants.gouv.fr")
		k.wantLabel("missing", "parents")
		wantEvents(t, k.walkEvents(code), "walk.started proc=pre-demande", "walk.missing proc=pre-demande doc=parents",
			"walk.step proc=pre-demande step=form secs=0", "walk.completed proc=pre-demande secs=0")
	}
}

// TestWalkStepPagesWithTouchAndKeys: at the largest text a step cut in pages
// turns with « Suite » (touch, mouse), the arrow keys and 1, comes back
// with « Retour » and Escape, and a new text size cuts it again.
func TestWalkStepPagesWithTouchAndKeys(t *testing.T) {
	k := newKiosk(t)
	k.shell.SetTextStep(len(TextSteps) - 1)
	openLater(k)
	startWalk(k)
	k.wantLabel("instruction", "prénoms")
	k.wantLabel("pitfall", "Attention : Des sites privés")
	if _, ok := k.shell.screen.Buttons["more"]; !ok {
		t.Fatal("the step is on one page at A++: pick a longer one for this test")
	}
	k.tap("more")
	if _, ok := k.shell.screen.Labels["instruction"]; ok {
		t.Fatal("the drawing's page repeats the text")
	}
	k.tap("back")
	k.wantLabel("instruction", "prénoms")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.wantScreen("walk.step")
	if _, ok := k.shell.screen.Buttons["done"]; !ok {
		t.Fatal("→ did not turn the page")
	}
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // the last page: → does not finish
	k.wantScreen("walk.step")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	k.wantLabel("instruction", "prénoms")
	k.shell.typedRune('1') // Suite
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantLabel("pitfall", "Attention")
	// Smaller text: the same step on one page, drawing and all.
	k.shell.SetTextStep(0)
	k.wantLabel("pitfall", "Attention")
	if _, ok := k.shell.screen.Buttons["done"]; !ok {
		t.Fatal("at A the step is still cut")
	}
	k.shell.typedRune('1')
	k.wantScreen("walk.end")
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
	screens := map[string]func(k *kiosk){
		"step":        func(k *kiosk) { openWalk(k, "caf"); startWalk(k); nextStep(k); nextStep(k) },
		"step-cut":    func(k *kiosk) { openLater(k); startWalk(k) },
		"step-cut-2":  func(k *kiosk) { openLater(k); startWalk(k); tapIf(k, "more") },
		"checklist":   openLater,
		"checklist-2": func(k *kiosk) { openLater(k); k.tap("lack.parents"); tapIf(k, "next") },
		"end":         visitorScreens["walk-end-site"],
	}
	for name, open := range screens {
		for _, lang := range []string{"fr", "uk"} {
			for _, step := range []int{0, len(TextSteps) - 1} {
				k := newKioskIn(t, lang)
				k.shell.SetTextStep(step)
				open(k)
				k.win.Resize(fyne.NewSize(1024, 767))
				k.win.Resize(fyne.NewSize(1024, 768))
				writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s-A%d.png", name, lang, step)), k)
			}
		}
	}
}

func tapIf(k *kiosk, id string) {
	if _, ok := k.shell.screen.Buttons[id]; ok {
		k.tap(id)
	}
}

// TestWalkEveryStepScreenshots photographs every page of every step of
// every built-in walkthrough, in French at A and A++ and in Ukrainian (the
// longest texts) at A++, to $PASAPAS_ARTEFACTS/ui/walk-steps/, so that a
// person can look at each one; each page must also fit whole, with its
// drawing drawn.
func TestWalkEveryStepScreenshots(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" {
		t.Skip("PASAPAS_ARTEFACTS not set")
	}
	dir = filepath.Join(dir, "ui", "walk-steps")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	large := len(TextSteps) - 1
	for _, c := range []struct {
		lang  string
		steps []int
	}{{"fr", []int{0, large}}, {"uk", []int{large}}} {
		k := newKioskIn(t, c.lang)
		k.tap("start")
		for _, step := range c.steps {
			k.shell.SetTextStep(step)
			for _, p := range k.shell.svc.Walkthroughs.All() {
				for i, st := range p.Steps {
					run := &walkRun{proc: p, have: map[string]bool{}, reported: map[string]bool{}, step: i}
					pages := k.shell.stepPages(run)
					for n := range pages {
						k.shell.show(k.shell.stepScreen(run, pages, n, false))
						name := fmt.Sprintf("%s-%02d-%s-p%d-%s-A%d", p.ID, i+1, st.ID, n+1, c.lang, step)
						fitsWhole(t, k, name)
						writePNG(t, filepath.Join(dir, name+".png"), k)
					}
				}
			}
		}
	}
}
