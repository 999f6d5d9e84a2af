package ui

import (
	"context"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"net"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/app/health"
	"pasapas/app/session"
	"pasapas/app/settings"
	kiosksync "pasapas/app/sync"
	"pasapas/assessment"
	"pasapas/assessment/content"
	"pasapas/assessment/walkthrough"
)

// consoleScreens open each console screen over simulated sessions.
var consoleScreens = map[string]func(k *kiosk){
	"sessions": func(k *kiosk) { k.simulate(40); k.shell.showSessions(nil) },
	"session":  func(k *kiosk) { k.simulate(40); k.shell.showSession(k.firstListed(), nil) },
	"events":   func(k *kiosk) { k.simulate(40); k.shell.showSession(k.firstListed(), nil); k.tap("events") },
	"delete":   func(k *kiosk) { k.simulate(40); k.shell.showSession(k.firstListed(), nil); k.tap("delete") },
	"stats":    func(k *kiosk) { k.simulate(400); k.shell.showStats(statsPeriods[1], 0) },
	"stats365": func(k *kiosk) { k.simulate(400); k.shell.showStats(statsPeriods[3], 0) },
	"walks":    func(k *kiosk) { k.simulate(400); k.shell.showStats(statsPeriods[1], 1) },
	"themes":   func(k *kiosk) { k.simulate(400); k.shell.showStats(statsPeriods[1], 99) },
	"export":   func(k *kiosk) { k.shell.showExport(statsPeriods[1], activity.FormatCSV, "/media/usb") },
	"settings": func(k *kiosk) { k.shell.showSettings() },
	"network":  func(k *kiosk) { k.shell.showNetwork() },
	"places": func(k *kiosk) {
		k.shell.importPlaces(k.placesFile())
		k.shell.showPlaces(0)
	},
	"placeserrors": func(k *kiosk) { k.shell.importPlaces(k.brokenPlacesFile()) },
	"placesreport": func(k *kiosk) { k.shell.importPlaces(k.spreadsheetPlacesFile()) },
	"content": func(k *kiosk) {
		k.shell.svc.ContentReport = sampleReport()
		k.shell.svc.Health = health.NewBoard(func() time.Time { return k.now })
		k.shell.svc.Health.Raise(health.DatabaseMovedAside, "pasapas.db.abime-20261123-0950")
		k.shell.svc.Health.Raise(health.ContentStale, "CAF : déclaration trimestrielle (walkthroughs/04-caf.yaml, vérifiée le 23/11/2025)")
		k.shell.showContentStatus(0)
	},
	"content-walks": func(k *kiosk) {
		k.shell.svc.ContentReport = sampleReport()
		k.now = k.now.AddDate(1, 0, 1) // every built-in check is then over a year old
		k.shell.showContentStatus(0)
	},
}

// TestConsoleScreensFit checks every console screen fits 1024×768 with
// nothing cut, whatever text size the visitor before left. It walks the
// rendered tree as it is: test.LaidOutObjects would rebuild the renderers
// and lose the console's theme override.
func TestConsoleScreensFit(t *testing.T) {
	for name, open := range consoleScreens {
		k := newKiosk(t)
		k.shell.SetTextStep(len(TextSteps) - 1)
		open(k)
		k.win.Resize(fyne.NewSize(1024, 768))
		if min := k.win.Content().MinSize(); min.Width > 1024 || min.Height > 768 {
			t.Errorf("%s needs %.0f×%.0f, more than 1024×768", name, min.Width, min.Height)
		}
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			if !o.Visible() {
				return
			}
			switch x := o.(type) {
			case *widget.Label:
				if x.Text != "" && x.Wrapping == fyne.TextWrapOff && x.Truncation == fyne.TextTruncateOff && x.Size().Width < x.MinSize().Width-0.5 {
					t.Errorf("%s: label %q cut (%.0f < %.0f)", name, x.Text, x.Size().Width, x.MinSize().Width)
				}
			case *fyne.Container:
				for _, c := range x.Objects {
					walk(c)
				}
				return
			}
			if w, ok := o.(fyne.Widget); ok {
				if r := test.WidgetRenderer(w); r != nil {
					for _, c := range r.Objects() {
						walk(c)
					}
				}
			}
		}
		walk(k.win.Content())
	}
}

