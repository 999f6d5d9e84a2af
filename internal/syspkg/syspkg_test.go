package syspkg

import (
	"os/exec"
	"strings"
	"testing"
)

func TestVersionOfAnInstalledPackage(t *testing.T) {
	if _, err := exec.LookPath("dpkg-query"); err != nil {
		t.Skip("no dpkg on this machine")
	}
	// dpkg itself is installed wherever dpkg-query runs.
	if v := Version("dpkg"); v == "" || strings.ContainsAny(v, " \n") {
		t.Fatalf("Version(dpkg) = %q", v)
	}
	if got := Describe("pasapas-no-such-package"); got != "pasapas-no-such-package (not installed)" {
		t.Fatalf("Describe of a missing package: %q", got)
	}
}

func TestStartFailureQuotesTheFirstLinesOfTheLog(t *testing.T) {
	var log []string
	for i := 1; i <= LogLines+5; i++ {
		log = append(log, "line "+strings.Repeat("x", i%3))
	}
	log[0] = "E [02/Dec/2026:07:00:00 +0000] Missing value for Printcap on line 9"
	msg := StartFailure("cupsd", "pasapas-no-such-package", "lpstat never saw it running", strings.Join(log, "\n"))
	for _, want := range []string{"cupsd (pasapas-no-such-package (not installed)) did not start: lpstat never saw it running", "Missing value for Printcap on line 9", "(5 more lines)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if got := StartFailure("Xvfb", "xvfb", "exit status 1", "  \n"); !strings.HasSuffix(got, "it wrote nothing to its log") {
		t.Errorf("empty log: %q", got)
	}
}
