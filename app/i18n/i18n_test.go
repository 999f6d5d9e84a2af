package i18n

import (
	"errors"
	"testing"
	"testing/fstest"

	"pasapas/assessment/content"

	"pasapas/seeds"
)

func TestBuiltInCatalogueIsComplete(t *testing.T) {
	c, err := Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	if c.Reference() != "fr" {
		t.Fatalf("reference %q, want fr", c.Reference())
	}
	for _, l := range c.Languages() {
		if missing := c.Missing(l.Code); len(missing) > 0 {
			t.Errorf("%s lacks %d texts: %v", l.Code, len(missing), missing)
		}
	}
}

func TestTFallsBackToFrenchNeverToKey(t *testing.T) {
	c, err := Load(fstest.MapFS{
		"languages.yaml": {Data: []byte("- {code: fr, name: Français, reference: true}\n- {code: en, name: English}\n")},
		"i18n/fr/a.yaml": {Data: []byte("hello: Bonjour\nonly.fr: Seulement\ncode: \"Code : {code}\"\n")},
		"i18n/en/a.yaml": {Data: []byte("hello: Hello\ncode: \"Code: {code}\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, key, want string }{
		{"en", "hello", "Hello"},
		{"en", "only.fr", "Seulement"},
		{"xx", "hello", "Bonjour"},
		{"en", "nowhere", ""},
	}
	for _, tt := range tests {
		if got := c.T(tt.lang, tt.key); got != tt.want {
			t.Errorf("T(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if got := c.T("en", "code", "code", "ABC-DEF"); got != "Code: ABC-DEF" {
		t.Errorf("placeholder: %q", got)
	}
	if got := c.Missing("en"); len(got) != 1 || got[0] != "only.fr" {
		t.Errorf("Missing(en) = %v", got)
	}
	// The mediator console is in French only: its keys are never missing.
	staff, err := Load(fstest.MapFS{
		"languages.yaml": {Data: []byte("- {code: fr, name: Français, reference: true}\n- {code: en, name: English}\n")},
		"i18n/fr/a.yaml": {Data: []byte("console.title: Statistiques\nhello: Bonjour\n")},
		"i18n/en/a.yaml": {Data: []byte("hello: Hello\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := staff.Missing("en"); len(got) != 0 {
		t.Errorf("console keys counted missing: %v", got)
	}
}

func TestLoadErrorsNameFileLineAndField(t *testing.T) {
	langs := "- {code: fr, name: Français, reference: true}\n"
	tests := []struct {
		name string
		fs   fstest.MapFS
		want string
	}{
		{"syntax", fstest.MapFS{"languages.yaml": {Data: []byte(langs)}, "i18n/fr/a.yaml": {Data: []byte("a: b\nc: d\n  e: f\n")}}, "i18n/fr/a.yaml:3: mapping values are not allowed"},
		{"empty text", fstest.MapFS{"languages.yaml": {Data: []byte(langs)}, "i18n/fr/a.yaml": {Data: []byte("a: b\nc: \"\"\n")}}, "i18n/fr/a.yaml:2: c: expected a non-empty text"},
		{"duplicate", fstest.MapFS{"languages.yaml": {Data: []byte(langs)}, "i18n/fr/a.yaml": {Data: []byte("a: b\n")}, "i18n/fr/b.yaml": {Data: []byte("x: y\na: c\n")}}, "i18n/fr/b.yaml:2: a: this key is defined twice"},
		{"no reference", fstest.MapFS{"languages.yaml": {Data: []byte("- {code: fr, name: Français}\n")}}, "languages.yaml:1: reference"},
		{"no name", fstest.MapFS{"languages.yaml": {Data: []byte(langs + "- {code: en}\n")}}, "languages.yaml:2: name: missing"},
	}
	for _, tt := range tests {
		_, err := Load(tt.fs)
		var le *content.Error
		if !errors.As(err, &le) {
			t.Errorf("%s: err %v, want a content.Error", tt.name, err)
			continue
		}
		if got := err.Error(); len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
			t.Errorf("%s: %q, want prefix %q", tt.name, got, tt.want)
		}
	}
}
