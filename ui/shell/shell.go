// Package ui builds the kiosk's Fyne screens. It talks to the session service
// and the PIN guard of app/, never to SQL, and holds no scoring logic.
package ui

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/i18n"
	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/app/speech"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
)

// Services is what the screens need from the rest of the kiosk.
type Services struct {
	Sessions *session.Service
	PIN      *pin.Guard
	Text     *i18n.Catalogue
	Log      logrus.FieldLogger
	// Now is the clock; tests inject one to drive the idle reset.
	Now         func() time.Time
	IdleTimeout time.Duration
	IdleGrace   time.Duration
	DefaultLang string
	// DefaultTextStep indexes TextSteps; each new visitor starts there.
	DefaultTextStep int
	// Quit closes the kiosk; only the mediator menu offers it.
	Quit func()
	// Speech reads screens aloud; nil or without a voice for the visitor's
	// language, the speaker button is hidden.
	Speech *speech.Speaker
	// AutoRead reads each new screen without a tap (setting speech.auto).
	AutoRead bool
	// Restart closes the kiosk and starts it again (settings are read at
	// start); nil hides the button.
	Restart func()
	// Console is the store as the mediator console uses it.
	Console Console
	// ContentReport says which content files loaded and which were refused.
	ContentReport *content.Report
	// Health lists the problems the mediator console shows (may be nil in
	// tests that do not look at it).
	Health *health.Board
	// PrintSummary prints the summary of the session with code and
	// returns once the printer is done or has failed; nil hides printing.
	PrintSummary func(code session.Code) error
	// PrintTestPage prints the first start's test page; nil hides the
	// printer step.
	PrintTestPage func() error
	// CodeFromInstaller: the mediator code came from the installer at this
	// start, so the first start's setup still asks the rest.
	CodeFromInstaller bool
	// PushNow sends the ended sessions to the territory hub now and
	// returns how many left and how many still wait; nil hides the button.
	PushNow func() (sent, waiting int, err error)
	// Questions is the self-assessment's bank; Assessments stores results.
	Questions   *assessment.Bank
	Assessments assessment.Store
	// Walkthroughs are the procedures of "Suivre une démarche pas à pas".
	Walkthroughs *walkthrough.Set
	// NewContent, when set, returns once the content of a network pack
	// that came since the start, else nil; asked on the welcome screen
	// only (newcontent.go).
	NewContent func() *ContentUpdate
}

// Screen is one full-window page. Buttons and Labels are kept by name so
// tests read like a visitor's actions: test.Tap(s.Buttons["start"]).
type Screen struct {
	Name    string
	Buttons map[string]*Button
	Labels  map[string]*widget.Label
	Content fyne.CanvasObject
	// OnKey handles keys the focused widget did not take; true when used.
	OnKey func(*fyne.KeyEvent) bool
	// OnRune handles typed characters (digits on the PIN pad, answer keys).
	OnRune func(rune)
	// Back is what Escape does; nil when there is no way back.
	Back func()
	// NoIdle screens (welcome) have no visitor to time out.
	NoIdle bool
	// Redraw, when set, builds the screen again after a change of text
	// size: a screen cut into pages for one size is cut again.
	Redraw func()
	// Until, when set, returns to welcome at that time (the goodbye page).
	Until time.Time
	// Speech is what the speaker button reads (question and answers, step
	// instruction). Empty: the screen's visible texts, in reading order.
	Speech string
}

func newScreen(name string) *Screen {
	return &Screen{Name: name, Buttons: map[string]*Button{}, Labels: map[string]*widget.Label{}}
}

// Shell owns the window: the top bar on every screen, the current screen,
// the visitor's language and text size, and the idle reset.
type Shell struct {
	app fyne.App
	win fyne.Window
	svc Services

	lang     string
	textStep int
	dark     bool
	idle     *session.IdleWatch

	screen *Screen
	// under is the screen the idle prompt or the mediator pad covers.
	under  *Screen
	topBar *topBar
	body   *fyne.Container
	// walking is the walkthrough begun and not yet ended.
	walking *walkRun
	// setup is set while the first start's setup is on screen; installed
	// once a mediator code is known to exist (see ui/setup.go).
	setup, installed bool
	// jobs counts background work (printing), so tests can wait for it.
	jobs sync.WaitGroup
}

