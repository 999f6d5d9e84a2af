package activity

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pasapas/app/session"
	"pasapas/app/settings"
)

// Export formats. FormatCoop is an .xlsx shaped like the Coop's own
// "Activités" export, for a coordinator to merge with it.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
	FormatCoop = "coop"
)

// Formats lists the export formats, in the console's order.
var Formats = []string{FormatCSV, FormatJSON, FormatCoop}

// Extension is the file name extension of an export in format.
func Extension(format string) string {
	if format == FormatCoop {
		return "xlsx"
	}
	return format
}

// Centre is the Coop's "lieu d'activité": the centre, from its settings.
type Centre struct {
	Name     string `json:"nom"`
	Address  string `json:"adresse"`
	Commune  string `json:"commune"`
	PostCode string `json:"code_postal"`
	INSEE    string `json:"code_insee"`
}

// SettingReader reads one setting (app/store.Store and the console have it).
type SettingReader interface {
	Setting(ctx context.Context, key, def string) (string, error)
}

// ReadCentre reads the centre's settings.
func ReadCentre(ctx context.Context, st SettingReader) (Centre, error) {
	var c Centre
	for _, f := range []struct {
		key string
		to  *string
	}{{settings.CentreName, &c.Name}, {settings.CentreAddress, &c.Address}, {settings.CentreCommune, &c.Commune},
		{settings.CentrePostCode, &c.PostCode}, {settings.CentreINSEE, &c.INSEE}} {
		v, err := st.Setting(ctx, f.key, "")
		if err != nil {
			return c, err
		}
		*f.to = v
	}
	return c, nil
}

// Options are what an export needs besides the sessions.
type Options struct {
	Centre Centre
	// Names gives a procedure's French title ("CAF : déclaration
	// trimestrielle") for "Nom de la démarche administrative"; nil or ""
	// leaves the code.
	Names func(code string) string
}

func (o Options) name(code string) string {
	if o.Names != nil {
		if n := o.Names(code); n != "" {
			return n
		}
	}
	return code
}

// Activity is a session in the Coop's fields: what a mediator types into
// its CRA "Accompagnement individuel".
type Activity struct {
	Date   time.Time
	Type   Term
	Place  Term
	Centre Centre
	// Minutes is the time the visitor spent at the kiosk: a mediator's
	// accompaniment time only when the session was accompanied.
	Minutes  int
	Material []Term
	Themes   []Theme
	// Procedures are the titles of the walkthroughs, the Coop's "Nom de la
	// démarche administrative", only with the administrative theme (the
	// Coop refuses it otherwise).
	Procedures  []string
	Autonomy    Term // zero without an assessment
	Redirection *Redirection
	// Beneficiary is the anonymous beneficiary's genre, tranche d'âge and
	// statut: always "Non communiqué".
	Beneficiary Term
}

// IsAccompaniment reports whether s is an accompaniment the Coop would
// record: a finished session with at least one theme. A session left by
// the idle timeout or a crash (abandoned), or with nothing done, is not:
// the exports keep it with the kiosk's columns only (docs/coop-cra.md).
//
// An accompanied session (a mediator beside the visitor) is one however it
// ended, its minutes being the mediator's time: a mediator leaving the
// kiosk to its timeout still accompanied the visitor. It still needs a
// theme: the Coop's form requires at least one thématique
// (vocabulaire.md, "Thématiques (required, at least one)") and the kiosk
// would have to invent one for a session where nothing was recorded, so
// such a session stays in the kiosk's columns only.
func (s Summary) IsAccompaniment() bool {
	return s.countsAsActivity() && len(Themes(s.Facts)) > 0
}

// countsAsActivity is IsAccompaniment before the themes are worked out.
func (s Summary) countsAsActivity() bool { return s.Status == session.Finished || s.Accompanied }

// NewActivity puts s in the Coop's fields; ok is false when s is not an
// accompaniment (the exports leave it out of the Coop's columns).
func NewActivity(s Summary, o Options) (a Activity, ok bool) {
	a, themes, ok := accompaniment(s, o)
	if ok {
		a.Themes = themes.themes()
	}
	return a, ok
}

