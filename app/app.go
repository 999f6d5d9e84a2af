// Package app runs Pas à Pas: the command line, the data directory, the
// store, logging, and the kiosk's life cycle. The window itself is built by
// ui/launch, handed in by main so that app never depends on the UI.
package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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

// DBFileName is the SQLite file in the data directory.
const DBFileName = "pasapas.db"

// Settings keys stored in the database, with their defaults.
const (
	SettingKioskID     = settings.KioskID
	SettingIdleSeconds = settings.IdleSeconds
	SettingLanguage    = settings.Language
	SettingTextStep    = settings.TextStep
)

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
	Text              *i18n.Catalogue
	Content           *Content
	ContentReport     *content.Report
	Log               *logrus.Logger
	IdleTimeout       time.Duration
	IdleGrace         time.Duration
	DefaultLang       string
	DefaultTextStep   int
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
	// packs is the network pack on screen and the one waiting (packs.go).
	packs packState
}

// RunWindow shows the kiosk window until it quits.
type RunWindow func(*Kiosk) error

// IO is the process's standard streams, and Alert, which tells the person
// at the screen why the kiosk cannot start: on Windows the kiosk is a GUI
// program whose standard error goes nowhere. A nil Alert writes to Err.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	Alert    func(title, text string)
}

func (std IO) alert(title, text string) {
	if std.Alert != nil {
		std.Alert(title, text)
		return
	}
	fmt.Fprintf(std.Err, "%s\n%s\n", title, text)
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

const usage = `Pas à Pas — borne d'autodiagnostic et d'accompagnement numérique

Usage:
  pasapas [--windowed] [--data-dir DIR]   lance la borne (plein écran)
  pasapas version                         affiche la version
  pasapas set-pin [--data-dir DIR] [--every-account]
                                          choisit le code médiateur (lu sur l'entrée standard) ;
                                          --every-account : pour tous les comptes du PC (installateur)
  pasapas check-content [DIR]             vérifie les fichiers de contenu (par défaut DIR = <data-dir>/content)
                                          et donne des conseils de français facile (FALC)
  pasapas export [--from JOUR] [--to JOUR] --format csv|json|coop --out FICHIER
                                          exporte le compte-rendu d'activité (sans dates : tout ;
                                          coop : un .xlsx comme l'export « Activités » de la Coop)
  pasapas stats [--from JOUR] [--to JOUR] affiche les statistiques (par défaut : 365 jours)
  pasapas purge [--older-than JOURS]      supprime les sessions plus anciennes (par défaut : la durée de conservation)
  pasapas simulate --sessions N [--days D] [--seed S]
                                          ajoute N sessions fictives (démonstration, mesures)
  pasapas summary --code ABC-DEF [--out FICHIER.pdf] [--print]
                                          écrit et/ou imprime le résumé d'une séance
  pasapas places import FICHIER.csv       remplace l'annuaire des lieux (standard national, 0.x ou 1.x)
  pasapas places list [--orientation CODE]
                                          lieux proposés : distance en km, nom, commune
  pasapas settings get CLÉ | set CLÉ VALEUR | list
                                          lit ou change un réglage (list : tous, avec leur sens)
  pasapas sync                            envoie maintenant les sessions au hub du réseau (sync.url, sync.token)
  pasapas hub serve|add-centre|revoke-centre|add-user ...
                                          le hub du réseau sur PostgreSQL (pasapas hub help)
  pasapas help                            affiche cette aide

Options:
  --windowed       fenêtre ordinaire de 1280×800 (développement)
  --data-dir DIR   dossier des données (par défaut : %s)
  JOUR             une date AAAA-MM-JJ, incluse
`

// Main runs the command in args and returns the process exit code.
func Main(args []string, std IO, run RunWindow) int {
	cmd := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "":
		return runKiosk(args, std, run)
	case "version":
		fmt.Fprintf(std.Out, "pasapas %s\n", Version)
		return exitOK
	case "set-pin":
		return setPINCmd(args, std)
	case "check-content":
		return checkContentCmd(args, std)
	case "export":
		return exportCmd(args, std)
	case "purge":
		return purgeCmd(args, std)
	case "stats":
		return statsCmd(args, std)
	case "simulate":
		return simulateCmd(args, std)
	case "summary":
		return summaryCmd(args, std)
	case "places":
		return placesCmd(args, std)
	case "settings":
		return settingsCmd(args, std)
	case "sync":
		return syncCmd(args, std)
	case "hub":
		return hubCmd(args, std)
	case "help":
		printUsage(std.Out)
		return exitOK
	}
	fmt.Fprintf(std.Err, "pasapas: commande inconnue %q\n\n", cmd)
	printUsage(std.Err)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, usage, DefaultDataDir())
}

// DefaultDataDir is the OS user config dir + "pasapas".
func DefaultDataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "pasapas-data"
	}
	return filepath.Join(dir, "pasapas")
}

// flags returns a flag set with the options every command shares.
func flags(name string, std IO) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(flagMessages{command: name, w: std.Err})
	// parse prints the help, or a short hint after a mistake.
	fs.Usage = func() {}
	dataDir := fs.String("data-dir", DefaultDataDir(), "")
	return fs, dataDir
}

// parseOptions parses args' options, leaving the other arguments in fs;
// it returns the exit code to stop with, or -1 to go on.
func parseOptions(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(fs.Output())
			return exitOK
		}
		fmt.Fprintln(fs.Output(), "pasapas help : toutes les commandes et leurs options")
		return exitUsage
	}
	return -1
}

