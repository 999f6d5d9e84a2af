package printing

import "time"

// TestPageTitle is the print job's title of the test page.
const TestPageTitle = "Pas à Pas - page d'essai"

// TestPage is the one A4 page the first start prints to check the printer:
// the kiosk's font in the sizes of a summary, accents included, the
// centre's name (when given) and the day, so whoever installs the kiosk
// sees at a glance that the printer works and that the text comes out right.
func TestPage(centre string, day time.Time) ([]byte, error) {
	pdf := newPDF(day, TestPageTitle)
	d := &doc{pdf: pdf, lang: MediatorLang}
	pdf.AddPage()
	d.font(true, 24, accent)
	d.para(bodyW, 11, "Page d'essai de Pas à Pas", "L")
	d.hrule(rule, 0.4)
	pdf.Ln(6)
	if centre != "" {
		d.font(true, 16, ink)
		d.para(bodyW, 8, centre, "L")
	}
	d.font(false, 14, ink)
	d.para(bodyW, 7, "Imprimée le "+day.Format("02/01/2006")+".", "L")
	pdf.Ln(4)
	d.para(bodyW, 7, "Vous lisez cette page : l'imprimante fonctionne. Les résumés des visiteurs sortiront ici.", "L")
	pdf.Ln(4)
	d.font(false, 11, muted)
	d.para(bodyW, 6, "Accents et signes : é è ê à â ç ô û ï « » ’ € – 0123456789", "L")
	return output(pdf, "the test page")
}
