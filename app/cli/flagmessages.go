package cli

import (
	"io"
	"regexp"
)

// flagMessages writes the flag package's mistakes ("flag provided but not
// defined: -x") in French, named after the command, and passes the rest.
type flagMessages struct {
	command string
	w       io.Writer
}

var flagMistakes = []struct {
	english *regexp.Regexp
	french  string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(\S+)\n$`), "option inconnue : --$1"},
	{regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag -+(\S+): .*\n$`), "--$2 : « $1 » n'est pas une valeur possible"},
	{regexp.MustCompile(`^flag needs an argument: -+(\S+)\n$`), "--$1 demande une valeur"},
	{regexp.MustCompile(`^bad flag syntax: (.*)\n$`), "option mal écrite : « $1 »"},
}

func (m flagMessages) Write(p []byte) (int, error) {
	for _, f := range flagMistakes {
		if f.english.Match(p) {
			line := "pasapas " + m.command + " : " + string(f.english.ReplaceAll(p, []byte(f.french))) + "\n"
			if _, err := io.WriteString(m.w, line); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	return m.w.Write(p)
}
