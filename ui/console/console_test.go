package console_test

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
	"pasapas/ui/console"
	"pasapas/ui/kit"
	"pasapas/ui/uitest"
)

// consoleScreens open each console screen over simulated sessions.
var consoleScreens = map[string]func(k *uitest.Kiosk){
	"sessions": func(k *uitest.Kiosk) { simulate(k, 40); k.UI.Console.ShowSessions(nil) },
	"session":  func(k *uitest.Kiosk) { simulate(k, 40); k.UI.Console.ShowSession(firstListed(k), nil) },
	"events":   func(k *uitest.Kiosk) { simulate(k, 40); k.UI.Console.ShowSession(firstListed(k), nil); k.Tap("events") },
	"delete":   func(k *uitest.Kiosk) { simulate(k, 40); k.UI.Console.ShowSession(firstListed(k), nil); k.Tap("delete") },
	"stats":    func(k *uitest.Kiosk) { simulate(k, 400); k.UI.Console.ShowStats(console.StatsPeriods[1], 0) },
	"stats365": func(k *uitest.Kiosk) { simulate(k, 400); k.UI.Console.ShowStats(console.StatsPeriods[3], 0) },
	"walks":    func(k *uitest.Kiosk) { simulate(k, 400); k.UI.Console.ShowStats(console.StatsPeriods[1], 1) },
	"themes": func(k *uitest.Kiosk) {
		simulate(k, 400)
		k.UI.Console.ShowStats(console.StatsPeriods[1], 99)
		k.Tap("prev")
	},
	"returning":     func(k *uitest.Kiosk) { simulate(k, 400); k.UI.Console.ShowStats(console.StatsPeriods[1], 99) },
	"session-chain": func(k *uitest.Kiosk) { simulate(k, 40); k.UI.Console.ShowSession(returningVisit(k), nil) },
	"export": func(k *uitest.Kiosk) {
		k.UI.Console.ShowExport(console.StatsPeriods[1], activity.FormatCSV, "/media/usb")
	},
	"settings": func(k *uitest.Kiosk) { k.UI.Console.ShowSettings() },
	"network":  func(k *uitest.Kiosk) { k.UI.Console.ShowNetwork() },
	"places": func(k *uitest.Kiosk) {
		k.UI.Console.ImportPlaces(placesFile(k))
		k.UI.Console.ShowPlaces(0)
	},
	"placeserrors": func(k *uitest.Kiosk) { k.UI.Console.ImportPlaces(brokenPlacesFile(k)) },
	"placesreport": func(k *uitest.Kiosk) { k.UI.Console.ImportPlaces(spreadsheetPlacesFile(k)) },
	"content": func(k *uitest.Kiosk) {
		k.UI.Svc.ContentReport = sampleReport()
		k.UI.Svc.Health = health.NewBoard(func() time.Time { return k.Now })
		k.UI.Svc.Health.Raise(health.DatabaseMovedAside, "pasapas.db.abime-20261123-0950")
		k.UI.Svc.Health.Raise(health.ContentStale, "CAF : déclaration trimestrielle (walkthroughs/04-caf.yaml, vérifiée le 23/11/2025)")
		k.UI.Console.ShowContentStatus(0)
	},
	"content-walks": func(k *uitest.Kiosk) {
		k.UI.Svc.ContentReport = sampleReport()
		k.Now = k.Now.AddDate(1, 0, 1) // every built-in check is then over a year old
		k.UI.Console.ShowContentStatus(0)
	},
}

