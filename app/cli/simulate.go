package cli

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"pasapas/app"
	"pasapas/app/activity"
	"pasapas/app/settings"
)

// simulateCmd writes N plausible synthetic sessions through the real store:
// pasapas simulate --sessions N [--days D] [--seed S] [--returning P].
func simulateCmd(args []string, std IO) int {
	fs, dataDir := flags("simulate", std)
	n := fs.Int("sessions", 0, "")
	days := fs.Int("days", 365, "")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "")
	returning := fs.Int("returning", 20, "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *n <= 0 || *days <= 0 {
		fmt.Fprintln(std.Err, "pasapas simulate : --sessions N et --days D, positifs")
		return exitUsage
	}
	if *returning < 0 || *returning > 100 {
		fmt.Fprintln(std.Err, "pasapas simulate : --returning P, un pourcentage de 0 à 100")
		return exitUsage
	}
	st := openStore("simulate", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	kiosk, _ := st.Setting(context.Background(), settings.KioskID, settings.DefaultKioskID)
	c, _, err := app.LoadDataDir(*dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas simulate : %v\n", err)
		return exitError
	}
	sim := activity.NewSimulator(rand.New(rand.NewPCG(*seed, 0)), activity.LastDays(time.Now(), *days), kiosk, c.Questions, c.Walkthroughs)
	sim.Returning = float64(*returning) / 100
	if err := st.Simulate(context.Background(), sim, *n); err != nil {
		fmt.Fprintf(std.Err, "pasapas simulate : %v\n", err)
		return exitError
	}
	fmt.Fprintf(std.Out, "%d sessions simulées sur %d jours\n", *n, *days)
	return exitOK
}
