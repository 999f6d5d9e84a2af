package activity

import (
	"reflect"
	"testing"
)

func TestFactsEncodeDecode(t *testing.T) {
	for _, f := range []Facts{
		{},
		sampleSummaries()[0].Facts,
		{Orientation: "autonome", Levels: map[string]int{"device": 3}, Walks: []Walk{{Procedure: "a", Completed: true}, {Procedure: "b", Missing: []string{"x", "y"}}}},
	} {
		l, n, w := f.Encode()
		got := DecodeFacts(f.Orientation, l, n, w)
		// The chain's facts have columns of their own.
		got.Visit, got.Changes = f.Visit, DecodeLevels(EncodeLevels(f.Changes))
		if !reflect.DeepEqual(got, f) {
			t.Errorf("round trip of %+v gave %+v (%q %q %q)", f, got, l, n, w)
		}
	}
}
