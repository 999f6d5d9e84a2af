package activity

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Export formats.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// csvHeader names the columns in the words of the activity report.
var csvHeader = []string{
	"Date", "Heure", "Code session", "Borne", "Langue", "Statut",
	"Durée (min)", "Tranche de durée", "Thèmes", "Niveau d'autonomie", "Orientation",
	"Niveaux par domaine", "Démarches à faire", "Démarches guidées", "Démarches terminées",
	"Étapes bloquantes", "Documents manquants",
}

// Record is one exported session: the report's words and the codes beside
// them. It holds no free text: every field comes from codes and times.
type Record struct {
	Date        string         `json:"date"`
	Time        string         `json:"heure"`
	Code        string         `json:"code_session"`
	Kiosk       string         `json:"borne"`
	Lang        string         `json:"langue"`
	Status      string         `json:"statut"`
	Minutes     int            `json:"duree_minutes"`
	DurationBnd string         `json:"tranche_duree"`
	Themes      []string       `json:"themes"`
	Autonomy    string         `json:"niveau_autonomie,omitempty"`
	Orientation string         `json:"orientation,omitempty"`
	OrientCode  string         `json:"orientation_code,omitempty"`
	Levels      map[string]int `json:"niveaux,omitempty"`
	Needs       []string       `json:"demarches_a_faire,omitempty"`
	Walks       []Walk         `json:"demarches_guidees,omitempty"`
}

// NewRecord puts s in the report's words.
func NewRecord(s Summary) Record {
	local := s.Started.In(time.Local)
	return Record{
		Date:        local.Format(DayLayout),
		Time:        local.Format("15:04"),
		Code:        s.Code.String(),
		Kiosk:       s.KioskID,
		Lang:        s.Lang,
		Status:      statusLabel(string(s.Status)),
		Minutes:     int(s.Duration.Round(time.Minute) / time.Minute),
		DurationBnd: DurationBand(s.Duration),
		Themes:      Themes(s.Facts),
		Autonomy:    Autonomy(s.Levels),
		Orientation: orientationOrEmpty(s.Orientation),
		OrientCode:  s.Orientation,
		Levels:      s.Levels,
		Needs:       s.Needs,
		Walks:       s.Walks,
	}
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

// csvRow writes s as the CSV's fields into row (reused: an export writes
// 100 000 of them).
func csvRow(row []string, s Summary) []string {
	local := s.Started.In(time.Local)
	var levels, walked, done, stuck, missing strings.Builder
	for i, d := range sortedKeys(s.Levels) {
		if i > 0 {
			levels.WriteString(", ")
		}
		levels.WriteString(d + " : " + strconv.Itoa(s.Levels[d]))
	}
	sep := func(b *strings.Builder) {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
	}
	for _, w := range s.Walks {
		sep(&walked)
		walked.WriteString(w.Procedure)
		if w.Completed {
			sep(&done)
			done.WriteString(w.Procedure)
		}
		for _, st := range w.Stuck {
			sep(&stuck)
			stuck.WriteString(w.Procedure + "/" + st)
		}
		for _, m := range w.Missing {
			sep(&missing)
			missing.WriteString(w.Procedure + "/" + m)
		}
	}
	return append(row[:0],
		local.Format(DayLayout), local.Format("15:04"), s.Code.String(), s.KioskID, s.Lang, statusLabel(string(s.Status)),
		strconv.Itoa(int(s.Duration.Round(time.Minute)/time.Minute)), DurationBand(s.Duration), strings.Join(Themes(s.Facts), ", "),
		Autonomy(s.Levels), orientationOrEmpty(s.Orientation),
		levels.String(), strings.Join(s.Needs, ", "), walked.String(), done.String(), stuck.String(), missing.String())
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Writer writes an export one session at a time, so a year of sessions
// never sits in memory.
type Writer struct {
	format string
	w      io.Writer
	csv    *csv.Writer
	json   *json.Encoder
	row    []string
	n      int
}

// NewWriter starts an export in format (FormatCSV or FormatJSON). The CSV
// is what French spreadsheets open without asking: UTF-8 with a byte order
// mark, ";" between fields, CRLF line ends.
func NewWriter(w io.Writer, format string) (*Writer, error) {
	x := &Writer{format: format, w: w}
	switch format {
	case FormatCSV:
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
		x.csv = csv.NewWriter(w)
		x.csv.Comma = ';'
		x.csv.UseCRLF = true
		if err := x.csv.Write(csvHeader); err != nil {
			return nil, err
		}
	case FormatJSON:
		if _, err := io.WriteString(w, "[\n"); err != nil {
			return nil, err
		}
		x.json = json.NewEncoder(w)
	default:
		return nil, fmt.Errorf("unknown export format %q (csv or json)", format)
	}
	return x, nil
}

// Write adds one session.
func (x *Writer) Write(s Summary) error {
	x.n++
	if x.csv != nil {
		x.row = csvRow(x.row, s)
		return x.csv.Write(x.row)
	}
	r := NewRecord(s)
	if x.n > 1 {
		if _, err := io.WriteString(x.w, ","); err != nil {
			return err
		}
	}
	return x.json.Encode(r)
}

// Close ends the export; it returns how many sessions were written.
func (x *Writer) Close() (int, error) {
	if x.csv != nil {
		x.csv.Flush()
		return x.n, x.csv.Error()
	}
	_, err := io.WriteString(x.w, "]\n")
	return x.n, err
}

// Exporter is the part of the store an export reads.
type Exporter interface {
	Export(ctx context.Context, w io.Writer, from, to time.Time, format string) (int, error)
}

// ExportFile writes the export to path through a temporary file renamed at
// the end, so a full USB stick or a pulled-out one never leaves a file
// that looks complete.
func ExportFile(ctx context.Context, st Exporter, path string, from, to time.Time, format string) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pasapas-export-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	n, err := st.Export(ctx, tmp, from, to, format)
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
