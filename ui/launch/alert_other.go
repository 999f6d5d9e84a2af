//go:build !windows

package launch

import (
	"fmt"
	"os"
)

// alert prints the message for whoever started the kiosk from a terminal;
// the log has it too.
func alert(title, text string) {
	fmt.Fprintf(os.Stderr, "\n%s\n\n%s\n", title, text)
}
