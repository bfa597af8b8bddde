package bench

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/graph"
)

//go:embed cypher/*.cypher
var cypherFiles embed.FS

// statement loads bench/cypher/NAME.cypher.
func statement(name string) (graph.Statement, error) {
	b, err := cypherFiles.ReadFile("cypher/" + name + ".cypher")
	if err != nil {
		return graph.Statement{}, fmt.Errorf("bench: %w", err)
	}
	return graph.ParseStatement(name+".cypher", string(b))
}

// ErrNotBenchGraph is returned when the database holds data the benchmark
// did not write: building the synthetic graph would delete it.
var ErrNotBenchGraph = errors.New("the database holds data that the benchmark did not write")

// BuildOptions say how EnsureSyntheticGraph may treat the database.
type BuildOptions struct {
	// Rebuild builds the graph even when the database already holds the
	// same synthetic graph.
	Rebuild bool
	// Force deletes whatever the database holds, a user's articles
	// included, when it is not a synthetic graph of the benchmark.
	Force bool
	// BatchArticles is how many articles are written per transaction, as
	// ingest's batch size (default 100).
	BatchArticles int
	// Progress receives one line per phase and per tenth of the edges
	// (nil: none).
	Progress io.Writer
}

// SyntheticGraph describes the synthetic graph the database holds.
type SyntheticGraph struct {
	Spec          SyntheticGraphSpec `json:"spec"`
	Reused        bool               `json:"reused"`        // found in the database, not built
	BuildSeconds  float64            `json:"build_seconds"` // 0 when reused
	Nodes         int64              `json:"nodes"`
	Relationships int64              `json:"relationships"` // all types: events, MENTIONS, ALIGNMENT, ...
	Articles      int                `json:"articles"`
	Meetings      int                `json:"meetings"`
	// Drawn are the reports and events the model drew; the writer merges
	// reports into events, so the graph's Events may be fewer than
	// Drawn.Events when two drawn events of a dyad fall together.
	Drawn      DrawnCounts `json:"drawn"`
	Reports    int64       `json:"reports"`     // (:Report) nodes in the graph
	Events     int64       `json:"events"`      // relationships of a relation type in the graph
	Aggregates int64       `json:"aggregates"`  // ALIGNMENT relationships in the graph
	YearTotals int64       `json:"year_totals"` // ALIGNMENT_YEAR relationships in the graph
	Shifts     int64       `json:"shifts"`      // SHIFT relationships in the graph
	Resumed    bool        `json:"resumed"`     // an interrupted build was continued
	Picks      Picks       `json:"picks"`
}

// Picks are query parameters drawn from the synthetic data.
type Picks struct {
	BusiestDyad        [2]string `json:"busiest_dyad"` // the two states with most events, lower code first
	BusiestDyadEvents  int       `json:"busiest_dyad_events"`
	Top10Dyad          [2]string `json:"top10_dyad"` // the tenth busiest dyad (a prominent one, like USA-IRN)
	Top10DyadEvents    int       `json:"top10_dyad_events"`
	TypicalDyad        [2]string `json:"typical_dyad"` // the dyad of median activity among dyads with events
	TypicalDyadEvents  int       `json:"typical_dyad_events"`
	BusiestState       string    `json:"busiest_state"`
	BusiestStateEvents int       `json:"busiest_state_events"`
	Year               int       `json:"year"` // the last year of the graph, the window of one-year queries
}

// DrawnCounts are what the model drew.
type DrawnCounts struct {
	Reports           int `json:"reports"`             // relations written, one report each
	Events            int `json:"events"`              // first reports: the events as drawn
	MultiReportEvents int `json:"multi_report_events"` // events reported by two or three articles
}

// synthStats counts events as the model draws them.
type synthStats struct {
	dyads    map[[2]int]int
	states   []int
	articles int
	meetings int
	drawn    DrawnCounts
}

func newSynthStats(m *synthModel) *synthStats {
	return &synthStats{dyads: map[[2]int]int{}, states: make([]int, len(m.actors))}
}

func (s *synthStats) add(m *synthModel, a synthArticle) {
	s.articles++
	if a.Meeting != nil {
		s.meetings++
	}
	for _, e := range a.Events {
		s.drawn.Reports++
		if e.Echo {
			continue
		}
		s.drawn.Events++
		if e.Echoes > 0 {
			s.drawn.MultiReportEvents++
		}
		s.states[e.Source]++
		s.states[e.Target]++
		if m.actors[e.Source].Country && m.actors[e.Target].Country {
			s.dyads[[2]int{min(e.Source, e.Target), max(e.Source, e.Target)}]++
		}
	}
}

