// Package shell owns the kiosk's window: the screen on display, the top
// bar on every screen, the idle reset, the crash guard that turns a panic
// in a screen into a clean return to welcome, read-aloud and right-to-left.
// The screen groups (visitor, assess, walk, console) draw in it and reach
// one another through its Flows, filled by ui.Create.
package shell

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"github.com/sirupsen/logrus"

	"pasapas/app/activity"
	"pasapas/app/directory"
	"pasapas/app/health"
	"pasapas/app/i18n"
	"pasapas/app/pin"
	"pasapas/app/report"
	"pasapas/app/session"
	"pasapas/app/speech"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/ui/kit"
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
	// DefaultTextStep indexes kit.TextSteps; each new visitor starts there.
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
	// SessionView reads a stored session in the mediator's words, the
	// same reading the printed summary is made from.
	SessionView func(code session.Code) (report.Session, error)
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
	// Codes finds a returning visitor's earlier session from the code on
	// their paper; nil hides "J'ai déjà un code".
	Codes *session.CodePad
	// Progress is what changed for the visitor of the session with this
	// internal id since their earlier visit (app/store.Store.Progress).
	Progress func(ctx context.Context, sessionID string) (activity.Progress, error)
	// ContentLater: Questions, Walkthroughs and ContentReport come after
	// the window is shown, through Shell.Opening; Speech may come later
	// too (Opening.Voice).
	ContentLater bool
	// NewContent, when set, returns once the content of a network pack
	// that came since the start, else nil; asked on the welcome screen
	// only (ui/visitor/newcontent.go).
	NewContent func() *ContentUpdate
}

// Screen is one full-window page. Buttons and Labels are kept by name so
// tests read like a visitor's actions: test.Tap(s.Buttons["start"]).
type Screen struct {
	Name    string
	Buttons map[string]*kit.Button
	Labels  map[string]*kit.Label
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
	// turned is set once the screen is mirrored for a right-to-left reader.
	turned bool
}

// NewScreen is an empty screen; its builder fills Buttons and Labels.
func NewScreen(name string) *Screen {
	return &Screen{Name: name, Buttons: map[string]*kit.Button{}, Labels: map[string]*kit.Label{}}
}

// Flows are the ways into each screen group, filled by ui.Create: the
// groups reach one another through them and never import one another.
type Flows struct {
	// Start is the first screen: welcome, or the first start's setup.
	Start   func()
	Welcome func()
	Home    func()
	// Assess starts the self-assessment; Procedures lists the walkthroughs.
	Assess     func()
	Procedures func()
	// Mediator opens the mediator's PIN pad (long press on the logo,
	// Ctrl+Alt+M).
	Mediator func()
	// Print prints the visitor's summary, saying how it went;
	// PrintButton is a button for it on sc, hidden without a printer.
	Print       func()
	PrintButton func(sc *Screen) *kit.Button
	// NewContent takes a network pack that came since the start, on
	// welcome only.
	NewContent func()
	// CodePad is "J'ai déjà un code"; Returned greets a visitor whose
	// session follows an earlier one; Progress shows "Vos progrès" after
	// their retaken assessment, then calls then.
	CodePad  func()
	Returned func()
	Progress func(then func())
	// Resume opens walkthrough id at the step with that id.
	Resume func(id, step string)
}

// Walk is a walkthrough begun and not ended: a session that ends under it
// records it as abandoned where the visitor stopped.
type Walk interface{ Abandon() }

// Shell owns the window: the top bar on every screen, the current screen,
// the visitor's language and text size, and the idle reset.
type Shell struct {
	Svc   Services
	Flows Flows
	// Opening holds back what needs the content until it has come.
	Opening *Opening

	app fyne.App
	win fyne.Window

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
	walking Walk
	// jobs counts background work (printing), so tests can wait for it.
	jobs sync.WaitGroup
}

// New builds the shell in w: theme, top bar, keys. It refuses the window's
// close button: only the mediator menu quits. Its Flows are set before the
// first screen (Flows.Start) is shown.
func New(a fyne.App, w fyne.Window, svc Services) *Shell {
	if svc.Now == nil {
		svc.Now = time.Now
	}
	if svc.Log == nil {
		svc.Log = logrus.StandardLogger()
	}
	s := &Shell{app: a, win: w, Svc: svc}
	s.Opening = &Opening{s: s, arrived: !svc.ContentLater}
	s.idle = session.NewIdleWatch(svc.IdleTimeout, svc.IdleGrace, svc.Now)
	// The theme goes first: text measured before it would be cached in
	// Fyne's default font.
	s.resetVisitor()
	s.topBar = newTopBar(s)
	s.body = container.NewStack()
	w.SetContent(container.NewBorder(s.topBar.content, nil, nil, nil, s.body))
	w.SetCloseIntercept(func() { s.Svc.Log.Info("close request refused: the kiosk stays open") })

	c := w.Canvas()
	c.SetOnTypedKey(s.typedKey)
	c.SetOnTypedRune(s.typedRune)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt},
		func(fyne.Shortcut) { s.Act(func() { s.Opening.Then(s.Flows.Mediator) })() })
	return s
}