// TestConsoleScreenshots writes a picture of every console screen to
// $PASAPAS_ARTEFACTS/ui/.
func TestConsoleScreenshots(t *testing.T) {
	dir := os.Getenv("PASAPAS_ARTEFACTS")
	if dir == "" {
		t.Skip("PASAPAS_ARTEFACTS not set")
	}
	screens := map[string]func(k *kiosk){}
	for name, open := range consoleScreens {
		screens["console."+name] = open
	}
	writeScreenshots(t, filepath.Join(dir, "ui"), screens)
}

func sampleReport() *content.Report {
	r := &content.Report{}
	r.Add("languages.yaml", content.BuiltIn, nil)
	r.Add("questions/30-device.yaml", content.BuiltIn, nil)
	r.Add("walkthroughs/caf.yaml", content.Centre, &content.Error{File: "walkthroughs/caf.yaml", Line: 12, Field: "steps", Msg: "a step needs an instruction"})
	return r
}

// simulate stores n plausible sessions of the last 30 days.
func (k *kiosk) simulate(n int) {
	k.t.Helper()
	sim := activity.NewSimulator(rand.New(rand.NewPCG(1, 2)), activity.LastDays(k.now, 30), "borne-1", k.shell.svc.Questions, k.shell.svc.Walkthroughs)
	if err := k.store.Simulate(context.Background(), sim, n); err != nil {
		k.t.Fatal(err)
	}
}

func (k *kiosk) firstListed() (code session.Code) {
	k.t.Helper()
	page, err := k.store.ListSessions(context.Background(), activity.Cursor{}, 1)
	if err != nil || len(page.Sessions) == 0 {
		k.t.Fatal("no session listed", err)
	}
	return page.Sessions[0].Code
}

// entries are the text fields on screen, in layout order.
func (k *kiosk) entries() []*widget.Entry {
	var out []*widget.Entry
	for _, o := range test.LaidOutObjects(k.win.Content()) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	}
	return out
}

func (k *kiosk) disabled(id string) bool {
	k.t.Helper()
	b, ok := k.shell.screen.Buttons[id]
	if !ok {
		k.t.Fatalf("screen %s has no button %q", k.shell.screen.Name, id)
	}
	return b.Disabled()
}

func openConsole(t *testing.T) *kiosk {
	k := newKiosk(t)
	if err := k.shell.svc.PIN.Set("4821"); err != nil {
		t.Fatal(err)
	}
	k.shell.openMediator()
	typeDigits(k, "4821")
	k.wantScreen("mediator.menu")
	return k
}

func TestConsoleSessionsPagesSearchesAndDeletes(t *testing.T) {
	k := openConsole(t)
	k.simulate(25)
	k.tap("sessions")
	k.wantScreen("mediator.sessions")
	if _, ok := k.shell.screen.Buttons["open.9"]; !ok || !k.disabled("newer") {
		t.Fatal("the first page does not show 10 sessions, newest first")
	}
	k.tap("older")
	k.tap("older")
	k.wantLabel("page", "3")
	if _, ok := k.shell.screen.Buttons["open.5"]; ok || !k.disabled("older") {
		t.Fatal("the last page should hold the 5 oldest sessions and end the list")
	}
	k.tap("newer")
	k.wantLabel("page", "2")

	// A code typed any way finds its session.
	code := k.firstListed()
	search := k.entries()[0]
	search.SetText("zz")
	k.tap("find")
	k.wantLabel("message", "6 caractères")
	search.SetText("ABC-DEF")
	k.tap("find")
	k.wantLabel("message", "Aucune session")
	search.SetText(strings.ToLower(string(code)))
	k.tap("find")
	k.wantScreen("mediator.session")
	k.wantLabel("title", code.String())
	if !k.disabled("reprint") {
		t.Fatal("Réimprimer is offered without a printer service")
	}

	k.tap("events")
	k.wantScreen("mediator.events")
	k.tap("session")
	k.tap("delete")
	k.wantScreen("mediator.session.delete")
	k.tap("no")
	k.wantScreen("mediator.session")
	k.tap("delete")
	k.tap("yes")
	k.wantScreen("mediator.sessions")
	k.wantLabel("message", "supprimée")
	if _, err := k.store.Summary(context.Background(), code); !errors.Is(err, activity.ErrNotFound) {
		t.Fatalf("the deleted session is still stored: %v", err)
	}
	k.shell.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.wantScreen("mediator.menu")
}

