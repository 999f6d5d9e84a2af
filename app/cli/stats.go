package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"pasapas/app/activity"
)

// statsCmd prints the statistics of a period as text tables:
// pasapas stats [--from DAY] [--to DAY] (default: the last 365 days).
func statsCmd(args []string, std IO) int {
	fs, dataDir := flags("stats", std)
	period := addPeriodFlags(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	from, to, err := period.days()
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas stats : %v\n", err)
		return exitUsage
	}
	if to.IsZero() {
		to = time.Now()
	}
	if from.IsZero() {
		from = activity.LastDays(to, 365).First
	}
	st := openStore("stats", *dataDir, std)
	if st == nil {
		return exitError
	}
	defer st.Close()
	s, err := st.Stats(context.Background(), activity.NewPeriod(from, to))
	if err != nil {
		fmt.Fprintf(std.Err, "pasapas stats : %v\n", err)
		return exitError
	}
	printStats(std.Out, s)
	return exitOK
}

// printStats writes s as aligned text tables with a bar beside each count.
func printStats(out io.Writer, s activity.Stats) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	p := s.Period
	fmt.Fprintf(w, "Pas à Pas : statistiques du %s au %s\n", p.First.Format(activity.DayLayout), p.Last.Format(activity.DayLayout))
	fmt.Fprintf(w, "Sessions : %d\n", s.Sessions)
	if s.Accompanied > 0 {
		fmt.Fprintf(w, "Séances accompagnées : %d (%s)\n", s.Accompanied, percent(s.Accompanied, s.Sessions))
	}
	if s.Returning > 0 {
		fmt.Fprintf(w, "Visiteurs revenus avec leur code : %d (%s des sessions)\n", s.Returning, percent(s.Returning, s.Sessions))
		fmt.Fprintf(w, "  dont auto-diagnostic refait : %d\n", s.Retook)
	}
	section := func(title string, counts []activity.Count, label func(string) string) {
		if len(counts) == 0 {
			return
		}
		top := 0
		for _, c := range counts {
			top = max(top, c.N)
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, c := range counts {
			fmt.Fprintf(w, "  %s\t%d\t%s\t%s\n", label(c.Key), c.N, percent(c.N, s.Sessions), bar(c.N, top))
		}
	}
	same := func(k string) string { return k }
	section("Sessions par semaine (lundi)", s.PerWeek(), same)
	section("Orientation", s.Orientations, activity.OrientationLabel)
	section("Durée", s.Durations, same)
	section("Démarches à faire", s.Needs, same)
	section("Thématiques de la Coop (accompagnements)", s.Themes, activity.ThemeLabel)
	if domains := s.Domains(); len(domains) > 0 {
		fmt.Fprintf(w, "\nNiveaux par domaine\t0\t1\t2\t3\n")
		for _, d := range domains {
			lv := s.Levels[d]
			fmt.Fprintf(w, "  %s\t%d\t%d\t%d\t%d\n", d, lv[0], lv[1], lv[2], lv[3])
		}
	}
	if domains := s.ProgressDomains(); len(domains) > 0 {
		fmt.Fprintf(w, "\nProgrès de ceux qui ont refait l’auto-diagnostic\ten hausse\tstable\ten baisse\n")
		for _, d := range domains {
			pr := s.Progress[d]
			fmt.Fprintf(w, "  %s\t%d\t%d\t%d\n", d, pr[activity.Up+1], pr[activity.Same+1], pr[activity.Down+1])
		}
	}
	if len(s.Walks) > 0 {
		fmt.Fprintf(w, "\nDémarches guidées\tcommencées\tterminées\tblocage le plus fréquent\n")
		for _, wk := range s.Walks {
			worst := "-"
			if len(wk.Stuck) > 0 {
				worst = wk.Stuck[0].Key + " (" + strconv.Itoa(wk.Stuck[0].N) + ")"
			}
			fmt.Fprintf(w, "  %s\t%d\t%d\t%s\n", wk.Procedure, wk.Started, wk.Completed, worst)
		}
	}
	w.Flush()
}

func percent(n, total int) string {
	if total == 0 {
		return ""
	}
	return strconv.Itoa((n*100+total/2)/total) + " %"
}

func bar(n, top int) string {
	if top == 0 {
		return ""
	}
	return strings.Repeat("█", (n*30+top-1)/top)
}
