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
	Printer       = "printer.name"         // print queue; empty: the system's default
	RetentionDays = "retention.days"       // sessions older than this many days are purged
	SpeechAuto    = "speech.auto"          // "true": every screen is read aloud without a tap
)

// DefaultRetentionDays is the retention when none is set: three months,
// long enough for a follow-up appointment, short enough to keep little.
const DefaultRetentionDays = 90

// MinIdleSeconds is the shortest idle timeout the kiosk accepts.
const MinIdleSeconds = 30

// The territory hub (app/sync): where the kiosk sends its ended sessions,
// and the centre's enrolment token (pasapas hub add-centre). Both empty:
// nothing leaves the kiosk.
const (
	SyncURL   = "sync.url"   // e.g. https://hub.example.org
	SyncToken = "sync.token" // secret: the console shows it masked
)
