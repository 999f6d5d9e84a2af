package i18n

import (
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"pasapas/assessment/content"
	"pasapas/seeds"
)

// FuzzLoad feeds the catalogue broken languages.yaml and text files: no
// input may crash it, and every refusal must be a located content error
// (file:line: field: what), the only kind a centre can act on.
func FuzzLoad(f *testing.F) {
	langs, _ := seeds.FS.ReadFile("languages.yaml")
	texts, _ := seeds.FS.ReadFile("i18n/fr/core.yaml")
	f.Add(langs, texts)
	f.Add([]byte("- {code: fr, name: Français, reference: true}\n"), []byte("a: b\nc: d\n  e: f\n"))
	f.Add([]byte("[[[[\n"), []byte("a: &x [*x]\n"))
	f.Add([]byte("- code: fr\n  name: x\n  reference: true\n  rtl: maybe\n"), []byte("a:\n  b: c\n"))
	f.Fuzz(func(t *testing.T, langs, texts []byte) {
		slow := time.AfterFunc(5*time.Second, func() { panic("an input took over 5 s: the kiosk would hang on it") })
		defer slow.Stop()
		c, err := Load(fstest.MapFS{
			"languages.yaml":    {Data: langs},
			"i18n/fr/core.yaml": {Data: texts},
			"i18n/en/core.yaml": {Data: texts},
		})
		if err != nil {
			var ce *content.Error
			if !errors.As(err, &ce) || ce.Line < 1 || ce.File == "" {
				t.Fatalf("unlocated error %T: %v", err, err)
			}
			return
		}
		for _, l := range c.Languages() {
			c.T(l.Code, "welcome.title", "code", "ABC-DEF")
			c.Missing(l.Code)
		}
	})
}