// accompaniment is NewActivity with its themes as a set, for the CSV to
// write their labels without a slice per session.
func accompaniment(s Summary, o Options) (a Activity, themes themeSet, ok bool) {
	if !s.countsAsActivity() {
		return a, 0, false
	}
	// The themes decide whether it is an accompaniment (IsAccompaniment):
	// worked out once.
	a, themes = activityOf(s, o)
	return a, themes, themes != 0
}

// ActivityOf puts s in the Coop's fields, whatever its status: the printed
// summary is made while the session goes on.
func ActivityOf(s Summary, o Options) Activity {
	a, themes := activityOf(s, o)
	a.Themes = themes.themes()
	return a
}

// activityOf is ActivityOf without its Themes, given as a set.
func activityOf(s Summary, o Options) (Activity, themeSet) {
	a := Activity{
		Date: s.Started.In(time.Local), Type: TypeIndividual, Place: PlaceOfActivity, Centre: o.Centre,
		Minutes: minutes(s.Duration), Material: []Term{MaterialComputer}, Beneficiary: NotCommunicated,
	}
	if t, ok := Autonomy(s.Levels); ok {
		a.Autonomy = t
	}
	if r, ok := RedirectionOf(s.Orientation); ok {
		a.Redirection = &r
	}
	// Only administrative walkthroughs name a démarche (not e-mail or a
	// scanner), and only beside the parent theme, as the Coop requires.
	for _, w := range s.Walks {
		if procedureThemeSet(w.Procedure)&administrativeBit != 0 {
			a.Procedures = append(a.Procedures, o.name(w.Procedure))
		}
	}
	return a, themesOf(s.Facts)
}

func minutes(d time.Duration) int { return int(d.Round(time.Minute) / time.Minute) }

// CoopLineBreak joins the values of a multi-valued cell, as the Coop's
// export does.
const CoopLineBreak = "\n"

// The Coop's columns of its Excel export (sheet "Activités", a mediator's
// own export), in its order and spelling.
const (
	ColDate          = "Date"
	ColRecorded      = "Enregistré le"
	ColModified      = "Dernière modification le"
	ColType          = "Type"
	ColParticipants  = "Participants"
	ColBeneficiary   = "Bénéficiaire"
	ColChannel       = "Canaux d’accompagnement"
	ColPlaceName     = "Nom du lieu"
	ColAddress       = "Adresse"
	ColCommune       = "Commune"
	ColPostCode      = "Code postal"
	ColINSEE         = "Code Insee"
	ColMinutes       = "Durée (min)"
	ColWorkshop      = "Nom de l’atelier"
	ColMaterial      = "Matériel numérique utilisé"
	ColThemes        = "Thématique(s) d’accompagnement"
	ColTags          = "Tags"
	ColProcedure     = "Nom de la démarche administrative"
	ColAutonomy      = "Niveau d’autonomie (ou de l’atelier)"
	ColReoriented    = "Bénéficiaire réorienté"
	ColRedirection   = "Structure de redirection"
	ColBenCommune    = "Commune du bénéficiaire"
	ColBenPostCode   = "Code postal du bénéficiaire"
	ColBenINSEE      = "Code Insee du bénéficiaire"
	ColGenre         = "Genre du bénéficiaire"
	ColAge           = "Tranche d’âge du bénéficiaire"
	ColStatus        = "Statut du bénéficiaire"
	ColNotes         = "Notes supplémentaires"
	ColCRA           = "ID CRA"
	coopColumnsCount = 29
)

// CoopColumns are all the columns of the Coop's export, in its order: the
// .xlsx has them all, so its rows paste under the Coop's.
var CoopColumns = [coopColumnsCount]string{
	ColDate, ColRecorded, ColModified, ColType, ColParticipants, ColBeneficiary, ColChannel, ColPlaceName, ColAddress,
	ColCommune, ColPostCode, ColINSEE, ColMinutes, ColWorkshop, ColMaterial, ColThemes, ColTags, ColProcedure,
	ColAutonomy, ColReoriented, ColRedirection, ColBenCommune, ColBenPostCode, ColBenINSEE, ColGenre, ColAge,
	ColStatus, ColNotes, ColCRA,
}

// csvCoopColumns are the Coop's columns for which the kiosk has something,
// in the Coop's order: the CSV's first columns.
var csvCoopColumns = []string{
	ColDate, ColType, ColChannel, ColPlaceName, ColAddress, ColCommune, ColPostCode, ColINSEE, ColMinutes,
	ColMaterial, ColThemes, ColProcedure, ColAutonomy, ColReoriented, ColRedirection, ColGenre, ColAge, ColStatus,
}

