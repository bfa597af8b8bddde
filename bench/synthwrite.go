package bench

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

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
	// BatchRelations is how many relation edges are written per
	// transaction (default 10000).
	BatchRelations int
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
	Relationships int64              `json:"relationships"` // all types: relation edges, MENTIONS, ...
	Articles      int                `json:"articles"`
	Meetings      int                `json:"meetings"`
	Picks         Picks              `json:"picks"`
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

// synthStats counts events as the model draws them.
type synthStats struct {
	dyads    map[[2]int]int
	states   []int
	articles int
	meetings int
}

func newSynthStats(m *synthModel) *synthStats {
	return &synthStats{dyads: map[[2]int]int{}, states: make([]int, len(m.actors))}
}

func (s *synthStats) add(m *synthModel, a synthArticle) {
	s.articles++
	for _, e := range a.Events {
		s.states[e.Source]++
		s.states[e.Target]++
		if e.Meeting {
			s.meetings++
		}
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

func (s SyntheticGraphSpec) marker(complete bool) map[string]any {
	return map[string]any{
		"seed": s.Seed, "edges": int64(s.Edges), "states": int64(s.States), "years": int64(s.Years),
		"first_year": int64(s.FirstYear), "version": int64(syntheticGraphVersion), "complete": complete,
		"source": benchSource, "written_at": time.Now().UTC(),
	}
}

// matches reports whether a marker records a complete graph of spec s.
func (s SyntheticGraphSpec) matches(marker map[string]any) bool {
	want := s.marker(true)
	for _, k := range []string{"seed", "edges", "states", "years", "first_year", "version", "complete"} {
		if marker[k] != want[k] {
			return false
		}
	}
	return true
}

// EnsureSyntheticGraph makes the database hold the synthetic graph of spec
// and returns what it holds. A complete graph of the same spec (recorded
// in a (:DiplographBench) marker node) is reused unless opt.Rebuild; any
// other graph the benchmark wrote is deleted and built again. A database
// with data the benchmark did not write (no marker but nodes, or articles
// of another source) is left alone with ErrNotBenchGraph unless opt.Force.
//
// The graph has the shape the real writer gives it: :Country:Actor and
// :Organization:Actor nodes with code and name; relation edges typed
// MET_WITH ... ATTACKED with date, date_precision, article_id, sentence,
// span, modality, negated, confidence and weight (and source_person,
// target_person and meeting on some meetings); :Article nodes with MENTIONS
// of their actors; :Person nodes that REPRESENTS their state; :Meeting
// nodes with REPORTS and ATTENDED.
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
	}
	t0 := time.Now()
	if state.nodes > 0 || state.marker != nil {
		fmt.Fprintf(progress, "bench: deleting the graph in the database (%d nodes) ...\n", state.nodes)
		if err := wipe(ctx, c); err != nil {
			return g, err
		}
	}
	if err := build(ctx, c, m, stats, opt, progress); err != nil {
		return g, err
	}
	g.BuildSeconds = time.Since(t0).Seconds()
	return g, finish(ctx, c, m, stats, &g)
}

