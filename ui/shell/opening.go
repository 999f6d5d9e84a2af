package shell

import (
	"pasapas/app/speech"
	"pasapas/ui/kit"
)

// Opening holds back what needs the content until it has come: the window
// shows the welcome screen first and the kiosk loads the walkthroughs and
// questions behind it (Services.ContentLater). A visitor who taps
// "Commencer" before sees "Un instant…", then goes on by themselves.
type Opening struct {
	s       *Shell
	arrived bool
	// waiting runs once the content is there, in the order asked.
	waiting []func()
}

// Then runs f now when the content is there, else shows "Un instant…" and
// runs f when it comes.
func (o *Opening) Then(f func()) {
	if o.arrived {
		f()
		return
	}
	o.waiting = append(o.waiting, f)
	sc := NewScreen("wait")
	sc.NoIdle = true
	sc.Content = kit.Page(sc.Heading("title", o.s.T("welcome.wait")))
	o.s.Show(sc)
}

// Content takes the content that came after the window, then does what was
// waiting for it. Call it on Fyne's goroutine.
func (o *Opening) Content(u ContentUpdate) {
	o.s.Svc.Questions, o.s.Svc.Walkthroughs, o.s.Svc.ContentReport = u.Questions, u.Walkthroughs, u.Report
	o.arrived = true
	waiting := o.waiting
	o.waiting = nil
	for _, f := range waiting {
		f()
	}
}

// Voice takes the speech engine found after the window: the speaker button
// appears if it has a voice for the visitor's language, and the screen on
// display is read when the centre chose to read each screen.
func (o *Opening) Voice(sp *speech.Speaker) {
	o.s.Svc.Speech = sp
	o.s.topBar.refresh()
	if o.s.Svc.AutoRead {
		o.s.topBar.speak()
	}
}
