package walkthrough

import (
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"pasapas/assessment/content"
)

// Dir is the folder of walkthrough files, in seeds/ and in a centre's
// content folder alike.
const Dir = "walkthroughs"

// Options says what the files may refer to.
type Options struct {
	// Illustration reports whether a drawn image exists under that name;
	// nil accepts any name.
	Illustration func(name string) bool
}

// The file layout, decoded strictly so that a misspelt field is an error.
type (
	rawProcedure struct {
		ID         string      `yaml:"id"`
		Title      yaml.Node   `yaml:"title"`
		Service    yaml.Node   `yaml:"service"`
		Site       string      `yaml:"site"`
		Pictogram  string      `yaml:"pictogram"`
		Needs      []string    `yaml:"needs"`
		Bring      []yaml.Node `yaml:"bring"`
		BringLater []yaml.Node `yaml:"bring_later"`
		Steps      []yaml.Node `yaml:"steps"`
		Source     yaml.Node   `yaml:"source"`
	}
	rawDocument struct {
		Code  string    `yaml:"code"`
		Label yaml.Node `yaml:"label"`
	}
	rawStep struct {
		ID           string    `yaml:"id"`
		Title        yaml.Node `yaml:"title"`
		Instruction  yaml.Node `yaml:"instruction"`
		Illustration string    `yaml:"illustration"`
		Tip          yaml.Node `yaml:"tip"`
		Pitfall      yaml.Node `yaml:"pitfall"`
		Sandbox      string    `yaml:"sandbox"`
		Source       yaml.Node `yaml:"source"`
	}
	rawSource struct {
		URL         string `yaml:"url"`
		Checked     string `yaml:"checked"`
		Unconfirmed string `yaml:"unconfirmed"`
	}
	rawStepSource struct {
		URL  string `yaml:"url"`
		Says string `yaml:"says"`
	}
)

// loader carries the file being read and its options.
type loader struct {
	file string
	opt  Options
}

// Parse reads one procedure file. Every error is a *content.Error reading
// "file:line: field: what is wrong".
func Parse(file string, data []byte, opt Options) (*Procedure, error) {
	root, err := content.Parse(file, data)
	if err != nil {
		return nil, err
	}
	l := loader{file: file, opt: opt}
	return l.procedure(root)
}

// Load reads every *.yaml of dir in fsys. Each file's fate goes into
// report under origin; the procedures read are returned in file order
// along with the errors of the files that were skipped.
func Load(fsys fs.FS, dir string, origin content.Origin, opt Options, report *content.Report) ([]*Procedure, []error) {
	var procs []*Procedure
	var errs []error
	seen := map[string]string{}
	for _, f := range content.Glob(fsys, dir) {
		data, err := fs.ReadFile(fsys, f)
		var p *Procedure
		if err != nil {
			err = &content.Error{File: f, Line: 1, Msg: err.Error()}
		} else {
			p, err = Parse(f, data, opt)
		}
		if err == nil {
			if other, dup := seen[p.ID]; dup {
				err = &content.Error{File: f, Line: 1, Field: "id", Msg: fmt.Sprintf("%q is already the id of %s", p.ID, other)}
			}
		}
		report.Add(f, origin, err)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		seen[p.ID] = f
		p.Origin = origin
		procs = append(procs, p)
	}
	return procs, errs
}

func (l loader) errorf(n *yaml.Node, field, format string, args ...any) error {
	return content.Errorf(l.file, n, field, format, args...)
}

func (l loader) procedure(root *yaml.Node) (*Procedure, error) {
	if root.Kind != yaml.MappingNode {
		return nil, l.errorf(root, "", "expected a procedure (id, title, service, site, pictogram, bring, steps, source)")
	}
	// Shapes first, so that a wrong one is reported with its field's name.
	for _, f := range []struct {
		key  string
		kind yaml.Kind
		want string
	}{
		{"needs", yaml.SequenceNode, "a list of codes, e.g. [france_travail]"},
		{"bring", yaml.SequenceNode, "a list (lines starting with -)"},
		{"bring_later", yaml.SequenceNode, "a list (lines starting with -)"},
		{"steps", yaml.SequenceNode, "a list (lines starting with -)"},
		{"source", yaml.MappingNode, "url: and checked: lines"},
	} {
		if n := content.Field(root, f.key); n != nil && n.Kind != f.kind {
			return nil, l.errorf(n, f.key, "expected %s", f.want)
		}
	}
	var raw rawProcedure
	if err := content.Decode(l.file, root, &raw); err != nil {
		return nil, err
	}
	p := &Procedure{ID: raw.ID, Pictogram: raw.Pictogram, File: l.file}
	if err := l.code(root, "id", raw.ID); err != nil {
		return nil, err
	}
	var err error
	if p.Site, err = l.site(root, raw.Site); err != nil {
		return nil, err
	}
	if p.Title, err = l.text(root, "title", &raw.Title, MaxTitle, 0); err != nil {
		return nil, err
	}
	if p.Service, err = l.text(root, "service", &raw.Service, MaxTitle*2, 0); err != nil {
		return nil, err
	}
	if err := l.illustration(root, "pictogram", raw.Pictogram); err != nil {
		return nil, err
	}
	for _, c := range raw.Needs {
		if err := l.code(root, "needs", c); err != nil {
			return nil, err
		}
	}
	p.Needs = raw.Needs
	codes := map[string]bool{}
	if p.Bring, err = l.documents(root, "bring", raw.Bring, codes); err != nil {
		return nil, err
	}
	if p.BringLater, err = l.documents(root, "bring_later", raw.BringLater, codes); err != nil {
		return nil, err
	}
	if len(raw.Steps) == 0 || len(raw.Steps) > MaxSteps {
		return nil, l.errorf(content.FieldLine(root, "steps"), "steps", "%d steps; a procedure has 1 to %d", len(raw.Steps), MaxSteps)
	}
	ids := map[string]bool{}
	for i := range raw.Steps {
		st, err := l.step(&raw.Steps[i])
		if err != nil {
			return nil, err
		}
		if ids[st.ID] {
			return nil, l.errorf(&raw.Steps[i], "steps.id", "%q is the id of an earlier step", st.ID)
		}
		ids[st.ID] = true
		p.Steps = append(p.Steps, st)
	}
	if p.Source, err = l.source(root, &raw.Source); err != nil {
		return nil, err
	}
	return p, nil
}

