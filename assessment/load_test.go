package assessment

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"pasapas/assessment/content"
	"pasapas/seeds"
)

// builtIn copies the built-in bank into a map file system tests can edit.
func builtIn(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, f := range content.Glob(seeds.FS, Dir) {
		data, err := fs.ReadFile(seeds.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		m[f] = &fstest.MapFile{Data: data}
	}
	return m
}

func TestBuiltInBankLoads(t *testing.T) {
	b, err := Load(seeds.FS, Dir)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]bool{}
	for _, it := range b.Items {
		kinds[it.Kind] = true
	}
	for _, k := range []Kind{Self, Select, Choice, Icons, Tap, DoubleClick, Drag, Scroll, Type, Needs} {
		if !kinds[k] {
			t.Errorf("no %q question in the bank", k)
		}
	}
	if n := len(b.Items); n < 15 || n > 24 {
		t.Errorf("%d questions: a visitor must finish in about 10 minutes (15–20 screens)", n)
	}
}

// TestBuiltInBankIsInEnglish checks that every text of the bank has its
// English translation.
func TestBuiltInBankIsInEnglish(t *testing.T) {
	b, err := Load(seeds.FS, Dir)
	if err != nil {
		t.Fatal(err)
	}
	check := func(where string, tx Text) {
		if len(tx) > 0 && tx["en"] == "" {
			t.Errorf("%s: no English text for %q", where, tx[Reference])
		}
	}
	for _, d := range b.Domains {
		check(d.ID+".title", d.Title)
		check(d.ID+".short", d.Short)
		check(d.ID+".can_do", d.CanDo)
		check(d.ID+".hard", d.Hard)
	}
	for _, it := range b.Items {
		check(it.ID+".question", it.Question)
		check(it.ID+".hint", it.Hint)
		check(it.ID+".word", it.Word)
		for _, o := range it.Options {
			check(it.ID+"."+o.ID, o.Text)
		}
		for code, s := range it.Says {
			check(it.ID+".says."+code, s)
		}
		if it.Scene != nil {
			check(it.ID+".scene.body", it.Scene.Body)
			check(it.ID+".scene.from", it.Scene.From)
		}
	}
	for code, a := range b.Scoring.Autonomy {
		check("autonomy."+code, a)
	}
	for _, o := range b.Scoring.Orientations {
		check(o.ID+".title", o.Title)
		check(o.ID+".next", o.Next)
		check(o.ID+".report", o.Report)
	}
}

func TestTextFallsBackToFrench(t *testing.T) {
	tx := Text{"fr": "Bonjour", "en": "Hello", "es": " "}
	for lang, want := range map[string]string{"fr": "Bonjour", "en": "Hello", "es": "Bonjour", "uk": "Bonjour"} {
		if got := tx.In(lang); got != want {
			t.Errorf("In(%s) = %q, want %q", lang, got, want)
		}
	}
}

// lineOf is the 1-based line of the first occurrence of s in data.
func lineOf(t *testing.T, data []byte, s string) int {
	t.Helper()
	i := strings.Index(string(data), s)
	if i < 0 {
		t.Fatalf("%q not in the file", s)
	}
	return strings.Count(string(data[:i]), "\n") + 1
}

