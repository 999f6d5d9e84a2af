package store

import (
	"context"

	"pasapas/app/activity"
)

// Simulate writes n sessions drawn by sim through the store's own methods,
// a thousand per transaction: one commit per session would spend minutes in
// fsync for 100 000 of them. Synthetic sessions need no power-cut
// durability, so it syncs at checkpoints only (NORMAL, still safe from
// corruption in WAL mode) until it returns.
func (s *Store) Simulate(ctx context.Context, sim *activity.Simulator, n int) error {
	const batch = 1000
	if _, err := s.db.ExecContext(ctx, `PRAGMA synchronous = NORMAL`); err != nil {
		return err
	}
	defer s.db.ExecContext(ctx, `PRAGMA synchronous = FULL`)
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
