package assessment

// Bank is a loaded, checked question bank with its scoring rules.
type Bank struct {
	Domains []Domain
	// Items are in path order: files sorted by name, then file order.
	Items   []*Item
	Scoring Scoring

	items   map[string]int // id → index in Items
	domains map[string]int // id → index in Domains
}

// Scoring holds every number and rule of the scoring, from the seed data.
type Scoring struct {
	// Points gives each outcome 0–3 points: self-declared codes, right,
	// wrong, ok, hard, failed.
	Points map[string]float64 `yaml:"points"`
	// Levels turn a domain's weighted mean of points into a level: the
	// first step whose Min the mean reaches.
	Levels []LevelStep `yaml:"levels"`
	// Scale maps each level to DigComp proficiency and autonomy.
	Scale []ScaleStep `yaml:"scale"`
	// Autonomy names each autonomy code.
	Autonomy map[string]Text `yaml:"autonomy"`
	// Orientations describe each orientation code.
	Orientations []OrientationDef `yaml:"orientations"`
	// Undetermined are the words of a result with nothing measured
	// (Result.Undetermined): "À voir avec le médiateur", whatever code the
	// rules give it for the activity report.
	Undetermined OrientationDef `yaml:"undetermined"`
	// Rules pick the orientation: the first rule whose conditions all hold
	// wins; the last has none.
	Rules []OrientationRule `yaml:"rules"`
}

// LevelStep is one threshold of Scoring.Levels.
type LevelStep struct {
	Level int     `yaml:"level"`
	Min   float64 `yaml:"min"`
}

// ScaleStep says what a domain level means on the two reference scales.
type ScaleStep struct {
	Level        int    `yaml:"level"`
	DigComp      int    `yaml:"digcomp"`
	DigCompLabel Text   `yaml:"digcomp_label"`
	Autonomy     string `yaml:"autonomy"`
}

// OrientationDef is one orientation's words.
type OrientationDef struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	// Next is the visitor's next step, in FALC ("Votre prochaine étape").
	Next Text `yaml:"next"`
	// Report is the mediators' wording for their activity report.
	Report Text `yaml:"report"`
}

// OrientationRule is one line of the orientation table. Every condition set
// must hold; an empty rule always holds.
type OrientationRule struct {
	Orientation string `yaml:"orientation"`
	// ShortPath holds when the screening sent the visitor to the end.
	ShortPath *bool `yaml:"short_path"`
	// Answers holds when each listed item got one of the listed codes.
	Answers map[string][]string `yaml:"answers"`
	// AverageBelow holds when the mean of the known domain levels is below
	// it (0 when no level is known).
	AverageBelow *float64 `yaml:"average_below"`
	// LowestBelow holds when some known domain level is below it.
	LowestBelow *int `yaml:"lowest_below"`
	// LevelBelow holds when each listed domain's level is known and below
	// the given level.
	LevelBelow map[string]int `yaml:"level_below"`
	// KnownBelow holds when fewer domains than it have a level; KnownFrom
	// when at least that many do. A mandate needs evidence: without
	// KnownFrom, a visitor who passed most questions could get one.
	KnownBelow *int `yaml:"known_below"`
	KnownFrom  *int `yaml:"known_from"`
}

// Item returns the question with id.
func (b *Bank) Item(id string) (*Item, bool) {
	i, ok := b.items[id]
	if !ok {
		return nil, false
	}
	return b.Items[i], true
}

// Domain returns the domain with id.
func (b *Bank) Domain(id string) (Domain, bool) {
	i, ok := b.domains[id]
	if !ok {
		return Domain{}, false
	}
	return b.Domains[i], true
}

// Orientation returns the words of orientation code id.
func (b *Bank) Orientation(id string) (OrientationDef, bool) {
	for _, o := range b.Scoring.Orientations {
		if o.ID == id {
			return o, true
		}
	}
	return OrientationDef{}, false
}

// NeedsItem is the final "Quelles démarches devez-vous faire ?" question.
func (b *Bank) NeedsItem() *Item {
	for _, it := range b.Items {
		if it.Kind == Needs {
			return it
		}
	}
	return nil
}

func (b *Bank) index() {
	b.items = make(map[string]int, len(b.Items))
	for i, it := range b.Items {
		b.items[it.ID] = i
	}
	b.domains = make(map[string]int, len(b.Domains))
	for i, d := range b.Domains {
		b.domains[d.ID] = i
	}
}