// KioskColumns are the kiosk's own columns, after the Coop's in the CSV
// and the .xlsx.
var KioskColumns = []string{
	"Heure", "Code séance", "Borne", "Langue", "Statut de la séance", "Orientation (borne)",
	"Niveaux par domaine", "Démarches à faire", "Démarches guidées", "Démarches terminées",
	"Étapes bloquantes", "Documents manquants", "Séance accompagnée", "Visite n°", "Évolution des niveaux",
}

// CoopRow holds a session's values for the Coop's columns, in
// CoopColumns' order.
type CoopRow [coopColumnsCount]string

// coopIndex is each Coop column's place in CoopColumns.
var coopIndex = func() map[string]int {
	m := make(map[string]int, len(CoopColumns))
	for i, c := range CoopColumns {
		m[c] = i
	}
	return m
}()

// Get is the value of column col.
func (r *CoopRow) Get(col string) string { return r[coopIndex[col]] }

// CoopCells are s's values for the Coop's columns (all of CoopColumns), as
// its export writes them: labels, multi-valued cells joined by line
// breaks, autonomy as "n/3", the date dd/mm/yyyy. A non-accompaniment has
// only its date and minutes.
func CoopCells(s Summary, o Options) CoopRow {
	var c cells
	c.coop(s, s.Started.In(time.Local), o)
	var r CoopRow
	for i := range r {
		r[i] = string(c.get(i))
	}
	return r
}

// KioskCells are s's values for KioskColumns.
func KioskCells(s Summary) []string {
	var c cells
	c.kiosk(s, s.Started.In(time.Local))
	out := make([]string, len(KioskColumns))
	for i := range out {
		out[i] = string(c.get(i))
	}
	return out
}

// cells are one row's cells, written one after the other into a buffer
// reused from row to row: an export makes 100 000 rows, and a []string of
// freshly made strings per row cost it some 40 allocations a session.
type cells struct {
	b       []byte
	ends    []int          // where each cell ends in b
	domains []domainNumber // a level map's, being sorted
}

func (c *cells) reset() { c.b, c.ends = c.b[:0], c.ends[:0] }

// start is where the cell being written starts in b.
func (c *cells) start() int {
	if len(c.ends) == 0 {
		return 0
	}
	return c.ends[len(c.ends)-1]
}

// end ends the cell being written.
func (c *cells) end() { c.ends = append(c.ends, len(c.b)) }

// cell writes a whole cell.
func (c *cells) cell(v string) {
	c.b = append(c.b, v...)
	c.end()
}

// empty writes n empty cells.
func (c *cells) empty(n int) {
	for range n {
		c.end()
	}
}

// item starts one value of a kiosk list, after sep when the cell already
// holds something.
func (c *cells) item(sep string) {
	if len(c.b) > c.start() {
		c.b = append(c.b, sep...)
	}
}

// get is the i-th cell written since the last reset.
func (c *cells) get(i int) []byte {
	start := 0
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.b[start:c.ends[i]]
}

// coop writes s's Coop cells in CoopColumns' order; local is its start in
// local time.
func (c *cells) coop(s Summary, local time.Time, o Options) {
	c.b = local.AppendFormat(c.b, "02/01/2006")
	c.end()
	a, themes, ok := accompaniment(s, o)
	if !ok {
		c.empty(11) // up to the minutes
		c.b = strconv.AppendInt(c.b, int64(minutes(s.Duration)), 10)
		c.end()
		c.empty(coopColumnsCount - 13)
		return
	}
	c.empty(2) // Enregistré le, Dernière modification le
	c.cell(a.Type.Label)
	c.cell("1") // Participants
	c.empty(1)  // Bénéficiaire
	c.cell(a.Place.Label)
	c.cell(a.Centre.Name)
	c.cell(a.Centre.Address)
	c.cell(a.Centre.Commune)
	c.cell(a.Centre.PostCode)
	c.cell(a.Centre.INSEE)
	c.b = strconv.AppendInt(c.b, int64(a.Minutes), 10)
	c.end()
	c.empty(1) // Nom de l’atelier
	for i, m := range a.Material {
		if i > 0 {
			c.b = append(c.b, CoopLineBreak...)
		}
		c.b = append(c.b, m.Label...)
	}
	c.end()
	for i, t := range CoopThemes {
		if themes&(1<<i) == 0 {
			continue
		}
		if len(c.b) > c.start() {
			c.b = append(c.b, CoopLineBreak...)
		}
		c.b = append(c.b, t.Label...)
	}
	c.end()
	c.empty(1) // Tags
	for i, p := range a.Procedures {
		if i > 0 {
			c.b = append(c.b, CoopLineBreak...)
		}
		c.b = append(c.b, p...)
	}
	c.end()
	c.cell(AutonomyStars(a.Autonomy))
	if a.Redirection != nil {
		c.cell(a.Redirection.Answer().Label)
		c.cell(a.Redirection.Structure.Label)
	} else {
		c.empty(2)
	}
	c.empty(3) // the beneficiary's commune, code postal and code Insee
	c.cell(a.Beneficiary.Label)
	c.cell(a.Beneficiary.Label)
	c.cell(a.Beneficiary.Label)
	c.empty(2) // Notes supplémentaires, ID CRA
}