// TestConsoleScreensFit checks every console screen fits 1024×768 with
// nothing cut, whatever text size the visitor before left, and pins each
// to its golden markup (testdata/<name>.xml: after an intended change,
// review testdata/failed/ and copy it over). With PASAPAS_ARTEFACTS set it
// writes a picture of each to look at. It walks the
// rendered tree as it is: test.LaidOutObjects would rebuild the renderers
// and lose the console's theme override.
func TestConsoleScreensFit(t *testing.T) {
	for name, open := range consoleScreens {
		t.Run(name, func(t *testing.T) {
			k := uitest.New(t)
			k.UI.SetTextStep(len(kit.TextSteps) - 1)
			open(k)
			k.Win.Resize(fyne.NewSize(1024, 768))
			if min := k.Win.Content().MinSize(); min.Width > 1024 || min.Height > 768 {
				t.Errorf("%s needs %.0f×%.0f, more than 1024×768", name, min.Width, min.Height)
			}
			var walk func(o fyne.CanvasObject)
			walk = func(o fyne.CanvasObject) {
				if !o.Visible() {
					return
				}
				switch x := o.(type) {
				case *kit.Label:
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
			walk(k.Win.Content())
			test.AssertRendersToMarkup(t, name+".xml", k.Win.Canvas())
			if dir := os.Getenv("PASAPAS_ARTEFACTS"); dir != "" {
				uitest.WritePNG(t, filepath.Join(dir, "ui", "console."+name+".png"), k)
			}
		})
	}
}

func sampleReport() *content.Report {
	r := &content.Report{}
	r.Add("languages.yaml", content.BuiltIn, nil)
	r.Add("questions/30-device.yaml", content.BuiltIn, nil)
	r.Add("walkthroughs/caf.yaml", content.Centre, &content.Error{File: "walkthroughs/caf.yaml", Line: 12, Field: "steps", Msg: "a step needs an instruction"})
	return r
}

// simulate stores n plausible sessions of the last 30 days.
func simulate(k *uitest.Kiosk, n int) {
	k.T.Helper()
	sim := activity.NewSimulator(rand.New(rand.NewPCG(1, 2)), activity.LastDays(k.Now, 30), "borne-1", k.UI.Svc.Questions, k.UI.Svc.Walkthroughs)
	if err := k.Store.Simulate(context.Background(), sim, n); err != nil {
		k.T.Fatal(err)
	}
}

// returningVisit is the newest simulated visit that follows an earlier one.
func returningVisit(k *uitest.Kiosk) session.Code {
	k.T.Helper()
	page, err := k.Store.ListSessions(context.Background(), activity.Cursor{}, 1000)
	if err != nil {
		k.T.Fatal(err)
	}
	for _, s := range page.Sessions {
		if s.Visit > 1 {
			return s.Code
		}
	}
	k.T.Fatal("the simulator brought no visitor back")
	return ""
}

func firstListed(k *uitest.Kiosk) (code session.Code) {
	k.T.Helper()
	page, err := k.Store.ListSessions(context.Background(), activity.Cursor{}, 1)
	if err != nil || len(page.Sessions) == 0 {
		k.T.Fatal("no session listed", err)
	}
	return page.Sessions[0].Code
}

// entries are the text fields on screen, in layout order.
func entries(k *uitest.Kiosk) []*widget.Entry {
	var out []*widget.Entry
	for _, o := range test.LaidOutObjects(k.Win.Content()) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	}
	return out
}

func disabled(k *uitest.Kiosk, id string) bool {
	k.T.Helper()
	b, ok := k.UI.Screen().Buttons[id]
	if !ok {
		k.T.Fatalf("screen %s has no button %q", k.UI.Screen().Name, id)
	}
	return b.Disabled()
}

func openConsole(t *testing.T) *uitest.Kiosk {
	k := uitest.New(t)
	if err := k.UI.Svc.PIN.Set("4821"); err != nil {
		t.Fatal(err)
	}
	k.UI.Gate.OpenMediator()
	uitest.TypeDigits(k, "4821")
	k.WantScreen("mediator.menu")
	return k
}

func TestConsoleSessionsPagesSearchesAndDeletes(t *testing.T) {
	k := openConsole(t)
	simulate(k, 25)
	k.Tap("sessions")
	k.WantScreen("mediator.sessions")
	if _, ok := k.UI.Screen().Buttons["open.9"]; !ok || !disabled(k, "newer") {
		t.Fatal("the first page does not show 10 sessions, newest first")
	}
	k.Tap("older")
	k.Tap("older")
	k.WantLabel("page", "3")
	if _, ok := k.UI.Screen().Buttons["open.5"]; ok || !disabled(k, "older") {
		t.Fatal("the last page should hold the 5 oldest sessions and end the list")
	}
	k.Tap("newer")
	k.WantLabel("page", "2")

	// A code typed any way finds its session.
	code := firstListed(k)
	search := entries(k)[0]
	search.SetText("zz")
	k.Tap("find")
	k.WantLabel("message", "6 caractères")
	search.SetText("ABC-DEF")
	k.Tap("find")
	k.WantLabel("message", "Aucune session")
	search.SetText(strings.ToLower(string(code)))
	k.Tap("find")
	k.WantScreen("mediator.session")
	k.WantLabel("title", code.String())
	if !disabled(k, "reprint") {
		t.Fatal("Réimprimer is offered without a printer service")
	}

	k.Tap("events")
	k.WantScreen("mediator.events")
	k.Tap("session")
	k.Tap("delete")
	k.WantScreen("mediator.session.delete")
	k.Tap("no")
	k.WantScreen("mediator.session")
	k.Tap("delete")
	k.Tap("yes")
	k.WantScreen("mediator.sessions")
	k.WantLabel("message", "supprimée")
	if _, err := k.Store.Summary(context.Background(), code); !errors.Is(err, activity.ErrNotFound) {
		t.Fatalf("the deleted session is still stored: %v", err)
	}
	k.TypeKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	k.WantScreen("mediator.menu")
}

func TestConsoleReprintUsesThePrinter(t *testing.T) {
	k := openConsole(t)
	simulate(k, 3)
	var printed session.Code
	k.UI.Svc.PrintSummary = func(c session.Code) error { printed = c; return nil }
	code := firstListed(k)
	k.UI.Console.ShowSession(code, nil)
	k.Tap("reprint")
	k.WaitPrint()
	k.WantLabel("result", "imprimante")
	if printed != code {
		t.Fatalf("printed %q, want %q", printed, code)
	}
}

func TestConsoleStatsShowPeriodsAndWalkthroughs(t *testing.T) {
	k := openConsole(t)
	simulate(k, 200)
	k.Tap("stats")
	k.WantScreen("mediator.stats")
	k.WantLabel("total", "200 sessions")
	k.Tap("period.7")
	st, _ := k.Store.Stats(context.Background(), activity.LastDays(k.Now, 7))
	k.WantLabel("total", strconv.Itoa(st.Sessions)+" sessions")
	if disabled(k, "next") {
		t.Fatal("no page of walkthroughs")
	}
	k.Tap("next")
	k.WantLabel("walk.0", "commencées")
	k.Tap("prev")
	k.WantLabel("mean", "Moyenne")
	k.Tap("period.month")
	k.WantLabel("total", "au lundi 30 novembre 2026")
	if !disabled(k, "later") {
		t.Fatal("a period in the future is offered")
	}
	k.Tap("earlier")
	k.WantLabel("total", "du jeudi 1 octobre 2026 au samedi 31 octobre 2026")
}

func TestConsoleExportsToTheChosenFolder(t *testing.T) {
	k := openConsole(t)
	simulate(k, 30)
	k.Tap("export")
	k.WantScreen("mediator.export")
	k.WantLabel("span", "Du jeudi 1 octobre 2026 au samedi 31 octobre 2026")
	if !disabled(k, "export") {
		t.Fatal("export offered before a folder is chosen")
	}
	dir := t.TempDir()
	// As the folder dialog does once a folder is picked.
	k.UI.Console.ShowExport(console.StatsPeriods[1], activity.FormatCSV, dir)
	k.Tap("format.json")
	k.Tap("period.all")
	k.WantLabel("folder", dir)
	k.Tap("export")
	k.WantLabel("result", "30 sessions exportées")
	files, _ := filepath.Glob(filepath.Join(dir, "pasapas-activite-tout.json"))
	if len(files) != 1 {
		t.Fatalf("files in the folder: %v", files)
	}
	k.UI.Console.ShowExport(console.StatsPeriods[1], activity.FormatCSV, filepath.Join(dir, "gone"))
	k.Tap("export")
	k.WantLabel("result", "échoué")
}

func TestConsoleSettingsAreStoredAndChecked(t *testing.T) {
	k := openConsole(t)
	k.Tap("settings")
	k.WantScreen("mediator.settings")
	e := entries(k)
	// Centre name, address, hours, kiosk id, idle, printer, retention.
	if len(e) != 7 || e[6].Text != "90" {
		t.Fatalf("%d fields, retention %q", len(e), e[6].Text)
	}
	e[0].SetText("France Services de Die")
	e[6].SetText("0")
	k.Tap("save")
	k.WantLabel("message", "Conservation (jours) : « 0 » : un nombre entier de 1 à 3650")
	if v, _ := k.Store.Setting(context.Background(), settings.CentreName, ""); v != "" {
		t.Fatal("a refused form was partly saved")
	}
	e[6].SetText("30")
	e[4].SetText("20")
	k.Tap("save")
	k.WantLabel("message", "de 30 à 3600")
	e[4].SetText("180")
	k.Tap("save")
	k.WantLabel("message", "enregistrés")
	for key, want := range map[string]string{settings.CentreName: "France Services de Die", settings.RetentionDays: "30", settings.IdleSeconds: "180", settings.Language: "fr", settings.TextStep: "0"} {
		if v, _ := k.Store.Setting(context.Background(), key, ""); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}

	// Sessions of the last 30 days, then a purge keeping 10.
	simulate(k, 50)
	e[6].SetText("10")
	k.Tap("purge")
	k.WantLabel("message", "de plus de 10 jours supprimées")
	k.Store.EachSummary(context.Background(), activity.LastDays(k.Now, 60).Start(), activity.RetentionCutoff(k.Now, 10), func(s activity.Summary) error {
		t.Fatalf("session of %s kept", s.Started)
		return nil
	})

	k.Tap("pin")
	k.WantScreen("pinpad")
	k.WantLabel("prompt", "Choisir un code")
}

func TestConsoleShowsAlertsAndRefusedContent(t *testing.T) {
	k := uitest.New(t)
	k.UI.Svc.ContentReport = sampleReport()
	k.UI.Svc.Health = health.NewBoard(func() time.Time { return k.Now })
	k.UI.Svc.Health.Raise(health.DiskFull, "")
	k.UI.Console.ShowMenu()
	k.WantLabel("warning", "2 problèmes")
	k.Tap("content")
	k.WantScreen("mediator.content")
	k.WantLabel("alert.0", "Le disque est plein")
	k.WantLabel("rejected.1", "walkthroughs/caf.yaml:12: steps: a step needs an instruction")
	k.WantLabel("summary", "1 alertes. 3 fichiers de contenu, dont 1 refusés")
	k.Tap("dismiss.0")
	k.WantLabel("summary", "0 alertes")
	if k.UI.Svc.Health.Has(health.DiskFull) {
		t.Fatal("the alert read stays on the board")
	}
}

// TestConsoleListsWalkthroughsWithTheirCheckDay: Contenu lists every
// walkthrough with the day it was checked and whose file it is, the oldest
// first and marked when over 12 months old (by the kiosk's clock), with the
// board's alert about it.
func TestConsoleListsWalkthroughsWithTheirCheckDay(t *testing.T) {
	k := uitest.New(t)
	k.Now = time.Date(2026, 12, 2, 9, 0, 0, 0, time.Local)
	old := &walkthrough.Procedure{ID: "mairie", Title: walkthrough.Text{"fr": "Mairie : listes électorales"}, File: "walkthroughs/mairie.yaml",
		Origin: content.Centre, Source: walkthrough.Source{URL: "https://www.service-public.gouv.fr/", Checked: "2025-11-30"},
		Steps: []walkthrough.Step{{ID: "one"}}}
	k.UI.Svc.Walkthroughs.Put(old)
	k.UI.Svc.Health = health.NewBoard(func() time.Time { return k.Now })
	k.UI.Svc.Health.Raise(health.ContentStale, "Mairie : listes électorales (walkthroughs/mairie.yaml, vérifiée le 30/11/2025)")
	k.UI.Console.ShowContentStatus(0)
	k.WantLabel("alert.0", "plus de 12 mois : Mairie : listes électorales (walkthroughs/mairie.yaml, vérifiée le 30/11/2025)")
	k.WantLabel("walk.mairie", "À revoir (plus de 12 mois) · 30/11/2025 · Mairie : listes électorales · du lieu, mairie.yaml")
	if k.UI.Screen().Labels["walk.mairie"].Importance != widget.DangerImportance {
		t.Error("the stale walkthrough is not marked")
	}
	caf := k.UI.Svc.Walkthroughs.Get("caf")
	k.Tap("next")
	k.WantLabel("walk.caf", caf.CheckedOn().Format("02/01/2006")+" · "+caf.Title.In("fr")+" · intégré, "+path.Base(caf.File))
	// The oldest check comes first.
	k.Tap("prev")
	var rows []string
	for _, o := range uitest.ShownObjects(k.Win.Content()) {
		if l, ok := o.(*kit.Label); ok && strings.Contains(l.Text, " · ") {
			rows = append(rows, l.Text)
		}
	}
	if len(rows) == 0 || !strings.Contains(rows[0], "Mairie") {
		t.Errorf("rows %q", rows)
	}
}

func TestConsoleQuitsAndRestarts(t *testing.T) {
	k := openConsole(t)
	if _, ok := k.UI.Screen().Buttons["restart"]; ok {
		t.Fatal("Redémarrer shown without a restart service")
	}
	restarted := false
	k.UI.Svc.Restart = func() { restarted = true }
	k.UI.Console.ShowMenu()
	k.Tap("restart")
	if !restarted {
		t.Fatal("Redémarrer did nothing")
	}
}

// TestConsoleStartsAnAccompaniedSession: « Séance accompagnée » leaves the
// console for the visitor's home, in a session stored as accompanied,
// which the activity report counts as an accompaniment however it ends.
func TestConsoleStartsAnAccompaniedSession(t *testing.T) {
	k := openConsole(t)
	k.Tap("accompanied")
	k.WantScreen("home")
	cur := k.UI.Svc.Sessions.Current()
	if cur == nil || !cur.Accompanied {
		t.Fatalf("session %+v, want an accompanied one", cur)
	}
	if got := k.Stored(cur.Code); !got.Accompanied {
		t.Fatalf("stored %+v, want accompanied", got)
	}
}

// placesFile is a directory of three places: the standard's own example
// and two more in its format, written the French spreadsheet way.
func placesFile(k *uitest.Kiosk) string {
	data, err := os.ReadFile("../../app/directory/testdata/exemple-valide.csv")
	if err != nil {
		k.T.Fatal(err)
	}
	extra := `"fs-die","13002526500013","France Services du Diois","Die","26150","26113","1 rue Camille Buffardel","","","","","+33475220000","","","Mo-Fr 08:30-12:00","","","","Fixe","","2024-05-01","Aide aux démarches administratives","","","Gratuit","France Services","","","Se présenter","Accompagnement individuel","",""` + "\r\n" +
		`"epn-die","13002526500021","Espace public numérique de Die","Die","26150","26113","2 place de l'Évêché","","","","","","","","Tu,Th 14:00-18:00","","","","Fixe","","2024-05-01","Accès internet et matériel informatique|Maîtrise des outils numériques du quotidien","Seniors","","Gratuit","Conseillers numériques","","","Se présenter","En autonomie|Dans un atelier collectif","",""` + "\r\n"
	return placesCSV(k, "lieux.csv", string(data)+extra)
}

// placesCSV writes a directory file named name and returns its path.
func placesCSV(k *uitest.Kiosk, name, csv string) string {
	path := filepath.Join(k.T.TempDir(), name)
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		k.T.Fatal(err)
	}
	return path
}

