package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/app/store"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
)

// movedAsideMark is put between the database's name and the time it was
// moved aside: pasapas.db.broken-20261123T101500Z.
const movedAsideMark = ".broken-"

// SettingDismissedFiles lists (one per line) the moved-aside database files
// whose alert the mediator has dismissed.
const SettingDismissedFiles = "health.dismissed_files"

// OpenStore opens the database of dataDir for a command, creating the
// directory and a first database if needed. Unlike the kiosk, a command
// never carries on over a damaged or foreign file: a nightly export or
// statistics script would report an empty database and nobody would know.
// The file is moved aside, never deleted (the kiosk's next start then alerts
// the mediator, as after its own recovery), and the error, a
// *DamagedDatabaseError, says where it went and what to do.
func OpenStore(dataDir string) (*store.Store, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("le dossier des données %s ne peut pas être créé (%w) : vérifiez le chemin donné à --data-dir et les droits d'écriture", dataDir, err)
	}
	path := filepath.Join(dataDir, DBFileName)
	st, err := store.Open(path)
	if err == nil || !errors.Is(err, store.ErrUnusable) {
		return st, err
	}
	moved, merr := moveAside(path, time.Now())
	if merr != nil {
		return nil, fmt.Errorf("la base de données %s est inutilisable (%v) et n'a pas pu être mise de côté (%v) : vérifiez les droits sur le dossier %s", path, err, merr, dataDir)
	}
	return nil, &DamagedDatabaseError{Path: path, MovedTo: moved, Cause: err}
}

// DamagedDatabaseError is what a command meets on a database file it cannot
// use: the file was moved aside and nothing was read.
type DamagedDatabaseError struct {
	Path, MovedTo string
	Cause         error
}

func (e *DamagedDatabaseError) Error() string {
	return fmt.Sprintf("la base de données %s est inutilisable. Elle a été mise de côté, sans rien effacer, sous %s, et aucune session n'a été lue. "+
		"La borne repartira sur une base neuve à son prochain démarrage et le signalera au médiateur. Gardez le fichier mis de côté pour le support "+
		"(détail technique : %v).",
		e.Path, filepath.Base(e.MovedTo), e.Cause)
}

func (e *DamagedDatabaseError) Unwrap() error { return e.Cause }

// openStore opens the database of dataDir. A file that is not a usable Pas
// à Pas database (random bytes, another program's SQLite file, a file cut
// short) is renamed with the time, never deleted, and a fresh one created,
// so that the kiosk starts; moved is the new name of the old file. A file
// from a newer version is refused: moving it aside would hide every stored
// session behind a program that is merely out of date.
func openStore(dataDir string) (st *store.Store, moved string, err error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, "", fmt.Errorf("creating the data directory: %w", err)
	}
	path := filepath.Join(dataDir, DBFileName)
	st, err = store.Open(path)
	if err == nil || !errors.Is(err, store.ErrUnusable) {
		return st, "", err
	}
	moved, merr := moveAside(path, time.Now())
	if merr != nil {
		return nil, "", fmt.Errorf("%w; moving it aside failed: %v", err, merr)
	}
	st, err = store.Open(path)
	return st, moved, err
}

// moveAside renames path (and its -wal and -shm files, which belong to it)
// to path.broken-<UTC time>, adding a number if that name is taken.
func moveAside(path string, now time.Time) (string, error) {
	base := path + movedAsideMark + now.UTC().Format("20060102T150405Z")
	dest := base
	for n := 2; exists(dest); n++ {
		dest = fmt.Sprintf("%s-%d", base, n)
	}
	if err := os.Rename(path, dest); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+suffix, dest+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return dest, err
		}
	}
	return dest, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// movedAsideFiles lists the database files moved aside in dataDir, oldest
// first (the names sort by time).
func movedAsideFiles(dataDir string) []string {
	matches, _ := filepath.Glob(filepath.Join(dataDir, DBFileName+movedAsideMark+"*"))
	var out []string
	for _, m := range matches {
		if !strings.HasSuffix(m, "-wal") && !strings.HasSuffix(m, "-shm") {
			out = append(out, filepath.Base(m))
		}
	}
	sort.Strings(out)
	return out
}

// raiseStartAlerts puts on the board what the mediator must know from the
// start: every moved-aside database file not yet dismissed (so the alert
// outlives a restart until someone has read it) and every rejected content
// file. Dismissing a moved-aside file is remembered in the settings.
func raiseStartAlerts(ctx context.Context, st *store.Store, board *health.Board, dataDir string, report *content.Report, log logrus.FieldLogger) {
	dismissed, err := st.Setting(ctx, SettingDismissedFiles, "")
	if err != nil {
		log.WithError(err).Warn("reading the dismissed alerts")
	}
	seen := strings.Split(dismissed, "\n")
	for _, name := range movedAsideFiles(dataDir) {
		if !slices.Contains(seen, name) {
			board.Raise(health.DatabaseMovedAside, name)
		}
	}
	for _, f := range report.Rejected() {
		board.Raise(health.ContentRejected, f.Err.Error())
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

// watchedStore is the store as the session service and the PIN guard see
// it: every failed write raises an alert for the mediator (the visitor only
// gets a plain message), and the next write that succeeds clears it.
type watchedStore struct {
	*store.Store
	board *health.Board
}

var (
	_ session.Store    = watchedStore{}
	_ pin.StateStore   = watchedStore{}
	_ assessment.Store = watchedStore{}
)

func (w watchedStore) note(err error) error {
	switch {
	case err == nil:
		w.board.Clear(health.DiskFull)
		w.board.Clear(health.StorageError)
	case errors.Is(err, session.ErrNotCode):
		// A programming error, already returned to the caller: not the disk.
	case store.IsDiskFull(err):
		w.board.Raise(health.DiskFull, "")
	default:
		w.board.Raise(health.StorageError, err.Error())
	}
	return err
}

func (w watchedStore) CreateSession(ctx context.Context, rec session.Record) (session.Record, error) {
	rec, err := w.Store.CreateSession(ctx, rec)
	return rec, w.note(err)
}

func (w watchedStore) AddEvent(ctx context.Context, sessionID string, e session.Event) error {
	return w.note(w.Store.AddEvent(ctx, sessionID, e))
}

func (w watchedStore) EndSession(ctx context.Context, sessionID string, status session.Status, at time.Time) error {
	return w.note(w.Store.EndSession(ctx, sessionID, status, at))
}

func (w watchedStore) SaveAssessment(ctx context.Context, sessionID string, r assessment.Result) error {
	return w.note(w.Store.SaveAssessment(ctx, sessionID, r))
}

func (w watchedStore) SavePIN(s pin.State) error {
	return w.note(w.Store.SavePIN(s))
}