// kiosk writes s's cells of KioskColumns; local is its start in local
// time.
func (c *cells) kiosk(s Summary, local time.Time) {
	c.b = local.AppendFormat(c.b, "15:04")
	c.end()
	c.cell(s.Code.String())
	c.cell(s.KioskID)
	c.cell(s.Lang)
	c.cell(statusLabel(string(s.Status)))
	c.cell(orientationOrEmpty(s.Orientation))
	c.levels(s.Levels, func(l int) { c.b = strconv.AppendInt(c.b, int64(l), 10) })
	for _, n := range s.Needs {
		c.item(", ")
		c.b = append(c.b, n...)
	}
	c.end()
	for _, w := range s.Walks {
		c.item(", ")
		c.b = append(c.b, w.Procedure...)
	}
	c.end()
	for _, w := range s.Walks {
		if w.Completed {
			c.item(", ")
			c.b = append(c.b, w.Procedure...)
		}
	}
	c.end()
	for _, w := range s.Walks {
		for _, st := range w.Stuck {
			c.item(", ")
			c.b = append(append(append(c.b, w.Procedure...), '/'), st...)
		}
	}
	c.end()
	for _, w := range s.Walks {
		for _, m := range w.Missing {
			c.item(", ")
			c.b = append(append(append(c.b, w.Procedure...), '/'), m...)
		}
	}
	c.end()
	c.cell(accompaniedLabel(s.Accompanied))
	c.b = strconv.AppendInt(c.b, int64(s.VisitNumber()), 10)
	c.end()
	c.levels(s.Changes, c.change)
}

// levels writes a cell of domain numbers, "device : 2, internet : 1",
// sorted by domain, each number written by num.
func (c *cells) levels(m map[string]int, num func(int)) {
	c.domains = c.domains[:0]
	for d, n := range m {
		c.domains = append(c.domains, domainNumber{d, n})
	}
	slices.SortFunc(c.domains, func(a, b domainNumber) int { return strings.Compare(a.domain, b.domain) })
	for _, d := range c.domains {
		c.item(", ")
		c.b = append(append(c.b, d.domain...), " : "...)
		num(d.n)
	}
	c.end()
}

type domainNumber struct {
	domain string
	n      int
}

// change writes a level change as the export shows it: "+1", "=", "-2".
func (c *cells) change(n int) {
	switch {
	case n > 0:
		c.b = append(c.b, '+')
	case n == 0:
		c.b = append(c.b, '=')
		return
	}
	c.b = strconv.AppendInt(c.b, int64(n), 10)
}

// VisitNumber is the session's place in its code chain, 1 for a first
// visit (and for summaries written before chains).
func (s Summary) VisitNumber() int { return max(1, s.Visit) }

func accompaniedLabel(yes bool) string {
	if yes {
		return "Oui"
	}
	return "Non"
}

// CSVHeader is the CSV's first line: the Coop's columns the kiosk fills,
// then its own.
func CSVHeader() []string { return append(slices.Clone(csvCoopColumns), KioskColumns...) }

// csvCells are the places, among a row's Coop then kiosk cells, of the
// CSV's columns.
var csvCells = func() []int {
	var out []int
	for _, c := range csvCoopColumns {
		out = append(out, coopIndex[c])
	}
	for i := range KioskColumns {
		out = append(out, coopColumnsCount+i)
	}
	return out
}()

