package e2e

import (
	"strings"
	"testing"
)

// TestWholeAssessment takes the whole self-assessment in the real kiosk
// with the keyboard alone, as a visitor who cannot use a mouse would:
// number keys for answers, Tab and Enter for the exercises, Page Down for
// the long page, the word typed on the keyboard. Then it reads the stored
// levels, orientation, needs and answers in SQLite.
func TestWholeAssessment(t *testing.T) {
	requireE2E(t)
	d := startDisplay(t, 1280, 800)
	dataDir := t.TempDir()
	k := startKiosk(t, d, dataDir, "--windowed")

	k.key("Return") // Commencer
	k.key("1")      // Tester mes compétences
	k.shot("01-first-question")
	k.key("1", "1", "2") // screening: yes, has an e-mail, does procedures with help
	k.key("1", "1", "1") // equipment: a smartphone, a computer, internet at home

	// Exercises. Nothing has the focus on a new screen, so the first Tab
	// goes to the exercise, which comes first on the page.
	k.shot("02-tap")
	k.key("Tab", "Return") // the blue disc
	k.shot("03-doubleclick")
	k.key("Tab", "Return") // the folder
	k.shot("04-drag")
	k.key("Tab", "Tab", "Return") // the box, then the photo: pick it up
	k.key("shift+Tab", "Return")  // back to the box: drop it there
	k.shot("05-scroll")
	k.key("Next", "Next", "Next") // Page Down to the bottom of the page
	k.shot("06-scroll-bottom")
	k.key("Tab", "Tab", "Tab", "Return") // the page, Annuler, Valider
	k.shot("07-type")
	k.typeText("maison") // the field has the keyboard already
	k.key("Return")

	k.shot("08-internet")
	k.key("1", "2", "3") // search alone; "close" and "download" pictograms right
	k.key("1", "2", "3") // communicate: alone, with help, cannot
	k.key("2", "2", "3") // procedures: with help, with help, cannot
	k.shot("09-scam-sms")
	k.key("3", "2", "3") // safety: report the SMS to 33700; a fake site; hang up on the "bank"
	k.shot("10-needs")
	k.key("1", "4") // needs: CAF, impôts
	k.key("Return") // the needs' second page
	k.shot("11-needs-2")
	k.key("Return") // Valider
	k.shot("12-result")
	k.key("Return")
	k.shot("13-next-step")

	got := k.sql(`SELECT orientation, short_path FROM sessions`)
	if got != "a_former|0" {
		t.Fatalf("stored orientation %q, want a_former|0", got)
	}
	levels := k.sql(`SELECT group_concat(domain || '=' || level || '/' || autonomy, ' ') FROM (SELECT * FROM domain_levels ORDER BY position)`)
	want := "device=3/autonomous internet=3/autonomous communicate=2/guided_if_needed procedures=1/guided safety=3/autonomous"
	if levels != want {
		t.Fatalf("stored levels\n %s\nwant\n %s", levels, want)
	}
	if needs := k.sql(`SELECT group_concat(need, ',') FROM (SELECT need FROM session_needs ORDER BY position)`); needs != "caf,impots" {
		t.Fatalf("stored needs %q", needs)
	}
	vias := k.sql(`SELECT group_concat(json_extract(payload, '$.item') || ':' || json_extract(payload, '$.answer') || ':' || json_extract(payload, '$.via'), ' ')
		FROM events WHERE kind = 'assess.answer' AND json_extract(payload, '$.via') IS NOT NULL ORDER BY id`)
	for _, ex := range []string{"device.tap:ok:keyboard", "device.doubleclick:ok:keyboard", "device.drag:ok:keyboard", "device.scroll:ok:keyboard", "device.type:ok:keyboard"} {
		if !strings.Contains(vias, ex) {
			t.Errorf("exercise %s not stored (got %s)", ex, vias)
		}
	}
	if typed := k.sql(`SELECT count(*) FROM events WHERE payload LIKE '%maison%'`); typed != "0" {
		t.Fatal("the typed word is in the database")
	}
}
