package activity

import (
	"sort"
	"strconv"
	"strings"
)

// Facts are stored as short texts of codes, read back without reflection:
// an export decodes 100 000 of them. Codes never hold a space, "|", ","
// or "=" (session.ValidateEvent and the store's code checks), so these
// separators are safe:
//
//	levels  "device=2 internet=1"
//	needs   "caf impots"
//	walks   "caf-declaration|1|login,amounts|rib ameli-attestation|0||"
//	        (procedure|completed|stuck steps|missing documents)

// Encode writes f's levels, needs and walkthroughs as stored texts.
func (f Facts) Encode() (levels, needs, walks string) {
	domains := make([]string, 0, len(f.Levels))
	for d := range f.Levels {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	l := make([]string, len(domains))
	for i, d := range domains {
		l[i] = d + "=" + strconv.Itoa(f.Levels[d])
	}
	w := make([]string, len(f.Walks))
	for i, x := range f.Walks {
		done := "0"
		if x.Completed {
			done = "1"
		}
		w[i] = x.Procedure + "|" + done + "|" + strings.Join(x.Stuck, ",") + "|" + strings.Join(x.Missing, ",")
	}
	return strings.Join(l, " "), strings.Join(f.Needs, " "), strings.Join(w, " ")
}

// DecodeFacts reads facts written by Encode; malformed parts are skipped.
func DecodeFacts(orientation, levels, needs, walks string) Facts {
	f := Facts{Orientation: orientation}
	for _, l := range strings.Fields(levels) {
		d, v, ok := strings.Cut(l, "=")
		if n, err := strconv.Atoi(v); ok && err == nil {
			if f.Levels == nil {
				f.Levels = make(map[string]int, 6)
			}
			f.Levels[d] = n
		}
	}
	if needs != "" {
		f.Needs = strings.Fields(needs)
	}
	for _, w := range strings.Fields(walks) {
		parts := strings.SplitN(w, "|", 4)
		if len(parts) != 4 {
			continue
		}
		f.Walks = append(f.Walks, Walk{Procedure: parts[0], Completed: parts[1] == "1", Stuck: list(parts[2]), Missing: list(parts[3])})
	}
	return f
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
