// Package directory reads a centre's local directory of places to orient
// visitors to, from a CSV file following the national data standard of
// digital-mediation places (LaMednum/standard-mediation-num, schema.json
// embedded here, Licence Ouverte / Etalab 2.0), and tags each place with
// the orientations it serves. Pure Go, no SQL.
//
// Real files are regional or national exports of the cartographie
// nationale, in version 1.x of the standard or the previous 0.x (converted,
// see v0.go), often edited in a spreadsheet on the way (Windows-1252, code
// postal without its leading zero, decimal commas: repaired with a
// warning). A row the kiosk cannot use is skipped and listed; the others
// are kept.
package directory

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"pasapas/assessment"
	"pasapas/assessment/content"
)

//go:embed schema.json
var schemaJSON []byte

// field is one column of the standard as its schema describes it.
type field struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Constraints struct {
		Required bool   `json:"required"`
		Pattern  string `json:"pattern"`
	} `json:"constraints"`
	pattern *regexp.Regexp
	// values is the closed vocabulary of a multi-valued field, read from
	// its pattern "(?:(?:^|\|)(a|b|c))+$".
	values []string
}

// schema is the standard's fields, read once from the embedded file.
var schema, schemaVersion = func() ([]field, string) {
	var s struct {
		Version string  `json:"version"`
		Fields  []field `json:"fields"`
	}
	if err := json.Unmarshal(schemaJSON, &s); err != nil {
		panic("directory: embedded schema.json: " + err.Error())
	}
	for i, f := range s.Fields {
		if f.Constraints.Pattern == "" {
			continue
		}
		// Table Schema patterns match the whole value.
		s.Fields[i].pattern = regexp.MustCompile(`^(?:` + f.Constraints.Pattern + `)$`)
		if inner, ok := strings.CutPrefix(f.Constraints.Pattern, `(?:(?:^|\|)(`); ok {
			if inner, ok = strings.CutSuffix(inner, `))+$`); ok {
				for _, v := range strings.Split(inner, "|") {
					s.Fields[i].values = append(s.Fields[i].values, unescape(v))
				}
			}
		}
	}
	return s.Fields, strings.TrimPrefix(s.Version, "v")
}()

