// Package session holds the anonymous visitor session: its public code, its
// events, its life cycle and the idle watch that ends it. It is pure Go so the
// UI can use it without linking SQLite.
package session

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CodeAlphabet leaves out characters people confuse when reading a printout
// aloud or typing it back: 0/O and 1/I/L.
const CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

const codeLength = 6

// Code is a short public session code such as "K7DM3Q", shown as "K7D-M3Q".
// It names a session at the desk without naming the person.
type Code string

// ErrBadCode is returned by ParseCode for text that cannot be a session code.
var ErrBadCode = errors.New("not a session code")

// NewCode draws a random code from r (crypto/rand when r is nil).
func NewCode(r io.Reader) (Code, error) {
	if r == nil {
		r = rand.Reader
	}
	buf := make([]byte, codeLength)
	out := make([]byte, codeLength)
	// Rejection sampling keeps every character equally likely.
	limit := byte(256 - 256%len(CodeAlphabet))
	for i := 0; i < codeLength; {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("drawing a session code: %w", err)
		}
		for _, b := range buf {
			if b >= limit || i == codeLength {
				continue
			}
			out[i] = CodeAlphabet[int(b)%len(CodeAlphabet)]
			i++
		}
	}
	return Code(out), nil
}

// ParseCode accepts what a mediator types: any case, with or without the dash
// or spaces ("abcdef", "ABC-DEF", "abc def").
func ParseCode(s string) (Code, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ':
			continue
		case strings.ContainsRune(CodeAlphabet, r):
			b.WriteRune(r)
		default:
			return "", ErrBadCode
		}
	}
	if b.Len() != codeLength {
		return "", ErrBadCode
	}
	return Code(b.String()), nil
}

// String shows the code as two groups of three, easier to read and copy.
func (c Code) String() string {
	if len(c) != codeLength {
		return string(c)
	}
	return string(c[:3]) + "-" + string(c[3:])
}
