package console

import (
	"pasapas/app/activity"
	"pasapas/app/session"
)

// For the tests: each console screen opened directly, as the menu does.

var StatsPeriods = statsPeriods

const PadChoose = padChoose

func (s *Screens) ShowSessions(pages []activity.Cursor) { s.showSessions(pages) }
func (s *Screens) ShowSession(code session.Code, back []activity.Cursor) {
	s.showSession(code, back)
}
func (s *Screens) ShowStats(p statsPeriod, page int) { s.showStats(p, page) }
func (s *Screens) ShowExport(p statsPeriod, format string, dir ...string) {
	s.showExport(p, format, dir...)
}
func (s *Screens) ShowSettings()                         { s.showSettings() }
func (s *Screens) ShowNetwork()                          { s.showNetwork() }
func (s *Screens) ShowPlaces(first int, query ...string) { s.showPlaces(first, query...) }
func (s *Screens) ImportPlaces(path string)              { s.importPlaces(path) }
func (s *Screens) ShowContentStatus(pageNo int)          { s.showContentStatus(pageNo) }

// FirstStart puts the gate back to a kiosk's very first start.
func (g *Gate) FirstStart()                           { g.installed, g.setup = false, true }
func (g *Gate) ShowPinPad(mode padMode, first string) { g.showPinPad(mode, first) }
func (g *Gate) ShowSetupCentre()                      { g.showSetupCentre() }
func (g *Gate) ShowSetupKiosk()                       { g.showSetupKiosk() }
func (g *Gate) ShowSetupPrinter()                     { g.showSetupPrinter() }
func (g *Gate) ShowSetupDone()                        { g.showSetupDone() }
func (g *Gate) Uninstalled()                          { g.installed = false }
