package app

import (
	"context"

	kiosksync "pasapas/app/sync"
)

// PushNow sends the outbox to the territory hub now, for the console's
// « Envoyer maintenant », and tells how many sessions left and how many
// still wait.
func (k *Kiosk) PushNow() (sent, waiting int, err error) {
	ctx := context.Background()
	res, err := (&kiosksync.Pusher{Store: k.Store, Board: k.Health, Log: k.Log}).Push(ctx)
	waiting, _ = k.Store.OutboxSize(ctx)
	return res.Sent, waiting, err
}
