package locale

import "testing"

func TestRepairSteersOnlyAnUnreadableLocaleToFrench(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string // LANGUAGE afterwards
	}{
		{map[string]string{"LANG": "fr_FR.UTF-8"}, ""},
		{map[string]string{"LANG": "en_GB.UTF-8"}, ""},
		{map[string]string{"LANG": "C"}, ""},
		{map[string]string{}, ""},
		{map[string]string{"LANG": "xx_YY.UTF-8"}, "fr"},
		{map[string]string{"LANG": "C.UTF-8"}, "fr"},
		{map[string]string{"LC_ALL": "zz_ZZ", "LANG": "fr_FR.UTF-8"}, "fr"},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "zz:de:qq"}, "de"},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "zz"}, "fr"},
		{map[string]string{"LANG": "C", "LANGUAGE": "zz"}, "zz"}, // Fyne ignores LANGUAGE under C
	} {
		env := map[string]string{}
		for k, v := range c.env {
			env[k] = v
		}
		Repair(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
		if env["LANGUAGE"] != c.want {
			t.Errorf("%v: LANGUAGE = %q, want %q", c.env, env["LANGUAGE"], c.want)
		}
		for k, v := range c.env {
			if k != "LANGUAGE" && env[k] != v {
				t.Errorf("%v: %s changed to %q", c.env, k, env[k])
			}
		}
	}
}
