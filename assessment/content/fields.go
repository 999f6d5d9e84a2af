package content

import (
	"reflect"
	"strings"
)

// yamlFieldNames returns the YAML keys a struct (or pointer to one) accepts,
// or nil when v is not a struct and any key goes.
func yamlFieldNames(v any) map[string]bool {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	names := map[string]bool{}
	addFields(t, names)
	return names
}

func addFields(t reflect.Type, names map[string]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if strings.Contains(opts, "inline") && f.Type.Kind() == reflect.Struct {
			addFields(f.Type, names)
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		names[name] = true
	}
}