func (s *synthStats) picks(m *synthModel) Picks {
	p := Picks{Year: m.spec.LastYear()}
	type dc struct {
		a, b string
		n    int
	}
	var ds []dc
	for k, n := range s.dyads {
		a, b := m.actors[k[0]].Code, m.actors[k[1]].Code
		if a > b {
			a, b = b, a
		}
		ds = append(ds, dc{a, b, n})
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].n != ds[j].n {
			return ds[i].n > ds[j].n
		}
		return ds[i].a+ds[i].b < ds[j].a+ds[j].b
	})
	if len(ds) > 0 {
		p.BusiestDyad, p.BusiestDyadEvents = [2]string{ds[0].a, ds[0].b}, ds[0].n
		top10 := ds[min(9, len(ds)-1)]
		p.Top10Dyad, p.Top10DyadEvents = [2]string{top10.a, top10.b}, top10.n
		mid := ds[len(ds)/2]
		p.TypicalDyad, p.TypicalDyadEvents = [2]string{mid.a, mid.b}, mid.n
	}
	for i := range m.states {
		if s.states[i] > p.BusiestStateEvents {
			p.BusiestState, p.BusiestStateEvents = m.actors[i].Code, s.states[i]
		}
	}
	return p
}

// dbState is what bench_state found.
type dbState struct {
	marker          map[string]any // nil: no marker
	nodes           int64          // besides schema metadata and the marker
	foreignArticles int64
}

func readState(ctx context.Context, c *graph.Client) (dbState, error) {
	st, err := statement("bench_state")
	if err != nil {
		return dbState{}, err
	}
	recs, err := c.Read(ctx, st, map[string]any{"source": benchSource})
	if err != nil {
		return dbState{}, fmt.Errorf("bench: %w", err)
	}
	if len(recs) != 1 {
		return dbState{}, fmt.Errorf("bench: bench_state: %d rows, want 1", len(recs))
	}
	m := recs[0].AsMap()
	var s dbState
	if ms, _ := m["markers"].([]any); len(ms) == 1 {
		s.marker, _ = ms[0].(map[string]any)
	} else if len(ms) > 1 {
		s.marker = map[string]any{} // several markers: not a graph this code wrote
	}
	s.nodes, _ = m["nodes"].(int64)
	s.foreignArticles, _ = m["foreign_articles"].(int64)
	return s, nil
}

func (s SyntheticGraphSpec) marker(complete bool, written int) map[string]any {
	return map[string]any{
		"seed": s.Seed, "edges": int64(s.Edges), "states": int64(s.States), "years": int64(s.Years),
		"first_year": int64(s.FirstYear), "multi_report": s.MultiReport, "version": int64(syntheticGraphVersion),
		"complete": complete, "articles_written": int64(written), "source": benchSource, "written_at": time.Now().UTC(),
	}
}

// markerKeys are the marker's properties that identify the graph.
var markerKeys = []string{"seed", "edges", "states", "years", "first_year", "multi_report", "version"}

// sameGraph reports whether a marker records a graph of spec s, complete
// or not.
func (s SyntheticGraphSpec) sameGraph(marker map[string]any) bool {
	want := s.marker(true, 0)
	for _, k := range markerKeys {
		if marker[k] != want[k] {
			return false
		}
	}
	return true
}

// matches reports whether a marker records a complete graph of spec s.
func (s SyntheticGraphSpec) matches(marker map[string]any) bool {
	return s.sameGraph(marker) && marker["complete"] == true
}

// resumeFrom is how many articles of an interrupted build of spec s the
// marker records as written (0: none, or not a build of s).
func (s SyntheticGraphSpec) resumeFrom(marker map[string]any) int {
	if !s.sameGraph(marker) || marker["complete"] != false {
		return 0
	}
	n, _ := marker["articles_written"].(int64)
	return int(n)
}

