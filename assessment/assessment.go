// Package assessment is the digital-skills self-assessment, in pure Go: the
// question bank (loaded from seeds/questions/*.yaml, overridable by a centre),
// the path through it (screening, skip rules), the scoring of each domain
// (level 0–3, DigComp proficiency, the mediators' autonomy scale) and the
// overall orientation. The rules and thresholds are data, not code: see
// docs/orientation.md.
//
// # Reading a stored assessment (printing, mediator console)
//
// The store keeps a Result per session; read it with
//
//	res, ok, err := st.AssessmentOf(ctx, sessionID) // app/store
//	d := bank.Describe(res, lang)                   // texts in lang, French fallback
//
// Result holds codes only (domain ids, levels, answer and outcome codes,
// need codes, the orientation code); Describe turns them into the words of a
// language: domain titles, DigComp and autonomy labels, exercise results in
// words, needs with their pictograms, the orientation and its next step.
package assessment

import (
	"context"
	"slices"
	"strings"
)

// Reference is the language every text must exist in; others fall back to it.
const Reference = "fr"

// Text is one text in several languages, keyed by language code.
type Text map[string]string

// In returns the text in lang, or in French when lang lacks it.
func (t Text) In(lang string) string {
	if s := strings.TrimSpace(t[lang]); s != "" {
		return s
	}
	return t[Reference]
}

// Kind is what a question asks the visitor to do.
type Kind string

const (
	// Self is self-declared: the four answers of SelfAnswers.
	Self Kind = "self"
	// Select is a plain choice with no right answer (screening, equipment).
	Select Kind = "select"
	// Choice is a situational choice: a realistic scene, one right answer.
	Choice Kind = "choice"
	// Icons asks which pictogram means something; one right answer.
	Icons Kind = "icons"
	// Tap, DoubleClick, Drag, Scroll and Type are practical exercises,
	// measured on screen.
	Tap         Kind = "tap"
	DoubleClick Kind = "doubleclick"
	Drag        Kind = "drag"
	Scroll      Kind = "scroll"
	Type        Kind = "type"
	// Needs is the final multi-select of procedures the visitor must do.
	Needs Kind = "needs"
)

var kinds = []Kind{Self, Select, Choice, Icons, Tap, DoubleClick, Drag, Scroll, Type, Needs}

// IsExercise reports whether k is measured on screen.
func (k Kind) IsExercise() bool {
	switch k {
	case Tap, DoubleClick, Drag, Scroll, Type:
		return true
	}
	return false
}

// hasChoices reports whether the bank lists k's answers.
func (k Kind) hasChoices() bool {
	switch k {
	case Select, Choice, Icons, Needs:
		return true
	}
	return false
}

// The self-declared answers, strongest first. Their labels are interface
// text (assess.self.<code>), the same for every question.
const (
	AnswerAlone   = "alone"   // Oui, je sais le faire moi-même
	AnswerHelped  = "helped"  // Oui, avec de l'aide
	AnswerCannot  = "cannot"  // C'est trop difficile pour moi
	AnswerUnknown = "unknown" // C'est nouveau pour moi
)

// SelfAnswers lists the self-declared answers in screen order.
var SelfAnswers = []string{AnswerAlone, AnswerHelped, AnswerCannot, AnswerUnknown}

// Outcomes of an answer as scored (keys of scoring.points).
const (
	OutcomeRight = "right" // right answer to a choice or icons question
	OutcomeWrong = "wrong"
	OutcomeOK    = "ok"     // exercise done easily
	OutcomeHard  = "hard"   // exercise done with many misses or mistakes
	OutcomeFail  = "failed" // exercise given up
)

// Skipped is the answer code of a question the visitor passed ("Je passe").
// A skipped question does not count, neither for nor against.
const Skipped = "skipped"

