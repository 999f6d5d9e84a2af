package printing

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"pasapas/assets/fonts"
)

// Text looks up a visitor-page text in a language: i18n.Catalogue.T has
// this signature.
type Text func(lang, key string, args ...string) string

// MediatorLang is the language of the mediator page: French, the language
// of the mediators' own activity reports, whatever the visitor's. Its
// labels are fixed (labels.go), not interface text.
const MediatorLang = "fr"

// Page geometry, in millimetres (A4 portrait).
const (
	pageW   = 210.0
	pageH   = 297.0
	marginX = 20.0
	marginT = 16.0
	marginB = 18.0
	bodyW   = pageW - 2*marginX
)

// Colours: near-black ink, a dark grey for secondary text, and one dark
// blue that prints as a deep grey on black-and-white printers. Every pair
// keeps at least 7:1 contrast on white.
var (
	ink    = rgb{0x12, 0x12, 0x12}
	muted  = rgb{0x47, 0x47, 0x47}
	accent = rgb{0x0B, 0x3D, 0x91}
	tint   = rgb{0xE3, 0xEA, 0xF5}
	rule   = rgb{0x9A, 0x9A, 0x9A}
)

type rgb struct{ r, g, b int }

const family = "LecturePasAPas"

// Render lays out s as a two-page A4 PDF (mediator page, then visitor page)
// and returns its bytes. Texts come from t; every string is passed through
// Printable first.
func Render(s Summary, t Text) ([]byte, error) {
	pdf := newPDF(s.Date, "Pas à Pas - résumé de séance "+s.Code)
	d := &doc{pdf: pdf, t: t, s: s}
	pdf.SetFooterFunc(d.footer)

	d.lang = MediatorLang
	pdf.AddPage()
	d.mediatorPage()
	// The footer of the mediator's last page is drawn inside AddPage, so
	// the language changes only once the visitor page has begun.
	pdf.AddPage()
	d.lang, d.visitor, d.rtl = visitorLang(s), true, s.VisitorRTL
	d.visitorPage()

	return output(pdf, "the summary")
}

// newPDF is an A4 document in the kiosk's font, dated day.
func newPDF(day time.Time, title string) *gofpdf.Fpdf {
	pdf := gofpdf.New("P", "mm", "A4", "")
	// Only the glyphs used are embedded (gofpdf subsets UTF-8 fonts), which
	// keeps a summary small.
	pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	// A fixed date and sorted resources make the same session give the
	// same bytes, and the file carries no clock of the machine.
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(Printable(title), true)
	pdf.SetCreator("Pas à Pas", true)
	pdf.SetMargins(marginX, marginT, marginX)
	pdf.SetAutoPageBreak(true, marginB)
	return pdf
}

// output is the bytes of pdf, or the error met while drawing what.
func output(pdf *gofpdf.Fpdf, what string) ([]byte, error) {
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", what, err)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("writing %s: %w", what, err)
	}
	return out.Bytes(), nil
}

func visitorLang(s Summary) string {
	if s.VisitorLang == "" {
		return MediatorLang
	}
	return s.VisitorLang
}

// doc is a summary being drawn: the PDF, the texts, and the page's language.
type doc struct {
	pdf  *gofpdf.Fpdf
	t    Text
	s    Summary
	lang string
	// visitor is set once the visitor's page has begun.
	visitor bool
	// rtl is set when the visitor's page reads right to left (rtl.go).
	rtl bool
	// images counts the paragraphs placed as images, to name each.
	images int
}

// T is the text for key in the current page's language, made printable
// (a right-to-left page is shaped, not printed in the PDF font).
func (d *doc) T(key string, args ...string) string {
	if d.rtl {
		return d.t(d.lang, key, args...)
	}
	return Printable(d.t(d.lang, key, args...))
}

// write sets s as a paragraph at the current position, w wide (0: to the
// right margin), in the page's direction, and moves below it.
func (d *doc) write(w, size, lineH float64, bold bool, c rgb, s string) {
	if !d.rtl {
		d.font(bold, size, c)
		d.para(w, lineH, s, "L")
		return
	}
	x, y := d.pdf.GetXY()
	if w == 0 {
		w = pageW - marginX - x
	}
	h := d.rtlPara(x, y, w, size, lineH, bold, false, c, s)
	d.pdf.SetY(y + h)
}

