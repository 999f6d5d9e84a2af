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
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	kiosksync "pasapas/app/sync"
)

const usage = `pasapas hub — le hub du réseau sur PostgreSQL

Usage:
  pasapas hub serve --db URL --listen ADRESSE [--tls-cert FICHIER --tls-key FICHIER]
        l'API des bornes et le tableau de bord ; HTTP simple seulement sur
        une adresse locale (127.0.0.1:8080), TLS sinon
  pasapas hub add-centre --db URL --name NOM
        crée un lieu ; la dernière ligne est son jeton, à mettre dans
        sync.token, l'avant-dernière la clé du hub, à mettre dans sync.key
  pasapas hub revoke-centre --db URL --name NOM
        refuse désormais le jeton du lieu (ses sessions restent)
  pasapas hub add-user --db URL --login IDENTIFIANT [--centre NOM]
        crée un compte (mot de passe lu sur l'entrée standard) : sans
        --centre, coordinateur du réseau ; avec, compte du lieu seul
  pasapas hub publish --db URL --note "ce qui change" PAQUET
        publie un paquet de contenu (un dossier ou un .zip rangé comme le
        dossier content/ d'un lieu : walkthroughs/*.yaml, questions/*.yaml),
        vérifié comme la borne le lit, signé par le hub ; refusé en entier
        s'il a une erreur
  pasapas hub restore --db URL --version N
        publie de nouveau le paquet N (il devient le paquet en cours)

--db vaut par défaut la variable PASAPAS_HUB_DB
(postgres://utilisateur:motdepasse@hôte/base).
`

// Labels give the codes their French names on the dashboard (procedures,
// their steps, domains); the kiosk's content provides them. A nil field
// shows the code. CheckPack, also the kiosk's, checks a pack before it is
// published (nil: publish refuses every pack).
type Labels struct {
	Procedure func(code string) string
	Step      func(procedure, step string) string
	Domain    func(code string) string
	CheckPack CheckPack
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
	var listen, cert, key, name, login, centre, note *string
	var version *int
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
	case "publish":
		note = fs.String("note", "", "")
	case "restore":
		version = fs.Int("version", 0, "")
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
	wantArgs := 0
	if cmd == "publish" {
		wantArgs = 1
	}
	if fs.NArg() != wantArgs || *db == "" || (name != nil && *name == "") || (login != nil && *login == "") ||
		(note != nil && *note == "") || (version != nil && *version <= 0) {
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
	case "publish":
		err = publish(ctx, *db, fs.Arg(0), *note, labels.CheckPack, out, errOut)
	case "restore":
		err = restore(ctx, *db, *version, out)
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
		pub, err := a.PublicKey(ctx)
		if err != nil {
			return err
		}
		// The token alone on the last line, for scripts (| tail -n 1); the
		// key on the line before, its last word (| tail -n 2 | head -n 1).
		fmt.Fprintf(out, "Lieu « %s » créé. Avant-dernière ligne : la clé publique du hub, pour sync.key. Dernière ligne : le jeton du lieu, pour sync.token de ses bornes (il ne sera plus affiché).\nClé du hub (sync.key) : %s\n%s\n",
			*name, kiosksync.FormatKey(pub), token)
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

// publish reads a pack from a folder or a .zip and publishes it; a broken
// pack is refused whole, each error on its own line.
func publish(ctx context.Context, url, from, note string, check CheckPack, out, errOut io.Writer) error {
	files, err := readPack(from)
	if err != nil {
		return fmt.Errorf("%s : %w", from, err)
	}
	a, err := OpenAdmin(ctx, url)
	if err != nil {
		return err
	}
	defer a.Close(ctx)
	p, err := a.Publish(ctx, files, note, check)
	var refused *PackRefused
	if errors.As(err, &refused) {
		for _, e := range refused.Errs {
			fmt.Fprintf(errOut, "ERREUR  %v\n", e)
		}
		return fmt.Errorf("paquet refusé : %d erreur(s), rien n'est publié", len(refused.Errs))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Paquet version %d publié : %d fichiers, « %s » (sha256 %s).\n", p.Version, len(p.Files), p.Note, p.Digest())
	return nil
}

func restore(ctx context.Context, url string, version int, out io.Writer) error {
	a, err := OpenAdmin(ctx, url)
	if err != nil {
		return err
	}
	defer a.Close(ctx)
	p, err := a.Restore(ctx, version)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Le paquet %d est de nouveau en cours, comme version %d : « %s ».\n", version, p.Version, p.Note)
	return nil
}

// readPack reads the files of a pack folder or .zip. A .zip whose files
// sit in one top folder (as zipping a folder makes it) is read from there.
func readPack(from string) ([]kiosksync.PackFile, error) {
	info, err := os.Stat(from)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return kiosksync.ReadPackDir(os.DirFS(from))
	}
	f, err := os.Open(from)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readPackZip(f, info.Size())
}

// readPackZip reads the files of a pack .zip.
func readPackZip(r io.ReaderAt, size int64) ([]kiosksync.PackFile, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("ni un dossier ni un .zip lisible : %w", err)
	}
	var fsys fs.FS = z
	if top, err := fs.ReadDir(z, "."); err == nil && len(top) == 1 && top[0].IsDir() &&
		top[0].Name() != "walkthroughs" && top[0].Name() != "questions" {
		if fsys, err = fs.Sub(z, top[0].Name()); err != nil {
			return nil, err
		}
	}
	return kiosksync.ReadPackDir(fsys)
}
