// Package uitest is the headless kiosk the screen groups' tests drive: a
// whole kiosk (real SQLite file, real espeak-ng, the built-in content
// parsed once per test binary) in a Fyne test window, with a clock the test
// moves by hand, and the table of every visitor screen for the audits.
package uitest

import (
	"context"
	"database/sql"
	_ "embed"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"pasapas/app"
	"pasapas/app/activity"
	"pasapas/app/i18n"
	"pasapas/app/pin"
	"pasapas/app/report"
	"pasapas/app/session"
	"pasapas/app/settings"
	"pasapas/app/speech"
	"pasapas/app/store"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
	"pasapas/printing"
	"pasapas/seeds"
	"pasapas/ui"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/sirupsen/logrus"
)

// Kiosk is a shell in a headless test window, over a real SQLite file and a
// clock the test moves by hand.
type Kiosk struct {
	T     *testing.T
	UI    *ui.Kiosk
	Win   fyne.Window
	Store *store.Store
	// Now is the kiosk's clock.
	Now time.Time
	// Quit is set once the mediator menu's Quitter was pressed.
	Quit bool
	// WavDir receives what the real espeak-ng says, as WAV files.
	WavDir string
}

// PIN is the mediator code of an installed test Kiosk.
const PIN = "4821"

// New is an installed Kiosk: its mediator code was set, as by
// pasapas set-pin, so it opens on the visitors' welcome.
func New(t *testing.T) *Kiosk {
	t.Helper()
	return newWith(t, true, "fr", 0)
}

// NewFresh is a Kiosk at its very first start: no mediator code yet.
func NewFresh(t *testing.T) *Kiosk {
	t.Helper()
	return newWith(t, false, "fr", 0)
}

// testContent is the built-in content, parsed once for the package: every
// Kiosk reads it and none changes it (each gets its own set of
// walkthroughs, which some tests add to).
var testContent = sync.OnceValues(func() (Loaded, error) {
	var c Loaded
	var err error
	if c.Text, err = i18n.Load(seeds.FS); err != nil {
		return c, err
	}
	if c.Questions, err = assessment.Load(seeds.FS, assessment.Dir); err != nil {
		return c, err
	}
	walks, errs := walkthrough.Load(seeds.FS, walkthrough.Dir, content.BuiltIn, walkthrough.Options{}, &content.Report{})
	if len(errs) > 0 {
		return c, errs[0]
	}
	c.Walks = walks
	c.Practice, err = walkthrough.LoadPractice(seeds.FS, walkthrough.PracticeFile)
	return c, err
})

// Loaded is the built-in content as the tests share it.
type Loaded struct {
	Text      *i18n.Catalogue
	Questions *assessment.Bank
	Walks     []*walkthrough.Procedure
	Practice  *walkthrough.Practice
}

// Content is the built-in content, parsed once per test binary; read it,
// never change it.
func Content(t testing.TB) Loaded {
	t.Helper()
	c, err := testContent()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// detectedSpeech is the real espeak-ng, asked for its voices once per
// test binary; each kiosk then writes its own WAV files.
var detectedSpeech = sync.OnceValue(func() *speech.Speaker { return speech.Detect(context.Background(), "") })

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

// Languages are the languages a visitor can choose.
func Languages(t *testing.T) []i18n.Language {
	t.Helper()
	c, err := testContent()
	if err != nil {
		t.Fatal(err)
	}
	return c.Text.Languages()
}

// PINHash is PIN hashed once: argon2id is slow on purpose.
var PINHash = sync.OnceValue(func() string {
	h, err := pin.Hash(PIN)
	if err != nil {
		panic(err)
	}
	return h
})

// testApp is the one headless app of a test binary. Kiosks share it as
// visitors share the real one: each starts from the centre's defaults
// (resetVisitor), and a kiosk whose theme is the one already set leaves it,
// so Fyne keeps the text it measured instead of measuring it all again for
// each of the hundreds of kiosks the audits open.
var testApp = sync.OnceValue(func() fyne.App { return test.NewApp() })

func newWith(t *testing.T, installed bool, lang string, step int) *Kiosk {
	t.Helper()
	k := &Kiosk{T: t, Now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local), WavDir: t.TempDir()}
	a := testApp()
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
	// Codes from a seeded source: the same screens at every run, for the
	// golden files.
	st.DrawCodesFrom(rand.NewChaCha8([32]byte{1}))
	k.Store = st
	c, err := testContent()
	if err != nil {
		t.Fatal(err)
	}
	text, questions := c.Text, c.Questions
	walks := walkthrough.NewSet(c.Walks...)
	walks.Practice = c.Practice
	clock := func() time.Time { return k.Now }
	if installed {
		if err := st.SavePIN(pin.State{Hash: PINHash()}); err != nil {
			t.Fatal(err)
		}
	}
	log := Log(t)
	k.Win = test.NewTempWindow(t, nil)
	k.Win.Resize(fyne.NewSize(1024, 768))
	k.UI = ui.Create(a, k.Win, shell.Services{
		Sessions:        session.NewService(st, "test-Kiosk", clock),
		PIN:             pin.NewGuard(st, clock),
		Text:            text,
		Log:             log,
		Now:             clock,
		IdleTimeout:     120 * time.Second,
		IdleGrace:       30 * time.Second,
		DefaultLang:     lang,
		DefaultTextStep: step,
		Quit:            func() { k.Quit = true },
		Speech:          detectedSpeech().WritingTo(k.WavDir),
		Console:         st,
		Questions:       questions,
		Assessments:     st,
		Walkthroughs:    walks,
		Codes: session.NewCodePad(st, func(now time.Time) time.Time {
			return activity.RetentionCutoff(now, settings.DefaultRetentionDays)
		}, clock),
		Progress: st.Progress,
		SessionView: func(code session.Code) (report.Session, error) {
			return report.Reader{Store: st, Text: text, Questions: k.UI.Svc.Questions, Walkthroughs: k.UI.Svc.Walkthroughs}.Session(context.Background(), code)
		},
	})
	return k
}