// TestLoadErrorsNameFileLineAndField breaks the built-in bank one way at a
// time and checks the message a centre would read.
func TestLoadErrorsNameFileLineAndField(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		// at is the text whose line the error must name (in the edited file).
		at, want string
	}{
		{"bad field", "40-internet.yaml", "    picto: search\n", "    pictogram: search\n", "pictogram", "pictogram: unknown field (known: "},
		{"bad nested field", "70-safety.yaml", "      address: http", "      adress: http", "adress", "adress: unknown field (known: address, body, from, kind, secure)"},
		{"duplicate id", "50-communicate.yaml", "id: comm.photo", "id: comm.email", "id: comm.email\n    domain: communicate\n    digcomp: \"2.2\"", `id: duplicate question id "comm.email" (first at questions/50-communicate.yaml:2)`},
		{"unknown domain", "70-safety.yaml", "domain: safety", "domain: securite", "domain: securite", `domain: unknown domain "securite"`},
		{"unknown kind", "50-communicate.yaml", "kind: self\n    picto: video", "kind: selfie\n    picto: video", "kind: selfie", `kind: unknown kind "selfie"`},
		{"goto nowhere", "10-screening.yaml", "goto: needs", "goto: nowhere", "goto: nowhere", `goto: broken rule: no question "nowhere"`},
		{"goto backwards", "10-screening.yaml", "skip: [comm.email]", "goto: screen.pointer", "goto: screen.pointer", `goto: broken rule: "screen.pointer" comes before this question`},
		{"rule on a non-answer", "40-internet.yaml", "when: [unknown]", "when: [maybe]", "when: [maybe]", `when: broken rule: "maybe" is not an answer of "web.search"`},
		{"skip unknown", "40-internet.yaml", "skip: [web.icon.download]", "skip: [web.icon.upload]", "skip: [web.icon.upload]", `skip: broken rule: "web.icon.upload" is neither a question nor a domain`},
		{"two right pictograms", "40-internet.yaml", "      - id: back\n        picto: icon-back\n", "      - id: back\n        picto: icon-back\n        right: true\n", "options:", `options: a "icons" question needs exactly one right option, not 2`},
		{"first not a code", "10-screening.yaml", "first: [email]", "first: [E-mail]", "first: [E-mail]", `first: broken rule: "E-mail" is not a procedure code`},
		{"known_from too high", "90-scoring.yaml", "known_from: 3\n    - orientation: faire_pour", "known_from: 9\n    - orientation: faire_pour", "known_from: 9", `known_from: broken rule: a number of scored domains, 1 to 5`},
		{"no French", "50-communicate.yaml", "      fr: Savez-vous envoyer un e-mail ?\n", "", "question:", "question: the French text (fr) is missing"},
		{"orientation rule unknown", "90-scoring.yaml", "orientation: a_former        # un domaine", "orientation: atelier        # un domaine", "orientation: atelier", `orientation: broken rule: unknown orientation "atelier"`},
		{"orientation rule unknown domain", "90-scoring.yaml", "level_below: {procedures: 1}", "level_below: {demarches: 1}", "level_below: {demarches", `level_below: broken rule: unknown domain "demarches"`},
		{"default rule not last", "90-scoring.yaml", "    - orientation: autonome\n", "    - orientation: autonome\n      lowest_below: 3\n", "    - orientation: autonome", "orientation: broken rule: the last rule must have no condition"},
		{"points out of range", "90-scoring.yaml", "alone: 3 ", "alone: 5 ", "points:", `points: "alone": points go from 0 to 3`},
		{"yaml syntax", "20-equipment.yaml", "  - id: equip.internet\n", "  - id: equip.internet\n   oops: [\n", "oops", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := builtIn(t)
			file := path.Join(Dir, tt.file)
			data := string(m[file].Data)
			if !strings.Contains(data, tt.old) {
				t.Fatalf("%q not in %s", tt.old, file)
			}
			edited := []byte(strings.Replace(data, tt.old, tt.new, 1))
			m[file] = &fstest.MapFile{Data: edited}
			_, err := Load(m, Dir)
			var ce *content.Error
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a content error", err)
			}
			prefix := fmt.Sprintf("%s:%d: ", file, lineOf(t, edited, tt.at))
			if tt.want == "" { // yaml.v3 names the line after the broken one
				prefix = file + ":"
			}
			if got := err.Error(); !strings.HasPrefix(got, prefix+tt.want) {
				t.Fatalf("error\n  %s\nwant it to start with\n  %s", got, prefix+tt.want)
			}
		})
	}
}

func TestLoadBankFallsBackLoudlyOnABrokenCentreBank(t *testing.T) {
	centre := builtIn(t)
	centre["questions/55-local.yaml"] = &fstest.MapFile{Data: []byte("items:\n  - id: comm.x\n    domain: nowhere\n    kind: self\n    question: {fr: Test}\n")}
	report := &content.Report{}
	b, err := LoadBank(seeds.FS, []content.Layer{{FS: centre, Origin: content.Centre}}, report)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := b.Item("comm.email"); !ok {
		t.Fatal("the built-in bank was not used")
	}
	rej := report.Rejected()
	if len(rej) != 1 || rej[0].Origin != content.Centre || !strings.Contains(rej[0].Err.Error(), "questions/55-local.yaml:3: domain: unknown domain") ||
		!strings.Contains(rej[0].Err.Error(), "built-in question bank is used instead") {
		t.Fatalf("report %+v", rej)
	}
}

