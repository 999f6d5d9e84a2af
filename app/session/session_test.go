package session

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNewCodeUsesOnlyUnambiguousCharacters(t *testing.T) {
	for i := 0; i < 2000; i++ {
		c, err := NewCode(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != codeLength {
			t.Fatalf("code %q has length %d", c, len(c))
		}
		if strings.ContainsAny(string(c), "0O1IL") {
			t.Fatalf("code %q holds a look-alike character", c)
		}
	}
}

func TestNewCodeRejectsBiasedBytes(t *testing.T) {
	// 255 is above the rejection limit and must be skipped, not wrapped.
	src := bytes.NewReader(append(bytes.Repeat([]byte{255}, 6), 0, 1, 2, 3, 4, 5))
	c, err := NewCode(src)
	if err != nil {
		t.Fatal(err)
	}
	if c != "ABCDEF" {
		t.Fatalf("got %q, want ABCDEF", c)
	}
}

func TestParseCode(t *testing.T) {
	tests := []struct {
		in   string
		want Code
		ok   bool
	}{
		{"ABCDEF", "ABCDEF", true},
		{"abc-def", "ABCDEF", true},
		{" k7d m3q ", "K7DM3Q", true},
		{"ABC-DE", "", false},
		{"ABC-DEFG", "", false},
		{"ABC-DE0", "", false}, // zero is not in the alphabet
		{"", "", false},
		{"été123", "", false},
	}
	for _, tt := range tests {
		got, err := ParseCode(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestCodeString(t *testing.T) {
	if got := Code("K7DM3Q").String(); got != "K7D-M3Q" {
		t.Fatalf("got %q", got)
	}
}

func TestValidateEventRefusesFreeText(t *testing.T) {
	tests := []struct {
		name string
		e    Event
		ok   bool
	}{
		{"codes", Event{Kind: "assessment.answer", Payload: Payload{"item": "device.tap", "answer": "alone", "ms": "1200"}}, true},
		{"no payload", Event{Kind: "home.shown"}, true},
		{"space in value", Event{Kind: "x", Payload: Payload{"v": "Jean Dupont"}}, false},
		{"e-mail", Event{Kind: "x", Payload: Payload{"v": "jean@example.org"}}, false},
		{"accent", Event{Kind: "x", Payload: Payload{"v": "éclair"}}, false},
		{"long", Event{Kind: "x", Payload: Payload{"v": strings.Repeat("a", 65)}}, false},
		{"bad key", Event{Kind: "x", Payload: Payload{"my name": "a"}}, false},
		{"bad kind", Event{Kind: "free text"}, false},
	}
	for _, tt := range tests {
		err := ValidateEvent(tt.e)
		if tt.ok != (err == nil) {
			t.Errorf("%s: err = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrNotCode) {
			t.Errorf("%s: err = %v, want ErrNotCode", tt.name, err)
		}
	}
}

// fakeClock is a settable clock for the idle watch.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestIdleWatchPhases(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 29, 1, 59, 0, 0, time.UTC)}
	w := NewIdleWatch(120*time.Second, 30*time.Second, clock.now)
	steps := []struct {
		advance  time.Duration
		activity bool
		want     Phase
		left     time.Duration
	}{
		{0, false, Present, 0},
		{119 * time.Second, false, Present, 0},
		{time.Second, false, Asking, 30 * time.Second},
		{10 * time.Second, false, Asking, 20 * time.Second},
		{0, true, Present, 0}, // "Oui, je continue"
		{149 * time.Second, false, Asking, time.Second},
		{time.Second, false, Gone, 0},
		{-time.Hour, false, Present, 0}, // clock set back: fresh start, not a reset
		{121 * time.Second, false, Asking, 29 * time.Second},
	}
	for i, s := range steps {
		clock.advance(s.advance)
		if s.activity {
			w.Activity()
		}
		got, left := w.State()
		if got != s.want || left != s.left {
			t.Fatalf("step %d: got %v %v, want %v %v", i, got, left, s.want, s.left)
		}
	}
}
