package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"pasapas/app/settings"
)

// settingsCmd is "pasapas settings get KEY", "set KEY VALUE" and "list",
// for scripted installs: the keys of the console's Réglages and those it
// sets elsewhere (centre.position from the directory).
func settingsCmd(args []string, std IO) int {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	var words []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		words, args = append(words, args[0]), args[1:]
	}
	fs, dataDir := flags("settings", std)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	want := map[string]int{"get": 1, "set": 2, "list": 0}
	if n, ok := want[sub]; !ok || len(words) != n {
		fmt.Fprintln(std.Err, "pasapas settings : get CLÉ, set CLÉ VALEUR ou list")
		return exitUsage
	}
	var key settings.Key
	if len(words) > 0 {
		found := false
		for _, k := range settings.Keys {
			if k.Name == words[0] {
				key, found = k, true
			}
		}
		if !found {
			fmt.Fprintf(std.Err, "pasapas settings : réglage inconnu « %s » (pasapas settings list les donne)\n", words[0])
			return exitUsage
		}
	}
	value := ""
	if sub == "set" {
		var err error
		if value, err = settings.Validate(key.Name, words[1]); err != nil {
			fmt.Fprintf(std.Err, "pasapas settings : %s : %v\n", key.Name, err)
			return exitUsage
		}
	}
	st := openStore("settings", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	ctx := context.Background()
	switch sub {
	case "get":
		v, err := st.Setting(ctx, key.Name, key.Default)
		if err != nil {
			fmt.Fprintf(std.Err, "pasapas settings : %v\n", err)
			return exitError
		}
		fmt.Fprintln(std.Out, v)
	case "set":
		if err := st.SetSetting(ctx, key.Name, value); err != nil {
			fmt.Fprintf(std.Err, "pasapas settings : %v\n", err)
			return exitError
		}
	case "list":
		w := tabwriter.NewWriter(std.Out, 0, 0, 2, ' ', 0)
		for _, k := range settings.Keys {
			v, err := st.Setting(ctx, k.Name, "")
			if err != nil {
				fmt.Fprintf(std.Err, "pasapas settings : %v\n", err)
				return exitError
			}
			shown := v
			if k.Name == settings.SyncToken && v != "" {
				shown = "••••••"
			}
			if v == "" && k.Default != "" {
				shown = k.Default + " (par défaut)"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", k.Name, orDash(shown), k.Help)
		}
		w.Flush()
	}
	return exitOK
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
