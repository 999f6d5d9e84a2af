package returning_test

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/ui/uitest"
)

// TestComingBackOpensTheEarlierVisit: the code on the paper leads to what
// the visitor could do, what was hard and the walkthrough they left, which
// resumes at the step where they were stuck; the new session is linked.
func TestComingBackOpensTheEarlierVisit(t *testing.T) {
	k := uitest.New(t)
	code := k.EarlierVisit(10)
	k.Tap("returning")
	k.WantScreen("codepad")
	k.TypeCode(code.String())

	k.WantScreen("back.cando")
	k.WantLabel("title", "13/11/2026")
	k.Tap("next")
	k.WantScreen("back.hard")
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("back.lacking")
	caf := k.UI.Svc.Walkthroughs.Get("caf")
	k.WantLabel("doc.0", caf.Bring[0].Label.In("fr"))
	k.Tap("next")
	k.WantScreen("back.resume")
	k.WantLabel("step", "étape 3")
	k.Tap("resume")
	k.WantScreen("walk.step")
	k.WantLabel("step", "Étape 3 sur")

	cur := k.UI.Svc.Sessions.Current()
	if earlier := k.Stored(code); cur.Earlier != earlier.ID {
		t.Fatalf("new session's earlier = %q, want %q", cur.Earlier, earlier.ID)
	}
}

// TestLaterOffersTheTestAgain: a visitor who does not resume is offered the
// self-assessment again, or home.
func TestLaterOffersTheTestAgain(t *testing.T) {
	k := uitest.New(t)
	code := k.EarlierVisit(3)
	k.Tap("returning")
	k.TypeCode(code.String())
	for range 3 {
		k.Tap("next")
	}
	k.Tap("later")
	k.WantScreen("back.retake")
	k.Tap("home")
	k.WantScreen("home")
	k.UI.Flows.Returned()
	for k.UI.Screen().Name != "back.retake" {
		if b := k.UI.Screen().Buttons["later"]; b != nil {
			k.Tap("later")
			continue
		}
		k.Tap("next")
	}
	k.Tap("retake")
	if !strings.HasPrefix(k.UI.Screen().Name, "assess.") {
		t.Fatalf("retake opened %q", k.UI.Screen().Name)
	}
}

// TestCodePadSaysWhatWentWrong: a code no visit has, a code past the
// retention, a code too short, and the pad slowed after three wrong codes
// until a minute has passed on the kiosk's clock.
func TestCodePadSaysWhatWentWrong(t *testing.T) {
	k := uitest.New(t)
	old := k.EarlierVisit(settings.DefaultRetentionDays + 1)
	k.Tap("returning")

	k.TypeCode("ABC")
	k.WantLabel("message", "6 signes")
	for range 3 {
		k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	k.WantLabel("typed", "___-___")

	k.TypeCode(old.String())
	k.WantScreen("codepad")
	k.WantLabel("message", "trop ancien")

	unknown := "ZZZ-ZZZ"
	if unknown == old.String() {
		unknown = "YYY-YYY"
	}
	for i := range session.CodePadTries {
		k.UI.Visitor.ShowWelcome()
		k.Tap("returning")
		k.TypeCode(unknown)
		if i < session.CodePadTries-1 {
			k.WantLabel("message", "Nous ne trouvons pas ce code")
		}
	}
	k.WantLabel("message", "Attendez une minute")
	// Slowed, even a real code waits: guessing gains nothing.
	fresh := k.EarlierVisit(1)
	k.UI.Visitor.ShowWelcome()
	k.Tap("returning")
	k.WantLabel("message", "Attendez une minute")
	k.TypeCode(fresh.String())
	k.WantScreen("codepad")
	k.WantLabel("message", "Attendez une minute")

	k.Now = k.Now.Add(session.CodePadWait + time.Second)
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.WantScreen("back.cando")
}

// TestIdlePadForgetsTheTypedCode: a visitor who walks away from the pad
// half-way leaves nothing of their code for the next one.
func TestIdlePadForgetsTheTypedCode(t *testing.T) {
	k := uitest.New(t)
	k.Tap("returning")
	k.Tap("key.A")
	k.Tap("key.B")
	k.WantLabel("typed", "AB_-___")
	k.Advance(k.UI.Svc.IdleTimeout)
	k.WantScreen("idle")
	k.Advance(k.UI.Svc.IdleGrace + time.Second)
	k.WantScreen("welcome")
	k.Tap("returning")
	k.WantLabel("typed", "___-___")
}