// brokenPlacesFile has a bad postcode on line 2 and no name on line 3:
// no place can be kept.
func brokenPlacesFile(k *uitest.Kiosk) string {
	return placesCSV(k, "lieux-faux.csv", "id;pivot;nom;commune;code_postal;adresse;date_maj\n"+
		"a;12345678900012;EPN;Die;2615x;1 rue;2024-05-01\n"+
		"b;12345678900012;;Die;26150;2 rue;2024-05-01\n")
}

// spreadsheetPlacesFile went through a French spreadsheet: Windows-1252,
// a code postal without its zero, a decimal comma, a row without a name.
func spreadsheetPlacesFile(k *uitest.Kiosk) string {
	return placesCSV(k, "lieux-tableur.csv", "id;pivot;nom;commune;code_postal;adresse;date_maj;latitude;longitude;services\r\n"+
		"gap;12345678900012;M\xe9diath\xe8que de Gap;Gap;5000;1 rue Colonel Roux;11/05/2023;44,5594;6,0786;Aide aux d\xe9marches administratives\r\n"+
		"b;12345678900012;;Gap;05000;2 rue;2024-05-01;;;\r\n")
}

func TestConsoleImportsTheLocalDirectory(t *testing.T) {
	k := openConsole(t)
	k.Tap("places")
	k.WantScreen("mediator.places")
	k.WantLabel("empty", "Aucun lieu")
	k.WantLabel("position", "Position du lieu non réglée")
	// As the file dialog does once a file is picked.
	k.UI.Console.ImportPlaces(placesFile(k))
	k.WantScreen("mediator.places")
	k.WantLabel("count", "3 lieux importés")
	k.WantLabel("place.0", "Anonymal")
	k.WantLabel("serves.1", "Autonome, À former")
	k.WantLabel("serves.2", "À accompagner, Faire pour")

	k.UI.Console.ImportPlaces(brokenPlacesFile(k))
	k.WantScreen("mediator.places.errors")
	k.WantLabel("summary", "aucun lieu utilisable : 2 lignes refusées")
	k.WantLabel("error.0", "lieux-faux.csv:2: code_postal: « 2615x »")
	k.WantLabel("error.1", "lieux-faux.csv:3: nom: vide")
	k.Tap("places")
	k.WantLabel("count", "3 lieux")
	got, _ := k.Store.PlacesFor(context.Background(), "faire_pour")
	if len(got) != 2 {
		t.Fatalf("%d places for faire_pour after a refused import, want 2", len(got))
	}

	// The centre picks its own entry: position, commune and codes.
	k.Tap("ours.0")
	k.WantLabel("message", "pris de « Anonymal »")
	for key, want := range map[string]string{settings.CentrePosition: "43.52609,5.41423", settings.CentreCommune: "Reims",
		settings.CentrePostCode: "51100", settings.CentreINSEE: "51454", settings.CentreName: "Anonymal"} {
		if v, _ := k.Store.Setting(context.Background(), key, ""); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}
	// Places without a position come after, at no distance.
	k.WantLabel("place.0", "Anonymal")

	k.UI.Console.ImportPlaces(spreadsheetPlacesFile(k))
	k.WantScreen("mediator.places.report")
	k.WantLabel("summary", "1 lieux gardés")
	k.WantLabel("note.0", "Windows-1252")
	k.WantLabel("error.0", "lieux-tableur.csv:3: nom: vide")
	k.Tap("places")
	k.WantLabel("place.0", "Médiathèque de Gap")
}

