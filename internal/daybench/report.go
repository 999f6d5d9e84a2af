package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// report prints one column per mode and the target beside each line.
func report(run []mode, results []result, visitors int) {
	fmt.Printf("\n%-30s", "day of "+fmt.Sprint(visitors)+" visitors")
	for _, m := range run {
		fmt.Printf(" %16s", m.name)
	}
	fmt.Printf("  target\n")
	line := func(name, target string, cell func(r result) string) {
		fmt.Printf("%-30s", name)
		for _, r := range results {
			fmt.Printf(" %16s", cell(r))
		}
		fmt.Printf("  %s\n", target)
	}
	mb := func(v float64) string { return fmt.Sprintf("%.1f", v) }
	// mark appends ✗ to a figure that misses its target.
	mark := func(s string, ok bool) string {
		if ok {
			return s + "  "
		}
		return s + " ✗"
	}
	line("bare RSS 5 s (MB)", "", func(r result) string { return mb(r.bareRSS) + "  " })
	line("kiosk RSS 5 s (MB)", "≤ bare + 30", func(r result) string { return mark(mb(r.rss5), r.rss5 <= r.bareRSS+30) })
	for _, i := range slices.Compact([]int{1, 4, visitors}) {
		target := ""
		switch {
		case i == visitors:
			target = "≤ bare + 60, no growth from visitor 4"
		case i == 4:
			target = "≤ bare + 60"
		}
		line(fmt.Sprintf("kiosk RSS after visitor %d", i), target, func(r result) string {
			v := r.rssAfter[i-1]
			ok := i == 1 || v <= r.bareRSS+60
			if i == visitors {
				ok = ok && v <= r.rssAfter[3]
			}
			return mark(mb(v), ok)
		})
	}
	line("bare idle CPU (%)", "", func(r result) string { return fmt.Sprintf("%.2f  ", r.bareIdle) })
	line("kiosk idle CPU on welcome (%)", "≤ bare", func(r result) string { return mark(fmt.Sprintf("%.2f", r.idle), r.idle <= r.bareIdle) })
	for _, kind := range []string{walkTap, assessTap} {
		line("tap "+kind+" (ms)", "one core: median ≤ 100, worst ≤ 250", func(r result) string {
			med, worst := stats(r.taps[kind])
			return fmt.Sprintf("%s %d", mark(ms(med)+"/"+ms(worst), med <= 100*time.Millisecond && worst <= 250*time.Millisecond), len(r.taps[kind]))
		})
	}
	line("bare button click (ms)", "the method on the bare window", func(r result) string {
		med, worst := stats(r.bareTaps)
		return fmt.Sprintf("%s/%s   %d", ms(med), ms(worst), len(r.bareTaps))
	})
	line("injection, in the taps (ms)", "xdotool until it has sent the events", func(r result) string {
		med, worst := stats(r.cost)
		return fmt.Sprintf("%.1f/%.1f  ", float64(med.Microseconds())/1000, float64(worst.Microseconds())/1000)
	})
	line("taps whose frame came back", "a transient frame, not a new screen", func(r result) string { return fmt.Sprintf("%d  ", r.still) })
	for j, r := range results {
		fmt.Printf("RSS after each visitor, %s (MB):", run[j].name)
		for _, v := range r.rssAfter {
			fmt.Printf(" %.0f", v)
		}
		fmt.Println()
	}
	fmt.Println(strings.TrimSpace(`
taps: median/worst and their number; ✗ misses its target (tap targets apply
on one core). A tap's latency runs from just before xdotool gets the key to
the first frame that differs in Xvfb's framebuffer; the injection line is
the part xdotool itself took.`))
}

func stats(d []time.Duration) (median, worst time.Duration) {
	if len(d) == 0 {
		return 0, 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2], s[len(s)-1]
}

func ms(d time.Duration) string { return fmt.Sprint(d.Milliseconds()) }
