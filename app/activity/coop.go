package activity

import (
	"math/bits"
	"slices"
	"strings"

	"pasapas/assessment"
)

// The vocabulary of the activity report (compte rendu d'activité, CRA v2)
// of La Coop de la médiation numérique, the tool where conseillers
// numériques and mediators record each accompaniment: API codes and the
// labels its form and its Excel export show, copied from its public code
// (inclusion-numerique/coop-mediation-numerique, 2026-06-30; the list is in
// docs/coop-cra.md). Typographic apostrophes (’) are the Coop's. Every
// word the PDF block, the exports, the statistics and the console print
// comes from here, so a mediator re-types a CRA without translating.

// Term is one value of a Coop field: its API code and its label.
type Term struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// Theme is one of the Coop's thématiques. An administrative sub-theme
// (Admin) is refused by the Coop unless ThemeAdministrative is ticked too.
type Theme struct {
	Term
	Admin bool
}

// The constants of a kiosk session: one visitor, at the centre, on the
// kiosk's computer.
var (
	TypeIndividual   = Term{"individuel", "Accompagnement individuel"}
	PlaceOfActivity  = Term{"lieu_activite", "Lieu d’activité"}
	MaterialComputer = Term{"ordinateur", "Ordinateur"}
	// NotCommunicated is the Coop's answer for the anonymous beneficiary's
	// genre, tranche d'âge and statut, which the kiosk never asks.
	NotCommunicated = Term{"non_communique", "Non communiqué"}
	Yes             = Term{"oui", "Oui"}
	No              = Term{"non", "Non"}
)

// Themes in the Coop's order (its form and its export list them so).
var (
	ThemeDiagnostic     = Theme{Term: Term{"diagnostic_numerique", "Diagnostic numérique"}}
	ThemeMaterial       = Theme{Term: Term{"prendre_en_main_du_materiel", "Prendre en main du matériel"}}
	ThemeEmail          = Theme{Term: Term{"email", "E-mail"}}
	ThemeHealth         = Theme{Term: Term{"sante", "Santé"}}
	ThemeBanking        = Theme{Term: Term{"banque_et_achats_en_ligne", "Banque et achats en ligne"}}
	ThemeSecurity       = Theme{Term: Term{"securite_numerique", "Prévention en sécurité numérique"}}
	ThemeAdministrative = Theme{Term: Term{"aide_aux_demarches_administratives", "Aide aux démarches administratives"}}
	ThemePapers         = Theme{Term{"papiers_elections_citoyennete", "Papiers - Élections - Citoyenneté"}, true}
	ThemeSocialHealth   = Theme{Term{"social_sante", "Social - Santé"}, true}
	ThemeWork           = Theme{Term{"travail_formation", "Travail - Formation - Entreprise"}, true}
	ThemeHousing        = Theme{Term{"logement", "Logement"}, true}
	ThemeMoneyTaxes     = Theme{Term{"argent_impots", "Argent - Impôts"}, true}
)

// CoopThemes are all the Coop's thématiques, in its order.
var CoopThemes = []Theme{
	ThemeDiagnostic,
	ThemeMaterial,
	{Term: Term{"maintenance_de_materiel", "Maintenance de matériel"}},
	{Term: Term{"gere_ses_contenus_numeriques", "Gérer ses contenus numériques"}},
	{Term: Term{"navigation_sur_internet", "Navigation sur internet"}},
	ThemeEmail,
	{Term: Term{"bureautique", "Bureautique"}},
	{Term: Term{"reseaux_sociaux", "Réseaux sociaux communication"}},
	ThemeHealth,
	ThemeBanking,
	{Term: Term{"entrepreneuriat", "Accompagner un professionnel"}},
	{Term: Term{"insertion_professionnelle", "Insertion professionnelle"}},
	ThemeSecurity,
	{Term: Term{"parentalite", "Parentalité"}},
	{Term: Term{"scolarite_et_numerique", "Scolarité et numérique"}},
	{Term: Term{"creer_avec_le_numerique", "Créer avec le numérique"}},
	{Term: Term{"culture_numerique", "Culture numérique"}},
	{Term: Term{"intelligence_artificielle", "Intelligence artificielle (IA)"}},
	ThemeAdministrative,
	ThemePapers,
	{Term{"famille_scolarite", "Famille - Scolarité"}, true},
	ThemeSocialHealth,
	ThemeWork,
	ThemeHousing,
	{Term{"transports_mobilite", "Transports - Mobilité"}, true},
	ThemeMoneyTaxes,
	{Term{"justice", "Justice"}, true},
	{Term{"etrangers_europe", "Étrangers - Europe"}, true},
	{Term{"loisirs_sports_culture", "Loisirs - Sports - Culture"}, true},
	{Term{"associations", "Associations"}, true},
}

