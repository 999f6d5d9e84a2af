package main

import (
	"fmt"
	"strings"
	"time"

	"pasapas/internal/xbench"
)

// Kinds of screens whose taps are timed.
const (
	walkTap   = "walkthrough step"
	assessTap = "assessment question"
)

// Points of the 1920×1080 screen, as fractions (see internal/e2e).
var (
	largestText = [2]float64{0.97, 0.05}
	contrast    = [2]float64{0.80, 0.05}
	finish      = [2]float64{0.75, 0.955} // Terminer, on the visitor's home
)

// path names visitor i's path.
func path(i int) string {
	return [...]string{"dark contrast, assessment", "assessment, printed", "walkthrough", "A++, stuck"}[i%4]
}

// visitor i takes one of four days' usual paths, so a dozen go through
// each of them three times: the assessment with its exercises and the
// summary printed; a whole walkthrough with its practice page; the largest
// text and a walkthrough left for the mediator; dark contrast and the
// assessment. Each ends with Terminer and the return to welcome.
func (k *kiosk) visitor(i int) error {
	if err := k.key("Return"); err != nil { // Commencer
		return err
	}
	if err := k.reached("home (Commencer)", "SELECT count(*) FROM sessions", i); err != nil {
		return err
	}
	var err error
	switch i % 4 {
	case 1:
		err = k.assessment(true)
	case 2:
		err = k.walkthrough()
	case 3:
		err = k.stuck()
	case 0:
		if err = k.click(contrast[0], contrast[1]); err == nil {
			// A new theme redraws everything, more than settleQuiet apart.
			if !xbench.Poll(5*time.Second, 20*time.Millisecond, func() bool { return k.scr.brightness() < 0.3 }) {
				return fmt.Errorf("the screen in dark contrast was not reached: the screen is %.0f%% bright", 100*k.scr.brightness())
			}
			err = k.assessment(false)
		}
	}
	if err != nil {
		return err
	}
	if err := k.click(finish[0], finish[1]); err != nil {
		return err
	}
	if err := k.reached("goodbye (Terminer)", "SELECT count(*) FROM sessions WHERE status = 'finished'", i); err != nil {
		return err
	}
	return k.key("Return") // back to welcome
}

// assessment is internal/e2e's TestWholeAssessment, with the answers timed,
// then "Votre prochaine étape", printing when asked, and home through the
// list of walkthroughs.
func (k *kiosk) assessment(print bool) error {
	results, err := k.sql("SELECT count(*) FROM sessions WHERE orientation IS NOT NULL AND orientation != ''")
	if err != nil {
		return err
	}
	exercises, err := k.sql("SELECT count(*) FROM events WHERE kind = 'assess.answer' AND json_extract(payload, '$.via') IS NOT NULL")
	if err != nil {
		return err
	}
	answers := func(keys ...string) func() error {
		return func() error {
			for _, key := range keys {
				if err := k.tap(assessTap, keyLine(key)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	keys := func(keys ...string) func() error { return func() error { return k.key(keys...) } }
	steps := []func() error{
		keys("1"),                    // Tester mes compétences
		answers("1", "1", "2"),       // screening
		answers("1", "1", "1"),       // equipment
		keys("Tab", "Return"),        // tap: the blue disc
		keys("Tab", "Return"),        // double click: the folder
		keys("Tab", "Tab", "Return"), // drag: pick the photo up
		keys("shift+Tab", "Return"),  // drop it in the box
		keys("Next", "Next", "Next"), // scroll to the bottom
		keys("Tab", "Tab", "Tab", "Return"),
		func() error { return k.send("type --delay 80 maison") },
		keys("Return"),
		answers("1", "2", "3"),   // internet
		answers("1", "2", "3"),   // communicate
		answers("2", "2", "3"),   // procedures
		answers("3", "2", "3"),   // safety
		keys("1", "4", "Return"), // needs: CAF, impôts, then their second page
		keys("Return"),           // Valider
		keys("Return"),           // the result: Votre prochaine étape
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := k.reached("the assessment's result", "SELECT count(*) FROM sessions WHERE orientation IS NOT NULL AND orientation != ''", atoi(results)+1); err != nil {
		return err
	}
	if err := k.reached("the five exercises", "SELECT count(*) FROM events WHERE kind = 'assess.answer' AND json_extract(payload, '$.via') IS NOT NULL", atoi(exercises)+5); err != nil {
		return err
	}
	if print {
		before := k.prn.printed()
		logged := strings.Count(k.log(), "summary printed")
		if err := k.key("2"); err != nil { // Imprimer mon résumé
			return err
		}
		if !xbench.Poll(2*time.Minute, 100*time.Millisecond, func() bool {
			return k.prn.printed() > before && strings.Count(k.log(), "summary printed") > logged
		}) {
			return fmt.Errorf("the screen \"summary printed\" was not reached: %d PDF from CUPS-PDF; cupsd says:\n%s", k.prn.printed()-before, tail(k.prn.server.Log(), 10))
		}
		if err := k.key("Escape"); err != nil { // Retour
			return err
		}
	}
	return k.key("1", "Escape") // the walkthroughs, then home
}

// walkthrough is internal/e2e's TestWalkthroughWithTheKeyboard, the steps
// timed: "Créer une adresse e-mail" with a document missing, the practice
// page at step 5, to the end, then home through the list.
func (k *kiosk) walkthrough() error {
	started, completed, err := k.walkCounts()
	if err != nil {
		return err
	}
	if err := k.key("2", "1", "1", "2", "Return"); err != nil {
		return err
	}
	if err := k.reached("the walkthrough's first step", eventsQuery("walk.started"), started+1); err != nil {
		return err
	}
	if err := k.steps(4); err != nil {
		return err
	}
	if err := k.key("3", "Escape"); err != nil { // the practice page and back
		return err
	}
	if err := k.steps(6); err != nil {
		return err
	}
	if err := k.reached("the walkthrough's end", eventsQuery("walk.completed"), completed+1); err != nil {
		return err
	}
	return k.key("Escape", "Escape") // the list, then home
}

// stuck is internal/e2e's soak visitor: the largest text, two steps, "Je
// suis bloqué", ask the mediator, home.
func (k *kiosk) stuck() error {
	started, _, err := k.walkCounts()
	if err != nil {
		return err
	}
	stuck, err := k.count("walk.stuck")
	if err != nil {
		return err
	}
	if err := k.click(largestText[0], largestText[1]); err != nil {
		return err
	}
	if err := k.key("2", "1", "Return"); err != nil {
		return err
	}
	if err := k.reached("the walkthrough's first step (A++)", eventsQuery("walk.started"), started+1); err != nil {
		return err
	}
	if err := k.steps(2); err != nil {
		return err
	}
	if err := k.key("2", "3"); err != nil { // stuck, ask the mediator
		return err
	}
	if err := k.reached("ask the mediator", eventsQuery("walk.stuck"), stuck+1); err != nil {
		return err
	}
	return k.key("Escape")
}

// steps taps "C'est fait" n times.
func (k *kiosk) steps(n int) error {
	for range n {
		if err := k.tap(walkTap, keyLine("1")); err != nil {
			return err
		}
	}
	return nil
}

func (k *kiosk) walkCounts() (started, completed int, err error) {
	if started, err = k.count("walk.started"); err == nil {
		completed, err = k.count("walk.completed")
	}
	return started, completed, err
}

func eventsQuery(kind string) string {
	return "SELECT count(*) FROM events WHERE kind = '" + kind + "'"
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

// tail is the last n lines of text.
func tail(text string, n int) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