// EnsureSyntheticGraph makes the database hold the synthetic graph of spec
// and returns what it holds. A complete graph of the same spec (recorded
// in a (:DiplographBench) marker node) is reused unless opt.Rebuild; an
// interrupted build of the same spec is continued after the articles it
// wrote; any other graph the benchmark wrote is deleted and built again. A
// database with data the benchmark did not write (no marker but nodes, or
// articles of another source) is left alone with ErrNotBenchGraph unless
// opt.Force.
//
// The graph is written through the real writer, graph.Client.WriteArticles,
// in batches of opt.BatchArticles articles as ingest writes them, so its
// articles, actors, officials, meetings, reports, events and ALIGNMENT
// aggregates are exactly what an ingest of such articles produces.
func EnsureSyntheticGraph(ctx context.Context, c *graph.Client, spec SyntheticGraphSpec, opt BuildOptions) (SyntheticGraph, error) {
	m, err := newSynthModel(spec)
	if err != nil {
		return SyntheticGraph{}, err
	}
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	if _, err := c.Migrate(ctx); err != nil {
		return SyntheticGraph{}, fmt.Errorf("bench: %w", err)
	}
	state, err := readState(ctx, c)
	if err != nil {
		return SyntheticGraph{}, err
	}
	g := SyntheticGraph{Spec: spec}
	stats := newSynthStats(m)
	resume := 0
	switch {
	case state.marker == nil && state.nodes > 0, state.marker != nil && state.foreignArticles > 0:
		if !opt.Force {
			return g, fmt.Errorf("bench: %w (%d nodes, %d articles from other sources): building the synthetic graph would delete them; use a separate database or --force to delete them",
				ErrNotBenchGraph, state.nodes, state.foreignArticles)
		}
		fmt.Fprintf(progress, "WARNING: deleting %d nodes the benchmark did not write (--force)\n", state.nodes)
	case state.marker != nil && spec.matches(state.marker) && !opt.Rebuild:
		if err := m.articles(func(a synthArticle) error { stats.add(m, a); return nil }); err != nil {
			return g, err
		}
		g.Reused = true
		return g, finish(ctx, c, m, stats, &g)
	case state.marker != nil && !opt.Rebuild:
		resume = spec.resumeFrom(state.marker)
	}
	t0 := time.Now()
	if resume > 0 {
		g.Resumed = true
		fmt.Fprintf(progress, "bench: continuing an interrupted build after its first %d articles\n", resume)
	} else if state.nodes > 0 || state.marker != nil {
		fmt.Fprintf(progress, "bench: deleting the graph in the database (%d nodes) ...\n", state.nodes)
		if err := wipe(ctx, c); err != nil {
			return g, err
		}
	}
	if err := build(ctx, c, m, stats, opt, resume, progress); err != nil {
		return g, err
	}
	g.BuildSeconds = time.Since(t0).Seconds()
	return g, finish(ctx, c, m, stats, &g)
}

func finish(ctx context.Context, c *graph.Client, m *synthModel, stats *synthStats, g *SyntheticGraph) error {
	g.Articles, g.Meetings, g.Drawn, g.Picks = stats.articles, stats.meetings, stats.drawn, stats.picks(m)
	st, err := statement("bench_counts")
	if err != nil {
		return err
	}
	recs, err := c.Read(ctx, st, nil)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if len(recs) != 1 {
		return fmt.Errorf("bench: bench_counts: %d rows, want 1", len(recs))
	}
	r := recs[0].AsMap()
	g.Nodes, _ = r["nodes"].(int64)
	g.Relationships, _ = r["relationships"].(int64)
	g.Reports, _ = r["reports"].(int64)
	g.Events, _ = r["events"].(int64)
	g.Aggregates, _ = r["aggregates"].(int64)
	g.YearTotals, _ = r["year_totals"].(int64)
	g.Shifts, _ = r["shifts"].(int64)
	return nil
}

