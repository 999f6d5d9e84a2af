package console

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/ui/kit"
	"pasapas/ui/shell"
)

// statsPeriod is a period the console offers: the last days days, or a
// calendar month when month is set; back moves it that many periods into
// the past ("the month before", for the monthly activity report).
type statsPeriod struct {
	id    string
	days  int
	month bool
	back  int
}

var statsPeriods = []statsPeriod{{id: "7", days: 7}, {id: "30", days: 30}, {id: "month", month: true}, {id: "365", days: 365}}

// span is the days the period covers, seen from now.
func (p statsPeriod) span(now time.Time) activity.Period {
	if p.month {
		return activity.Month(now, p.back)
	}
	return activity.LastDays(now.AddDate(0, 0, -p.days*p.back), p.days)
}

// WalksPerPage is how many walkthroughs a page of their statistics shows.
const WalksPerPage = 3

// periodButtons is the row of period choices, the chosen one standing out,
// with arrows to the period before and after.
func (s *Screens) periodButtons(sc *shell.Screen, chosen statsPeriod, choices []statsPeriod, open func(statsPeriod)) fyne.CanvasObject {
	row := container.NewHBox(bold(s.M("console.period")))
	for _, p := range choices {
		imp := widget.MediumImportance
		if p.id == chosen.id {
			imp = widget.HighImportance
		}
		row.Add(s.cbutton(sc, "period."+p.id, s.M("console.period."+p.id), imp, func() { open(p) }))
	}
	if chosen.days == 0 && !chosen.month {
		return row
	}
	earlier, later := chosen, chosen
	earlier.back++
	later.back--
	before := s.cbutton(sc, "earlier", s.M("console.period.earlier"), widget.MediumImportance, func() { open(earlier) })
	after := s.cbutton(sc, "later", s.M("console.period.later"), widget.MediumImportance, func() { open(later) })
	before.Icon = theme.NavigateBackIcon()
	after.Icon, after.IconPlacement = theme.NavigateNextIcon(), widget.ButtonIconTrailingText
	if chosen.back == 0 {
		after.Disable()
	}
	row.Add(layout.NewSpacer())
	row.Add(before)
	row.Add(after)
	return row
}

// showStats shows the statistics of period p: page 0 is the
// overview (four charts), the next pages the walkthroughs.
func (s *Screens) showStats(p statsPeriod, page int) {
	sc := shell.NewScreen("mediator.stats")
	period := p.span(s.Svc.Now())
	st, err := s.Svc.Console.Stats(s.ctx(), period)
	head := container.NewVBox(s.periodButtons(sc, p, statsPeriods, func(p statsPeriod) { s.showStats(p, 0) }))
	title := s.M("console.stats.title")
	if err != nil {
		s.consolePage(sc, title, container.NewBorder(head, nil, nil, nil, s.consoleError(sc, err)))
		return
	}
	total := clabel(sc, "total", s.M("console.stats.total", "n", strconv.Itoa(st.Sessions),
		"from", s.dayLabel(period.First), "to", s.dayLabel(period.Last)))
	head.Add(total)
	// The overview, the walkthroughs, the Coop's thématiques, then the
	// visitors who came back.
	walkPages := (len(st.Walks) + WalksPerPage - 1) / WalksPerPage
	pages := 3 + walkPages
	page = max(0, min(page, pages-1))
	var body fyne.CanvasObject
	switch {
	case page == 0:
		body = s.statsOverview(sc, st)
	case page <= walkPages:
		body = s.statsWalks(sc, st.Walks[(page-1)*WalksPerPage:min(len(st.Walks), page*WalksPerPage)])
	case page == walkPages+1:
		body = s.statsThemes(sc, st)
	default:
		body = s.statsReturning(sc, st)
	}
	prev := s.cbutton(sc, "prev", s.M("console.prev"), widget.MediumImportance, func() { s.showStats(p, page-1) })
	if page == 0 {
		prev.Disable()
	}
	nextText := s.M("console.stats.walks")
	if page > 0 {
		nextText = s.M("console.next")
	}
	next := s.cbutton(sc, "next", nextText, widget.MediumImportance, func() { s.showStats(p, page+1) })
	if page == pages-1 {
		next.Disable()
	}
	pageNo := clabel(sc, "page", s.M("console.pageof", "n", strconv.Itoa(page+1), "of", strconv.Itoa(pages)))
	s.consolePage(sc, title, container.NewBorder(head, nil, nil, nil, body), prev, pageNo, next)
}

