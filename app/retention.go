package app

import (
	"context"
	"strconv"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/activity"
	"pasapas/app/settings"
	"pasapas/app/store"
)

// RetentionDays is the stored retention, or the default when unset or
// unreadable.
func RetentionDays(ctx context.Context, st *store.Store) int {
	v, err := st.Setting(ctx, settings.RetentionDays, "")
	if n, convErr := strconv.Atoi(v); err == nil && convErr == nil && n >= 1 {
		return n
	}
	return settings.DefaultRetentionDays
}

// PurgeExpired deletes the sessions older than the retention.
func PurgeExpired(ctx context.Context, st *store.Store, now time.Time, log logrus.FieldLogger) {
	days := RetentionDays(ctx, st)
	n, err := st.Purge(ctx, activity.RetentionCutoff(now, days))
	switch {
	case err != nil:
		log.WithError(err).Error("purging expired sessions")
	case n > 0:
		log.WithFields(logrus.Fields{"sessions": n, "retention_days": days}).Info("expired sessions purged")
	}
}

// keepPurging purges expired sessions once a day until done is closed.
func keepPurging(st *store.Store, log logrus.FieldLogger, done <-chan struct{}) {
	t := time.NewTicker(24 * time.Hour)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			PurgeExpired(context.Background(), st, time.Now(), log)
		}
	}
}
