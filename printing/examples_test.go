package printing

import (
	"time"
)

// richSummary has every section filled, with the longest texts a real
// session gives, plus an emoji and a character outside the font that must
// not reach the PDF.
func richSummary() Summary {
	return Summary{
		Code:        "K7D-M3Q",
		Date:        time.Date(2026, 11, 23, 10, 5, 0, 0, time.UTC),
		Duration:    27 * time.Minute,
		Centre:      Centre{Name: "Espace numérique de la Villeneuve", Address: "12 rue des Tilleuls, 38100 Grenoble", Hours: "Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h"},
		Language:    "Français",
		VisitorLang: "fr",
		Domains: []Domain{
			{Name: "Utiliser un appareil", Level: 2, Label: "DigComp 2 — Fondamental · Autonome avec guidage en cas de besoin"},
			{Name: "Naviguer et chercher", Level: 1, Label: "DigComp 1 · Avec guidage"},
			{Name: "Communiquer", Level: 3, Label: "DigComp 3 · Autonome"},
			{Name: "Faire une démarche en ligne", Level: 0, Label: "Non acquis · Avec guidage"},
			{Name: "Se protéger", Level: 1, Label: "DigComp 1 · Avec guidage"},
		},
		Exercises: []string{"Clique avec précision (2 essais manqués sur 10)", "Double-clic difficile", "Glisser-déposer réussi", "Saisie d'un mot : juste, en 14 secondes", "Reconnaît 4 icônes sur 5 ✅"},
		Needs:     []string{"CAF", "ameli", "France Travail", "Impôts"},
		Walkthroughs: []Walkthrough{
			{Title: "CAF : déclaration trimestrielle", State: WalkStuck, Step: 3, Steps: 7, StepTitle: "Se connecter avec son numéro allocataire", Missing: []string{"Numéro allocataire"}},
			{Title: "Créer une adresse e-mail", State: WalkCompleted, Step: 6, Steps: 6},
			{Title: "ameli : attestation de droits", State: WalkStarted, Step: 2, Steps: 5},
		},
		Orientation: "À accompagner : démarches accompagnées par un médiateur",
		Report: Report{
			Type:       "Accompagnement individuel",
			Place:      "Lieu d’activité",
			Minutes:    27,
			Themes:     []string{"Diagnostic numérique", "E-mail", "Aide aux démarches administratives", "Social - Santé", "Travail - Formation - Entreprise", "Argent - Impôts"},
			Procedures: []string{"CAF : déclaration trimestrielle", "Créer une adresse e-mail", "ameli : attestation de droits"},
			Material:   "Ordinateur",
			Autonomy:   "Autonome avec guidage en cas de besoin",
			Reoriented: "Oui",
			Structure:  "Autre structure de médiation numérique",
		},
		Places: []Place{
			{Name: "France services Grenoble Mistral", Address: "8 place Saint-Bruno, 38000 Grenoble", Hours: "Du lundi au vendredi : 8 h 30 - 12 h et 13 h 30 - 17 h", Contact: "+33476000000", Distance: "à 2 km"},
			{Name: "Atelier numérique de la bibliothèque Kateb Yacine", Address: "202 Grand'Place, 38100 Grenoble", Hours: "Mercredi : 14 h - 17 h", Distance: "à 3 km"},
		},
		Visitor: Visitor{
			CanDo:     []string{"Vous savez écrire un message.", "Vous savez utiliser l'écran tactile.", "Vous savez envoyer une photo 📷."},
			NextStep:  "Un médiateur vous aide à faire votre déclaration à la CAF. Prenez rendez-vous à l'accueil.",
			Documents: []string{"Votre numéro allocataire CAF", "Votre carte Vitale", "Un justificatif de domicile"},
		},
	}
}

// bareSummary is a session the visitor left almost at once.
func bareSummary() Summary {
	return Summary{
		Code:        "ABC-DEF",
		Date:        time.Date(2026, 11, 23, 16, 40, 0, 0, time.UTC),
		Duration:    40 * time.Second,
		Language:    "English",
		VisitorLang: "en",
	}
}
