package app

import (
	"context"
	"fmt"

	"pasapas/app/activity"
)

// exportCmd writes the activity report of a period to a file:
// pasapas export [--from DAY] [--to DAY] --format csv|json --out FILE.
func exportCmd(args []string, std IO) int {
	fs, dataDir := flags("export", std)
	period := addPeriodFlags(fs)
	format := fs.String("format", activity.FormatCSV, "")
	out := fs.String("out", "", "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	from, to, err := period.days()
	if err == nil && *out == "" {
		err = fmt.Errorf("--out FICHIER manque")
	}
	if err == nil && *format != activity.FormatCSV && *format != activity.FormatJSON {
		err = fmt.Errorf("--format %q : csv ou json", *format)
	}
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas export : %v\n", err)
		return exitUsage
	}
	if !to.IsZero() {
		to = activity.NewPeriod(to, to).End()
	}
	st, err := OpenStore(*dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas export : %v\n", err)
		return exitError
	}
	defer st.Close()
	n, err := activity.ExportFile(context.Background(), st, *out, from, to, *format)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas export : %v\n", err)
		return exitError
	}
	fmt.Fprintf(std.Out, "%d sessions exportées dans %s\n", n, *out)
	return exitOK
}
