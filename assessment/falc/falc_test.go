package falc

import (
	"strconv"
	"strings"
	"testing"
)

// rules lists the rules found in text, with their excerpts.
func rules(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Rule)+":"+f.Excerpt)
	}
	return strings.Join(out, " | ")
}

func TestLongSentences(t *testing.T) {
	long := "Appuyez sur le bouton bleu en bas de la page puis attendez que la page suivante arrive à l'écran."
	for text, want := range map[string]string{
		"Appuyez sur « Valider ».": "",
		// 15 words, then 16: « c'est » and « e-mail » are one word each.
		"Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze.":    "",
		"Un deux trois quatre cinq six sept huit neuf dix onze douze treize c'est e-mail seize.": "phrase longue:Un deux trois quatre cinq six sept huit neuf dix onze douze treize c'est e-mail seize.",
		"Court. " + long:     "phrase longue:" + long,
		"Tapez 3.5 puis OK.": "",
	} {
		var got []Finding
		for _, f := range Check(text) {
			if f.Rule == Long {
				got = append(got, f)
			}
		}
		if rules(got) != want {
			t.Errorf("Check(%q):\n got %s\nwant %s", text, rules(got), want)
		}
	}
	if got := strings.Join(Sentences("Sur caf.fr, tapez 3.5. Deux ! Trois… quatre"), "|"); got != "Sur caf.fr, tapez 3.5.|Deux !|Trois…|quatre" {
		t.Errorf("Sentences: %s", got)
	}
	if Words("Sur caf.fr, appuyez sur « Mon compte ».") != 6 {
		t.Errorf("Words counts %d", Words("Sur caf.fr, appuyez sur « Mon compte »."))
	}
}

func TestPassiveVoice(t *testing.T) {
	for text, want := range map[string]string{
		"Les salaires sont déjà écrits.":                         "voix passive:sont déjà écrits",
		"Une photo floue est refusée.":                           "voix passive:est refusée",
		"Le dossier a été envoyé hier.":                          "voix passive:été envoyé",
		"Les petits emplois sont souvent oubliés.":               "voix passive:sont souvent oubliés",
		"L'allocation est recalculée.":                           "voix passive:est recalculée",
		"Le mot de passe est écrit sur le papier.":               "voix passive:est écrit",
		"La déclaration n'est pas envoyée.":                      "voix passive:n'est pas envoyée | tournure négative:n'est pas",
		"Le colis est arrivé.":                                   "",
		"Le rendez-vous est mardi.":                              "",
		"Le relevé est gratuit.":                                 "",
		"La CAF envoie un e-mail.":                               "",
		"C'est fini.":                                            "",
		"Votre numéro est ici, en haut de la carte.":             "",
		"Être guidé pour une démarche":                           "voix passive:Être guidé",
		"Votre adresse sera vérifiée par le conseiller.":         "voix passive:sera vérifiée",
		"Le bouton est bleu. Il est souvent sous le formulaire.": "",
		"Ce site est plus simple.":                               "",
	} {
		var got []Finding
		for _, f := range Check(text) {
			if f.Rule != Long {
				got = append(got, f)
			}
		}
		if rules(got) != want {
			t.Errorf("Check(%q):\n got %s\nwant %s", text, rules(got), want)
		}
	}
}

func TestNegativeTurns(t *testing.T) {
	for text, want := range map[string]string{
		"Ne touchez pas au lien.":                      "tournure négative:Ne touchez pas",
		"Le mot de passe n'est pas celui de l'e-mail.": "tournure négative:n'est pas",
		"Ne répondez jamais au message.":               "tournure négative:Ne répondez jamais",
		"Vous ne pouvez plus le changer.":              "tournure négative:ne pouvez plus",
		"Il ne demande rien.":                          "tournure négative:ne demande rien",
		"Il ne demande ni argent, ni code.":            "tournure négative:ne demande ni",
		"Sans « Valider », la CAF ne reçoit rien.":     "tournure négative:ne reçoit rien | tournure négative:Sans",
		"Pas ce bouton. Cherchez l'autre.":             "tournure négative:Pas",
		"Appuyez sur « Valider ».":                     "",
		"Une personne vous aide.":                      "",
		"Le bouton est en bas de la page.":             "",
		"Plus tard, revenez sur la page.":              "",
	} {
		if got := rules(Check(text)); got != want {
			t.Errorf("Check(%q):\n got %s\nwant %s", text, got, want)
		}
	}
}