// Via codes say how an exercise was done: the brief wants every exercise
// possible by touch and by keyboard alone, and the mediator to know which.
const (
	ViaPointer    = "pointer"    // tap or click (Fyne cannot tell touch from mouse)
	ViaKeyboard   = "keyboard"   // Tab, Enter, arrows, Page Down
	ViaWheel      = "wheel"      // mouse wheel (scroll exercise)
	ViaSwipe      = "swipe"      // finger or mouse drag on the page (scroll exercise)
	ViaButtons    = "buttons"    // the on-screen page buttons (scroll exercise)
	ViaTapTap     = "taptap"     // drag exercise done by tapping the item then the box
	ViaScreenKeys = "screenkeys" // typing exercise done on the on-screen keys
)

// Domain is a group of questions scored together.
type Domain struct {
	ID string `yaml:"id"`
	// Scored is false for équipement et accès: a situation, not a skill.
	Scored bool `yaml:"scored"`
	// DigComp is the DigComp 2.2 competence area (e.g. "1", "2", "4").
	DigComp string `yaml:"digcomp"`
	Picto   string `yaml:"picto"`
	Title   Text   `yaml:"title"`
	// Short is the title in a few words, for the result screen.
	Short Text `yaml:"short"`
	// CanDo and Hard are FALC sentences for the result screen and summary.
	CanDo Text `yaml:"can_do"`
	Hard  Text `yaml:"hard"`
}

// Option is one answer of a Select, Choice, Icons or Needs question.
type Option struct {
	ID    string `yaml:"id"`
	Text  Text   `yaml:"text"`
	Picto string `yaml:"picto"`
	Right bool   `yaml:"right"`
}

// Scene is the realistic screen shown with a situational choice: a text
// message, an e-mail or a web page, drawn by the interface.
type Scene struct {
	Kind    string `yaml:"kind"` // sms, email, browser
	From    Text   `yaml:"from"`
	Address string `yaml:"address"` // browser address bar
	Secure  bool   `yaml:"secure"`  // browser padlock
	Body    Text   `yaml:"body"`
}

var sceneKinds = []string{"sms", "email", "browser"}

// Rule changes the path after an answer: when the answer is one of When,
// the listed questions or whole domains are left out (Skip), or the path
// jumps forward to question Goto.
type Rule struct {
	When []string `yaml:"when"`
	Skip []string `yaml:"skip"`
	Goto string   `yaml:"goto"`
	// ShortPath marks the screening's way out for a visitor who cannot
	// handle the pointer; the orientation rules can test it.
	ShortPath bool `yaml:"short_path"`
	// First lists procedure codes (walkthrough ids or need codes) to offer
	// before the declared needs: "no e-mail address" puts the e-mail
	// walkthrough first, since every online procedure needs one.
	First []string `yaml:"first"`
}

// Item is one question, one screen.
type Item struct {
	ID     string `yaml:"id"`
	Domain string `yaml:"domain"`
	// DigComp is the DigComp 2.2 competence (e.g. "1.1", "5.1").
	DigComp  string `yaml:"digcomp"`
	Kind     Kind   `yaml:"kind"`
	Picto    string `yaml:"picto"`
	Question Text   `yaml:"question"`
	// Hint is a short instruction under the question ("Touchez le rond.").
	Hint    Text     `yaml:"hint"`
	Scene   *Scene   `yaml:"scene"`
	Options []Option `yaml:"options"`
	// Word is the word to type (Type).
	Word Text `yaml:"word"`
	// MaxMisses is how many misses an exercise allows and still counts as
	// done easily; MinAccuracy the percentage of right letters for Type.
	MaxMisses   int     `yaml:"max_misses"`
	MinAccuracy int     `yaml:"min_accuracy"`
	Weight      float64 `yaml:"weight"`
	Rules       []Rule  `yaml:"rules"`
	// Says puts an exercise's outcome in words for the summary, keyed by
	// outcome code ("Clique avec précision").
	Says map[string]Text `yaml:"says"`
}

