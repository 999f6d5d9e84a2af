package content

import (
	"errors"
	"testing"
)

type item struct {
	ID     string `yaml:"id"`
	Domain string `yaml:"domain"`
	Base   `yaml:",inline"`
}

type Base struct {
	Note string `yaml:"note"`
}

func TestParseAndDecodeLocateErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"syntax", "id: a\ndomain: b\n  x: y\n", "f.yaml:3: mapping values are not allowed in this context"},
		{"empty", "", "f.yaml:1: the file is empty"},
		{"unknown field", "id: a\ndomian: b\n", "f.yaml:2: domian: unknown field (known: domain, id, note)"},
		{"wrong type", "id: a\ndomain: [b]\n", "f.yaml:2: cannot unmarshal !!seq into string"},
	}
	for _, tt := range tests {
		n, err := Parse("f.yaml", []byte(tt.yaml))
		if err == nil {
			var it item
			err = Decode("f.yaml", n, &it)
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%s: %v is not a content error", tt.name, err)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDecodeAcceptsInlineFields(t *testing.T) {
	n, _ := Parse("f.yaml", []byte("id: a\ndomain: b\nnote: c\n"))
	var it item
	if err := Decode("f.yaml", n, &it); err != nil || it.Note != "c" {
		t.Fatalf("%+v %v", it, err)
	}
	if f := Field(n, "domain"); f == nil || f.Line != 2 {
		t.Fatalf("Field(domain) = %+v", f)
	}
}