// appendCSVField appends field to line as encoding/csv writes it with ";"
// between fields and CRLF line ends: quoted when it holds a quote, a
// line end or a ";", or starts with a space (or is `\.`), its quotes
// doubled and its line ends made CRLF. The export writes its fields
// itself, without a []string per row; the tests compare it with
// encoding/csv.
func appendCSVField(line, field []byte) []byte {
	if !csvNeedsQuotes(field) {
		return append(line, field...)
	}
	line = append(line, '"')
	for _, b := range field {
		switch b {
		case '"':
			line = append(line, '"', '"')
		case '\r': // dropped: a CRLF comes from the '\n'
		case '\n':
			line = append(line, '\r', '\n')
		default:
			line = append(line, b)
		}
	}
	return append(line, '"')
}

func csvNeedsQuotes(field []byte) bool {
	if len(field) == 0 {
		return false
	}
	// A table rather than four comparisons: every byte of every cell of
	// 100 000 rows goes through this loop.
	for _, b := range field {
		if csvSpecial[b] {
			return true
		}
	}
	r, _ := utf8.DecodeRune(field)
	return unicode.IsSpace(r) || string(field) == `\.`
}

// csvSpecial are the bytes that make encoding/csv quote a field.
var csvSpecial = [256]bool{'"': true, '\r': true, '\n': true, ';': true}

// Record is one session of the JSON export: the Coop's API codes under
// "activite" (absent when the session is not an accompaniment), then the
// kiosk's own fields. It holds no free text: every field comes from codes
// and times.
type Record struct {
	Activity    *APIActivity   `json:"activite,omitempty"`
	Date        string         `json:"date"`
	Time        string         `json:"heure"`
	Code        string         `json:"code_seance"`
	Kiosk       string         `json:"borne"`
	Lang        string         `json:"langue"`
	Status      string         `json:"statut_seance"`
	Minutes     int            `json:"duree_borne_minutes"`
	Orientation string         `json:"orientation_borne,omitempty"`
	Levels      map[string]int `json:"niveaux,omitempty"`
	Needs       []string       `json:"demarches_a_faire,omitempty"`
	Walks       []Walk         `json:"demarches_guidees,omitempty"`
	Accompanied bool           `json:"seance_accompagnee"`
	// Visit is the session's place in its code chain (1, 2, 3…), never
	// another session's code.
	Visit   int            `json:"visite"`
	Changes map[string]int `json:"evolution_niveaux,omitempty"`
}

// APIActivity is an accompaniment with the attribute names and codes of
// the Coop's API (/api/v1/activites).
type APIActivity struct {
	Type                   string   `json:"type"`
	Date                   string   `json:"date"`
	Duree                  int      `json:"duree"`
	TypeLieu               string   `json:"type_lieu"`
	Structure              Centre   `json:"structure"`
	Materiel               []string `json:"materiel"`
	Thematiques            []string `json:"thematiques"`
	PrecisionsDemarche     string   `json:"precisions_demarche,omitempty"`
	Autonomie              string   `json:"autonomie,omitempty"`
	OrienteVersStructure   *bool    `json:"oriente_vers_structure,omitempty"`
	StructureDeRedirection string   `json:"structure_de_redirection,omitempty"`
	Genre                  string   `json:"genre"`
	TrancheAge             string   `json:"tranche_age"`
	StatutSocial           string   `json:"statut_social"`
}

// NewRecord is s as the JSON export writes it.
func NewRecord(s Summary, o Options) Record {
	local := s.Started.In(time.Local)
	r := Record{
		Date:        local.Format(DayLayout),
		Time:        local.Format("15:04"),
		Code:        s.Code.String(),
		Kiosk:       s.KioskID,
		Lang:        s.Lang,
		Status:      statusLabel(string(s.Status)),
		Minutes:     minutes(s.Duration),
		Orientation: s.Orientation,
		Levels:      s.Levels,
		Needs:       s.Needs,
		Walks:       s.Walks,
		Accompanied: s.Accompanied,
		Visit:       s.VisitNumber(),
		Changes:     s.Changes,
	}
	if a, ok := NewActivity(s, o); ok {
		api := &APIActivity{
			Type: a.Type.Code, Date: local.Format(DayLayout), Duree: a.Minutes, TypeLieu: a.Place.Code, Structure: a.Centre,
			Materiel: Codes(a.Material), Thematiques: Codes(a.Themes), PrecisionsDemarche: strings.Join(a.Procedures, ", "),
			Autonomie: a.Autonomy.Code, Genre: a.Beneficiary.Code, TrancheAge: a.Beneficiary.Code, StatutSocial: a.Beneficiary.Code,
		}
		if a.Redirection != nil {
			api.OrienteVersStructure = &a.Redirection.Reoriented
			api.StructureDeRedirection = a.Redirection.Structure.Code
		}
		r.Activity = api
	}
	return r
}

