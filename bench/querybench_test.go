package bench

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries"
)

// drawAll draws every article of spec and returns a digest of them, the
// articles and the stats.
func drawAll(t *testing.T, spec SyntheticGraphSpec) (uint64, []synthArticle, *synthStats, *synthModel) {
	t.Helper()
	m, err := newSynthModel(spec)
	if err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	var arts []synthArticle
	stats := newSynthStats(m)
	err = m.articles(func(a synthArticle) error {
		stats.add(m, a)
		arts = append(arts, a)
		fmt.Fprintf(h, "%s %s %v %v\n", a.ID, a.Published.Format(time.DateOnly), a.Events, a.Meeting)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h.Sum64(), arts, stats, m
}

func TestSynthModel(t *testing.T) {
	base := SyntheticGraphSpec{Seed: 3, Edges: 20000, States: 200, Years: 20, FirstYear: 2005, MultiReport: DefaultMultiReport}
	for _, tt := range []struct {
		name  string
		mod   func(*SyntheticGraphSpec)
		share float64 // of events reported more than once
	}{
		{"default", func(*SyntheticGraphSpec) {}, 0.3},
		{"small", func(s *SyntheticGraphSpec) { s.Edges, s.States, s.Years = 7, 3, 1 }, -1},
		{"single reports", func(s *SyntheticGraphSpec) { s.MultiReport = 0 }, 0},
		{"all reported again", func(s *SyntheticGraphSpec) { s.MultiReport = 1; s.Seed = 9 }, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spec := base
			tt.mod(&spec)
			d1, arts, stats, m := drawAll(t, spec)
			if d2, _, _, _ := drawAll(t, spec); d1 != d2 {
				t.Fatal("the same spec drew different graphs")
			}
			other := spec
			other.Seed++
			if d3, _, _, _ := drawAll(t, other); d3 == d1 {
				t.Fatal("another seed drew the same graph")
			}
			if stats.drawn.Events != spec.Edges {
				t.Fatalf("%d events, want %d", stats.drawn.Events, spec.Edges)
			}
			if tt.share >= 0 {
				got := float64(stats.drawn.MultiReportEvents) / float64(stats.drawn.Events)
				if math.Abs(got-tt.share) > 0.02 {
					t.Errorf("%.3f of the events reported more than once, want %.2f", got, tt.share)
				}
			}
			// Further reports: 1.5 per multi-report event on average.
			extra := float64(stats.drawn.Reports-stats.drawn.Events) / float64(max(stats.drawn.MultiReportEvents, 1))
			if stats.drawn.MultiReportEvents > 100 && (extra < 1.4 || extra > 1.6) {
				t.Errorf("%.2f further reports per multi-report event, want about 1.5", extra)
			}
			checkArticles(t, m, arts)
		})
	}
}

// checkArticles checks the drawn articles as ingest would see them: the
// reports of an article are distinct, dates lie in the span, further
// reports follow their first report's article within a day and agree with
// it, and meetings bring their participants.
func checkArticles(t *testing.T, m *synthModel, arts []synthArticle) {
	t.Helper()
	first := m.start
	last := m.start.AddDate(0, 0, m.days-1)
	var firstOf []synthEvent // the events of the last article of first reports
	var published time.Time
	for i, a := range arts {
		if a.Seq != i || a.ID != fmt.Sprintf("bench-%d-%d", m.spec.Seed, i) || len(a.Events) == 0 {
			t.Fatalf("article %d: %+v", i, a)
		}
		seen := map[reportKey]bool{}
		echo := a.Events[0].Echo
		for _, e := range a.Events {
			if seen[keyOf(e)] {
				t.Fatalf("%s: report %+v twice", a.ID, e)
			}
			seen[keyOf(e)] = true
			if e.Date.Before(first) || e.Date.After(last) || e.Source == e.Target || e.Echo != echo {
				t.Fatalf("%s: bad report %+v", a.ID, e)
			}
			if e.Meeting && (a.Meeting == nil || !slices.Contains(a.Meeting.Participants, e.Source) || !slices.Contains(a.Meeting.Participants, e.Target)) {
				t.Fatalf("%s: meeting report %+v, meeting %+v", a.ID, e, a.Meeting)
			}
		}
		if !echo {
			firstOf, published = a.Events, a.Published
			continue
		}
		if d := a.Published.Sub(published); d < 0 || d > 24*time.Hour {
			t.Fatalf("%s: a further report published %v after the first", a.ID, d)
		}
		for _, e := range a.Events {
			i := slices.IndexFunc(firstOf, func(f synthEvent) bool {
				d := e.Date.Sub(f.Date)
				return f.Type == e.Type && f.Source == e.Source && f.Target == e.Target && f.Precision == e.Precision &&
					f.Modality == e.Modality && f.Negated == e.Negated && f.Echoes > 0 &&
					d >= 0 && d <= 24*time.Hour && (e.Precision == "day" || d == 0)
			})
			if i < 0 {
				t.Fatalf("%s: further report %+v of no first report within a day before it", a.ID, e)
			}
		}
	}
}

// The drawn graph has the mix the brief of #11 asks for: skew, every type,
// changing sides, month and year dates, planned and negated relations,
// meetings of more than two states.
func TestSynthModelMix(t *testing.T) {
	spec := SyntheticGraphSpec{Seed: 3, Edges: 20000, States: 200, Years: 20, FirstYear: 2005, MultiReport: DefaultMultiReport}
	_, arts, stats, m := drawAll(t, spec)
	if len(m.actors) < spec.States || m.states != spec.States || !m.actors[0].Country || m.actors[0].Code != "USA" {
		t.Fatalf("actors: %d states of %d actors, first %+v", m.states, len(m.actors), m.actors[0])
	}
	p := stats.picks(m)
	if p.BusiestState != "USA" || p.BusiestStateEvents < spec.Edges/5 || p.TypicalDyadEvents >= p.BusiestDyadEvents/20 {
		t.Fatalf("picks show no skew: %+v", p)
	}
	types, precisions, modalities := map[string]int{}, map[string]int{}, map[string]int{}
	negated, multiParty := 0, 0
	for _, a := range arts {
		if a.Meeting != nil && len(a.Meeting.Participants) > 2 && !a.Events[0].Echo {
			multiParty++
		}
		for _, e := range a.Events {
			if e.Echo {
				continue
			}
			types[e.Type]++
			precisions[e.Precision]++
			modalities[e.Modality]++
			if e.Negated {
				negated++
			}
		}
	}
	for _, typ := range graph.RelationTypes {
		if types[typ] == 0 {
			t.Errorf("no %s events", typ)
		}
	}
	n := float64(spec.Edges)
	for _, tt := range []struct {
		what     string
		got      int
		min, max float64 // shares of the events
	}{
		{"day precision", precisions["day"], 0.85, 0.95},
		{"month precision", precisions["month"], 0.04, 0.08},
		{"year precision", precisions["year"], 0.01, 0.03},
		{"planned", modalities["planned"], 0.08, 0.12},
		{"hypothetical", modalities["hypothetical"], 0.03, 0.07},
		{"negated", negated, 0.02, 0.04},
		{"meetings of three or four states", multiParty, 0.002, 0.05},
	} {
		if s := float64(tt.got) / n; s < tt.min || s > tt.max {
			t.Errorf("%s: %.3f of the events, want %.3f to %.3f", tt.what, s, tt.min, tt.max)
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

// facts gives the writer what ingest would: every actor of the relations
// and the meeting, the meeting's heads of state, no weights, no reports
// ingest would have merged.
func TestFacts(t *testing.T) {
	spec := SyntheticGraphSpec{Seed: 5, Edges: 3000, States: 50, Years: 2, FirstYear: 2020, MultiReport: DefaultMultiReport}
	_, arts, _, m := drawAll(t, spec)
	meetings := 0
	for _, a := range arts {
		f := m.facts(a)
		if f.Article.ID != a.ID || f.Article.Source != benchSource || f.Article.ContentHash == "" || !f.Article.Published.Equal(a.Published) {
			t.Fatalf("article %+v", f.Article)
		}
		actors := map[string]bool{}
		for _, x := range f.Actors {
			if actors[x.Code] {
				t.Fatalf("%s: actor %s twice", a.ID, x.Code)
			}
			actors[x.Code] = true
		}
		if len(f.Relations) != len(a.Events) {
			t.Fatalf("%s: %d relations for %d reports", a.ID, len(f.Relations), len(a.Events))
		}
		for _, r := range f.Relations {
			if !actors[r.Source] || !actors[r.Target] || r.Sentence == "" || r.Span[1] != len(r.Sentence) {
				t.Fatalf("%s: relation %+v, actors %v", a.ID, r, actors)
			}
			if r.Meeting != "" && (len(f.Meetings) != 1 || f.Meetings[0].ID != r.Meeting || r.SourcePerson == "") {
				t.Fatalf("%s: relation %+v, meetings %+v", a.ID, r, f.Meetings)
			}
		}
		if len(f.Meetings) == 1 {
			meetings++
			mt := f.Meetings[0]
			if len(mt.Participants) < 2 || len(mt.Persons) != len(mt.Participants) || len(f.Persons) != len(mt.Persons) {
				t.Fatalf("%s: meeting %+v, persons %+v", a.ID, mt, f.Persons)
			}
			for _, code := range mt.Participants {
				if !actors[code] {
					t.Fatalf("%s: participant %s not among the actors", a.ID, code)
				}
			}
		}
	}
	if meetings == 0 {
		t.Fatal("no meetings")
	}
}

func TestSpecValidate(t *testing.T) {
	for _, s := range []SyntheticGraphSpec{{Edges: 0, States: 10, Years: 1, FirstYear: 2000}, {Edges: 10, States: 2, Years: 1, FirstYear: 2000},
		{Edges: 10, States: 10, Years: 0, FirstYear: 2000}, {Edges: 10, States: 10000, Years: 1, FirstYear: 2000},
		{Edges: 10, States: 10, Years: 1, FirstYear: 2000, MultiReport: 1.1}, {Edges: 10, States: 10, Years: 1, FirstYear: 2000, MultiReport: math.NaN()}} {
		if _, err := newSynthModel(s); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}

func TestMarker(t *testing.T) {
	s := DefaultSyntheticGraphSpec()
	other := s
	other.Edges++
	share := s
	share.MultiReport = 0.5
	for _, tt := range []struct {
		name    string
		marker  map[string]any
		matches bool
		resume  int
	}{
		{"complete", s.marker(true, 400), true, 0},
		{"interrupted", s.marker(false, 400), false, 400},
		{"interrupted at once", s.marker(false, 0), false, 0},
		{"another size", other.marker(false, 400), false, 0},
		{"another share", share.marker(true, 400), false, 0},
		{"no marker", map[string]any{}, false, 0},
	} {
		if got := s.matches(tt.marker); got != tt.matches {
			t.Errorf("%s: matches = %v", tt.name, got)
		}
		if got := s.resumeFrom(tt.marker); got != tt.resume {
			t.Errorf("%s: resumeFrom = %d, want %d", tt.name, got, tt.resume)
		}
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

// The warm-up lasts at least the rounds and at least the time asked for,
// and a minimum time means at least one round.
func TestWarmedUp(t *testing.T) {
	for _, tt := range []struct {
		rounds, minRounds int
		elapsed, minTime  time.Duration
		want              bool
	}{
		{0, 0, 0, 0, true},
		{0, 5, 0, 0, false},
		{4, 5, time.Minute, 0, false},
		{5, 5, 0, 0, true},
		{5, 5, 10 * time.Second, 30 * time.Second, false},
		{5, 5, 30 * time.Second, 30 * time.Second, true},
		{0, 0, time.Minute, 30 * time.Second, false},
		{1, 0, 30 * time.Second, 30 * time.Second, true},
		{400, 5, 29 * time.Second, 30 * time.Second, false},
	} {
		if got := warmedUp(tt.rounds, tt.minRounds, tt.elapsed, tt.minTime); got != tt.want {
			t.Errorf("warmedUp(%d rounds, min %d, %s elapsed, min %s) = %v, want %v",
				tt.rounds, tt.minRounds, tt.elapsed, tt.minTime, got, tt.want)
		}
	}
}

// Targets timed together must hold the same cases in the same order;
// RunQueries refuses others before it runs anything.
func TestRunQueriesTargetsAlign(t *testing.T) {
	cases := QueryCases(Picks{BusiestDyad: [2]string{"CHN", "USA"}, Top10Dyad: [2]string{"IND", "USA"},
		TypicalDyad: [2]string{"CPV", "MHL"}, BusiestState: "USA", Year: 2024})
	for _, tt := range []struct {
		name  string
		other []QueryCase
		want  string
	}{
		{"fewer cases", cases[1:], "has"},
		{"another order", append([]QueryCase{cases[1], cases[0]}, cases[2:]...), "case 0"},
	} {
		_, _, err := RunQueries(context.Background(), []QueryTarget{{Cases: cases}, {Cases: tt.other}}, QueryBenchOptions{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error naming %q", tt.name, err, tt.want)
		}
	}
	out, wu, err := RunQueries(context.Background(), nil, QueryBenchOptions{})
	if err != nil || len(out) != 0 || wu != (Warmup{}) {
		t.Errorf("no targets: %v, %+v, %v", out, wu, err)
	}
}
