// Package falc finds, in the French texts a visitor reads, what a program
// can see of the plain-French rules (FALC, « facile à lire et à
// comprendre ») the content follows: sentences over 15 words, the passive
// voice, negative turns, and technical words left unexplained. It gives
// warnings for authors, never errors: a program cannot judge whether a
// sentence is clear, only point at what often is not.
//
// # Rules
//
//   - long: a sentence of more than MaxWords words. Sentences end with
//     . ! ? or … followed by a space or the end; a word is a run of
//     letters or digits (« c'est », « e-mail » and « caf.fr » count as one).
//   - passive: a form of être (est, sont, sera, été…) followed, perhaps
//     after an adverb (pas, déjà, bien…), by a past participle (a word
//     ending in é, ée, és, ées, i, ie, is, u, ue, us, it, ite, ert, aint,
//     eint…), leaving out the verbs conjugated with être (arrivé, parti…)
//     and words that only look like participles (ici, gratuit, lundi…).
//   - negative: « ne » or « n' » followed in the sentence by pas, plus,
//     jamais, rien, personne, aucun(e), guère or ni; « sans »; a sentence
//     that starts with « Pas ». The answers « Je ne sais pas (faire, ce
//     que c'est) » of the self-assessment's scale are left alone.
//   - jargon: a word of Jargon used before it is explained. A word is
//     explained where it first appears when it is followed by « ( », « : »,
//     « c'est », « c'est-à-dire », « veut dire » or « est le / la / un /
//     une / votre / ce » (« L'identifiant est le numéro… »), or when the file lists
//     it in a comment line « # falc-explique: identifiant, FranceConnect ».
//     It is then explained for the rest of the file; only its first
//     unexplained use is reported.
//
// File reads a content file (a walkthrough or a question file) and checks
// its French visitor texts in file order, with their line and field.
package falc

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// Rule names what a warning is about.
type Rule string

const (
	Long     Rule = "phrase longue"
	Passive  Rule = "voix passive"
	Negative Rule = "tournure négative"
	Jargon   Rule = "mot technique"
)

// MaxWords is the longest sentence, in words, that raises no warning.
const MaxWords = 15

// Finding is one rule broken in one text.
type Finding struct {
	Rule Rule
	// Excerpt is the words that break it (the sentence, the verb, the
	// negative, the technical word).
	Excerpt string
	// Advice says in plain terms what to do.
	Advice string
}

func (f Finding) String() string { return fmt.Sprintf("%s « %s » : %s", f.Rule, f.Excerpt, f.Advice) }

// JargonWords are the technical words a visitor may not know, each the
// pattern of its forms (lower case, without word boundaries) under the name
// an author lists in « # falc-explique: ».
var JargonWords = []struct{ Name, Pattern string }{
	{"identifiant", `identifiants?`},
	{"FranceConnect", `franceconnect\+?`},
	{"URL", `url`},
	{"lien", `liens?`},
	{"navigateur", `navigateurs?`},
	{"onglet", `onglets?`},
	{"télécharger", `t[ée]l[ée]charg\p{L}*`},
	{"PDF", `pdf`},
	{"QR code", `qr[ -]?codes?`},
	{"SMS", `sms`},
	{"e-mail", `e-?mails?|courriels?`},
	{"pièce jointe", `pi[èe]ces? jointes?`},
	{"RIB", `rib`},
	{"numéro fiscal", `num[ée]ros? fiscaux|num[ée]ro fiscal`},
	{"spam", `spams?|courriers? ind[ée]sirables?`},
	{"accusé de réception", `accus[ée]s? de r[ée]ception`},
	{"récapitulatif", `r[ée]capitulatifs?`},
	{"application", `applications?|applis?`},
	{"Wi-Fi", `wi-?fi`},
	{"cookies", `cookies?`},
	{"mot de passe provisoire", `mots? de passe provisoires?`},
}

