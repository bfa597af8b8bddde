package graph_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

// Many articles per batch with many reports of the same keys, over three
// months: events chain across batches (the writer must find every stored
// event a report joins).
func TestEventsManyArticlesPerBatch(t *testing.T) {
	c := graphtest.Client(t)
	rng := rand.New(rand.NewPCG(5, 6))
	for b := range 25 {
		var fs []graph.ArticleFacts
		for i := range 60 {
			f := randomFacts(rng, fmt.Sprintf("s%d-%d", b, i), 1)
			for j := range f.Relations {
				if !f.Relations[j].Date.IsZero() {
					f.Relations[j].Date = day("2014-01-01").AddDate(0, 0, rng.IntN(90))
				}
			}
			fs = append(fs, f)
		}
		write(t, c, fs...)
	}
	checkConsistent(t, c, 1, "stress")
}
