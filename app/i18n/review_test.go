package i18n

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	for _, lang := range []string{"en", "es", "pt", "ro", "uk", "ar"} {
		want = append(want, "seeds/questions/70-safety.yaml items[safe.sms].options[reply].text "+lang)
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

// glossaryBreaks lists how the translations of the seeds in fsys break
// their language's glossary.
func glossaryBreaks(t *testing.T, fsys fs.FS) []string {
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range c.Languages() {
		if l.Reference {
			continue
		}
		g, err := LoadGlossary(fsys, l.Code)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Terms) == 0 {
			t.Errorf("%s has no glossary", l.Code)
		}
		for _, tr := range c.Translations(Source{FS: fsys, Prefix: "seeds"}, contentDirs...) {
			if tr.Lang == l.Code {
				out = append(out, g.Check(tr)...)
			}
		}
	}
	return out
}

func TestBuiltInTextsFollowTheirGlossary(t *testing.T) {
	for _, b := range glossaryBreaks(t, seeds.FS) {
		t.Error(b)
	}
}

// A planted "запис" for an account (it reads as a booking) and a planted
// Romanian "act" for a démarche (next to "Acte (ANTS)") are caught; the
// glossary's own rendering "обліковий запис" is not.
func TestTheGlossaryCatchesAPlantedWord(t *testing.T) {
	dir := copySeeds(t)
	edit(t, dir, "i18n/uk/walkthrough.yaml", `sandbox.franceconnect.create: "Створити акаунт"`, `sandbox.franceconnect.create: "Створити запис"`)
	edit(t, dir, "i18n/uk/walkthrough.yaml", `sandbox.fc-provider.create: "Створити новий акаунт"`, `sandbox.fc-provider.create: "Створити новий обліковий запис"`)
	edit(t, dir, "questions/80-needs.yaml", "ro: \"Ce demersuri trebuie să faceți?\"", "ro: \"Ce acte trebuie să faceți?\"")
	breaks := glossaryBreaks(t, os.DirFS(dir))
	want := [][2]string{
		{"seeds/i18n/uk/walkthrough.yaml:", ": sandbox.franceconnect.create: uk: « comptes? » is rendered « запис\\p{L}* »"},
		{"seeds/questions/80-needs.yaml:", ": items[needs].question: ro: « démarches? » is rendered « acte »"},
	}
	if len(breaks) != len(want) {
		t.Fatalf("want %d breaks, got %d:\n%s", len(want), len(breaks), strings.Join(breaks, "\n"))
	}
	for _, w := range want {
		if !slices.ContainsFunc(breaks, func(b string) bool { return strings.HasPrefix(b, w[0]) && strings.Contains(b, w[1]) }) {
			t.Errorf("no %s…%s in:\n%s", w[0], w[1], strings.Join(breaks, "\n"))
		}
	}
}

// The kiosk reorders each line with the Unicode bidi algorithm (issue 22
// §5), so an Arabic line may carry a Latin name, an address or a number.
// The Arabic texts are still written without a final full stop, one
// convention for the whole bank: a sentence ends at the end of the line.
// A placeholder naming a catalogue key ({assess.confirm}) is replaced by
// that key's Arabic text, so it counts as Arabic.
func TestArabicLinesEndWithoutFullStop(t *testing.T) {
	for _, m := range arabicStops(t, seeds.FS) {
		t.Error(m)
	}
}

func TestArabicFullStopCaughtWhenPlanted(t *testing.T) {
	dir := copySeeds(t)
	edit(t, dir, "questions/70-safety.yaml", `ar: "هل هذا هو الموقع الحقيقي لـ ameli؟"`, `ar: "هل هذا هو الموقع الحقيقي لـ ameli."`)
	got := arabicStops(t, os.DirFS(dir))
	if len(got) != 1 || !strings.Contains(got[0], "items[safe.address].question") {
		t.Errorf("got %q", got)
	}
}

// arabicStops lists the Arabic lines of fsys's translations that end with
// a full stop.
func arabicStops(t *testing.T, fsys fs.FS) []string {
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`\{[a-z_]+\.[a-z_.]+\}`)
	arabic := regexp.MustCompile(`\p{Arabic}`)
	var out []string
	n := 0
	for _, tr := range c.Translations(Source{FS: fsys, Prefix: "seeds"}, contentDirs...) {
		if tr.Lang != "ar" {
			continue
		}
		n++
		for _, line := range strings.Split(key.ReplaceAllString(tr.Text, "مفتاح"), "\n") {
			if arabic.MatchString(line) && strings.HasSuffix(line, ".") {
				out = append(out, fmt.Sprintf("%s:%d: %s: an Arabic line ending with a full stop: %q", tr.File, tr.Line, tr.Key, line))
			}
		}
	}
	if n < 150 {
		t.Errorf("only %d Arabic texts", n)
	}
	return out
}
