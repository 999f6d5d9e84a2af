// Package i18n is the kiosk's text catalogue. Fyne's own lang package cannot
// switch language while running (fyne-io/fyne#5333) and each visitor picks a
// language, so texts are looked up per call, falling back to the reference
// language (French) and never showing a key name.
package i18n

import (
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"pasapas/assessment/content"
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
		return nil, &content.Error{File: "i18n/" + c.ref, Line: 1, Msg: "the reference language has no text"}
	}
	return c, nil
}

func (c *Catalogue) loadLanguages(fsys fs.FS, name string) error {
	root, err := content.ParseFile(fsys, name)
	if err != nil {
		return err
	}
	if root.Kind != yaml.SequenceNode {
		return content.Errorf(name, root, "", "expected a list of languages")
	}
	seen := map[string]bool{}
	for _, n := range root.Content {
		var l Language
		if err := n.Decode(&l); err != nil {
			return content.Errorf(name, n, "", "%v", err)
		}
		switch {
		case l.Code == "" || len(l.Code) > 8 || strings.ContainsAny(l.Code, "/\\. "):
			return content.Errorf(name, n, "code", "missing or not a language code")
		case l.Name == "":
			return content.Errorf(name, n, "name", "missing")
		case seen[l.Code]:
			return content.Errorf(name, n, "code", "%q is listed twice", l.Code)
		}
		seen[l.Code] = true
		if l.Reference {
			if c.ref != "" {
				return content.Errorf(name, n, "reference", "only one language can be the reference")
			}
			c.ref = l.Code
		}
		c.languages = append(c.languages, l)
	}
	if c.ref == "" {
		return content.Errorf(name, root, "reference", "no language is marked as the reference")
	}
	return nil
}

func (c *Catalogue) loadTexts(fsys fs.FS, name, lang string) error {
	root, err := content.ParseFile(fsys, name)
	if err != nil {
		return err
	}
	if root.Kind != yaml.MappingNode {
		return content.Errorf(name, root, "", "expected lines of the form key: text")
	}
	texts := c.texts[lang]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			return content.Errorf(name, v, k.Value, "expected a non-empty text")
		}
		if _, dup := texts[k.Value]; dup {
			return content.Errorf(name, k, k.Value, "this key is defined twice")
		}
		texts[k.Value] = v.Value
	}
	return nil
}

// Languages lists the offered languages in display order.
func (c *Catalogue) Languages() []Language { return c.languages }

// Codes lists the offered languages' codes in display order.
func (c *Catalogue) Codes() []string {
	out := make([]string, len(c.languages))
	for i, l := range c.languages {
		out[i] = l.Code
	}
	return out
}

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

// referenceOnly are the key prefixes of screens always shown in the
// reference language: the mediator console, and the message of a PC that
// cannot display the kiosk, are for the centre's staff, so the visitors'
// languages need not translate them.
var referenceOnly = []string{"console.", "opengl."}

// Missing lists the reference keys that lang lacks, sorted, leaving out
// the reference-only ones.
func (c *Catalogue) Missing(lang string) []string {
	var out []string
	for k := range c.texts[c.ref] {
		if slices.ContainsFunc(referenceOnly, func(p string) bool { return strings.HasPrefix(k, p) }) {
			continue
		}
		if _, ok := c.texts[lang][k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
