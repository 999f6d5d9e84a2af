package walkthrough

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

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
		{"four sentences", "Faites ceci. Puis cela.", "Faites ceci. Puis cela. Et encore. Et enfin.", "demo.yaml:11: steps.instruction.fr: 4 sentences"},
		{"long instruction", "Faites ceci. Puis cela.", strings.Repeat("a", MaxInstruction+1), "demo.yaml:11: steps.instruction.fr: 201 characters"},
		{"long pitfall", "Un piège.", strings.Repeat("é", MaxNote+1), "demo.yaml:14: steps.pitfall.fr: 201 characters"},
		{"long document", "label: Votre numéro", "label: " + strings.Repeat("n", MaxDocument+1), "demo.yaml:7: bring.label.fr: 81 characters"},
		{"too many documents", "bring:\n", "bring:\n" + documents("d", MaxDocuments), "demo.yaml:6: bring: 7 documents; at most 6"},
		{"too many later", "bring:\n", "bring_later:\n" + documents("l", MaxDocuments+1) + "bring:\n", "demo.yaml:6: bring_later: 7 documents; at most 6"},
		{"later twice", "bring:\n", "bring_later:\n  - {code: nir, label: Encore}\nbring:\n", "demo.yaml:6: bring_later.code: \"nir\" is listed twice"},
		{"site with scheme", "pictogram: picto-email", "pictogram: picto-email\nsite: https://caf.fr", "demo.yaml:5: site: \"https://caf.fr\": expected a site's address"},
		{"site with path", "pictogram: picto-email", "pictogram: picto-email\nsite: caf.fr/mon-compte", "demo.yaml:5: site: \"caf.fr/mon-compte\""},
		{"step source not https", "    pitfall: Un piège.", "    pitfall: Un piège.\n    source: {url: http://caf.fr/x, says: Le bouton}", "demo.yaml:15: steps.source.url: expected the https://"},
		{"step source says nothing", "    pitfall: Un piège.", "    pitfall: Un piège.\n    source:\n      url: https://caf.fr/x", "demo.yaml:16: steps.source.says: missing"},
		{"step source a string", "    pitfall: Un piège.", "    pitfall: Un piège.\n    source: https://caf.fr/x", "demo.yaml:15: steps.source: expected url: and says:"},
		{"step source unknown field", "    pitfall: Un piège.", "    pitfall: Un piège.\n    source: {url: https://caf.fr/x, says: Oui, date: 2026-01-01}", "demo.yaml:15: date: unknown field"},
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

// documents is n bring lines whose codes start with prefix.
func documents(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  - {code: %s%d, label: Document %d}\n", prefix, i, i)
	}
	return b.String()
}

// TestSiteBringLaterAndSources reads the optional fields of the schema:
// the site the visitor types, what to bring later, each step's source and
// what could not be confirmed.
func TestSiteBringLaterAndSources(t *testing.T) {
	src := strings.Replace(valid, "pictogram: picto-email\n", `pictogram: picto-email
site: caf.fr
bring_later:
  - code: photo
    label: {fr: Une photo d'identité, en: An identity photo}
`, 1)
	src = strings.Replace(src, "    pitfall: Un piège.\n", `    pitfall: Un piège.
    source:
      url: https://www.caf.fr/allocataires/mon-compte
      says: "  Connexion : numéro de sécurité sociale et mot de passe  "
`, 1)
	src = strings.Replace(src, "  checked: 2026-11-23\n", "  checked: 2026-11-23\n  unconfirmed: |\n    Le libellé du bouton, vu seulement dans l'aide.\n", 1)
	p, err := Parse("demo.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Site != "caf.fr" {
		t.Errorf("site %q", p.Site)
	}
	if len(p.BringLater) != 1 || p.BringLater[0].Code != "photo" || p.BringLater[0].Label.In("en") != "An identity photo" || len(p.Bring) != 1 {
		t.Errorf("bring %+v, bring_later %+v", p.Bring, p.BringLater)
	}
	if got := p.Steps[0].Source; got.URL != "https://www.caf.fr/allocataires/mon-compte" || got.Says != "Connexion : numéro de sécurité sociale et mot de passe" {
		t.Errorf("step source %+v", got)
	}
	if p.Source.Unconfirmed != "Le libellé du bouton, vu seulement dans l'aide." {
		t.Errorf("unconfirmed %q", p.Source.Unconfirmed)
	}
	// All optional for now: the example without them still loads empty.
	p, err = Parse("demo.yaml", []byte(valid), Options{})
	if err != nil || p.Site != "" || p.BringLater != nil || p.Steps[0].Source != (StepSource{}) || p.Source.Unconfirmed != "" {
		t.Errorf("without the optional fields: %+v %v", p, err)
	}
	// Six of each fit.
	src = strings.Replace(valid, "bring:\n  - code: nir\n    label: Votre numéro\n", "bring:\n"+documents("d", MaxDocuments)+"bring_later:\n"+documents("l", MaxDocuments), 1)
	if p, err := Parse("demo.yaml", []byte(src), Options{}); err != nil || len(p.Bring)+len(p.BringLater) != 2*MaxDocuments {
		t.Errorf("six and six: %v", err)
	}
}

func TestStaleAfterTwelveMonths(t *testing.T) {
	p := &Procedure{Source: Source{Checked: "2025-12-02"}}
	for now, want := range map[string]bool{"2026-12-02": false, "2026-12-03": true, "2026-06-01": false} {
		day, _ := time.Parse(time.DateOnly, now)
		if got := p.Stale(day.Add(10 * time.Hour)); got != want {
			t.Errorf("checked %s, on %s: stale %v, want %v", p.Source.Checked, now, got, want)
		}
	}
	if !(&Procedure{}).Stale(time.Now()) {
		t.Error("a procedure without a check date is not stale")
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
	if len(procs) != 1 || procs[0].File != "walkthroughs/a.yaml" || procs[0].Origin != content.Centre {
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