// panel is one chart with its title above and its numbers on the right.
func panel(title string, chart fyne.CanvasObject, numbers ...fyne.CanvasObject) fyne.CanvasObject {
	var side fyne.CanvasObject
	if len(numbers) > 0 {
		side = container.NewVBox(numbers...)
	}
	return container.NewBorder(bold(title), nil, nil, side, chart)
}

func (s *Screens) statsOverview(sc *shell.Screen, st activity.Stats) fyne.CanvasObject {
	series, unit := st.PerDay, s.M("console.stats.perday")
	if len(series) > 31 {
		series, unit = st.PerWeek(), s.M("console.stats.perweek")
	}
	values := make([]int, len(series))
	labels := make([]string, len(series))
	best := activity.Count{}
	for i, c := range series {
		values[i] = c.N
		d, _ := activity.ParseDay(c.Key)
		labels[i] = shortDay(d)
		if c.N > best.N {
			best = activity.Count{Key: labels[i], N: c.N}
		}
	}
	mean := 0.0
	if len(series) > 0 {
		mean = float64(st.Sessions) / float64(len(series))
	}
	sessions := panel(unit, columnsChart(values, labels),
		clabel(sc, "mean", s.M("console.stats.mean", "n", frenchFloat(mean))),
		clabel(sc, "max", s.M("console.stats.max", "n", strconv.Itoa(best.N), "day", orDash(best.Key))))

	var orient []bar
	for _, c := range st.Orientations {
		orient = append(orient, bar{label: activity.OrientationLabel(c.Key), value: float64(c.N),
			text: countPercent(c.N, st.Sessions), colour: colourOr(orientationColours[c.Key], seriesColour)})
	}
	orientation := panel(s.M("console.stats.orientation"), hbars(orient, 0))

	domains := st.Domains()
	parts := make([][4]int, len(domains))
	notes := make([]string, len(domains))
	for i, d := range domains {
		parts[i] = st.Levels[d]
		n, sum := 0, 0
		for lv, k := range parts[i] {
			n += k
			sum += lv * k
		}
		notes[i] = s.M("console.stats.meanlevel", "n", frenchFloat(float64(sum)/float64(max(n, 1))))
	}
	var levels fyne.CanvasObject = clabel(sc, "nolevels", s.M("console.stats.none"))
	if len(domains) > 0 {
		levels = container.NewBorder(nil, legend([]string{"0", "1", "2", "3"}, levelColours[:]), nil, nil, stacked(s.domainNames(domains), parts, notes))
	}
	levelPanel := panel(s.M("console.session.levels"), levels)

	var needs []bar
	for _, c := range st.Needs[:min(6, len(st.Needs))] {
		needs = append(needs, bar{label: s.codeName("need", c.Key), value: float64(c.N), text: countPercent(c.N, st.Sessions), colour: seriesColour})
	}
	var needChart fyne.CanvasObject = clabel(sc, "noneeds", s.M("console.stats.none"))
	if len(needs) > 0 {
		needChart = hbars(needs, 0)
	}
	needPanel := panel(s.M("console.stats.needs"), needChart)
	return container.NewGridWithRows(2,
		container.NewGridWithColumns(2, sessions, orientation),
		container.NewGridWithColumns(2, levelPanel, needPanel))
}

