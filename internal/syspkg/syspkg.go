// Package syspkg names the Debian package behind a program that a test
// starts (cupsd, Xvfb, openbox, espeak-ng, Wine, LibreOffice), with the
// version installed, so that a service that fails to start says which
// package moved under the project: a security update of cups-daemon once
// made the tests' private cupsd refuse its configuration, and only its
// version told the story.
package syspkg

import (
	"fmt"
	"os/exec"
	"strings"
)

// Version is the installed version of the Debian package pkg, or "" when
// it is not installed (or the machine has no dpkg).
func Version(pkg string) string {
	out, err := exec.Command("dpkg-query", "-W", "-f=${Version}", pkg).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// Describe is "pkg version", or says that pkg is not installed.
func Describe(pkg string) string {
	if v := Version(pkg); v != "" {
		return pkg + " " + v
	}
	return pkg + " (not installed)"
}

// LogLines is how much of a service's own log a failure quotes.
const LogLines = 30

// StartFailure is the message of a service that did not start: the
// program, its package and version, why, and the first lines of its log.
func StartFailure(program, pkg, why, log string) string {
	msg := fmt.Sprintf("%s (%s) did not start: %s", program, Describe(pkg), why)
	log = strings.TrimSpace(log)
	if log == "" {
		return msg + "; it wrote nothing to its log"
	}
	lines := strings.Split(log, "\n")
	more := ""
	if len(lines) > LogLines {
		more = fmt.Sprintf("\n    … (%d more lines)", len(lines)-LogLines)
		lines = lines[:LogLines]
	}
	return msg + "; the first lines of its log:\n    " + strings.Join(lines, "\n    ") + more
}
