package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"pasapas/app"
	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
)

// syncCmd pushes the outbox to the territory hub now and says how many
// sessions went: pasapas sync [--data-dir DIR].
func syncCmd(args []string, std IO) int {
	fs, dataDir := flags("sync", std)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	st := openStore("sync", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	ctx := context.Background()
	res, err := (&kiosksync.Pusher{Store: st}).Push(ctx)
	left, _ := st.OutboxSize(ctx)
	switch {
	case errors.Is(err, kiosksync.ErrNotConfigured):
		fmt.Fprintf(std.Err, "pasapas sync : réglez d'abord %s et %s (pasapas settings set)\n", settings.SyncURL, settings.SyncToken)
		return exitError
	case errors.Is(err, kiosksync.ErrRefused):
		fmt.Fprintf(std.Err, "pasapas sync : le hub refuse le jeton (%s) : demandez-en un nouveau au réseau\n", settings.SyncToken)
	case err != nil:
		fmt.Fprintf(std.Err, "pasapas sync : %v\n", err)
	}
	fmt.Fprintf(std.Out, "%d sessions envoyées (%d nouvelles pour le hub), %d en attente\n", res.Sent, res.Added, left)
	if err != nil {
		return exitError
	}
	return fetchPack(ctx, st, filepath.Join(*dataDir, kiosksync.PackDirName), std)
}

// fetchPack takes the network's content pack after a push and says what
// came of it; the kiosk shows a new pack at its next start or welcome
// screen.
func fetchPack(ctx context.Context, st kiosksync.Store, dir string, std IO) int {
	p, err := (&kiosksync.Fetcher{Store: st, Dir: dir, Check: app.CheckPack}).Fetch(ctx)
	var refused *kiosksync.PackError
	switch {
	case errors.Is(err, kiosksync.ErrNoKey):
		fmt.Fprintf(std.Out, "Contenu du réseau : %s vide, aucun paquet n'est pris (la clé est donnée avec le jeton)\n", settings.SyncKey)
	case errors.As(err, &refused):
		fmt.Fprintf(std.Err, "pasapas sync : paquet de contenu refusé, rien n'a changé : %v\n", err)
		return exitError
	case err != nil:
		fmt.Fprintf(std.Err, "pasapas sync : paquet de contenu : %v\n", err)
		return exitError
	case p != nil:
		fmt.Fprintf(std.Out, "Paquet de contenu du réseau version %d reçu (« %s ») : la borne le montre à son prochain écran d'accueil sans visiteur\n", p.Version, p.Note)
	default:
		if m, _, _ := kiosksync.Installed(dir); m.Version > 0 {
			fmt.Fprintf(std.Out, "Contenu du réseau à jour (version %d)\n", m.Version)
		} else {
			fmt.Fprintln(std.Out, "Contenu du réseau : aucun paquet publié")
		}
	}
	return exitOK
}
