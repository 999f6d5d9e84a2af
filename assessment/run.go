package assessment

// Run is one visitor's way through the bank: the current question, the
// answers so far, and the skip rules they set off. It is not safe for
// concurrent use (the interface drives it from its one goroutine).
type Run struct {
	bank    *Bank
	pos     int // index of the current item; len(Items) when done
	answers map[string]Answer
	history []int // indexes answered, in order
}

// NewRun starts a run at the first question.
func (b *Bank) NewRun() *Run {
	r := &Run{bank: b, answers: map[string]Answer{}}
	r.pos = r.next(-1)
	return r
}

// Bank is the bank the run goes through.
func (r *Run) Bank() *Bank { return r.bank }

// Current is the question on screen, or nil when the run is over.
func (r *Run) Current() *Item {
	if r.pos >= len(r.bank.Items) {
		return nil
	}
	return r.bank.Items[r.pos]
}

// Done reports whether every question on the path has an answer.
func (r *Run) Done() bool { return r.Current() == nil }

// Answer records a for the current question and moves on along the path.
func (r *Run) Answer(a Answer) {
	it := r.Current()
	if it == nil {
		return
	}
	a.Item = it.ID
	r.answers[it.ID] = a
	r.history = append(r.history, r.pos)
	r.pos = r.next(r.pos)
}

// Back returns to the previous question and forgets its answer (and so the
// rules it set off). False when there is none.
func (r *Run) Back() bool {
	if len(r.history) == 0 {
		return false
	}
	last := r.history[len(r.history)-1]
	r.history = r.history[:len(r.history)-1]
	delete(r.answers, r.bank.Items[last].ID)
	r.pos = last
	return true
}

// Answers are the answers given, in path order.
func (r *Run) Answers() []Answer {
	out := make([]Answer, 0, len(r.history))
	for _, i := range r.history {
		out = append(out, r.answers[r.bank.Items[i].ID])
	}
	return out
}

// Progress is the number of questions answered and the length of the
// whole path as the rules stand now (it shrinks when a rule skips some).
func (r *Run) Progress() (done, total int) {
	skip, from := r.effects()
	total = len(r.history)
	for i := max(r.pos, from); i < len(r.bank.Items); i++ {
		if !r.excluded(i, skip) {
			total++
		}
	}
	return len(r.history), total
}

// Result scores the answers given so far.
func (r *Run) Result() Result { return r.bank.Score(r.Answers()) }

// effects gathers what the answers' rules say: the questions and domains
// to leave out, and the index the path may not go below (goto).
func (r *Run) effects() (skip map[string]bool, from int) {
	skip = map[string]bool{}
	for _, i := range r.history {
		it := r.bank.Items[i]
		for _, rule := range it.triggered(r.answers[it.ID]) {
			for _, s := range rule.Skip {
				skip[s] = true
			}
			if rule.Goto != "" {
				from = max(from, r.bank.items[rule.Goto])
			}
		}
	}
	return skip, from
}

func (r *Run) excluded(i int, skip map[string]bool) bool {
	it := r.bank.Items[i]
	return skip[it.ID] || skip[it.Domain]
}

func (r *Run) next(after int) int {
	skip, from := r.effects()
	for i := max(after+1, from); i < len(r.bank.Items); i++ {
		if !r.excluded(i, skip) {
			return i
		}
	}
	return len(r.bank.Items)
}
