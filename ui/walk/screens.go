// Package walk holds the walkthroughs' screens: the list of procedures,
// the checklist of documents, each step cut into pages that fit, the
// practice sandboxes where nothing is sent, "Je suis bloqué(e)" and the
// end. What a walk records and when is walkthrough.Run's; these screens
// draw it and tell it what the visitor did.
package walk

import "pasapas/ui/shell"

// Screens are the walkthroughs' screens, drawn in the shell.
type Screens struct{ *shell.Shell }