// Autonomy levels of the beneficiary, in the Coop's order; the Coop's
// Excel export writes them as stars out of three ("1/3"…).
var (
	AutonomyGuided     = Term{"entierement_accompagne", "Avec guidage"}
	AutonomyPartial    = Term{"partiellement_autonome", "Autonome avec guidage en cas de besoin"}
	AutonomyAutonomous = Term{"autonome", "Autonome"}
	CoopAutonomy       = []Term{AutonomyGuided, AutonomyPartial, AutonomyAutonomous}
)

// Structures de redirection, in the Coop's order.
var (
	RedirectOperator       = Term{"operateur_ou_organisme_en_charge", "Opérateur ou organisme en charge de la démarche administrative"}
	RedirectAdministrative = Term{"aide_aux_demarches_administratives", "Structure d’aide aux démarches administratives (France Services…)"}
	RedirectAdministration = Term{"administration", "Administration (mairie, préfecture…)"}
	RedirectMediation      = Term{"mediation_numerique", "Autre structure de médiation numérique"}
	RedirectSocial         = Term{"aide_sociale", "Structure d’aide sociale (maison des solidarités, centre social…)"}
	RedirectEmployment     = Term{"insertion_professionnelle", "Structure d’insertion professionnelle (France Travail, mission locale, chambre de commerce…)"}
	RedirectOther          = Term{"autre", "Autre"}
	CoopRedirections       = []Term{RedirectOperator, RedirectAdministrative, RedirectAdministration, RedirectMediation, RedirectSocial, RedirectEmployment, RedirectOther}
)

// Vocabulary is every Coop field the kiosk fills and the values it may
// take, by the field's API name: what the tests check each exported word
// against.
var Vocabulary = map[string][]Term{
	"type":                     {TypeIndividual, {"collectif", "Atelier collectif"}},
	"type_lieu":                {PlaceOfActivity, {"autre", "Autre lieu"}, {"domicile", "À domicile"}, {"a_distance", "À distance"}},
	"materiel":                 {MaterialComputer, {"telephone", "Téléphone"}, {"tablette", "Tablette"}, {"autre", "Autre"}, {"aucun", "Pas de matériel"}},
	"thematiques":              themeTerms(),
	"autonomie":                CoopAutonomy,
	"orientation":              {Yes, No},
	"structure_de_redirection": CoopRedirections,
	"beneficiaire":             {NotCommunicated},
}

func themeTerms() []Term {
	out := make([]Term, len(CoopThemes))
	for i, t := range CoopThemes {
		out[i] = t.Term
	}
	return out
}

// ThemeLabel is the Coop's label of a thématique code (the code itself
// when the table lacks it).
func ThemeLabel(code string) string {
	for _, t := range CoopThemes {
		if t.Code == code {
			return t.Label
		}
	}
	return code
}

// procedureThemes maps the kiosk's procedure codes (needs and
// walkthroughs) to the Coop's themes, as the hints of its form place them:
// retraite (info-retraite.fr) under Travail - Formation - Entreprise, a
// doctor's appointment (Doctolib) under the non-administrative Santé,
// FranceConnect under Aide aux démarches administratives, scanners under
// Prendre en main du matériel, scams under Prévention en sécurité
// numérique. The need "autre" is another administrative procedure: the
// parent theme alone. A code not listed gives no theme.
var procedureThemes = map[string]Theme{
	"caf":            ThemeSocialHealth,
	"ameli":          ThemeSocialHealth,
	"sante":          ThemeHealth,
	"doctolib":       ThemeHealth,
	"retraite":       ThemeWork,
	"france_travail": ThemeWork,
	"ft":             ThemeWork,
	"impots":         ThemeMoneyTaxes,
	"banque":         ThemeBanking,
	"ants":           ThemePapers,
	"franceconnect":  ThemeAdministrative,
	"logement":       ThemeHousing,
	"autre":          ThemeAdministrative,
	"email":          ThemeEmail,
	"scan":           ThemeMaterial,
	"arnaque":        ThemeSecurity,
}

// ThemeOf is the Coop theme of one procedure code. Codes may be qualified
// ("caf.declaration", "ft-inscription"): the part before the first dot or
// dash decides. ok is false for a code the table does not know.
func ThemeOf(procedure string) (t Theme, ok bool) { return byProcedure(procedureThemes, procedure) }

// byProcedure is m's value for a procedure code or, for a qualified code,
// the part before its first dot or dash.
func byProcedure[V any](m map[string]V, procedure string) (V, bool) {
	if v, ok := m[procedure]; ok {
		return v, true
	}
	if i := strings.IndexAny(procedure, ".-"); i > 0 {
		v, ok := m[procedure[:i]]
		return v, ok
	}
	var zero V
	return zero, false
}

// Themes are the Coop themes of f in the Coop's order: "Diagnostic
// numérique" when the visitor took the self-assessment, the themes of the
// procedures they need or practised, and "Aide aux démarches
// administratives" whenever an administrative sub-theme is there, as the
// Coop requires.
func Themes(f Facts) []Theme { return themesOf(f).themes() }

