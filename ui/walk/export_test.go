package walk

import "pasapas/assessment/walkthrough"

// For the tests: a step's and the checklist's pages as the kiosk cuts
// them, shown without walking a visitor's path to them.

// RunAt is a run of p on step i that records nothing.
func RunAt(s *Screens, p *walkthrough.Procedure, i int) *walkthrough.Run {
	run := walkthrough.NewRun(p, s.Svc.Now, func(string, map[string]string) {})
	run.GoTo(i)
	return run
}

func (s *Screens) StepPages(run *walkthrough.Run) [][]stepPart { return s.stepPages(run) }

func (s *Screens) ShowStepScreen(run *walkthrough.Run, pages [][]stepPart, n int, measure bool) {
	s.Show(s.stepScreen(run, pages, n, measure))
}

func (s *Screens) ShowTip(run *walkthrough.Run)     { s.showTip(run) }
func (s *Screens) ShowWalkEnd(run *walkthrough.Run) { s.showWalkEnd(run) }

func (s *Screens) CutChecklist(run *walkthrough.Run) checklistCut { return s.cutChecklist(run) }
func (c checklistCut) Pages() [][]checkItem                       { return c.pages }

func (s *Screens) ShowChecklistScreen(run *walkthrough.Run, cut checklistCut, items []checkItem, n int) {
	s.Show(s.checklistScreen(run, cut, items, n, false))
}
