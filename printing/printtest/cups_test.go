package printtest

import (
	"strings"
	"testing"

	"pasapas/internal/syspkg"
)

// TestPrivateCUPSStarts starts the scheduler as the printing tests do.
func TestPrivateCUPSStarts(t *testing.T) {
	s := StartCUPS(t)
	if s.Addr == "" {
		t.Fatal("no address")
	}
}

// TestBrokenConfigurationNamesCupsDaemon breaks the private scheduler's
// configuration on purpose: the failure must name the package and its
// version, and quote cupsd's own complaint, so that a Debian update that
// changes what cupsd accepts is diagnosed from the CI log alone.
func TestBrokenConfigurationNamesCupsDaemon(t *testing.T) {
	_, err := StartCUPSWith(t, "SystemGroup pasapas-no-such-group\n")
	if err == nil {
		t.Fatal("cupsd started with a system group that does not exist")
	}
	version := syspkg.Version("cups-daemon")
	for _, want := range []string{"cupsd (cups-daemon " + version + ") did not start", "pasapas-no-such-group"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the failure lacks %q:\n%v", want, err)
		}
	}
	t.Logf("as CI would show it:\n%v", err)
}