func (d *doc) font(bold bool, size float64, c rgb) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(family, style, size)
	d.pdf.SetTextColor(c.r, c.g, c.b)
}

// para writes wrapped text over width w (0: to the right margin) at the
// current position.
func (d *doc) para(w, lineH float64, s, align string) {
	d.pdf.MultiCell(w, lineH, Printable(s), "", align, false)
}

// lines is how many lines s takes over width w in the current font.
func (d *doc) lines(w float64, s string) int {
	return max(1, len(d.pdf.SplitText(Printable(s), w)))
}

func (d *doc) footer() {
	d.pdf.SetY(-marginB + 4)
	d.font(false, 8.5, muted)
	text := fmt.Sprintf(labelFooter, d.s.Code)
	if d.visitor {
		text = d.T("print.footer.visitor", "code", d.s.Code)
	}
	if d.rtl {
		d.rtlPara(marginX, d.pdf.GetY(), bodyW, 8.5, 5, false, true, muted, text)
		return
	}
	d.pdf.CellFormat(0, 5, Printable(text), "", 0, "C", false, 0, "")
}

// keepRoom starts a new page when less than h millimetres are left, so a
// heading is never left alone at the foot of a page.
func (d *doc) keepRoom(h float64) {
	if d.pdf.GetY()+h > pageH-marginB {
		d.pdf.AddPage()
	}
}

// ---- Page 1: for the mediator ----

func (d *doc) mediatorPage() {
	pdf, s := d.pdf, d.s
	d.font(false, 9, muted)
	pdf.CellFormat(bodyW/2, 5, labelKicker, "", 0, "L", false, 0, "")
	pdf.CellFormat(bodyW/2, 5, Printable(s.Centre.Name), "", 1, "R", false, 0, "")

	top := pdf.GetY() + 3
	pdf.SetXY(marginX, top)
	d.font(false, 10, muted)
	pdf.CellFormat(90, 5, labelCode, "", 2, "L", false, 0, "")
	d.font(true, 30, ink)
	pdf.CellFormat(90, 13, Printable(s.Code), "", 0, "L", false, 0, "")

	// Facts in a column on the right, level with the code.
	var facts [][2]string
	if !s.Date.IsZero() {
		facts = append(facts, [2]string{labelDate, s.Date.Format("02/01/2006 15:04")})
	}
	if s.Duration > 0 {
		facts = append(facts, [2]string{labelDuration, minutes(s) + " min"})
	}
	if s.Language != "" {
		facts = append(facts, [2]string{labelLanguage, s.Language})
	}
	y := top
	for _, f := range facts {
		pdf.SetXY(112, y)
		d.font(false, 10, muted)
		pdf.CellFormat(24, 6, f[0], "", 0, "L", false, 0, "")
		d.font(true, 10.5, ink)
		pdf.CellFormat(bodyW-92-24, 6, Printable(f[1]), "", 0, "L", false, 0, "")
		y += 6
	}
	pdf.SetY(max(top+19, y) + 2)
	d.hrule(ink, 0.5)

	d.domains()
	d.list(labelExercises, s.Exercises)
	if len(s.Needs) > 0 {
		d.heading(labelNeeds)
		d.font(false, 10.5, ink)
		d.para(0, 5.2, strings.Join(s.Needs, ", "), "L")
	}
	d.walkthroughs()
	d.progress()
	if s.Orientation != "" {
		d.heading(labelOrientation)
		d.font(true, 12, ink)
		d.para(0, 6, s.Orientation, "L")
	}
	d.report()
	d.places()
	if len(s.Domains)+len(s.Exercises)+len(s.Needs)+len(s.Walkthroughs) == 0 && s.Orientation == "" {
		d.pdf.Ln(6)
		d.font(false, 11, muted)
		d.para(0, 6, labelNothing, "L")
	}
}

func minutes(s Summary) string {
	return strconv.Itoa(max(1, int(s.Duration.Round(60e9).Minutes())))
}

func (d *doc) hrule(c rgb, width float64) {
	y := d.pdf.GetY()
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(marginX, y, pageW-marginX, y)
}

