package queries_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

// partnersMonths is partners.cypher as it was before it read whole years
// from the ALIGNMENT_YEAR totals (testdata/partners_months.cypher): every
// month of both windows from the ALIGNMENT aggregates. It is the oracle of
// TestPartnersYearTotals; rivals is the same query with the other sign.
func partnersMonths(t *testing.T, rivals bool) graph.Statement {
	t.Helper()
	b, err := os.ReadFile("testdata/partners_months.cypher")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if rivals {
		r := strings.NewReplacer("WHERE net > 0\nORDER BY net DESC", "WHERE net < 0\nORDER BY net ASC", "AS partner,", "AS rival,")
		text = r.Replace(text)
	}
	return graph.Statement{Name: "partners over months", Text: text}
}

// Partners and rivals read the years wholly inside a window, or inside
// the previous one, from the year totals and the other months from the
// aggregates: on random events over five years, written through the
// writer, they answer what reading every month answers, for windows of
// whole years, of months across years, of days, and the default one.
func TestPartnersYearTotals(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	if _, err := c.WriteArticles(ctx, randomFacts(rand.New(rand.NewPCG(11, 12)), 120)); err != nil {
		t.Fatal(err)
	}
	windows := [][2]string{
		{"2014-01-01", "2014-12-31"}, {"2013-01-01", "2014-12-31"}, {"2015-01-01", "2016-12-31"},
		{"2013-07-01", "2014-06-30"}, {"2014-02-01", "2014-04-30"}, {"2013-03-15", "2014-09-10"},
		{"2012-01-01", "2012-12-31"}, {"2016-06-01", "2017-12-31"}, {"", ""},
	}
	for _, name := range []string{"partners", "rivals"} {
		q := get(t, name)
		oracle := partnersMonths(t, name == "rivals")
		for _, w := range windows {
			for _, country := range []string{"USA", "IRN", "RUS"} {
				raw := map[string]string{"country": country, "limit": "1000"}
				if w[0] != "" {
					raw["from"], raw["to"] = w[0], w[1]
				}
				bound, err := q.Bind(maps.Clone(raw), codes)
				if err != nil {
					t.Fatal(err)
				}
				recs, err := c.Read(ctx, graph.Statement{Name: name, Text: q.Cypher}, bound)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				want, err := c.Read(ctx, oracle, bound)
				if err != nil {
					t.Fatalf("%s over months: %v", name, err)
				}
				if got, want := rows(recs), rows(want); !reflect.DeepEqual(got, want) || len(want) == 0 && w[0] == "2014-01-01" && name == "partners" {
					t.Errorf("%s %s %v:\n got %v\nwant %v", name, country, w, got, want)
				}
			}
		}
	}
}

// randomFacts are n articles dated over five years from 2012, each with one
// to three relations of random types between five states, some dated to
// the month or the year only, some planned.
func randomFacts(rng *rand.Rand, n int) []graph.ArticleFacts {
	actors := []graph.ActorNode{
		{Code: "GBR", Name: "United Kingdom", Country: true}, {Code: "IRN", Name: "Iran", Country: true},
		{Code: "IRQ", Name: "Iraq", Country: true}, {Code: "RUS", Name: "Russia", Country: true},
		{Code: "USA", Name: "United States", Country: true},
	}
	types := []string{"MET_WITH", "AGREED_WITH", "AIDED", "WARNED", "SANCTIONED", "ACCUSED", "REQUESTED"}
	var facts []graph.ArticleFacts
	for i := range n {
		date := writerDay("2012-01-01").AddDate(0, 0, rng.IntN(5*365))
		f := graph.ArticleFacts{
			Article: graph.ArticleNode{ID: fmt.Sprintf("t%d", i), URL: fmt.Sprintf("https://example.org/t%d", i), Source: "Fixture",
				Title: "t", Published: date, ContentHash: fmt.Sprint(i)},
			Actors: actors,
		}
		for range 1 + rng.IntN(3) {
			s := rng.IntN(len(actors))
			tg := (s + 1 + rng.IntN(len(actors)-1)) % len(actors)
			r := writerRel(types[rng.IntN(len(types))], actors[s].Code, actors[tg].Code, date.Format("2006-01-02"), "s")
			switch rng.IntN(8) {
			case 0:
				r.DatePrecision = "month"
			case 1:
				r.DatePrecision = "year"
			case 2:
				r.Modality = "planned"
			}
			f.Relations = append(f.Relations, r)
		}
		facts = append(facts, f)
	}
	return facts
}