const (
	beForms    = `est|sont|sera|seront|serait|seraient|soit|soient|était|étaient|été|être`
	adverbs    = `(?:pas|plus|jamais|déjà|bien|souvent|toujours|aussi|très|mal|vite|automatiquement|ensuite|parfois|encore)`
	participle = `\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|aint|ainte|eint|einte|ait|aite)`
)

// patterns are the rules' regular expressions, compiled at their first use
// rather than at start: the kiosk's binary links this package for its
// check-content command, and compiling them all takes ~12 ms.
type patterns struct {
	word, sentences, passive, scaleAnswer, negative, sans, pasFirst, explain *regexp.Regexp
	jargon                                                                   []*regexp.Regexp
}

var patternsOf = sync.OnceValue(func() *patterns {
	return &patterns{
		word: regexp.MustCompile(`[\p{L}\p{N}]+(?:['’.@-][\p{L}\p{N}]+)*`),
		// A stop inside a word (caf.fr, 3.5) does not end a sentence.
		sentences: regexp.MustCompile(`(?:[^.!?…]|[.!?…]+[^\s.!?…])+(?:[.!?…]+|$)`),
		passive:   regexp.MustCompile(`(?i)(?:^|[^\p{L}'’]|(?:^|[^\p{L}])n['’])(?:` + beForms + `)\s+(?:` + adverbs + `\s+)*(` + participle + `)(?:[^\p{L}]|$)`),
		// The answers of the self-assessment's scale, negative by nature.
		scaleAnswer: regexp.MustCompile(`(?i)^je ne sais pas( faire| ce que c['’]est)?\s*[.!]?$`),
		negative:    regexp.MustCompile(`(?i)(?:^|[^\p{L}])(ne\s+|n['’])(?:[^.!?…]*?[^\p{L}])?(pas|plus|jamais|rien|personne|aucune?|guère|ni)(?:[^\p{L}]|$)`),
		sans:        regexp.MustCompile(`(?i)(?:^|[^\p{L}])(sans)(?:[^\p{L}]|$)`),
		pasFirst:    regexp.MustCompile(`(?i)^\s*(pas)(?:[^\p{L}]|$)`),
		explain:     regexp.MustCompile(`(?i)^\s*(?:\(|:|,?\s*c['’]est(?:-à-dire)?\s|,?\s*(?:qui\s+)?veut\s+dire\s|est\s+(?:le|la|l['’]|un|une|votre|ce)\s?)`),
		jargon:      compileJargon(),
	}
})

var (
	// Verbs conjugated with être (a compound past, not a passive), and
	// words that end like a participle without being one.
	notParticiples = map[string]bool{
		"allé": true, "allée": true, "allés": true, "allées": true, "venu": true, "venue": true, "venus": true, "venues": true,
		"arrivé": true, "arrivée": true, "arrivés": true, "arrivées": true, "parti": true, "partie": true, "partis": true, "parties": true,
		"entré": true, "entrée": true, "sorti": true, "sortie": true, "resté": true, "restée": true, "tombé": true, "tombée": true,
		"né": true, "née": true, "mort": true, "devenu": true, "devenue": true, "revenu": true, "revenue": true, "rentré": true,
		"rentrée": true, "passé": true, "passée": true, "monté": true, "descendu": true, "retourné": true,
		"ici": true, "aussi": true, "parmi": true, "lui": true, "celui": true, "qui": true, "oui": true, "ceci": true, "midi": true,
		"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
		"gratuit": true, "gratuite": true, "gratuits": true, "gratuites": true, "petit": true, "petite": true, "petits": true, "petites": true,
		"vrai": true, "vraie": true, "prêt": true, "prête": true, "au": true, "du": true, "tout": true, "beaucoup": true, "fini": true,
		"parfait": true, "parfaite": true, "facile": true, "droit": true, "droite": true, "étroit": true, "ouvert": true, "ouverte": true,
		"inconnu": true, "inconnue": true, "valide": true, "possible": true, "utile": true, "déçu": true,
		"bleu": true, "bleue": true, "bleus": true, "bleues": true, "peu": true, "lieu": true, "sous": true, "dessous": true,
		"dessus": true, "plus": true, "tous": true, "nous": true, "vous": true, "depuis": true, "gris": true, "grise": true,
		"précis": true, "précise": true, "ameli": true, "wi-fi": true, "ensuite": true,
	}
)