func TestJargonExplainedAtFirstUse(t *testing.T) {
	e := NewExplained()
	steps := []struct{ text, want string }{
		{"Tapez votre identifiant.", "mot technique:identifiant"},
		{"L'identifiant est sur vos courriers.", ""}, // reported once
		{"Appuyez sur FranceConnect (un bouton pour entrer avec un compte que vous avez).", ""},
		{"Appuyez encore sur FranceConnect.", ""}, // explained above
		{"Le RIB : le papier de la banque avec votre numéro de compte.", ""},
		{"Téléchargez le PDF.", "mot technique:Téléchargez | mot technique:PDF"},
		{"Le numéro fiscal est le numéro à 13 chiffres de votre avis d'impôt.", ""},
		{"Regardez vos courriels et le lien reçu.", "mot technique:lien | mot technique:courriels"},
		{"Entrez avec FranceConnect+.", ""},
		{"Une personne fait le lien.", ""}, // lien reported already
	}
	for _, s := range steps {
		if got := rules(e.Check(s.text)); got != s.want {
			t.Errorf("Check(%q):\n got %s\nwant %s", s.text, got, s.want)
		}
	}
	// Words listed by the file count as explained; any form names them.
	e = NewExplained("identifiant", " QR code ", "e-mails", "inconnu")
	if got := rules(e.Check("Votre identifiant arrive par e-mail avec un QR code et un SMS.")); got != "mot technique:SMS" {
		t.Errorf("with the file's list: %s", got)
	}
	// Whole words only: « lienne » and « smsx » are no jargon.
	if got := rules(NewExplained().Check("Julienne tape urlx et smsx.")); got != "" {
		t.Errorf("parts of words: %s", got)
	}
}

func TestFileNamesLineFieldAndRule(t *testing.T) {
	walk := `# falc-explique: FranceConnect
id: demo
title: Démo
bring:
  - code: email
    label: Votre adresse e-mail
steps:
  - id: login
    title: {fr: Se connecter, en: Log in}
    instruction:
      fr: Appuyez sur FranceConnect. Tapez votre identifiant.
      en: Press FranceConnect. Type your identifier.
    tip: Ne fermez pas la page.
    pitfall:
      fr: La page est fermée après 10 minutes sans rien faire, et il faut tout recommencer depuis le début.
    source:
      url: https://example.gouv.fr/
      says: Le lien n'est pas envoyé sans identifiant.
source:
  url: https://example.gouv.fr/
  checked: 2026-11-23
  unconfirmed: Le bouton n'est pas vu.
`
	var got []string
	for _, w := range File("walkthroughs/demo.yaml", []byte(walk)) {
		got = append(got, w.File+":"+strconv.Itoa(w.Line)+": "+w.Field+": "+string(w.Rule)+" « "+w.Excerpt+" »")
	}
	want := []string{
		"walkthroughs/demo.yaml:6: bring[email].label: mot technique « e-mail »",
		"walkthroughs/demo.yaml:11: steps[login].instruction: mot technique « identifiant »",
		"walkthroughs/demo.yaml:13: steps[login].tip: tournure négative « Ne fermez pas »",
		"walkthroughs/demo.yaml:15: steps[login].pitfall: phrase longue « La page est fermée après 10 minutes sans rien faire, et il faut tout recommencer depuis le début. »",
		"walkthroughs/demo.yaml:15: steps[login].pitfall: voix passive « est fermée »",
		"walkthroughs/demo.yaml:15: steps[login].pitfall: tournure négative « sans »",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	questions := `items:
  - id: safe.sms
    question:
      fr: Vous recevez ce SMS. Que faites-vous ?
      en: You get this text.
    options:
      - id: pay
        text: {fr: Je ne sais plus, en: I do not remember}
scoring:
  orientations:
    - id: autonome
      report: {fr: Le visiteur n'est pas aidé.}
`
	var lines []string
	for _, w := range File("questions/70-safety.yaml", []byte(questions)) {
		lines = append(lines, w.String())
	}
	wantQ := []string{
		"questions/70-safety.yaml:4: items[safe.sms].question: mot technique « SMS » : expliquez-le là où il apparaît la première fois, par exemple « SMS (…) », ou écrivez dans le fichier : # falc-explique: SMS",
		"questions/70-safety.yaml:8: items[safe.sms].options[pay].text: tournure négative « ne sais plus » : dites ce qu'il faut faire, à la forme positive",
	}
	if strings.Join(lines, "\n") != strings.Join(wantQ, "\n") {
		t.Errorf("question warnings:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(wantQ, "\n"))
	}
	if File("broken.yaml", []byte("id: [")) != nil {
		t.Error("warnings for a file that is not YAML")
	}
}
