package store

import (
	"context"

	"pasapas/app/activity"
)

// Simulate writes n sessions drawn by sim through the store's own methods,
// a thousand per transaction: one commit per session would spend minutes in
// fsync for 100 000 of them.
func (s *Store) Simulate(ctx context.Context, sim *activity.Simulator, n int) error {
	const batch = 1000
	for done := 0; done < n; done += batch {
		err := s.InTx(ctx, func(tx *Store) error {
			for range min(batch, n-done) {
				if err := sim.Session(ctx, tx); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