func TestLoadBankUsesAValidCentreBank(t *testing.T) {
	centre := builtIn(t)
	file := "questions/50-communicate.yaml"
	centre[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(centre[file].Data), "Savez-vous envoyer un e-mail ?", "Savez-vous envoyer un courriel ?", 1))}
	report := &content.Report{}
	b, err := LoadBank(seeds.FS, []content.Layer{{FS: centre, Origin: content.Centre}}, report)
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := b.Item("comm.email"); it.Question.In("fr") != "Savez-vous envoyer un courriel ?" {
		t.Fatalf("centre text not used: %q", it.Question.In("fr"))
	}
	if len(report.Rejected()) != 0 || len(report.Files) == 0 || report.Files[0].Origin != content.Centre {
		t.Fatalf("report %+v", report.Files)
	}
}

// TestLoadBankLayersPackUnderCentre: a network pack's file replaces the
// built-in one; a broken centre file leaves out the centre's files only,
// so the pack's text stays.
func TestLoadBankLayersPackUnderCentre(t *testing.T) {
	file := "questions/50-communicate.yaml"
	data, err := fs.ReadFile(seeds.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	pack := fstest.MapFS{file: &fstest.MapFile{Data: []byte(strings.Replace(string(data), "Savez-vous envoyer un e-mail ?", "Savez-vous envoyer un courriel ?", 1))}}
	centre := fstest.MapFS{"questions/55-local.yaml": &fstest.MapFile{Data: []byte("items:\n  - id: comm.x\n    domain: nowhere\n    kind: self\n    question: {fr: Test}\n")}}
	report := &content.Report{}
	b, err := LoadBank(seeds.FS, []content.Layer{{FS: pack, Origin: content.Pack(2)}, {FS: centre, Origin: content.Centre}}, report)
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := b.Item("comm.email"); it.Question.In("fr") != "Savez-vous envoyer un courriel ?" {
		t.Fatalf("the pack's text is not used: %q", it.Question.In("fr"))
	}
	rej := report.Rejected()
	if len(rej) != 1 || rej[0].Origin != content.Centre || !strings.Contains(rej[0].Err.Error(), "without the centre's files") {
		t.Fatalf("rejected %+v", rej)
	}
	found := false
	for _, f := range report.Files {
		if f.Err == nil && f.Path == file {
			found = f.Origin == content.Pack(2)
		}
	}
	if !found {
		t.Errorf("%s is not listed as the pack's: %+v", file, report.Files)
	}
}

func TestLoadBankRefusesABrokenBuiltInBank(t *testing.T) {
	m := builtIn(t)
	delete(m, "questions/90-scoring.yaml")
	if _, err := LoadBank(m, nil, &content.Report{}); err == nil || !strings.Contains(err.Error(), "no scoring section") {
		t.Fatalf("got %v", err)
	}
}

// FuzzLoadBank replaces one file of the built-in bank with fuzzed bytes:
// Load must never panic, and any error must be a located content error.
// The seed corpus (every built-in file, and a few broken ones) runs in a
// plain go test.
func FuzzLoadBank(f *testing.F) {
	m := builtIn(f)
	var names []string
	for name := range m {
		names = append(names, name)
	}
	for i, name := range names {
		f.Add(uint8(i), m[name].Data)
	}
	f.Add(uint8(0), []byte("items:\n  - id: [\n"))
	f.Add(uint8(1), []byte("scoring: {rules: [{orientation: autonome}]}\n"))
	f.Add(uint8(2), []byte("items:\n  - {id: x, domain: device, kind: self, question: {fr: a}, rules: [{when: [alone], goto: x}]}\n"))
	f.Add(uint8(3), []byte("domains: 3\n"))
	f.Add(uint8(4), []byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := builtIn(t)
		names := make([]string, 0, len(fsys))
		for name := range fsys {
			names = append(names, name)
		}
		slices.Sort(names)
		fsys[names[int(which)%len(names)]] = &fstest.MapFile{Data: data}
		b, err := Load(fsys, Dir)
		if err != nil {
			var ce *content.Error
			if !errors.As(err, &ce) || !strings.HasPrefix(ce.File, Dir) || ce.Line < 1 {
				t.Fatalf("unlocated error %v", err)
			}
			return
		}
		// A bank that loads must run to its end and score.
		r := b.NewRun()
		for i := 0; !r.Done() && i < 1000; i++ {
			r.Answer(Answer{Code: Skipped, Accuracy: -1})
		}
		_ = b.Describe(r.Result(), "en")
	})
}