// themeSet is a set of CoopThemes, bit i for CoopThemes[i]: Themes runs
// for every session of an export, and a map per session showed in its
// profile.
type themeSet uint64

func themesOf(f Facts) themeSet {
	var set themeSet
	if f.Orientation != "" || len(f.Levels) > 0 {
		set |= diagnosticBit
	}
	for _, p := range f.Needs {
		set |= procedureThemeSet(p)
	}
	for _, w := range f.Walks {
		set |= procedureThemeSet(w.Procedure)
	}
	return set
}

func (set themeSet) themes() []Theme {
	var out []Theme
	if set != 0 {
		out = make([]Theme, 0, bits.OnesCount64(uint64(set)))
	}
	for i, t := range CoopThemes {
		if set&(1<<i) != 0 {
			out = append(out, t)
		}
	}
	return out
}

func themeBit(t Theme) themeSet { return 1 << themeIndex[t.Code] }

var diagnosticBit, administrativeBit = themeBit(ThemeDiagnostic), themeBit(ThemeAdministrative)

// procedureThemeSet is ThemeOf(procedure) with its parent
// ThemeAdministrative when it is an administrative sub-theme.
func procedureThemeSet(procedure string) themeSet {
	set, _ := byProcedure(procedureSets, procedure)
	return set
}

// procedureSets are procedureThemes as theme sets.
var procedureSets = func() map[string]themeSet {
	m := make(map[string]themeSet, len(procedureThemes))
	for p, t := range procedureThemes {
		m[p] = themeBit(t)
		if t.Admin {
			m[p] |= administrativeBit
		}
	}
	return m
}()

// themeIndex is each theme's place in CoopThemes.
var themeIndex = func() map[string]int {
	if len(CoopThemes) > 64 {
		panic("a themeSet holds at most 64 Coop themes")
	}
	m := make(map[string]int, len(CoopThemes))
	for i, t := range CoopThemes {
		m[t.Code] = i
	}
	return m
}()

// Labels are the terms' labels.
func Labels[T interface{ term() Term }](terms []T) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.term().Label
	}
	return out
}

// Codes are the terms' API codes.
func Codes[T interface{ term() Term }](terms []T) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.term().Code
	}
	return out
}

func (t Term) term() Term { return t }

// Autonomy is the Coop autonomy level, from the mean of the
// self-assessment's domain levels (0–3): below 1.5 "Avec guidage", below
// 2.5 "Autonome avec guidage en cas de besoin", else "Autonome". ok is
// false without an assessment. It is the visitor's self-assessment, not the
// mediator's observation: the printed block says so.
func Autonomy(levels map[string]int) (t Term, ok bool) {
	if len(levels) == 0 {
		return Term{}, false
	}
	sum := 0
	for _, l := range levels {
		sum += l
	}
	mean := float64(sum) / float64(len(levels))
	switch {
	case mean < 1.5:
		return AutonomyGuided, true
	case mean < 2.5:
		return AutonomyPartial, true
	}
	return AutonomyAutonomous, true
}

// AutonomyLabel is the Coop's label of Autonomy(levels), "" without an
// assessment.
func AutonomyLabel(levels map[string]int) string {
	t, _ := Autonomy(levels)
	return t.Label
}

// AutonomyStars is the level as the Coop's export writes it: "2/3".
func AutonomyStars(t Term) string {
	i := slices.Index(CoopAutonomy, t)
	if i < 0 {
		return ""
	}
	return string(rune('1'+i)) + "/" + string(rune('0'+len(CoopAutonomy)))
}

// Redirection is what the Coop's section "Orientation" says of a session:
// whether the visitor is sent to another structure, and which kind.
type Redirection struct {
	Reoriented bool
	Structure  Term // zero when not reoriented
}

// redirections maps each orientation of the self-assessment onto the
// Coop's redirection (docs/coop-cra.md explains the choices). A new
// orientation gets a row here; one without a row leaves the section empty
// for the mediator to answer.
var redirections = map[string]Redirection{
	assessment.Autonomous:  {Reoriented: false},
	assessment.ToTrain:     {true, RedirectMediation},
	assessment.ToAccompany: {true, RedirectMediation},
	assessment.DoOnBehalf:  {true, RedirectAdministrative},
}

// RedirectionOf is the Coop redirection of an orientation code; ok is
// false without an assessment or for an orientation the table lacks.
func RedirectionOf(orientation string) (r Redirection, ok bool) {
	r, ok = redirections[orientation]
	return r, ok
}

// Answer is "Oui" or "Non", as the Coop writes the question "Bénéficiaire
// orienté vers une autre structure ?".
func (r Redirection) Answer() Term {
	if r.Reoriented {
		return Yes
	}
	return No
}