// documents reads the list field of root; codes holds the codes already
// used, so that a document is listed once across bring and bring_later.
func (l loader) documents(root *yaml.Node, field string, nodes []yaml.Node, codes map[string]bool) ([]Document, error) {
	if len(nodes) > MaxDocuments {
		return nil, l.errorf(content.FieldLine(root, field), field, "%d documents; at most %d here (what is needed only at the appointment goes in bring_later)", len(nodes), MaxDocuments)
	}
	var docs []Document
	for i := range nodes {
		d, err := l.document(field, &nodes[i])
		if err != nil {
			return nil, err
		}
		if codes[d.Code] {
			return nil, l.errorf(&nodes[i], field+".code", "%q is listed twice", d.Code)
		}
		codes[d.Code] = true
		docs = append(docs, d)
	}
	return docs, nil
}

func (l loader) document(field string, n *yaml.Node) (Document, error) {
	var raw rawDocument
	if n.Kind != yaml.MappingNode {
		return Document{}, l.errorf(n, field, "expected code and label")
	}
	if err := content.Decode(l.file, n, &raw); err != nil {
		return Document{}, err
	}
	if err := l.code(n, field+".code", raw.Code); err != nil {
		return Document{}, err
	}
	label, err := l.text(n, field+".label", &raw.Label, MaxDocument, 0)
	return Document{Code: raw.Code, Label: label}, err
}

// site reads the address the visitor types: a host name, without https://.
func (l loader) site(root *yaml.Node, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	if !sitePattern.MatchString(v) {
		return "", l.errorf(content.FieldLine(root, "site"), "site", "%q: expected a site's address such as caf.fr, without https:// or a path", v)
	}
	return v, nil
}

func (l loader) step(n *yaml.Node) (Step, error) {
	var raw rawStep
	if n.Kind != yaml.MappingNode {
		return Step{}, l.errorf(n, "steps", "expected a step (id, title, instruction, illustration, tip, pitfall)")
	}
	if err := content.Decode(l.file, n, &raw); err != nil {
		return Step{}, err
	}
	st := Step{ID: raw.ID, Illustration: raw.Illustration, Sandbox: raw.Sandbox}
	if err := l.code(n, "steps.id", raw.ID); err != nil {
		return st, err
	}
	var err error
	if st.Title, err = l.text(n, "steps.title", &raw.Title, MaxStepTitle, 0); err != nil {
		return st, err
	}
	if st.Instruction, err = l.text(n, "steps.instruction", &raw.Instruction, MaxInstruction, MaxSentences); err != nil {
		return st, err
	}
	if err := l.illustration(n, "steps.illustration", raw.Illustration); err != nil {
		return st, err
	}
	if st.Tip, err = l.text(n, "steps.tip", &raw.Tip, MaxNote, 0); err != nil {
		return st, err
	}
	if st.Pitfall, err = l.text(n, "steps.pitfall", &raw.Pitfall, MaxNote, 0); err != nil {
		return st, err
	}
	if raw.Sandbox != "" && !slices.Contains(Sandboxes, raw.Sandbox) {
		return st, l.errorf(content.FieldLine(n, "sandbox"), "steps.sandbox", "unknown practice %q (known: %s)", raw.Sandbox, strings.Join(Sandboxes, ", "))
	}
	st.Source, err = l.stepSource(n, &raw.Source)
	return st, err
}

