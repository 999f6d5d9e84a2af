package ui

import (
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
)

// ContentUpdate is content that came while the kiosk runs (a network
// pack): what the screens read of it.
type ContentUpdate struct {
	Questions    *assessment.Bank
	Walkthroughs *walkthrough.Set
	Report       *content.Report
}

// takeNewContent swaps in content that came since the start, at a quiet
// moment only: the welcome screen, no visitor session, no walkthrough
// under way. A visitor never sees steps change under their eyes.
func (s *Shell) takeNewContent() {
	if s.svc.NewContent == nil || s.screen == nil || s.screen.Name != "welcome" || s.walking != nil || s.svc.Sessions.Current() != nil {
		return
	}
	u := s.svc.NewContent()
	if u == nil {
		return
	}
	s.svc.Questions, s.svc.Walkthroughs, s.svc.ContentReport = u.Questions, u.Walkthroughs, u.Report
	s.svc.Log.Info("new content taken on the welcome screen")
}
