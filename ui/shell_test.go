package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/sirupsen/logrus"

	"pasapas/app/i18n"
	"pasapas/app/pin"
	"pasapas/app/session"
	"pasapas/app/speech"
	"pasapas/app/store"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/seeds"
)

// kiosk is a shell in a headless test window, over a real SQLite file and a
// clock the test moves by hand.
type kiosk struct {
	t     *testing.T
	shell *Shell
	win   fyne.Window
	store *store.Store
	now   time.Time
	quit  bool
	// wavDir receives what the real espeak-ng says, as WAV files.
	wavDir string
}

// testPIN is the mediator code of an installed test kiosk.
const testPIN = "4821"

// newKiosk is an installed kiosk: its mediator code was set, as by
// pasapas set-pin, so it opens on the visitors' welcome.
func newKiosk(t *testing.T) *kiosk {
	t.Helper()
	return newKioskWith(t, true)
}

// newFreshKiosk is a kiosk at its very first start: no mediator code yet.
func newFreshKiosk(t *testing.T) *kiosk {
	t.Helper()
	return newKioskWith(t, false)
}

// testContent is the built-in content, parsed once for the package: every
// kiosk reads it and none changes it (each gets its own set of
// walkthroughs, which some tests add to).
var testContent = sync.OnceValues(func() (loaded, error) {
	var c loaded
	var err error
	if c.text, err = i18n.Load(seeds.FS); err != nil {
		return c, err
	}
	if c.questions, err = assessment.Load(seeds.FS, assessment.Dir); err != nil {
		return c, err
	}
	walks, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
	if len(errs) > 0 {
		return c, errs[0]
	}
	c.walks = walks
	return c, nil
})

type loaded struct {
	text      *i18n.Catalogue
	questions *assessment.Bank
	walks     []*walkthrough.Procedure
}

// freshDatabase is the bytes of a database just created by store.Open.
var freshDatabase = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "pasapas-ui-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "pasapas.db")
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if err := st.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// testLanguages are the languages a visitor can choose.
func testLanguages(t *testing.T) []i18n.Language {
	t.Helper()
	c, err := testContent()
	if err != nil {
		t.Fatal(err)
	}
	return c.text.Languages()
}

// testPINHash is testPIN hashed once: argon2id is slow on purpose.
var testPINHash = sync.OnceValue(func() string {
	h, err := pin.Hash(testPIN)
	if err != nil {
		panic(err)
	}
	return h
})

