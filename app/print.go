package app

import (
	"context"
	"path/filepath"
	"time"

	"pasapas/app/report"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	"pasapas/printing"
)

// SummariesDirName is the folder of the data directory where a summary is
// saved when no printer can be used (the Windows fallback).
const SummariesDirName = "summaries"

// Report reads the sessions of st in the words of c.
func (c *Content) Report(st *store.Store) report.Reader {
	return report.Reader{Store: st, Text: c.Text, Questions: c.Questions, Walkthroughs: c.Walkthroughs}
}

// SessionView is the stored session with code as the mediator console
// shows it; an unknown code is store.ErrNotFound.
func (k *Kiosk) SessionView(code session.Code) (report.Session, error) {
	return k.Content.Report(k.Store).Session(context.Background(), code)
}

// RenderSummary renders the stored session with code as a PDF.
func RenderSummary(ctx context.Context, st *store.Store, c *Content, code session.Code) ([]byte, error) {
	s, err := c.Report(st).Summary(ctx, code)
	if err != nil {
		return nil, err
	}
	return printing.Render(s, c.Text.T)
}

// Printer is the printer configured in the settings, or the system default.
func Printer(ctx context.Context, st *store.Store, dataDir string) printing.Printer {
	name, _ := st.Setting(ctx, settings.Printer, "")
	return printing.System(name, filepath.Join(dataDir, SummariesDirName))
}

// PrintSummaryWith renders the stored session with code and prints it
// with p.
func PrintSummaryWith(ctx context.Context, st *store.Store, c *Content, p printing.Printer, code session.Code) error {
	pdf, err := RenderSummary(ctx, st, c, code)
	if err != nil {
		return err
	}
	return p.Print(ctx, pdf, printing.JobTitle(code.String()))
}

// PrintSummary prints the session with code on the printer of the
// settings (read at each print, so a change in the console applies at
// once). On failure the session stays as it was: the mediator can reprint
// it by code.
func (k *Kiosk) PrintSummary(code session.Code) error {
	ctx := context.Background()
	err := PrintSummaryWith(ctx, k.Store, k.Content, Printer(ctx, k.Store, k.DataDir), code)
	if err != nil {
		k.Log.WithError(err).WithField("code", code.String()).Warn("the summary was not printed; it can be reprinted by code")
		return err
	}
	k.Log.WithField("code", code.String()).Info("summary printed")
	return nil
}

// PrintTestPage prints the first start's test page, with the centre's
// name, on the printer of the settings.
func (k *Kiosk) PrintTestPage() error {
	ctx := context.Background()
	centre, _ := k.Store.Setting(ctx, settings.CentreName, "")
	pdf, err := printing.TestPage(centre, time.Now())
	if err == nil {
		err = Printer(ctx, k.Store, k.DataDir).Print(ctx, pdf, printing.TestPageTitle)
	}
	if err != nil {
		k.Log.WithError(err).Warn("the test page was not printed")
		return err
	}
	k.Log.Info("test page printed")
	return nil
}
