package cli

import (
	"context"
	"fmt"
	"slices"

	"pasapas/app"
	"pasapas/app/activity"
	"pasapas/app/report"
	"pasapas/app/store"
)

// exportCmd writes the activity report of a period to a file:
// pasapas export [--from DAY] [--to DAY] --format csv|json|coop --out FILE
// (coop: an .xlsx shaped like the Coop's own export).
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
	if err == nil && !slices.Contains(activity.Formats, *format) {
		err = fmt.Errorf("--format %q : csv, json ou coop", *format)
	}
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas export : %v\n", err)
		return exitUsage
	}
	if !to.IsZero() {
		to = activity.NewPeriod(to, to).End()
	}
	st := openStore("export", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	ctx := context.Background()
	opts, err := exportOptions(ctx, st, *dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas export : %v\n", err)
		return exitError
	}
	n, err := activity.ExportFile(ctx, st, *out, from, to, *format, opts)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas export : %s\n", writeProblem(*out, err))
		return exitError
	}
	fmt.Fprintf(std.Out, "%d sessions exportées dans %s\n", n, *out)
	return exitOK
}

// exportOptions are the centre's settings and the walkthroughs' titles,
// for the Coop's columns.
func exportOptions(ctx context.Context, st *store.Store, dataDir string) (activity.Options, error) {
	centre, err := activity.ReadCentre(ctx, st)
	if err != nil {
		return activity.Options{}, err
	}
	c, _, err := app.LoadDataDir(dataDir)
	if err != nil {
		return activity.Options{}, err
	}
	return activity.Options{Centre: centre, Names: report.ProcedureTitle(c.Walkthroughs)}, nil
}
