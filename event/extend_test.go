package event

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// extended is what the stored events become when Extend's changes are
// applied: the unchanged stored events and the changed and new ones, the
// ReportIDs of a changed event completed with its stored reports.
func extended(stored []Event, changes []Change) []Event {
	replaced := map[string]Change{}
	var out []Event
	for _, c := range changes {
		if c.Old == nil {
			out = append(out, c.New)
			continue
		}
		replaced[c.Old.ID] = c
	}
	for _, e := range stored {
		c, ok := replaced[e.ID]
		if !ok {
			out = append(out, e)
			continue
		}
		ne := c.New
		ne.ReportIDs = append(slices.Clone(e.ReportIDs), c.New.ReportIDs...)
		slices.Sort(ne.ReportIDs)
		out = append(out, ne)
	}
	slices.SortFunc(out, func(a, b Event) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	return out
}

// Extending the events of some reports with the reports of other articles
// gives the events of all of them, or says it cannot tell.
func TestExtendEqualsGroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	told := 0
	for trial := range 2000 {
		window := trial % 3
		old := randomReports(rng, rng.IntN(25))
		fresh := randomReports(rng, 1+rng.IntN(6))
		for i := range fresh { // reports of other articles
			fresh[i].ArticleID = fmt.Sprintf("new%d", rng.IntN(3))
			fresh[i].ID = fmt.Sprintf("%s#%d", fresh[i].ArticleID, i)
		}
		stored := Group(old, window)
		changes, ok := Extend(stored, fresh, window)
		if !ok {
			continue
		}
		told++
		want := Group(append(slices.Clone(old), fresh...), window)
		if got := extended(stored, changes); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d (window %d): extended\n%v\n%+v\nwant\n%v\n%+v", trial, window, groups(got), got, groups(want), want)
		}
		for _, c := range changes {
			if c.Old != nil && reflect.DeepEqual(*c.Old, c.New) {
				t.Errorf("trial %d: change %s alters nothing", trial, c.New.ID)
			}
		}
	}
	// Most trials can be told from the events: the fallback is rare.
	if told < 1500 {
		t.Errorf("Extend could tell %d of 2000 trials", told)
	}
}

func TestExtendCannotTell(t *testing.T) {
	a := rep("a#0", "MET_WITH", "USA", "IRN", "2014-06-01")
	b := rep("b#0", "MET_WITH", "USA", "IRN", "2014-06-05")
	bridge := rep("c#0", "MET_WITH", "IRN", "USA", "2014-06-03")
	if _, ok := Extend(Group([]Report{a, b}, 2), []Report{bridge}, 2); ok {
		t.Error("a report bridging two stored events: told")
	}
	// A stored event that does not know its first report, met by a report
	// of the same day.
	e := Group([]Report{a}, 2)
	e[0].First.ID = ""
	if _, ok := Extend(e, []Report{rep("d#0", "MET_WITH", "USA", "IRN", "2014-06-01")}, 2); ok {
		t.Error("a tie with an unknown first report: told")
	}
	if c, ok := Extend(e, []Report{rep("d#0", "MET_WITH", "USA", "IRN", "2014-06-02")}, 2); !ok || len(c) != 1 || c[0].New.Reports != 2 {
		t.Errorf("a later report with an unknown first report: %+v, %v", c, ok)
	}
}
