package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasapas/seeds"
)

// contentDirs are the seeds' folders of multilingual content texts.
var contentDirs = []string{"questions", "walkthroughs"}

func TestBuiltInTranslationsAreNotOlderThanTheirFrench(t *testing.T) {
	c, err := Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	all := c.Translations(Source{FS: seeds.FS, Prefix: "seeds"}, contentDirs...)
	if len(all) < 3000 {
		t.Fatalf("only %d translations found: the walk misses texts", len(all))
	}
	for _, tr := range all {
		if tr.Stale() {
			t.Error(tr.StaleMessage())
		}
	}
}

// copySeeds is a writable copy of the built-in seeds.
func copySeeds(t *testing.T) string {
	dir := t.TempDir()
	if err := os.CopyFS(dir, seeds.FS); err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit replaces old by new in file of dir, which must contain it.
func edit(t *testing.T, dir, file, old, new string) {
	p := filepath.Join(dir, file)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A French text edited after its translations makes each of them stale,
// named by file, line, key and language; so does a catalogue key's.
func TestAFrenchEditMakesItsTranslationsStale(t *testing.T) {
	dir := copySeeds(t)
	edit(t, dir, "questions/70-safety.yaml", "fr: Je réponds au SMS", "fr: Je réponds pour demander")
	edit(t, dir, "i18n/fr/core.yaml", "welcome.start: Commencer", "welcome.start: Démarrer")
	fsys := os.DirFS(dir)
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	all := c.Translations(Source{FS: fsys, Prefix: "seeds"}, contentDirs...)
	stale := map[string]bool{}
	for _, tr := range all {
		if tr.Stale() {
			stale[tr.File+" "+tr.Key+" "+tr.Lang] = true
			if !strings.HasPrefix(tr.StaleMessage(), tr.File+":") || tr.Line < 2 {
				t.Errorf("not located: %s", tr.StaleMessage())
			}
		}
	}
	var want []string
	for _, lang := range []string{"en", "es", "pt", "ro", "uk"} {
		want = append(want, "seeds/questions/70-safety.yaml items[safe.sms].options[reply].text "+lang)
	}
	for _, lang := range []string{"en", "es", "pt", "ro", "uk", "ar"} {
		want = append(want, "seeds/i18n/"+lang+"/core.yaml welcome.start "+lang)
	}
	for _, w := range want {
		if !stale[w] {
			t.Errorf("not reported stale: %s", w)
		}
	}
	if len(stale) != len(want) {
		t.Errorf("%d stale, want %d: %v", len(stale), len(want), stale)
	}
}
