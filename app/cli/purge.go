package cli

import (
	"context"
	"fmt"
	"time"

	"pasapas/app"
	"pasapas/app/activity"
)

// purgeCmd deletes old sessions: pasapas purge [--older-than DAYS]; without
// it, the retention set in the console (90 days by default).
func purgeCmd(args []string, std IO) int {
	fs, dataDir := flags("purge", std)
	days := fs.Int("older-than", 0, "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *days < 0 {
		fmt.Fprintf(std.Err, "pasapas purge : --older-than %d : un nombre de jours positif\n", *days)
		return exitUsage
	}
	st := openStore("purge", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	ctx := context.Background()
	if *days == 0 {
		*days = app.RetentionDays(ctx, st)
	}
	cutoff := activity.RetentionCutoff(time.Now(), *days)
	n, err := st.Purge(ctx, cutoff)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas purge : %v\n", err)
		return exitError
	}
	fmt.Fprintf(std.Out, "%d sessions d'avant le %s supprimées\n", n, cutoff.Format(activity.DayLayout))
	return exitOK
}
