// Package i18n is the kiosk's text catalogue. Fyne's own lang package cannot
// switch language while running (fyne-io/fyne#5333) and each visitor picks a
// language, so texts are looked up per call, falling back to the reference
// language (French) and never showing a key name.
package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Language is one entry of languages.yaml.
type Language struct {
	Code        string `yaml:"code"`
	Name        string `yaml:"name"`
	Reference   bool   `yaml:"reference"`
	NeedsReview bool   `yaml:"needs_review"`
	RightToLeft bool   `yaml:"rtl"`
}

// Catalogue holds every text of every language.
type Catalogue struct {
	languages []Language
	ref       string
	texts     map[string]map[string]string // language → key → text
}

// LoadError is a problem in a content file, located for whoever fixes it.
type LoadError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *LoadError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Load reads languages.yaml and i18n/<code>/*.yaml from fsys.
func Load(fsys fs.FS) (*Catalogue, error) {
	c := &Catalogue{texts: map[string]map[string]string{}}
	if err := c.loadLanguages(fsys, "languages.yaml"); err != nil {
		return nil, err
	}
	for _, l := range c.languages {
		c.texts[l.Code] = map[string]string{}
		files, err := fs.Glob(fsys, path.Join("i18n", l.Code, "*.yaml"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if err := c.loadTexts(fsys, f, l.Code); err != nil {
				return nil, err
			}
		}
	}
	if len(c.texts[c.ref]) == 0 {
		return nil, &LoadError{File: "i18n/" + c.ref, Line: 1, Msg: "the reference language has no text"}
	}
	return c, nil
}

func readYAML(fsys fs.FS, name string) (*yaml.Node, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, &LoadError{File: name, Line: line, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return nil, &LoadError{File: name, Line: 1, Msg: "the file is empty"}
	}
	return doc.Content[0], nil
}

// yamlErrorLine splits a yaml.v3 syntax error ("yaml: line 3: …") into its
// line and message.
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		return line, strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return 1, msg
}

func (c *Catalogue) loadLanguages(fsys fs.FS, name string) error {
	root, err := readYAML(fsys, name)
	if err != nil {
		return err
	}
	if root.Kind != yaml.SequenceNode {
		return &LoadError{File: name, Line: root.Line, Msg: "expected a list of languages"}
	}
	seen := map[string]bool{}
	for _, n := range root.Content {
		var l Language
		if err := n.Decode(&l); err != nil {
			return &LoadError{File: name, Line: n.Line, Msg: err.Error()}
		}
		switch {
		case l.Code == "" || len(l.Code) > 8 || strings.ContainsAny(l.Code, "/\\. "):
			return &LoadError{File: name, Line: n.Line, Field: "code", Msg: "missing or not a language code"}
		case l.Name == "":
			return &LoadError{File: name, Line: n.Line, Field: "name", Msg: "missing"}
		case seen[l.Code]:
			return &LoadError{File: name, Line: n.Line, Field: "code", Msg: fmt.Sprintf("%q is listed twice", l.Code)}
		}
		seen[l.Code] = true
		if l.Reference {
			if c.ref != "" {
				return &LoadError{File: name, Line: n.Line, Field: "reference", Msg: "only one language can be the reference"}
			}
			c.ref = l.Code
		}
		c.languages = append(c.languages, l)
	}
	if c.ref == "" {
		return &LoadError{File: name, Line: root.Line, Field: "reference", Msg: "no language is marked as the reference"}
	}
	return nil
}

func (c *Catalogue) loadTexts(fsys fs.FS, name, lang string) error {
	root, err := readYAML(fsys, name)
	if err != nil {
		return err
	}
	if root.Kind != yaml.MappingNode {
		return &LoadError{File: name, Line: root.Line, Msg: "expected lines of the form key: text"}
	}
	texts := c.texts[lang]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			return &LoadError{File: name, Line: v.Line, Field: k.Value, Msg: "expected a non-empty text"}
		}
		if _, dup := texts[k.Value]; dup {
			return &LoadError{File: name, Line: k.Line, Field: k.Value, Msg: "this key is defined twice"}
		}
		texts[k.Value] = v.Value
	}
	return nil
}

// Languages lists the offered languages in display order.
func (c *Catalogue) Languages() []Language { return c.languages }

// Reference is the fallback language's code.
func (c *Catalogue) Reference() string { return c.ref }

// Language returns the entry for code, or the reference language's.
func (c *Catalogue) Language(code string) Language {
	for _, l := range c.languages {
		if l.Code == code {
			return l
		}
	}
	return c.Language(c.ref)
}

// T returns the text for key in lang, falling back to the reference
// language. args are name/value pairs filling {name} placeholders. A key
// missing everywhere gives an empty string, never the key itself; the
// catalogue tests make sure that cannot ship.
func (c *Catalogue) T(lang, key string, args ...string) string {
	s, ok := c.texts[lang][key]
	if !ok {
		s = c.texts[c.ref][key]
	}
	if len(args) > 1 {
		pairs := make([]string, 0, len(args))
		for i := 0; i+1 < len(args); i += 2 {
			pairs = append(pairs, "{"+args[i]+"}", args[i+1])
		}
		s = strings.NewReplacer(pairs...).Replace(s)
	}
	return s
}

// Has reports whether key exists in the reference language.
func (c *Catalogue) Has(key string) bool {
	_, ok := c.texts[c.ref][key]
	return ok
}

// Missing lists the reference keys that lang lacks, sorted.
func (c *Catalogue) Missing(lang string) []string {
	var out []string
	for k := range c.texts[c.ref] {
		if _, ok := c.texts[lang][k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
