package app

import (
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"pasapas/assessment/walkthrough"
)

func TestFyneAppTomlCarriesTheVersion(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Version = "([^"]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != Version {
		t.Fatalf("FyneApp.toml version %q, app.Version %q", m, Version)
	}
	for _, want := range []string{`ID = "fr.pasapas.kiosk"`, `Name = "Pas à Pas"`, `Icon = "assets/icon.png"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
}

func TestRestartStartsTheKioskAgain(t *testing.T) {
	started := 0
	defer func(f func() error) { startAgain = f }(startAgain)
	startAgain = func() error { started++; return nil }
	noAlert := func(title, text string) { t.Errorf("alert %s: %s", title, text) }
	err := Run(t.TempDir(), false, io.Discard, noAlert, func(*Kiosk) error { return ErrRestart })
	if err != nil || started != 1 {
		t.Fatalf("%v, started %d times", err, started)
	}
}

// TestSessionViewReadsTheKiosksContent: the console's session view reads
// the kiosk's store in the words of its content.
func TestSessionViewReadsTheKiosksContent(t *testing.T) {
	k, err := Open(t.TempDir(), logrus.New())
	if err != nil {
		t.Fatal(err)
	}
	defer k.Store.Close()
	rec, err := k.Sessions.Start("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Sessions.Record(walkthrough.Started("email")); err != nil {
		t.Fatal(err)
	}
	if err := k.Sessions.Finish(); err != nil {
		t.Fatal(err)
	}
	s, err := k.SessionView(rec.Code)
	if err != nil || s.Language != "English" || len(s.Walks) != 1 || s.Walks[0].Text != "Créer une adresse e-mail : pas terminée" {
		t.Fatalf("%v %+v", err, s)
	}
}

// TestLateContentErrorIsToldAtTheScreen: content found unusable once the
// window shows stops the kiosk as a failed start does, with the reason.
func TestLateContentErrorIsToldAtTheScreen(t *testing.T) {
	var title, text string
	err := Run(t.TempDir(), false, io.Discard, func(ti, te string) { title, text = ti, te }, func(k *Kiosk) error {
		return &LateError{Err: errors.New("built-in content: walkthroughs/x.yaml:3: title: missing")}
	})
	if err == nil || title != "Pas à Pas ne peut pas démarrer" || !strings.Contains(text, "walkthroughs/x.yaml:3: title: missing") {
		t.Fatalf("Run returned %v; alert %q: %q", err, title, text)
	}
}
