package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pasapas/app"
	"pasapas/seeds"
)

// writeCentreFile puts a file in a centre's content folder.
func writeCentreFile(t *testing.T, dir, name, data string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCentreWalkthroughsReplaceAddAndSkipBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	caf, err := seeds.FS.ReadFile("walkthroughs/04-caf.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(caf), `fr: "CAF : déclaration trimestrielle"`, `fr: "CAF de notre ville"`, 1)
	writeCentreFile(t, dir, "walkthroughs/caf.yaml", own)
	local := strings.Replace(strings.Replace(string(caf), "id: caf", "id: mairie", 1), `fr: "CAF : déclaration trimestrielle"`, `fr: "Mairie : inscription"`, 1)
	writeCentreFile(t, dir, "walkthroughs/mairie.yaml", local)
	writeCentreFile(t, dir, "walkthroughs/broken.yaml", "id: broken\ntitle: Cassé\nsteps: 3\n")

	c, report, err := app.LoadContent(dir)
	if err != nil {
		t.Fatal(err)
	}
	all := c.Walkthroughs.All()
	if len(all) != 13 || all[len(all)-1].ID != "mairie" {
		t.Fatalf("%d procedures, last %s", len(all), all[len(all)-1].ID)
	}
	if got := c.Walkthroughs.Get("caf").Title.In("fr"); got != "CAF de notre ville" {
		t.Fatalf("caf title %q: the centre's file did not replace the built-in one", got)
	}
	rejected := report.Rejected()
	if len(rejected) != 1 || !strings.HasPrefix(rejected[0].Err.Error(), "walkthroughs/broken.yaml:3: steps") {
		t.Fatalf("rejected %+v", rejected)
	}

	code, out, errOut := run(t, "", "check-content", dir)
	if code != exitError || !strings.Contains(out, "ok      walkthroughs/mairie.yaml (centre)") ||
		!strings.Contains(errOut, "ERREUR  walkthroughs/broken.yaml:3: steps") {
		t.Fatalf("check-content: %d\n%s\n%s", code, out, errOut)
	}
	os.Remove(filepath.Join(dir, "walkthroughs", "broken.yaml"))
	if code, _, errOut := run(t, "", "check-content", dir); code != exitOK {
		t.Fatalf("check-content on good files: %d %s", code, errOut)
	}
}

// TestCheckContentGivesFALCWarnings: a centre's walkthrough that breaks the
// plain-French rules gets a warning per rule with its file, line and
// field, and check-content still succeeds.
func TestCheckContentGivesFALCWarnings(t *testing.T) {
	out, file := checkCentreWalkthroughTitled(t, "Mairie : la page est bloquée sans identifiant")
	for _, want := range []string{
		"FALC    " + file + ":3: title: voix passive « est bloquée »",
		"FALC    " + file + ":3: title: tournure négative « sans »",
		"FALC    " + file + ":3: title: mot technique « identifiant »",
		"FALC    seeds/walkthroughs/",
		"FALC    seeds/questions/",
		"conseils FALC",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	// The centre's warnings come after the built-in ones.
	if strings.Index(out, file) < strings.LastIndex(out, "FALC    seeds/") {
		t.Error("the centre's warnings are not last")
	}
}

// TestCheckContentQuestionBank: a centre's broken question file is named
// with its line by check-content (exit 1), and the kiosk still opens on the
// built-in bank; a valid centre file replaces the bank.
func TestCheckContentQuestionBank(t *testing.T) {
	dataDir := t.TempDir()
	qdir := filepath.Join(dataDir, app.ContentDirName, "questions")
	if err := os.MkdirAll(qdir, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := "items:\n  - id: local.x\n    domain: nowhere\n    kind: self\n    question: {fr: Test}\n"
	if err := os.WriteFile(filepath.Join(qdir, "local.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "check-content", "--data-dir", dataDir)
	if code != 1 || !strings.Contains(errOut, `questions/local.yaml:3: domain: unknown domain "nowhere"`) || !strings.Contains(out, "questions/90-scoring.yaml (built-in)") {
		t.Fatalf("code %d\nout %s\nerr %s", code, out, errOut)
	}
	c, report, err := app.LoadContent(filepath.Join(dataDir, app.ContentDirName))
	if err != nil || c.Questions == nil || len(report.Rejected()) != 1 {
		t.Fatalf("kiosk content: %v, %+v", err, report)
	}
	if _, ok := c.Questions.Item("comm.email"); !ok {
		t.Fatal("the built-in bank is not in use")
	}
}

// TestCheckContentNamesStaleTranslations: a centre's walkthrough whose
// French title changed after its translations gets a line per translation
// with file, line, field and language, and check-content still succeeds;
// the built-in seeds give none.
func TestCheckContentNamesStaleTranslations(t *testing.T) {
	out, file := checkCentreWalkthroughTitled(t, "CAF : déclarer vos ressources")
	for _, want := range []string{
		"TRAD    stale: " + file + ":4: title: en: translated from an older French text",
		"TRAD    stale: " + file + ":8: title: uk: translated from an older French text",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "TRAD    stale: seeds/") || strings.Count(out, "TRAD    stale:") != 6 {
		t.Errorf("want the six translations of the centre's title only:\n%s", out)
	}
}

// checkCentreWalkthroughTitled runs check-content on a centre's copy of
// the CAF walkthrough whose French title is title (its translations left
// as they are), which must succeed, and returns what it printed and the
// centre's file.
func checkCentreWalkthroughTitled(t *testing.T, title string) (out, file string) {
	dir := t.TempDir()
	caf, err := seeds.FS.ReadFile("walkthroughs/04-caf.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(string(caf), "id: caf", "id: mairie", 1)
	own = strings.Replace(own, `fr: "CAF : déclaration trimestrielle"`, `fr: "`+title+`"`, 1)
	writeCentreFile(t, dir, "walkthroughs/mairie.yaml", own)
	code, out, errOut := run(t, "", "check-content", dir)
	if code != exitOK {
		t.Fatalf("check-content: %d\n%s", code, errOut)
	}
	return out, filepath.Join(dir, "walkthroughs", "mairie.yaml")
}