func TestConsoleReprintUsesThePrinter(t *testing.T) {
	k := openConsole(t)
	k.simulate(3)
	var printed session.Code
	k.shell.svc.PrintSummary = func(c session.Code) error { printed = c; return nil }
	code := k.firstListed()
	k.shell.showSession(code, nil)
	k.tap("reprint")
	k.waitPrint()
	k.wantLabel("result", "imprimante")
	if printed != code {
		t.Fatalf("printed %q, want %q", printed, code)
	}
}

func TestConsoleStatsShowPeriodsAndWalkthroughs(t *testing.T) {
	k := openConsole(t)
	k.simulate(200)
	k.tap("stats")
	k.wantScreen("mediator.stats")
	k.wantLabel("total", "200 sessions")
	k.tap("period.7")
	st, _ := k.store.Stats(context.Background(), activity.LastDays(k.now, 7))
	k.wantLabel("total", strconv.Itoa(st.Sessions)+" sessions")
	if k.disabled("next") {
		t.Fatal("no page of walkthroughs")
	}
	k.tap("next")
	k.wantLabel("walk.0", "commencées")
	k.tap("prev")
	k.wantLabel("mean", "Moyenne")
	k.tap("period.month")
	k.wantLabel("total", "au lundi 30 novembre 2026")
	if !k.disabled("later") {
		t.Fatal("a period in the future is offered")
	}
	k.tap("earlier")
	k.wantLabel("total", "du jeudi 1 octobre 2026 au samedi 31 octobre 2026")
}

func TestConsoleExportsToTheChosenFolder(t *testing.T) {
	k := openConsole(t)
	k.simulate(30)
	k.tap("export")
	k.wantScreen("mediator.export")
	k.wantLabel("span", "Du jeudi 1 octobre 2026 au samedi 31 octobre 2026")
	if !k.disabled("export") {
		t.Fatal("export offered before a folder is chosen")
	}
	dir := t.TempDir()
	// As the folder dialog does once a folder is picked.
	k.shell.showExport(statsPeriods[1], activity.FormatCSV, dir)
	k.tap("format.json")
	k.tap("period.all")
	k.wantLabel("folder", dir)
	k.tap("export")
	k.wantLabel("result", "30 sessions exportées")
	files, _ := filepath.Glob(filepath.Join(dir, "pasapas-activite-tout.json"))
	if len(files) != 1 {
		t.Fatalf("files in the folder: %v", files)
	}
	k.shell.showExport(statsPeriods[1], activity.FormatCSV, filepath.Join(dir, "gone"))
	k.tap("export")
	k.wantLabel("result", "échoué")
}

func TestConsoleSettingsAreStoredAndChecked(t *testing.T) {
	k := openConsole(t)
	k.tap("settings")
	k.wantScreen("mediator.settings")
	e := k.entries()
	// Centre name, address, hours, kiosk id, idle, printer, retention.
	if len(e) != 7 || e[6].Text != "90" {
		t.Fatalf("%d fields, retention %q", len(e), e[6].Text)
	}
	e[0].SetText("France Services de Die")
	e[6].SetText("0")
	k.tap("save")
	k.wantLabel("message", "Conservation (jours) : « 0 » : un nombre entier de 1 à 3650")
	if v, _ := k.store.Setting(context.Background(), settings.CentreName, ""); v != "" {
		t.Fatal("a refused form was partly saved")
	}
	e[6].SetText("30")
	e[4].SetText("20")
	k.tap("save")
	k.wantLabel("message", "de 30 à 3600")
	e[4].SetText("180")
	k.tap("save")
	k.wantLabel("message", "enregistrés")
	for key, want := range map[string]string{settings.CentreName: "France Services de Die", settings.RetentionDays: "30", settings.IdleSeconds: "180", settings.Language: "fr", settings.TextStep: "0"} {
		if v, _ := k.store.Setting(context.Background(), key, ""); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}

	// Sessions of the last 30 days, then a purge keeping 10.
	k.simulate(50)
	e[6].SetText("10")
	k.tap("purge")
	k.wantLabel("message", "de plus de 10 jours supprimées")
	k.store.EachSummary(context.Background(), activity.LastDays(k.now, 60).Start(), activity.RetentionCutoff(k.now, 10), func(s activity.Summary) error {
		t.Fatalf("session of %s kept", s.Started)
		return nil
	})

	k.tap("pin")
	k.wantScreen("pinpad")
	k.wantLabel("prompt", "Choisir un code")
}