// TopBar is the top bar's buttons by name (speak, contrast, text.0…2).
func (s *Shell) TopBar() map[string]*kit.Button { return s.topBar.buttons }

// App and Window are the Fyne app and the kiosk's window.
func (s *Shell) App() fyne.App       { return s.app }
func (s *Shell) Window() fyne.Window { return s.win }

// Dark tells whether the visitor chose the dark high-contrast variant.
func (s *Shell) Dark() bool { return s.dark }

// SetLang switches the visitor's language (and the font: Arabic has its
// own).
func (s *Shell) SetLang(code string) {
	s.lang = code
	s.applyTheme()
}

// Activity counts as the visitor's presence for the idle reset.
func (s *Shell) Activity() { s.idle.Activity() }

// Cover keeps the screen on display for Resume to put back, once the
// screen shown over it (the mediator's pad) is done.
func (s *Shell) Cover() {
	if s.screen != nil && s.screen.Name != "idle" {
		s.under = s.screen
	}
}

// Replace puts next in the place of old, whether old is on display or
// covered by the idle prompt; otherwise the visitor has moved on and
// nothing changes.
func (s *Shell) Replace(old, next *Screen) {
	switch old {
	case s.screen:
		s.Show(next)
	case s.under:
		s.under = next
	}
}

// SetWalking keeps the walkthrough on screen (nil once it ended).
func (s *Shell) SetWalking(w Walk) { s.walking = w }

// Walking tells whether a walkthrough is begun and not ended.
func (s *Shell) Walking() bool { return s.walking != nil }

// InBackground runs work off the UI goroutine, then then on it. Tests wait
// for it with Wait.
func (s *Shell) InBackground(work, then func()) {
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		work()
		fyne.Do(func() { s.Guard(then) })
	}()
}

// Wait returns once no background work is running.
func (s *Shell) Wait() { s.jobs.Wait() }

// Screen is the screen on display.
func (s *Shell) Screen() *Screen { return s.screen }

// Lang is the visitor's language.
func (s *Shell) Lang() string { return s.lang }

// TextStep is the visitor's text-size step.
func (s *Shell) TextStep() int { return s.textStep }

// T translates key into the visitor's language.
func (s *Shell) T(key string, args ...string) string { return s.Svc.Text.T(s.lang, key, args...) }

// Show replaces the screen. Focus is cleared so that a focused widget of the
// old screen can never take keys meant for the new one.
func (s *Shell) Show(sc *Screen) {
	s.screen = sc
	if s.RightToLeft() {
		turnRightToLeft(sc)
	}
	s.win.Canvas().Unfocus()
	s.body.Objects = []fyne.CanvasObject{sc.Content}
	s.body.Refresh()
	s.topBar.screenChanged()
	s.topBar.refresh()
}

// Act wraps every visitor action: it counts as activity for the idle reset
// (Fyne has no global input hook, so each handler reports itself) and a
// panic in a screen is caught, logged and turned into a clean restart.
func (s *Shell) Act(f func()) func() {
	return func() {
		s.Guard(func() {
			s.idle.Activity()
			f()
		})
	}
}

// Guard runs f on the UI goroutine, turning a panic into a clean restart.
// Everything that reaches screen code goes through it: handlers (by act),
// the once-a-second Tick, timer callbacks.
func (s *Shell) Guard(f func()) {
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
	s.Svc.Log.WithField("screen", name).Errorf("screen crashed: %s\n%s", panicSummary(r), debug.Stack())
	s.EndSession(session.Abandoned)
	s.under = nil
	s.ShowError(s.T("error.body"))
}

func panicSummary(r any) string {
	if err, ok := r.(runtime.Error); ok {
		return err.Error()
	}
	return fmt.Sprintf("panic with a %T value (not logged: it may hold visitor data)", r)
}