// heading starts a mediator-page section: a bold title over a thin rule.
func (d *doc) heading(title string) {
	d.keepRoom(20)
	d.pdf.Ln(2.5)
	d.font(true, 12, accent)
	d.pdf.CellFormat(0, 6, title, "", 1, "L", false, 0, "")
	d.hrule(rule, 0.2)
	d.pdf.Ln(1.5)
}

// list is a section of bullet points; it is left out when items is empty.
func (d *doc) list(title string, items []string) {
	if len(items) == 0 {
		return
	}
	d.heading(title)
	d.font(false, 10.5, ink)
	d.columns(len(items), func(i int, w float64) { d.bullet(items[i], w, 5, 5) })
}

// bullet writes one item, w wide (0: to the right margin), with a hanging
// indent behind a round dot (drawn, so it never depends on the font).
func (d *doc) bullet(s string, w, lineH, indent float64) {
	pdf := d.pdf
	if w == 0 {
		w = pageW - marginX - pdf.GetX()
	}
	d.keepRoom(float64(d.lines(w-indent, s)) * lineH)
	x, y := pdf.GetX(), pdf.GetY()
	_, size := pdf.GetFontSize()
	r := size * 0.16
	pdf.SetFillColor(ink.r, ink.g, ink.b)
	pdf.Circle(x+r+0.6, y+lineH/2, r, "F")
	left, _, _, _ := pdf.GetMargins()
	pdf.SetLeftMargin(x + indent)
	pdf.SetX(x + indent)
	d.para(w-indent, lineH, s, "L")
	pdf.SetLeftMargin(left)
	pdf.SetX(x)
}

// columns lays items out in two columns, row by row; draw writes one item
// at the current position within the given width.
func (d *doc) columns(n int, draw func(i int, w float64)) {
	const gap = 6.0
	colW := (bodyW - gap) / 2
	pdf := d.pdf
	for i := 0; i < n; i += 2 {
		y := pdf.GetY()
		pdf.SetXY(marginX, y)
		draw(i, colW)
		bottom := pdf.GetY()
		if i+1 < n {
			pdf.SetXY(marginX+colW+gap, y)
			draw(i+1, colW)
			bottom = max(bottom, pdf.GetY())
		}
		pdf.SetXY(marginX, bottom)
	}
}

func (d *doc) domains() {
	if len(d.s.Domains) == 0 {
		return
	}
	d.heading(labelDomains)
	pdf := d.pdf
	const nameW, segW, segH, gap, rowH, nameH, labelH = 58.0, 10.0, 4.4, 1.2, 6.6, 4.6, 4.2
	barX := marginX + nameW
	scoreX := barX + MaxLevel*(segW+gap) + 1.5
	labelX := scoreX + 9
	labelW := pageW - marginX - labelX
	for _, dom := range d.s.Domains {
		// Long names and labels wrap within their column; the row grows.
		d.font(false, 10.5, ink)
		nameLines := d.lines(nameW-3, dom.Name)
		d.font(false, 9.5, muted)
		h := max(rowH, float64(nameLines)*nameH+2.2, float64(d.lines(labelW, dom.Label))*labelH+2.2)
		d.keepRoom(h)
		y := pdf.GetY()
		level := min(max(dom.Level, 0), MaxLevel)
		d.font(false, 10.5, ink)
		pdf.SetXY(marginX, y+1.1)
		d.para(nameW-3, nameH, dom.Name, "L")
		pdf.SetLineWidth(0.3)
		pdf.SetDrawColor(accent.r, accent.g, accent.b)
		pdf.SetFillColor(accent.r, accent.g, accent.b)
		for i := 0; i < MaxLevel; i++ {
			style := "D"
			if i < level {
				style = "FD"
			}
			pdf.Rect(barX+float64(i)*(segW+gap), y+(rowH-segH)/2, segW, segH, style)
		}
		d.font(true, 10.5, ink)
		pdf.SetXY(scoreX, y)
		pdf.CellFormat(9, rowH, fmt.Sprintf("%d/%d", level, MaxLevel), "", 0, "L", false, 0, "")
		d.font(false, 9.5, muted)
		pdf.SetXY(labelX, y+1.1)
		d.para(labelW, labelH, dom.Label, "L")
		pdf.SetXY(marginX, y+h)
	}
}

