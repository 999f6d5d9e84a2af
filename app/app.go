// Package app is the kiosk's life cycle: the data directory, the store,
// logging, the content, opening the services and running the window. The
// command line is app/cli; the window itself is built by ui/launch, handed
// in by main so that app never depends on the UI.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/i18n"
	"pasapas/app/logging"
	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/speech"
	"pasapas/app/store"
	kiosksync "pasapas/app/sync"
	"pasapas/assessment"
	"pasapas/assessment/content"
)

// Version is the program's version; FyneApp.toml carries the same one.
const Version = "0.1.0"

const (
	defaultIdle = 120 * time.Second
	idleGrace   = 30 * time.Second
)

// Kiosk is everything the window needs, opened and ready.
type Kiosk struct {
	// CodeFromInstaller: the mediator code was taken from the installer's
	// file at this start (MachinePINFile).
	CodeFromInstaller bool
	DataDir           string
	Windowed          bool
	Store             *store.Store
	Sessions          *session.Service
	PIN               *pin.Guard
	// Codes finds a returning visitor's earlier session from the code they
	// type ("J'ai déjà un code"), slowed after wrong codes; its answer goes
	// to Sessions.StartVisit.
	Codes           *session.CodePad
	Text            *i18n.Catalogue
	Content         *Content
	ContentReport   *content.Report
	Log             *logrus.Logger
	IdleTimeout     time.Duration
	IdleGrace       time.Duration
	DefaultLang     string
	DefaultTextStep int
	// Speech reads screens aloud; its Status tells the mediator console
	// which voice is used, or why there is none.
	Speech   *speech.Speaker
	AutoRead bool
	// Health lists the problems the mediator console shows.
	Health *health.Board
	// Retention purges expired sessions at start and once a day.
	Retention *Retention
	// Assessments stores self-assessment results; like Sessions and PIN,
	// a failed write raises an alert on Health.
	Assessments assessment.Store
	// Later brings what Begin left to the background; Open has taken it
	// already.
	Later Later
	// packs is the network pack on screen and the one waiting (packs.go).
	packs packState
}

// RunWindow shows the kiosk window until it quits.
type RunWindow func(*Kiosk) error

// Run opens the kiosk of dataDir and shows its window with run until the
// mediator quits it, starting it again when asked. The log goes to
// dataDir's log file and to logOut; when the kiosk cannot start, alert
// tells the person at the screen why, in French.
func Run(dataDir string, windowed bool, logOut io.Writer, alert func(title, text string), run RunWindow) error {
	// The log comes first: on a PC whose OpenGL driver is missing the window
	// can fail before anything else is said, and the log must tell why.
	log, closer, err := logging.Setup(dataDir, logOut)
	defer closer.Close()
	if err != nil {
		log.WithError(err).Error("the log file cannot be written; logging to stderr only")
	}
	if os.Getenv("GOGC") == "" {
		// A kiosk's live heap is small (~30 MB) and its CPU mostly idle:
		// collecting at +50 % instead of Go's +100 % keeps ~12 MB less
		// resident after a few visitors (make bench's day run).
		debug.SetGCPercent(50)
	}
	k, err := Begin(dataDir, log)
	if err != nil {
		log.WithError(err).Error("the kiosk cannot start")
		alert("Pas à Pas ne peut pas démarrer", startFailure(err, dataDir))
		return err
	}
	defer k.Store.Close()
	k.Windowed = windowed
	log.WithFields(logrus.Fields{"version": Version, "data_dir": dataDir, "windowed": windowed}).Info("kiosk starting")
	done := make(chan struct{})
	defer close(done)
	go func() {
		<-k.Later.proceed
		k.Retention.Purge(context.Background())
		k.Retention.Keep(done)
	}()
	// Pushing to the hub runs beside the window and never holds a visitor
	// up: nothing set, it only looks at the settings every few minutes.
	go (&kiosksync.Pusher{Store: k.Store, Board: k.Health, Log: log, Pack: k.PackFetcher()}).Run(done)
	err = run(k)
	var late *LateError
	if errors.As(err, &late) {
		log.WithError(late.Err).Error("the kiosk cannot go on")
		alert("Pas à Pas ne peut pas démarrer", startFailure(late.Err, dataDir))
		return late.Err
	}
	if errors.Is(err, ErrRestart) {
		log.Info("kiosk restarting")
		// The new run opens the file: close it first, journal checkpointed.
		k.Store.Close()
		if err = startAgain(); err == nil {
			return nil
		}
	}
	if err != nil {
		log.WithError(err).Error("the kiosk window failed")
		return err
	}
	log.Info("kiosk stopped")
	return nil
}

// LateError is what the window returns when the content Begin loaded in
// the background cannot be used (Settle's error): the kiosk stops, and the
// person at the screen is told why, as when the start fails.
type LateError struct{ Err error }

func (e *LateError) Error() string { return e.Err.Error() }
func (e *LateError) Unwrap() error { return e.Err }

// startFailure says, in French for the centre, why the kiosk did not start
// and what to do.
func startFailure(err error, dataDir string) string {
	var newer *store.NewerSchemaError
	if errors.As(err, &newer) {
		return "Les données viennent d'une version plus récente du programme.\n" +
			"Installez la dernière version de Pas à Pas. Les données n'ont pas été modifiées (" +
			filepath.Join(dataDir, store.FileName) + ")."
	}
	return "Cause : " + err.Error() + "\n\nLe journal " + filepath.Join(dataDir, logging.FileName) +
		" donne le détail."
}

