package falc

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Warning is a finding in one text of a content file.
type Warning struct {
	File string
	Line int
	// Field is where the text is: "steps[login].pitfall",
	// "items[safe.sms].options[pay].text".
	Field string
	Finding
}

func (w Warning) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", w.File, w.Line, w.Field, w.Finding)
}

// visitorFields are the fields whose plain string is French visitor text
// (a walkthrough's texts may be written without fr:); a mapping with fr:
// under any other field is one too.
var visitorFields = map[string]bool{
	"title": true, "service": true, "label": true, "instruction": true, "tip": true, "pitfall": true,
}

// mediatorFields hold texts for the mediator and for the people checking
// the content, not for visitors.
var mediatorFields = map[string]bool{
	"source": true, "says": true, "unconfirmed": true, "report": true, "digcomp_label": true, "autonomy": true,
}

var explainedComment = regexp.MustCompile(`(?m)#\s*falc-explique\s*:(.*)$`)

// File checks the French visitor texts of one content file (a walkthrough
// or a question file), in file order. A file that is not YAML gives no
// warnings: the loader reports it.
func File(name string, data []byte) []Warning {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 {
		return nil
	}
	var names []string
	for _, m := range explainedComment.FindAllStringSubmatch(string(data), -1) {
		names = append(names, strings.Split(m[1], ",")...)
	}
	c := fileCheck{name: name, explained: NewExplained(names...)}
	c.walk(root.Content[0], "")
	return c.out
}

type fileCheck struct {
	name      string
	explained *Explained
	out       []Warning
}

func (c *fileCheck) walk(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, v := n.Content[i].Value, n.Content[i+1]
			if mediatorFields[key] {
				continue
			}
			field := strings.TrimPrefix(path+"."+key, ".")
			switch {
			case v.Kind == yaml.ScalarNode && visitorFields[key]:
				c.text(v, field)
			case v.Kind == yaml.MappingNode && french(v) != nil:
				c.text(french(v), field)
			default:
				c.walk(v, field)
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			c.walk(item, path+"["+itemName(item, i)+"]")
		}
	}
}

func (c *fileCheck) text(n *yaml.Node, field string) {
	text := strings.TrimSpace(n.Value)
	for _, f := range append(Check(text), c.explained.Check(text)...) {
		c.out = append(c.out, Warning{File: c.name, Line: n.Line, Field: field, Finding: f})
	}
}

// french is the fr: text of a mapping of texts by language, or nil.
func french(n *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "fr" && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1]
		}
	}
	return nil
}

// itemName names a list item by its id or code, else by its position.
func itemName(n *yaml.Node, i int) string {
	for _, key := range []string{"id", "code"} {
		for j := 0; n.Kind == yaml.MappingNode && j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == key && n.Content[j+1].Kind == yaml.ScalarNode {
				return n.Content[j+1].Value
			}
		}
	}
	return strconv.Itoa(i + 1)
}
