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

// DefaultKioskID names a kiosk in the exports until the centre does.
const DefaultKioskID = "borne-1"

// MinIdleSeconds is the shortest idle timeout the kiosk accepts.
const MinIdleSeconds = 30

// Key describes one setting for "pasapas settings list" and its checks.
type Key struct {
	Name, Default, Help string
}

// Keys are the settings a centre may set, in the console's order.
var Keys = []Key{
	{CentreName, "", "nom du lieu, sur le résumé imprimé et dans l'export pour la Coop"},
	{CentreAddress, "", "adresse du lieu"},
	{CentreCommune, "", "commune du lieu (compte-rendu de la Coop)"},
	{CentrePostCode, "", "code postal du lieu, 5 chiffres"},
	{CentreINSEE, "", "code INSEE de la commune, 5 caractères"},
	{CentreHours, "", "horaires d'ouverture, comme le lieu les écrit"},
	{CentrePosition, "", "« latitude,longitude » du lieu : les lieux proposés sont les plus proches"},
	{PlacesRadiusKm, "30", "distance maximale des lieux proposés, en km"},
	{KioskID, DefaultKioskID, "nom de la borne dans les exports"},
	{IdleSeconds, "120", "secondes sans geste avant « Vous êtes toujours là ? » (30 à 3600)"},
	{Language, "fr", "langue de départ de chaque visiteur"},
	{TextStep, "0", "taille du texte de départ (0 à 2)"},
	{Printer, "", "file d'impression ; vide : l'imprimante par défaut"},
	{RetentionDays, "90", "jours de conservation des sessions (1 à 3650)"},
	{SpeechAuto, "false", "« true » : chaque écran est lu à voix haute"},
	{SyncURL, "", "adresse du hub du réseau (https://…) ; vide : rien ne quitte la borne"},
	{SyncToken, "", "jeton du centre donné par le réseau (secret : list le masque)"},
	{SyncKey, "", "clé publique du hub (base64) : la borne ne prend que les paquets de contenu qu'il a signés"},
}

// The territory hub (app/sync): where the kiosk sends its ended sessions,
// and the centre's enrolment token (pasapas hub add-centre). Both empty:
// nothing leaves the kiosk.
const (
	SyncURL   = "sync.url"   // e.g. https://hub.example.org
	SyncToken = "sync.token" // secret: the console shows it masked
)

// SyncKey is the hub's ed25519 public key (base64, printed by pasapas hub
// add-centre): the kiosk takes only content packs it signed.
const SyncKey = "sync.key"

// PackRunning is the version of the network's content pack the kiosk
// last showed visitors (0: none), written by the kiosk, read by the sync
// to tell the hub. Not a setting a centre sets.
const PackRunning = "pack.running"
