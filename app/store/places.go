package store

import (
	"context"
	"database/sql"
	"strings"

	"pasapas/app/directory"
)

const placeColumns = `id, name, address, phone, email, website, hours, services, publics, access, orientations, commune, code_postal, code_insee, latitude, longitude`

// ReplacePlaces makes places the centre's whole directory, in one
// transaction: the old directory stays until the new one is complete.
func (s *Store) ReplacePlaces(ctx context.Context, places []directory.Place) error {
	return s.InTx(ctx, func(tx *Store) error {
		if _, err := tx.db.ExecContext(ctx, `DELETE FROM places`); err != nil {
			return err
		}
		for _, p := range places {
			var lat, lon sql.NullFloat64
			if p.HasPosition {
				lat, lon = sql.NullFloat64{Float64: p.Position.Lat, Valid: true}, sql.NullFloat64{Float64: p.Position.Lon, Valid: true}
			}
			if _, err := tx.db.ExecContext(ctx, `INSERT INTO places (`+placeColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				p.ID, p.Name, p.Address, p.Phone, p.Email, p.Website, p.Hours,
				strings.Join(p.Services, "|"), strings.Join(p.Publics, "|"), strings.Join(p.Access, "|"),
				strings.Join(p.Orientations, " "), p.Commune, p.PostCode, p.INSEE, lat, lon); err != nil {
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
// orientation code), by name; directory.Nearest keeps those near the
// centre for the result screen and the printed summary.
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
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&p.ID, &p.Name, &p.Address, &p.Phone, &p.Email, &p.Website, &p.Hours, &services, &publics, &access, &orientations,
			&p.Commune, &p.PostCode, &p.INSEE, &lat, &lon); err != nil {
			return nil, err
		}
		p.Services, p.Publics, p.Access = split(services, "|"), split(publics, "|"), split(access, "|")
		p.Orientations = strings.Fields(orientations)
		if lat.Valid && lon.Valid {
			p.Position, p.HasPosition = directory.Position{Lat: lat.Float64, Lon: lon.Float64}, true
		}
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
