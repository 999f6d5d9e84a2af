package cli

import (
	"context"
	"errors"
	"fmt"

	"pasapas/app"
	"pasapas/app/session"
	"pasapas/app/store"
	"pasapas/printing"
)

// summaryCmd renders a stored session's summary to a file, prints it,
// or both: the same code paths as the kiosk and the mediator console.
func summaryCmd(args []string, std IO) int {
	fs, dataDir := flags("summary", std)
	codeArg := fs.String("code", "", "")
	out := fs.String("out", "", "")
	toPrinter := fs.Bool("print", false, "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *codeArg == "" || (*out == "" && !*toPrinter) {
		fmt.Fprintln(std.Err, "pasapas summary : donnez --code ABC-DEF, et --out FICHIER.pdf ou --print")
		return exitUsage
	}
	code, err := session.ParseCode(*codeArg)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas summary : %q n'est pas un code de séance (6 caractères, par exemple ABC-DEF)\n", *codeArg)
		return exitUsage
	}
	st := openStore("summary", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	c, _, err := app.LoadDataDir(*dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas summary : %v\n", err)
		return exitError
	}
	ctx := context.Background()
	pdf, err := app.RenderSummary(ctx, st, c, code)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(std.Err, "pasapas summary : aucune séance n'a le code %s\n", code)
		return exitError
	}
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas summary : %v\n", err)
		return exitError
	}
	status := exitOK
	if *out != "" {
		if err := printing.WriteFile(*out, pdf); err != nil {
			fmt.Fprintf(std.Err, "pasapas summary : le fichier n'a pas pu être écrit : %s\nLa séance %s est gardée.\n", writeProblem(*out, err), code)
			status = exitError
		} else {
			fmt.Fprintf(std.Out, "Résumé de la séance %s écrit dans %s\n", code, *out)
		}
	}
	if *toPrinter {
		if err := app.Printer(ctx, st, *dataDir).Print(ctx, pdf, printing.JobTitle(code.String())); err != nil {
			fmt.Fprintf(std.Err, "pasapas summary : l'impression a échoué : %s\nLa séance %s est gardée : relancez avec --print quand l'imprimante répond.\n", printProblem(err), code)
			status = exitError
		} else {
			fmt.Fprintf(std.Out, "Résumé de la séance %s imprimé\n", code)
		}
	}
	return status
}