func (l loader) stepSource(step, n *yaml.Node) (StepSource, error) {
	if n.Kind == 0 {
		return StepSource{}, nil
	}
	if n.Kind != yaml.MappingNode {
		return StepSource{}, l.errorf(n, "steps.source", "expected url: and says: lines")
	}
	var raw rawStepSource
	if err := content.Decode(l.file, n, &raw); err != nil {
		return StepSource{}, err
	}
	if !isHTTPS(raw.URL) {
		return StepSource{}, l.errorf(content.FieldLine(n, "url"), "steps.source.url", "expected the https:// address of the official page")
	}
	says := strings.TrimSpace(raw.Says)
	if says == "" {
		return StepSource{}, l.errorf(n, "steps.source.says", "missing: what the page says that backs the step")
	}
	return StepSource{URL: raw.URL, Says: says}, nil
}

func isHTTPS(raw string) bool {
	u, err := url.Parse(raw)
	return raw != "" && err == nil && u.Scheme == "https" && u.Host != ""
}

func (l loader) source(root, n *yaml.Node) (Source, error) {
	if n.Kind == 0 {
		return Source{}, l.errorf(root, "source", "missing: the official page (url) and the day it was checked (checked: YYYY-MM-DD)")
	}
	var raw rawSource
	if err := content.Decode(l.file, n, &raw); err != nil {
		return Source{}, err
	}
	if !isHTTPS(raw.URL) {
		return Source{}, l.errorf(content.FieldLine(n, "url"), "source.url", "expected the https:// address of the official page")
	}
	if !datePattern.MatchString(raw.Checked) {
		return Source{}, l.errorf(content.FieldLine(n, "checked"), "source.checked", "expected the day the steps were checked, as YYYY-MM-DD")
	}
	if _, err := time.Parse(time.DateOnly, raw.Checked); err != nil {
		return Source{}, l.errorf(content.FieldLine(n, "checked"), "source.checked", "%q is not a real day", raw.Checked)
	}
	return Source{URL: raw.URL, Checked: raw.Checked, Unconfirmed: strings.TrimSpace(raw.Unconfirmed)}, nil
}

// code checks an identifier stored in events: short, lower case, no spaces.
func (l loader) code(parent *yaml.Node, field, v string) error {
	if v == "" {
		return l.errorf(parent, field, "missing")
	}
	if !idPattern.MatchString(v) {
		return l.errorf(content.FieldLine(parent, lastKey(field)), field, "%q must be 1 to 32 lower-case letters, digits, - or _", v)
	}
	return nil
}

func (l loader) illustration(parent *yaml.Node, field, name string) error {
	if name == "" {
		return l.errorf(parent, field, "missing")
	}
	if l.opt.Illustration != nil && !l.opt.Illustration(name) {
		return l.errorf(content.FieldLine(parent, lastKey(field)), field, "no drawing called %q in assets/illustrations", name)
	}
	return nil
}

// text reads a Text: a plain string (French) or a mapping of language codes.
// maxLen counts characters; maxSentences 0 means no limit.
func (l loader) text(parent *yaml.Node, field string, n *yaml.Node, maxLen, maxSentences int) (Text, error) {
	switch n.Kind {
	case 0:
		return nil, l.errorf(parent, field, "missing")
	case yaml.ScalarNode:
		t := Text{Reference: strings.TrimSpace(n.Value)}
		return t, l.checkText(n, field, Reference, t[Reference], maxLen, maxSentences)
	case yaml.MappingNode:
		t := Text{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !langPattern.MatchString(k.Value) {
				return nil, l.errorf(k, field, "%q is not a language code (fr, en…)", k.Value)
			}
			if v.Kind != yaml.ScalarNode {
				return nil, l.errorf(v, field+"."+k.Value, "expected a text")
			}
			if _, dup := t[k.Value]; dup {
				return nil, l.errorf(k, field+"."+k.Value, "given twice")
			}
			t[k.Value] = strings.TrimSpace(v.Value)
			if err := l.checkText(v, field, k.Value, t[k.Value], maxLen, maxSentences); err != nil {
				return nil, err
			}
		}
		if _, ok := t[Reference]; !ok {
			return nil, l.errorf(n, field, "the French text (%s:) is missing; it is the one every language falls back to", Reference)
		}
		return t, nil
	}
	return nil, l.errorf(n, field, "expected a text, or texts by language (fr: …, en: …)")
}

func (l loader) checkText(n *yaml.Node, field, lang, v string, maxLen, maxSentences int) error {
	f := field + "." + lang
	switch {
	case v == "":
		return l.errorf(n, f, "empty")
	case utf8.RuneCountInString(v) > maxLen:
		return l.errorf(n, f, "%d characters; at most %d fit on the screen", utf8.RuneCountInString(v), maxLen)
	case maxSentences > 0 && Sentences(v) > maxSentences:
		return l.errorf(n, f, "%d sentences; at most %d short ones", Sentences(v), maxSentences)
	}
	return nil
}

// Sentences counts the sentences of s: its sentence ends, plus a last one
// left without a final stop.
func Sentences(s string) int {
	ends := sentenceEnd.FindAllStringIndex(s, -1)
	n := len(ends)
	if n == 0 || strings.TrimSpace(s[ends[n-1][1]:]) != "" {
		n++
	}
	return n
}

// lastKey is the key a dotted field name ends with: "steps.id" → "id".
func lastKey(field string) string { return field[strings.LastIndex(field, ".")+1:] }
