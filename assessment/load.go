package assessment

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"pasapas/assessment/content"
)

// Dir is the bank's folder in seeds/ and in a centre's content folder.
const Dir = "questions"

// bankFile is the layout of one file of the bank; each part is optional.
type bankFile struct {
	Domains yaml.Node `yaml:"domains"`
	Items   yaml.Node `yaml:"items"`
	Scoring yaml.Node `yaml:"scoring"`
}

// idPattern keeps ids short codes, fit for events and SQL columns.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,39}$`)

// langPattern is a language code such as fr, en, pt-BR.
var langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z]{2,4})?$`)

// loader gathers a bank from its files and checks it.
type loader struct {
	bank      *Bank
	itemAt    map[string]string // id → "file:line", for duplicate errors
	domainAt  map[string]string
	itemNodes map[string]itemNode
	scoring   *yaml.Node
	scoringIn string
}

type itemNode struct {
	file string
	node *yaml.Node
}

// Load reads and checks every *.yaml file of dir in fsys as one bank. The
// first problem found comes back as a *content.Error: file, line, field.
func Load(fsys fs.FS, dir string) (*Bank, error) {
	return load(overlay(dir, content.Layer{FS: fsys, Origin: content.BuiltIn}))
}

// source is one file of a bank, the file system it is read from and
// where that comes from.
type source struct {
	fsys   fs.FS
	name   string
	origin content.Origin
}

// overlay lists the bank's files: those of the first layer, each replaced
// by the file of the same name in a later layer, plus the later layers'
// other files; sorted by name.
func overlay(dir string, layers ...content.Layer) []source {
	byName := map[string]source{}
	for _, l := range layers {
		for _, f := range content.Glob(l.FS, dir) {
			byName[f] = source{l.FS, f, l.Origin}
		}
	}
	out := make([]source, 0, len(byName))
	for _, s := range byName {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b source) int { return strings.Compare(a.name, b.name) })
	return out
}

func load(files []source) (*Bank, error) {
	if len(files) == 0 {
		return nil, &content.Error{File: Dir, Line: 1, Msg: "no question file (*.yaml) in this folder"}
	}
	l := &loader{bank: &Bank{}, itemAt: map[string]string{}, domainAt: map[string]string{}, itemNodes: map[string]itemNode{}}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
		data, err := fs.ReadFile(f.fsys, f.name)
		if err != nil {
			return nil, &content.Error{File: f.name, Line: 1, Msg: err.Error()}
		}
		if err := l.file(f.name, data); err != nil {
			return nil, err
		}
	}
	if err := l.check(names); err != nil {
		return nil, err
	}
	l.bank.index()
	return l.bank, nil
}

// LoadBank loads the built-in bank from builtin (seeds), then the layers
// above it that hold files in questions/ (the network's pack, then the
// centre's folder): each file replaces the file of the same name below it
// (to empty one, leave "items: []"), and new names are added. The bank
// with every layer is used when it is valid; otherwise the problem is
// recorded in report and the top layer is left out, and so on down to the
// built-in bank: a centre's typo never stops the kiosk. A broken built-in
// bank is an error.
func LoadBank(builtin fs.FS, layers []content.Layer, report *content.Report) (*Bank, error) {
	base := content.Layer{FS: builtin, Origin: content.BuiltIn}
	b, err := Load(builtin, Dir)
	if err != nil {
		return nil, fmt.Errorf("built-in question bank: %w", err)
	}
	var used []content.Layer
	for _, l := range layers {
		if len(content.Glob(l.FS, Dir)) > 0 {
			used = append(used, l)
		}
	}
	for n := len(used); n > 0; n-- {
		files := overlay(Dir, append([]content.Layer{base}, used[:n]...)...)
		lb, err := load(files)
		if err == nil {
			for _, f := range files {
				report.Add(f.name, f.origin, nil)
			}
			return lb, nil
		}
		bad, origin := Dir, used[n-1].Origin
		var ce *content.Error
		if errors.As(err, &ce) {
			bad = ce.File
			// A built-in file that no longer fits is the layer's fault.
			for _, f := range files {
				if f.name == ce.File && f.origin != content.BuiltIn {
					origin = f.origin
				}
			}
		}
		instead := "the built-in question bank is used instead"
		if n > 1 {
			instead = "the question bank without the " + used[n-1].Origin.Kind + "'s files is used instead"
		}
		report.Add(bad, origin, fmt.Errorf("%w (%s)", err, instead))
	}
	for _, f := range content.Glob(builtin, Dir) {
		report.Add(f, content.BuiltIn, nil)
	}
	return b, nil
}

func (l *loader) file(name string, data []byte) error {
	root, err := content.Parse(name, data)
	if err != nil {
		return err
	}
	var f bankFile
	if err := content.Decode(name, root, &f); err != nil {
		return err
	}
	if f.Domains.Kind != 0 {
		if err := seq(name, &f.Domains, "domains"); err != nil {
			return err
		}
		for _, n := range f.Domains.Content {
			if err := l.domain(name, n); err != nil {
				return err
			}
		}
	}
	if f.Items.Kind != 0 {
		if err := seq(name, &f.Items, "items"); err != nil {
			return err
		}
		for _, n := range f.Items.Content {
			if err := l.item(name, n); err != nil {
				return err
			}
		}
	}
	if f.Scoring.Kind != 0 {
		if l.scoring != nil {
			return content.Errorf(name, content.Field(root, "scoring"), "scoring", "the scoring is already in %s", l.scoringIn)
		}
		l.scoring, l.scoringIn = content.Field(root, "scoring"), name
	}
	return nil
}

// keyAt is the key node of field in mapping n (so an error names the line
// where the field starts), or n itself.
func keyAt(n *yaml.Node, field string) *yaml.Node {
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == field {
				return n.Content[i]
			}
		}
	}
	return n
}

func seq(file string, n *yaml.Node, field string) error {
	if n.Kind != yaml.SequenceNode {
		return content.Errorf(file, n, field, "expected a list")
	}
	return nil
}

func (l *loader) domain(file string, n *yaml.Node) error {
	var d Domain
	if err := content.Decode(file, n, &d); err != nil {
		return err
	}
	if !idPattern.MatchString(d.ID) {
		return content.Errorf(file, keyAt(n, "id"), "id", "missing or not a short code (a-z, 0-9, _ . -)")
	}
	if at, dup := l.domainAt[d.ID]; dup {
		return content.Errorf(file, keyAt(n, "id"), "id", "duplicate domain id %q (first at %s)", d.ID, at)
	}
	if err := texts(file, n, "title", d.Title, true); err != nil {
		return err
	}
	if err := texts(file, n, "short", d.Short, d.Scored); err != nil {
		return err
	}
	for _, f := range []string{"can_do", "hard"} {
		t := d.CanDo
		if f == "hard" {
			t = d.Hard
		}
		if err := texts(file, n, f, t, d.Scored); err != nil {
			return err
		}
	}
	l.domainAt[d.ID] = fmt.Sprintf("%s:%d", file, n.Line)
	l.bank.Domains = append(l.bank.Domains, d)
	return nil
}

// texts checks a Text field: language codes, and French present if needed.
func texts(file string, n *yaml.Node, field string, t Text, required bool) error {
	at := keyAt(n, field)
	for lang := range t {
		if !langPattern.MatchString(lang) {
			return content.Errorf(file, at, field, "%q is not a language code", lang)
		}
	}
	if required && strings.TrimSpace(t[Reference]) == "" {
		return content.Errorf(file, at, field, "the French text (%s) is missing", Reference)
	}
	return nil
}

func (l *loader) item(file string, n *yaml.Node) error {
	it := &Item{}
	if err := content.Decode(file, n, it); err != nil {
		return err
	}
	at := func(field string) *yaml.Node { return keyAt(n, field) }
	if !idPattern.MatchString(it.ID) {
		return content.Errorf(file, at("id"), "id", "missing or not a short code (a-z, 0-9, _ . -)")
	}
	if first, dup := l.itemAt[it.ID]; dup {
		return content.Errorf(file, at("id"), "id", "duplicate question id %q (first at %s)", it.ID, first)
	}
	if !slices.Contains(kinds, it.Kind) {
		return content.Errorf(file, at("kind"), "kind", "unknown kind %q (known: %s)", it.Kind, joinKinds())
	}
	if err := texts(file, n, "question", it.Question, true); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		t    Text
	}{{"hint", it.Hint}, {"word", it.Word}} {
		if err := texts(file, n, f.name, f.t, false); err != nil {
			return err
		}
	}
	if err := l.options(file, n, it); err != nil {
		return err
	}
	switch {
	case it.Kind == Choice && it.Scene == nil:
		return content.Errorf(file, n, "scene", "a situational choice needs a scene (sms, email or browser)")
	case it.Kind != Choice && it.Scene != nil:
		return content.Errorf(file, at("scene"), "scene", "only a %q question shows a scene", Choice)
	case it.Scene != nil && !slices.Contains(sceneKinds, it.Scene.Kind):
		return content.Errorf(file, at("scene"), "scene", "unknown scene kind %q (known: %s)", it.Scene.Kind, strings.Join(sceneKinds, ", "))
	case it.Kind == Type && it.Word[Reference] == "":
		return content.Errorf(file, at("word"), "word", "a typing exercise needs the French word to type")
	case it.Kind != Type && len(it.Word) > 0:
		return content.Errorf(file, at("word"), "word", "only a %q exercise has a word", Type)
	case it.Weight < 0 || it.Weight > 10:
		return content.Errorf(file, at("weight"), "weight", "must be between 0 and 10")
	case it.MaxMisses < 0:
		return content.Errorf(file, at("max_misses"), "max_misses", "must not be negative")
	case it.MinAccuracy < 0 || it.MinAccuracy > 100:
		return content.Errorf(file, at("min_accuracy"), "min_accuracy", "must be a percentage, 0 to 100")
	}
	if it.Scene != nil {
		sn := content.Field(n, "scene")
		if err := texts(file, sn, "body", it.Scene.Body, true); err != nil {
			return err
		}
	}
	for code := range it.Says {
		if !slices.Contains([]string{OutcomeOK, OutcomeHard, OutcomeFail}, code) || !it.Kind.IsExercise() {
			return content.Errorf(file, at("says"), "says", "%q: only exercises say ok, hard or failed in words", code)
		}
	}
	if it.Weight == 0 {
		it.Weight = 1
	}
	l.itemAt[it.ID] = fmt.Sprintf("%s:%d", file, n.Line)
	l.itemNodes[it.ID] = itemNode{file, n}
	l.bank.Items = append(l.bank.Items, it)
	return nil
}

func joinKinds() string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func (l *loader) options(file string, n *yaml.Node, it *Item) error {
	on := keyAt(n, "options")
	list := content.Field(n, "options")
	if !it.Kind.hasChoices() {
		if len(it.Options) > 0 {
			return content.Errorf(file, on, "options", "a %q question has no options", it.Kind)
		}
		return nil
	}
	max := 4
	if it.Kind == Needs {
		max = 12
	}
	if len(it.Options) < 2 || len(it.Options) > max {
		return content.Errorf(file, on, "options", "a %q question needs 2 to %d options, not %d", it.Kind, max, len(it.Options))
	}
	seen := map[string]bool{}
	rights := 0
	for i, o := range it.Options {
		onode := on
		if list != nil && i < len(list.Content) {
			onode = list.Content[i]
		}
		switch {
		case !idPattern.MatchString(o.ID):
			return content.Errorf(file, keyAt(onode, "id"), "id", "missing or not a short code")
		case seen[o.ID]:
			return content.Errorf(file, keyAt(onode, "id"), "id", "duplicate option id %q", o.ID)
		case o.ID == Skipped:
			return content.Errorf(file, keyAt(onode, "id"), "id", "%q is reserved for a skipped question", Skipped)
		}
		if err := texts(file, onode, "text", o.Text, it.Kind != Icons); err != nil {
			return err
		}
		if (it.Kind == Icons || it.Kind == Needs) && o.Picto == "" {
			return content.Errorf(file, onode, "picto", "each option of a %q question needs a pictogram", it.Kind)
		}
		seen[o.ID] = true
		if o.Right {
			rights++
		}
	}
	// A situation may have two safe answers (delete the scam SMS, or report
	// it to 33700); a pictogram has one meaning.
	switch {
	case it.Kind == Icons && rights != 1:
		return content.Errorf(file, on, "options", "a %q question needs exactly one right option, not %d", it.Kind, rights)
	case it.Kind == Choice && (rights == 0 || rights == len(it.Options)):
		return content.Errorf(file, on, "options", "a %q question needs at least one right and one wrong option", it.Kind)
	case it.Kind != Choice && it.Kind != Icons && rights > 0:
		return content.Errorf(file, on, "right", "a %q question has no right option", it.Kind)
	}
	return nil
}

// answerCodes lists the codes an answer to it can carry.
func answerCodes(it *Item) []string {
	codes := []string{Skipped}
	switch {
	case it.Kind == Self:
		codes = append(codes, SelfAnswers...)
	case it.Kind == Needs:
		codes = append(codes, Chosen)
	case it.Kind.hasChoices():
		for _, o := range it.Options {
			codes = append(codes, o.ID)
		}
	case it.Kind.IsExercise():
		codes = append(codes, OutcomeOK, OutcomeHard, OutcomeFail)
	}
	return codes
}

// check runs the checks that need the whole bank: domains exist, rules
// point at real questions, one needs question, a complete scoring.
func (l *loader) check(files []string) error {
	b := l.bank
	if len(b.Domains) == 0 {
		return &content.Error{File: files[0], Line: 1, Field: "domains", Msg: "the bank lists no domain"}
	}
	needs := 0
	for i, it := range b.Items {
		in := l.itemNodes[it.ID]
		if _, ok := l.domainAt[it.Domain]; !ok {
			return content.Errorf(in.file, keyAt(in.node, "domain"), "domain", "unknown domain %q (known: %s)", it.Domain, strings.Join(l.domainIDs(), ", "))
		}
		if it.Kind == Needs {
			needs++
			if needs > 1 {
				return content.Errorf(in.file, in.node, "kind", "only one %q question is allowed", Needs)
			}
		}
		if err := l.rules(in, it, i); err != nil {
			return err
		}
	}
	if needs == 0 {
		return &content.Error{File: files[len(files)-1], Line: 1, Field: "items", Msg: fmt.Sprintf("the bank has no %q question (Quelles démarches devez-vous faire ?)", Needs)}
	}
	if l.scoring == nil {
		return &content.Error{File: files[len(files)-1], Line: 1, Field: "scoring", Msg: "the bank has no scoring section"}
	}
	return l.checkScoring()
}

func (l *loader) domainIDs() []string {
	ids := make([]string, len(l.bank.Domains))
	for i, d := range l.bank.Domains {
		ids[i] = d.ID
	}
	return ids
}

func (l *loader) rules(in itemNode, it *Item, index int) error {
	rn := content.Field(in.node, "rules")
	codes := answerCodes(it)
	for i, r := range it.Rules {
		n := rn
		if i < len(rn.Content) {
			n = rn.Content[i]
		}
		fail := func(field, format string, args ...any) error {
			return content.Errorf(in.file, keyAt(n, field), field, "broken rule: "+format, args...)
		}
		if len(r.When) == 0 {
			return fail("when", "say for which answers it applies")
		}
		for _, c := range r.When {
			if !slices.Contains(codes, c) {
				return fail("when", "%q is not an answer of %q (answers: %s)", c, it.ID, strings.Join(codes, ", "))
			}
		}
		if len(r.Skip) == 0 && r.Goto == "" && len(r.First) == 0 {
			return fail("when", "it needs skip, goto or first")
		}
		for _, c := range r.First {
			if !idPattern.MatchString(c) {
				return fail("first", "%q is not a procedure code (a walkthrough id or a need code)", c)
			}
		}
		for _, s := range r.Skip {
			j, isItem := l.bank.itemIndex(s)
			_, isDomain := l.domainAt[s]
			switch {
			case !isItem && !isDomain:
				return fail("skip", "%q is neither a question nor a domain", s)
			case isItem && j <= index:
				return fail("skip", "%q comes before this question; a rule can only skip forward", s)
			}
		}
		if r.Goto != "" {
			j, ok := l.bank.itemIndex(r.Goto)
			switch {
			case !ok:
				return fail("goto", "no question %q", r.Goto)
			case j <= index:
				return fail("goto", "%q comes before this question; a rule can only jump forward", r.Goto)
			}
		}
	}
	return nil
}

// itemIndex finds an item by id before the index is built.
func (b *Bank) itemIndex(id string) (int, bool) {
	for i, it := range b.Items {
		if it.ID == id {
			return i, true
		}
	}
	return 0, false
}

func (l *loader) checkScoring() error {
	file, n := l.scoringIn, l.scoring
	sc := &l.bank.Scoring
	if err := content.Decode(file, n, sc); err != nil {
		return err
	}
	at := func(field string) *yaml.Node { return keyAt(n, field) }
	outcomes := append(append([]string{}, SelfAnswers...), OutcomeRight, OutcomeWrong, OutcomeOK, OutcomeHard, OutcomeFail)
	for _, o := range outcomes {
		p, ok := sc.Points[o]
		switch {
		case !ok:
			return content.Errorf(file, at("points"), "points", "no points for %q", o)
		case p < 0 || p > 3:
			return content.Errorf(file, at("points"), "points", "%q: points go from 0 to 3", o)
		}
	}
	for k := range sc.Points {
		if !slices.Contains(outcomes, k) {
			return content.Errorf(file, at("points"), "points", "%q is not an outcome (known: %s)", k, strings.Join(outcomes, ", "))
		}
	}
	seen := map[int]bool{}
	prev := 4.0
	for _, s := range sc.Levels {
		switch {
		case s.Level < 0 || s.Level > 3 || seen[s.Level]:
			return content.Errorf(file, at("levels"), "levels", "each level 0 to 3 once, highest first")
		case s.Min >= prev || s.Min < 0:
			return content.Errorf(file, at("levels"), "levels", "level %d: min must be below the previous step's and at least 0", s.Level)
		}
		seen[s.Level], prev = true, s.Min
	}
	if len(sc.Levels) != 4 || prev != 0 {
		return content.Errorf(file, at("levels"), "levels", "list levels 3, 2, 1, 0; the last with min 0")
	}
	scaled := map[int]bool{}
	for _, s := range sc.Scale {
		switch {
		case s.Level < 0 || s.Level > 3 || scaled[s.Level]:
			return content.Errorf(file, at("scale"), "scale", "each level 0 to 3 once")
		case s.DigComp < 0 || s.DigComp > 8:
			return content.Errorf(file, at("scale"), "scale", "level %d: DigComp proficiency goes from 0 to 8", s.Level)
		case !slices.Contains(autonomyCodes, s.Autonomy):
			return content.Errorf(file, at("scale"), "scale", "level %d: unknown autonomy %q (known: %s)", s.Level, s.Autonomy, strings.Join(autonomyCodes, ", "))
		case s.DigComp > 0 && s.DigCompLabel[Reference] == "":
			return content.Errorf(file, at("scale"), "scale", "level %d: the French digcomp_label is missing", s.Level)
		}
		scaled[s.Level] = true
	}
	if len(scaled) != 4 {
		return content.Errorf(file, at("scale"), "scale", "give levels 0, 1, 2 and 3")
	}
	for _, a := range autonomyCodes {
		if sc.Autonomy[a][Reference] == "" {
			return content.Errorf(file, at("autonomy"), "autonomy", "the French label of %q is missing", a)
		}
	}
	for _, o := range Orientations {
		def, ok := l.bank.Orientation(o)
		if !ok || def.Title[Reference] == "" || def.Next[Reference] == "" {
			return content.Errorf(file, at("orientations"), "orientations", "%q needs a French title and next step", o)
		}
	}
	if u := sc.Undetermined; u.Title[Reference] == "" || u.Next[Reference] == "" {
		return content.Errorf(file, at("undetermined"), "undetermined", "the words of a result with nothing measured (« À voir avec le médiateur ») need a French title and next step")
	}
	return l.checkOrientationRules()
}

func (l *loader) checkOrientationRules() error {
	file, sc := l.scoringIn, &l.bank.Scoring
	rn := content.Field(l.scoring, "rules")
	if len(sc.Rules) == 0 {
		return content.Errorf(file, keyAt(l.scoring, "rules"), "rules", "broken rule: no orientation rule")
	}
	for i, r := range sc.Rules {
		n := rn
		if i < len(rn.Content) {
			n = rn.Content[i]
		}
		fail := func(field, format string, args ...any) error {
			return content.Errorf(file, keyAt(n, field), field, "broken rule: "+format, args...)
		}
		if !slices.Contains(Orientations, r.Orientation) {
			return fail("orientation", "unknown orientation %q (known: %s)", r.Orientation, strings.Join(Orientations, ", "))
		}
		for id, codes := range r.Answers {
			idx, ok := l.bank.itemIndex(id)
			if !ok {
				return fail("answers", "no question %q", id)
			}
			valid := answerCodes(l.bank.Items[idx])
			for _, c := range codes {
				if !slices.Contains(valid, c) {
					return fail("answers", "%q is not an answer of %q", c, id)
				}
			}
		}
		for d, lv := range r.LevelBelow {
			dom, ok := l.bank.domainByID(d)
			switch {
			case !ok:
				return fail("level_below", "unknown domain %q", d)
			case !dom.Scored:
				return fail("level_below", "domain %q is not scored", d)
			case lv < 1 || lv > 3:
				return fail("level_below", "%q: a level is 1 to 3", d)
			}
		}
		if r.LowestBelow != nil && (*r.LowestBelow < 1 || *r.LowestBelow > 3) {
			return fail("lowest_below", "a level is 1 to 3")
		}
		if r.AverageBelow != nil && (*r.AverageBelow <= 0 || *r.AverageBelow > 3) {
			return fail("average_below", "a mean level is above 0 and at most 3")
		}
		scored := 0
		for _, d := range l.bank.Domains {
			if d.Scored {
				scored++
			}
		}
		for field, n := range map[string]*int{"known_below": r.KnownBelow, "known_from": r.KnownFrom} {
			if n != nil && (*n < 1 || *n > scored) {
				return fail(field, "a number of scored domains, 1 to %d", scored)
			}
		}
		last := i == len(sc.Rules)-1
		switch {
		case last && !r.unconditional():
			return fail("orientation", "the last rule must have no condition, so every visitor gets an orientation")
		case !last && r.unconditional():
			return fail("orientation", "a rule without condition must come last: the rules after it would never apply")
		}
	}
	return nil
}

func (b *Bank) domainByID(id string) (Domain, bool) {
	for _, d := range b.Domains {
		if d.ID == id {
			return d, true
		}
	}
	return Domain{}, false
}

func (r OrientationRule) unconditional() bool {
	return r.ShortPath == nil && len(r.Answers) == 0 && r.AverageBelow == nil && r.LowestBelow == nil && len(r.LevelBelow) == 0 &&
		r.KnownBelow == nil && r.KnownFrom == nil
}