func TestConsoleShowsAlertsAndRefusedContent(t *testing.T) {
	k := newKiosk(t)
	k.shell.svc.ContentReport = sampleReport()
	k.shell.svc.Health = health.NewBoard(func() time.Time { return k.now })
	k.shell.svc.Health.Raise(health.DiskFull, "")
	k.shell.showMediatorMenu()
	k.wantLabel("warning", "2 problèmes")
	k.tap("content")
	k.wantScreen("mediator.content")
	k.wantLabel("alert.0", "Le disque est plein")
	k.wantLabel("rejected.1", "walkthroughs/caf.yaml:12: steps: a step needs an instruction")
	k.wantLabel("summary", "1 alertes. 3 fichiers de contenu, dont 1 refusés")
	k.tap("dismiss.0")
	k.wantLabel("summary", "0 alertes")
	if k.shell.svc.Health.Has(health.DiskFull) {
		t.Fatal("the alert read stays on the board")
	}
}

// TestConsoleListsWalkthroughsWithTheirCheckDay: Contenu lists every
// walkthrough with the day it was checked and whose file it is, the oldest
// first and marked when over 12 months old (by the kiosk's clock), with the
// board's alert about it.
func TestConsoleListsWalkthroughsWithTheirCheckDay(t *testing.T) {
	k := newKiosk(t)
	k.now = time.Date(2026, 12, 2, 9, 0, 0, 0, time.Local)
	old := &walkthrough.Procedure{ID: "mairie", Title: walkthrough.Text{"fr": "Mairie : listes électorales"}, File: "walkthroughs/mairie.yaml",
		Origin: content.Centre, Source: walkthrough.Source{URL: "https://www.service-public.gouv.fr/", Checked: "2025-11-30"},
		Steps: []walkthrough.Step{{ID: "one"}}}
	k.shell.svc.Walkthroughs.Put(old)
	k.shell.svc.Health = health.NewBoard(func() time.Time { return k.now })
	k.shell.svc.Health.Raise(health.ContentStale, "Mairie : listes électorales (walkthroughs/mairie.yaml, vérifiée le 30/11/2025)")
	k.shell.showContentStatus(0)
	k.wantLabel("alert.0", "plus de 12 mois : Mairie : listes électorales (walkthroughs/mairie.yaml, vérifiée le 30/11/2025)")
	k.wantLabel("walk.mairie", "À revoir (plus de 12 mois) · 30/11/2025 · Mairie : listes électorales · du lieu, mairie.yaml")
	if k.shell.screen.Labels["walk.mairie"].Importance != widget.DangerImportance {
		t.Error("the stale walkthrough is not marked")
	}
	caf := k.shell.svc.Walkthroughs.Get("caf")
	k.tap("next")
	k.wantLabel("walk.caf", caf.CheckedOn().Format("02/01/2006")+" · "+caf.Title.In("fr")+" · intégré, "+path.Base(caf.File))
	// The oldest check comes first.
	k.tap("prev")
	var rows []string
	for _, o := range shownObjects(k.win.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, " · ") {
			rows = append(rows, l.Text)
		}
	}
	if len(rows) == 0 || !strings.Contains(rows[0], "Mairie") {
		t.Errorf("rows %q", rows)
	}
}

func TestConsoleQuitsAndRestarts(t *testing.T) {
	k := openConsole(t)
	if _, ok := k.shell.screen.Buttons["restart"]; ok {
		t.Fatal("Redémarrer shown without a restart service")
	}
	restarted := false
	k.shell.svc.Restart = func() { restarted = true }
	k.shell.showMediatorMenu()
	k.tap("restart")
	if !restarted {
		t.Fatal("Redémarrer did nothing")
	}
}

