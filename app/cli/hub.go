package cli

import (
	"fmt"

	"pasapas/app"
	"pasapas/hub"
)

// hubCmd runs pasapas hub …, the territory hub, with the built-in
// content's French names for the codes on its dashboard.
func hubCmd(args []string, std IO) int {
	return hub.Main(args, std.In, std.Out, std.Err, HubLabels())
}

// HubLabels names procedures (walkthroughs, then the needs' options),
// their steps and the domains in French; an unknown code is shown as is.
// It also gives the hub the kiosk's check of a content pack.
func HubLabels() hub.Labels {
	c, _, err := app.LoadContent("")
	if err != nil {
		return hub.Labels{}
	}
	const fr = "fr"
	procs := map[string]string{}
	if it := c.Questions.NeedsItem(); it != nil {
		for _, o := range it.Options {
			procs[o.ID] = o.Text.In(fr)
		}
	}
	steps := map[string]string{}
	for _, p := range c.Walkthroughs.All() {
		procs[p.ID] = p.Title.In(fr)
		for i, st := range p.Steps {
			steps[p.ID+"/"+st.ID] = fmt.Sprintf("%d. %s", i+1, st.Title.In(fr))
		}
	}
	domains := map[string]string{}
	for _, d := range c.Questions.Domains {
		domains[d.ID] = d.Title.In(fr)
	}
	lookup := func(m map[string]string, code string) string {
		if v, ok := m[code]; ok {
			return v
		}
		return code
	}
	return hub.Labels{
		Procedure: func(code string) string { return lookup(procs, code) },
		Step:      func(proc, step string) string { return lookup(steps, proc+"/"+step) },
		Domain:    func(code string) string { return lookup(domains, code) },
		CheckPack: app.CheckPack,
	}
}
