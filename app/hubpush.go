package app

import (
	"context"

	kiosksync "pasapas/app/sync"
)

// PushNow sends the outbox to the territory hub now, for the console's
// « Envoyer maintenant », and tells how many sessions left and how many
// still wait. A newer content pack is taken too (a refused one raises its
// alert), to be shown at the next quiet moment.
func (k *Kiosk) PushNow() (sent, waiting int, err error) {
	ctx := context.Background()
	res, err := (&kiosksync.Pusher{Store: k.Store, Board: k.Health, Log: k.Log}).Push(ctx)
	waiting, _ = k.Store.OutboxSize(ctx)
	if err == nil {
		f := k.PackFetcher()
		if _, perr := f.Fetch(ctx); perr == nil {
			f.After()
		}
	}
	return res.Sent, waiting, err
}
