// Package pgtest runs a real PostgreSQL for the hub's tests and
// benchmarks: Debian's server binaries started from a temporary directory
// on a free loopback port, never the machine's own cluster. Each test gets
// a fresh database owned by an ordinary role (not a superuser: row-level
// security must hold as in production).
//
// Without PostgreSQL the tests skip, saying why; with PASAPAS_E2E=1 (make
// test) they fail instead, since scripts/deps.sh installs it.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
)

// binDirs are where Debian puts the server's programs, newest first.
var binDirs = []string{"/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"}

// Owner is the role that owns each test database and runs the migrations.
const Owner = "hub_owner"

// Server is a running private PostgreSQL.
type Server struct {
	dir, bin string
	port     int
	cred     *syscall.Credential
}

var (
	once    sync.Once
	shared  *Server
	failure error
	dbs     atomic.Int64
)

// Database starts the shared server if needed and returns the URL of a
// fresh database, as Owner, dropped with the server at the end.
func Database(t testing.TB) string {
	t.Helper()
	bin := ""
	for _, d := range binDirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			bin = d
			break
		}
	}
	if bin == "" {
		if os.Getenv("PASAPAS_E2E") != "" {
			t.Fatal("PostgreSQL's server is missing: install postgresql (scripts/deps.sh test)")
		}
		t.Skip("PostgreSQL's server is missing (package postgresql): the hub's tests need a real one")
	}
	once.Do(func() { shared, failure = start(bin) })
	if failure != nil {
		t.Fatalf("starting PostgreSQL: %v", failure)
	}
	name := fmt.Sprintf("hub_%d_%d", os.Getpid(), dbs.Add(1))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, shared.superURL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+name+` OWNER `+Owner); err != nil {
		t.Fatal(err)
	}
	return shared.URL(name)
}

// URL is the address of database name as Owner.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", Owner, s.port, name)
}

// superURL connects as the cluster's superuser through its socket.
func (s *Server) superURL(name string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d", name, s.dir, s.port)
}

// Stop stops the shared server, if one was started, and removes its files.
// The test binary's TestMain calls it after the tests.
func Stop() {
	if shared == nil {
		return
	}
	shared.run("pg_ctl", "-D", shared.data(), "-m", "fast", "stop")
	os.RemoveAll(shared.dir)
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

func start(bin string) (*Server, error) {
	s := &Server{bin: bin}
	dir, err := os.MkdirTemp("", "pasapas-pg-")
	if err != nil {
		return nil, err
	}
	s.dir = dir
	// initdb and postgres refuse to run as root: as root, they run as the
	// postgres user, which must own the directory.
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	if err := s.run("initdb", "-D", s.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"); err != nil {
		return nil, err
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c max_connections=300 -c shared_buffers=256MB", s.port, s.dir)
	if err := s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.dir, "log"), "-o", opts, "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.superURL("postgres"))
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	// CREATEROLE: the first migration creates the hub's serving role.
	_, err = conn.Exec(ctx, `CREATE ROLE `+Owner+` LOGIN CREATEROLE`)
	return s, err
}

func (s *Server) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, out)
	}
	return nil
}
