// Package printing turns a visitor session into a two-page PDF summary (one
// page for the mediator, one for the visitor) and sends it to a printer.
//
// It has its own input model, Summary, made of words ready to print, so it
// does not depend on how the assessment or the walkthroughs store their
// data: app fills a Summary from a stored session. Rendering (Render) and
// dispatch (Printer) are separate, so a summary can be saved, printed, or
// both, and a failed print never loses the session.
package printing

import "time"

// Summary is everything printed about one session. Mediator-page texts are
// in French (the mediators' language); Visitor texts are in the visitor's
// language (VisitorLang). A zero or empty field leaves its section out.
// Nothing here may name the visitor or repeat what they typed.
type Summary struct {
	Code     string // the session code as shown, "K7D-M3Q"
	Date     time.Time
	Duration time.Duration
	Centre   Centre
	// Language is the name of the language the visitor used ("Français").
	Language string
	// VisitorLang is the catalogue code of the visitor page's language.
	VisitorLang string
	// VisitorRTL is set when that language reads right to left: the page
	// is mirrored and its texts shaped (rtl.go).
	VisitorRTL bool
	// Progress is set for a visitor who came back with their code: what
	// changed since the earlier visit. A first visit has none.
	Progress *Progress

	Domains      []Domain
	Exercises    []string // practical-exercise results in words
	Needs        []string // procedures the visitor said they must do
	Walkthroughs []Walkthrough
	Orientation  string // the recommended orientation, in words
	Report       Report
	Places       []Place

	Visitor Visitor
}

// Centre is the mediation place printing the summary, from its settings.
type Centre struct {
	Name, Address, Hours string
}

// Domain is one assessed skills domain.
type Domain struct {
	Name  string
	Level int // 0 (not acquired) to MaxLevel (autonomous)
	// Label names the level in the mediators' scales, for example
	// "DigComp 1 · Avec guidage".
	Label string
}

// MaxLevel is the top of the domain scale.
const MaxLevel = 3

// Walkthrough is what happened in one guided procedure.
type Walkthrough struct {
	Title string
	State WalkState
	// Steps is the procedure's number of steps. Step is where the visitor
	// got stuck (WalkStuck) or how many steps they did (WalkStarted), 0 when
	// unknown; StepTitle is the stuck step's title.
	Step, Steps int
	StepTitle   string
	// Missing lists the documents the visitor did not have.
	Missing []string
}

// WalkState is how far a walkthrough went.
type WalkState string

const (
	WalkStarted   WalkState = "started"
	WalkCompleted WalkState = "completed"
	WalkStuck     WalkState = "stuck"
)

// Report pre-fills the mediator's activity report (CRA) of La Coop de la
// médiation numérique, in the order of its form and in its words, so the
// mediator copies each line into the field of the same name.
type Report struct {
	Type    string // "Accompagnement individuel"
	Place   string // "Lieu d’activité"
	Minutes int    // minutes at the kiosk
	Themes  []string
	// Procedures are the Coop's "Nom de la démarche administrative".
	Procedures []string
	Material   string // "Ordinateur"
	Autonomy   string // "Avec guidage", "Autonome"…
	// Reoriented answers "Bénéficiaire orienté vers une autre structure ?"
	// ("Oui", "Non"); Structure is the structure de redirection.
	Reoriented, Structure string
}

// Empty reports whether the block has nothing to print: the Coop records
// no activity without a theme.
func (r Report) Empty() bool { return len(r.Themes) == 0 }

// Place is a local place to orient the visitor to, from the centre's
// directory: Hours in plain French, Distance as "à 4 km" (empty when the
// centre's position is not set).
type Place struct {
	Name, Address, Hours, Contact, Distance string
}

// Visitor holds the visitor page's texts, in the visitor's language and in
// plain words (FALC).
// Progress is what changed for a returning visitor since Since, the
// earlier visit compared with.
type Progress struct {
	Since time.Time
	// Levels are the domains assessed then and now (mediator's names).
	Levels []LevelChange
	// Finished are the walkthroughs finished since (mediator's titles),
	// EarlierOrientation the earlier visit's orientation, in the report's
	// words.
	Finished           []string
	EarlierOrientation string
	// Better and FinishedSince are the visitor page's: the domains that
	// went up and the walkthroughs finished on an earlier visit since, in
	// the visitor's language. Nothing that went down is printed for the
	// visitor.
	Better, FinishedSince []string
}

// LevelChange is a domain's level on the earlier visit and now (0 to 3).
type LevelChange struct {
	Domain    string
	Then, Now int
}

type Visitor struct {
	CanDo     []string // "Ce que je sais faire"
	NextStep  string   // "Ma prochaine étape"
	Documents []string // "Les documents à apporter"
}
