// Package assess holds the self-assessment's screens: one question at a
// time (choices, pictograms, needs, exercises tried on screen), then the
// result and the next step. The path and the scoring are assessment.Run's;
// these screens only draw it and measure the exercises.
package assess

import "pasapas/ui/shell"

// Screens are the self-assessment's screens, drawn in the shell.
type Screens struct{ *shell.Shell }
