package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestWalkthroughWithTheKeyboard follows "Créer une adresse e-mail" from
// home to the end with number keys and Enter only, then reads the events
// the kiosk stored in SQLite.
func TestWalkthroughWithTheKeyboard(t *testing.T) {
	requireE2E(t)
	d := startDisplay(t, 1920, 1080)
	k := startKiosk(t, d, t.TempDir())

	k.key("Return") // Commencer
	k.key("2")      // Être guidé pour une démarche
	k.shot("01-procedures")
	k.key("1") // the first tile: Créer une adresse e-mail
	k.key("1") // J'ai : téléphone portable
	k.key("2") // Je n'ai pas : date de naissance
	k.shot("02-checklist")
	k.key("Return") // Commencer
	k.waitEvents("walk.started", 1)
	k.shot("03-step-1")
	for range 4 {
		k.key("1") // C'est fait
	}
	k.waitEvents("walk.step", 4)
	k.shot("04-step-5-practice")
	k.key("3") // S'entraîner sans risque
	k.shot("05-sandbox")
	k.key("Escape") // back to the step
	for range 6 {
		k.key("1")
	}
	k.waitEvents("walk.completed", 1)
	k.shot("06-end")

	got := k.sql(`SELECT kind, json_extract(payload, '$.proc'), ifnull(json_extract(payload, '$.step'), ''),
		ifnull(json_extract(payload, '$.doc'), ''), ifnull(json_extract(payload, '$.practice'), '')
		FROM events WHERE kind LIKE 'walk.%' ORDER BY id`)
	want := strings.Join([]string{
		"walk.started|email|||",
		"walk.missing|email||id_card|",
		"walk.step|email|open||",
		"walk.step|email|name||",
		"walk.step|email|birth||",
		"walk.step|email|address||",
		"walk.step|email|password||skipped",
		"walk.step|email|phone||",
		"walk.step|email|recovery||",
		"walk.step|email|inbox||",
		"walk.step|email|test||",
		"walk.step|email|logout||",
		"walk.completed|email|||",
	}, "\n")
	if got != want {
		t.Fatalf("stored walkthrough events:\n%s\nwant:\n%s", got, want)
	}
	if n := k.sql(`SELECT count(*) FROM events WHERE json_extract(payload, '$.secs') IS NULL AND kind IN ('walk.step', 'walk.completed')`); n != "0" {
		t.Fatalf("%s events without their time spent", n)
	}
}

// waitEvents waits until the kiosk has stored n events of kind: on a busy
// machine the window may lag the keys by seconds.
func (k *kiosk) waitEvents(kind string, n int) {
	k.t.Helper()
	k.waitFor(fmt.Sprintf("%d %s events", n, kind), func() bool {
		return k.sql("SELECT count(*) FROM events WHERE kind = '"+kind+"'") == strconv.Itoa(n)
	})
}
