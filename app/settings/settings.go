// Package settings names the kiosk settings kept in the database's
// settings table: the centre's own data and the kiosk's behaviour, never a
// visitor's. The mediator console edits them; the kiosk reads them at start.
package settings

// Keys of the settings table.
const (
	KioskID       = "kiosk.id"             // which kiosk of the centre, in exports
	IdleSeconds   = "idle.timeout_seconds" // seconds without a touch before the "still there?" prompt
	Language      = "default.language"     // language code each visitor starts in
	TextStep      = "default.text_step"    // text size step each visitor starts at (0..2)
	CentreName    = "centre.name"          // shown on the printed summary
	CentreAddress = "centre.address"       // shown on the printed summary
	CentreHours   = "centre.hours"         // opening hours, as the centre writes them
	// The Coop's activity report asks for the lieu d'activité's commune,
	// code postal and code INSEE; the kiosk cannot guess them.
	CentreCommune  = "centre.commune"
	CentrePostCode = "centre.code_postal"
	CentreINSEE    = "centre.insee"
	// CentrePosition is "latitude,longitude" (decimal degrees, WGS 84):
	// the places offered to a visitor are the nearest to it.
	CentrePosition = "centre.position"
	PlacesRadiusKm = "places.radius_km" // only places this close are offered
	Printer        = "printer.name"     // print queue; empty: the system's default
	RetentionDays  = "retention.days"   // sessions older than this many days are purged
	SpeechAuto     = "speech.auto"      // "true": every screen is read aloud without a tap
)

// DefaultRetentionDays is the retention when none is set: three months,
// long enough for a follow-up appointment, short enough to keep little.
const DefaultRetentionDays = 90

// DefaultPlacesRadiusKm is the radius without a setting: a bus ride.
const DefaultPlacesRadiusKm = 30

// MinIdleSeconds is the shortest idle timeout the kiosk accepts.
const MinIdleSeconds = 30