func (d *doc) walkthroughs() {
	if len(d.s.Walkthroughs) == 0 {
		return
	}
	d.heading(labelWalkthroughs)
	for _, w := range d.s.Walkthroughs {
		d.font(false, 10.5, ink)
		d.bullet(walkLine(w), 0, 5, 5)
		if len(w.Missing) > 0 {
			d.font(false, 9.5, muted)
			d.pdf.SetX(marginX + 5)
			d.para(0, 4.8, labelMissing+strings.Join(w.Missing, ", "), "L")
			d.pdf.SetX(marginX)
		}
	}
}

// progress says what changed since a returning visitor's earlier visit.
func (d *doc) progress() {
	p := d.s.Progress
	if p == nil {
		return
	}
	d.heading(fmt.Sprintf(labelProgress, p.Since.Format("02/01/2006")))
	for _, l := range p.Levels {
		d.font(false, 10.5, ink)
		d.bullet(fmt.Sprintf("%s : %d/3 → %d/3", l.Domain, l.Then, l.Now), 0, 5, 5)
	}
	d.font(false, 10.5, ink)
	if len(p.Finished) > 0 {
		d.bullet(labelFinishedSince+strings.Join(p.Finished, ", "), 0, 5, 5)
	}
	if p.EarlierOrientation != "" {
		d.bullet(labelEarlier+p.EarlierOrientation, 0, 5, 5)
	}
}

func walkLine(w Walkthrough) string {
	steps := w.Step > 0 && w.Steps > 0
	var line string
	switch {
	case w.State == WalkCompleted:
		line = w.Title + " : terminé"
	case w.State == WalkStuck && steps:
		line = fmt.Sprintf("%s : bloqué à l'étape %d sur %d", w.Title, w.Step, w.Steps)
	case w.State == WalkStuck:
		line = w.Title + " : bloqué"
	case steps:
		line = fmt.Sprintf("%s : pas terminé, %d étapes faites sur %d", w.Title, w.Step, w.Steps)
	default:
		line = w.Title + " : commencé"
	}
	if w.StepTitle != "" && w.State != WalkCompleted {
		line += " : " + w.StepTitle
	}
	return line
}

// report is the block a mediator copies into their activity report.
// report draws the block for the Coop's activity report, its fields in
// the order of the Coop's form, read left to right: short ones share a
// line so the block fits under the rest of the mediator's page.
func (d *doc) report() {
	r := d.s.Report
	if r.Empty() {
		return
	}
	duration := ""
	if r.Minutes > 0 {
		duration = strconv.Itoa(r.Minutes) + " min"
	}
	var rows [][][2]string
	for _, row := range [][][2]string{
		{{labelType, r.Type}, {labelPlace, r.Place}, {labelReportDuration, duration}},
		{{labelThemes, strings.Join(r.Themes, ", ")}},
		{{labelProcedure, strings.Join(r.Procedures, ", ")}},
		{{labelMaterial, r.Material}, {labelAutonomy, r.Autonomy}},
		{{labelReoriented, r.Reoriented}, {labelStructure, r.Structure}},
	} {
		row = slices.DeleteFunc(row, func(c [2]string) bool { return c[1] == "" })
		if len(row) > 0 {
			rows = append(rows, row)
		}
	}
	const pad, lineH, noteH, gap, space = 3.0, 4.6, 3.6, 0.8, 7.0
	innerW := bodyW - 2*pad
	// Cells flow left to right, each its label then its value; the last
	// cell of a line wraps its value in the room left.
	type cell struct {
		key, value    string
		x, keyW, valW float64
	}
	layout := func(row [][2]string) ([]cell, float64) {
		cells := make([]cell, len(row))
		x, lines := marginX+pad, 1
		for i, c := range row {
			d.font(false, 9.5, muted)
			keyW := d.pdf.GetStringWidth(c[0]) + 2.5
			if len(row) == 1 {
				keyW = max(keyW, 38)
			}
			d.font(true, 10, ink)
			valW := marginX + pad + innerW - x - keyW
			if i < len(row)-1 {
				// MultiCell keeps a margin on each side of the text.
				valW = min(valW, d.pdf.GetStringWidth(Printable(c[1]))+2*d.pdf.GetCellMargin()+0.5)
			}
			cells[i] = cell{c[0], c[1], x, keyW, valW}
			lines = max(lines, d.lines(valW, c[1]))
			x += keyW + valW + space
		}
		return cells, float64(lines) * lineH
	}
	d.font(false, 8.5, muted)
	h := 2*pad + 6 + float64(d.lines(innerW, labelReportNote))*noteH + gap
	for _, row := range rows {
		_, rh := layout(row)
		h += rh + gap
	}
	d.keepRoom(h + 4)
	pdf := d.pdf
	pdf.Ln(3)
	y := pdf.GetY()
	pdf.SetFillColor(tint.r, tint.g, tint.b)
	pdf.SetDrawColor(accent.r, accent.g, accent.b)
	pdf.SetLineWidth(0.4)
	pdf.RoundedRect(marginX, y, bodyW, h, 2, "1234", "FD")
	pdf.SetXY(marginX+pad, y+pad)
	d.font(true, 12, accent)
	pdf.CellFormat(0, 6, labelReport, "", 2, "L", false, 0, "")
	pdf.SetX(marginX + pad)
	d.font(false, 8.5, muted)
	d.para(innerW, noteH, labelReportNote, "L")
	rowY := pdf.GetY() + gap
	for _, row := range rows {
		cells, rh := layout(row)
		for _, c := range cells {
			pdf.SetXY(c.x, rowY)
			d.font(false, 9.5, muted)
			pdf.CellFormat(c.keyW, lineH, c.key, "", 0, "L", false, 0, "")
			d.font(true, 10, ink)
			d.para(c.valW, lineH, c.value, "L")
		}
		rowY += rh + gap
	}
	pdf.SetY(y + h)
}