func newKioskWith(t *testing.T, installed bool) *kiosk {
	t.Helper()
	k := &kiosk{t: t, now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local), wavDir: t.TempDir()}
	a := test.NewTempApp(t)
	// A copy of a freshly migrated file: migrating each test's file anew
	// would cost a tenth of a second of fsyncs, hundreds of times.
	path := filepath.Join(t.TempDir(), "pasapas.db")
	fresh, err := freshDatabase()
	if err == nil {
		err = os.WriteFile(path, fresh, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	k.store = st
	c, err := testContent()
	if err != nil {
		t.Fatal(err)
	}
	text, questions, walks := c.text, c.questions, c.walks
	clock := func() time.Time { return k.now }
	if installed {
		if err := st.SavePIN(pin.State{Hash: testPINHash()}); err != nil {
			t.Fatal(err)
		}
	}
	log := logrus.New()
	log.SetOutput(testWriter{t})
	k.win = test.NewTempWindow(t, nil)
	k.win.Resize(fyne.NewSize(1024, 768))
	k.shell = Create(a, k.win, Services{
		Sessions:     session.NewService(st, "test-kiosk", clock),
		PIN:          pin.NewGuard(st, clock),
		Text:         text,
		Log:          log,
		Now:          clock,
		IdleTimeout:  120 * time.Second,
		IdleGrace:    30 * time.Second,
		DefaultLang:  "fr",
		Quit:         func() { k.quit = true },
		Speech:       speech.Detect(context.Background(), k.wavDir),
		Console:      st,
		Questions:    questions,
		Assessments:  st,
		Walkthroughs: walkthrough.NewSet(walks...),
	})
	return k
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func (k *kiosk) tap(id string) {
	k.t.Helper()
	b, ok := k.shell.screen.Buttons[id]
	if !ok {
		k.t.Fatalf("screen %s has no button %q", k.shell.screen.Name, id)
	}
	test.Tap(b)
}

func (k *kiosk) wantScreen(name string) {
	k.t.Helper()
	if got := k.shell.screen.Name; got != name {
		k.t.Fatalf("screen %q, want %q", got, name)
	}
}

func (k *kiosk) wantLabel(id, want string) {
	k.t.Helper()
	l, ok := k.shell.screen.Labels[id]
	if !ok {
		k.t.Fatalf("screen %s has no label %q", k.shell.screen.Name, id)
	}
	if !strings.Contains(l.Text, want) {
		k.t.Fatalf("label %s = %q, want it to contain %q", id, l.Text, want)
	}
}

func (k *kiosk) advance(d time.Duration) {
	k.now = k.now.Add(d)
	k.shell.Tick()
}

func (k *kiosk) stored(code session.Code) session.Record {
	k.t.Helper()
	rec, err := k.store.SessionByCode(context.Background(), code)
	if err != nil {
		k.t.Fatal(err)
	}
	return rec
}

func TestWelcomeHomeFinish(t *testing.T) {
	k := newKiosk(t)
	k.wantScreen("welcome")
	k.wantLabel("title", "Bonjour")

	k.tap("start")
	k.wantScreen("home")
	cur := k.shell.svc.Sessions.Current()
	if cur == nil {
		t.Fatal("no session after Commencer")
	}
	k.wantLabel("code", cur.Code.String())

	k.now = k.now.Add(4 * time.Minute)
	k.tap("finish")
	k.wantScreen("goodbye")
	if rec := k.stored(cur.Code); rec.Status != session.Finished || rec.Duration() != 4*time.Minute {
		t.Fatalf("stored %+v", rec)
	}
	k.advance(GoodbyeFor)
	k.wantScreen("welcome")
}

func TestKeyboardAlone(t *testing.T) {
	k := newKiosk(t)
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantScreen("home")
	k.shell.typedRune('1')
	k.wantScreen("assess.select")
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantScreen("home")

	// Tab to a button, Enter presses it.
	c := k.win.Canvas()
	for i := 0; i < 20 && c.Focused() != k.shell.screen.Buttons["finish"]; i++ {
		c.FocusNext()
	}
	if c.Focused() != k.shell.screen.Buttons["finish"] {
		t.Fatal("Tab never reached Terminer")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantScreen("goodbye")
}

func TestLanguageIsPerVisitor(t *testing.T) {
	k := newKiosk(t)
	k.tap("lang.en")
	k.wantLabel("title", "Hello")
	k.tap("start")
	k.wantLabel("title", "What do you want to do?")
	if cur := k.shell.svc.Sessions.Current(); cur.Lang != "en" {
		t.Fatalf("session language %q", cur.Lang)
	}
	k.tap("finish")
	k.tap("ok")
	k.wantScreen("welcome")
	k.wantLabel("title", "Bonjour")
}

func TestIdleResetAbandonsAndForgets(t *testing.T) {
	k := newKiosk(t)
	k.tap("lang.en")
	test.Tap(k.shell.topBar.buttons["text.2"])
	k.tap("start")
	code := k.shell.svc.Sessions.Current().Code

	k.advance(119 * time.Second)
	k.wantScreen("home")
	k.advance(time.Second)
	k.wantScreen("idle")
	k.wantLabel("countdown", "30")
	k.advance(10 * time.Second)
	k.wantLabel("countdown", "20")

	k.tap("continue")
	k.wantScreen("home")

	k.advance(150 * time.Second)
	k.wantScreen("welcome")
	if k.shell.svc.Sessions.Current() != nil {
		t.Fatal("session still in memory after the idle reset")
	}
	if rec := k.stored(code); rec.Status != session.Abandoned {
		t.Fatalf("status %s, want abandoned", rec.Status)
	}
	if k.shell.lang != "fr" || k.shell.textStep != 0 {
		t.Fatalf("visitor choices kept: lang=%s step=%d", k.shell.lang, k.shell.textStep)
	}
	k.wantLabel("title", "Bonjour")
}

func TestWelcomeNeverTimesOut(t *testing.T) {
	k := newKiosk(t)
	k.advance(time.Hour)
	k.wantScreen("welcome")
}

func typeDigits(k *kiosk, digits string) {
	for _, d := range digits {
		k.tap("digit." + string(d))
	}
	k.tap("ok")
}

func TestMediatorChoosesPINThenEntersIt(t *testing.T) {
	// The code is chosen at the first start (setup_test.go has the rest).
	k := newFreshKiosk(t)
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Choisir un code")

	typeDigits(k, "12")
	k.wantLabel("message", "4 à 8 chiffres")
	typeDigits(k, "4821")
	k.wantLabel("prompt", "2e fois")
	typeDigits(k, "4822")
	k.wantLabel("message", "différents")
	typeDigits(k, "4821")
	typeDigits(k, "4821")
	k.wantScreen("setup.centre")
	k.tap("skip")
	k.tap("skip")
	k.tap("none")
	k.tap("open")
	k.wantScreen("welcome")
	k.tap("start")
	k.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Tapez le code")
	typeDigits(k, "4821")
	k.wantScreen("mediator.menu")

	k.tap("back")
	k.wantScreen("home")

	// Long press on the logo: the touch-only way in.
	var pending func()
	k.shell.topBar.logo.after = func(d time.Duration, f func()) func() {
		if d != LongPress {
			t.Fatalf("long press of %v", d)
		}
		pending = f
		return func() { pending = nil }
	}
	k.shell.topBar.logo.MouseDown(nil)
	k.shell.topBar.logo.MouseUp(nil)
	if pending != nil {
		t.Fatal("a short press still opens the pad")
	}
	k.shell.topBar.logo.MouseDown(nil)
	pending()
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Tapez le code")

	// Digits typed on a physical keyboard work too.
	for _, r := range "4821" {
		k.shell.typedRune(r)
	}
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k.wantScreen("mediator.menu")
	k.tap("quit")
	if !k.quit {
		t.Fatal("Quitter did not quit")
	}
}

func TestPINPadLocksAfterFiveWrongCodes(t *testing.T) {
	k := newKiosk(t)
	if err := k.shell.svc.PIN.Set("4821"); err != nil {
		t.Fatal(err)
	}
	k.shell.openMediator()
	for i := 1; i < pin.MaxTries; i++ {
		typeDigits(k, "0000")
		k.wantLabel("message", "Code faux")
	}
	typeDigits(k, "0000")
	k.wantLabel("message", "Attendez 5 minutes")
	typeDigits(k, "4821")
	k.wantScreen("pinpad")
	k.now = k.now.Add(pin.LockDuration)
	typeDigits(k, "4821")
	k.wantScreen("mediator.menu")
}

func TestCrashInAScreenReturnsToWelcome(t *testing.T) {
	k := newKiosk(t)
	k.tap("start")
	code := k.shell.svc.Sessions.Current().Code
	k.shell.screen.Buttons["assess"].OnTapped = k.shell.act(func() { panic("boom") })
	k.tap("assess")
	k.wantScreen("error")
	if rec := k.stored(code); rec.Status != session.Abandoned {
		t.Fatalf("status %s after a crash, want abandoned", rec.Status)
	}
	k.tap("ok")
	k.wantScreen("welcome")
}
