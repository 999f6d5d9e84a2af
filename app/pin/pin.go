// Package pin guards the mediator mode: a 4–8 digit PIN kept only as a salted
// argon2id hash, with a lockout after repeated wrong tries that survives a
// restart because its state is stored.
package pin

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"

	"pasapas/app/throttle"
)

const (
	// MaxTries wrong PINs in a row lock the pad.
	MaxTries = 5
	// LockDuration is how long the pad stays locked.
	LockDuration = 5 * time.Minute
	MinLength    = 4
	MaxLength    = 8
)

// Argon2id cost, after OWASP's minimum (19 MiB, 2 passes): about a tenth of a
// second on an old PC, slow enough to make guessing from a copied file costly.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
)

// lockout is the pad's policy against guessing.
var lockout = throttle.Policy{MaxTries: MaxTries, Lock: LockDuration}

// State is what is stored about the PIN: its hash and the lockout.
type State struct {
	Hash string
	throttle.State
}

// StateStore persists State (the SQLite store in the kiosk).
type StateStore interface {
	LoadPIN() (State, error)
	SavePIN(State) error
}

var (
	ErrFormat = fmt.Errorf("the code must have %d to %d digits", MinLength, MaxLength)
	ErrNotSet = errors.New("no mediator code has been chosen yet")
	ErrWrong  = errors.New("wrong code")
	ErrLocked = errors.New("too many wrong codes: the pad is locked")
)

// ValidFormat reports whether p is 4–8 ASCII digits.
func ValidFormat(p string) bool {
	if len(p) < MinLength || len(p) > MaxLength {
		return false
	}
	for _, r := range p {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Hash returns the encoded argon2id hash of p with a fresh salt.
func Hash(p string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(p), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Matches reports whether p matches an encoded hash made by Hash, using the
// cost parameters stored in the hash so they can be raised later.
func Matches(encoded, p string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var memory uint32
	var passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(p), salt, passes, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// Guard checks PINs against the stored hash and keeps the lockout.
type Guard struct {
	store StateStore
	now   func() time.Time
	mu    sync.Mutex
}

// NewGuard returns a guard over store; now is the clock (time.Now when nil).
func NewGuard(store StateStore, now func() time.Time) *Guard {
	if now == nil {
		now = time.Now
	}
	return &Guard{store: store, now: now}
}

// IsSet reports whether a PIN has been chosen.
func (g *Guard) IsSet() (bool, error) {
	st, err := g.store.LoadPIN()
	return st.Hash != "", err
}

// Set replaces the PIN and clears any lockout.
func (g *Guard) Set(p string) error {
	if !ValidFormat(p) {
		return ErrFormat
	}
	h, err := Hash(p)
	if err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.store.SavePIN(State{Hash: h})
}

// LockedFor returns how long the pad stays locked (zero when it is not).
func (g *Guard) LockedFor() (time.Duration, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	st, err := g.store.LoadPIN()
	if err != nil {
		return 0, err
	}
	return lockout.Left(&st.State, g.now()), nil
}

// Check verifies p. It returns nil on success, ErrWrong (with the tries left)
// on a wrong PIN, ErrLocked while locked and ErrNotSet before a PIN exists.
func (g *Guard) Check(p string) (triesLeft int, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	st, err := g.store.LoadPIN()
	if err != nil {
		return 0, err
	}
	if st.Hash == "" {
		return 0, ErrNotSet
	}
	if lockout.Left(&st.State, g.now()) > 0 {
		return 0, ErrLocked
	}
	if Matches(st.Hash, p) {
		if st.Succeed() {
			if err := g.store.SavePIN(st); err != nil {
				return 0, err
			}
		}
		return MaxTries, nil
	}
	left := lockout.Fail(&st.State, g.now())
	if err := g.store.SavePIN(st); err != nil {
		return 0, err
	}
	if left == 0 {
		return 0, ErrLocked
	}
	return left, ErrWrong
}