// placesFile is a directory of three places: the standard's own example
// and two more in its format, written the French spreadsheet way.
func (k *kiosk) placesFile() string {
	data, err := os.ReadFile("../app/directory/testdata/exemple-valide.csv")
	if err != nil {
		k.t.Fatal(err)
	}
	extra := `"fs-die","13002526500013","France Services du Diois","Die","26150","26113","1 rue Camille Buffardel","","","","","+33475220000","","","Mo-Fr 08:30-12:00","","","","Fixe","","2024-05-01","Aide aux démarches administratives","","","Gratuit","France Services","","","Se présenter","Accompagnement individuel","",""` + "\r\n" +
		`"epn-die","13002526500021","Espace public numérique de Die","Die","26150","26113","2 place de l'Évêché","","","","","","","","Tu,Th 14:00-18:00","","","","Fixe","","2024-05-01","Accès internet et matériel informatique|Maîtrise des outils numériques du quotidien","Seniors","","Gratuit","Conseillers numériques","","","Se présenter","En autonomie|Dans un atelier collectif","",""` + "\r\n"
	return k.placesCSV("lieux.csv", string(data)+extra)
}

// placesCSV writes a directory file named name and returns its path.
func (k *kiosk) placesCSV(name, csv string) string {
	path := filepath.Join(k.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		k.t.Fatal(err)
	}
	return path
}

// brokenPlacesFile has a bad postcode on line 2 and no name on line 3:
// no place can be kept.
func (k *kiosk) brokenPlacesFile() string {
	return k.placesCSV("lieux-faux.csv", "id;pivot;nom;commune;code_postal;adresse;date_maj\n"+
		"a;12345678900012;EPN;Die;2615x;1 rue;2024-05-01\n"+
		"b;12345678900012;;Die;26150;2 rue;2024-05-01\n")
}

// spreadsheetPlacesFile went through a French spreadsheet: Windows-1252,
// a code postal without its zero, a decimal comma, a row without a name.
func (k *kiosk) spreadsheetPlacesFile() string {
	return k.placesCSV("lieux-tableur.csv", "id;pivot;nom;commune;code_postal;adresse;date_maj;latitude;longitude;services\r\n"+
		"gap;12345678900012;M\xe9diath\xe8que de Gap;Gap;5000;1 rue Colonel Roux;11/05/2023;44,5594;6,0786;Aide aux d\xe9marches administratives\r\n"+
		"b;12345678900012;;Gap;05000;2 rue;2024-05-01;;;\r\n")
}

func TestConsoleImportsTheLocalDirectory(t *testing.T) {
	k := openConsole(t)
	k.tap("places")
	k.wantScreen("mediator.places")
	k.wantLabel("empty", "Aucun lieu")
	k.wantLabel("position", "Position du lieu non réglée")
	// As the file dialog does once a file is picked.
	k.shell.importPlaces(k.placesFile())
	k.wantScreen("mediator.places")
	k.wantLabel("count", "3 lieux importés")
	k.wantLabel("place.0", "Anonymal")
	k.wantLabel("serves.1", "Autonome, À former")
	k.wantLabel("serves.2", "À accompagner, Faire pour")

	k.shell.importPlaces(k.brokenPlacesFile())
	k.wantScreen("mediator.places.errors")
	k.wantLabel("summary", "aucun lieu utilisable : 2 lignes refusées")
	k.wantLabel("error.0", "lieux-faux.csv:2: code_postal: « 2615x »")
	k.wantLabel("error.1", "lieux-faux.csv:3: nom: vide")
	k.tap("places")
	k.wantLabel("count", "3 lieux")
	got, _ := k.store.PlacesFor(context.Background(), "faire_pour")
	if len(got) != 2 {
		t.Fatalf("%d places for faire_pour after a refused import, want 2", len(got))
	}

	// The centre picks its own entry: position, commune and codes.
	k.tap("ours.0")
	k.wantLabel("message", "pris de « Anonymal »")
	for key, want := range map[string]string{settings.CentrePosition: "43.52609,5.41423", settings.CentreCommune: "Reims",
		settings.CentrePostCode: "51100", settings.CentreINSEE: "51454", settings.CentreName: "Anonymal"} {
		if v, _ := k.store.Setting(context.Background(), key, ""); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}
	// Places without a position come after, at no distance.
	k.wantLabel("place.0", "Anonymal")

	k.shell.importPlaces(k.spreadsheetPlacesFile())
	k.wantScreen("mediator.places.report")
	k.wantLabel("summary", "1 lieux gardés")
	k.wantLabel("note.0", "Windows-1252")
	k.wantLabel("error.0", "lieux-tableur.csv:3: nom: vide")
	k.tap("places")
	k.wantLabel("place.0", "Médiathèque de Gap")
}

