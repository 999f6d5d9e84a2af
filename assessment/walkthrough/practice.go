package walkthrough

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"pasapas/assessment/content"
)

// PracticeFile holds what the practice screens show, beside the
// walkthroughs' folder: a centre's or a network's copy replaces it whole.
const PracticeFile = "practice.yaml"

// Practice is the content of the practice screens (Sandboxes): the same
// for every visitor, compared with what they do, never stored. Texts are
// catalogue keys (read in the visitor's language) except Name, Files and
// the login values, which are shown as they are in every language.
type Practice struct {
	// FranceConnect is the login page where FranceConnect is one choice.
	FranceConnect []Choice `yaml:"franceconnect"`
	// Provider is FranceConnect's list of accounts to enter with.
	Provider []Choice `yaml:"fc-provider"`
	// Scam is a list of messages, one of them a scam.
	Scam  []Choice `yaml:"scam"`
	Login Login    `yaml:"login"`
	// Attach is the file picker: the visitor joins Right.
	Attach Attach `yaml:"attach"`
	// Slot is the appointment book: the visitor takes Right.
	Slot Slot `yaml:"slot"`
}

// Choice is a button of a practice screen; the one marked right solves it,
// the others say their hint.
type Choice struct {
	ID    string `yaml:"id"`
	Text  string `yaml:"text"`
	Name  string `yaml:"name"`
	Right bool   `yaml:"right"`
	Hint  string `yaml:"hint"`
	// Apart puts the button on a line of its own, under the others.
	Apart bool `yaml:"apart"`
}

// Login is the practice account shown on screen and typed back.
type Login struct {
	ID       string `yaml:"id"`
	Password string `yaml:"password"`
}

// Attach lists the files the practice picker offers.
type Attach struct {
	Files []string `yaml:"files"`
	Right string   `yaml:"right"`
}

// Slot is a few days (catalogue keys) with the same times (24-hour "9:30",
// written on screen in the visitor's language) and the one to take.
type Slot struct {
	Days  []string `yaml:"days"`
	Times []string `yaml:"times"`
	Right struct {
		Day  string `yaml:"day"`
		Time string `yaml:"time"`
	} `yaml:"right"`
}

var slotTime = regexp.MustCompile(`^([01]?[0-9]|2[0-3]):[0-5][0-9]$`)

// LoadPractice reads file from fsys, checked: every list has exactly one
// right choice, the right file and slot are among those offered.
func LoadPractice(fsys fs.FS, file string) (*Practice, error) {
	root, err := content.ParseFile(fsys, file)
	if err != nil {
		return nil, err
	}
	var p Practice
	if err := content.Decode(file, root, &p); err != nil {
		return nil, err
	}
	bad := func(field, format string, args ...any) error {
		return content.Errorf(file, content.FieldLine(root, field), field, format, args...)
	}
	for field, list := range map[string][]Choice{"franceconnect": p.FranceConnect, "fc-provider": p.Provider, "scam": p.Scam} {
		items := content.Field(root, field)
		right := 0
		for i, c := range list {
			at := func(format string, args ...any) error {
				return content.Errorf(file, items.Content[i], field, format, args...)
			}
			switch {
			case c.ID == "":
				return nil, at("a choice needs an id")
			case c.Text == "" && c.Name == "":
				return nil, at("choice %s needs a text (catalogue key) or a name", c.ID)
			case c.Right:
				right++
			case c.Hint == "":
				return nil, at("choice %s is wrong and needs a hint saying why", c.ID)
			}
		}
		if right != 1 {
			return nil, bad(field, "exactly one choice must be right, not %d", right)
		}
	}
	switch {
	case p.Login.ID == "" || p.Login.Password == "":
		return nil, bad("login", "the practice account needs an id and a password")
	case !slices.Contains(p.Attach.Files, p.Attach.Right):
		return nil, bad("attach", "the right file %q is not among the files %v", p.Attach.Right, p.Attach.Files)
	case !slices.Contains(p.Slot.Days, p.Slot.Right.Day) || !slices.Contains(p.Slot.Times, p.Slot.Right.Time):
		return nil, bad("slot", "the right slot %s %s is not among the days and times offered", p.Slot.Right.Day, p.Slot.Right.Time)
	}
	for _, t := range p.Slot.Times {
		if !slotTime.MatchString(t) {
			return nil, bad("slot", "time %q: write it 9:30 (hours:minutes)", t)
		}
	}
	return &p, nil
}

// LoadPracticeLayers is the built-in practice file replaced by the last
// layer that has a valid one; a layer's broken file is reported and
// skipped, so a centre's typo never removes the practice screens.
func LoadPracticeLayers(builtIn fs.FS, layers []content.Layer, report *content.Report) (*Practice, error) {
	p, err := LoadPractice(builtIn, PracticeFile)
	report.Add(PracticeFile, content.BuiltIn, err)
	if err != nil {
		return nil, fmt.Errorf("built-in content: %w", err)
	}
	for _, l := range layers {
		if _, statErr := fs.Stat(l.FS, PracticeFile); statErr != nil {
			continue
		}
		own, err := LoadPractice(l.FS, PracticeFile)
		report.Add(PracticeFile, l.Origin, err)
		if err == nil {
			p = own
		}
	}
	return p, nil
}

// SlotLabel is "9:30" written for the screen with format, a catalogue
// text holding {h} and {m} ("{h} h {m}" in French, "{h}:{m}" in English).
func SlotLabel(t string, format func(h, m string) string) string {
	h, m, _ := strings.Cut(t, ":")
	return format(h, m)
}
