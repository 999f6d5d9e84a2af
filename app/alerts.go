package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/store"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
)

// SettingDismissedFiles lists (one per line) the moved-aside database files
// whose alert the mediator has dismissed.
const SettingDismissedFiles = "health.dismissed_files"

// raiseDatabaseAlerts puts on the board every moved-aside database file not
// yet dismissed, so the alert outlives a restart until someone has read it;
// dismissing one is remembered in the settings.
func raiseDatabaseAlerts(ctx context.Context, st *store.Store, board *health.Board, dataDir string, log logrus.FieldLogger) {
	dismissed, err := st.Setting(ctx, SettingDismissedFiles, "")
	if err != nil {
		log.WithError(err).Warn("reading the dismissed alerts")
	}
	seen := strings.Split(dismissed, "\n")
	for _, name := range store.MovedAsideFiles(dataDir) {
		if !slices.Contains(seen, name) {
			board.Raise(health.DatabaseMovedAside, name)
		}
	}
	board.OnDismiss(func(a health.Alert) {
		if a.Kind != health.DatabaseMovedAside {
			return
		}
		list, err := st.Setting(ctx, SettingDismissedFiles, "")
		if err == nil {
			err = st.SetSetting(ctx, SettingDismissedFiles, strings.TrimPrefix(list+"\n"+a.Detail, "\n"))
		}
		if err != nil {
			log.WithError(err).Warn("remembering a dismissed alert")
		}
	})
}

// raiseRejectedContent puts every content file refused at loading on the
// board.
func raiseRejectedContent(board *health.Board, report *content.Report) {
	for _, f := range report.Rejected() {
		board.Raise(health.ContentRejected, f.Err.Error())
	}
}

// raiseStaleWalkthroughs puts on the board every walkthrough whose steps
// were last compared with their sources more than StaleAfter months before
// now: what it tells visitors may no longer be true.
func raiseStaleWalkthroughs(board *health.Board, walks *walkthrough.Set, now time.Time) {
	for _, p := range walks.All() {
		if p.Stale(now) {
			board.Raise(health.ContentStale, fmt.Sprintf("%s (%s, vérifiée le %s)", p.Title.In(walkthrough.Reference), p.File, checkedDay(p)))
		}
	}
}

// checkedDay is the day a walkthrough was checked, as 23/11/2026, or « ? »
// when its file does not say.
func checkedDay(p *walkthrough.Procedure) string {
	if p.CheckedOn().IsZero() {
		return "?"
	}
	return p.CheckedOn().Format("02/01/2006")
}
