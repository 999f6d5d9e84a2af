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
	w := make([]string, len(f.Walks))
	for i, x := range f.Walks {
		done := "0"
		if x.Completed {
			done = "1"
		}
		w[i] = x.Procedure + "|" + done + "|" + strings.Join(x.Stuck, ",") + "|" + strings.Join(x.Missing, ",")
	}
	return EncodeLevels(f.Levels), strings.Join(f.Needs, " "), strings.Join(w, " ")
}

// EncodeLevels writes domain numbers (levels, or level changes) as
// "device=2 internet=-1", sorted by domain.
func EncodeLevels(m map[string]int) string {
	domains := make([]string, 0, len(m))
	for d := range m {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	l := make([]string, len(domains))
	for i, d := range domains {
		l[i] = d + "=" + strconv.Itoa(m[d])
	}
	return strings.Join(l, " ")
}

// DecodeLevels reads EncodeLevels' text; malformed parts are skipped, and
// an empty text is nil.
func DecodeLevels(s string) map[string]int {
	if s == "" {
		return nil
	}
	// Sized by its "=": the export decodes two of these per session.
	var m map[string]int
	for l := range strings.FieldsSeq(s) {
		d, v, ok := strings.Cut(l, "=")
		if n, err := strconv.Atoi(v); ok && err == nil {
			if m == nil {
				m = make(map[string]int, strings.Count(s, "="))
			}
			m[d] = n
		}
	}
	return m
}

// DecodeFacts reads facts written by Encode; malformed parts are skipped.
func DecodeFacts(orientation, levels, needs, walks string) Facts {
	f := Facts{Orientation: orientation, Levels: DecodeLevels(levels)}
	if needs != "" {
		f.Needs = strings.Fields(needs)
	}
	if walks != "" {
		f.Walks = make([]Walk, 0, strings.Count(walks, " ")+1)
	}
	for w := range strings.FieldsSeq(walks) {
		proc, rest, ok1 := strings.Cut(w, "|")
		done, rest, ok2 := strings.Cut(rest, "|")
		stuck, missing, ok3 := strings.Cut(rest, "|")
		if ok1 && ok2 && ok3 {
			f.Walks = append(f.Walks, Walk{Procedure: proc, Completed: done == "1", Stuck: list(stuck), Missing: list(missing)})
		}
	}
	return f
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
