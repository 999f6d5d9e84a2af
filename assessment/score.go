package assessment

import (
	"slices"
	"strings"
)

// ExerciseOutcome turns what was measured into an outcome code: not done
// with no try at all is Skipped (it does not count); not done after trying
// is OutcomeFail. Time is kept for the mediator but never lowers the
// outcome: the brief forbids scoring on speed.
func (it *Item) ExerciseOutcome(done bool, misses, accuracy int) string {
	switch {
	case !done && misses == 0:
		return Skipped
	case !done:
		return OutcomeFail
	case it.Kind == Type && accuracy >= 100:
		return OutcomeOK
	case it.Kind == Type && accuracy >= it.MinAccuracy:
		return OutcomeHard
	case it.Kind == Type:
		return OutcomeFail
	case misses <= it.MaxMisses:
		return OutcomeOK
	}
	return OutcomeHard
}

// outcome is the scored outcome of an answer ("" when it is not scored).
func (it *Item) outcome(a Answer) string {
	switch {
	case a.Code == Skipped:
		return ""
	case it.Kind == Self, it.Kind.IsExercise():
		return a.Code
	case it.Kind == Choice, it.Kind == Icons:
		if o, ok := it.Option(a.Code); ok && o.Right {
			return OutcomeRight
		}
		return OutcomeWrong
	}
	return ""
}

// triggered lists the rules of it that a's code sets off.
func (it *Item) triggered(a Answer) []Rule {
	var out []Rule
	for _, r := range it.Rules {
		if slices.Contains(r.When, a.Code) {
			out = append(out, r)
		}
	}
	return out
}

// Score computes the result of a set of answers (in path order; answers to
// unknown items are ignored, a later answer to the same item wins).
func (b *Bank) Score(answers []Answer) Result {
	res := Result{Answers: map[string]string{}}
	sum := map[string]float64{}
	weight := map[string]float64{}
	latest := map[string]int{}
	for i, a := range answers {
		latest[a.Item] = i
	}
	for i, a := range answers {
		it, ok := b.Item(a.Item)
		if !ok || latest[a.Item] != i {
			continue
		}
		for _, r := range it.triggered(a) {
			res.ShortPath = res.ShortPath || r.ShortPath
			for _, c := range r.First {
				if !slices.Contains(res.First, c) {
					res.First = append(res.First, c)
				}
			}
		}
		switch {
		case it.Kind == Needs:
			res.Needs = append([]string(nil), a.Needs...)
		case it.Kind.IsExercise():
			res.Exercises = append(res.Exercises, Exercise{
				Item: it.ID, Kind: it.Kind, Outcome: a.Code, Via: a.Via,
				Misses: a.Misses, Millis: a.Millis, Accuracy: a.Accuracy,
			})
		default:
			res.Answers[it.ID] = a.Code
		}
		if o := it.outcome(a); o != "" {
			sum[it.Domain] += b.Scoring.Points[o] * it.Weight
			weight[it.Domain] += it.Weight
		}
	}
	for _, d := range b.Domains {
		if !d.Scored {
			continue
		}
		lv := DomainLevel{Domain: d.ID, Level: Unknown}
		if weight[d.ID] > 0 {
			lv.Level = b.level(sum[d.ID] / weight[d.ID])
			for _, s := range b.Scoring.Scale {
				if s.Level == lv.Level {
					lv.DigComp, lv.Autonomy = s.DigComp, s.Autonomy
				}
			}
		}
		res.Levels = append(res.Levels, lv)
	}
	res.Orientation = b.orient(res)
	return res
}

// level maps a mean of points to a level through the data's steps.
func (b *Bank) level(mean float64) int {
	for _, s := range b.Scoring.Levels {
		if mean >= s.Min {
			return s.Level
		}
	}
	return 0
}

// orient applies the orientation rules in order.
func (b *Bank) orient(res Result) string {
	known := 0
	total := 0
	lowest := 3
	for _, l := range res.Levels {
		if l.Level == Unknown {
			continue
		}
		known++
		total += l.Level
		lowest = min(lowest, l.Level)
	}
	average := 0.0
	if known > 0 {
		average = float64(total) / float64(known)
	}
	for _, r := range b.Scoring.Rules {
		if r.holds(res, average, lowest, known) {
			return r.Orientation
		}
	}
	return ToAccompany // unreachable: the loader makes the last rule unconditional
}

func (r OrientationRule) holds(res Result, average float64, lowest, known int) bool {
	if r.ShortPath != nil && *r.ShortPath != res.ShortPath {
		return false
	}
	for id, codes := range r.Answers {
		code, ok := res.Answers[id]
		if !ok {
			for _, e := range res.Exercises {
				if e.Item == id {
					code, ok = e.Outcome, true
				}
			}
		}
		if !ok || !slices.Contains(codes, code) {
			return false
		}
	}
	if r.AverageBelow != nil && !(average < *r.AverageBelow) {
		return false
	}
	if r.LowestBelow != nil && (known == 0 || lowest >= *r.LowestBelow) {
		return false
	}
	if r.KnownBelow != nil && known >= *r.KnownBelow {
		return false
	}
	if r.KnownFrom != nil && known < *r.KnownFrom {
		return false
	}
	for d, below := range r.LevelBelow {
		if l := res.Level(d); l == Unknown || l >= below {
			return false
		}
	}
	return true
}

// Accuracy compares what was typed with the word asked (ignoring case and
// spaces at the ends): the percentage of right letters, and the number of
// mistakes (letters to add, remove or change). The typed text goes no
// further than this function.
func Accuracy(typed, word string) (percent, mistakes int) {
	a := []rune(strings.ToLower(strings.TrimSpace(typed)))
	b := []rune(strings.ToLower(strings.TrimSpace(word)))
	// Levenshtein distance, one row at a time.
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	mistakes = prev[len(b)]
	longest := max(len(a), len(b))
	if longest == 0 {
		return 0, 0
	}
	return max(0, 100-100*mistakes/longest), mistakes
}