func TestConsoleNamesProceduresStepsAndDocuments(t *testing.T) {
	k := openConsole(t)
	svc := k.UI.Svc.Sessions
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
	k.UI.Console.ShowSession(rec.Code, nil)
	k.WantLabel("walk.0", "CAF")
	k.WantLabel("walk.0", "Étape 2 sur 8 : Ouvrir la déclaration")
	k.WantLabel("walk.0", "Votre numéro de sécurité sociale")
	k.WantLabel("exercises", "Touche ou clique avec précision. Le double-clic est difficile.")

	// Statistics of simulated sessions name procedures and steps the same way.
	simulate(k, 100)
	k.UI.Console.ShowMenu()
	k.Tap("stats")
	k.Tap("next")
	head := k.UI.Screen().Labels["walk.0"].Text
	named := false
	for _, p := range k.UI.Svc.Walkthroughs.All() {
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
	k.UI.Svc.PushNow = func() (int, int, error) {
		ctx := context.Background()
		res, err := (&kiosksync.Pusher{Store: k.Store}).Push(ctx)
		waiting, _ := k.Store.OutboxSize(ctx)
		return res.Sent, waiting, err
	}
	k.Tap("network")
	k.WantScreen("mediator.network")
	e := entries(k)
	if len(e) != 3 || !e[1].Password || e[2].Password {
		t.Fatalf("%d fields, the token shown in clear or the key hidden: %v", len(e), len(e) == 3 && (!e[1].Password || e[2].Password))
	}
	k.Tap("send")
	k.WaitPrint()
	k.WantLabel("message", "Donnez l'adresse du hub")

	e[0].SetText("http://hub.exemple.fr")
	e[1].SetText("jeton-du-centre")
	k.Tap("save")
	k.WantLabel("message", "https://")
	if v, _ := k.Store.Setting(context.Background(), settings.SyncToken, ""); v != "" {
		t.Fatal("a refused form was partly saved")
	}
	e[0].SetText("https://hub.exemple.fr")
	e[2].SetText("pas une clé")
	k.Tap("save")
	k.WantLabel("message", "44 caractères")
	if v, _ := k.Store.Setting(context.Background(), settings.SyncToken, ""); v != "" {
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
	simulate(k, 3)
	e[0].SetText(closed)
	k.Tap("send")
	k.WaitPrint()
	k.WantLabel("message", "Le hub ne répond pas. 0 sessions envoyées, 3 gardées")
	for key, want := range map[string]string{settings.SyncURL: strings.TrimSuffix(closed, "/"), settings.SyncToken: "jeton-du-centre", settings.SyncKey: hubKey} {
		if v, _ := k.Store.Setting(context.Background(), key, ""); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}
}

func TestConsoleTurnsAutoReadOnAndSaysWhichVoice(t *testing.T) {
	k := openConsole(t)
	k.Tap("settings")
	k.WantLabel("speech", "Lecture à voix haute : espeak-ng")
	var auto *widget.Check
	for _, o := range uitest.ShownObjects(k.Win.Content()) {
		if c, ok := o.(*widget.Check); ok {
			auto = c
		}
	}
	if auto == nil || auto.Checked {
		t.Fatalf("auto-read check box %v", auto)
	}
	auto.SetChecked(true)
	k.Tap("save")
	if v, _ := k.Store.Setting(context.Background(), settings.SpeechAuto, ""); v != "true" || !k.UI.Svc.AutoRead {
		t.Fatalf("speech.auto = %q, kiosk reads automatically: %v", v, k.UI.Svc.AutoRead)
	}
}

// TestConsoleLinksTheVisitsOfACode: a returning visit's detail links to
// every visit of its code chain, itself not a link.
func TestConsoleLinksTheVisitsOfACode(t *testing.T) {
	k := openConsole(t)
	simulate(k, 40)
	code := returningVisit(k)
	visits, err := k.Store.Visits(context.Background(), code)
	if err != nil || len(visits) < 2 {
		t.Fatalf("visits %v %v", visits, err)
	}
	k.UI.Console.ShowSession(code, nil)
	first := visits[0].Code
	if first == code || disabled(k, "visit.1") {
		t.Fatalf("the first visit %s is not a link from %s", first, code)
	}
	k.Tap("visit.1")
	k.WantScreen("mediator.session")
	if !disabled(k, "visit.1") {
		t.Fatal("the first visit links to itself")
	}
	k.Tap("visit.2")
	if !disabled(k, "visit.2") {
		t.Fatal("the second visit did not open")
	}
}

// TestConsoleStatsShowReturningVisitors: the last page of the statistics
// counts returning visitors and, per domain, how the levels of those who
// retook the assessment went, as the store counts them.
func TestConsoleStatsShowReturningVisitors(t *testing.T) {
	k := openConsole(t)
	simulate(k, 400)
	k.UI.Console.ShowStats(console.StatsPeriods[1], 99)
	st, err := k.Store.Stats(context.Background(), activity.LastDays(k.Now, 30))
	if err != nil || st.Returning == 0 || len(st.Progress) == 0 {
		t.Fatalf("simulated stats: %+v %v", st, err)
	}
	k.WantLabel("returning", "Visites de retour : "+strconv.Itoa(st.Returning))
	k.WantLabel("retook", strconv.Itoa(st.Retook))
	d := st.ProgressDomains()[0]
	p := st.Progress[d]
	k.WantLabel("progress."+d, strconv.Itoa(p[2])+" en hausse, "+strconv.Itoa(p[1])+" stables, "+strconv.Itoa(p[0])+" en baisse")
}
