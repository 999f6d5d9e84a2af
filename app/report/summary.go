package report

import (
	"context"
	"strings"

	"pasapas/app/activity"
	"pasapas/app/directory"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/assessment"
	"pasapas/assessment/walkthrough"
	"pasapas/printing"
)

// Summary is the printed summary of the stored session with code: French
// on the mediator page, the session's language on the visitor page.
func (r Reader) Summary(ctx context.Context, code session.Code) (printing.Summary, error) {
	s, err := r.Session(ctx, code)
	if err != nil {
		return printing.Summary{}, err
	}
	// A visitor prints before the session ends: it lasts until now, that
	// is its last event.
	duration := s.Duration
	if duration == 0 && len(s.Events) > 0 {
		duration = s.Events[len(s.Events)-1].At.Sub(s.Started)
	}
	setting := func(key string) string {
		v, err := r.Store.Setting(ctx, key, "")
		if err != nil {
			return ""
		}
		return v
	}
	lang, language := r.printLanguage(s.lang)
	out := printing.Summary{
		Code:     s.Code.String(),
		Date:     s.Started,
		Duration: duration,
		Centre: printing.Centre{
			Name:    setting(settings.CentreName),
			Address: setting(settings.CentreAddress),
			Hours:   setting(settings.CentreHours),
		},
		Language:    language,
		VisitorLang: lang,
		VisitorRTL:  r.Text.Language(lang).RightToLeft,
	}
	if s.result != nil {
		addAssessment(&out, r.Questions.Describe(*s.result, mediator), r.Questions.Describe(*s.result, lang))
		out.Exercises = s.Exercises
		places, err := OfferedPlaces(ctx, r.Store, s.result.Orientation)
		if err != nil {
			return printing.Summary{}, err
		}
		addPlaces(&out, places)
	}
	r.addWalkthroughs(&out, s.Walks, lang)
	if err := r.addProgress(ctx, &out, s, lang); err != nil {
		return printing.Summary{}, err
	}
	// The activity-report block uses the Coop's vocabulary and the
	// console's facts, so the paper and the exports say the same.
	facts := s.facts
	facts.Duration = duration
	a := activity.ActivityOf(facts, activity.Options{Names: ProcedureTitle(r.Walkthroughs)})
	out.Report = printing.Report{
		Type: a.Type.Label, Place: a.Place.Label, Minutes: a.Minutes,
		Themes: activity.Labels(a.Themes), Procedures: a.Procedures,
		Material: strings.Join(activity.Labels(a.Material), ", "), Autonomy: a.Autonomy.Label,
	}
	if r := a.Redirection; r != nil {
		out.Report.Reoriented, out.Report.Structure = r.Answer().Label, r.Structure.Label
	}
	return out, nil
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
// Cyrillic, and a right-to-left page is shaped apart (printing/rtl.go): for
// a language it can print neither way the visitor page is in French, which
// the mediator reads out. The mediator page names a language its font
// cannot draw (Arabic) by its code.
func (r Reader) printLanguage(code string) (lang, name string) {
	l := r.Text.Language(code)
	lang, name = l.Code, l.Name
	if !l.RightToLeft && !printing.Covers(r.Text.T(lang, "print.visitor.title")) {
		lang = r.Text.Reference()
	}
	if !printing.Covers(name) {
		name = l.Code
	}
	return lang, name
}

// addAssessment puts the self-assessment's result in words: levels, needs
// and orientation on the mediator page (med, in French), what the visitor
// can do and their next step on theirs (visitor).
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
	for _, n := range med.Needs {
		s.Needs = append(s.Needs, n.Text)
	}
	s.Orientation = med.Orientation.Report
	s.Visitor.CanDo = append(s.Visitor.CanDo, visitor.CanDo...)
	s.Visitor.NextStep = visitor.Orientation.Next
}

// addProgress puts on both pages what changed since a returning visitor's
// earlier visit; a first visit has no such section.
func (r Reader) addProgress(ctx context.Context, out *printing.Summary, s Session, lang string) error {
	p, err := r.Store.Progress(ctx, s.id)
	if err != nil || !p.Returning() {
		return err
	}
	pr := &printing.Progress{Since: p.Since}
	for _, l := range p.Levels {
		name, visitorName := l.Domain, l.Domain
		if d, ok := r.Questions.Domain(l.Domain); ok {
			name, visitorName = d.Title.In(mediator), d.Title.In(lang)
		}
		pr.Levels = append(pr.Levels, printing.LevelChange{Domain: name, Then: l.Then, Now: l.Now})
		if l.Trend() == activity.Up {
			pr.Better = append(pr.Better, visitorName)
		}
	}
	// This visit's finished walkthroughs are already on the visitor page.
	now := map[string]bool{}
	for _, w := range s.Walks {
		now[w.progress.ID] = w.progress.Completed
	}
	for _, id := range p.Finished {
		title, visitorTitle := id, id
		if w := r.Walkthroughs.Get(id); w != nil {
			title, visitorTitle = w.Title.In(mediator), w.Title.In(lang)
		}
		pr.Finished = append(pr.Finished, title)
		if !now[id] {
			pr.FinishedSince = append(pr.FinishedSince, visitorTitle)
		}
	}
	if o, ok := r.Questions.Orientation(p.EarlierOrientation); ok {
		pr.EarlierOrientation = o.Report.In(mediator)
	}
	out.Progress = pr
	return nil
}

// addWalkthroughs puts each procedure the visitor opened on the mediator
// page, and on the visitor page (in lang) what they finished, what to do
// next and the documents to bring.
func (r Reader) addWalkthroughs(s *printing.Summary, walks []Walk, lang string) {
	var bring []walkthrough.Document
	brought := map[string]bool{}
	addDoc := func(d walkthrough.Document) {
		if !brought[d.Code] {
			brought[d.Code] = true
			bring = append(bring, d)
		}
	}
	var stuck []string
	for _, w := range walks {
		p := w.progress
		title := p.ID
		if p.Procedure != nil {
			title = p.Procedure.Title.In(lang)
		}
		switch w.State {
		case printing.WalkCompleted:
			s.Visitor.CanDo = append(s.Visitor.CanDo, r.Text.T(lang, "print.visitor.walk_done", "title", title))
		case printing.WalkStuck:
			stuck = append(stuck, title)
		}
		for _, d := range p.Missing {
			addDoc(d)
		}
		// A procedure left unfinished will be done again with a mediator:
		// everything it needs goes on the list to bring.
		if !p.Completed && p.Procedure != nil {
			for _, d := range p.Procedure.Bring {
				addDoc(d)
			}
		}
		s.Walkthroughs = append(s.Walkthroughs, w.Walkthrough)
	}
	for _, d := range bring {
		s.Visitor.Documents = append(s.Visitor.Documents, d.Label.In(lang))
	}
	if len(stuck) > 0 && s.Visitor.NextStep == "" {
		s.Visitor.NextStep = r.Text.T(lang, "print.visitor.next_stuck", "title", stuck[0])
	}
}