func (s *Shell) typedKey(ev *fyne.KeyEvent) {
	s.Act(func() {
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
	s.Act(func() {
		if s.screen != nil && s.screen.OnRune != nil {
			s.screen.OnRune(r)
		}
	})()
}

// resetVisitor returns language, text size and contrast to the centre's
// defaults: the next visitor sees nothing of the previous one's choices.
func (s *Shell) resetVisitor() {
	s.lang = s.Svc.DefaultLang
	if s.lang == "" {
		s.lang = s.Svc.Text.Reference()
	}
	s.textStep = kit.ClampStep(s.Svc.DefaultTextStep)
	s.dark = false
	s.applyTheme()
}

func (s *Shell) applyTheme() {
	th := kit.NewKiosk(s.textStep, s.dark, s.RightToLeft())
	// Setting a theme makes Fyne drop its parsed fonts and caches and draw
	// every text again: only a change is set (BackToWelcome sets it once
	// per visitor, on purpose).
	if th.Same(s.app.Settings().Theme()) {
		return
	}
	s.app.Settings().SetTheme(th)
}

// SetTextStep changes the text size for this visitor.
func (s *Shell) SetTextStep(step int) {
	s.textStep = kit.ClampStep(step)
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

// StartSession opens a session in the chosen language, as v says (a
// mediator beside the visitor, a visitor coming back), and shows home;
// before the content has come, once it has (Opening).
func (s *Shell) StartSession(v session.Visit) {
	if !s.Opening.arrived {
		s.Opening.Then(func() { s.StartSession(v) })
		return
	}
	if _, err := s.Svc.Sessions.StartVisit(s.lang, v); err != nil {
		s.Svc.Log.WithError(err).Error("could not start a session")
		s.ShowError(s.T("error.storage"))
		return
	}
	if v.Earlier != nil {
		s.Flows.Returned()
		return
	}
	s.Flows.Home()
}

// EndSession stores the end of the open session, if any, and forgets it.
func (s *Shell) EndSession(status session.Status) {
	if s.walking != nil {
		s.walking.Abandon()
		s.walking = nil
	}
	var err error
	if status == session.Finished {
		err = s.Svc.Sessions.Finish()
	} else {
		err = s.Svc.Sessions.Abandon()
	}
	if err != nil {
		s.Svc.Log.WithError(err).Error("could not store the end of the session")
	}
}

// BackToWelcome drops every trace of the visitor on screen and in memory.
//
// It also gives back the memory the visitor's screens held. Fyne keeps the
// fonts it parsed for every theme-override scope (~2 MB apiece) until a
// theme is set, and Go returns freed memory to the system only slowly:
// over a day of visitors both add up to far more than a bare window.
// Setting the theme again drops the fonts; the memory goes back once the
// welcome is drawn.
func (s *Shell) BackToWelcome() {
	s.under = nil
	s.resetVisitor()
	s.app.Settings().SetTheme(kit.NewKiosk(s.textStep, s.dark, s.RightToLeft()))
	time.AfterFunc(time.Second, debug.FreeOSMemory)
	s.Flows.Start()
}

// Tick runs once a second (from the window's ticker, or a test): it raises
// the idle prompt, resets an absent visitor, and ends timed pages.
func (s *Shell) Tick() { s.Guard(s.tick) }

func (s *Shell) tick() {
	if s.screen == nil {
		return
	}
	if !s.screen.Until.IsZero() && !s.Svc.Now().Before(s.screen.Until) {
		s.BackToWelcome()
		return
	}
	if s.screen.NoIdle && s.screen.Name != "idle" {
		s.idle.Activity()
		s.Flows.NewContent()
		return
	}
	phase, left := s.idle.State()
	switch phase {
	case session.Present:
		if s.screen.Name == "idle" {
			s.Resume()
		}
	case session.Asking:
		if s.screen.Name != "idle" {
			s.under = s.screen
			s.Show(s.idleScreen())
		}
		s.screen.Labels["countdown"].SetText(s.T("idle.body", "seconds", strconv.Itoa(int(left.Round(time.Second)/time.Second))))
	case session.Gone:
		s.Svc.Log.Info("visitor gone: session abandoned after the idle timeout")
		s.EndSession(session.Abandoned)
		s.BackToWelcome()
	}
}

// Resume puts back the screen the idle prompt covered.
func (s *Shell) Resume() {
	under := s.under
	s.under = nil
	if under == nil {
		s.Flows.Start()
		return
	}
	s.Show(under)
}

// Run starts the once-a-second ticker; it stops when done is closed.
func (s *Shell) Run(done <-chan struct{}) {
	go session.Every(time.Second, done, func() { fyne.Do(s.Tick) })
}

// ContentUpdate is content that came while the kiosk runs (a network
// pack): what the screens read of it.
type ContentUpdate struct {
	Questions    *assessment.Bank
	Walkthroughs *walkthrough.Set
	Report       *content.Report
}

// FitsScreen lays content out where a page goes on a kit.DesignSize window,
// under the top bar, and tells whether it needs no more room than that.
func (s *Shell) FitsScreen(content fyne.CanvasObject) bool {
	pad := theme.Padding()
	area := kit.DesignSize.SubtractWidthHeight(0, s.topBar.content.MinSize().Height+pad)
	if s.Window().Padded() {
		area = area.SubtractWidthHeight(2*pad, 2*pad)
	}
	content.Resize(area)
	need := content.MinSize()
	return need.Width <= area.Width && need.Height <= area.Height
}

// Console is what the mediator console reads and changes in the store
// (app/store.Store implements it): sessions, statistics, export, purge,
// settings and the local directory.
type Console interface {
	ListSessions(ctx context.Context, after activity.Cursor, limit int) (activity.Page, error)
	// Visits are the visits of a session's code chain, oldest first.
	Visits(ctx context.Context, code session.Code) ([]activity.Summary, error)
	Summary(ctx context.Context, code session.Code) (activity.Summary, error)
	DeleteSession(ctx context.Context, code session.Code) error
	Stats(ctx context.Context, p activity.Period) (activity.Stats, error)
	Export(ctx context.Context, w io.Writer, from, to time.Time, format string, opts activity.Options) (int, error)
	Purge(ctx context.Context, before time.Time) (int, error)
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	Places(ctx context.Context) ([]directory.Place, error)
	ReplacePlaces(ctx context.Context, places []directory.Place) error
}
