package app

import (
	"context"
	"errors"
	"fmt"

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
	st, err := OpenStore(*dataDir)
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas sync : %v\n", err)
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
	return exitOK
}
