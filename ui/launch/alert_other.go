//go:build !windows

package launch

import (
	"fmt"
	"os"
)

// Alert prints the message for whoever started the kiosk from a terminal;
// the log has it too.
func Alert(title, text string) {
	fmt.Fprintf(os.Stderr, "\n%s\n\n%s\n", title, text)
}
