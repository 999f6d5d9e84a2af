package app

import (
	"bufio"
	"fmt"
	"strings"

	"pasapas/app/pin"
)

// setPIN reads a new mediator PIN from standard input, for scripted installs:
//
//	echo 4821 | pasapas set-pin --data-dir /var/lib/pasapas
func setPIN(args []string, std IO) int {
	fs, dataDir := flags("set-pin", std)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	line, err := bufio.NewReader(std.In).ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(std.Err, "pasapas set-pin: aucun code lu sur l'entrée standard")
		return exitError
	}
	code := strings.TrimSpace(line)
	if !pin.ValidFormat(code) {
		fmt.Fprintf(std.Err, "pasapas set-pin: le code doit avoir de %d à %d chiffres\n", pin.MinLength, pin.MaxLength)
		return exitUsage
	}
	st, err := OpenStore(*dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas set-pin: %v\n", err)
		return exitError
	}
	defer st.Close()
	if err := pin.NewGuard(st, nil).Set(code); err != nil {
		fmt.Fprintf(std.Err, "pasapas set-pin: %v\n", err)
		return exitError
	}
	fmt.Fprintln(std.Out, "Code médiateur enregistré.")
	return exitOK
}