// Open prepares the data directory, the store and the services, and waits
// for what Begin leaves to the background: the command line and the tests
// use it.
func Open(dataDir string, log *logrus.Logger) (*Kiosk, error) {
	k, err := Begin(dataDir, log)
	if err != nil {
		return nil, err
	}
	k.Continue()
	if err := k.Settle(<-k.Later.Content); err != nil {
		k.Store.Close()
		return nil, err
	}
	k.Speech = <-k.Later.Voice
	log.Info(k.Speech.Status(k.Text.Codes()))
	k.Retention.Purge(context.Background())
	return k, nil
}

// Later is what Begin finishes in the background; each channel delivers
// once.
type Later struct {
	// Content is the walkthroughs and questions, or why the kiosk cannot
	// use them; Settle takes it.
	Content <-chan Loaded
	// Voice is the speech engine found: looking runs a program (PowerShell
	// on Windows, whose cold start on an old PC takes seconds).
	Voice <-chan *speech.Speaker
	// proceed lets the loading start (Continue).
	proceed   chan struct{}
	proceeded sync.Once
}

// Continue starts what Begin left for later: the window calls it once it
// is up, so that loading does not slow its start; Open calls it at once.
func (k *Kiosk) Continue() { k.Later.proceeded.Do(func() { close(k.Later.proceed) }) }

// Loaded is the content as LoadDataDir returned it.
type Loaded struct {
	Content *Content
	Report  *content.Report
	Err     error
}

// Begin opens what the welcome screen needs: the store, the texts, the
// settings, the services. The content, the voice and the retention purge
// are none of it (the welcome shows no walkthrough and no question, and
// parsing them is most of opening the kiosk): they go on in the background
// from Continue and arrive on k.Later, so the window comes first. A broken built-in text
// file still stops the start here.
func Begin(dataDir string, log *logrus.Logger) (*Kiosk, error) {
	ctx := context.Background()
	// PASAPAS_SPEECH_WAV makes speech WAV files instead of sound, for the
	// end-to-end test under Xvfb, which has no sound card.
	// They wait for Continue: started beside the window's own start, they
	// would take the cores it needs.
	proceed := make(chan struct{})
	voices := make(chan *speech.Speaker, 1)
	go func() {
		<-proceed
		voices <- speech.Detect(ctx, os.Getenv("PASAPAS_SPEECH_WAV"))
	}()
	contents := make(chan Loaded, 1)
	go func() {
		<-proceed
		c, report, err := LoadDataDir(dataDir)
		contents <- Loaded{c, report, err}
	}()
	texts := make(chan textsLoaded, 1)
	go func() {
		text, err := builtInTexts()
		texts <- textsLoaded{text, err}
	}()
	st, moved, err := store.OpenRecovering(dataDir)
	if err != nil {
		return nil, err
	}
	if moved != "" {
		log.WithField("moved_to", filepath.Base(moved)).Error("the database file was damaged or not ours: moved aside, a fresh one was created")
	}
	// Before any visitor's session: a session left open by a stop is over.
	if n, err := st.AbandonOpenSessions(ctx); err != nil {
		log.WithError(err).Warn("closing sessions left open")
	} else if n > 0 {
		log.WithField("sessions", n).Warn("sessions left open by a stop were marked abandoned")
	}
	fromInstaller, err := adoptMachinePIN(st, log)
	if err != nil {
		// The kiosk still starts: its first start then asks for a code.
		log.WithError(err).Warn("reading the installer's mediator code")
	}
	board := health.NewBoard(nil)
	raiseDatabaseAlerts(ctx, st, board, dataDir, log)
	got := <-texts
	if got.err != nil {
		st.Close()
		return nil, fmt.Errorf("built-in content: %w", got.err)
	}
	text := got.text
	watched := store.Watch(st, board)
	setting := func(key, def string) string {
		v, err := st.Setting(ctx, key, def)
		if err != nil {
			log.WithError(err).WithField("key", key).Warn("reading a setting; using the default")
			return def
		}
		return v
	}
	idle := defaultIdle
	if v, err := settings.Validate(settings.IdleSeconds, setting(settings.IdleSeconds, "")); err == nil {
		secs, _ := strconv.Atoi(v)
		idle = time.Duration(secs) * time.Second
	}
	step, _ := strconv.Atoi(setting(settings.TextStep, "0"))
	autoRead, _ := strconv.ParseBool(setting(settings.SpeechAuto, "false"))
	return &Kiosk{
		CodeFromInstaller: fromInstaller,
		DataDir:           dataDir,
		Store:             st,
		Sessions:          session.NewService(watched, setting(settings.KioskID, settings.DefaultKioskID), nil),
		PIN:               pin.NewGuard(watched, nil),
		Codes:             session.NewCodePad(watched, retentionCutoff(st), nil),
		Text:              text,
		Log:               log,
		Health:            board,
		Retention:         NewRetention(st, board, log, nil),
		Assessments:       watched,
		IdleTimeout:       idle,
		IdleGrace:         idleGrace,
		DefaultLang:       setting(settings.Language, text.Reference()),
		DefaultTextStep:   step,
		AutoRead:          autoRead,
		Later:             Later{Content: contents, Voice: voices, proceed: proceed},
	}, nil
}

type textsLoaded struct {
	text *i18n.Catalogue
	err  error
}

// Settle takes the content Begin loaded in the background: the kiosk uses
// it from then on, and the mediator's board lists the files refused and
// the walkthroughs due for a check. Its error (a broken built-in file)
// means the kiosk cannot go on. Call it where the content is read (the
// window's goroutine).
func (k *Kiosk) Settle(l Loaded) error {
	if l.Err != nil {
		return l.Err
	}
	logReport(k.Log, l.Report)
	raiseRejectedContent(k.Health, l.Report)
	raiseStaleWalkthroughs(k.Health, l.Content.Walkthroughs, time.Now())
	k.Content, k.ContentReport = l.Content, l.Report
	k.showingPack(l.Content.Pack)
	return nil
}
