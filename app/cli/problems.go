package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"pasapas/app/store"
	"pasapas/printing"
)

// The commands' messages for what goes wrong with a file or the printer:
// the file first, then what to do, in the centre's words rather than the
// system's.

// writeProblem says why path could not be written.
func writeProblem(path string, err error) string {
	dir := filepath.Dir(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, statErr := os.Stat(dir); statErr != nil {
			return fmt.Sprintf("le dossier « %s » n'existe pas : choisissez un dossier qui existe (la clé USB est-elle branchée ?)", dir)
		}
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("« %s » : écriture refusée dans ce dossier : choisissez un dossier à vous (Documents, une clé USB)", path)
	case store.IsDiskFull(err):
		return fmt.Sprintf("« %s » : le disque est plein : libérez de la place, ou choisissez une clé USB", path)
	}
	return fmt.Sprintf("« %s » : %v", path, err)
}

// readProblem says why path could not be read.
func readProblem(path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("le fichier « %s » est introuvable : vérifiez son nom et son dossier", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("« %s » : lecture refusée : copiez le fichier dans vos Documents, puis recommencez", path)
	}
	return fmt.Sprintf("« %s » : %v", path, err)
}

// printProblem says why printing failed, the system's detail after.
func printProblem(err error) string {
	switch {
	case errors.Is(err, printing.ErrNoPrinter):
		return fmt.Sprintf("aucune imprimante n'est prête : installez-la, ou donnez sa file avec pasapas settings set printer.name FILE (détail : %v)", err)
	case errors.Is(err, printing.ErrNotResponding):
		return fmt.Sprintf("l'imprimante ne répond pas : vérifiez qu'elle est allumée, branchée et qu'elle a du papier (détail : %v)", err)
	}
	return err.Error()
}
