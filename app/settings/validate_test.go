package settings_test

import (
	"testing"

	"pasapas/app/settings"
)

// TestTokenTravelsEncrypted: the hub's address is https, or plain http to
// this computer only; anything else is refused with the reason.
func TestTokenTravelsEncrypted(t *testing.T) {
	for raw, want := range map[string]string{
		"https://hub.exemple.fr/":      "https://hub.exemple.fr",
		" https://hub.exemple.fr:8443": "https://hub.exemple.fr:8443",
		"http://127.0.0.1:8080":        "http://127.0.0.1:8080",
		"http://localhost:8080/":       "http://localhost:8080",
		"http://[::1]:8080":            "http://[::1]:8080",
		"http://hub.exemple.fr":        "",
		"http://192.168.1.10:8080":     "",
		"hub.exemple.fr":               "",
		"ftp://hub.exemple.fr":         "",
		"https://moi:secret@hub.fr":    "",
		"https://hub.fr/?jeton=1":      "",
	} {
		got, err := settings.HubURL(raw)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("HubURL(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
}

// TestValidateStoresWhatTheKioskReads: values come back as stored, or
// refused with the reason.
func TestValidateStoresWhatTheKioskReads(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{settings.IdleSeconds, " 180 ", "180"},
		{settings.IdleSeconds, "20", ""},
		{settings.RetentionDays, "0", ""},
		{settings.TextStep, "2", "2"},
		{settings.SpeechAuto, "TRUE", "true"},
		{settings.SpeechAuto, "oui", ""},
		{settings.KioskID, "  ", ""},
		{settings.CentrePostCode, "5000", ""},
		{settings.CentrePostCode, "05000", "05000"},
		{settings.CentrePosition, "44,5594 6,0786", ""},
		{settings.CentrePosition, "44.5594,6.0786", "44.5594,6.0786"},
		{settings.SyncURL, "", ""},
		{settings.SyncKey, "", ""},
		{settings.SyncKey, " 11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo= ", "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="},
		{settings.SyncKey, "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcH", ""},
		{settings.CentreName, " EPN de Die ", "EPN de Die"},
	} {
		got, err := settings.Validate(c.key, c.value)
		refused := c.want == "" && c.key != settings.SyncURL && (c.key != settings.SyncKey || c.value != "")
		if got != c.want || refused != (err != nil) {
			t.Errorf("Validate(%s, %q) = %q, %v; want %q", c.key, c.value, got, err, c.want)
		}
	}
}
