package app

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestEveryLanguageHasTheBankAndWalkthroughs fails when a text of the
// question bank or of a walkthrough lacks one of the offered languages.
// Arabic is held to the walkthroughs only: its question bank keeps some
// texts French on purpose, the word to type and the scenes, which arrive
// in French on a real phone or site.
func TestEveryLanguageHasTheBankAndWalkthroughs(t *testing.T) {
	c, _, err := LoadContent(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]map[string]string{}
	collectTexts(reflect.ValueOf(c.Questions), "questions", texts)
	collectTexts(reflect.ValueOf(c.Walkthroughs.All()), "walkthroughs", texts)
	if len(texts) < 100 {
		t.Fatalf("found only %d texts: the walk misses the content", len(texts))
	}
	for _, l := range c.Text.Languages() {
		var missing []string
		for where, tr := range texts {
			if l.RightToLeft && !strings.HasPrefix(where, "walkthroughs") {
				continue
			}
			if tr[l.Code] == "" {
				missing = append(missing, where+": "+tr["fr"])
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s lacks %d texts, first %v", l.Code, len(missing), missing[:min(5, len(missing))])
		}
	}
}

// collectTexts finds every text by language (a map of string to string)
// under v, keyed by where it is.
func collectTexts(v reflect.Value, where string, out map[string]map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectTexts(v.Elem(), where, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				collectTexts(v.Field(i), where+"."+v.Type().Field(i).Name, out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			collectTexts(v.Index(i), fmt.Sprintf("%s[%d]", where, i), out)
		}
	case reflect.Map:
		if v.Type().Key().Kind() == reflect.String && v.Type().Elem().Kind() == reflect.String {
			if v.Len() > 0 && v.MapIndex(reflect.ValueOf("fr").Convert(v.Type().Key())).IsValid() {
				tr := map[string]string{}
				for _, k := range v.MapKeys() {
					tr[k.String()] = v.MapIndex(k).String()
				}
				out[where] = tr
			}
			return
		}
		for _, k := range v.MapKeys() {
			collectTexts(v.MapIndex(k), fmt.Sprintf("%s[%v]", where, k), out)
		}
	}
}