func TestConsoleNamesProceduresStepsAndDocuments(t *testing.T) {
	k := openConsole(t)
	svc := k.shell.svc.Sessions
	rec, err := svc.Start("fr")
	if err != nil {
		t.Fatal(err)
	}
	record := func(kind string, p session.Payload) {
		if err := svc.Record(kind, p); err != nil {
			t.Fatal(err)
		}
	}
	record(assessment.EventAnswer, assessment.Answer{Item: "device.tap", Code: assessment.OutcomeOK}.Payload(assessment.Tap))
	record(assessment.EventAnswer, assessment.Answer{Item: "device.doubleclick", Code: assessment.OutcomeHard}.Payload(assessment.DoubleClick))
	record(walkthrough.Started("caf"))
	record(walkthrough.Missing("caf", "nir"))
	record(walkthrough.Stuck("caf", "open", 40, walkthrough.StuckMediator))
	if err := svc.Finish(); err != nil {
		t.Fatal(err)
	}
	k.shell.showSession(rec.Code, nil)
	k.wantLabel("walk.0", "CAF")
	k.wantLabel("walk.0", "Étape 2 sur 8 : Ouvrir la déclaration")
	k.wantLabel("walk.0", "Votre numéro de sécurité sociale")
	k.wantLabel("exercises", "Touche ou clique avec précision. Le double-clic est difficile.")

	// Statistics of simulated sessions name procedures and steps the same way.
	k.simulate(100)
	k.shell.showMediatorMenu()
	k.tap("stats")
	k.tap("next")
	head := k.shell.screen.Labels["walk.0"].Text
	named := false
	for _, p := range k.shell.svc.Walkthroughs.All() {
		named = named || strings.HasPrefix(head, p.Title.In("fr"))
	}
	if !named {
		t.Fatalf("walkthrough statistics headed %q, not by a procedure's title", head)
	}
}

// TestConsoleNetworkSettingsAndSendNow: the hub's address must keep the
// token encrypted, the token is masked, and « Envoyer maintenant » says
// plainly what happened, here with the real pusher and store and a hub
// that does not answer (a closed loopback port).
func TestConsoleNetworkSettingsAndSendNow(t *testing.T) {
	k := openConsole(t)
	k.shell.svc.PushNow = func() (int, int, error) {
		ctx := context.Background()
		res, err := (&kiosksync.Pusher{Store: k.store}).Push(ctx)
		waiting, _ := k.store.OutboxSize(ctx)
		return res.Sent, waiting, err
	}
	k.tap("network")
	k.wantScreen("mediator.network")
	e := k.entries()
	if len(e) != 3 || !e[1].Password || e[2].Password {
		t.Fatalf("%d fields, the token shown in clear or the key hidden: %v", len(e), len(e) == 3 && (!e[1].Password || e[2].Password))
	}
	k.tap("send")
	k.waitPrint()
	k.wantLabel("message", "Donnez l'adresse du hub")

	e[0].SetText("http://hub.exemple.fr")
	e[1].SetText("jeton-du-centre")
	k.tap("save")
	k.wantLabel("message", "https://")
	if v, _ := k.store.Setting(context.Background(), settings.SyncToken, ""); v != "" {
		t.Fatal("a refused form was partly saved")
	}
	e[0].SetText("https://hub.exemple.fr")
	e[2].SetText("pas une clé")
	k.tap("save")
	k.wantLabel("message", "44 caractères")
	if v, _ := k.store.Setting(context.Background(), settings.SyncToken, ""); v != "" {
		t.Fatal("a form with a wrong key was partly saved")
	}
	hubKey := base64.StdEncoding.EncodeToString(make([]byte, 32))
	e[2].SetText(hubKey)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()
	k.simulate(3)
	e[0].SetText(closed)
	k.tap("send")
	k.waitPrint()
	k.wantLabel("message", "Le hub ne répond pas. 0 sessions envoyées, 3 gardées")
	for key, want := range map[string]string{settings.SyncURL: strings.TrimSuffix(closed, "/"), settings.SyncToken: "jeton-du-centre", settings.SyncKey: hubKey} {
		if v, _ := k.store.Setting(context.Background(), key, ""); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}
}
