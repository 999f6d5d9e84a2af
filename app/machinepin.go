package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/sirupsen/logrus"

	"pasapas/app/pin"
)

// MachinePINFile is where an installer leaves the mediator code for every
// account of the PC, as its hash only: each account has its own data
// folder (%AppData%\pasapas), and the Windows installer runs as an
// administrator, often another account than the kiosk's. A kiosk with no
// code yet takes it from there at start. A variable so tests point it
// elsewhere.
var MachinePINFile = machinePINFile()

func machinePINFile() string {
	if runtime.GOOS == "windows" {
		if dir := os.Getenv("ProgramData"); dir != "" {
			return filepath.Join(dir, "pasapas", "code-mediateur.txt")
		}
	}
	return filepath.Join("/etc", "pasapas", "code-mediateur")
}

// WriteMachinePIN stores the hash of code in MachinePINFile.
func WriteMachinePIN(code string) error {
	hash, err := pin.Hash(code)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(MachinePINFile), 0o755); err != nil {
		return err
	}
	return os.WriteFile(MachinePINFile, []byte(hash+"\n"), 0o644)
}

// adoptMachinePIN gives a store without a mediator code the installer's,
// and reports whether it did.
func adoptMachinePIN(st pin.StateStore, log logrus.FieldLogger) (bool, error) {
	state, err := st.LoadPIN()
	if err != nil || state.Hash != "" {
		return false, err
	}
	b, err := os.ReadFile(MachinePINFile)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	hash := strings.TrimSpace(string(b))
	if !strings.HasPrefix(hash, "$argon2id$") {
		return false, fmt.Errorf("%s: not a mediator code written by pasapas set-pin --every-account", MachinePINFile)
	}
	if err := st.SavePIN(pin.State{Hash: hash}); err != nil {
		return false, err
	}
	log.WithField("file", MachinePINFile).Info("mediator code taken from the installer's file")
	return true, nil
}
