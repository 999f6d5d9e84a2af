package content

import (
	"errors"
	"testing"
	"time"
)

// FuzzParseDecode feeds the shared YAML helpers every kind of broken file:
// no input may crash them, and every refusal must name the file and a line.
func FuzzParseDecode(f *testing.F) {
	for _, s := range []string{
		"id: a\ndomain: b\nnote: c\n",
		"id: a\ndomain: b\n  x: y\n",
		"id: a\ndomian: b\n",
		"id: a\ndomain: [b]\n",
		"- a\n- b\n",
		"a: &x [*x, *x]\n",
		"\xff\xfe\x00",
		"---\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		slow := time.AfterFunc(5*time.Second, func() { panic("an input took over 5 s: the kiosk would hang on it") })
		defer slow.Stop()
		n, err := Parse("f.yaml", data)
		if err == nil {
			var it item
			err = Decode("f.yaml", n, &it)
			Field(n, "domain")
			FieldLine(n, "id")
		}
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.File != "f.yaml" || ce.Line < 1 {
				t.Fatalf("unlocated error %T: %v", err, err)
			}
		}
	})
}
