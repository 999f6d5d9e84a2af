package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"pasapas/app/directory"
	"pasapas/app/report"
	"pasapas/assessment"
)

// placesCmd is "pasapas places import FILE" and "pasapas places list
// [--orientation CODE]", for scripted installs: what the console's
// directory screen does.
func placesCmd(args []string, std IO) int {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "import":
		return placesImportCmd(args, std)
	case "list":
		return placesListCmd(args, std)
	}
	fmt.Fprintln(std.Err, "pasapas places : import FICHIER.csv ou list [--orientation CODE]")
	return exitUsage
}

// placesImportCmd replaces the directory with a file's places. It prints
// what was kept, the notes and warnings, and the refused rows; the exit
// code is non-zero when nothing was imported (the old directory stays).
func placesImportCmd(args []string, std IO) int {
	fs, dataDir := flags("places import", std)
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if file == "" {
		fmt.Fprintln(std.Err, "pasapas places import : donnez le fichier CSV des lieux")
		return exitUsage
	}
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas places import : %s\n", readProblem(file, err))
		return exitError
	}
	defer f.Close()
	res, err := directory.Import(filepath.Base(file), f)
	for _, n := range res.Notes {
		fmt.Fprintln(std.Out, n)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(std.Out, "attention : "+w.Error())
	}
	for _, r := range res.Refused {
		fmt.Fprintln(std.Out, "refusée : "+r.Error())
	}
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas places import : rien importé, l'annuaire n'a pas changé. %v\n", err)
		return exitError
	}
	st := openStore("places import", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	if err := st.ReplacePlaces(context.Background(), res.Places); err != nil {
		fmt.Fprintf(std.Err, "pasapas places import : %v\n", err)
		return exitError
	}
	fmt.Fprintf(std.Out, "%d lieux gardés, %d lignes refusées, %d avertissements.\n", len(res.Places), len(res.Refused), len(res.Warnings))
	return exitOK
}

// placesListCmd prints the places a visitor with an orientation is offered
// (every place without --orientation): distance in km, tab, name, tab,
// commune; "-" for an unknown distance.
func placesListCmd(args []string, std IO) int {
	fs, dataDir := flags("places list", std)
	orientation := fs.String("orientation", "", "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *orientation != "" && !slices.Contains(assessment.Orientations, *orientation) {
		fmt.Fprintf(std.Err, "pasapas places list : --orientation %q : %s\n", *orientation, strings.Join(assessment.Orientations, ", "))
		return exitUsage
	}
	st := openStore("places list", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	ctx := context.Background()
	var places []directory.Near
	var err error
	if *orientation == "" {
		places, err = report.EveryPlace(ctx, st)
	} else {
		places, err = report.OfferedPlaces(ctx, st, *orientation)
	}
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas places list : %v\n", err)
		return exitError
	}
	for _, p := range places {
		km := "-"
		if p.Km >= 0 {
			km = strconv.FormatFloat(p.Km, 'f', 1, 64)
		}
		fmt.Fprintf(std.Out, "%s\t%s\t%s\n", km, p.Name, p.Commune)
	}
	return exitOK
}
