package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Opening the database of a data directory, and recovery: a damaged or
// foreign file is moved aside, never deleted; the kiosk then starts on a
// fresh one and alerts the mediator, a command refuses to go on.

// FileName is the SQLite file in the data directory.
const FileName = "pasapas.db"

// movedAsideMark is put between the database's name and the time it was
// moved aside: pasapas.db.broken-20261123T101500Z.
const movedAsideMark = ".broken-"

// OpenDataDir opens the database of dataDir for a command, creating the
// directory and a first database if needed. Unlike the kiosk, a command
// never carries on over a damaged or foreign file: a nightly export or
// statistics script would report an empty database and nobody would know.
// The file is moved aside, never deleted (the kiosk's next start then alerts
// the mediator, as after its own recovery), and the error, a
// *DamagedDatabaseError, says where it went and what to do.
func OpenDataDir(dataDir string) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("le dossier des données %s ne peut pas être créé (%w) : vérifiez le chemin donné à --data-dir et les droits d'écriture", dataDir, err)
	}
	path := filepath.Join(dataDir, FileName)
	st, err := Open(path)
	if err == nil || !errors.Is(err, ErrUnusable) {
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

// OpenRecovering opens the database of dataDir for the kiosk. A file that is not a usable Pas
// à Pas database (random bytes, another program's SQLite file, a file cut
// short) is renamed with the time, never deleted, and a fresh one created,
// so that the kiosk starts; moved is the new name of the old file. A file
// from a newer version is refused: moving it aside would hide every stored
// session behind a program that is merely out of date.
func OpenRecovering(dataDir string) (st *Store, moved string, err error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, "", fmt.Errorf("creating the data directory: %w", err)
	}
	path := filepath.Join(dataDir, FileName)
	st, err = Open(path)
	if err == nil || !errors.Is(err, ErrUnusable) {
		return st, "", err
	}
	moved, merr := moveAside(path, time.Now())
	if merr != nil {
		return nil, "", fmt.Errorf("%w; moving it aside failed: %v", err, merr)
	}
	st, err = Open(path)
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

// MovedAsideFiles lists the database files moved aside in dataDir, oldest
// first (the names sort by time).
func MovedAsideFiles(dataDir string) []string {
	matches, _ := filepath.Glob(filepath.Join(dataDir, FileName+movedAsideMark+"*"))
	var out []string
	for _, m := range matches {
		if !strings.HasSuffix(m, "-wal") && !strings.HasSuffix(m, "-shm") {
			out = append(out, filepath.Base(m))
		}
	}
	sort.Strings(out)
	return out
}
