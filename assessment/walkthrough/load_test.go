package walkthrough

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"pasapas/assessment/content"
	"pasapas/seeds"
)

// drawn lists the illustrations the project ships, read from disk so this
// package stays free of Fyne.
func drawn(t testing.TB) Options {
	entries, err := os.ReadDir("../../assets/illustrations")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range entries {
		names[strings.TrimSuffix(e.Name(), ".svg")] = true
	}
	return Options{Illustration: func(n string) bool { return names[n] }}
}

func TestBuiltInProceduresLoad(t *testing.T) {
	report := &content.Report{}
	procs, errs := Load(seeds.FS, Dir, content.BuiltIn, drawn(t), report)
	for _, err := range errs {
		t.Error(err)
	}
	if len(procs) < 12 {
		t.Fatalf("%d procedures, want the 12 of the issue", len(procs))
	}
	sandboxed := map[string]bool{}
	for _, p := range procs {
		if !strings.HasPrefix(p.Source.URL, "https://") || p.Source.Checked == "" {
			t.Errorf("%s: source %+v", p.ID, p.Source)
		}
		// Every built-in text has its English version: the fallback is for
		// a centre's own files, not an excuse for ours.
		forEachText(p, func(where string, tx Text) {
			if tx["en"] == "" {
				t.Errorf("%s: %s has no English", p.File, where)
			}
		})
		for _, st := range p.Steps {
			if st.Sandbox != "" {
				sandboxed[p.ID] = true
			}
		}
	}
	if len(sandboxed) < 6 {
		t.Errorf("%d procedures have a practice step, want at least 6", len(sandboxed))
	}
}

func forEachText(p *Procedure, f func(string, Text)) {
	f("title", p.Title)
	f("service", p.Service)
	for _, d := range p.Bring {
		f("bring "+d.Code, d.Label)
	}
	for _, st := range p.Steps {
		f(st.ID+".title", st.Title)
		f(st.ID+".instruction", st.Instruction)
		f(st.ID+".tip", st.Tip)
		f(st.ID+".pitfall", st.Pitfall)
	}
}

const valid = `id: demo
title: Démo
service: {fr: Le service, en: The service}
pictogram: picto-email
bring:
  - code: nir
    label: Votre numéro
steps:
  - id: one
    title: Un
    instruction: Faites ceci. Puis cela.
    illustration: screen-home
    tip: Une astuce.
    pitfall: Un piège.
source:
  url: https://www.service-public.fr/
  checked: 2026-11-23
`

func TestParseErrorsNameFileLineAndField(t *testing.T) {
	opt := Options{Illustration: func(n string) bool { return n == "picto-email" || n == "screen-home" }}
	tests := []struct {
		name, from, to, want string
	}{
		{"valid", "", "", ""},
		{"unknown field", "pictogram:", "pictogramme:", "demo.yaml:4: pictogramme: unknown field"},
		{"unknown step field", "    tip:", "    astuce:", "demo.yaml:13: astuce: unknown field"},
		{"bad id", "id: demo", "id: Démo X", "demo.yaml:1: id: \"Démo X\" must be"},
		{"bad need", "pictogram: picto-email", "pictogram: picto-email\nneeds: [France Travail]", "demo.yaml:5: needs: \"France Travail\" must be"},
		{"needs not a list", "pictogram: picto-email", "pictogram: picto-email\nneeds: caf", "demo.yaml:5: needs: expected a list"},
		{"no French", "{fr: Le service, en: The service}", "{en: The service}", "demo.yaml:3: service: the French text"},
		{"bad language", "{fr: Le service, en: The service}", "{fr: Le service, english: The service}", "demo.yaml:3: service: \"english\" is not a language code"},
		{"three sentences", "Faites ceci. Puis cela.", "Faites ceci. Puis cela. Et encore.", "demo.yaml:11: steps.instruction.fr: 3 sentences"},
		{"unknown drawing", "screen-home", "screen-none", "demo.yaml:12: steps.illustration: no drawing called \"screen-none\""},
		{"unknown sandbox", "    pitfall: Un piège.", "    pitfall: Un piège.\n    sandbox: magic", "demo.yaml:15: steps.sandbox: unknown practice \"magic\""},
		{"http source", "https://www.service", "http://www.service", "demo.yaml:16: source.url: expected the https://"},
		{"bad date", "2026-11-23", "2026-02-30", "demo.yaml:17: source.checked: \"2026-02-30\" is not a real day"},
		{"no steps", valid, valid[:strings.Index(valid, "steps:")] + "steps: []\nsource: {url: https://a.fr, checked: 2026-01-01}\n", "demo.yaml:8: steps: 0 steps"},
		{"missing tip", "    tip: Une astuce.\n", "", "demo.yaml:9: steps.tip: missing"},
		{"duplicate doc", "bring:\n", "bring:\n  - code: nir\n    label: Encore\n", "demo.yaml:8: bring.code: \"nir\" is listed twice"},
		{"syntax", "steps:\n", "steps:\n\t- x", "demo.yaml:9:"},
		{"not a mapping", valid, "- a\n- b\n", "demo.yaml:1: expected a procedure"},
	}
	for _, tt := range tests {
		src := strings.Replace(valid, tt.from, tt.to, 1)
		if tt.from == valid {
			src = tt.to
		}
		p, err := Parse("demo.yaml", []byte(src), opt)
		if tt.want == "" {
			if err != nil || p.ID != "demo" || p.Service.In("de") != "Le service" || p.Service.In("en") != "The service" {
				t.Errorf("%s: %+v %v", tt.name, p, err)
			}
			continue
		}
		var ce *content.Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: %v is not a located content error", tt.name, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s:\n got %q\nwant %q…", tt.name, err, tt.want)
		}
	}
}

func TestLoadSkipsBrokenAndDuplicateFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"walkthroughs/a.yaml":     {Data: []byte(valid)},
		"walkthroughs/b.yaml":     {Data: []byte(valid)},
		"walkthroughs/c.yaml":     {Data: []byte("id: [")},
		"walkthroughs/notes.txt":  {Data: []byte("ignored")},
		"walkthroughs/d.yaml.bak": {Data: []byte("ignored")},
	}
	report := &content.Report{}
	procs, errs := Load(fsys, Dir, content.Centre, Options{}, report)
	if len(procs) != 1 || procs[0].File != "walkthroughs/a.yaml" {
		t.Fatalf("loaded %v", procs)
	}
	if len(errs) != 2 || len(report.Files) != 3 || len(report.Rejected()) != 2 {
		t.Fatalf("errors %v, report %+v", errs, report.Files)
	}
	if got := errs[0].Error(); !strings.HasPrefix(got, "walkthroughs/b.yaml:1: id: \"demo\" is already the id of walkthroughs/a.yaml") {
		t.Errorf("duplicate: %s", got)
	}
}

func TestSentences(t *testing.T) {
	for s, want := range map[string]int{
		"Un.":                          1,
		"Un":                           1,
		"Un. Deux":                     2,
		"Tapez 3.5 puis OK.":           1,
		"Vraiment ? Oui ! Non.":        3,
		"Allez sur ameli.fr. Appuyez.": 2,
	} {
		if got := Sentences(s); got != want {
			t.Errorf("Sentences(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestSetOrderAndReplace(t *testing.T) {
	a, b, c := &Procedure{ID: "a"}, &Procedure{ID: "b"}, &Procedure{ID: "c"}
	b2 := &Procedure{ID: "b", File: "centre"}
	s := NewSet(a, b, c, b2)
	ids := func(ps []*Procedure) (out string) {
		for _, p := range ps {
			out += p.ID
		}
		return out
	}
	if got := ids(s.All()); got != "abc" || s.Get("b") != b2 {
		t.Fatalf("All %s, b from %q", got, s.Get("b").File)
	}
	if got := ids(s.Ordered([]string{"c", "zz", "c"})); got != "cab" {
		t.Fatalf("Ordered %s", got)
	}
	a.Needs, c.Needs = []string{"work"}, []string{"work"}
	if got := ids(s.Ordered([]string{"work"})); got != "acb" {
		t.Fatalf("Ordered by need code %s", got)
	}
}

var locatedError = regexp.MustCompile(`^f\.yaml:[1-9][0-9]*: `)

// FuzzParse feeds the loader arbitrary bytes: it must never panic, and
// every error must be located (file:line: …). The built-in files and the
// test's valid example are the seed corpus, run by every go test.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("steps:\n  - {id: x, title: {fr: [a]}}\n"))
	for _, file := range content.Glob(seeds.FS, Dir) {
		data, err := seeds.FS.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.yaml", data, Options{})
		if err != nil {
			var ce *content.Error
			if !errors.As(err, &ce) || !locatedError.MatchString(err.Error()) {
				t.Fatalf("error %q is not located", err)
			}
			return
		}
		if p.ID == "" || len(p.Steps) == 0 || p.Title.In("xx") == "" {
			t.Fatalf("accepted an incomplete procedure: %+v", p)
		}
	})
}

// TestDocumentedExampleLoads keeps the complete example of docs/content.md
// a valid file.
func TestDocumentedExampleLoads(t *testing.T) {
	doc, err := os.ReadFile("../../docs/content.md")
	if err != nil {
		t.Fatal(err)
	}
	const start = "```yaml\n# A centre's own procedure"
	i := strings.Index(string(doc), start)
	if i < 0 {
		t.Fatal("docs/content.md has no complete example")
	}
	block := string(doc)[i+len("```yaml\n"):]
	block = block[:strings.Index(block, "```")]
	p, err := Parse("content.md", []byte(block), drawn(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "mairie-listes" || len(p.Steps) != 3 || p.Steps[1].Sandbox != "attach" {
		t.Fatalf("example read as %+v", p)
	}
}
