package activity

import (
	"reflect"
	"testing"
	"time"
)

func TestNewProgress(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.Local) }
	assessed := Summary{Started: day(2), Facts: Facts{Orientation: "a_former", Levels: map[string]int{"device": 1, "internet": 2, "security": 2}}}
	walkOnly := Summary{Started: day(9), Facts: Facts{Walks: []Walk{{Procedure: "caf", Completed: true}, {Procedure: "ameli"}}}}
	retook := Summary{Started: day(20), Facts: Facts{Orientation: "autonome", Levels: map[string]int{"device": 2, "internet": 2, "security": 1, "email": 3},
		Walks: []Walk{{Procedure: "ameli", Completed: true}, {Procedure: "caf", Completed: true}}}}
	stuck := Summary{Started: day(11), Facts: Facts{Walks: []Walk{
		{Procedure: "impots", Stuck: []string{"login", "montant"}, Missing: []string{"avis"}}, {Procedure: "caf", Completed: true}}}}
	tests := []struct {
		name  string
		chain []Summary
		want  Progress
	}{
		{"first visit", []Summary{assessed}, Progress{Visit: 1}},
		{"no assessment either time", []Summary{walkOnly, {Started: day(10)}},
			Progress{Visit: 2, Since: day(9), Resume: &Walk{Procedure: "ameli"}}},
		{"retook after a visit without assessment", []Summary{assessed, walkOnly, retook}, Progress{
			Visit: 3, Since: day(2), EarlierOrientation: "a_former", EarlierLevels: assessed.Levels,
			Levels:   []LevelChange{{"device", 1, 2}, {"internet", 2, 2}, {"security", 2, 1}},
			Finished: []string{"caf", "ameli"},
		}},
		{"came back without retaking", []Summary{assessed, walkOnly}, Progress{
			Visit: 2, Since: day(2), EarlierOrientation: "a_former", EarlierLevels: assessed.Levels, Finished: []string{"caf"},
		}},
		{"resumes where they were stuck", []Summary{stuck, {Started: day(12)}}, Progress{
			Visit: 2, Since: day(11), Resume: &Walk{Procedure: "impots", Stuck: []string{"login", "montant"}, Missing: []string{"avis"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewProgress(tt.chain)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	p := NewProgress([]Summary{assessed, walkOnly, retook})
	if got, want := p.Changes(), map[string]int{"device": 1, "internet": 0, "security": -1}; !reflect.DeepEqual(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	trends := []Trend{Up, Same, Down}
	for i, c := range p.Levels {
		if c.Trend() != trends[i] {
			t.Errorf("%s: trend %d, want %d", c.Domain, c.Trend(), trends[i])
		}
	}
}
