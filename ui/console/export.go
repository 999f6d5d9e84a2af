package console

import (
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pasapas/app/activity"
	"pasapas/ui/shell"
)

// exportAll is the export's "everything" choice.
var exportAll = statsPeriod{id: "all"}

// lastMonth is the export's first choice: the month of the activity report
// a mediator writes at the start of the next.
var lastMonth = statsPeriod{id: "month", month: true, back: 1}

// showExport writes the activity report of a period to a folder chosen in
// a dialog (a USB stick, usually): CSV for spreadsheets, JSON for tools,
// an .xlsx shaped like the Coop's own export for a coordinator.
// dir is the folder chosen so far ("" for none).
func (s *Screens) showExport(p statsPeriod, format string, dir ...string) {
	sc := shell.NewScreen("mediator.export")
	folder := ""
	if len(dir) > 0 {
		folder = dir[0]
	}
	periods := s.periodButtons(sc, p, append(statsPeriods, exportAll), func(q statsPeriod) { s.showExport(q, format, folder) })
	span := clabel(sc, "span", s.M("console.export.all"))
	if p != exportAll {
		period := p.span(s.Svc.Now())
		span.SetText(s.M("console.export.span", "from", s.dayLabel(period.First), "to", s.dayLabel(period.Last)))
	}
	formats := container.NewHBox(bold(s.M("console.export.format")))
	for _, f := range activity.Formats {
		imp := widget.MediumImportance
		if f == format {
			imp = widget.HighImportance
		}
		formats.Add(s.cbutton(sc, "format."+f, s.M("console.export.format."+f), imp, func() { s.showExport(p, f, folder) }))
	}
	folderLabel := clabel(sc, "folder", orDash(folder))
	folderLabel.Wrapping = fyne.TextWrapBreak
	choose := s.cbutton(sc, "choose", s.M("console.export.choose"), widget.MediumImportance, func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			s.Act(func() { s.showExport(p, format, u.Path()) })()
		}, s.Window())
		d.Resize(fyne.NewSize(900, 640))
		d.Show()
	})
	result := clabel(sc, "result", "")
	result.Wrapping = fyne.TextWrapWord
	export := s.cbutton(sc, "export", s.M("console.export.do"), widget.HighImportance, func() {
		var from, to time.Time
		name := "pasapas-activite-tout"
		if p != exportAll {
			period := p.span(s.Svc.Now())
			from, to = period.Start(), period.End()
			name = "pasapas-activite-" + period.First.Format(activity.DayLayout) + "-" + period.Last.Format(activity.DayLayout)
		}
		path := filepath.Join(folder, name+"."+activity.Extension(format))
		n, err := s.exportTo(path, from, to, format)
		if err != nil {
			s.Svc.Log.WithError(err).Error("exporting the activity report")
			result.Importance = widget.DangerImportance
			result.SetText(s.M("console.export.failed", "error", err.Error()))
			return
		}
		s.Svc.Log.WithField("sessions", n).Info("activity report exported")
		result.Importance = widget.SuccessImportance
		result.SetText(s.M("console.export.done", "n", strconv.Itoa(n), "file", path))
	})
	if folder == "" {
		export.Disable()
	}
	body := container.NewVBox(
		periods, span, formats,
		container.NewBorder(nil, nil, bold(s.M("console.export.folder")), choose, folderLabel),
		widget.NewSeparator(),
		wrapped(clabel(sc, "privacy", s.M("console.export.privacy"))),
		result,
		layout.NewSpacer(),
	)
	s.consolePage(sc, s.M("console.export.title"), body, export)
}

// exportTo writes the export with the centre's settings and the
// walkthroughs' French titles for the Coop's columns.
func (s *Screens) exportTo(path string, from, to time.Time, format string) (int, error) {
	centre, err := activity.ReadCentre(s.ctx(), s.Svc.Console)
	if err != nil {
		return 0, err
	}
	return activity.ExportFile(s.ctx(), s.Svc.Console, path, from, to, format, activity.Options{Centre: centre, Names: s.procedureName})
}