// Log is a logger that writes to the test's log.
func Log(t *testing.T) *logrus.Logger {
	log := logrus.New()
	log.SetOutput(Writer(t))
	return log
}

// Writer writes each line it is given to the test's log.
func Writer(t *testing.T) io.Writer { return testWriter{t} }

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func (k *Kiosk) Tap(id string) {
	k.T.Helper()
	b, ok := k.UI.Screen().Buttons[id]
	if !ok {
		k.T.Fatalf("screen %s has no button %q", k.UI.Screen().Name, id)
	}
	test.Tap(b)
}

func (k *Kiosk) WantScreen(name string) {
	k.T.Helper()
	if got := k.UI.Screen().Name; got != name {
		k.T.Fatalf("screen %q, want %q", got, name)
	}
}

func (k *Kiosk) WantLabel(id, want string) {
	k.T.Helper()
	l, ok := k.UI.Screen().Labels[id]
	if !ok {
		k.T.Fatalf("screen %s has no label %q", k.UI.Screen().Name, id)
	}
	if !strings.Contains(l.Text, want) {
		k.T.Fatalf("label %s = %q, want it to contain %q", id, l.Text, want)
	}
}

func (k *Kiosk) Advance(d time.Duration) {
	k.Now = k.Now.Add(d)
	k.UI.Tick()
}

func (k *Kiosk) Stored(code session.Code) session.Record {
	k.T.Helper()
	rec, err := k.Store.SessionByCode(context.Background(), code)
	if err != nil {
		k.T.Fatal(err)
	}
	return rec
}

func TypeDigits(k *Kiosk, digits string) {
	for _, d := range digits {
		k.Tap("digit." + string(d))
	}
	k.Tap("ok")
}

// PrintWith makes the Kiosk print through p with the real summary code:
// the stored session, rendered, handed to a real printer.
func (k *Kiosk) PrintWith(p printing.Printer) {
	k.T.Helper()
	c, _, err := app.LoadContent(k.T.TempDir())
	if err != nil {
		k.T.Fatal(err)
	}
	k.UI.Svc.PrintSummary = func(code session.Code) error {
		return app.PrintSummaryWith(context.Background(), k.Store, c, p, code)
	}
}

// WaitPrint waits for the background print to finish and its screen to show.
func (k *Kiosk) WaitPrint() { k.UI.Wait() }

// Gate holds a print until released, to see the screen while it runs.
type Gate struct {
	printing.Printer
	open chan struct{}
}

// Release lets the held print go.
func (g Gate) Release() { close(g.open) }

func (g Gate) Print(ctx context.Context, pdf []byte, title string) error {
	<-g.open
	return g.Printer.Print(ctx, pdf, title)
}

func NewGate(k *Kiosk, p printing.Printer) Gate {
	g := Gate{Printer: p, open: make(chan struct{})}
	k.T.Cleanup(func() {
		select {
		case <-g.open:
		default:
			close(g.open)
		}
		k.WaitPrint()
	})
	return g
}

