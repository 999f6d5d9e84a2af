// Package cli is the pasapas command line: one file per command, each a
// function named <command>Cmd that takes the arguments after the command's
// name and returns the process's exit code. Without a command it runs the
// kiosk (app.Run); the window is handed in by main, so that neither app
// nor cli depends on the UI.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"pasapas/app"
	"pasapas/app/store"
)

// IO is the process's standard streams, and Alert, which tells the person
// at the screen why the kiosk cannot start: on Windows the kiosk is a GUI
// program whose standard error goes nowhere. A nil Alert writes to Err.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	Alert    func(title, text string)
}

func (std IO) alert(title, text string) {
	if std.Alert != nil {
		std.Alert(title, text)
		return
	}
	fmt.Fprintf(std.Err, "%s\n%s\n", title, text)
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

const usage = `Pas à Pas — borne d'autodiagnostic et d'accompagnement numérique

Usage:
  pasapas [--windowed] [--data-dir DIR]   lance la borne (plein écran)
  pasapas version                         affiche la version
  pasapas set-pin [--data-dir DIR] [--every-account]
                                          choisit le code médiateur (lu sur l'entrée standard) ;
                                          --every-account : pour tous les comptes du PC (installateur)
  pasapas check-content [DIR]             vérifie les fichiers de contenu (par défaut DIR = <data-dir>/content)
                                          et donne des conseils de français facile (FALC)
  pasapas export [--from JOUR] [--to JOUR] --format csv|json|coop --out FICHIER
                                          exporte le compte-rendu d'activité (sans dates : tout ;
                                          coop : un .xlsx comme l'export « Activités » de la Coop)
  pasapas stats [--from JOUR] [--to JOUR] affiche les statistiques (par défaut : 365 jours)
  pasapas purge [--older-than JOURS]      supprime les sessions plus anciennes (par défaut : la durée de conservation)
  pasapas simulate --sessions N [--days D] [--seed S] [--returning P]
                                          ajoute N sessions fictives (démonstration, mesures),
                                          dont P %% de visiteurs revenus avec leur code (par défaut : 20)
  pasapas summary --code ABC-DEF [--out FICHIER.pdf] [--print]
                                          écrit et/ou imprime le résumé d'une séance
  pasapas places import FICHIER.csv       remplace l'annuaire des lieux (standard national, 0.x ou 1.x)
  pasapas places list [--orientation CODE]
                                          lieux proposés : distance en km, nom, commune
  pasapas settings get CLÉ | set CLÉ VALEUR | list
                                          lit ou change un réglage (list : tous, avec leur sens)
  pasapas sync                            envoie maintenant les sessions au hub du réseau (sync.url, sync.token)
  pasapas hub serve|add-centre|revoke-centre|add-user ...
                                          le hub du réseau sur PostgreSQL (pasapas hub help)
  pasapas help                            affiche cette aide

Options:
  --windowed       fenêtre ordinaire de 1280×800 (développement)
  --data-dir DIR   dossier des données (par défaut : %s)
  JOUR             une date AAAA-MM-JJ, incluse
`

// Main runs the command in args and returns the process exit code; run
// shows the kiosk's window.
func Main(args []string, std IO, run app.RunWindow) int {
	cmd := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "":
		return kioskCmd(args, std, run)
	case "version":
		fmt.Fprintf(std.Out, "pasapas %s\n", app.Version)
		return exitOK
	case "set-pin":
		return setPINCmd(args, std)
	case "check-content":
		return checkContentCmd(args, std)
	case "export":
		return exportCmd(args, std)
	case "purge":
		return purgeCmd(args, std)
	case "stats":
		return statsCmd(args, std)
	case "simulate":
		return simulateCmd(args, std)
	case "summary":
		return summaryCmd(args, std)
	case "places":
		return placesCmd(args, std)
	case "settings":
		return settingsCmd(args, std)
	case "sync":
		return syncCmd(args, std)
	case "hub":
		return hubCmd(args, std)
	case "help":
		printUsage(std.Out)
		return exitOK
	}
	fmt.Fprintf(std.Err, "pasapas: commande inconnue %q\n\n", cmd)
	printUsage(std.Err)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, usage, defaultDataDir())
}

// defaultDataDir is the OS user config dir + "pasapas".
func defaultDataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "pasapas-data"
	}
	return filepath.Join(dir, "pasapas")
}

// flags returns a flag set with the options every command shares.
func flags(name string, std IO) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(flagMessages{command: name, w: std.Err})
	// parse prints the help, or a short hint after a mistake.
	fs.Usage = func() {}
	dataDir := fs.String("data-dir", defaultDataDir(), "")
	return fs, dataDir
}

// parseOptions parses args' options, leaving the other arguments in fs;
// it returns the exit code to stop with, or -1 to go on.
func parseOptions(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(fs.Output())
			return exitOK
		}
		fmt.Fprintln(fs.Output(), "pasapas help : toutes les commandes et leurs options")
		return exitUsage
	}
	return -1
}

// parse parses args; it returns the exit code to stop with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	if code := parseOptions(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "pasapas %s : argument inattendu « %s »\n", fs.Name(), fs.Arg(0))
		return exitUsage
	}
	return -1
}

// openStore opens the database of dataDir for command name; when it
// cannot, it says why (where a damaged file went) and returns nil.
func openStore(name, dataDir string, std IO) *store.Store {
	st, err := store.OpenDataDir(dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas %s : %v\n", name, err)
		return nil
	}
	return st
}