// Create builds the kiosk in w and shows the welcome screen. It refuses the
// window's close button: only the mediator menu quits.
func Create(a fyne.App, w fyne.Window, svc Services) *Shell {
	if svc.Now == nil {
		svc.Now = time.Now
	}
	if svc.Log == nil {
		svc.Log = logrus.StandardLogger()
	}
	s := &Shell{app: a, win: w, svc: svc}
	s.idle = session.NewIdleWatch(svc.IdleTimeout, svc.IdleGrace, svc.Now)
	// The theme goes first: text measured before it would be cached in
	// Fyne's default font.
	s.resetVisitor()
	s.topBar = newTopBar(s)
	s.body = container.NewStack()
	w.SetContent(container.NewBorder(s.topBar.content, nil, nil, nil, s.body))
	w.SetCloseIntercept(func() { s.svc.Log.Info("close request refused: the kiosk stays open") })

	c := w.Canvas()
	c.SetOnTypedKey(s.typedKey)
	c.SetOnTypedRune(s.typedRune)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt},
		func(fyne.Shortcut) { s.act(s.openMediator)() })
	s.showStart()
	return s
}

// Screen is the screen on display.
func (s *Shell) Screen() *Screen { return s.screen }

// Lang is the visitor's language.
func (s *Shell) Lang() string { return s.lang }

// TextStep is the visitor's text-size step.
func (s *Shell) TextStep() int { return s.textStep }

// T translates key into the visitor's language.
func (s *Shell) T(key string, args ...string) string { return s.svc.Text.T(s.lang, key, args...) }

// show replaces the screen. Focus is cleared so that a focused widget of the
// old screen can never take keys meant for the new one.
func (s *Shell) show(sc *Screen) {
	s.screen = sc
	if s.rightToLeft() {
		alignRight(sc.Content)
	}
	s.win.Canvas().Unfocus()
	s.body.Objects = []fyne.CanvasObject{sc.Content}
	s.body.Refresh()
	s.screenChanged()
	s.topBar.refresh()
}

// act wraps every visitor action: it counts as activity for the idle reset
// (Fyne has no global input hook, so each handler reports itself) and a
// panic in a screen is caught, logged and turned into a clean restart.
func (s *Shell) act(f func()) func() {
	return func() {
		s.guard(func() {
			s.idle.Activity()
			f()
		})
	}
}

// guard runs f on the UI goroutine, turning a panic into a clean restart.
// Everything that reaches screen code goes through it: handlers (by act),
// the once-a-second Tick, timer callbacks.
func (s *Shell) guard(f func()) {
	defer s.recoverScreen()
	f()
}

func (s *Shell) recoverScreen() {
	r := recover()
	if r == nil {
		return
	}
	name := ""
	if s.screen != nil {
		name = s.screen.Name
	}
	// The stack names code, not data: nothing a visitor typed is in it. The
	// panic value may hold anything (a typed word in an error), so only the
	// runtime's own messages, made of numbers and types, are logged in full.
	s.svc.Log.WithField("screen", name).Errorf("screen crashed: %s\n%s", panicSummary(r), debug.Stack())
	s.endSession(session.Abandoned)
	s.under = nil
	s.showError(s.T("error.body"))
}

func panicSummary(r any) string {
	if err, ok := r.(runtime.Error); ok {
		return err.Error()
	}
	return fmt.Sprintf("panic with a %T value (not logged: it may hold visitor data)", r)
}

func (s *Shell) typedKey(ev *fyne.KeyEvent) {
	s.act(func() {
		if s.screen == nil {
			return
		}
		if s.screen.OnKey != nil && s.screen.OnKey(ev) {
			return
		}
		if ev.Name == fyne.KeyEscape && s.screen.Back != nil {
			s.screen.Back()
		}
	})()
}

