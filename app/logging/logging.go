// Package logging sets up the kiosk's log: stderr plus a size-capped file in
// the data directory, so a centre can send it when asking for help without
// the disk of an old PC filling up over months.
//
// Rule for every caller: never log what a visitor typed or answered. Log
// codes, counts and errors only.
package logging

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/sirupsen/logrus"
)

// FileName is the log file in the data directory.
const FileName = "pasapas.log"

// DefaultMaxBytes caps the log file; one older file is kept beside it.
const DefaultMaxBytes = 1 << 20

// CappedFile is an io.Writer that starts a new file once the current one
// reaches max bytes, keeping a single previous file (name + ".1").
type CappedFile struct {
	path string
	max  int64

	mu   sync.Mutex
	f    *os.File
	size int64
}

// OpenCapped opens (appending) the capped file at path.
func OpenCapped(path string, max int64) (*CappedFile, error) {
	c := &CappedFile{path: path, max: max}
	return c, c.open()
}

func (c *CappedFile) open() error {
	f, err := os.OpenFile(c.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	c.f, c.size = f, info.Size()
	return nil
}

// Write appends p, rotating first when p would pass the cap.
func (c *CappedFile) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return 0, os.ErrClosed
	}
	if c.size > 0 && c.size+int64(len(p)) > c.max {
		c.f.Close()
		c.f = nil
		if err := os.Rename(c.path, c.path+".1"); err != nil && !os.IsNotExist(err) {
			return 0, err
		}
		if err := c.open(); err != nil {
			return 0, err
		}
	}
	n, err := c.f.Write(p)
	c.size += int64(n)
	return n, err
}

// Close closes the file.
func (c *CappedFile) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}

// Setup returns a logger writing to stderr and to the capped file in dir.
// When the file cannot be opened (read-only or full disk) the logger still
// writes to stderr and the error is returned for the caller to report.
func Setup(dir string, stderr io.Writer) (*logrus.Logger, io.Closer, error) {
	log := logrus.New()
	log.SetOutput(stderr)
	log.SetFormatter(&logrus.TextFormatter{FullTimestamp: true, DisableColors: true})
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return log, io.NopCloser(nil), fmt.Errorf("creating the data directory: %w", err)
	}
	f, err := OpenCapped(filepath.Join(dir, FileName), DefaultMaxBytes)
	if err != nil {
		return log, io.NopCloser(nil), fmt.Errorf("opening the log file: %w", err)
	}
	log.SetOutput(io.MultiWriter(stderr, f))
	return log, f, nil
}
