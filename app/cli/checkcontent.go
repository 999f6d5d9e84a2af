package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"pasapas/app"
	"pasapas/app/i18n"
	kiosksync "pasapas/app/sync"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/falc"
	"pasapas/assessment/walkthrough"
	"pasapas/seeds"
)

// checkContentCmd validates the built-in content and a centre's directory
// (default: <data-dir>/content), printing each file's fate; any rejected
// file makes it exit non-zero. It then prints the plain-French (FALC)
// warnings of every walkthrough and question file read, the centre's
// last, and the translations older than their French or off their
// language's glossary: advice for authors, which never changes the exit
// code.
func checkContentCmd(args []string, std IO) int {
	fs, dataDir := flags("check-content", std)
	if code := parseOptions(fs, args); code >= 0 {
		return code
	}
	dir := filepath.Join(*dataDir, app.ContentDirName)
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
		// Checking a folder that is not there would list only the
		// built-in files as sound, and the centre would think its own are.
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			fmt.Fprintf(std.Err, "pasapas check-content : le dossier « %s » est introuvable : donnez le dossier qui contient walkthroughs/ ou questions/\n", dir)
			return exitError
		}
	default:
		fmt.Fprintf(std.Err, "pasapas check-content : un seul dossier à la fois\n")
		return exitUsage
	}
	packDir := filepath.Join(*dataDir, kiosksync.PackDirName)
	ct, report, err := app.LoadLayers(packDir, dir)
	if err != nil {
		fmt.Fprintln(std.Err, err)
		return exitError
	}
	for _, f := range report.Files {
		if f.Err == nil {
			fmt.Fprintf(std.Out, "ok      %s (%s)\n", f.Path, f.Origin)
		}
	}
	warnings := falcWarnings(report, packDir, dir)
	for _, w := range warnings {
		fmt.Fprintf(std.Out, "FALC    %v\n", w)
	}
	if len(warnings) > 0 {
		fmt.Fprintf(std.Out, "%d conseils FALC (français facile) : des phrases à relire, pas des erreurs.\n", len(warnings))
	}
	notes, err := ct.Text.Review(seeds.FS, []string{walkthrough.Dir, assessment.Dir}, i18n.Source{FS: seeds.FS, Prefix: "seeds"}, i18n.Source{FS: os.DirFS(dir), Prefix: dir})
	for _, n := range notes {
		fmt.Fprintf(std.Out, "TRAD    %s\n", n)
	}
	rejected := report.Rejected()
	if err != nil {
		rejected = append(rejected, content.FileStatus{Path: i18n.GlossaryDir, Origin: content.BuiltIn, Err: err})
	}
	for _, f := range rejected {
		fmt.Fprintf(std.Err, "ERREUR  %v\n", f.Err)
	}
	if len(rejected) > 0 {
		return exitError
	}
	return exitOK
}

// falcWarnings checks the French visitor texts of the walkthrough and
// question files the report lists as read, built-in ones first (named
// seeds/…), then the network pack's (by their path in packDir), then the
// centre's (by their path in centreDir).
func falcWarnings(report *content.Report, packDir, centreDir string) []falc.Warning {
	var out []falc.Warning
	for _, kind := range []string{content.BuiltIn.Kind, content.Pack(0).Kind, content.Centre.Kind} {
		for _, f := range report.Files {
			dir, _, _ := strings.Cut(f.Path, "/")
			if f.Err != nil || f.Origin.Kind != kind || (dir != walkthrough.Dir && dir != assessment.Dir) {
				continue
			}
			var fsys fs.FS = seeds.FS
			name := path.Join("seeds", f.Path)
			switch kind {
			case content.Centre.Kind:
				fsys, name = os.DirFS(centreDir), filepath.Join(centreDir, filepath.FromSlash(f.Path))
			case content.Pack(0).Kind:
				sub := filepath.Join(packDir, strconv.Itoa(f.Origin.Version))
				fsys, name = os.DirFS(sub), filepath.Join(sub, filepath.FromSlash(f.Path))
			}
			if data, err := fs.ReadFile(fsys, f.Path); err == nil {
				out = append(out, falc.File(name, data)...)
			}
		}
	}
	return out
}
