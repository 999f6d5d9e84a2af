package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"pasapas/app"
	"pasapas/app/session"
	"pasapas/printing"
	"pasapas/printing/printtest"
)

// printWith makes the kiosk print through p with the real summary code:
// the stored session, rendered, handed to a real printer.
func (k *kiosk) printWith(p printing.Printer) {
	k.t.Helper()
	c, _, err := app.LoadContent(k.t.TempDir())
	if err != nil {
		k.t.Fatal(err)
	}
	k.shell.svc.PrintSummary = func(code session.Code) error {
		return app.PrintSummaryWith(context.Background(), k.store, c, p, code)
	}
}

// waitPrint waits for the background print to finish and its screen to show.
func (k *kiosk) waitPrint() { k.shell.jobs.Wait() }

// gate holds a print until released, to see the screen while it runs.
type gate struct {
	printing.Printer
	open chan struct{}
}

func (g gate) Print(ctx context.Context, pdf []byte, title string) error {
	<-g.open
	return g.Printer.Print(ctx, pdf, title)
}

func newGate(k *kiosk, p printing.Printer) gate {
	g := gate{Printer: p, open: make(chan struct{})}
	k.t.Cleanup(func() {
		select {
		case <-g.open:
		default:
			close(g.open)
		}
		k.waitPrint()
	})
	return g
}

func TestPrintSummaryComesOut(t *testing.T) {
	k := newKiosk(t)
	out := t.TempDir()
	g := newGate(k, printing.Folder{Dir: out})
	k.printWith(g)
	k.tap("start")
	code := k.shell.svc.Sessions.Current().Code

	k.shell.printSummary()
	k.wantScreen("print")
	k.wantLabel("body", "Attendez")
	k.wantLabel("code", code.String())
	close(g.open)
	k.waitPrint()
	k.wantScreen("print.done")
	k.wantLabel("body", "Prenez votre feuille")

	text := printtest.Text(t, printtest.OnlyPDF(t, out))
	if !strings.Contains(text, code.String()) {
		t.Errorf("printed summary lacks the code:\n%s", text)
	}
	k.tap("back")
	k.wantScreen("home")
}

// TestPrintFailureKeepsTheSession: CUPS is not running; the visitor is told
// simply, with the code the mediator reprints by, and nothing is lost.
func TestPrintFailureKeepsTheSession(t *testing.T) {
	printtest.RequireTool(t, "lp")
	k := newKiosk(t)
	k.printWith(printing.CUPS{Server: "127.0.0.1:1", Printer: "Accueil"})
	k.tap("start")
	code := k.shell.svc.Sessions.Current().Code

	k.shell.printSummary()
	k.waitPrint()
	k.wantScreen("print.failed")
	k.wantLabel("title", "L'imprimante a un problème")
	k.wantLabel("body", "La personne de l'accueil peut l'imprimer plus tard, avec le code "+code.String()+".")
	if k.shell.svc.Sessions.Current() == nil || k.stored(code).Status != session.Active {
		t.Fatal("the session was lost after a failed print")
	}
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantScreen("home")
}

// TestPrintOutcomeAfterIdlePrompt: the outcome of a print that ends under
// the idle prompt shows when the visitor comes back, never over another
// screen.
func TestPrintOutcomeAfterIdlePrompt(t *testing.T) {
	k := newKiosk(t)
	g := newGate(k, printing.Folder{Dir: t.TempDir()})
	k.printWith(g)
	k.tap("start")
	k.shell.printSummary()
	k.advance(k.shell.svc.IdleTimeout)
	k.wantScreen("idle")
	close(g.open)
	k.waitPrint()
	k.wantScreen("idle")
	k.tap("continue")
	k.wantScreen("print.done")
}

func TestPrintButtonHiddenWithoutPrinting(t *testing.T) {
	k := newKiosk(t)
	sc := newScreen("x")
	if b := k.shell.printButton(sc); b.Visible() {
		t.Error("print button shown on a kiosk without printing")
	}
	k.printWith(printing.Folder{Dir: t.TempDir()})
	if b := k.shell.printButton(sc); !b.Visible() || b.Text != "Imprimer mon résumé" {
		t.Errorf("print button %q visible=%v", b.Text, b.Visible())
	}
}