// parse parses args; it returns the exit code to stop with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	if code := parseOptions(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "pasapas %s : argument inattendu « %s »\n", fs.Name(), fs.Arg(0))
		return exitUsage
	}
	return -1
}

func runKiosk(args []string, std IO, run RunWindow) int {
	fs, dataDir := flags("pasapas", std)
	windowed := fs.Bool("windowed", false, "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	// The log comes first: on a PC whose OpenGL driver is missing the window
	// can fail before anything else is said, and the log must tell why.
	log, closer, err := logging.Setup(*dataDir, std.Err)
	defer closer.Close()
	if err != nil {
		log.WithError(err).Error("the log file cannot be written; logging to stderr only")
	}
	k, err := Open(*dataDir, log)
	if err != nil {
		log.WithError(err).Error("the kiosk cannot start")
		std.alert("Pas à Pas ne peut pas démarrer", startFailure(err, *dataDir))
		return exitError
	}
	defer k.Store.Close()
	k.Windowed = *windowed
	log.WithFields(logrus.Fields{"version": Version, "data_dir": *dataDir, "windowed": *windowed}).Info("kiosk starting")
	done := make(chan struct{})
	defer close(done)
	go k.Retention.Keep(done)
	// Pushing to the hub runs beside the window and never holds a visitor
	// up: nothing set, it only looks at the settings every few minutes.
	go (&kiosksync.Pusher{Store: k.Store, Board: k.Health, Log: log, Pack: k.PackFetcher()}).Run(done)
	err = run(k)
	if errors.Is(err, ErrRestart) {
		log.Info("kiosk restarting")
		// The new run opens the file: close it first, journal checkpointed.
		k.Store.Close()
		if err = startAgain(); err == nil {
			return exitOK
		}
	}
	if err != nil {
		log.WithError(err).Error("the kiosk window failed")
		return exitError
	}
	log.Info("kiosk stopped")
	return exitOK
}

// startFailure says, in French for the centre, why the kiosk did not start
// and what to do.
func startFailure(err error, dataDir string) string {
	var newer *store.NewerSchemaError
	if errors.As(err, &newer) {
		return "Les données viennent d'une version plus récente du programme.\n" +
			"Installez la dernière version de Pas à Pas. Les données n'ont pas été modifiées (" +
			filepath.Join(dataDir, DBFileName) + ")."
	}
	return "Cause : " + err.Error() + "\n\nLe journal " + filepath.Join(dataDir, logging.FileName) +
		" donne le détail."
}

// Open prepares the data directory, the store and the services.
func Open(dataDir string, log *logrus.Logger) (*Kiosk, error) {
	ctx := context.Background()
	// Looking for a voice runs a program (PowerShell on Windows: slow), and
	// the content is parsed from YAML: both go on while the store opens, so
	// the window comes sooner.
	voices := make(chan *speech.Speaker, 1)
	// PASAPAS_SPEECH_WAV makes speech WAV files instead of sound, for the
	// end-to-end test under Xvfb, which has no sound card.
	go func() { voices <- speech.Detect(ctx, os.Getenv("PASAPAS_SPEECH_WAV")) }()
	type loaded struct {
		content *Content
		report  *content.Report
		err     error
	}
	contents := make(chan loaded, 1)
	go func() {
		c, report, err := LoadDataDir(dataDir)
		contents <- loaded{c, report, err}
	}()
	st, moved, err := openStore(dataDir)
	if err != nil {
		return nil, err
	}
	if moved != "" {
		log.WithField("moved_to", filepath.Base(moved)).Error("the database file was damaged or not ours: moved aside, a fresh one was created")
	}
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
	retention := NewRetention(st, board, log, nil)
	retention.Purge(ctx)
	got := <-contents
	c, report := got.content, got.report
	if got.err != nil {
		st.Close()
		return nil, got.err
	}
	logReport(log, report)
	raiseStartAlerts(ctx, st, board, dataDir, report, log)
	raiseStaleWalkthroughs(board, c.Walkthroughs, time.Now())
	watched := watchedStore{Store: st, board: board}
	text := c.Text
	setting := func(key, def string) string {
		v, err := st.Setting(ctx, key, def)
		if err != nil {
			log.WithError(err).WithField("key", key).Warn("reading a setting; using the default")
			return def
		}
		return v
	}
	idle := defaultIdle
	if v, err := settings.Validate(settings.IdleSeconds, setting(SettingIdleSeconds, "")); err == nil {
		secs, _ := strconv.Atoi(v)
		idle = time.Duration(secs) * time.Second
	}
	step, _ := strconv.Atoi(setting(SettingTextStep, "0"))
	voice := <-voices
	log.Info(voice.Status(text.Codes()))
	autoRead, _ := strconv.ParseBool(setting(settings.SpeechAuto, "false"))
	k := &Kiosk{
		CodeFromInstaller: fromInstaller,
		DataDir:           dataDir,
		Store:             st,
		Sessions:          session.NewService(watched, setting(SettingKioskID, settings.DefaultKioskID), nil),
		PIN:               pin.NewGuard(watched, nil),
		Text:              text,
		Content:           c,
		ContentReport:     report,
		Log:               log,
		Health:            board,
		Retention:         retention,
		Assessments:       watched,
		IdleTimeout:       idle,
		IdleGrace:         idleGrace,
		DefaultLang:       setting(SettingLanguage, text.Reference()),
		DefaultTextStep:   step,
		Speech:            voice,
		AutoRead:          autoRead,
	}
	k.showingPack(c.Pack)
	return k, nil
}
