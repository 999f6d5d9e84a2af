package settings

import (
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"pasapas/app/directory"
)

// Validate says whether value is one the kiosk can use for key, and
// returns it as stored. The console, pasapas settings and the first start
// all check through it; its messages are the mediator's, in French.
func Validate(key, value string) (string, error) {
	value = strings.TrimSpace(value)
	between := func(lo, hi int) (string, error) {
		n, err := strconv.Atoi(value)
		if err != nil || n < lo || n > hi {
			return "", fmt.Errorf("« %s » : un nombre entier de %d à %d", value, lo, hi)
		}
		return strconv.Itoa(n), nil
	}
	switch key {
	case CentrePosition:
		if value == "" {
			return "", nil
		}
		p, err := directory.ParsePosition(value)
		if err != nil {
			return "", err
		}
		return p.String(), nil
	case PlacesRadiusKm:
		return between(1, 1000)
	case CentrePostCode:
		if value != "" && !directory.ValidPostCode(value) {
			return "", fmt.Errorf("« %s » : 5 chiffres, par exemple 05000", value)
		}
	case CentreINSEE:
		if value != "" && !directory.ValidINSEE(value) {
			return "", fmt.Errorf("« %s » : le code INSEE de la commune, 5 caractères, par exemple 05061", value)
		}
	case SyncURL:
		if value == "" {
			return "", nil
		}
		return HubURL(value)
	case SyncKey:
		if value == "" {
			return "", nil
		}
		if _, err := HubKey(value); err != nil {
			return "", err
		}
	case IdleSeconds:
		return between(MinIdleSeconds, 3600)
	case RetentionDays:
		return between(1, 3650)
	case TextStep:
		return between(0, 2)
	case SpeechAuto:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return "", fmt.Errorf("« %s » : true ou false", value)
		}
		return strconv.FormatBool(b), nil
	case KioskID:
		if value == "" {
			return "", fmt.Errorf("le nom de la borne ne peut pas être vide")
		}
	}
	return value, nil
}

// HubURL returns the hub's address as the kiosk stores it, or why it is
// refused: the centre's token travels with every push, so it goes over
// TLS, or in plain HTTP only to this computer (a hub or TLS proxy here).
func HubURL(raw string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("« %s » : une adresse comme https://hub.exemple.fr", raw)
	}
	switch u.Scheme {
	case "https":
		return raw, nil
	case "http":
		host := u.Hostname()
		if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
			return raw, nil
		}
	}
	return "", fmt.Errorf("« %s » : le jeton doit voyager chiffré ; une adresse en https:// (http:// seulement vers cet ordinateur)", raw)
}

// HubKey reads the hub's public key as sync.key holds it: an ed25519 key
// in standard base64, as pasapas hub add-centre prints it.
func HubKey(raw string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(raw))
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("« %s » : la clé du hub, 44 caractères, sur la ligne « Clé du hub (sync.key) » de pasapas hub add-centre", raw)
	}
	return ed25519.PublicKey(b), nil
}
