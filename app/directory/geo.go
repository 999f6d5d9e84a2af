package directory

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Position is a point on Earth in decimal degrees (WGS 84), as the
// standard's latitude and longitude.
type Position struct{ Lat, Lon float64 }

// ParsePosition reads "latitude,longitude" (the setting centre.position);
// a space after the comma is allowed.
func ParsePosition(s string) (Position, error) {
	lat, lon, ok := strings.Cut(s, ",")
	if !ok {
		return Position{}, fmt.Errorf("« %s » : attendu « latitude,longitude », par exemple 44.5594,6.0786", s)
	}
	lat, lon = strings.TrimSpace(lat), strings.TrimSpace(lon)
	var p Position
	var err1, err2 error
	p.Lat, err1 = strconv.ParseFloat(lat, 64)
	p.Lon, err2 = strconv.ParseFloat(lon, 64)
	// "44,5594" is a French decimal comma, not 44° and 5594°: both parts
	// need their decimal point.
	if err1 != nil || err2 != nil || !strings.Contains(lat, ".") || !strings.Contains(lon, ".") || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
		return Position{}, fmt.Errorf("« %s » : attendu « latitude,longitude » en degrés décimaux avec un point, par exemple 44.5594,6.0786", s)
	}
	return p, nil
}

func (p Position) String() string {
	return strconv.FormatFloat(p.Lat, 'f', -1, 64) + "," + strconv.FormatFloat(p.Lon, 'f', -1, 64)
}

// DistanceKm is the great-circle distance between p and q.
func (p Position) DistanceKm(q Position) float64 {
	const earthKm = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (q.Lat-p.Lat)*rad, (q.Lon-p.Lon)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(p.Lat*rad)*math.Cos(q.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Sqrt(a))
}

// Near is a place and its distance from the centre.
type Near struct {
	Place
	Km float64
}

// Nearest keeps the places within radiusKm of centre, nearest first
// (places without a position are left out: nobody can say they are near).
func Nearest(places []Place, centre Position, radiusKm float64) []Near {
	var out []Near
	for _, p := range places {
		if !p.HasPosition {
			continue
		}
		if d := centre.DistanceKm(p.Position); d <= radiusKm {
			out = append(out, Near{p, d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Km < out[j].Km })
	return out
}

// KmLabel is a distance as printed: "à 800 m", "à 4 km".
func KmLabel(km float64) string {
	if km < 1 {
		return "à " + strconv.Itoa(max(100, int(math.Round(km*10))*100)) + " m"
	}
	return "à " + strconv.Itoa(int(math.Round(km))) + " km"
}

// Offer is the places offered to a visitor, from those serving their
// orientation. With the centre's position: the places within radiusKm,
// nearest first, then those without a position in the centre's own
// commune (a hand-made list often has no coordinates). Without it: every
// place, by name, at an unknown distance (Km < 0).
func Offer(places []Place, centre *Position, commune string, radiusKm float64) []Near {
	if centre == nil {
		out := make([]Near, len(places))
		for i, p := range places {
			out[i] = Near{p, -1}
		}
		return out
	}
	out := Nearest(places, *centre, radiusKm)
	for _, p := range places {
		if !p.HasPosition && commune != "" && strings.EqualFold(p.Commune, commune) {
			out = append(out, Near{p, -1})
		}
	}
	return out
}

// PhoneLabel writes a French number of the standard ("+33476000000") as
// people read it, "04 76 00 00 00"; other numbers stay as they are.
func PhoneLabel(phone string) string {
	rest, ok := strings.CutPrefix(phone, "+33")
	if !ok || len(rest) != 9 {
		return phone
	}
	digits := "0" + rest
	return digits[0:2] + " " + digits[2:4] + " " + digits[4:6] + " " + digits[6:8] + " " + digits[8:10]
}