// unescape removes a regular expression's backslashes ("\(" → "(").
func unescape(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

func schemaField(name string) field {
	for _, f := range schema {
		if f.Name == name {
			return f
		}
	}
	return field{Name: name}
}

// Place is one place of the directory: the centre's data, never a visitor's.
type Place struct {
	ID       string
	Name     string
	Address  string // street, postcode and town on one line
	Commune  string
	PostCode string
	INSEE    string
	Phone    string
	Email    string
	Website  string
	Hours    string // in plain French ("Du lundi au vendredi : 9 h - 12 h")
	Services []string
	Publics  []string
	Access   []string // modalites_acces
	// Orientations are the orientation codes (assessment.Autonomous…) the
	// place serves, from its services and programmes (see Tag).
	Orientations []string
	// Position is the place's latitude and longitude; HasPosition is false
	// when the file gives none.
	Position    Position
	HasPosition bool
}

// Error is one problem in the file, located for whoever fixes it: the
// content files' own type.
type Error = content.Error

// Result is what an import kept and what it said about the file.
type Result struct {
	Places []Place
	// Warnings are problems repaired or in fields the kiosk does not use:
	// the place is kept.
	Warnings []error
	// Refused are the rows skipped, each with its reason.
	Refused []error
	// Notes say what was done to the whole file (old version converted,
	// encoding transcoded), once.
	Notes []string
}

// Refusal is a whole file refused: nothing was imported.
type Refusal struct {
	File   string
	Reason string
}

func (r *Refusal) Error() string { return r.File + " : " + r.Reason }

// columns the kiosk cannot do without: a place needs a name and where it is.
var neededColumns = []string{"nom", "adresse", "commune"}

// Import reads a CSV file of the standard named file. The separator may be
// "," (the standard) or ";" (a French spreadsheet's export); a byte order
// mark is skipped; a file that is not UTF-8 is read as Windows-1252 (what
// a French Excel saves as "CSV"). It returns the places kept, or a
// *Refusal when the file is not a directory of the standard or no place
// could be kept: the caller then keeps its old directory.
func Import(file string, r io.Reader) (Result, error) {
	var res Result
	data, err := io.ReadAll(r)
	if err != nil {
		return res, &Refusal{file, "le fichier n'a pas pu être lu : " + err.Error()}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			return res, &Refusal{file, "encodage inconnu : enregistrez le fichier en « CSV UTF-8 »"}
		}
		res.Notes = append(res.Notes, "Fichier en Windows-1252 (enregistré par un tableur) : converti en UTF-8.")
	}
	cr := csv.NewReader(bytes.NewReader(data))
	header, _, _ := bytes.Cut(data, []byte("\n"))
	semicolon := bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(","))
	if semicolon {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	names, err := cr.Read()
	if err != nil {
		return res, &Refusal{file, "ce n'est pas un fichier CSV lisible : " + err.Error()}
	}
	col := map[string]int{}
	for i, n := range names {
		col[strings.TrimSpace(n)] = i
	}
	for _, n := range neededColumns {
		if _, ok := col[n]; !ok {
			return res, &Refusal{file, fmt.Sprintf("colonne « %s » absente : ce n'est pas un fichier du standard des lieux de médiation numérique", n)}
		}
	}
	old := isV0(col)
	if old {
		res.Notes = append(res.Notes, "Fichier à l'ancienne version (0.x) du standard : services, modalités et labels convertis en version "+schemaVersion+
			" comme l'a fait la cartographie nationale. Un fichier récent de la cartographie évite cette conversion.")
	}
	for _, f := range schema {
		if _, ok := col[f.Name]; !ok && f.Constraints.Required && !slices.Contains(neededColumns, f.Name) && !(old && v0Renamed[f.Name] != "") {
			res.Warnings = append(res.Warnings, &Error{File: file, Line: 1, Field: f.Name, Msg: "colonne obligatoire du standard absente (la borne s'en passe)"})
		}
	}
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line, err = pe.Line, pe.Err
			}
			res.Refused = append(res.Refused, &Error{File: file, Line: line, Msg: "ligne illisible (" + err.Error() + ") : la suite du fichier est ignorée"})
			break
		}
		line, _ := cr.FieldPos(0)
		row := rowReader{file: file, line: line, rec: rec, col: col, res: &res, old: old, semicolon: semicolon}
		p, ok := row.place()
		if !ok {
			continue
		}
		if first, dup := seen[p.ID]; dup {
			res.Refused = append(res.Refused, &Error{File: file, Line: line, Field: "id", Msg: fmt.Sprintf("« %s » déjà utilisé ligne %d : ligne ignorée", p.ID, first)})
			continue
		}
		seen[p.ID] = line
		res.Places = append(res.Places, p)
	}
	if len(res.Places) == 0 {
		reason := "aucun lieu dans le fichier"
		if len(res.Refused) > 0 {
			reason = fmt.Sprintf("aucun lieu utilisable : %d lignes refusées", len(res.Refused))
		}
		return res, &Refusal{file, reason}
	}
	return res, nil
}

// rowReader reads one row of the file into a Place, noting what it
// repaired and refusing what it cannot use.
type rowReader struct {
	file      string
	line      int
	rec       []string
	col       map[string]int
	res       *Result
	old       bool
	semicolon bool
}