// OpenQuestion starts a session and opens the assessment at question id,
// as if the questions before it had been passed (without storing those
// passes: the screen audits open every question in every language).
func (k *Kiosk) OpenQuestion(id string) {
	k.T.Helper()
	k.Tap("start")
	if !k.UI.Assess.StartAt(id) {
		k.T.Fatalf("question %s never came", id)
	}
}

func (k *Kiosk) OpenResult() {
	k.Tap("start")
	k.UI.Assess.ShowResult(k.UI.Svc.Questions.Score(HandMade()))
}

func (k *Kiosk) OpenShortResult() {
	k.Tap("start")
	k.UI.Assess.ShowResult(k.UI.Svc.Questions.Score([]assessment.Answer{{Item: "screen.pointer", Code: "no"}}))
}

// FocusOn presses Tab until o has the keyboard focus.
func (k *Kiosk) FocusOn(o fyne.Focusable) {
	k.T.Helper()
	c := k.Win.Canvas()
	for i := 0; i < 60 && c.Focused() != o; i++ {
		c.FocusNext()
	}
	if c.Focused() != o {
		k.T.Fatalf("Tab never reached %T on %s", o, k.UI.Screen().Name)
	}
}

func (k *Kiosk) Key(name fyne.KeyName) {
	if f := k.Win.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
		return
	}
	k.TypeKey(&fyne.KeyEvent{Name: name})
}

// TypeKey and TypeRune reach the window as a keyboard would with no
// widget focused: the screen's own keys, Escape for its way back.
func (k *Kiosk) TypeKey(ev *fyne.KeyEvent) { k.Win.Canvas().OnTypedKey()(ev) }
func (k *Kiosk) TypeRune(r rune)           { k.Win.Canvas().OnTypedRune()(r) }

// Answers are the answer events stored for the open session.
func (k *Kiosk) Answers() map[string]assessment.Answer {
	k.T.Helper()
	cur := k.UI.Svc.Sessions.Current()
	events, err := k.Store.Events(context.Background(), cur.ID)
	if err != nil {
		k.T.Fatal(err)
	}
	out := map[string]assessment.Answer{}
	for _, e := range events {
		if a, _, ok := assessment.AnswerFromPayload(e.Payload); ok && e.Kind == assessment.EventAnswer {
			out[a.Item] = a
		}
	}
	return out
}

func (k *Kiosk) WantAnswer(item, code, via string) assessment.Answer {
	k.T.Helper()
	a, ok := k.Answers()[item]
	if !ok || a.Code != code || a.Via != via {
		k.T.Fatalf("%s: stored %+v, want code %s via %q", item, a, code, via)
	}
	return a
}

// OpenQuestionHere passes questions until id is on screen.
func (k *Kiosk) OpenQuestionHere(id string) {
	k.T.Helper()
	want, _ := k.UI.Svc.Questions.Item(id)
	for i := 0; i < 40; i++ {
		if l := k.UI.Screen().Labels["question"]; l != nil && l.Text == k.UI.Assess.QuestionText(want) {
			return
		}
		k.Tap("skip")
	}
	k.T.Fatalf("question %s never came", id)
}

// HandMade is a visitor who manages some things and not others.
func HandMade() []assessment.Answer {
	return []assessment.Answer{
		{Item: "device.tap", Code: assessment.OutcomeOK, Via: assessment.ViaPointer},
		{Item: "device.doubleclick", Code: assessment.OutcomeHard, Misses: 3},
		{Item: "web.search", Code: assessment.AnswerAlone},
		{Item: "comm.email", Code: assessment.AnswerCannot},
		{Item: "proc.account", Code: assessment.AnswerHelped},
		{Item: "safe.sms", Code: "pay"},
		{Item: "needs", Code: assessment.Chosen, Needs: []string{"caf", "impots"}},
	}
}