func finish(ctx context.Context, c *graph.Client, m *synthModel, stats *synthStats, g *SyntheticGraph) error {
	g.Articles, g.Meetings, g.Picks = stats.articles, stats.meetings, stats.picks(m)
	st, err := statement("bench_counts")
	if err != nil {
		return err
	}
	recs, err := c.Read(ctx, st, nil)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if len(recs) == 1 {
		g.Nodes, _ = recs[0].AsMap()["nodes"].(int64)
		g.Relationships, _ = recs[0].AsMap()["relationships"].(int64)
	}
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

// build writes the synthetic graph into an empty database: the marker
// (incomplete), the actors and officials, then the articles in batches,
// then the marker again (complete). An interrupted build leaves an
// incomplete marker, so the next run builds again.
func build(ctx context.Context, c *graph.Client, m *synthModel, stats *synthStats, opt BuildOptions, progress io.Writer) error {
	sts := map[string]graph.Statement{}
	for _, name := range []string{"bench_marker_set", "bench_actors_create", "bench_persons_create",
		"bench_articles_create", "bench_relations_create", "bench_meetings_create"} {
		st, err := statement(name)
		if err != nil {
			return err
		}
		sts[name] = st
	}
	write := func(name, param string, rows []map[string]any) error {
		if len(rows) == 0 {
			return nil
		}
		if err := c.Write(ctx, sts[name], map[string]any{param: rows}); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		return nil
	}
	if err := c.Write(ctx, sts["bench_marker_set"], map[string]any{"marker": m.spec.marker(false)}); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	var actors, persons []map[string]any
	first := date(m.start)
	for _, a := range m.actors {
		label := "Organization"
		if a.Country {
			label = "Country"
		}
		actors = append(actors, map[string]any{"code": a.Code, "name": a.Name, "label": label, "kind": a.Kind})
		if !a.Country {
			continue
		}
		for i, title := range officials {
			persons = append(persons, map[string]any{"id": personID(a.Code, i), "name": fmt.Sprintf("%s of %s", title, a.Name),
				"actor": a.Code, "title": title, "from": first, "to": date(m.start.AddDate(0, 0, m.days-1))})
		}
	}
	fmt.Fprintf(progress, "bench: writing %d actors and %d officials ...\n", len(actors), len(persons))
	if err := write("bench_actors_create", "actors", actors); err != nil {
		return err
	}
	if err := write("bench_persons_create", "persons", persons); err != nil {
		return err
	}

	batch := opt.BatchRelations
	if batch <= 0 {
		batch = 10000
	}
	var arts, rels, meetings []map[string]any
	written, nextReport := 0, m.spec.Edges/10
	flush := func() error {
		if err := write("bench_articles_create", "articles", arts); err != nil {
			return err
		}
		if err := write("bench_relations_create", "relations", rels); err != nil {
			return err
		}
		if err := write("bench_meetings_create", "meetings", meetings); err != nil {
			return err
		}
		written += len(rels)
		arts, rels, meetings = arts[:0], rels[:0], meetings[:0]
		if written >= nextReport {
			fmt.Fprintf(progress, "bench: %d of %d relation edges written\n", written, m.spec.Edges)
			nextReport += max(m.spec.Edges/10, 1)
		}
		return ctx.Err()
	}
	t0 := time.Now()
	err := m.articles(func(a synthArticle) error {
		stats.add(m, a)
		arts, rels, meetings = appendArticle(m, a, arts, rels, meetings)
		if len(rels) >= batch {
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
	fmt.Fprintf(progress, "bench: %d relation edges in %d articles written in %.0fs\n", written, stats.articles, time.Since(t0).Seconds())
	return c.Write(ctx, sts["bench_marker_set"], map[string]any{"marker": m.spec.marker(true)})
}

// appendArticle adds the rows of one article to the batch.
func appendArticle(m *synthModel, a synthArticle, arts, rels, meetings []map[string]any) ([]map[string]any, []map[string]any, []map[string]any) {
	var codes []string
	for _, e := range a.Events {
		for _, x := range []int{e.Source, e.Target} {
			if code := m.actors[x].Code; !slices.Contains(codes, code) {
				codes = append(codes, code)
			}
		}
	}
	first := a.Events[0]
	arts = append(arts, map[string]any{
		"id": a.ID, "url": fmt.Sprintf("https://bench.diplograph.invalid/%d/%d", m.spec.Seed, a.Seq),
		"source": benchSource, "title": fmt.Sprintf("%s and %s", m.actors[first.Source].Name, m.actors[first.Target].Name),
		"published": date(a.Published), "content_hash": fmt.Sprintf("bench-%d-%d", m.spec.Seed, a.Seq), "actors": codes,
	})
	for _, e := range a.Events {
		src, tgt := m.actors[e.Source], m.actors[e.Target]
		sentence := fmt.Sprintf("%s %s %s.", src.Name, typePhrases[e.Type], tgt.Name)
		props := map[string]any{
			"date": date(e.Date), "date_precision": e.Precision, "article_id": a.ID, "sentence": sentence,
			"span": []int64{0, int64(len(sentence))}, "modality": e.Modality, "negated": e.Negated,
			"confidence": e.Confidence, "weight": synthWeight(e.Type),
		}
		if e.Meeting {
			id := a.ID + ":m1"
			props["meeting"], props["source_person"], props["target_person"] = id, personID(src.Code, 0), personID(tgt.Code, 0)
			place := src.Capital
			if place == "" {
				place = src.Name
			}
			meetings = append(meetings, map[string]any{
				"article_id": a.ID, "id": id, "kind": "talks", "name": fmt.Sprintf("talks between %s and %s", src.Name, tgt.Name),
				"date": date(e.Date), "place": place, "participants": []string{src.Code, tgt.Code},
				"persons": []string{personID(src.Code, 0), personID(tgt.Code, 0)},
			})
		}
		rels = append(rels, map[string]any{"type": e.Type, "source": src.Code, "target": tgt.Code, "props": props})
	}
	return arts, rels, meetings
}

func date(t time.Time) dbtype.Date {
	return dbtype.Date(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}
