package assessment

// CanDoFrom is the level from which a domain is listed under "Ce que vous
// savez faire"; known levels below it go under "Ce qui est difficile".
const CanDoFrom = 2

// Description is a Result in the words of one language, for the result
// screen, the printed summary and the mediator console.
type Description struct {
	Domains   []DomainText
	CanDo     []string // FALC sentences, domains at CanDoFrom or above
	Hard      []string // FALC sentences, known domains below CanDoFrom
	Exercises []ExerciseText
	Needs     []NeedText
	// Orientation is empty (zero Code) for a result with none.
	Orientation OrientationText
}

// DomainText is one scored domain in words.
type DomainText struct {
	ID    string
	Title string
	Level int // 0–3 or Unknown
	// DigComp is the proficiency level (0 = below 1) and its label.
	DigComp      int
	DigCompLabel string
	// Autonomy is the mediators' scale label ("Avec guidage"…), empty when
	// the level is Unknown.
	Autonomy string
}

// ExerciseText is an exercise's result in words ("Clique avec précision").
type ExerciseText struct {
	Item    string
	Outcome string
	Via     string
	Text    string // empty for a skipped exercise
}

// NeedText is one chosen procedure.
type NeedText struct {
	Code  string
	Text  string
	Picto string
}

// OrientationText is the orientation in words. For an undetermined result
// (Result.Undetermined) the words are "à voir avec le médiateur" and Code
// is still the stored orientation code.
type OrientationText struct {
	Code   string
	Title  string
	Next   string // the visitor's next step, FALC
	Report string // the mediators' wording
}

// Describe puts r into the words of lang (French where lang lacks a text).
func (b *Bank) Describe(r Result, lang string) Description {
	var d Description
	for _, l := range r.Levels {
		dom, ok := b.Domain(l.Domain)
		if !ok {
			continue
		}
		dt := DomainText{ID: dom.ID, Title: dom.Title.In(lang), Level: l.Level, DigComp: l.DigComp}
		if l.Level != Unknown {
			dt.Autonomy = b.Scoring.Autonomy[l.Autonomy].In(lang)
			for _, s := range b.Scoring.Scale {
				if s.Level == l.Level {
					dt.DigCompLabel = s.DigCompLabel.In(lang)
				}
			}
			if l.Level >= CanDoFrom {
				d.CanDo = append(d.CanDo, dom.CanDo.In(lang))
			} else {
				d.Hard = append(d.Hard, dom.Hard.In(lang))
			}
		}
		d.Domains = append(d.Domains, dt)
	}
	for _, e := range r.Exercises {
		et := ExerciseText{Item: e.Item, Outcome: e.Outcome, Via: e.Via}
		if it, ok := b.Item(e.Item); ok {
			et.Text = it.Says[e.Outcome].In(lang)
		}
		d.Exercises = append(d.Exercises, et)
	}
	if it := b.NeedsItem(); it != nil {
		for _, code := range r.Needs {
			n := NeedText{Code: code, Text: code}
			if o, ok := it.Option(code); ok {
				n.Text, n.Picto = o.Text.In(lang), o.Picto
			}
			d.Needs = append(d.Needs, n)
		}
	}
	if o, ok := b.Orientation(r.Orientation); ok {
		if u := b.Scoring.Undetermined; r.Undetermined() && u.Title[Reference] != "" {
			o.Title, o.Next, o.Report = u.Title, u.Next, u.Report
		}
		d.Orientation = OrientationText{Code: r.Orientation, Title: o.Title.In(lang), Next: o.Next.In(lang), Report: o.Report.In(lang)}
	}
	return d
}
