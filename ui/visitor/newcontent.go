package visitor

// TakeNewContent swaps in content that came since the start, at a quiet
// moment only: the welcome screen, no visitor session, no walkthrough
// under way. A visitor never sees steps change under their eyes.
func (s *Screens) TakeNewContent() {
	if s.Svc.NewContent == nil || s.Screen() == nil || s.Screen().Name != "welcome" || s.Walking() || s.Svc.Sessions.Current() != nil {
		return
	}
	u := s.Svc.NewContent()
	if u == nil {
		return
	}
	s.Svc.Questions, s.Svc.Walkthroughs, s.Svc.ContentReport = u.Questions, u.Walkthroughs, u.Report
	s.Svc.Log.Info("new content taken on the welcome screen")
}
