package sync

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/settings"
)

// PackDirName is the network pack's folder in the data directory:
// <data-dir>/pack/<version>/ holds its files (walkthroughs/, questions/)
// and pack.json; <data-dir>/pack/current names the version in use.
const PackDirName = "pack"

// Manifest is what the kiosk keeps of a pack beside its files.
type Manifest struct {
	Version   int       `json:"version"`
	Date      time.Time `json:"date"`
	Note      string    `json:"note"`
	SHA256    string    `json:"sha256"`
	Signature []byte    `json:"signature"`
}

const (
	currentFile  = "current"
	manifestFile = "pack.json"
)

// Installed is the pack stored under dir: its manifest (Version 0: none)
// and its files. A missing or half-written pack reads as none.
func Installed(dir string) (Manifest, fs.FS, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil, nil
	}
	if err != nil {
		return m, nil, err
	}
	v, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || v <= 0 {
		return m, nil, fmt.Errorf("%s: not a pack version", filepath.Join(dir, currentFile))
	}
	sub := filepath.Join(dir, strconv.Itoa(v))
	b, err = os.ReadFile(filepath.Join(sub, manifestFile))
	if err != nil {
		return m, nil, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, nil, fmt.Errorf("%s: %w", filepath.Join(sub, manifestFile), err)
	}
	return m, os.DirFS(sub), nil
}

// Install stores p under dir without ever leaving a half pack in use: its
// files go to a temporary folder renamed to <version>/, then current is
// replaced by a renamed temporary file (atomic on Linux and Windows), then
// the older versions are removed.
func Install(dir string, p *Pack) error {
	if err := p.CheckPaths(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(dir, ".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, f := range p.Files {
		name := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := writeSynced(name, f.Data); err != nil {
			return err
		}
	}
	m, err := json.MarshalIndent(Manifest{Version: p.Version, Date: p.Date, Note: p.Note, SHA256: p.Digest(), Signature: p.Signature}, "", "  ")
	if err != nil {
		return err
	}
	if err := writeSynced(filepath.Join(tmp, manifestFile), m); err != nil {
		return err
	}
	final := filepath.Join(dir, strconv.Itoa(p.Version))
	// Left by a stop between this rename and the next: never in use.
	if err := os.RemoveAll(final); err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		return err
	}
	cur := filepath.Join(dir, ".current-new")
	if err := writeSynced(cur, []byte(strconv.Itoa(p.Version)+"\n")); err != nil {
		return err
	}
	if err := os.Rename(cur, filepath.Join(dir, currentFile)); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != strconv.Itoa(p.Version) && !strings.HasPrefix(e.Name(), ".new-") {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	return nil
}

func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ErrNoKey: sync.key is empty, so no pack is taken (a pack nobody can
// check is never shown to visitors).
var ErrNoKey = errors.New("sync.key is not set: content packs are not taken")

// Fetcher takes the network's content pack from the hub: newer than the
// one installed, signed by the hub's key (sync.key), sound for the kiosk's
// loader. Anything else changes nothing and raises health.PackRefused.
type Fetcher struct {
	Store Store
	// Dir is <data-dir>/pack.
	Dir string
	// Check validates the pack's files with the kiosk's content loader
	// (app.CheckPack); every problem found comes back.
	Check  func(fsys fs.FS) []error
	Board  *health.Board
	Log    logrus.FieldLogger
	Client *http.Client
	// After, when set, runs after each background fetch, whatever came of
	// it: the kiosk then looks whether the installed pack is newer than
	// the one it shows (pasapas sync may have installed it).
	After func()
}

// Fetch asks the hub for a newer pack and installs it. It returns the pack
// installed, or nil when the hub has none newer.
func (f *Fetcher) Fetch(ctx context.Context) (*Pack, error) {
	get := func(key string) (string, error) { return f.Store.Setting(ctx, key, "") }
	base, err := get(settings.SyncURL)
	if err != nil {
		return nil, err
	}
	token, err := get(settings.SyncToken)
	if err != nil {
		return nil, err
	}
	if base == "" || token == "" {
		return nil, ErrNotConfigured
	}
	if base, err = settings.HubURL(base); err != nil {
		return nil, fmt.Errorf("sync.url: %w", err)
	}
	rawKey, err := get(settings.SyncKey)
	if err != nil {
		return nil, err
	}
	if rawKey == "" {
		return nil, ErrNoKey
	}
	key, err := settings.HubKey(rawKey)
	if err != nil {
		return nil, err
	}
	kiosk, err := f.Store.Setting(ctx, settings.KioskID, settings.DefaultKioskID)
	if err != nil {
		return nil, err
	}
	have, _, err := Installed(f.Dir)
	if err != nil && f.Log != nil {
		// A damaged pack folder: take the hub's pack again.
		f.Log.WithError(err).Warn("reading the installed content pack")
	}
	q := url.Values{"have": {strconv.Itoa(have.Version)}, "kiosk": {kiosk}}
	// The version visitors see, as the kiosk noted it, for the dashboard.
	if runs, err := get(settings.PackRunning); err == nil && runs != "" {
		q.Set("runs", runs)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+PackPath+"?"+q.Encode(), nil)
	if err != nil {
		return nil, fmt.Errorf("sync.url: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	client := f.Client
	if client == nil {
		client = &http.Client{Timeout: time.Minute}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotModified:
		return nil, nil
	case http.StatusUnauthorized:
		return nil, ErrRefused
	case http.StatusOK:
	default:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return nil, fmt.Errorf("the hub answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	var p Pack
	// Base64 makes the files a third bigger; a little room for the rest.
	if err := json.NewDecoder(io.LimitReader(resp.Body, MaxPackBytes*3/2+1<<20)).Decode(&p); err != nil {
		return nil, fmt.Errorf("the hub's pack: %w", err)
	}
	if err := f.accept(&p, key, have.Version); err != nil {
		return nil, err
	}
	if err := Install(f.Dir, &p); err != nil {
		return nil, fmt.Errorf("storing pack version %d: %w", p.Version, err)
	}
	if f.Board != nil {
		f.Board.Clear(health.PackRefused)
	}
	if f.Log != nil {
		f.Log.WithField("version", p.Version).Info("content pack from the hub stored; applied at the next quiet moment")
	}
	return &p, nil
}

// PackError is a pack the kiosk refused; nothing was changed.
type PackError struct {
	Version int
	Err     error
}

func (e *PackError) Error() string {
	return fmt.Sprintf("pack version %d refused: %v", e.Version, e.Err)
}
func (e *PackError) Unwrap() error { return e.Err }

// accept checks the signature first (nothing of an unsigned pack is even
// parsed), then the version, the paths and the content.
func (f *Fetcher) accept(p *Pack, key ed25519.PublicKey, have int) error {
	err := p.Verify(key)
	if err == nil && p.Version <= have {
		err = fmt.Errorf("the hub sent version %d, not newer than %d", p.Version, have)
	}
	if err == nil {
		err = p.CheckPaths()
	}
	if err == nil && f.Check != nil {
		if errs := f.Check(p.FS()); len(errs) > 0 {
			err = errors.Join(errs...)
		}
	}
	if err == nil {
		return nil
	}
	perr := &PackError{Version: p.Version, Err: err}
	if f.Log != nil {
		f.Log.WithError(err).WithField("version", p.Version).Error("content pack from the hub refused; nothing changed")
	}
	if f.Board != nil {
		f.Board.Clear(health.PackRefused)
		f.Board.Raise(health.PackRefused, fmt.Sprintf("version %d : %v", p.Version, err))
	}
	return perr
}
