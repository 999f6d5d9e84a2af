package ui

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
)

// exportAll is the export's "everything" choice.
var exportAll = statsPeriod{"all", 0}

// showExport writes the activity report of a period to a folder chosen in
// a dialog (a USB stick, usually): CSV for spreadsheets, JSON for tools.
// dir is the folder chosen so far ("" for none).
func (s *Shell) showExport(p statsPeriod, format string, dir ...string) {
	sc := newScreen("mediator.export")
	folder := ""
	if len(dir) > 0 {
		folder = dir[0]
	}
	periods := container.NewHBox(bold(s.M("console.period")))
	for _, q := range append(statsPeriods, exportAll) {
		imp := widget.MediumImportance
		if q == p {
			imp = widget.HighImportance
		}
		periods.Add(s.cbutton(sc, "period."+q.id, s.M("console.period."+q.id), imp, func() { s.showExport(q, format, folder) }))
	}
	formats := container.NewHBox(bold(s.M("console.export.format")))
	for _, f := range []string{activity.FormatCSV, activity.FormatJSON} {
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
			s.act(func() { s.showExport(p, format, u.Path()) })()
		}, s.win)
		d.Resize(fyne.NewSize(900, 640))
		d.Show()
	})
	result := clabel(sc, "result", "")
	result.Wrapping = fyne.TextWrapWord
	export := s.cbutton(sc, "export", s.M("console.export.do"), widget.HighImportance, func() {
		var from, to time.Time
		name := "pasapas-activite-tout"
		if p.days > 0 {
			period := activity.LastDays(s.svc.Now(), p.days)
			from, to = period.Start(), period.End()
			name = "pasapas-activite-" + period.First.Format(activity.DayLayout) + "-" + period.Last.Format(activity.DayLayout)
		}
		path := filepath.Join(folder, name+"."+format)
		n, err := activity.ExportFile(s.ctx(), s.svc.Console, path, from, to, format)
		if err != nil {
			s.svc.Log.WithError(err).Error("exporting the activity report")
			result.Importance = widget.DangerImportance
			result.SetText(s.M("console.export.failed", "error", err.Error()))
			return
		}
		s.svc.Log.WithField("sessions", n).Info("activity report exported")
		result.Importance = widget.SuccessImportance
		result.SetText(s.M("console.export.done", "n", strconv.Itoa(n), "file", path))
	})
	if folder == "" {
		export.Disable()
	}
	body := container.NewVBox(
		periods, formats,
		container.NewBorder(nil, nil, bold(s.M("console.export.folder")), choose, folderLabel),
		widget.NewSeparator(),
		wrapped(clabel(sc, "privacy", s.M("console.export.privacy"))),
		result,
		layout.NewSpacer(),
	)
	s.consolePage(sc, s.M("console.export.title"), body, export)
}
