package content

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// nodeType is a field left as YAML for its own loader: not checked here.
var nodeType = reflect.TypeOf(yaml.Node{})

// checkFields reports the first key, in n or in any mapping below it, that
// the matching struct of t does not name. yaml.v3's KnownFields works on a
// Decoder only, not on a node.
func checkFields(file string, n *yaml.Node, t reflect.Type) error {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t == nodeType {
		return nil
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		addFields(t, fields)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				known := slices.Sorted(maps.Keys(fields))
				return Errorf(file, k, k.Value, "unknown field (known: %s)", strings.Join(known, ", "))
			}
			if err := checkFields(file, n.Content[i+1], ft); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if err := checkFields(file, c, t.Elem()); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if err := checkFields(file, n.Content[i], t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// addFields names the YAML keys struct t accepts, as yaml.v3 reads them.
func addFields(t reflect.Type, fields map[string]reflect.Type) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if strings.Contains(opts, "inline") && f.Type.Kind() == reflect.Struct {
			addFields(f.Type, fields)
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
	}
}