func compileJargon() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(JargonWords))
	for i, j := range JargonWords {
		out[i] = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + j.Pattern + `)(?:[^\p{L}\p{N}+]|$)`)
	}
	return out
}

// Words counts the words of s.
func Words(s string) int { return len(patternsOf().word.FindAllString(s, -1)) }

// Sentences splits s into its sentences, trimmed.
func Sentences(s string) []string {
	var out []string
	for _, m := range patternsOf().sentences.FindAllString(s, -1) {
		if m = strings.TrimSpace(m); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// Check finds the sentence-level rules broken in text: long sentences,
// passives and negative turns. Technical words depend on what the file has
// explained before; see Explained.
func Check(text string) []Finding {
	var out []Finding
	for _, s := range Sentences(text) {
		if n := Words(s); n > MaxWords {
			out = append(out, Finding{Long, s, fmt.Sprintf("%d mots ; coupez en phrases de %d mots au plus, une idée par phrase", n, MaxWords)})
		}
		for _, m := range patternsOf().passive.FindAllStringSubmatchIndex(s, -1) {
			if pp := strings.ToLower(s[m[2]:m[3]]); !notParticiples[pp] {
				out = append(out, Finding{Passive, strings.TrimLeft(s[m[0]:m[3]], " '’"), "dites qui fait l'action (« La CAF envoie… » plutôt que « … est envoyé »)"})
			}
		}
		if m := patternsOf().negative.FindStringSubmatchIndex(s); patternsOf().scaleAnswer.MatchString(s) {
			// an answer of the scale
		} else if m != nil {
			out = append(out, Finding{Negative, strings.TrimSpace(s[m[2]:m[5]]), "dites ce qu'il faut faire, à la forme positive"})
		} else if m := patternsOf().pasFirst.FindStringSubmatchIndex(s); m != nil {
			out = append(out, Finding{Negative, s[m[2]:m[3]], "dites ce qu'il faut faire, à la forme positive"})
		}
		if m := patternsOf().sans.FindStringSubmatchIndex(s); m != nil {
			out = append(out, Finding{Negative, s[m[2]:m[3]], "dites ce qu'il faut faire ou avoir (« avec… », « d'abord… »)"})
		}
	}
	return out
}

// Explained follows, through the texts of one file in order, which
// technical words have been explained.
type Explained struct {
	done map[string]bool // explained, or already reported
}

// NewExplained starts a file whose comment lists names (see the package
// comment) as explained already.
func NewExplained(names ...string) *Explained {
	e := &Explained{done: map[string]bool{}}
	for _, n := range names {
		for i, re := range patternsOf().jargon {
			if strings.EqualFold(strings.TrimSpace(n), JargonWords[i].Name) || re.MatchString(n) {
				e.done[JargonWords[i].Name] = true
			}
		}
	}
	return e
}

// Check reports the technical words of text used before they are
// explained, and notes the ones text explains.
func (e *Explained) Check(text string) []Finding {
	var out []Finding
	for i, re := range patternsOf().jargon {
		name := JargonWords[i].Name
		if e.done[name] {
			continue
		}
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		e.done[name] = true
		if !patternsOf().explain.MatchString(text[m[3]:]) {
			out = append(out, Finding{Jargon, text[m[2]:m[3]], fmt.Sprintf("expliquez-le là où il apparaît la première fois, par exemple « %s (…) », ou écrivez dans le fichier : # falc-explique: %s", text[m[2]:m[3]], name)})
		}
	}
	return out
}
