package graph

import (
	"regexp"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/relation"
)

// TestPerTypeBranches checks the statements that find events by id with
// one UNION ALL branch per relation type (an index per type): each has a
// branch for every type of package relation and for no other, so that a
// new type cannot be forgotten there, and each branch's condition names
// the type it matches.
func TestPerTypeBranches(t *testing.T) {
	branch := regexp.MustCompile(`'([A-Z_]+)' MATCH \(\)-\[e:([A-Z_]+) \{id: `)
	var want []string
	for _, typ := range relation.Types {
		want = append(want, string(typ))
	}
	slices.Sort(want)
	for _, st := range []Statement{stEventsNear, stEventsOfArticle, stEventsDelete} {
		var got []string
		for _, m := range branch.FindAllStringSubmatch(st.Text, -1) {
			if m[1] != m[2] {
				t.Errorf("%s: the branch for %s matches %s", st.Name, m[1], m[2])
			}
			got = append(got, m[2])
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: branches for %v, want one for each of %v", st.Name, got, want)
		}
	}
}