// statsWalks shows, per walkthrough, how many started and finished it and
// the steps where people got stuck most.
func (s *Screens) statsWalks(sc *shell.Screen, walks []activity.WalkStats) fyne.CanvasObject {
	box := container.NewVBox()
	for i, w := range walks {
		var bars []bar
		for _, c := range w.Stuck[:min(3, len(w.Stuck))] {
			bars = append(bars, bar{label: s.stepName(w.Procedure, c.Key), value: float64(c.N),
				text: countPercent(c.N, w.Started), colour: stuckColour})
		}
		key := "console.stats.walk"
		if len(bars) > 0 {
			key = "console.stats.walk.stuck"
		}
		head := clabel(sc, "walk."+strconv.Itoa(i), s.M(key, "proc", s.procedureName(w.Procedure),
			"started", strconv.Itoa(w.Started), "done", strconv.Itoa(w.Completed), "percent", percentOf(w.Completed, w.Started)))
		head.TextStyle.Bold = true
		box.Add(head)
		if len(bars) == 0 {
			box.Add(kit.NewLabel(s.M("console.stats.nostuck")))
		} else {
			box.Add(hbars(bars, float64(w.Started)))
		}
	}
	if len(walks) == 0 {
		box.Add(kit.NewLabel(s.M("console.stats.none")))
	}
	return container.NewVBox(box, layout.NewSpacer())
}

// statsThemes counts the period's accompaniments per thématique of the
// Coop, in its words: what the mediator's monthly report adds up.
func (s *Screens) statsThemes(sc *shell.Screen, st activity.Stats) fyne.CanvasObject {
	var bars []bar
	for _, c := range st.Themes[:min(12, len(st.Themes))] {
		bars = append(bars, bar{label: activity.ThemeLabel(c.Key), value: float64(c.N), text: strconv.Itoa(c.N), colour: seriesColour})
	}
	var chart fyne.CanvasObject = clabel(sc, "nothemes", s.M("console.stats.none"))
	if len(bars) > 0 {
		chart = hbars(bars, 0)
	}
	return container.NewVBox(panel(s.M("console.stats.themes"), chart), layout.NewSpacer())
}

// statsReturning shows the visitors who came back with their code, the
// accompanied sessions, and per domain how the levels of those who retook
// the self-assessment went: what a centre shows its funders.
func (s *Screens) statsReturning(sc *shell.Screen, st activity.Stats) fyne.CanvasObject {
	rows := []fyne.CanvasObject{
		clabel(sc, "returning", s.M("console.stats.returning", "n", countPercent(st.Returning, st.Sessions))),
		clabel(sc, "retook", s.M("console.stats.retook", "n", strconv.Itoa(st.Retook))),
		clabel(sc, "accompanied", s.M("console.stats.accompanied", "n", countPercent(st.Accompanied, st.Sessions))),
		bold(s.M("console.stats.progress")),
	}
	domains := st.ProgressDomains()
	if len(domains) == 0 {
		rows = append(rows, clabel(sc, "noprogress", s.M("console.stats.none")))
	}
	for i, name := range s.domainNames(domains) {
		p := st.Progress[domains[i]]
		rows = append(rows, clabel(sc, "progress."+domains[i], s.M("console.stats.progress.domain", "domain", name,
			"up", strconv.Itoa(p[2]), "same", strconv.Itoa(p[1]), "down", strconv.Itoa(p[0]))))
	}
	return container.NewVBox(panel(s.M("console.stats.returning.title"), container.NewVBox(rows...)), layout.NewSpacer())
}

func colourOr(c, def color.Color) color.Color {
	if c == nil {
		return def
	}
	return c
}

// countPercent writes "12 (34 %)".
func countPercent(n, total int) string {
	if total == 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%s)", n, percentOf(n, total))
}

// percentOf writes n/total as "34 %".
func percentOf(n, total int) string {
	return strconv.Itoa((n*100+max(total, 1)/2)/max(total, 1)) + " %"
}

// frenchFloat writes one decimal with a comma: "1,8".
func frenchFloat(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}

func (s *Screens) domainNames(domains []string) []string {
	out := make([]string, len(domains))
	for i, d := range domains {
		out[i] = s.codeName("domain", d)
	}
	return out
}