// wipe deletes every node and relationship but the schema version.
func wipe(ctx context.Context, c *graph.Client) error {
	for _, name := range []string{"bench_delete_relationships", "bench_delete_nodes"} {
		st, err := statement(name)
		if err != nil {
			return err
		}
		if err := c.Exec(ctx, st, nil); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	return nil
}

// build writes the synthetic articles through the writer, in batches of
// opt.BatchArticles, skipping the first resume (written by an interrupted
// build). The marker says the graph is incomplete until the last batch is
// written and records after each batch how many articles are, so an
// interrupted build is continued by the next run.
func build(ctx context.Context, c *graph.Client, m *synthModel, stats *synthStats, opt BuildOptions, resume int, progress io.Writer) error {
	setMarker, err := statement("bench_marker_set")
	if err != nil {
		return err
	}
	markProgress, err := statement("bench_marker_progress")
	if err != nil {
		return err
	}
	if err := c.Write(ctx, setMarker, map[string]any{"marker": m.spec.marker(false, resume)}); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	batch := opt.BatchArticles
	if batch <= 0 {
		batch = 100
	}
	facts := make([]graph.ArticleFacts, 0, batch)
	written := resume // articles in the graph, in drawing order
	step := max(m.spec.Edges/10, 1)
	nextReport := step
	t0 := time.Now()
	flush := func() error {
		if len(facts) == 0 {
			return nil
		}
		if _, err := c.WriteArticles(ctx, facts); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		written += len(facts)
		facts = facts[:0]
		if err := c.Write(ctx, markProgress, map[string]any{"articles_written": int64(written)}); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		if stats.drawn.Events >= nextReport {
			fmt.Fprintf(progress, "bench: %d of %d events (%d reports, %d articles) written in %.0fs\n",
				stats.drawn.Events, m.spec.Edges, stats.drawn.Reports, written, time.Since(t0).Seconds())
			for nextReport <= stats.drawn.Events {
				nextReport += step
			}
		}
		return ctx.Err()
	}
	err = m.articles(func(a synthArticle) error {
		stats.add(m, a)
		if a.Seq < resume {
			return nil
		}
		facts = append(facts, m.facts(a))
		if len(facts) >= batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	// As ingest does after its last batch.
	if err := c.RefreshShifts(ctx); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(progress, "bench: %d events drawn, %d reports in %d articles written through the writer in %.0fs\n",
		stats.drawn.Events, stats.drawn.Reports, stats.articles-resume, time.Since(t0).Seconds())
	if err := c.Write(ctx, setMarker, map[string]any{"marker": m.spec.marker(true, written)}); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	return nil
}

// facts is what ingest would hand the writer for a synthetic article: its
// actors, the heads of state at its meeting, the meeting, and one relation
// (one report) per drawn event or further report. No weights: the writer
// stores none.
func (m *synthModel) facts(a synthArticle) graph.ArticleFacts {
	f := graph.ArticleFacts{Article: graph.ArticleNode{
		ID: a.ID, URL: fmt.Sprintf("https://bench.diplograph.invalid/%d/%d", m.spec.Seed, a.Seq), Source: benchSource,
		Published: a.Published, ContentHash: fmt.Sprintf("bench-v%d-%d-%d", syntheticGraphVersion, m.spec.Seed, a.Seq),
	}}
	first := a.Events[0]
	f.Article.Title = fmt.Sprintf("%s and %s", m.actors[first.Source].Name, m.actors[first.Target].Name)
	seen := map[int]bool{}
	addActor := func(i int) {
		if seen[i] {
			return
		}
		seen[i] = true
		x := m.actors[i]
		f.Actors = append(f.Actors, graph.ActorNode{Code: x.Code, Name: x.Name, Country: x.Country, Kind: x.Kind})
	}
	meetingID := ""
	if mt := a.Meeting; mt != nil {
		meetingID = a.ID + ":m1"
		var codes, names, persons []string
		for _, p := range mt.Participants {
			addActor(p)
			x := m.actors[p]
			codes, names = append(codes, x.Code), append(names, x.Name)
			persons = append(persons, personID(x.Code, 0))
			f.Persons = append(f.Persons, graph.PersonNode{ID: personID(x.Code, 0), Name: fmt.Sprintf("%s of %s", headTitle, x.Name),
				Actor: x.Code, Title: headTitle, Date: a.Published})
		}
		kind, name := "talks", fmt.Sprintf("talks between %s", strings.Join(names, " and "))
		if len(codes) > 2 {
			kind, name = "summit", fmt.Sprintf("summit of %s", strings.Join(names, ", "))
		}
		host := m.actors[mt.Participants[0]]
		place := host.Capital
		if place == "" {
			place = host.Name
		}
		date := mt.Date
		if mt.Precision != "day" {
			date = time.Time{} // a meeting's date is a day or unknown
		}
		f.Meetings = append(f.Meetings, graph.MeetingNode{ID: meetingID, Kind: kind, Name: name, Date: date, Place: place,
			Participants: codes, Persons: persons})
	}
	for _, e := range a.Events {
		addActor(e.Source)
		addActor(e.Target)
		src, tgt := m.actors[e.Source], m.actors[e.Target]
		sentence := fmt.Sprintf("%s %s %s.", src.Name, typePhrases[e.Type], tgt.Name)
		rel := graph.RelationEdge{
			Type: e.Type, Source: src.Code, Target: tgt.Code, Date: e.Date, DatePrecision: e.Precision,
			Sentence: sentence, Span: [2]int{0, len(sentence)}, Modality: e.Modality, Negated: e.Negated, Confidence: e.Confidence,
		}
		if e.Meeting && meetingID != "" {
			rel.Meeting, rel.SourcePerson, rel.TargetPerson = meetingID, personID(src.Code, 0), personID(tgt.Code, 0)
		}
		f.Relations = append(f.Relations, rel)
	}
	slices.SortFunc(f.Actors, func(x, y graph.ActorNode) int { return strings.Compare(x.Code, y.Code) })
	return f
}
