package sync_test

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"testing"

	"pasapas/app/settings"
	"pasapas/app/store"
	kiosksync "pasapas/app/sync"
)

// TestPlainHTTPToAnotherHostSendsNothing: a settings table written by hand
// with a plain http address elsewhere does not send the token there. The
// client dials every host to a local listener, so without the check the
// token would arrive.
func TestPlainHTTPToAnotherHostSendsNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Get("Authorization")
		http.Error(w, "no", http.StatusTeapot)
	})}
	go srv.Serve(ln)
	defer srv.Close()
	everyHostHere := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, ln.Addr().String())
		},
	}}
	st, err := store.Open(filepath.Join(t.TempDir(), "pasapas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	endedSession(t, st)
	st.SetSetting(ctx, settings.SyncToken, "jeton-secret")
	push := func(url string) error {
		st.SetSetting(ctx, settings.SyncURL, url)
		_, err := (&kiosksync.Pusher{Store: st, Client: everyHostHere}).Push(ctx)
		return err
	}
	if err := push("http://hub.exemple.fr"); err == nil {
		t.Fatal("pushed over plain http to another host")
	}
	select {
	case h := <-got:
		t.Fatalf("the token left in plain http: %q", h)
	default:
	}
	// The same client does reach the listener for an allowed address: the
	// check above is what stopped it.
	push("http://localhost")
	select {
	case <-got:
	default:
		t.Fatal("the allowed address did not reach the hub")
	}
}
