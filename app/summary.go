package app

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"pasapas/app/activity"
	"pasapas/app/directory"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/store"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
	"pasapas/printing"
)

// SummariesDirName is the folder of the data directory where a summary is
// saved when no printer can be used (the Windows fallback).
const SummariesDirName = "summaries"

// SummaryOf builds the printed summary of the stored session with code, in
// the words of c: French on the mediator page, the session's language on
// the visitor page. Only codes are stored, so nothing the visitor typed can
// reach the paper.
func SummaryOf(ctx context.Context, st *store.Store, c *Content, code session.Code) (printing.Summary, error) {
	rec, err := st.SessionByCode(ctx, code)
	if err != nil {
		return printing.Summary{}, err
	}
	events, err := st.Events(ctx, rec.ID)
	if err != nil {
		return printing.Summary{}, err
	}
	// A visitor prints before the session ends: it lasts until now, that
	// is its last event.
	duration := rec.Duration()
	if duration == 0 && len(events) > 0 {
		duration = events[len(events)-1].At.Sub(rec.Started)
	}
	setting := func(key string) string {
		v, err := st.Setting(ctx, key, "")
		if err != nil {
			return ""
		}
		return v
	}
	lang, language := printLanguage(c, rec.Lang)
	s := printing.Summary{
		Code:     rec.Code.String(),
		Date:     rec.Started,
		Duration: duration,
		Centre: printing.Centre{
			Name:    setting(settings.CentreName),
			Address: setting(settings.CentreAddress),
			Hours:   setting(settings.CentreHours),
		},
		Language:    language,
		VisitorLang: lang,
	}
	r, assessed, err := st.AssessmentOf(ctx, rec.ID)
	if err != nil {
		return printing.Summary{}, err
	}
	if assessed {
		addAssessment(&s, c.Questions.Describe(r, printing.MediatorLang), c.Questions.Describe(r, lang))
		places, err := OfferedPlaces(ctx, st, r.Orientation)
		if err != nil {
			return printing.Summary{}, err
		}
		addPlaces(&s, places)
	}
	addWalkthroughs(&s, walkthrough.Progress(session.Each(events), c.Walkthroughs), c, lang)
	// The activity-report block uses the Coop's vocabulary and the
	// console's facts, so the paper and the exports say the same.
	sum, err := st.Summary(ctx, code)
	if err != nil {
		return printing.Summary{}, err
	}
	sum.Duration = duration
	a := activity.ActivityOf(sum, activity.Options{Names: ProcedureTitle(c)})
	s.Report = printing.Report{
		Type: a.Type.Label, Place: a.Place.Label, Minutes: a.Minutes,
		Themes: activity.Labels(a.Themes), Procedures: a.Procedures,
		Material: strings.Join(activity.Labels(a.Material), ", "), Autonomy: a.Autonomy.Label,
	}
	if r := a.Redirection; r != nil {
		s.Report.Reoriented, s.Report.Structure = r.Answer().Label, r.Structure.Label
	}
	return s, nil
}

// ProcedureTitle names a walkthrough in French, for the Coop's "Nom de la
// démarche administrative".
func ProcedureTitle(c *Content) func(code string) string {
	return func(code string) string {
		if p := c.Walkthroughs.Get(code); p != nil {
			return p.Title.In(printing.MediatorLang)
		}
		return ""
	}
}

// maxPlaces keeps the places on the mediator's page: two rows of two.
const maxPlaces = 4

// addPlaces lists the centre's places that serve the visitor's
// orientation, nearest first.
func addPlaces(s *printing.Summary, places []directory.Near) {
	for _, p := range places[:min(len(places), maxPlaces)] {
		contact := directory.PhoneLabel(p.Phone)
		if contact == "" {
			contact = p.Email
		}
		distance := ""
		if p.Km >= 0 {
			distance = directory.KmLabel(p.Km)
		}
		s.Places = append(s.Places, printing.Place{Name: p.Name, Address: p.Address, Hours: p.Hours, Contact: contact, Distance: distance})
	}
}

// printLanguage is the visitor page's language and the name the mediator
// page gives the session's language. The PDF font draws Latin, Greek and
// Cyrillic, and gofpdf can neither join nor lay out right-to-left letters:
// for a language it cannot print (Arabic) the visitor page is in French,
// which the mediator reads out, and the language is named by its code.
func printLanguage(c *Content, code string) (lang, name string) {
	l := c.Text.Language(code)
	lang, name = l.Code, l.Name
	if l.RightToLeft || !printing.Covers(c.Text.T(lang, "print.visitor.title")) {
		lang = c.Text.Reference()
	}
	if !printing.Covers(name) {
		name = l.Code
	}
	return lang, name
}

