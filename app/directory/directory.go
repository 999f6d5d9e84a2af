// Package directory reads a centre's local directory of places to orient
// visitors to, from a CSV file following the national data standard of
// digital-mediation places (LaMednum/standard-mediation-num, schema.json
// embedded here, Licence Ouverte / Etalab 2.0), and tags each place with
// the orientations it serves. Pure Go, no SQL.
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

	"pasapas/assessment"
)

//go:embed schema.json
var schemaJSON []byte

// field is one column of the standard as its schema describes it.
type field struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Constraints struct {
		Required bool   `json:"required"`
		Unique   bool   `json:"unique"`
		Pattern  string `json:"pattern"`
	} `json:"constraints"`
	pattern *regexp.Regexp
}

// schema is the standard's fields, read once from the embedded file.
var schema = func() []field {
	var s struct {
		Fields []field `json:"fields"`
	}
	if err := json.Unmarshal(schemaJSON, &s); err != nil {
		panic("directory: embedded schema.json: " + err.Error())
	}
	for i, f := range s.Fields {
		if f.Constraints.Pattern != "" {
			// Table Schema patterns match the whole value.
			s.Fields[i].pattern = regexp.MustCompile(`^(?:` + f.Constraints.Pattern + `)$`)
		}
	}
	return s.Fields
}()

// Place is one place of the directory: the centre's data, never a visitor's.
type Place struct {
	ID       string
	Name     string
	Address  string // street, postcode and town on one line
	Phone    string
	Email    string
	Website  string
	Hours    string // OpenStreetMap opening_hours, as in the standard
	Services []string
	Publics  []string
	Access   []string // modalites_acces
	// Orientations are the orientation codes (assessment.Autonomous…) the
	// place serves, from its services and programmes (see Tag).
	Orientations []string
}

// Error is one problem in the file, located for whoever fixes it.
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// MaxErrors is how many errors Parse reports before it stops looking.
const MaxErrors = 50

// Parse reads a CSV file of the standard named file. The separator may be
// "," (the standard) or ";" (a French spreadsheet's export); a byte order
// mark is skipped. It returns the places when the whole file is valid, or
// every error found (up to MaxErrors) and no place: an import is all or
// nothing, so a broken file never half-replaces a good directory.
func Parse(file string, r io.Reader) ([]Place, []error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []error{&Error{File: file, Line: 1, Msg: err.Error()}}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	header, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	var errs []error
	add := func(line int, field, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	names, err := cr.Read()
	if err != nil {
		return nil, []error{csvError(file, err)}
	}
	col := map[string]int{}
	for i, n := range names {
		col[strings.TrimSpace(n)] = i
	}
	for _, f := range schema {
		if _, ok := col[f.Name]; !ok && f.Constraints.Required {
			add(1, f.Name, "colonne obligatoire absente de l'en-tête")
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	var places []Place
	seen := map[string]int{}
	for len(errs) < MaxErrors {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvError(file, err))
			break
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		for _, f := range schema {
			v := get(f.Name)
			switch {
			case v == "" && f.Constraints.Required:
				add(line, f.Name, "obligatoire, vide")
			case v == "":
			case f.pattern != nil && !f.pattern.MatchString(v):
				add(line, f.Name, "« %s » ne suit pas le standard", v)
			case f.Type == "number":
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					add(line, f.Name, "« %s » n'est pas un nombre", v)
				}
			case f.Type == "date":
				if _, err := time.Parse("2006-01-02", v); err != nil {
					add(line, f.Name, "« %s » n'est pas une date AAAA-MM-JJ", v)
				}
			}
		}
		id := get("id")
		if first, dup := seen[id]; dup && id != "" {
			add(line, "id", "« %s » déjà utilisé ligne %d", id, first)
		}
		seen[id] = line
		p := Place{
			ID:      id,
			Name:    get("nom"),
			Address: strings.Join(nonEmpty(get("adresse"), get("complement_adresse"), strings.TrimSpace(get("code_postal")+" "+get("commune"))), ", "),
			Phone:   get("telephone"),
			Email:   first(get("courriels")),
			Website: first(get("site_web")),
			Hours:   get("horaires"),
		}
		p.Services, p.Publics, p.Access = list(get("services")), list(get("publics_specifiquement_adresses")), list(get("modalites_acces"))
		p.Orientations = Tag(p.Services, list(get("dispositif_programmes_nationaux")), list(get("modalites_accompagnement")))
		places = append(places, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(places) == 0 {
		return nil, []error{&Error{File: file, Line: 2, Msg: "aucun lieu dans le fichier"}}
	}
	return places, nil
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Msg: pe.Err.Error()}
	}
	return &Error{File: file, Line: 1, Msg: err.Error()}
}

// list splits a multi-valued field of the standard ("a|b").
func list(v string) []string { return nonEmpty(strings.Split(v, "|")...) }

func first(v string) string {
	if l := list(v); len(l) > 0 {
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
