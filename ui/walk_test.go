package ui

import (
	"context"
	"database/sql"
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

// walkToEnd presses "C'est fait" until the end screen.
func walkToEnd(k *kiosk) {
	k.t.Helper()
	for range walkthrough.MaxSteps {
		if k.shell.screen.Name == "walk.end" {
			return
		}
		k.tap("done")
	}
	k.wantScreen("walk.end")
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
	k.wantLabel("subtitle", "Ce n'est pas grave")
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
	k.wantLabel("source", "didacticiel.ameli.fr, vérifié le 02/12/2026")
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
	k.tap("start")
	k.tap("done")
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
	k.tap("start")
	k.tap("done")
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
	k.tap("start")
	k.tap("back")
	k.tap("back")
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
	k.shell.typedRune('3') // "S'entraîner sans risque"
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
	k.wantLabel("hint", "mot de passe n'est pas le bon")
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
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, "rien n'est envoyé") {
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
	k.wantLabel("page", "Page 1 sur 2")
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
	k.wantLabel("page", "Page 2 sur 2")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	k.wantLabel("page", "Page 2 sur 2")
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
	k.tap("start")
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
