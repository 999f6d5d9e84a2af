package activity

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxSheet is the sheet's name in the Coop's export.
const xlsxSheet = "Activités"

// xlsxWriter streams the Coop-shaped workbook: rows go to a temporary file
// past 16 MB, so a year of sessions does not sit in memory.
type xlsxWriter struct {
	f               *excelize.File
	sw              *excelize.StreamWriter
	text, date, num int // cell styles
	header, row     int // row numbers
}

// newXLSX starts the workbook as the Coop lays out its own: a block
// "Informations export", an empty row, then the table of activities with
// the Coop's columns and the kiosk's after them.
func newXLSX(now time.Time) (*xlsxWriter, error) {
	f := excelize.NewFile()
	x := &xlsxWriter{f: f}
	fail := func(err error) (*xlsxWriter, error) {
		f.Close()
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", xlsxSheet); err != nil {
		return fail(err)
	}
	top := &excelize.Alignment{WrapText: true, Vertical: "top"}
	dateFmt := "dd/mm/yyyy"
	var err error
	if x.text, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return fail(err)
	}
	if x.date, err = f.NewStyle(&excelize.Style{Alignment: top, CustomNumFmt: &dateFmt}); err != nil {
		return fail(err)
	}
	if x.num, err = f.NewStyle(&excelize.Style{Alignment: top, NumFmt: 1}); err != nil {
		return fail(err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fail(err)
	}
	if x.sw, err = f.NewStreamWriter(xlsxSheet); err != nil {
		return fail(err)
	}
	header := append(CoopColumns[:], KioskColumns...)
	// Wide enough for "Structure d’aide aux démarches administratives…".
	if err := x.sw.SetColWidth(1, len(header), 22); err != nil {
		return fail(err)
	}
	local := now.In(time.Local)
	rows := [][]any{
		{excelize.Cell{StyleID: bold, Value: "Informations export"}},
		{"Source", "Pas à Pas (borne en libre-service)"},
		{"Date d’export", local.Format("02/01/2006")},
		{"Heure d’export", local.Format("15:04")},
		{},
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	rows = append(rows, cells)
	for i, r := range rows {
		if err := x.sw.SetRow("A"+strconv.Itoa(i+1), r); err != nil {
			return fail(err)
		}
	}
	x.header = len(rows)
	x.row = x.header
	return x, nil
}

func (x *xlsxWriter) write(s Summary, o Options) error {
	cells := CoopCells(s, o)
	row := make([]any, 0, len(CoopColumns)+len(KioskColumns))
	for i, c := range CoopColumns {
		v := cells[i]
		switch {
		case c == ColDate:
			day := s.Started.In(time.Local)
			row = append(row, excelize.Cell{StyleID: x.date, Value: time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)})
		case (c == ColMinutes || c == ColParticipants) && v != "":
			n, _ := strconv.Atoi(v)
			row = append(row, excelize.Cell{StyleID: x.num, Value: n})
		default:
			row = append(row, excelize.Cell{StyleID: x.text, Value: v})
		}
	}
	for _, v := range KioskCells(s) {
		row = append(row, excelize.Cell{StyleID: x.text, Value: v})
	}
	x.row++
	return x.sw.SetRow("A"+strconv.Itoa(x.row), row)
}

// close ends the table (with the Coop's filter buttons when it has rows)
// and writes the workbook to w.
func (x *xlsxWriter) close(w io.Writer) error {
	defer x.f.Close()
	if x.row > x.header {
		last, err := excelize.CoordinatesToCellName(len(CoopColumns)+len(KioskColumns), x.row)
		if err != nil {
			return err
		}
		if err := x.sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A%d:%s", x.header, last), Name: "Activites"}); err != nil {
			return err
		}
	}
	if err := x.sw.Flush(); err != nil {
		return err
	}
	return x.f.Write(w)
}
