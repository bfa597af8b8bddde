package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

// replanSkip starts the statements that keep their first plan.
const replanSkip = "CYPHER replan=skip"

// TestWriterPlans checks the statements that keep the plan they got first
// (CYPHER replan=skip) however the graph grows: since statistics are not
// consulted again, their plan must not depend on them. Planned afresh
// (replan=force) on an empty graph, after one article and after a few
// dozen, where a planner led by statistics finds scanning a label or an
// index with few entries cheapest, every read of such a plan must still
// be an index seek (or an expansion from a node found by one), never a
// scan; and the statements the writer runs for every batch must be among
// them.
func TestWriterPlans(t *testing.T) {
	c := graphtest.Client(t)
	cfg := graphtest.Config(t)
	ctx := context.Background()
	// Indexes created anew on the empty graph, as on a first ingest: their
	// statistics then describe an empty graph until they are sampled again.
	graphtest.DropSchema(t, c)
	graphtest.Wipe(t, c)
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	sts, err := graph.EmbeddedStatements()
	if err != nil {
		t.Fatal(err)
	}
	var kept []graph.Statement
	for _, st := range sts {
		if strings.HasPrefix(st.Text, replanSkip) {
			kept = append(kept, st)
		}
	}
	for _, name := range []string{"writes_mark", "articles_lookup", "articles_write", "events_near",
		"events_create", "events_update", "reports_create", "alignment_apply"} {
		if !slices.ContainsFunc(kept, func(st graph.Statement) bool { return st.Name == name }) {
			t.Errorf("%s runs for every batch but is re-planned as the graph grows (no %s)", name, replanSkip)
		}
	}
	rng := rand.New(rand.NewPCG(7, 11))
	grow := []struct {
		graph    string
		articles []graph.ArticleFacts
	}{
		{"empty", nil},
		{"one article", []graph.ArticleFacts{sampleFacts("plan-a1", "h1")}},
		{"31 articles", func() []graph.ArticleFacts {
			var fs []graph.ArticleFacts
			for i := range 30 {
				fs = append(fs, randomFacts(rng, fmt.Sprintf("plan-r%d", i), 1))
			}
			return fs
		}()},
	}
	for _, g := range grow {
		if len(g.articles) > 0 {
			if _, err := c.WriteArticles(ctx, g.articles); err != nil {
				t.Fatal(err)
			}
		}
		for _, st := range kept {
			t.Run(g.graph+"/"+st.Name, func(t *testing.T) {
				ops := explainOperators(t, d, cfg.Database, "CYPHER replan=force"+strings.TrimPrefix(st.Text, replanSkip))
				for _, op := range ops {
					if strings.Contains(op, "Scan") {
						t.Errorf("plan reads with %s (kept, it would scan the whole graph once it has grown); operators: %v", op, ops)
					}
				}
				if !slices.ContainsFunc(ops, func(op string) bool { return strings.Contains(op, "Seek") }) {
					t.Errorf("plan has no index seek: %v", ops)
				}
			})
		}
	}
}

// explainOperators plans text under EXPLAIN and returns the operators of
// its plan, top down, from the plan's description: the driver's tree is
// wrong (neo4j-go-driver v5.28.4, Plan.Children takes the address of its
// loop variable under go 1.18 semantics, so every child is the last one).
func explainOperators(t *testing.T, d neo4j.DriverWithContext, database, text string) []string {
	t.Helper()
	ctx := context.Background()
	s := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: database})
	defer s.Close(ctx)
	res, err := s.Run(ctx, "EXPLAIN "+text, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		t.Fatal(err)
	}
	table, _ := sum.Plan().Arguments()["string-representation"].(string)
	ops := planOperators(table)
	if len(ops) == 0 {
		t.Fatalf("no operators in the plan's description %q", table)
	}
	return ops
}

// planOperator matches an operator's row in the table of a plan's
// description: "| | +NodeUniqueIndexSeek(Locking) |  9 | ...".
var planOperator = regexp.MustCompile(`(?m)^\|[ |\\]*\+([A-Za-z]\S*)\s+\|`)

// planOperators lists the operators of a plan's description, top down.
func planOperators(table string) []string {
	var ops []string
	for _, m := range planOperator.FindAllStringSubmatch(table, -1) {
		ops = append(ops, m[1])
	}
	return ops
}
