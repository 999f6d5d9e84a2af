package visitor_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"pasapas/app/session"
	"pasapas/printing"
	"pasapas/printing/printtest"
	"pasapas/ui/shell"
	"pasapas/ui/uitest"
)

func TestPrintSummaryComesOut(t *testing.T) {
	k := uitest.New(t)
	out := t.TempDir()
	g := uitest.NewGate(k, printing.Folder{Dir: out})
	k.PrintWith(g)
	k.Tap("start")
	code := k.UI.Svc.Sessions.Current().Code

	k.UI.Visitor.PrintSummary()
	k.WantScreen("print")
	k.WantLabel("body", "Attendez")
	k.WantLabel("code", code.String())
	g.Release()
	k.WaitPrint()
	k.WantScreen("print.done")
	k.WantLabel("body", "Prenez votre feuille")

	text := printtest.Text(t, printtest.OnlyPDF(t, out))
	if !strings.Contains(text, code.String()) {
		t.Errorf("printed summary lacks the code:\n%s", text)
	}
	k.Tap("back")
	k.WantScreen("home")
}

// TestPrintFailureKeepsTheSession: CUPS is not running; the visitor is told
// simply, with the code the mediator reprints by, and nothing is lost.
func TestPrintFailureKeepsTheSession(t *testing.T) {
	printtest.RequireTool(t, "lp")
	k := uitest.New(t)
	k.PrintWith(printing.CUPS{Server: "127.0.0.1:1", Printer: "Accueil"})
	k.Tap("start")
	code := k.UI.Svc.Sessions.Current().Code

	k.UI.Visitor.PrintSummary()
	k.WaitPrint()
	k.WantScreen("print.failed")
	k.WantLabel("title", "L'imprimante a un problème")
	k.WantLabel("body", "La personne de l'accueil peut l'imprimer plus tard, avec le code "+code.String()+".")
	if k.UI.Svc.Sessions.Current() == nil || k.Stored(code).Status != session.Active {
		t.Fatal("the session was lost after a failed print")
	}
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantScreen("home")
}

// TestPrintOutcomeAfterIdlePrompt: the outcome of a print that ends under
// the idle prompt shows when the visitor comes back, never over another
// screen.
func TestPrintOutcomeAfterIdlePrompt(t *testing.T) {
	k := uitest.New(t)
	g := uitest.NewGate(k, printing.Folder{Dir: t.TempDir()})
	k.PrintWith(g)
	k.Tap("start")
	k.UI.Visitor.PrintSummary()
	k.Advance(k.UI.Svc.IdleTimeout)
	k.WantScreen("idle")
	g.Release()
	k.WaitPrint()
	k.WantScreen("idle")
	k.Tap("continue")
	k.WantScreen("print.done")
}

func TestPrintButtonHiddenWithoutPrinting(t *testing.T) {
	k := uitest.New(t)
	sc := shell.NewScreen("x")
	if b := k.UI.Visitor.PrintButton(sc); b.Visible() {
		t.Error("print button shown on a kiosk without printing")
	}
	k.PrintWith(printing.Folder{Dir: t.TempDir()})
	if b := k.UI.Visitor.PrintButton(sc); !b.Visible() || b.Text != "Imprimer mon résumé" {
		t.Errorf("print button %q visible=%v", b.Text, b.Visible())
	}
}
