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
	var p Position
	var err1, err2 error
	p.Lat, err1 = strconv.ParseFloat(strings.TrimSpace(lat), 64)
	p.Lon, err2 = strconv.ParseFloat(strings.TrimSpace(lon), 64)
	if err1 != nil || err2 != nil || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
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
