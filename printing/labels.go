package printing

// Labels of the mediator page. They are the fixed French words of the
// mediators' trade (the activity-report vocabulary among them), the same on
// every kiosk, so they live here rather than in the translated catalogue.
const (
	labelKicker         = "Pas à Pas · Résumé de séance · Pour le médiateur"
	labelCode           = "Code de séance"
	labelDate           = "Date"
	labelDuration       = "Durée"
	labelLanguage       = "Langue"
	labelDomains        = "Niveaux par domaine (0 à 3) et DigComp 2.2, indicatifs : déclaré + exercices"
	labelExercises      = "Exercices pratiques"
	labelNeeds          = "Démarches à faire (déclarées)"
	labelWalkthroughs   = "Parcours guidés"
	labelMissing        = "Documents manquants : "
	labelOrientation    = "Orientation conseillée"
	labelReport         = "Pour votre compte-rendu d'activité"
	labelReportNote     = "À vérifier : durée passée sur la borne ; autonomie et orientation d'après l'autodiagnostic."
	labelType           = "Type d'activité"
	labelPlace          = "Lieu"
	labelReportDuration = "Durée"
	labelThemes         = "Thématiques"
	labelProcedure      = "Nom de la démarche"
	labelMaterial       = "Matériel"
	labelAutonomy       = "Niveau d'autonomie"
	labelReoriented     = "Bénéficiaire réorienté"
	labelStructure      = "Structure de redirection"
	labelPlaces         = "Lieux où orienter"
	labelNothing        = "Séance courte. Aucun résultat enregistré."
	labelProgress       = "Progression depuis le %s"
	labelFinishedSince  = "Parcours terminés depuis : "
	labelEarlier        = "Orientation précédente : "
	labelFooter         = "Code %s · Ce document ne contient aucune donnée personnelle."
)