// addAssessment puts the self-assessment's result in words: levels,
// exercises, needs and orientation on the mediator page (med, in French),
// what the visitor can do and their next step on theirs (visitor).
func addAssessment(s *printing.Summary, med, visitor assessment.Description) {
	for _, d := range med.Domains {
		if d.Level == assessment.Unknown {
			continue
		}
		label := d.DigCompLabel
		if d.Autonomy != "" {
			label = strings.TrimPrefix(label+" · "+d.Autonomy, " · ")
		}
		s.Domains = append(s.Domains, printing.Domain{Name: d.Title, Level: d.Level, Label: label})
	}
	for _, e := range med.Exercises {
		if e.Text != "" {
			s.Exercises = append(s.Exercises, e.Text)
		}
	}
	for _, n := range med.Needs {
		s.Needs = append(s.Needs, n.Text)
	}
	s.Orientation = med.Orientation.Report
	s.Visitor.CanDo = append(s.Visitor.CanDo, visitor.CanDo...)
	s.Visitor.NextStep = visitor.Orientation.Next
}

// addWalkthroughs puts each procedure the visitor opened on the mediator
// page, and on the visitor page what they finished, what to do next and
// the documents to bring.
func addWalkthroughs(s *printing.Summary, progress []walkthrough.ProcedureProgress, c *Content, lang string) {
	const fr = printing.MediatorLang
	var bring []walkthrough.Document
	brought := map[string]bool{}
	addDoc := func(d walkthrough.Document) {
		if !brought[d.Code] {
			brought[d.Code] = true
			bring = append(bring, d)
		}
	}
	var stuck []string
	for _, p := range progress {
		w := printing.Walkthrough{Title: p.ID}
		title := p.ID
		if p.Procedure != nil {
			w.Title, title = p.Procedure.Title.In(fr), p.Procedure.Title.In(lang)
			w.Steps = len(p.Procedure.Steps)
		}
		switch {
		case p.Completed:
			w.State = printing.WalkCompleted
			s.Visitor.CanDo = append(s.Visitor.CanDo, c.Text.T(lang, "print.visitor.walk_done", "title", title))
		case p.Stuck != nil:
			w.State, w.Step, w.Steps = printing.WalkStuck, p.Stuck.Number, p.Stuck.Of
			if p.Stuck.Step != nil {
				w.StepTitle = p.Stuck.Step.Title.In(fr)
			}
			stuck = append(stuck, title)
		default:
			w.State, w.Step = printing.WalkStarted, p.StepsDone
		}
		for _, d := range p.Missing {
			w.Missing = append(w.Missing, d.Label.In(fr))
			addDoc(d)
		}
		// A procedure left unfinished will be done again with a mediator:
		// everything it needs goes on the list to bring.
		if !p.Completed && p.Procedure != nil {
			for _, d := range p.Procedure.Bring {
				addDoc(d)
			}
		}
		s.Walkthroughs = append(s.Walkthroughs, w)
	}
	for _, d := range bring {
		s.Visitor.Documents = append(s.Visitor.Documents, d.Label.In(lang))
	}
	if len(stuck) > 0 && s.Visitor.NextStep == "" {
		s.Visitor.NextStep = c.Text.T(lang, "print.visitor.next_stuck", "title", stuck[0])
	}
}

// RenderSummary renders the stored session with code as a PDF.
func RenderSummary(ctx context.Context, st *store.Store, c *Content, code session.Code) ([]byte, error) {
	s, err := SummaryOf(ctx, st, c, code)
	if err != nil {
		return nil, err
	}
	return printing.Render(s, c.Text.T)
}

// Printer is the printer configured in the settings, or the system default.
func Printer(ctx context.Context, st *store.Store, dataDir string) printing.Printer {
	name, _ := st.Setting(ctx, settings.Printer, "")
	return printing.System(name, filepath.Join(dataDir, SummariesDirName))
}

// PrintSummaryWith renders the stored session with code and prints it
// with p.
func PrintSummaryWith(ctx context.Context, st *store.Store, c *Content, p printing.Printer, code session.Code) error {
	pdf, err := RenderSummary(ctx, st, c, code)
	if err != nil {
		return err
	}
	return p.Print(ctx, pdf, printing.JobTitle(code.String()))
}

// PrintSummary prints the session with code on the printer of the
// settings (read at each print, so a change in the console applies at
// once). On failure the session stays as it was: the mediator can reprint
// it by code.
func (k *Kiosk) PrintSummary(code session.Code) error {
	ctx := context.Background()
	err := PrintSummaryWith(ctx, k.Store, k.Content, Printer(ctx, k.Store, k.DataDir), code)
	if err != nil {
		k.Log.WithError(err).WithField("code", code.String()).Warn("the summary was not printed; it can be reprinted by code")
		return err
	}
	k.Log.WithField("code", code.String()).Info("summary printed")
	return nil
}

// PrintTestPage prints the first start's test page, with the centre's
// name, on the printer of the settings.
func (k *Kiosk) PrintTestPage() error {
	ctx := context.Background()
	centre, _ := k.Store.Setting(ctx, settings.CentreName, "")
	pdf, err := printing.TestPage(centre, time.Now())
	if err == nil {
		err = Printer(ctx, k.Store, k.DataDir).Print(ctx, pdf, printing.TestPageTitle)
	}
	if err != nil {
		k.Log.WithError(err).Warn("the test page was not printed")
		return err
	}
	k.Log.Info("test page printed")
	return nil
}
