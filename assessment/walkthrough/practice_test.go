package walkthrough

import (
	"strings"
	"testing"
	"testing/fstest"

	"pasapas/assessment/content"
	"pasapas/seeds"
)

func TestBuiltInPracticeLoads(t *testing.T) {
	p, err := LoadPractice(seeds.FS, PracticeFile)
	if err != nil {
		t.Fatal(err)
	}
	if p.Slot.Right.Time != "9:30" || p.Attach.Right != "attestation.pdf" || p.Login.ID == "" {
		t.Fatalf("practice %+v", p)
	}
	fr := SlotLabel("9:30", func(h, m string) string { return h + " h " + m })
	if fr != "9 h 30" {
		t.Fatalf("slot label %q", fr)
	}
}

// TestBrokenPracticeNamesFileLineAndField: a centre's practice file with a
// mistake is refused with where it is, and the built-in one stays.
func TestBrokenPracticeNamesFileLineAndField(t *testing.T) {
	builtIn, err := seeds.FS.ReadFile(PracticeFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, from, to, want string }{
		{"two right choices", "{id: create, text: sandbox.franceconnect.create, hint: sandbox.franceconnect.hint}",
			"{id: create, text: sandbox.franceconnect.create, right: true}", "practice.yaml:11: franceconnect: exactly one choice must be right, not 2"},
		{"a wrong choice without a hint", "{id: msa, name: MSA, hint: sandbox.fc-provider.hint}", "{id: msa, name: MSA}",
			"practice.yaml:20: fc-provider: choice msa is wrong and needs a hint"},
		{"the right file not offered", "right: attestation.pdf", "right: avis.pdf", "attach: the right file \"avis.pdf\" is not among"},
		{"a time written the French way", `times: ["9:00", "9:30", "11:00"]`, `times: ["9:00", "9:30", "11 h"]`, `slot: time "11 h": write it 9:30`},
		{"an unknown field", "login:\n", "login:\n  pin: 1234\n", "practice.yaml:31: pin: unknown field (known: id, password)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			own := strings.Replace(string(builtIn), c.from, c.to, 1)
			if own == string(builtIn) {
				t.Fatalf("%q is not in the built-in file", c.from)
			}
			centre := fstest.MapFS{PracticeFile: {Data: []byte(own)}}
			_, err := LoadPractice(centre, PracticeFile)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			var report content.Report
			p, err := LoadPracticeLayers(seeds.FS, []content.Layer{{FS: centre, Origin: content.Centre}}, &report)
			if err != nil || p.Attach.Right != "attestation.pdf" || len(report.Rejected()) != 1 {
				t.Fatalf("kiosk practice %+v, %v, report %+v", p, err, report)
			}
		})
	}
}
