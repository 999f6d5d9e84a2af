// Package hub is the territory hub: it gathers the anonymous sessions that
// a network's kiosks push (app/sync) into PostgreSQL, and serves the
// network's coordinator and each centre a French dashboard and a JSON API
// over them. It is the same program as the kiosk: pasapas hub serve.
//
// The hub keeps nothing in memory that another hub needs (logins, failed
// tries and partitions are in the database), so several can run behind a
// load balancer on one database. Each request runs as a role without
// BYPASSRLS in a transaction scoped to its user's centres: PostgreSQL's
// row-level security, not the handlers, decides which rows it sees.
package hub

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

const usage = `pasapas hub — le hub du réseau sur PostgreSQL

Usage:
  pasapas hub serve --db URL --listen ADRESSE [--tls-cert FICHIER --tls-key FICHIER]
        l'API des bornes et le tableau de bord ; HTTP simple seulement sur
        une adresse locale (127.0.0.1:8080), TLS sinon
  pasapas hub add-centre --db URL --name NOM
        crée un lieu ; la dernière ligne est son jeton, à mettre dans sync.token
  pasapas hub revoke-centre --db URL --name NOM
        refuse désormais le jeton du lieu (ses sessions restent)
  pasapas hub add-user --db URL --login IDENTIFIANT [--centre NOM]
        crée un compte (mot de passe lu sur l'entrée standard) : sans
        --centre, coordinateur du réseau ; avec, compte du lieu seul

--db vaut par défaut la variable PASAPAS_HUB_DB
(postgres://utilisateur:motdepasse@hôte/base).
`

// Labels give the codes their French names on the dashboard (procedures,
// their steps, domains); the kiosk's content provides them. A nil field
// shows the code.
type Labels struct {
	Procedure func(code string) string
	Step      func(procedure, step string) string
	Domain    func(code string) string
}

// Main runs "pasapas hub …" and returns the exit code.
func Main(args []string, in io.Reader, out, errOut io.Writer, labels Labels) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprint(out, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("hub "+cmd, flag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.Usage = func() { fmt.Fprint(errOut, usage) }
	db := fs.String("db", os.Getenv("PASAPAS_HUB_DB"), "")
	var listen, cert, key, name, login, centre *string
	switch cmd {
	case "serve":
		listen = fs.String("listen", "127.0.0.1:8080", "")
		cert = fs.String("tls-cert", "", "")
		key = fs.String("tls-key", "", "")
	case "add-centre", "revoke-centre":
		name = fs.String("name", "", "")
	case "add-user":
		login = fs.String("login", "", "")
		centre = fs.String("centre", "", "")
	default:
		fmt.Fprintf(errOut, "pasapas hub : commande inconnue %q\n\n%s", cmd, usage)
		return 2
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *db == "" || (name != nil && *name == "") || (login != nil && *login == "") {
		fmt.Fprintf(errOut, "pasapas hub %s : options manquantes ou en trop\n\n%s", cmd, usage)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd {
	case "serve":
		err = Serve(ctx, Config{DB: *db, Listen: *listen, TLSCert: *cert, TLSKey: *key, Labels: labels, Log: errOut})
	case "add-centre", "revoke-centre", "add-user":
		err = administer(ctx, cmd, *db, in, out, name, login, centre)
	}
	if err != nil {
		fmt.Fprintf(errOut, "pasapas hub %s : %v\n", cmd, err)
		return 1
	}
	return 0
}

func administer(ctx context.Context, cmd, url string, in io.Reader, out io.Writer, name, login, centre *string) error {
	a, err := OpenAdmin(ctx, url)
	if err != nil {
		return err
	}
	defer a.Close(ctx)
	switch cmd {
	case "add-centre":
		token, err := a.AddCentre(ctx, *name)
		if err != nil {
			return err
		}
		// The token alone on the last line, for scripts (| tail -n 1).
		fmt.Fprintf(out, "Lieu « %s » créé. Son jeton, à mettre dans sync.token de ses bornes (il ne sera plus affiché) :\n%s\n", *name, token)
	case "revoke-centre":
		if err := a.RevokeCentre(ctx, *name); err != nil {
			return err
		}
		fmt.Fprintf(out, "Le jeton du lieu « %s » est désormais refusé.\n", *name)
	case "add-user":
		password, err := bufio.NewReader(in).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if err := a.AddUser(ctx, *login, strings.TrimRight(password, "\r\n"), *centre); err != nil {
			return err
		}
		scope := "coordinateur (tous les lieux)"
		if *centre != "" {
			scope = "lieu « " + *centre + " »"
		}
		fmt.Fprintf(out, "Compte « %s » créé : %s.\n", *login, scope)
	}
	return nil
}
