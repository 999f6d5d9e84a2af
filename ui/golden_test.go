package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestPinPadMarkup pins the PIN pad's rendering to a golden file
// (testdata/pinpad.xml). After an intended change, review the file written
// to testdata/failed/ and copy it over the golden one.
func TestPinPadMarkup(t *testing.T) {
	k := newKiosk(t)
	k.shell.openMediator()
	typeDigits(k, "12")
	test.AssertRendersToMarkup(t, "pinpad.xml", k.win.Canvas())
}

// TestWalkStepMarkup pins a step page (instruction, warning, drawing) and
// its checklist with documents to bring later, from a test procedure, to
// golden files (testdata/walk-step.xml, testdata/walk-checklist.xml).
func TestWalkStepMarkup(t *testing.T) {
	k := newKiosk(t)
	openLater(k)
	test.AssertRendersToMarkup(t, "walk-checklist.xml", k.win.Canvas())
	startWalk(k)
	test.AssertRendersToMarkup(t, "walk-step.xml", k.win.Canvas())
}
