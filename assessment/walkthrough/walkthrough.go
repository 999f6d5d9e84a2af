// Package walkthrough holds the guided walkthroughs of online procedures
// (CAF, ameli, impots.gouv…): their model, the loader of their YAML files
// (seeds/walkthroughs/*.yaml, replaced or extended by a centre's
// <data-dir>/content/walkthroughs/*.yaml), the codes of the events the kiosk
// stores while a visitor follows one, and Progress, the reader of those
// events that the printed summary and the mediator console use.
//
// # Texts and languages
//
// Every text is a Text: a map from language code to text. In a file it is
// either a plain string (French only) or a mapping `fr: … / en: …`. French
// is the reference: a text missing in the visitor's language falls back to
// it, so adding a language is adding `xx:` lines to the files, nothing more.
//
// # Limits
//
// Every visitor page must fit 1024×768 at the largest text size without
// scrolling. The kiosk cuts a step too tall for one screen into pages (the
// instruction and its warning together when they fit, the drawing or the
// practice on a page of its own) and the checklist into as many pages as
// it needs, so the limits below are not about one screen: they bound what
// one page must hold, and keep texts short for readers who struggle.
//
//	MaxSteps        16   steps in a procedure
//	MaxDocuments     6   in bring (« À avoir maintenant ») and as many in
//	                     bring_later (« À apporter au rendez-vous »)
//	MaxDocument     80   characters of a document's label
//	MaxTitle        48   characters of a procedure's title (service: twice that)
//	MaxStepTitle    36   characters of a step's title
//	MaxInstruction 200   characters of an instruction, in
//	MaxSentences     3   sentences: one action each rather than two chained
//	MaxNote        200   characters of a tip or a pitfall
//
// The characters are counted in every language. ui's tests show a step and
// a checklist made to these limits at every text size.
//
// # Where the content comes from
//
// site is the address the visitor types (caf.fr), shown on the end screen
// as « le site officiel »; source.url is the procedure's own official page
// the steps were compared with, on the day source.checked, with what could
// not be confirmed in source.unconfirmed; each step's source names the
// page behind that step and what it says. The check date is for the
// mediator console (an alert after StaleAfter), never shown to visitors.
//
// # Events
//
// While a visitor follows a procedure the kiosk records, through
// session.Service.Record, events whose payloads hold codes only:
//
//	walk.started    proc
//	walk.missing    proc doc              (answered "Je n'ai pas" for doc)
//	walk.step       proc step secs [practice=done|skipped hints=N]
//	walk.stuck      proc step secs outcome=retry|tip|mediator
//	walk.completed  proc secs
//	walk.abandoned  proc step secs        (left before the end)
//
// secs is the time spent, in whole seconds: on the step for walk.step and
// walk.stuck, on the whole walkthrough for walk.completed and
// walk.abandoned. Progress(events, set) turns a session's events into one
// ProcedureProgress per procedure touched: started, completed, steps done,
// where the visitor got stuck ("étape 3 sur 7 : Se connecter", see
// StuckPoint.Label), documents missing, time spent.
package walkthrough

import (
	"regexp"
	"slices"
	"time"

	"pasapas/assessment/content"
)

// Reference is the language every text must have and falls back to; it is
// the reference language of seeds/languages.yaml.
const Reference = "fr"

// Text is one text in several languages.
type Text map[string]string

// In returns the text in lang, or in the reference language when lang has
// none.
func (t Text) In(lang string) string {
	if v, ok := t[lang]; ok && v != "" {
		return v
	}
	return t[Reference]
}

// Procedure is one online procedure a visitor can be walked through.
type Procedure struct {
	ID string
	// Title is short enough for a tile ("CAF : déclaration trimestrielle").
	Title Text
	// Service is who runs the procedure ("Caisse d'allocations familiales").
	Service Text
	// Pictogram names a drawn image of assets/illustrations.
	Pictogram string
	// Needs are the answer codes of the self-assessment's "Quelles
	// démarches devez-vous faire ?" this procedure serves (france_travail,
	// sante…), besides its own id.
	Needs []string
	// Site is the address the visitor types to do the procedure for real
	// (caf.fr, impots.gouv.fr): the end screen calls it "le site officiel".
	// It may differ from the pages the steps were checked against.
	Site string
	// Bring is "À avoir maintenant": what the visitor needs before starting.
	Bring []Document
	// BringLater is "À apporter au rendez-vous": what the procedure asks for
	// afterwards (at the mairie, at the agency), so it is never dropped.
	BringLater []Document
	Steps      []Step
	// Source is the procedure's own official page and the day its steps were
	// really compared with their sources.
	Source Source
	// File is where the procedure was read, for messages, and Origin whose
	// file it is (built-in or the centre's).
	File   string
	Origin content.Origin
}

// StaleAfter is how old a check may get before the mediator console asks
// for a new comparison with the official pages.
const StaleAfter = 12 // months

