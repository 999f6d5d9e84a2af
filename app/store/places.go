package store

import (
	"context"
	"strings"

	"pasapas/app/directory"
)

const placeColumns = `id, name, address, phone, email, website, hours, services, publics, access, orientations`

// ReplacePlaces makes places the centre's whole directory, in one
// transaction: the old directory stays until the new one is complete.
func (s *Store) ReplacePlaces(ctx context.Context, places []directory.Place) error {
	return s.InTx(ctx, func(tx *Store) error {
		if _, err := tx.db.ExecContext(ctx, `DELETE FROM places`); err != nil {
			return err
		}
		for _, p := range places {
			if _, err := tx.db.ExecContext(ctx, `INSERT INTO places (`+placeColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				p.ID, p.Name, p.Address, p.Phone, p.Email, p.Website, p.Hours,
				strings.Join(p.Services, "|"), strings.Join(p.Publics, "|"), strings.Join(p.Access, "|"),
				strings.Join(p.Orientations, " ")); err != nil {
				return err
			}
		}
		return nil
	})
}

// Places returns the whole directory, by name.
func (s *Store) Places(ctx context.Context) ([]directory.Place, error) {
	return s.places(ctx, `SELECT `+placeColumns+` FROM places ORDER BY name, id`)
}

// PlacesFor returns the places that serve orientation (an assessment
// orientation code), by name: what the result screen and the printed
// summary list for the visitor.
func (s *Store) PlacesFor(ctx context.Context, orientation string) ([]directory.Place, error) {
	return s.places(ctx, `SELECT `+placeColumns+` FROM places
WHERE ' ' || orientations || ' ' LIKE '% ' || ? || ' %' ORDER BY name, id`, orientation)
}

func (s *Store) places(ctx context.Context, query string, args ...any) ([]directory.Place, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.Place
	for rows.Next() {
		var p directory.Place
		var services, publics, access, orientations string
		if err := rows.Scan(&p.ID, &p.Name, &p.Address, &p.Phone, &p.Email, &p.Website, &p.Hours, &services, &publics, &access, &orientations); err != nil {
			return nil, err
		}
		p.Services, p.Publics, p.Access = split(services, "|"), split(publics, "|"), split(access, "|")
		p.Orientations = strings.Fields(orientations)
		out = append(out, p)
	}
	return out, rows.Err()
}

func split(v, sep string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, sep)
}
