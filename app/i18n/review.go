package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"pasapas/assessment/content"
)

// GlossaryDir holds one glossary per language, glossary/<lang>.yaml: how
// the recurring French terms are rendered in that language, checked
// against every text of it.
const GlossaryDir = "glossary"

// Term is one recurring French term and its fixed rendering in a language.
// French, Say and Never are regular expressions matched whole words,
// ignoring case; write \p{L}* for the endings of an inflected word.
type Term struct {
	French []string `yaml:"fr"`
	Say    []string `yaml:"say"`   // the renderings to use
	Never  []string `yaml:"never"` // renderings that mean something else here
	What   string   `yaml:"what"`  // what it is, in a few words of the language
}

// Glossary is a language's list of terms.
type Glossary struct {
	Lang  string `yaml:"-"`
	Terms []Term `yaml:"terms"`

	french, say, never [][]*regexp.Regexp
}

// word compiles p to match as a whole word, ignoring case: Go's \b knows
// only ASCII letters, and the glossaries are Cyrillic too.
func word(p string) (*regexp.Regexp, error) {
	return regexp.Compile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + p + `)(?:$|[^\p{L}\p{N}])`)
}

// LoadGlossary reads glossary/<lang>.yaml from fsys; a language without
// one has an empty glossary.
func LoadGlossary(fsys fs.FS, lang string) (*Glossary, error) {
	g := &Glossary{Lang: lang}
	name := path.Join(GlossaryDir, lang+".yaml")
	if _, err := fs.Stat(fsys, name); err != nil {
		return g, nil
	}
	root, err := content.ParseFile(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := content.Decode(name, root, g); err != nil {
		return nil, err
	}
	terms := content.Field(root, "terms")
	for i, t := range g.Terms {
		var sets [3][]*regexp.Regexp
		for j, list := range [][]string{t.French, t.Say, t.Never} {
			for _, p := range list {
				re, err := word(p)
				if err != nil {
					return nil, content.Errorf(name, terms.Content[i], "", "%q is not a pattern: %v", p, err)
				}
				sets[j] = append(sets[j], re)
			}
		}
		if len(sets[0]) == 0 {
			return nil, content.Errorf(name, terms.Content[i], "fr", "missing")
		}
		g.french, g.say, g.never = append(g.french, sets[0]), append(g.say, sets[1]), append(g.never, sets[2])
	}
	return g, nil
}

// Check lists how t breaks the glossary: a term its French uses, rendered
// in a way the glossary forbids. The renderings to use of every term the
// French uses are taken out first, so "обліковий запис" (account) passes
// where a bare "запис" (a booking) does not, and Romanian "act de
// identitate" (pièce d'identité) is not taken for "act" (démarche).
func (g *Glossary) Check(t content.Translation) []string {
	var used []int
	text := t.Text
	for i := range g.Terms {
		if slices.ContainsFunc(g.french[i], func(re *regexp.Regexp) bool { return re.MatchString(t.Source) }) {
			used = append(used, i)
			for _, re := range g.say[i] {
				text = re.ReplaceAllString(text, " ")
			}
		}
	}
	var out []string
	for _, i := range used {
		for j, re := range g.never[i] {
			if re.MatchString(text) {
				out = append(out, fmt.Sprintf("%s:%d: %s: %s: « %s » is rendered « %s »; the glossary (%s) says %s",
					t.File, t.Line, t.Key, t.Lang, g.Terms[i].French[0], g.Terms[i].Never[j], path.Join(GlossaryDir, g.Lang+".yaml"), strings.Join(g.Terms[i].Say, " / ")))
			}
		}
	}
	return out
}

// Source is a folder of content files and the name its files are
// reported under ("seeds", a centre's folder).
type Source struct {
	FS     fs.FS
	Prefix string
}

// Translations lists every translated text of src beside its reference
// text: the catalogue files i18n/<lang>/*.yaml and the multilingual texts
// of the *.yaml files in dirs. A file that does not parse is left out:
// its loader reports it.
func (c *Catalogue) Translations(src Source, dirs ...string) []content.Translation {
	var langs []string
	for _, l := range c.languages {
		if l.Code != c.ref {
			langs = append(langs, l.Code)
		}
	}
	var out []content.Translation
	for _, lang := range langs {
		files, _ := fs.Glob(src.FS, path.Join("i18n", lang, "*.yaml"))
		for _, f := range files {
			if root, err := content.ParseFile(src.FS, f); err == nil {
				out = append(out, content.CatalogueTranslations(path.Join(src.Prefix, f), root, lang, c.ref, c.texts[c.ref])...)
			}
		}
	}
	for _, dir := range dirs {
		for _, f := range content.Glob(src.FS, dir) {
			if root, err := content.ParseFile(src.FS, f); err == nil {
				out = append(out, content.InlineTranslations(path.Join(src.Prefix, f), root, c.ref, langs)...)
			}
		}
	}
	return out
}

// Review is what pasapas check-content tells translators about the
// translations of each source (see Translations): each one older than its
// French, and each one that breaks its language's glossary (read from
// glossaries). Advice for authors: the kiosk shows these texts all the
// same.
func (c *Catalogue) Review(glossaries fs.FS, dirs []string, sources ...Source) ([]string, error) {
	gloss := map[string]*Glossary{}
	var out []string
	for _, src := range sources {
		for _, t := range c.Translations(src, dirs...) {
			if t.Stale() {
				out = append(out, "stale: "+t.StaleMessage())
			}
			if gloss[t.Lang] == nil {
				g, err := LoadGlossary(glossaries, t.Lang)
				if err != nil {
					return nil, err
				}
				gloss[t.Lang] = g
			}
			for _, m := range gloss[t.Lang].Check(t) {
				out = append(out, "glossary: "+m)
			}
		}
	}
	return out, nil
}
