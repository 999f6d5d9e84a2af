// Package visitor holds the visitor's screens outside the two flows:
// welcome (language, "Commencer"), home (self-assessment or walkthroughs),
// goodbye, and printing the visitor's summary.
package visitor

import "pasapas/ui/shell"

// Screens are the visitor group's screens, drawn in the shell.
type Screens struct{ *shell.Shell }