// CheckedOn is the day the steps were compared with their sources; the
// zero time when the file does not say.
func (p *Procedure) CheckedOn() time.Time {
	t, _ := time.Parse(time.DateOnly, p.Source.Checked)
	return t
}

// Stale tells whether the steps were last compared with their sources more
// than StaleAfter months before now's day.
func (p *Procedure) Stale(now time.Time) bool {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return p.CheckedOn().Before(today.AddDate(0, -StaleAfter, 0))
}

// Document is something the visitor needs before starting.
type Document struct {
	// Code names it in events and summaries (nir, caf_number, rib…).
	Code  string
	Label Text
}

// Step is one screen of a walkthrough.
type Step struct {
	// ID names the step in events; unique within its procedure.
	ID string
	// Title is a few words ("Se connecter"), used in "étape 3 sur 7 : …".
	Title Text
	// Instruction is at most two short sentences.
	Instruction  Text
	Illustration string
	Tip          Text
	// Pitfall is the mistake people usually make at this step.
	Pitfall Text
	// Sandbox, when set, names the practice mock of this step (Sandboxes).
	Sandbox string
	// Source is the official page that backs this step, and what it says
	// there, for the mediator and the next person checking.
	Source StepSource
}

// Source is the official reference of a procedure.
type Source struct {
	URL string
	// Checked is the day (YYYY-MM-DD) the steps were last compared with
	// their sources; never shown to the visitor as a certificate.
	Checked string
	// Unconfirmed says, in French, what could not be confirmed on that day
	// (a button's label seen only in a help page, a screen not reachable
	// offline…); empty when everything was.
	Unconfirmed string
}

// StepSource is the official page behind one step.
type StepSource struct {
	URL string
	// Says is a short note, in French, of what the page says that backs the
	// step ("Connexion : numéro de sécurité sociale et mot de passe").
	Says string
}

// Sandboxes are the practice mocks the kiosk can show in place of a step's
// illustration. A step's sandbox field must name one of them.
var Sandboxes = []string{
	"franceconnect", // choose "S'identifier avec FranceConnect" on a login page
	"fc-provider",   // pick the account to log in with
	"login",         // fill identifier and password with practice values, Valider
	"confirm",       // tick "je certifie" then Valider
	"attach",        // attach the right file, then send
	"slot",          // pick an appointment slot, then confirm
	"scam",          // spot the fraudulent message
}

// Limits of the texts, see the package comment.
const (
	MaxSteps     = 16
	MaxDocuments = 6 // in bring, and as many in bring_later
	MaxTitle     = 48
	MaxStepTitle = 36
	MaxDocument  = 80
	// MaxInstruction and MaxSentences keep an instruction FALC-short.
	MaxInstruction = 200
	MaxSentences   = 3
	MaxNote        = 200 // tip and pitfall
)

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`)
	langPattern = regexp.MustCompile(`^[a-z]{2,3}$`)
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	sitePattern = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$`)
	// A sentence ends with . ! ? or … followed by a space or the end.
	sentenceEnd = regexp.MustCompile(`[.!?…]+(\s|$)`)
)

// Set is the procedures on offer, in display order.
type Set struct {
	list []*Procedure
	// Practice is what the practice screens show (practice.yaml).
	Practice *Practice
}

// NewSet returns a set of procs in order; a later one replaces an earlier
// one with the same ID in place.
func NewSet(procs ...*Procedure) *Set {
	s := &Set{}
	for _, p := range procs {
		s.Put(p)
	}
	return s
}

// Put adds p, or replaces the procedure with p's ID where it stands.
func (s *Set) Put(p *Procedure) {
	for i, q := range s.list {
		if q.ID == p.ID {
			s.list[i] = p
			return
		}
	}
	s.list = append(s.list, p)
}

// All lists the procedures in display order.
func (s *Set) All() []*Procedure {
	if s == nil {
		return nil
	}
	return append([]*Procedure(nil), s.list...)
}

// Get returns the procedure id, or nil.
func (s *Set) Get(id string) *Procedure {
	if s == nil {
		return nil
	}
	for _, p := range s.list {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Ordered lists the procedures serving the codes of first (the visitor's
// declared needs, in their order: a procedure's id or one of its Needs)
// ahead of the rest.
func (s *Set) Ordered(first []string) []*Procedure {
	var out []*Procedure
	taken := map[string]bool{}
	for _, code := range first {
		for _, p := range s.All() {
			if !taken[p.ID] && (p.ID == code || slices.Contains(p.Needs, code)) {
				out = append(out, p)
				taken[p.ID] = true
			}
		}
	}
	for _, p := range s.All() {
		if !taken[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

// StepIndex returns the index of step id in p, or -1.
func (p *Procedure) StepIndex(id string) int {
	for i, st := range p.Steps {
		if st.ID == id {
			return i
		}
	}
	return -1
}

// Document returns the document code of p, or one labelled by its code.
func (p *Procedure) Document(code string) Document {
	for _, d := range p.Bring {
		if d.Code == code {
			return d
		}
	}
	return Document{Code: code, Label: Text{Reference: code}}
}