func orientationOrEmpty(code string) string {
	if code == "" {
		return ""
	}
	return OrientationLabel(code)
}

func statusLabel(status string) string {
	switch status {
	case "finished":
		return "Terminée"
	case "abandoned":
		return "Interrompue"
	case "active":
		return "En cours"
	}
	return status
}

// Writer writes an export one session at a time, so a year of sessions
// never sits in memory.
type Writer struct {
	format string
	opts   Options
	w      io.Writer
	csv    *bufio.Writer
	cells  cells
	line   []byte
	json   *json.Encoder
	xlsx   *xlsxWriter
	n      int
}

// NewWriter starts an export in format. The CSV is what French
// spreadsheets open without asking: UTF-8 with a byte order mark, ";"
// between fields, CRLF line ends.
func NewWriter(w io.Writer, format string, opts Options) (*Writer, error) {
	x := &Writer{format: format, w: w, opts: opts}
	switch format {
	case FormatCSV:
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
		x.csv = bufio.NewWriterSize(w, 64<<10)
		for i, h := range CSVHeader() {
			if i > 0 {
				x.line = append(x.line, ';')
			}
			x.line = appendCSVField(x.line, []byte(h))
		}
		if _, err := x.csv.Write(append(x.line, '\r', '\n')); err != nil {
			return nil, err
		}
	case FormatJSON:
		if _, err := io.WriteString(w, "[\n"); err != nil {
			return nil, err
		}
		x.json = json.NewEncoder(w)
	case FormatCoop:
		var err error
		if x.xlsx, err = newXLSX(time.Now()); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown export format %q (csv, json or coop)", format)
	}
	return x, nil
}

// Write adds one session. The Coop-shaped .xlsx keeps only
// accompaniments.
func (x *Writer) Write(s Summary) error {
	switch {
	case x.csv != nil:
		x.n++
		return x.writeCSV(s)
	case x.xlsx != nil:
		if !s.IsAccompaniment() {
			return nil
		}
		x.n++
		return x.xlsx.write(s, x.opts)
	}
	x.n++
	if x.n > 1 {
		if _, err := io.WriteString(x.w, ","); err != nil {
			return err
		}
	}
	return x.json.Encode(NewRecord(s, x.opts))
}

func (x *Writer) writeCSV(s Summary) error {
	local := s.Started.In(time.Local)
	x.cells.reset()
	x.cells.coop(s, local, x.opts)
	x.cells.kiosk(s, local)
	x.line = x.line[:0]
	for i, c := range csvCells {
		if i > 0 {
			x.line = append(x.line, ';')
		}
		x.line = appendCSVField(x.line, x.cells.get(c))
	}
	x.line = append(x.line, '\r', '\n')
	_, err := x.csv.Write(x.line)
	return err
}

// Close ends the export; it returns how many sessions were written.
func (x *Writer) Close() (int, error) {
	switch {
	case x.csv != nil:
		return x.n, x.csv.Flush()
	case x.xlsx != nil:
		return x.n, x.xlsx.close(x.w)
	}
	_, err := io.WriteString(x.w, "]\n")
	return x.n, err
}

// Exporter is the part of the store an export reads.
type Exporter interface {
	Export(ctx context.Context, w io.Writer, from, to time.Time, format string, opts Options) (int, error)
}

// ExportFile writes the export to path through a temporary file renamed at
// the end, so a full USB stick or a pulled-out one never leaves a file
// that looks complete.
func ExportFile(ctx context.Context, st Exporter, path string, from, to time.Time, format string, opts Options) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pasapas-export-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	n, err := st.Export(ctx, tmp, from, to, format, opts)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), path)
}
