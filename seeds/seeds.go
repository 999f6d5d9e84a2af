// Package seeds embeds the kiosk's built-in content: interface text, the
// guided walkthroughs (walkthroughs/), the question bank (questions/) and
// the translators' glossaries (glossary/). A centre overrides it without a
// rebuild by placing files of the same layout in <data-dir>/content/.
package seeds

import "embed"

// FS holds the built-in content files.
//
//go:embed languages.yaml i18n glossary walkthroughs questions practice.yaml
var FS embed.FS
