// Package locale makes sure Fyne reads a locale it understands. Fyne's lang
// package reads LC_ALL, LC_MESSAGES, LANG and LANGUAGE when it is
// initialised and logs "Error parsing user locale" for a value it cannot
// parse (LANG=xx_YY.UTF-8, a typo on a centre's PC): noise on every command,
// before main runs. This package is imported by main and initialised before
// Fyne's lang: Go initialises packages in import-path order among those
// whose imports are ready, and lang waits for text/template, which sorts
// after this path. A value that does not parse is replaced by French, the
// kiosk's reference language; a good one is left alone.
// internal/e2e's TestCommandsSayNothingOfAnUnknownLocale guards the order.
package locale

import (
	"os"
	"strings"

	"golang.org/x/text/language"
)

// French is the language an unreadable locale is read as.
const French = "fr"

func init() { Repair(os.Getenv, os.Setenv) }

// Repair steers Fyne to French, through set, when the locale it would read
// does not parse. It reads the variables as Fyne's go-locale does: the first
// of LC_ALL, LC_MESSAGES and LANG; C or POSIX means no locale; otherwise
// LANGUAGE, a colon-separated list, wins when set. Only LANGUAGE is
// changed: it names the language of messages and nothing else, so the
// character set that programs started by the kiosk see stays the same.
func Repair(get func(string) string, set func(string, string) error) {
	var locale string
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = get(name); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" {
		return
	}
	languages := get("LANGUAGE")
	if languages == "" {
		if !Readable(locale) {
			set("LANGUAGE", French)
		}
		return
	}
	var kept []string
	for _, l := range strings.Split(languages, ":") {
		if Readable(l) {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		kept = []string{French}
	}
	if joined := strings.Join(kept, ":"); joined != languages {
		set("LANGUAGE", joined)
	}
}

// Readable reports whether Fyne can parse the POSIX locale v (fr_FR.UTF-8,
// de_DE@euro, en): its language and region as a BCP 47 tag. C.UTF-8 is not
// readable: Fyne reads it as a language called "C".
func Readable(v string) bool {
	tag, _, _ := strings.Cut(v, ".")
	tag, _, _ = strings.Cut(tag, "@")
	if tag == "" {
		return false
	}
	_, err := language.Parse(strings.ReplaceAll(tag, "_", "-"))
	return err == nil
}