// Option returns the option with id, if any.
func (it *Item) Option(id string) (Option, bool) {
	for _, o := range it.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// Answer is what the visitor did on one question. Every field is a code or
// a number: a Type exercise keeps the accuracy, never the letters typed.
type Answer struct {
	Item string
	// Code is the chosen answer: a self-declared code, an option id, an
	// exercise outcome (OutcomeOK, OutcomeHard, OutcomeFail), Skipped, or
	// "chosen" for Needs.
	Code string
	// Millis is the time spent on the screen.
	Millis int64
	// Misses counts taps beside the target, single clicks on a double-click
	// target, drops beside the box, wrong letters.
	Misses int
	// Via says how an exercise was done (Via* codes); empty otherwise.
	Via string
	// Accuracy is the percentage of right letters (Type), else -1.
	Accuracy int
	// Needs are the chosen procedure codes (Needs).
	Needs []string
}

// Chosen is the answer code of a Needs question once answered.
const Chosen = "chosen"

// Orientation codes, from the most autonomous visitor to the least.
const (
	Autonomous  = "autonome"      // point to resources
	ToTrain     = "a_former"      // a workshop
	ToAccompany = "a_accompagner" // accompanied procedures
	DoOnBehalf  = "faire_pour"    // someone acts for them: Aidants Connect
)

// Orientations lists the orientation codes in that order.
var Orientations = []string{Autonomous, ToTrain, ToAccompany, DoOnBehalf}

// Autonomy codes of the mediators' activity-report scale.
const (
	Guided         = "guided"           // Avec guidage
	GuidedIfNeeded = "guided_if_needed" // Autonome avec guidage en cas de besoin
	SelfReliant    = "autonomous"       // Autonome
)

var autonomyCodes = []string{Guided, GuidedIfNeeded, SelfReliant}

// Unknown is the level of a domain with no counted answer.
const Unknown = -1

// DomainLevel is one scored domain's result.
type DomainLevel struct {
	Domain string
	// Level is 0 (not acquired) to 3 (autonomous), or Unknown.
	Level int
	// DigComp is the DigComp 2.2 proficiency level (0 = below level 1).
	DigComp int
	// Autonomy is an autonomy code (Guided…), empty when Unknown.
	Autonomy string
}

// Exercise is one practical exercise's result, in codes.
type Exercise struct {
	Item     string
	Kind     Kind
	Outcome  string // OutcomeOK, OutcomeHard, OutcomeFail or Skipped
	Via      string
	Misses   int
	Millis   int64
	Accuracy int // Type only, else -1
}

// Store keeps a finished assessment on its session (app/store does).
type Store interface {
	SaveAssessment(ctx context.Context, sessionID string, r Result) error
}

// Result is a finished assessment: codes only, stored per session.
type Result struct {
	Levels    []DomainLevel // scored domains, in bank order
	Exercises []Exercise    // in path order
	// Answers are the non-exercise answers (item id → answer code), kept for
	// the summary's equipment section.
	Answers     map[string]string
	Needs       []string
	Orientation string
	// ShortPath is true when the screening sent the visitor straight to the
	// end (the pointer was too hard).
	ShortPath bool
	// First are the procedure codes the answers' rules put before the
	// needs (Rule.First). Not stored: the answers give them back.
	First []string
}

// Undetermined reports whether nothing was measured: no domain has a level
// and the visitor did not take the short path (every question passed).
// Such a result is shown as "à voir avec le médiateur", never as a mandate.
func (r Result) Undetermined() bool {
	if r.ShortPath {
		return false
	}
	for _, l := range r.Levels {
		if l.Level != Unknown {
			return false
		}
	}
	return true
}

// ProcedureOrder is the codes that order the guided procedures for this
// visitor: the rules' First, then the declared needs, each once.
func (r Result) ProcedureOrder() []string {
	out := make([]string, 0, len(r.First)+len(r.Needs))
	for _, c := range append(append([]string(nil), r.First...), r.Needs...) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Level returns the level of domain, or Unknown.
func (r Result) Level(domain string) int {
	for _, l := range r.Levels {
		if l.Domain == domain {
			return l.Level
		}
	}
	return Unknown
}
