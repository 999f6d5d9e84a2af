package sync

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"pasapas/app/health"
	"pasapas/app/settings"
)

// Store is the part of the kiosk's store a push uses.
type Store interface {
	Outbox(ctx context.Context, limit int) ([]Session, error)
	Sent(ctx context.Context, ids []string) error
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
}

// failingSince is the settings key holding when pushing started to fail
// (RFC 3339), so that the day before the alert survives a restart.
const failingSince = "sync.failing_since"

// AlertAfter is how long pushing may fail before the mediator is told.
const AlertAfter = 24 * time.Hour

// Every is how often a kiosk pushes when all goes well.
const Every = 5 * time.Minute

// ErrNotConfigured: sync.url or sync.token is empty; nothing is sent.
var ErrNotConfigured = errors.New("sync.url and sync.token are not both set")

// ErrRefused: the hub refused the token (wrong, or the centre revoked).
var ErrRefused = errors.New("the hub refused the token")

// Pusher sends the outbox to the hub.
type Pusher struct {
	Store Store
	// Board gets the alert when pushing has failed for AlertAfter.
	Board  *health.Board
	Log    logrus.FieldLogger
	Client *http.Client
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Pack, when set, takes the network's content pack after each push.
	Pack *Fetcher
}

// Result is what one push did.
type Result struct {
	Sent  int // sessions the hub acknowledged, now out of the outbox
	Added int // of which the hub did not have yet
}

// Push sends every queued session now, MaxBatch at a time, and returns
// what the hub took before any error. The settings are read each time, so
// a change in the console needs no restart.
func (p *Pusher) Push(ctx context.Context) (Result, error) {
	var res Result
	base, err := p.Store.Setting(ctx, settings.SyncURL, "")
	if err != nil {
		return res, err
	}
	token, err := p.Store.Setting(ctx, settings.SyncToken, "")
	if err != nil {
		return res, err
	}
	if base == "" || token == "" {
		return res, ErrNotConfigured
	}
	// The settings table may have been written by hand.
	if base, err = settings.HubURL(base); err != nil {
		return res, fmt.Errorf("sync.url: %w", err)
	}
	endpoint := strings.TrimRight(base, "/") + Path
	for {
		batch, err := p.Store.Outbox(ctx, MaxBatch)
		if err != nil {
			return res, err
		}
		if len(batch) == 0 {
			break
		}
		receipt, err := p.post(ctx, endpoint, token, batch)
		if err != nil {
			p.failed(ctx, err)
			return res, err
		}
		ids := make([]string, len(batch))
		for i, s := range batch {
			ids[i] = s.ID
		}
		if err := p.Store.Sent(ctx, ids); err != nil {
			return res, err
		}
		res.Sent += len(batch)
		res.Added += receipt.Added
		if len(batch) < MaxBatch {
			break
		}
	}
	p.succeeded(ctx)
	return res, nil
}

func (p *Pusher) post(ctx context.Context, endpoint, token string, batch []Session) (Receipt, error) {
	var receipt Receipt
	body, err := json.Marshal(Batch{Sessions: batch})
	if err != nil {
		return receipt, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return receipt, fmt.Errorf("sync.url: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: time.Minute}
	}
	resp, err := client.Do(req)
	if err != nil {
		return receipt, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return receipt, ErrRefused
	case resp.StatusCode != http.StatusOK:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return receipt, fmt.Errorf("the hub answered %s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	if err := json.NewDecoder(resp.Body).Decode(&receipt); err != nil {
		return receipt, fmt.Errorf("the hub's answer: %w", err)
	}
	if receipt.Received != len(batch) {
		return receipt, fmt.Errorf("the hub read %d sessions of %d", receipt.Received, len(batch))
	}
	return receipt, nil
}

func (p *Pusher) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// failed notes a failed push; after AlertAfter of failures in a row the
// mediator's console shows the alert (a URL, a status, never a session).
func (p *Pusher) failed(ctx context.Context, cause error) {
	now := p.now()
	since, _ := p.Store.Setting(ctx, failingSince, "")
	first, err := time.Parse(time.RFC3339, since)
	if err != nil {
		first = now
		if err := p.Store.SetSetting(ctx, failingSince, now.UTC().Format(time.RFC3339)); err != nil && p.Log != nil {
			p.Log.WithError(err).Warn("noting a failed push")
		}
	}
	if p.Log != nil {
		p.Log.WithError(cause).WithField("failing_since", first.UTC().Format(time.RFC3339)).Warn("pushing to the hub failed")
	}
	if now.Sub(first) >= AlertAfter && p.Board != nil {
		p.Board.Clear(health.SyncFailing)
		p.Board.Raise(health.SyncFailing, cause.Error())
	}
}

func (p *Pusher) succeeded(ctx context.Context) {
	if since, _ := p.Store.Setting(ctx, failingSince, ""); since != "" {
		if err := p.Store.SetSetting(ctx, failingSince, ""); err != nil && p.Log != nil {
			p.Log.WithError(err).Warn("noting a push that worked")
		}
	}
	if p.Board != nil {
		p.Board.Clear(health.SyncFailing)
	}
}

// Backoff is the wait before the next try after fails failures in a row:
// 30 s, doubling, at most an hour, drawn in its upper half so that kiosks
// cut off together do not all come back at the same second.
func Backoff(fails int, r *rand.Rand) time.Duration {
	wait := time.Hour
	if fails < 8 {
		wait = min(time.Hour, 30*time.Second<<(fails-1))
	}
	return wait/2 + time.Duration(r.Int64N(int64(wait/2)+1))
}

// Run pushes every Every until done is closed, sooner after a start and
// later after failures (Backoff). Nothing set, nothing is sent, and the
// settings are looked at again each time.
func (p *Pusher) Run(done <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-done; cancel() }()
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0))
	// The first push waits for the window to be up and the first visitor
	// served: a kiosk start must not pay for it.
	wait := time.Minute
	fails := 0
	for {
		select {
		case <-done:
			return
		case <-time.After(wait):
		}
		res, err := p.Push(ctx)
		// A hub that does not take the sessions is not asked for a pack:
		// the push's back-off and alert already cover it.
		if p.Pack != nil && err == nil {
			p.fetchPack(ctx)
		}
		switch {
		case err == nil || errors.Is(err, ErrNotConfigured):
			fails, wait = 0, Every
			if res.Sent > 0 && p.Log != nil {
				p.Log.WithField("sessions", res.Sent).Info("sessions pushed to the hub")
			}
		case ctx.Err() != nil:
			return
		default:
			fails++
			wait = Backoff(fails, r)
		}
	}
}

// fetchPack takes a newer content pack, if any; a refused one is logged and
// raised by the Fetcher.
func (p *Pusher) fetchPack(ctx context.Context) {
	_, err := p.Pack.Fetch(ctx)
	var refused *PackError
	if err != nil && !errors.As(err, &refused) && !errors.Is(err, ErrNotConfigured) && !errors.Is(err, ErrNoKey) && p.Log != nil {
		p.Log.WithError(err).Warn("fetching the content pack from the hub")
	}
	if p.Pack.After != nil {
		p.Pack.After()
	}
}
