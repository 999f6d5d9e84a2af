package directory

import "slices"

// Version 0.x of the standard (what the cartographie nationale published
// until 2024) named some columns differently and had 15 services where 1.0
// has 9. The mapping below is the one the cartographie's team applied to
// its own files on 2024-09-12: comparing the 0.x and 1.x versions of the
// three real files in shared/data/lieux-mediation-numerique/reel gives it
// for 915 rows out of 924 (the other 9 got one service more by hand).

// isV0 reports whether a header is version 0.x: the 1.0 columns are absent
// and the old ones are there.
func isV0(col map[string]int) bool {
	_, v1 := col["dispositif_programmes_nationaux"]
	_, labels := col["labels_nationaux"]
	_, access := col["conditions_acces"]
	return !v1 && (labels || access)
}

// v0Renamed names the 0.x column of a 1.0 field that was renamed.
var v0Renamed = map[string]string{"courriels": "courriel", "frais_a_charge": "conditions_acces", "fiche_acces_libre": "accessibilite"}

// v0Services maps each 0.x service onto its 1.0 service.
var v0Services = map[string]string{
	"Prendre en main un ordinateur":                                 "Maîtrise des outils numériques du quotidien",
	"Prendre en main un smartphone ou une tablette":                 "Maîtrise des outils numériques du quotidien",
	"Utiliser le numérique au quotidien":                            "Maîtrise des outils numériques du quotidien",
	"Approfondir ma culture numérique":                              "Compréhension du monde numérique",
	"Promouvoir la citoyenneté numérique":                           "Compréhension du monde numérique",
	"Accéder à une connexion internet":                              "Accès internet et matériel informatique",
	"Accéder à du matériel":                                         "Accès internet et matériel informatique",
	"S'équiper en matériel informatique":                            "Acquisition de matériel informatique à prix solidaire",
	"Créer avec le numérique":                                       "Loisirs et créations numériques",
	"Créer et développer mon entreprise":                            "Insertion professionnelle via le numérique",
	"Favoriser mon insertion professionnelle":                       "Insertion professionnelle via le numérique",
	"Accompagner les démarches de santé":                            "Aide aux démarches administratives",
	"Devenir autonome dans les démarches administratives":           "Aide aux démarches administratives",
	"Réaliser des démarches administratives avec un accompagnement": "Aide aux démarches administratives",
	"Soutenir la parentalité et l'éducation avec le numérique":      "Parentalité et éducation avec le numérique",
}

// v0Modes maps the 0.x modalités d'accompagnement onto 1.0. "A ma place"
// has no 1.0 value: it is exactly "Faire pour", kept as that orientation.
var v0Modes = map[string]string{
	"Seul : j'ai accès à du matériel et une connexion":                    "En autonomie",
	"Avec de l'aide : je suis accompagné seul dans l'usage du numérique":  "Accompagnement individuel",
	"Dans un atelier : j'apprends collectivement à utiliser le numérique": "Dans un atelier collectif",
}

const v0OnBehalf = "A ma place : une personne habilitée fait les démarches à ma place"

// convertV0 turns a 0.x row's services and modalities into 1.0 ones; it
// reports whether the place acts on the visitor's behalf.
func (r *rowReader) convertV0(services, modes []string) (newServices, newModes []string, onBehalf bool) {
	for _, s := range services {
		n, ok := v0Services[s]
		switch {
		case ok && !slices.Contains(newServices, n):
			newServices = append(newServices, n)
		case !ok:
			r.warn("services", "« %s » n'est pas une valeur de la version 0.x du standard, ignorée", s)
		}
	}
	for _, m := range modes {
		if m == v0OnBehalf {
			onBehalf = true
			continue
		}
		if n, ok := v0Modes[m]; ok {
			newModes = append(newModes, n)
		} else {
			r.warn("modalites_accompagnement", "« %s » n'est pas une valeur de la version 0.x du standard, ignorée", m)
		}
	}
	return newServices, newModes, onBehalf
}

// v0Programmes keeps, from 0.x labels_nationaux, the national programmes
// of 1.0's dispositif_programmes_nationaux ("CNFS" is Conseillers
// numériques); the other labels (training labels) are not used here.
func v0Programmes(labels []string) []string {
	var out []string
	for _, l := range labels {
		switch l {
		case "CNFS":
			out = append(out, "Conseillers numériques")
		case "France Services", "Aidants Connect":
			out = append(out, l)
		}
	}
	return out
}
