package sync

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CheckURL returns the hub's address as the kiosk stores it, or why it is
// refused: the centre's token travels with every push, so it goes over
// TLS, or in plain HTTP only to this computer (a hub or TLS proxy here).
func CheckURL(raw string) (string, error) {
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
