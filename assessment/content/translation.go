package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"

	"gopkg.in/yaml.v3"
)

// Translation is one translated text beside the reference (French) text
// it renders, located for whoever updates it.
//
// A translator records which reference text a translation was made from by
// a comment on its line, "# fr:1a2b3c" (SourceHash of the French): the
// loaders never see it, and a French text edited later no longer matches,
// so the translation shows up as stale instead of silently saying what the
// French said before.
type Translation struct {
	File   string
	Line   int
	Key    string // the catalogue key, or the field's path in a content file
	Lang   string
	Text   string
	Source string // the reference text
	Hash   string // the SourceHash recorded beside Text, "" when none
	Ref    string // the reference language's code
}

// SourceHash is the short hash of a reference text that a translation
// records beside it: six hex digits are plenty to notice an edit.
func SourceHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:3])
}

// Stale reports whether the translation records no hash, or the hash of
// another reference text than today's.
func (t Translation) Stale() bool { return t.Hash != SourceHash(t.Source) }

// StaleMessage says why the translation is stale and what to write beside
// it once it says what the reference says.
func (t Translation) StaleMessage() string {
	want := t.Ref + ":" + SourceHash(t.Source)
	if t.Hash == "" {
		return fmt.Sprintf("%s:%d: %s: %s: no « # %s » beside it: check it against the French, then add it", t.File, t.Line, t.Key, t.Lang, want)
	}
	return fmt.Sprintf("%s:%d: %s: %s: translated from an older French text (%s:%s): check it against « %s », then write « # %s »", t.File, t.Line, t.Key, t.Lang, t.Ref, t.Hash, t.Source, want)
}

// recordedHash finds "<ref>:<hash>" in a value's line comment.
func recordedHash(ref string, n *yaml.Node) string {
	m := regexp.MustCompile(`(?:^|[\s#])` + regexp.QuoteMeta(ref) + `:([0-9a-f]{6})\b`).FindStringSubmatch(n.LineComment)
	if m == nil {
		return ""
	}
	return m[1]
}

// InlineTranslations lists the translations of a content file's
// multilingual texts: every mapping with a ref key and a text in one of
// langs (questions, answers, walkthrough steps…), keyed by their path
// (steps[search].instruction).
func InlineTranslations(file string, root *yaml.Node, ref string, langs []string) []Translation {
	var out []Translation
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.SequenceNode:
			// An item is named by its id, as authors and the review name it.
			for i, c := range n.Content {
				name := fmt.Sprint(i)
				if id := Field(c, "id"); id != nil && id.Kind == yaml.ScalarNode {
					name = id.Value
				}
				walk(c, path+"["+name+"]")
			}
		case yaml.MappingNode:
			if src := Field(n, ref); src != nil && src.Kind == yaml.ScalarNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					k, v := n.Content[i], n.Content[i+1]
					if k.Value == ref || v.Kind != yaml.ScalarNode || !slices.Contains(langs, k.Value) {
						continue
					}
					out = append(out, Translation{File: file, Line: v.Line, Key: path, Lang: k.Value,
						Text: v.Value, Source: src.Value, Hash: recordedHash(ref, v), Ref: ref})
				}
				return
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				key := n.Content[i].Value
				p := key
				if path != "" {
					p = path + "." + key
				}
				walk(n.Content[i+1], p)
			}
		}
	}
	walk(root, "")
	return out
}

// CatalogueTranslations lists the texts of a catalogue file of lang
// (key: text) beside the reference texts of the same keys; a key the
// reference lacks is left out (the catalogue tests report it).
func CatalogueTranslations(file string, root *yaml.Node, lang, ref string, refTexts map[string]string) []Translation {
	var out []Translation
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		src, ok := refTexts[k.Value]
		if !ok || v.Kind != yaml.ScalarNode {
			continue
		}
		out = append(out, Translation{File: file, Line: v.Line, Key: k.Value, Lang: lang,
			Text: v.Value, Source: src, Hash: recordedHash(ref, v), Ref: ref})
	}
	return out
}