func (s *Shell) typedRune(r rune) {
	s.act(func() {
		if s.screen != nil && s.screen.OnRune != nil {
			s.screen.OnRune(r)
		}
	})()
}

// resetVisitor returns language, text size and contrast to the centre's
// defaults: the next visitor sees nothing of the previous one's choices.
func (s *Shell) resetVisitor() {
	s.lang = s.svc.DefaultLang
	if s.lang == "" {
		s.lang = s.svc.Text.Reference()
	}
	s.textStep = clampStep(s.svc.DefaultTextStep)
	s.dark = false
	s.applyTheme()
}

func (s *Shell) applyTheme() {
	th := newKioskTheme(s.textStep, s.dark)
	th.arabic = s.rightToLeft()
	// Setting a theme makes Fyne drop its parsed fonts and caches and draw
	// every text again; each return to welcome asks for the theme already
	// set, so only a change is set.
	if cur, ok := s.app.Settings().Theme().(*kioskTheme); ok && cur.step == th.step && cur.dark == th.dark && cur.arabic == th.arabic {
		return
	}
	s.app.Settings().SetTheme(th)
}

// SetTextStep changes the text size for this visitor.
func (s *Shell) SetTextStep(step int) {
	s.textStep = clampStep(step)
	s.applyTheme()
	s.topBar.refresh()
	if s.screen != nil && s.screen.Redraw != nil {
		s.screen.Redraw()
	}
}

// SetDark switches the dark high-contrast variant for this visitor.
func (s *Shell) SetDark(dark bool) {
	s.dark = dark
	s.applyTheme()
	s.topBar.refresh()
}

// startSession opens a session in the chosen language and shows home.
func (s *Shell) startSession() {
	if _, err := s.svc.Sessions.Start(s.lang); err != nil {
		s.svc.Log.WithError(err).Error("could not start a session")
		s.showError(s.T("error.storage"))
		return
	}
	s.showHome()
}

// endSession stores the end of the open session, if any, and forgets it.
func (s *Shell) endSession(status session.Status) {
	s.abandonWalk()
	var err error
	if status == session.Finished {
		err = s.svc.Sessions.Finish()
	} else {
		err = s.svc.Sessions.Abandon()
	}
	if err != nil {
		s.svc.Log.WithError(err).Error("could not store the end of the session")
	}
}

// backToWelcome drops every trace of the visitor on screen and in memory.
func (s *Shell) backToWelcome() {
	s.under = nil
	s.resetVisitor()
	s.showStart()
}

// Tick runs once a second (from the window's ticker, or a test): it raises
// the idle prompt, resets an absent visitor, and ends timed pages.
func (s *Shell) Tick() { s.guard(s.tick) }

func (s *Shell) tick() {
	if s.screen == nil {
		return
	}
	if !s.screen.Until.IsZero() && !s.svc.Now().Before(s.screen.Until) {
		s.backToWelcome()
		return
	}
	if s.screen.NoIdle && s.screen.Name != "idle" {
		s.idle.Activity()
		s.takeNewContent()
		return
	}
	phase, left := s.idle.State()
	switch phase {
	case session.Present:
		if s.screen.Name == "idle" {
			s.resume()
		}
	case session.Asking:
		if s.screen.Name != "idle" {
			s.under = s.screen
			s.show(s.idleScreen())
		}
		s.screen.Labels["countdown"].SetText(s.T("idle.body", "seconds", strconv.Itoa(int(left.Round(time.Second)/time.Second))))
	case session.Gone:
		s.svc.Log.Info("visitor gone: session abandoned after the idle timeout")
		s.endSession(session.Abandoned)
		s.backToWelcome()
	}
}

// resume puts back the screen the idle prompt covered.
func (s *Shell) resume() {
	under := s.under
	s.under = nil
	if under == nil {
		s.showStart()
		return
	}
	s.show(under)
}

// Run starts the once-a-second ticker; it stops when done is closed.
func (s *Shell) Run(done <-chan struct{}) {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fyne.Do(s.Tick)
			}
		}
	}()
}
