package assessment

import (
	"iter"
	"strconv"
)

// EventAnswer is the session event kind of one answer.
const EventAnswer = "assess.answer"

// Payload is an answer as an event payload: codes and numbers only (item,
// kind, answer, ms, misses, via, accuracy). The needs are stored apart, on
// the session.
func (a Answer) Payload(kind Kind) map[string]string {
	p := map[string]string{
		"item":   a.Item,
		"kind":   string(kind),
		"answer": a.Code,
		"ms":     strconv.FormatInt(a.Millis, 10),
	}
	if kind.IsExercise() {
		p["misses"] = strconv.Itoa(a.Misses)
		if a.Via != "" {
			p["via"] = a.Via
		}
		if a.Accuracy >= 0 {
			p["accuracy"] = strconv.Itoa(a.Accuracy)
		}
	}
	return p
}

// AnswerFromPayload reads back an answer event; ok is false when p is not
// one.
func AnswerFromPayload(p map[string]string) (a Answer, kind Kind, ok bool) {
	if p["item"] == "" || p["answer"] == "" {
		return a, "", false
	}
	a = Answer{Item: p["item"], Code: p["answer"], Via: p["via"], Accuracy: -1}
	a.Millis, _ = strconv.ParseInt(p["ms"], 10, 64)
	a.Misses, _ = strconv.Atoi(p["misses"])
	if s, found := p["accuracy"]; found {
		a.Accuracy, _ = strconv.Atoi(s)
	}
	return a, Kind(p["kind"]), true
}

// ReadAnswers reads a session's events (in time order; other kinds are
// ignored) into the exercises' results and the other questions' answer
// codes. The last answer to a question wins: a visitor may go back.
func ReadAnswers(events iter.Seq2[string, map[string]string]) (exercises []Exercise, answers map[string]string) {
	answers = map[string]string{}
	exercise := map[string]int{} // item → index in exercises
	for kind, payload := range events {
		if kind != EventAnswer {
			continue
		}
		a, itemKind, isAnswer := AnswerFromPayload(payload)
		switch {
		case !isAnswer || itemKind == Needs:
		case itemKind.IsExercise():
			ex := Exercise{Item: a.Item, Kind: itemKind, Outcome: a.Code, Via: a.Via, Misses: a.Misses, Millis: a.Millis, Accuracy: a.Accuracy}
			if i, seen := exercise[a.Item]; seen {
				exercises[i] = ex
			} else {
				exercise[a.Item] = len(exercises)
				exercises = append(exercises, ex)
			}
		default:
			answers[a.Item] = a.Code
		}
	}
	return exercises, answers
}
