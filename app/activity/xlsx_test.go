package activity

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"pasapas/internal/officetest"
)

// headerRow is the table's header row in the workbook: after the Coop's
// "Informations export" block and an empty row.
const headerRow = 6

func readXLSX(t *testing.T, data []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Activités"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCoopWorkbookIsShapedLikeTheCoopsExport(t *testing.T) {
	rows := readXLSX(t, export(t, FormatCoop))
	if len(rows) != headerRow+1 {
		t.Fatalf("%d rows, want the header and one accompaniment: %q", len(rows), rows)
	}
	if rows[0][0] != "Informations export" || !slices.Equal(rows[headerRow-1], append(CoopColumns[:], KioskColumns...)) {
		t.Fatalf("layout %q", rows)
	}
	r := rows[headerRow]
	get := func(col string) string { return r[slices.Index(CoopColumns[:], col)] }
	for col, want := range map[string]string{
		ColDate: "23/11/2026", ColType: "Accompagnement individuel", ColParticipants: "1", ColChannel: "Lieu d’activité",
		ColPlaceName: "Médiathèque Jean-Giono", ColINSEE: "05061", ColMinutes: "47", ColMaterial: "Ordinateur",
		ColThemes:   "Diagnostic numérique\nAide aux démarches administratives\nSocial - Santé\nArgent - Impôts",
		ColAutonomy: "2/3", ColReoriented: "Oui", ColGenre: "Non communiqué", ColCRA: "",
	} {
		if got := get(col); got != want {
			t.Errorf("%s = %q, want %q", col, got, want)
		}
	}
}

// TestCoopWorkbookOpensInLibreOffice converts the workbook to CSV with
// LibreOffice: it opens, and the cells, line breaks and typographic
// apostrophes included, are what the kiosk wrote.
func TestCoopWorkbookOpensInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "activites.xlsx")
	if err := os.WriteFile(in, export(t, FormatCoop), 0o644); err != nil {
		t.Fatal(err)
	}
	officetest.Run(t, dir, "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", filepath.Join(dir, "back"), in)
	back, err := os.ReadFile(filepath.Join(dir, "back", "activites.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, back)
	if len(rows) < headerRow+1 {
		t.Fatalf("LibreOffice read %d rows:\n%s", len(rows), back)
	}
	if !slices.Equal(rows[headerRow-1][:len(CoopColumns)], CoopColumns[:]) {
		t.Fatalf("LibreOffice header %q", rows[headerRow-1])
	}
	want := readXLSX(t, export(t, FormatCoop))[headerRow]
	for j, w := range want {
		if got := cell(rows, headerRow, j); got != w {
			t.Errorf("column %q: LibreOffice gives %q, want %q", rows[headerRow-1][j], got, w)
		}
	}
}
