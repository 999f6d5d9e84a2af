package hub

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"pasapas/app/pin"
)

// user is who a request comes from.
type user struct {
	login  string
	centre *int // nil: a coordinator
	csrf   string
}

func (u user) scope() Scope {
	if u.centre == nil {
		return Scope{All: true}
	}
	return Scope{Centre: *u.centre}
}

// defaultCentre is the centre a request reads: the one asked for, else a
// centre user's own (so the query reads that centre's rows by index; the
// policies would hide the others anyway). Asking for another centre is
// left as is: the policies return nothing.
func (u user) defaultCentre(asked int) int {
	if asked == 0 && u.centre != nil {
		return *u.centre
	}
	return asked
}

const (
	sessionCookie = "pasapas_session"
	// loginCookie carries the login form's CSRF token before any session.
	loginCookie = "pasapas_login"
	sessionLife = 8 * time.Hour
	// maxFailures wrong passwords for a login within failureWindow make
	// it wait: slow enough against guessing, short for a typo.
	maxFailures   = 5
	failureWindow = 15 * time.Minute
)

// errTooMany: too many wrong passwords lately for this login.
var errTooMany = errors.New("too many failed logins")

// dummyHash is checked against for unknown logins, so that an unknown
// login answers as slowly as a wrong password. It is made at the first
// login, not at start: the kiosk's binary links the hub, and an argon2id
// hash (20 MB, ~70 ms) would delay every kiosk's window.
var dummyHash = sync.OnceValue(func() string {
	h, _ := pin.Hash("pasapas-no-such-user")
	return h
})

// checkPassword returns the user whose login and password these are.
func (db *DB) checkPassword(ctx context.Context, login, password string) (user, error) {
	var u user
	if !loginPattern.MatchString(login) {
		// No such login can exist; answer as slowly as for one.
		pin.Matches(dummyHash(), password)
		return u, errUnauthorized
	}
	var hash string
	var failures int
	err := db.unscoped(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM login_failures WHERE login = $1 AND at > now() - $2::interval`,
			login, failureWindow.String()).Scan(&failures); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `SELECT login, password_hash, centre_id FROM users WHERE login = $1`, login).Scan(&u.login, &hash, &u.centre)
		if errors.Is(err, pgx.ErrNoRows) {
			hash = dummyHash()
			return nil
		}
		return err
	})
	if err != nil {
		return u, err
	}
	if failures >= maxFailures {
		return u, errTooMany
	}
	if !pin.Matches(hash, password) || u.login == "" {
		err := db.unscoped(ctx, func(tx pgx.Tx) error {
			// Old tries go as new ones come, so guessing logins cannot
			// fill the table.
			if _, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE at < now() - $1::interval`, failureWindow.String()); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO login_failures (login) VALUES ($1)`, login)
			return err
		})
		if err != nil {
			return u, err
		}
		return u, errUnauthorized
	}
	return u, db.unscoped(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE login = $1 OR at < now() - $2::interval`, login, failureWindow.String())
		return err
	})
}

// openSession stores a dashboard session for u and returns its cookie value.
func (db *DB) openSession(ctx context.Context, u user) (string, error) {
	token, hash, err := newToken()
	if err != nil {
		return "", err
	}
	csrf, _, err := newToken()
	if err != nil {
		return "", err
	}
	return token, db.unscoped(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM web_sessions WHERE expires_at < now()`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO web_sessions (token_hash, login, csrf, expires_at) VALUES ($1, $2, $3, now() + $4::interval)`,
			hash, u.login, csrf, sessionLife.String())
		return err
	})
}

// sessionUser is the user of a dashboard session cookie.
func (db *DB) sessionUser(ctx context.Context, token string) (user, error) {
	var u user
	err := db.unscoped(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `SELECT u.login, u.centre_id, s.csrf FROM web_sessions s JOIN users u ON u.login = s.login
WHERE s.token_hash = $1 AND s.expires_at > now()`, tokenHash(token)).Scan(&u.login, &u.centre, &u.csrf)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return u, errUnauthorized
	}
	return u, err
}

func (db *DB) closeSession(ctx context.Context, token string) error {
	return db.unscoped(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM web_sessions WHERE token_hash = $1`, tokenHash(token))
		return err
	})
}

// cookieUser is the user of the request's session cookie, if any.
func (h *Handler) cookieUser(r *http.Request) (user, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return user{}, errUnauthorized
	}
	return h.db.sessionUser(r.Context(), c.Value)
}

// apiUser authenticates an API request: HTTP Basic or the dashboard's
// session. It has answered the request when ok is false.
func (h *Handler) apiUser(w http.ResponseWriter, r *http.Request) (user, bool) {
	var u user
	var err error
	if login, password, basic := r.BasicAuth(); basic {
		u, err = h.db.checkPassword(r.Context(), login, password)
	} else {
		u, err = h.cookieUser(r)
	}
	switch {
	case errors.Is(err, errTooMany):
		w.Header().Set("Retry-After", "900")
		http.Error(w, "too many failed logins: wait 15 minutes", http.StatusTooManyRequests)
	case errors.Is(err, errUnauthorized):
		w.Header().Set("WWW-Authenticate", `Basic realm="pasapas hub", charset="UTF-8"`)
		http.Error(w, "login required", http.StatusUnauthorized)
	case err != nil:
		h.fail(w, r, err)
	default:
		return u, true
	}
	return u, false
}

// sameToken compares a form's CSRF token with the expected one.
func sameToken(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: value, Path: "/", MaxAge: int(maxAge / time.Second),
		HttpOnly: true, Secure: true, SameSite: http.SameSiteStrictMode,
	})
}