// Find returns the laid-out objects of the screen of type T.
func Find[T fyne.CanvasObject](k *Kiosk) []T {
	var out []T
	for _, o := range test.LaidOutObjects(k.Win.Content()) {
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

func One[T fyne.CanvasObject](k *Kiosk) T {
	k.T.Helper()
	all := Find[T](k)
	if len(all) != 1 {
		k.T.Fatalf("%d objects of type %T on %s, want 1", len(all), *new(T), k.UI.Screen().Name)
	}
	return all[0]
}

// OpenWalk starts a session and opens procedure id from the list.
func OpenWalk(k *Kiosk, id string) {
	k.T.Helper()
	if k.UI.Screen().Name == "welcome" {
		k.Tap("start")
	}
	k.Tap("guide")
	for range k.UI.Svc.Walkthroughs.All() { // at worst one a page
		if _, ok := k.UI.Screen().Buttons["proc."+id]; ok {
			k.Tap("proc." + id)
			return
		}
		k.Tap("page.next")
	}
	k.T.Fatalf("procedure %s is on no page (%s)", id, k.UI.Lang())
}

// TapOnChecklist turns the checklist's pages until button id is on one,
// and taps it: at larger text a document may be on a later page.
func TapOnChecklist(k *Kiosk, id string) {
	k.T.Helper()
	for k.UI.Screen().Buttons[id] == nil && k.UI.Screen().Buttons["next"] != nil {
		k.Tap("next")
	}
	k.Tap(id)
}

// StartWalk leaves the checklist, if the procedure has one, for step 1.
func StartWalk(k *Kiosk) {
	k.T.Helper()
	for k.UI.Screen().Name == "walk.check" {
		if _, ok := k.UI.Screen().Buttons["next"]; ok {
			k.Tap("next")
			continue
		}
		k.Tap("start")
	}
}

// WalkToEnd presses "Suite" and "C'est fait" until the end screen.
func WalkToEnd(k *Kiosk) {
	k.T.Helper()
	for range walkthrough.MaxSteps {
		if k.UI.Screen().Name == "walk.end" {
			return
		}
		NextStep(k)
	}
	k.WantScreen("walk.end")
}

// NextStep turns the pages of the step on screen, then presses "C'est
// fait".
func NextStep(k *Kiosk) {
	k.T.Helper()
	for range 4 {
		if _, ok := k.UI.Screen().Buttons["more"]; !ok {
			break
		}
		k.Tap("more")
	}
	k.Tap("done")
}

func WantEvents(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

//go:embed testdata/walkthroughs/pre-demande.yaml
var preDemande []byte

// LaterProcedure is testdata/walkthroughs/pre-demande.yaml: a procedure
// with a site and documents to bring to the appointment.
func LaterProcedure(t testing.TB) *walkthrough.Procedure {
	p, err := walkthrough.Parse("pre-demande.yaml", preDemande, walkthrough.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// OpenLater opens the test procedure with documents to bring later.
func OpenLater(k *Kiosk) {
	k.Tap("start")
	k.UI.Svc.Walkthroughs.Put(LaterProcedure(k.T))
	k.UI.Walk.OpenProcedure(k.UI.Svc.Walkthroughs.Get("pre-demande"))
}

// events returns the session's walkthrough events as "kind proc step key=value…".
func (k *Kiosk) WalkEvents(code session.Code) []string {
	k.T.Helper()
	rec := k.Stored(code)
	evs, err := k.Store.Events(context.Background(), rec.ID)
	if err != nil {
		k.T.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if !strings.HasPrefix(e.Kind, "walk.") {
			continue
		}
		line := e.Kind
		for _, key := range []string{"proc", "step", "doc", "outcome", "secs", "practice", "hints"} {
			if v, ok := e.Payload[key]; ok {
				line += " " + key + "=" + v
			}
		}
		out = append(out, line)
	}
	return out
}

func (k *Kiosk) DumpEvents() string {
	k.T.Helper()
	db, err := sql.Open("sqlite3", k.Store.Path())
	if err != nil {
		k.T.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT kind || payload FROM events`)
	if err != nil {
		k.T.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		rows.Scan(&s)
		b.WriteString(s)
	}
	return b.String()
}

func (k *Kiosk) MediatorShortcut() {
	k.Win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt})
}

func (k *Kiosk) Setting(key string) string {
	k.T.Helper()
	v, err := k.Store.Setting(context.Background(), key, "")
	if err != nil {
		k.T.Fatal(err)
	}
	return v
}

// Wavs counts the utterances espeak-ng has written so far.
func (k *Kiosk) Wavs() int {
	files, _ := filepath.Glob(filepath.Join(k.WavDir, "*.wav"))
	return len(files)
}

// WaitSilent waits for the voice to finish by itself.
func (k *Kiosk) WaitSilent() {
	k.T.Helper()
	for deadline := time.Now().Add(20 * time.Second); k.UI.Svc.Speech.Speaking(); {
		if time.Now().After(deadline) {
			k.T.Fatal("still speaking after 20 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (k *Kiosk) Bar(id string) *kit.Button {
	k.T.Helper()
	b, ok := k.UI.TopBar()[id]
	if !ok {
		k.T.Fatalf("the top bar has no button %q", id)
	}
	return b
}

// ShownObjects lists the visible objects under o as the window drew them.
// test.LaidOutObjects is not used: it makes new renderers, which lose the
// top bar's theme override and measure other objects than those on screen.
func ShownObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	case *fyne.Container:
		children = c.Objects
	}
	for _, child := range children {
		out = append(out, ShownObjects(child)...)
	}
	return out
}

// NewIn is a Kiosk whose visitor chose lang on the welcome screen.
func NewIn(t *testing.T, lang string) *Kiosk {
	k := New(t)
	if lang != k.UI.Lang() {
		k.Tap("lang." + lang)
	}
	return k
}

// NewAt is an installed kiosk whose visitors start in lang at text step:
// the screen audits' kiosk, set up as a centre would rather than by taps.
func NewAt(t *testing.T, lang string, step int) *Kiosk {
	t.Helper()
	return newWith(t, true, lang, step)
}

func ScreenNames() []string {
	names := make([]string, 0, len(VisitorScreens))
	for n := range VisitorScreens {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// WritePNG writes what the window shows to path, for a person to look at.
func WritePNG(t *testing.T, path string, k *Kiosk) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	settle(k)
	if err := png.Encode(f, k.Win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// settle lays the window out once more at its size, as the real driver
// does on the next frame: a wrapping label knows its height only once its
// width is set, which the headless canvas never lays out again for.
func settle(k *Kiosk) {
	size := k.Win.Canvas().Size()
	k.Win.Resize(size.SubtractWidthHeight(0, 1))
	k.Win.Resize(size)
}

// FitsWhole fails when the screen on display needs more than 1024×768 or
// cuts a label.
func FitsWhole(t *testing.T, k *Kiosk, where string) {
	t.Helper()
	k.Win.Resize(fyne.NewSize(1024, 768))
	settle(k)
	if min := k.Win.Content().MinSize(); min.Width > 1024 || min.Height > 768 {
		t.Errorf("%s needs %.0f×%.0f, more than 1024×768", where, min.Width, min.Height)
	}
	for _, o := range ShownObjects(k.Win.Content()) {
		if l, ok := o.(*kit.Label); ok && l.Visible() && l.Text != "" {
			if l.Size().Width < l.MinSize().Width-0.5 || l.Size().Height < l.MinSize().Height-0.5 {
				t.Errorf("%s: label %q cut", where, l.Text)
			}
		}
	}
}

// Marker is text a visitor might type; it must never reach a log, the
// database, an export or a printout.
const Marker = "MarqueurVisiteurZQXJW"

// Pictured tells whether the screen tests write pictures of a language for
// people to look at: the reference, right to left, and Ukrainian, the
// longest texts. The others are checked all the same; a picture of every
// screen in every language cost a quarter of the tests' time.
func Pictured(l i18n.Language) bool { return l.Reference || l.RightToLeft || l.Code == "uk" }

// EarlierVisit stores a finished visit of daysAgo days before the kiosk's
// clock: the HandMade self-assessment, then the CAF walkthrough left at
// its third step, stuck there, lacking its first document. It returns the
// visit's code, the one on the visitor's paper.
func (k *Kiosk) EarlierVisit(daysAgo int) session.Code {
	k.T.Helper()
	at := k.Now.AddDate(0, 0, -daysAgo)
	svc := session.NewService(k.Store, "test-Kiosk", func() time.Time { at = at.Add(time.Minute); return at })
	rec, err := svc.Start("fr")
	if err != nil {
		k.T.Fatal(err)
	}
	ctx := context.Background()
	if err := k.Store.SaveAssessment(ctx, rec.ID, k.UI.Svc.Questions.Score(HandMade())); err != nil {
		k.T.Fatal(err)
	}
	caf := k.UI.Svc.Walkthroughs.Get("caf")
	for _, ev := range []func() (string, map[string]string){
		func() (string, map[string]string) { return walkthrough.Started("caf") },
		func() (string, map[string]string) { return walkthrough.Missing("caf", caf.Bring[0].Code) },
		func() (string, map[string]string) {
			return walkthrough.Stuck("caf", caf.Steps[2].ID, 90, walkthrough.StuckMediator)
		},
	} {
		if err := svc.Record(ev()); err != nil {
			k.T.Fatal(err)
		}
	}
	if err := svc.Finish(); err != nil {
		k.T.Fatal(err)
	}
	return rec.Code
}

// TypeCode types code on the returning visitor's pad, the first half by
// touch and the rest on the keyboard in lower case, and validates it.
func (k *Kiosk) TypeCode(code string) {
	k.T.Helper()
	typed := strings.ReplaceAll(code, "-", "")
	for i, r := range typed {
		if i < len(typed)/2 {
			k.Tap("key." + string(r))
		} else {
			k.TypeRune(unicode.ToLower(r))
		}
	}
	k.Tap("ok")
}
