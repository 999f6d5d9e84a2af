package report

import (
	"context"
	"strconv"

	"pasapas/app/directory"
	"pasapas/app/settings"
)

// OfferedPlaces are the places of the centre's directory offered to a
// visitor with orientation: those near the centre (settings
// centre.position and places.radius_km), nearest first; every place by
// name while the position is not set.
func OfferedPlaces(ctx context.Context, st Store, orientation string) ([]directory.Near, error) {
	places, err := st.PlacesFor(ctx, orientation)
	if err != nil {
		return nil, err
	}
	return offer(ctx, st, places)
}

// EveryPlace is OfferedPlaces for any orientation: every place of the
// directory near the centre.
func EveryPlace(ctx context.Context, st Store) ([]directory.Near, error) {
	places, err := st.Places(ctx)
	if err != nil {
		return nil, err
	}
	return offer(ctx, st, places)
}

// offer keeps the places near the centre, nearest first.
func offer(ctx context.Context, st Store, places []directory.Place) ([]directory.Near, error) {
	centre, commune, radius, err := placesSettings(ctx, st)
	if err != nil {
		return nil, err
	}
	return directory.Offer(places, centre, commune, radius), nil
}

// placesSettings reads the centre's position (nil when not set or not
// readable), commune and radius.
func placesSettings(ctx context.Context, st Store) (centre *directory.Position, commune string, radiusKm float64, err error) {
	get := func(key, def string) string {
		if err != nil {
			return def
		}
		var v string
		v, err = st.Setting(ctx, key, def)
		return v
	}
	pos, commune := get(settings.CentrePosition, ""), get(settings.CentreCommune, "")
	radiusKm, perr := strconv.ParseFloat(get(settings.PlacesRadiusKm, ""), 64)
	if perr != nil || radiusKm <= 0 {
		radiusKm = settings.DefaultPlacesRadiusKm
	}
	if p, perr := directory.ParsePosition(pos); pos != "" && perr == nil {
		centre = &p
	}
	return centre, commune, radiusKm, err
}