// places lists the places to orient to, two per row, nearest first: the
// rows that fit under the rest of the mediator's page, so it stays one
// page (the nearest come first; the console lists them all).
func (d *doc) places() {
	places := d.s.Places
	if len(places) == 0 {
		return
	}
	const nameH, detailH, indent = 5.0, 4.6, 5.0
	colW := (bodyW - 6) / 2
	join := func(a, b string) string { return strings.Trim(a+" · "+b, " ·") }
	// Three parts: name, address and distance, hours and contact.
	details := func(p Place) []string { return []string{join(p.Address, p.Distance), join(p.Hours, p.Contact)} }
	height := func(p Place) float64 {
		d.font(true, 10.5, ink)
		h := float64(d.lines(colW-indent, p.Name)) * nameH
		d.font(false, 9.5, muted)
		for _, detail := range details(p) {
			if detail != "" {
				h += float64(d.lines(colW-indent, detail)) * detailH
			}
		}
		return h
	}
	room := pageH - marginB - d.pdf.GetY() - 14 // the heading
	shown := 0
	for i := 0; i < len(places); i += 2 {
		h := height(places[i])
		if i+1 < len(places) {
			h = max(h, height(places[i+1]))
		}
		if room < h && shown > 0 {
			break
		}
		room -= h
		shown = min(len(places), i+2)
	}
	places = places[:shown]
	d.heading(labelPlaces)
	d.columns(len(places), func(i int, w float64) {
		p := places[i]
		x := d.pdf.GetX()
		d.font(true, 10.5, ink)
		d.bullet(p.Name, w, nameH, indent)
		for _, detail := range details(p) {
			if detail != "" {
				d.font(false, 9.5, muted)
				d.pdf.SetX(x + indent)
				d.para(w-indent, detailH, detail, "L")
			}
		}
	})
}

// ---- Page 2: for the visitor, large and plain ----

const (
	pictoSize = 13.0
	visitorW  = pageW - 2*marginX - pictoSize - 6
	bodySize  = 15.0
	bodyLineH = 7.4
)

// visitorColumns are where the pictograms and the texts of the visitor
// page begin: the pictograms on the side a reader starts from.
func (d *doc) visitorColumns() (pictoX, textX float64) {
	if d.rtl {
		return pageW - marginX - pictoSize, marginX
	}
	return marginX, marginX + pictoSize + 6
}

