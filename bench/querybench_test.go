package bench

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries"
)

// drawAll draws every article of spec and returns a digest of them, the
// number of events and the stats.
func drawAll(t *testing.T, spec SyntheticGraphSpec) (uint64, int, *synthStats, *synthModel) {
	t.Helper()
	m, err := newSynthModel(spec)
	if err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	events := 0
	stats := newSynthStats(m)
	err = m.articles(func(a synthArticle) error {
		stats.add(m, a)
		events += len(a.Events)
		fmt.Fprintf(h, "%s %s %v\n", a.ID, a.Published.Format(time.DateOnly), a.Events)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h.Sum64(), events, stats, m
}

func TestSynthModel(t *testing.T) {
	spec := SyntheticGraphSpec{Seed: 3, Edges: 20000, States: 200, Years: 20, FirstYear: 2005}
	d1, n, stats, m := drawAll(t, spec)
	d2, _, _, _ := drawAll(t, spec)
	if d1 != d2 {
		t.Fatal("the same spec drew different graphs")
	}
	if n != spec.Edges {
		t.Fatalf("%d events, want %d", n, spec.Edges)
	}
	other := spec
	other.Seed = 4
	if d3, _, _, _ := drawAll(t, other); d3 == d1 {
		t.Fatal("another seed drew the same graph")
	}
	if len(m.actors) < spec.States || m.states != spec.States || !m.actors[0].Country || m.actors[0].Code != "USA" {
		t.Fatalf("actors: %d states of %d actors, first %+v", m.states, len(m.actors), m.actors[0])
	}
	// Skew: the busiest state takes part in far more events than the median one.
	p := stats.picks(m)
	if p.BusiestState != "USA" || p.BusiestStateEvents < spec.Edges/5 || p.TypicalDyadEvents >= p.BusiestDyadEvents/20 {
		t.Fatalf("picks show no skew: %+v", p)
	}
	// Every relation type occurs, every date lies in the span, and some
	// dyads change sides.
	types := map[string]int{}
	first, last := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	err := m.articles(func(a synthArticle) error {
		for _, e := range a.Events {
			types[e.Type]++
			if e.Date.Before(first) || e.Date.After(last) || e.Source == e.Target {
				return fmt.Errorf("bad event %+v", e)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range graph.RelationTypes {
		if types[typ] == 0 {
			t.Errorf("no %s events", typ)
		}
	}
	flips := 0
	for _, rs := range m.regimes {
		if len(rs) > 1 {
			flips++
		}
	}
	if flips < len(m.regimes)/2 {
		t.Errorf("%d of %d dyads change sides", flips, len(m.regimes))
	}
}

func TestSpecValidate(t *testing.T) {
	for _, s := range []SyntheticGraphSpec{{Edges: 0, States: 10, Years: 1, FirstYear: 2000}, {Edges: 10, States: 2, Years: 1, FirstYear: 2000},
		{Edges: 10, States: 10, Years: 0, FirstYear: 2000}, {Edges: 10, States: 10000, Years: 1, FirstYear: 2000}} {
		if _, err := newSynthModel(s); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}

func TestMarkerMatches(t *testing.T) {
	s := DefaultSyntheticGraphSpec()
	if !s.matches(s.marker(true)) || s.matches(s.marker(false)) {
		t.Fatal("marker of the spec itself")
	}
	other := s
	other.Edges++
	if other.matches(s.marker(true)) {
		t.Fatal("marker of another size matched")
	}
}

func TestTimingSummary(t *testing.T) {
	tm := Timing{Millis: []float64{9, 1, 8, 2, 7, 3, 6, 4, 5, 10}}
	tm.summarize(6 * time.Millisecond)
	if tm.Runs != 10 || tm.MedianMS != 5.5 || tm.P90MS != 9 || tm.MinMS != 1 || tm.MaxMS != 10 || tm.TargetMS != 6 || tm.Status != "pass" {
		t.Fatalf("%+v", tm)
	}
	tm.summarize(5 * time.Millisecond)
	if tm.Status != "FAIL" {
		t.Fatalf("median 5.5 ms against 5 ms: %s", tm.Status)
	}
	tm.summarize(0)
	if tm.Status != "-" {
		t.Fatalf("no target: %s", tm.Status)
	}
}

// fakePlan is a PROFILE plan node.
type fakePlan struct {
	op       string
	details  string
	hits     int64
	rows     int64
	children []neo4j.ProfiledPlan
}

func (p fakePlan) Operator() string               { return p.op + "@neo4j" }
func (p fakePlan) Arguments() map[string]any      { return map[string]any{"Details": p.details} }
func (p fakePlan) Identifiers() []string          { return nil }
func (p fakePlan) DbHits() int64                  { return p.hits }
func (p fakePlan) Records() int64                 { return p.rows }
func (p fakePlan) Children() []neo4j.ProfiledPlan { return p.children }
func (p fakePlan) PageCacheMisses() int64         { return 0 }
func (p fakePlan) PageCacheHits() int64           { return 0 }
func (p fakePlan) PageCacheHitRatio() float64     { return 0 }
func (p fakePlan) Time() int64                    { return 0 }

func TestSummarizePlan(t *testing.T) {
	plan := fakePlan{op: "ProduceResults", rows: 3, children: []neo4j.ProfiledPlan{
		fakePlan{op: "Expand(All)", hits: 100, rows: 50, children: []neo4j.ProfiledPlan{
			fakePlan{op: "NodeByLabelScan", details: "x:Country", hits: 201, rows: 200},
			fakePlan{op: "NodeByLabelScan", details: "a:Article", hits: 5001, rows: 5000},
			fakePlan{op: "AllNodesScan", hits: 9, rows: 8},
			fakePlan{op: "DirectedAllRelationshipsScan", hits: 7, rows: 7},
			fakePlan{op: "Expand(All)", hits: 1, rows: 1},
		}},
	}}
	s := summarizePlan(plan)
	if s.DbHits != 5319 || s.Rows != 3 || strings.Join(s.Operators, " ") != "ProduceResults Expand(All) NodeByLabelScan AllNodesScan DirectedAllRelationshipsScan" {
		t.Fatalf("%+v", s)
	}
	if len(s.Warnings) != 3 || !strings.Contains(s.Warnings[0], "a:Article") || len(s.Plan) != 7 {
		t.Fatalf("warnings %q, plan %q", s.Warnings, s.Plan)
	}
}

func TestQueryCasesCoverEveryQuery(t *testing.T) {
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	cases := QueryCases(Picks{BusiestDyad: [2]string{"CHN", "USA"}, TypicalDyad: [2]string{"FRA", "MLI"}, BusiestState: "USA", Year: 2024})
	byName := map[string]queries.Query{}
	for _, q := range qs {
		byName[q.Name] = q
	}
	covered := map[string]bool{}
	for _, c := range cases {
		q, ok := byName[c.Query]
		if !ok {
			t.Fatalf("case %s: no query %s", c.Name, c.Query)
		}
		if _, err := q.Bind(c.Params, nil); err != nil {
			t.Errorf("case %s: %v", c.Name, err)
		}
		covered[c.Query] = true
	}
	for _, q := range qs {
		if !covered[q.Name] {
			t.Errorf("query %s has no bench case", q.Name)
		}
	}
}

// The rewritten queries name the relation types (for the type groups of
// dense nodes and the per-type date indexes) instead of matching any
// relationship: a query that names some must name all of them, so that a
// type added to graph.RelationTypes is not silently left out.
func TestQueriesNameEveryRelationType(t *testing.T) {
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	disjunction := strings.Join(graph.RelationTypes, "|")
	index := regexp.MustCompile(`USING INDEX r:([A-Z_]+)\(date\)`)
	for _, q := range qs {
		if strings.Contains(q.Cypher, "MET_WITH|") {
			for _, m := range regexp.MustCompile(`:MET_WITH\|[A-Z_|]+`).FindAllString(q.Cypher, -1) {
				if m[1:] != disjunction {
					t.Errorf("%s: %s, want :%s", q.Name, m, disjunction)
				}
			}
		}
		found := map[string]int{}
		for _, m := range index.FindAllStringSubmatch(q.Cypher, -1) {
			found[m[1]]++
		}
		if len(found) > 1 { // one branch per type, each type as often
			for _, typ := range graph.RelationTypes {
				if found[typ] != found["MET_WITH"] {
					t.Errorf("%s: %d index branches for %s, %d for MET_WITH", q.Name, found[typ], typ, found["MET_WITH"])
				}
			}
		}
	}
}