func (r *rowReader) get(name string) string {
	if i, ok := r.col[name]; ok && i < len(r.rec) {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}

func (r *rowReader) warn(field, format string, args ...any) {
	r.res.Warnings = append(r.res.Warnings, &Error{File: r.file, Line: r.line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (r *rowReader) refuse(field, format string, args ...any) {
	r.res.Refused = append(r.res.Refused, &Error{File: r.file, Line: r.line, Field: field, Msg: fmt.Sprintf(format, args...) + " : ligne ignorée"})
}

// list reads a multi-valued field: "|" in the standard, ";" in version
// 0.x; each value once (real files repeat some).
func (r *rowReader) list(name string) []string {
	v := r.get(name)
	if r.old {
		v = strings.ReplaceAll(v, ";", "|")
	}
	l := nonEmpty(strings.Split(v, "|")...)
	slices.Sort(l)
	return slices.Compact(l)
}

// vocabulary keeps the values of a closed list that the standard knows,
// with a warning for each other one.
func (r *rowReader) vocabulary(name string, values []string) []string {
	known := schemaField(name).values
	if len(known) == 0 {
		return values
	}
	var out []string
	for _, v := range values {
		if slices.Contains(known, v) {
			out = append(out, v)
		} else {
			r.warn(name, "« %s » n'est pas une valeur du standard %s, ignorée", v, schemaVersion)
		}
	}
	return out
}

// ValidPostCode and ValidINSEE check a code postal and a code INSEE as
// the standard writes them.
func ValidPostCode(v string) bool { return postPattern.MatchString(v) }
func ValidINSEE(v string) bool    { return inseePattern.MatchString(v) }

var (
	inseePattern = schemaField("code_insee").pattern
	fourDigits   = regexp.MustCompile(`^\d{4}$`)
	phoneNoPlus  = regexp.MustCompile(`^(33|590|594|262|596|269|687|689|508|681)\d{6,9}$`)
	frenchDate   = regexp.MustCompile(`^(\d{2})/(\d{2})/(\d{4})$`)
	phonePattern = schemaField("telephone").pattern
	postPattern  = schemaField("code_postal").pattern
)

func (r *rowReader) place() (Place, bool) {
	name := r.get("nom")
	if name == "" {
		r.refuse("nom", "vide")
		return Place{}, false
	}
	street, commune := r.get("adresse"), r.get("commune")
	if street == "" && commune == "" {
		r.refuse("adresse", "ni adresse ni commune")
		return Place{}, false
	}
	postcode := r.get("code_postal")
	if fourDigits.MatchString(postcode) {
		r.warn("code_postal", "« %s » réparé en « 0%s » (un tableur avait ôté le zéro)", postcode, postcode)
		postcode = "0" + postcode
	}
	if postcode != "" && !postPattern.MatchString(postcode) {
		r.refuse("code_postal", "« %s » n'est pas un code postal à 5 chiffres", postcode)
		return Place{}, false
	}
	id := r.get("id")
	if id == "" {
		id = "ligne-" + strconv.Itoa(r.line)
		r.warn("id", "vide, remplacé par « %s »", id)
	}
	p := Place{
		ID:       id,
		Name:     name,
		Commune:  commune,
		PostCode: postcode,
		INSEE:    r.get("code_insee"),
		Address:  strings.Join(nonEmpty(street, r.get("complement_adresse"), strings.TrimSpace(postcode+" "+commune)), ", "),
		Phone:    r.phone(),
		Email:    first(r.list("courriels")),
		Website:  first(r.list("site_web")),
	}
	if p.Email == "" {
		// The cartographie's v1 exporter kept e-mails under the 0.x name.
		p.Email = first(r.list("courriel"))
	}
	if h := r.get("horaires"); h != "" {
		if fr, ok := Hours(h); ok {
			p.Hours = fr
		} else {
			r.warn("horaires", "« %s » n'a pas pu être lu : les horaires ne sont pas affichés", h)
		}
	}
	p.Position, p.HasPosition = r.position()
	r.unused()
	services, modes := r.list("services"), r.list("modalites_accompagnement")
	programmes := r.list("dispositif_programmes_nationaux")
	onBehalf := false
	if r.old {
		services, modes, onBehalf = r.convertV0(services, modes)
	}
	if len(programmes) == 0 {
		// Files migrated from 0.x keep France Services and Aidants Connect
		// in labels_nationaux: without it no place would be "Faire pour".
		programmes = v0Programmes(r.list("labels_nationaux"))
	}
	p.Services = r.vocabulary("services", services)
	p.Publics = r.vocabulary("publics_specifiquement_adresses", r.list("publics_specifiquement_adresses"))
	p.Access = r.vocabulary("modalites_acces", r.list("modalites_acces"))
	p.Orientations = Tag(p.Services, r.vocabulary("dispositif_programmes_nationaux", programmes), r.vocabulary("modalites_accompagnement", modes))
	if onBehalf && !slices.Contains(p.Orientations, assessment.DoOnBehalf) {
		p.Orientations = append(p.Orientations, assessment.DoOnBehalf)
	}
	return p, true
}

// phone is the place's first phone number, "+33…" as the standard writes
// it. A spreadsheet's "33…" gets its "+" back; a number still wrong is
// left out rather than printed wrong.
func (r *rowReader) phone() string {
	v := first(r.list("telephone"))
	if v == "" {
		return ""
	}
	if phoneNoPlus.MatchString(v) {
		r.warn("telephone", "« %s » réparé en « +%s » (un tableur avait ôté le +)", v, v)
		v = "+" + v
	}
	if !phonePattern.MatchString(v) {
		r.warn("telephone", "« %s » ne suit pas le standard (+33…) : numéro non affiché", v)
		return ""
	}
	return v
}

// position reads latitude and longitude, a decimal comma repaired.
func (r *rowReader) position() (Position, bool) {
	var pos Position
	for _, c := range []struct {
		name string
		to   *float64
		max  float64
	}{{"latitude", &pos.Lat, 90}, {"longitude", &pos.Lon, 180}} {
		v := r.get(c.name)
		if v == "" {
			return Position{}, false
		}
		if strings.Count(v, ",") == 1 && !strings.Contains(v, ".") {
			r.warn(c.name, "« %s » : virgule décimale lue comme un point", v)
			v = strings.Replace(v, ",", ".", 1)
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < -c.max || f > c.max {
			r.warn(c.name, "« %s » n'est pas un nombre de degrés : lieu sans position", r.get(c.name))
			return Position{}, false
		}
		*c.to = f
	}
	return pos, true
}

// unused checks the fields of the standard the kiosk does not use: a
// problem there is a warning, the place is kept.
func (r *rowReader) unused() {
	for _, name := range []string{"pivot", "code_insee", "date_maj", "itinerance", "frais_a_charge", "prise_en_charge_specifique", "formations_labels"} {
		f := schemaField(name)
		v := r.get(name)
		switch {
		case v == "" && f.Constraints.Required && !(r.old && name == "pivot"):
			if _, ok := r.col[name]; ok {
				r.warn(name, "obligatoire dans le standard, vide (la borne s'en passe)")
			}
		case v == "":
		case f.Type == "date":
			if _, err := time.Parse("2006-01-02", v); err != nil {
				if frenchDate.MatchString(v) {
					r.warn(name, "« %s » est une date JJ/MM/AAAA, le standard écrit AAAA-MM-JJ (la borne s'en passe)", v)
				} else {
					r.warn(name, "« %s » n'est pas une date AAAA-MM-JJ (la borne s'en passe)", v)
				}
			}
		case len(f.values) > 0:
			r.vocabulary(name, r.list(name))
		case f.pattern != nil && !f.pattern.MatchString(v):
			r.warn(name, "« %s » ne suit pas le standard (la borne s'en passe)", v)
		}
	}
}

func first(l []string) string {
	if len(l) > 0 {
		return l[0]
	}
	return ""
}

func nonEmpty(values ...string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Tag derives the orientations a place serves from the standard's
// vocabulary:
//   - Autonome: free access to computers and internet, or self-service;
//   - À former: learning to use digital tools, workshops;
//   - À accompagner: help with administrative procedures;
//   - Faire pour: an Aidants Connect place, where a professional may act on
//     the visitor's behalf (or France Services, whose agents do so).
func Tag(services, programmes, modes []string) []string {
	has := func(l []string, v ...string) bool {
		return slices.ContainsFunc(l, func(x string) bool { return slices.Contains(v, x) })
	}
	var out []string
	if has(services, "Accès internet et matériel informatique") || has(modes, "En autonomie") {
		out = append(out, assessment.Autonomous)
	}
	if has(services, "Maîtrise des outils numériques du quotidien", "Utilisation sécurisée du numérique", "Compréhension du monde numérique",
		"Insertion professionnelle via le numérique", "Parentalité et éducation avec le numérique", "Loisirs et créations numériques") ||
		has(modes, "Dans un atelier collectif") {
		out = append(out, assessment.ToTrain)
	}
	if has(services, "Aide aux démarches administratives") {
		out = append(out, assessment.ToAccompany)
	}
	if has(programmes, "Aidants Connect", "France Services") {
		out = append(out, assessment.DoOnBehalf)
	}
	return out
}