func (d *doc) visitorPage() {
	pdf, s, v := d.pdf, d.s, d.s.Visitor
	d.write(0, 26, 12, true, ink, d.T("print.visitor.title"))
	sub := []string{}
	if s.Centre.Name != "" {
		sub = append(sub, s.Centre.Name)
	}
	if !s.Date.IsZero() {
		sub = append(sub, s.Date.Format("02/01/2006"))
	}
	if len(sub) > 0 {
		d.write(0, 13, 6.5, false, muted, strings.Join(sub, "  ·  "))
	}
	pdf.Ln(2)
	d.hrule(ink, 0.6)
	pdf.Ln(3)

	if len(v.CanDo) > 0 {
		d.visitorSection(pictoCheck, "print.visitor.cando", func() { d.visitorBullets(v.CanDo) })
	}
	if better := d.visitorProgress(); len(better) > 0 {
		d.visitorSection(pictoCheck, "print.visitor.progress", func() { d.visitorBullets(better) })
	}
	if v.NextStep != "" {
		d.visitorSection(pictoArrow, "print.visitor.next", func() {
			d.write(visitorW, bodySize, bodyLineH, false, ink, v.NextStep)
		})
	}
	if len(v.Documents) > 0 {
		d.visitorSection(pictoDocument, "print.visitor.documents", func() { d.visitorBullets(v.Documents) })
	}
	d.codeBox()
	if s.Centre.Address != "" {
		d.visitorSection(pictoPin, "print.visitor.address", func() {
			d.write(visitorW, bodySize, bodyLineH, false, ink, s.Centre.Address)
		})
	}
	if s.Centre.Hours != "" {
		d.visitorSection(pictoClock, "print.visitor.hours", func() {
			d.write(visitorW, bodySize, bodyLineH, false, ink, s.Centre.Hours)
		})
	}
}

// visitorProgress are the visitor's lines of « Vos progrès »: what went up
// and what they finished since their earlier visit.
func (d *doc) visitorProgress() []string {
	p := d.s.Progress
	if p == nil {
		return nil
	}
	var out []string
	for _, domain := range p.Better {
		out = append(out, d.T("print.visitor.progress.up", "domain", domain))
	}
	for _, title := range p.FinishedSince {
		out = append(out, d.T("print.visitor.walk_done", "title", title))
	}
	return out
}

// visitorSection draws a pictogram in the margin column, a heading, and the
// body beside it.
func (d *doc) visitorSection(picto func(*gofpdf.Fpdf, float64, float64, float64), key string, body func()) {
	pdf := d.pdf
	d.keepRoom(30)
	pdf.Ln(4)
	y := pdf.GetY()
	pictoX, textX := d.visitorColumns()
	picto(pdf, pictoX, y, pictoSize)
	pdf.SetLeftMargin(textX)
	pdf.SetXY(textX, y)
	d.write(visitorW, 17, 8.5, true, accent, d.T(key))
	pdf.Ln(0.5)
	body()
	pdf.SetLeftMargin(marginX)
	pdf.SetX(marginX)
	pdf.SetY(max(pdf.GetY(), y+pictoSize) + 1)
}

func (d *doc) visitorBullets(items []string) {
	_, textX := d.visitorColumns()
	d.font(false, bodySize, ink)
	for _, it := range items {
		d.pdf.SetX(textX)
		if d.rtl {
			// The bullet leads the line, at its right.
			d.write(visitorW, bodySize, bodyLineH, false, ink, "•  "+it)
			continue
		}
		d.bullet(it, visitorW, bodyLineH, 6)
	}
}

// codeBox frames the session code the visitor shows at the desk.
func (d *doc) codeBox() {
	if d.s.Code == "" {
		return
	}
	pdf := d.pdf
	const h = 30.0
	d.keepRoom(h + 8)
	pdf.Ln(6)
	y := pdf.GetY()
	pdf.SetDrawColor(ink.r, ink.g, ink.b)
	pdf.SetLineWidth(0.8)
	pdf.RoundedRect(marginX, y, bodyW, h, 3, "1234", "D")
	pdf.SetXY(marginX+6, y+4)
	d.font(false, bodySize, ink)
	if d.rtl {
		d.rtlPara(marginX+6, y+4, bodyW-12, bodySize, 8, false, true, ink, d.T("print.visitor.code"))
		pdf.SetXY(marginX+6, y+12)
	} else {
		pdf.CellFormat(bodyW-12, 8, d.T("print.visitor.code"), "", 2, "C", false, 0, "")
	}
	d.font(true, 34, ink)
	pdf.CellFormat(bodyW-12, 15, Printable(d.s.Code), "", 2, "C", false, 0, "")
	pdf.SetY(y + h)
}
