package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"pasapas/app"
	"pasapas/app/pin"
)

// CodeEnv carries the mediator code from the Windows installer to
// set-pin: an installer cannot write to a program's standard input, and
// a command-line argument would be seen by every account in the task list.
const CodeEnv = "PASAPAS_CODE_MEDIATEUR"

// setPINCmd reads a new mediator PIN from standard input (or CodeEnv), for
// scripted installs:
//
//	echo 4821 | pasapas set-pin --data-dir /var/lib/pasapas
//
// With --every-account it goes, hashed, to app.MachinePINFile, where every
// account's kiosk takes it at its first start.
func setPINCmd(args []string, std IO) int {
	fs, dataDir := flags("set-pin", std)
	everyAccount := fs.Bool("every-account", false, "")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	code, ok := os.LookupEnv(CodeEnv)
	if !ok {
		line, err := bufio.NewReader(std.In).ReadString('\n')
		if err != nil && line == "" {
			fmt.Fprintln(std.Err, "pasapas set-pin : aucun code lu sur l'entrée standard (echo 4821 | pasapas set-pin)")
			return exitError
		}
		code = line
	}
	code = strings.TrimSpace(code)
	if !pin.ValidFormat(code) {
		fmt.Fprintf(std.Err, "pasapas set-pin : le code doit avoir de %d à %d chiffres\n", pin.MinLength, pin.MaxLength)
		return exitUsage
	}
	if *everyAccount {
		if err := app.WriteMachinePIN(code); err != nil {
			fmt.Fprintf(std.Err, "pasapas set-pin : %v (lancez la commande en administrateur)\n", err)
			return exitError
		}
		fmt.Fprintf(std.Out, "Code médiateur enregistré pour tous les comptes (%s).\n", app.MachinePINFile)
		return exitOK
	}
	st := openStore("set-pin", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	if err := pin.NewGuard(st, nil).Set(code); err != nil {
		fmt.Fprintf(std.Err, "pasapas set-pin : %s : %v\n", *dataDir, err)
		return exitError
	}
	fmt.Fprintln(std.Out, "Code médiateur enregistré.")
	return exitOK
}
