package directory

import (
	"regexp"
	"strconv"
	"strings"
)

// The standard writes opening hours in OpenStreetMap's syntax
// ("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"); a visitor and a
// mediator read French. Hours handles the forms real files use: rules of
// days and times separated by ";", a later rule replacing an earlier one
// for its days, "off" and "24/7".

var osmDays = []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}

var frenchDays = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}

var (
	osmSpan = regexp.MustCompile(`^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$`)
	osmRule = regexp.MustCompile(`^([A-Z][a-z](?:\s*[-,]\s*[A-Z][a-z])*)\s+(.+)$`)
)

// Hours puts OpenStreetMap opening hours in plain French: "Du lundi au
// vendredi : 9 h - 12 h et 14 h - 17 h ; samedi : 9 h - 12 h". ok is false
// for a form it cannot read (public holidays, weeks, months…): better
// nothing than hours read wrong.
func Hours(osm string) (fr string, ok bool) {
	osm = strings.TrimSpace(osm)
	if osm == "24/7" {
		return "Tous les jours, 24 h sur 24", true
	}
	var week [7]string // French times of each day; "" closed
	for rule := range strings.SplitSeq(osm, ";") {
		rule = strings.TrimSpace(rule)
		if rule == "" || rule == "PH off" {
			continue // public holidays closed: the usual case, said nowhere
		}
		m := osmRule.FindStringSubmatch(rule)
		if m == nil {
			return "", false
		}
		days, ok := parseDays(m[1])
		if !ok {
			return "", false
		}
		times, ok := parseTimes(strings.TrimSpace(m[2]))
		if !ok {
			return "", false
		}
		for _, d := range days {
			week[d] = times
		}
	}
	var parts []string
	for d := 0; d < 7; {
		if week[d] == "" {
			d++
			continue
		}
		// Days with the same times, in a row or not, share one line.
		same := []int{d}
		for e := d + 1; e < 7; e++ {
			if week[e] == week[d] {
				same = append(same, e)
			}
		}
		parts = append(parts, daysLabel(same)+" : "+week[d])
		for _, e := range same {
			week[e] = "" // written
		}
		d++
	}
	if len(parts) == 0 {
		return "", false
	}
	out := strings.Join(parts, " ; ")
	return strings.ToUpper(out[:1]) + out[1:], true
}

func parseDays(s string) ([]int, bool) {
	var out []int
	for part := range strings.SplitSeq(s, ",") {
		from, to, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, b := dayIndex(strings.TrimSpace(from)), dayIndex(strings.TrimSpace(to))
		switch {
		case a < 0 || (isRange && b < 0):
			return nil, false
		case !isRange:
			out = append(out, a)
		default:
			for d := a; ; d = (d + 1) % 7 {
				out = append(out, d)
				if d == b {
					break
				}
			}
		}
	}
	return out, true
}

func dayIndex(s string) int {
	for i, d := range osmDays {
		if d == s {
			return i
		}
	}
	return -1
}

// parseTimes reads "09:00-12:00,14:00-17:00" or "off"; "" means closed.
func parseTimes(s string) (string, bool) {
	if s == "off" || s == "closed" {
		return "", true
	}
	var spans []string
	for span := range strings.SplitSeq(s, ",") {
		m := osmSpan.FindStringSubmatch(strings.TrimSpace(span))
		if m == nil {
			return "", false
		}
		spans = append(spans, clock(m[1], m[2])+" - "+clock(m[3], m[4]))
	}
	return strings.Join(spans, " et "), true
}

// clock writes 08:30 as "8 h 30" and 12:00 as "12 h".
func clock(h, m string) string {
	hour, _ := strconv.Atoi(h)
	if m == "00" {
		return strconv.Itoa(hour) + " h"
	}
	return strconv.Itoa(hour) + " h " + m
}

// daysLabel names days: "du lundi au vendredi" for three or more in a
// row, else "lundi, mercredi et vendredi".
func daysLabel(days []int) string {
	var groups []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			groups = append(groups, "du "+frenchDays[days[i]]+" au "+frenchDays[days[j]])
		default:
			for k := i; k <= j; k++ {
				groups = append(groups, frenchDays[days[k]])
			}
		}
		i = j + 1
	}
	if len(groups) == 1 {
		return groups[0]
	}
	return strings.Join(groups[:len(groups)-1], ", ") + " et " + groups[len(groups)-1]
}
