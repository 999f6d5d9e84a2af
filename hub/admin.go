package hub

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"pasapas/app/pin"
)

// Admin is the hub's administration from the command line: it connects as
// the URL's role (the tables' owner), after bringing the schema up to date.
type Admin struct {
	conn *pgx.Conn
}

// OpenAdmin connects to url and migrates the database.
func OpenAdmin(ctx context.Context, url string) (*Admin, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connecting to the database: %w", err)
	}
	if err := Migrate(ctx, conn, SchemaVersion()); err != nil {
		conn.Close(ctx)
		return nil, err
	}
	return &Admin{conn: conn}, nil
}

// Close closes the connection.
func (a *Admin) Close(ctx context.Context) { a.conn.Close(ctx) }

// ErrExists is a centre or login already taken.
var ErrExists = errors.New("already exists")

// ErrNoCentre is a centre name the hub does not know.
var ErrNoCentre = errors.New("no such centre")

// AddCentre creates a centre and returns the enrolment token its kiosks
// put in sync.token. Only the token's hash is kept: it is shown once.
func (a *Admin) AddCentre(ctx context.Context, name string) (string, error) {
	token, hash, err := newToken()
	if err != nil {
		return "", err
	}
	_, err = a.conn.Exec(ctx, `INSERT INTO centres (name, token_hash) VALUES ($1, $2)`, name, hash)
	if isUniqueViolation(err) {
		return "", fmt.Errorf("centre %q: %w", name, ErrExists)
	}
	return token, err
}

// RevokeCentre refuses the centre's token from now on. Its sessions stay.
func (a *Admin) RevokeCentre(ctx context.Context, name string) error {
	tag, err := a.conn.Exec(ctx, `UPDATE centres SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, name)
	if err == nil && tag.RowsAffected() == 0 {
		err = fmt.Errorf("centre %q (or already revoked): %w", name, ErrNoCentre)
	}
	return err
}

// loginPattern is what a login may be: no spaces, nothing that needs
// escaping in a log line.
var loginPattern = regexp.MustCompile(`^[A-Za-z0-9_.@-]{1,64}$`)

// MinPasswordLength is the shortest password add-user accepts.
const MinPasswordLength = 12

// AddUser creates a dashboard user: a coordinator (every centre) when
// centre is "", or that centre's user. The password is kept as the
// mediator PIN is, a salted argon2id hash.
func (a *Admin) AddUser(ctx context.Context, login, password, centre string) error {
	if !loginPattern.MatchString(login) {
		return fmt.Errorf("login %q: letters, digits and _ . @ - only, at most 64", login)
	}
	if len([]rune(password)) < MinPasswordLength {
		return fmt.Errorf("the password must have at least %d characters", MinPasswordLength)
	}
	var centreID *int
	if centre != "" {
		var id int
		err := a.conn.QueryRow(ctx, `SELECT id FROM centres WHERE name = $1`, centre).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("centre %q: %w", centre, ErrNoCentre)
		}
		if err != nil {
			return err
		}
		centreID = &id
	}
	hash, err := pin.Hash(password)
	if err != nil {
		return err
	}
	_, err = a.conn.Exec(ctx, `INSERT INTO users (login, password_hash, centre_id) VALUES ($1, $2, $3)`, login, hash, centreID)
	if isUniqueViolation(err) {
		return fmt.Errorf("login %q: %w", login, ErrExists)
	}
	return err
}

func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}
