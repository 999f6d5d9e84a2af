package assessment

import "strconv"

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
