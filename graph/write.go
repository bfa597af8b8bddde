package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/event"
	"github.com/diplograph/diplograph/relation"
)

// ArticleFacts is everything one article contributes to the graph. It is
// written atomically: after any failure or crash the article is either
// fully in the graph or not at all.
type ArticleFacts struct {
	Article   ArticleNode
	Actors    []ActorNode
	Persons   []PersonNode
	Places    []PlaceNode
	Meetings  []MeetingNode
	Relations []RelationEdge
	// Replace writes the article even when the graph holds it unchanged
	// (same id and hash), replacing its facts: a forced re-extraction.
	Replace bool
}

// ArticleNode is the provenance of every fact: (:Article).
type ArticleNode struct {
	ID, URL, Source, Title string
	Published              time.Time // zero = unknown
	// ContentHash covers everything the facts come from (text, date, title,
	// URL, source, extractor): the article is unchanged when the graph holds
	// its id with this hash.
	ContentHash string
}

// ActorNode is a state (:Country:Actor) or an organization
// (:Organization:Actor), keyed by code (ISO alpha-3, a guideline
// organization code, or ORG:<name>).
type ActorNode struct {
	Code, Name string
	Country    bool   // true: :Country; false: :Organization
	Kind       string // organizations: intergovernmental | armed_group | other
}

// PersonNode is an official; Actor is the code of what they represent.
type PersonNode struct {
	ID, Name, Actor, Title string
	Date                   time.Time // when the article shows them in office
}

// PlaceNode is a place; Country is the state it lies in ("" = none).
type PlaceNode struct{ ID, Name, Country string }

// MeetingNode is a meeting the article reports.
type MeetingNode struct {
	ID, Kind, Name string
	Date           time.Time // zero = unknown
	Place, PlaceID string
	Participants   []string // actor codes
	Persons        []string // person ids
}

// RelationEdge is one relation the article reports between two actors: it
// is written as a (:Report) of the article and joins an event
// (docs/events.md).
type RelationEdge struct {
	Type           string // MET_WITH, WARNED, ...
	Source, Target string // actor codes
	Date           time.Time
	DatePrecision  string
	Background     bool // the event lies well before its article (history it recalls)
	Sentence       string
	Span           [2]int
	Modality       string
	Negated        bool
	Confidence     float64
	SourcePerson   string // person id behind the source, for drill-down
	TargetPerson   string
	Meeting        string // meeting id
}

// RelationTypes are the relationship types between actors (package
// relation's eleven types); the schema has a date index for each, and
// WriteArticle accepts no other.
var RelationTypes = relation.Types

// Outcome says what WriteArticle did.
type Outcome string

// Outcomes of WriteArticle.
const (
	New       Outcome = "new"
	Updated   Outcome = "updated"   // same id or URL, new hash (or Replace): old facts replaced
	Unchanged Outcome = "unchanged" // same id and hash already in the graph: nothing written
)

// writeAttempts bounds how often a batch is rerun after another
// transaction created one of its articles first.
const writeAttempts = 5

// errCreatedMeanwhile marks a batch that found an article absent but could
// not create it: another transaction (another ingest of the same files)
// created it in the meantime. Rerunning the batch finds it.
var errCreatedMeanwhile = errors.New("article created by a concurrent write")

var (
	stArticlesLookup  = mustStatement("articles_lookup")
	stArticlesDelete  = mustStatement("articles_delete")
	stArticlesWrite   = mustStatement("articles_write")
	stWritesMark      = mustStatement("writes_mark")
	stEventsOfArticle = mustStatement("events_of_articles")
)

// WriteArticle writes one article; see WriteArticles.
func (c *Client) WriteArticle(ctx context.Context, f ArticleFacts) (Outcome, error) {
	out, err := c.WriteArticles(ctx, []ArticleFacts{f})
	if err != nil {
		return "", err
	}
	return out[0], nil
}

// WriteArticles writes a batch of articles in one managed transaction
// (retried on transient errors): all of the batch is in the graph afterwards
// or none of it, so each article is written atomically. An article whose id
// is in the graph with the same content hash (and whose URL belongs to no
// other article) changes nothing, unless Replace is set; one whose id or
// URL is there otherwise replaces the old version and all its facts; the
// same text under another id and URL is an article of its own. Articles
// that repeat an id or URL of an earlier one in the batch are written in a
// later transaction, so the later one wins. When another process writes
// the same articles at the same time, the batch that loses the race to
// create one is rerun (a few times at most) and finds it in the graph.
// The SHIFT markers of the pairs written are left out of date until
// RefreshShifts (ingest runs it after its last batch).
func (c *Client) WriteArticles(ctx context.Context, fs []ArticleFacts) ([]Outcome, error) {
	for _, f := range fs {
		if err := validate(f); err != nil {
			return nil, err
		}
	}
	outs := make([]Outcome, 0, len(fs))
	for len(fs) > 0 {
		n := distinctPrefix(fs)
		out, err := c.writeBatch(ctx, fs[:n])
		if err != nil {
			return nil, err
		}
		outs = append(outs, out...)
		fs = fs[n:]
	}
	return outs, nil
}

func validate(f ArticleFacts) error {
	if f.Article.ID == "" {
		return fmt.Errorf("graph: article without id")
	}
	for _, r := range f.Relations {
		if !relation.Valid(r.Type) {
			return fmt.Errorf("graph: article %s: unknown relation type %q", f.Article.ID, r.Type)
		}
		if r.Source == "" || r.Target == "" || r.Source == r.Target {
			return fmt.Errorf("graph: article %s: %s relation needs two different actors, got %q and %q", f.Article.ID, r.Type, r.Source, r.Target)
		}
	}
	return nil
}

// distinctPrefix is how many leading articles share no id or URL.
func distinctPrefix(fs []ArticleFacts) int {
	seen := map[string]bool{}
	for i, f := range fs {
		keys := []string{"id:" + f.Article.ID}
		if f.Article.URL != "" {
			keys = append(keys, "url:"+f.Article.URL)
		}
		for _, k := range keys {
			if seen[k] {
				return i
			}
		}
		for _, k := range keys {
			seen[k] = true
		}
	}
	return len(fs)
}

func (c *Client) writeBatch(ctx context.Context, fs []ArticleFacts) ([]Outcome, error) {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	var out any
	var err error
	for range writeAttempts {
		out, err = s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return writeBatch(ctx, tx, fs, c.window)
		})
		if !errors.Is(err, errCreatedMeanwhile) {
			break
		}
	}
	if errors.Is(err, ErrEventWindow) {
		return nil, err
	}
	if err != nil {
		name := fs[0].Article.ID
		if len(fs) > 1 {
			name = fmt.Sprintf("batch of %d from %s", len(fs), name)
		}
		return nil, fmt.Errorf("graph: article %s: %w", name, classify(c.uri, err))
	}
	return out.([]Outcome), nil
}

func writeBatch(ctx context.Context, tx neo4j.ManagedTransaction, fs []ArticleFacts, window int) ([]Outcome, error) {
	// First, so that concurrent writers wait here for each other before
	// they read any event.
	if err := markWrite(ctx, tx, window); err != nil {
		return nil, err
	}
	keys := make([]map[string]any, len(fs))
	for i, f := range fs {
		keys[i] = map[string]any{"i": int64(i), "id": f.Article.ID, "url": f.Article.URL}
	}
	res, err := tx.Run(ctx, stArticlesLookup.Text, map[string]any{"keys": keys})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", stArticlesLookup.Name, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", stArticlesLookup.Name, err)
	}
	outs := make([]Outcome, len(fs))
	olds := make([]map[string]bool, len(fs)) // ids of the stored versions
	same := make([]bool, len(fs))            // the id is stored with this hash
	for _, rec := range recs {
		m := rec.AsMap()
		i := int(m["i"].(int64))
		str := func(k string) string { s, _ := m[k].(string); return s }
		if olds[i] == nil {
			olds[i] = map[string]bool{}
		}
		for _, old := range []string{str("id_match"), str("url_match")} {
			if old != "" {
				olds[i][old] = true
			}
		}
		if str("id_match") != "" && str("id_hash") == fs[i].Article.ContentHash {
			same[i] = true
		}
	}
	oldIDs := map[string]bool{}
	for i, f := range fs {
		switch {
		case len(olds[i]) == 0:
			outs[i] = New
		case same[i] && len(olds[i]) == 1 && !f.Replace:
			outs[i] = Unchanged
		default:
			outs[i] = Updated
			for id := range olds[i] {
				oldIDs[id] = true
			}
		}
	}
	var touched []storedEvent // events whose reports are deleted
	if len(oldIDs) > 0 {
		ids := make([]string, 0, len(oldIDs))
		for id := range oldIDs {
			ids = append(ids, id)
		}
		var err error
		if touched, err = eventsOfArticles(ctx, tx, ids); err != nil {
			return nil, err
		}
		if err := run(ctx, tx, stArticlesDelete, map[string]any{"ids": ids}); err != nil {
			return nil, err
		}
	}
	var arts, actors, persons, places, meetings []map[string]any
	var reports []event.Report
	for i, f := range fs {
		if outs[i] == Unchanged {
			continue
		}
		a := f.Article
		arts = append(arts, map[string]any{"id": a.ID, "url": a.URL, "source": a.Source, "title": a.Title,
			"published": dateOrNil(a.Published), "content_hash": a.ContentHash})
		actors = append(actors, actorParams(a.ID, f.Actors)...)
		persons = append(persons, personParams(a.ID, f.Persons)...)
		places = append(places, placeParams(a.ID, f.Places)...)
		meetings = append(meetings, meetingParams(a.ID, f.Meetings)...)
		reports = append(reports, articleReports(a.ID, f.Relations)...)
	}
	if len(arts) > 0 {
		err := run(ctx, tx, stArticlesWrite, map[string]any{
			"articles": arts, "actors": actors, "persons": persons, "places": places, "meetings": meetings,
		})
		if constraintViolated(err) {
			return nil, fmt.Errorf("%w: %w", errCreatedMeanwhile, err)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := reformEvents(ctx, tx, touched, reports, window); err != nil {
		return nil, err
	}
	return outs, nil
}

// constraintViolated says whether err is Neo4j's refusal of a node that a
// uniqueness constraint forbids.
func constraintViolated(err error) bool {
	var nerr *neo4j.Neo4jError
	return errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}

// runCount runs st, which returns one row with one count, and returns it.
func runCount(ctx context.Context, tx neo4j.ManagedTransaction, st Statement, params map[string]any) (int64, error) {
	res, err := tx.Run(ctx, st.Text, params)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", st.Name, err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", st.Name, err)
	}
	n, _ := rec.Values[0].(int64)
	return n, nil
}

// run runs st and discards its result.
func run(ctx context.Context, tx neo4j.ManagedTransaction, st Statement, params map[string]any) error {
	res, err := tx.Run(ctx, st.Text, params)
	if err != nil {
		return fmt.Errorf("%s: %w", st.Name, err)
	}
	if _, err := res.Consume(ctx); err != nil {
		return fmt.Errorf("%s: %w", st.Name, err)
	}
	return nil
}

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dbtype.Date(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// The statements create an article's MENTIONS edges without MERGE (the
// article is new in the transaction), so each entity is passed once per
// article; a person under two titles is passed twice, mentioned once.

func actorParams(articleID string, as []ActorNode) []map[string]any {
	out := make([]map[string]any, 0, len(as))
	seen := map[string]bool{}
	for _, a := range as {
		if seen[a.Code] {
			continue
		}
		seen[a.Code] = true
		label := "Organization"
		if a.Country {
			label = "Country"
		}
		out = append(out, map[string]any{"article_id": articleID, "code": a.Code, "name": a.Name, "label": label, "kind": a.Kind})
	}
	return out
}

func personParams(articleID string, ps []PersonNode) []map[string]any {
	out := make([]map[string]any, 0, len(ps))
	seen := map[string]bool{}
	for _, p := range ps {
		key := p.ID + "\x00" + p.Actor + "\x00" + p.Title
		if seen[key] {
			continue
		}
		first := !seen[p.ID]
		seen[key], seen[p.ID] = true, true
		out = append(out, map[string]any{"article_id": articleID, "id": p.ID, "name": p.Name, "actor": p.Actor, "title": p.Title,
			"date": dateOrNil(p.Date), "first": first})
	}
	return out
}

func placeParams(articleID string, ps []PlaceNode) []map[string]any {
	out := make([]map[string]any, 0, len(ps))
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		out = append(out, map[string]any{"article_id": articleID, "id": p.ID, "name": p.Name, "country": p.Country})
	}
	return out
}

func meetingParams(articleID string, ms []MeetingNode) []map[string]any {
	out := make([]map[string]any, len(ms))
	for i, m := range ms {
		parts, persons := m.Participants, m.Persons
		if parts == nil {
			parts = []string{}
		}
		if persons == nil {
			persons = []string{}
		}
		out[i] = map[string]any{"article_id": articleID, "id": m.ID, "kind": m.Kind, "name": m.Name, "date": dateOrNil(m.Date),
			"place": m.Place, "place_id": m.PlaceID, "participants": parts, "persons": persons}
	}
	return out
}

// articleReports are the reports of an article's relations, with ids
// "<article id>#<n>".
func articleReports(articleID string, rs []RelationEdge) []event.Report {
	out := make([]event.Report, len(rs))
	for i, r := range rs {
		date := time.Time{}
		if !r.Date.IsZero() {
			date = time.Date(r.Date.Year(), r.Date.Month(), r.Date.Day(), 0, 0, 0, 0, time.UTC)
		}
		out[i] = event.Report{
			ID: fmt.Sprintf("%s#%d", articleID, i), ArticleID: articleID,
			Type: r.Type, Source: r.Source, Target: r.Target, Date: date, Precision: r.DatePrecision,
			Background: r.Background, Modality: r.Modality, Negated: r.Negated, Sentence: r.Sentence,
			Span: r.Span, Confidence: r.Confidence,
			SourcePerson: r.SourcePerson, TargetPerson: r.TargetPerson, Meeting: r.Meeting,
		}
	}
	return out
}

// DeleteArticles removes articles and every fact they contributed (their
// reports and meetings), re-forms the events their reports belonged to
// from the remaining reports and updates the aggregates, in one
// transaction, then brings the SHIFT markers up to date (RefreshShifts).
// It returns how many of the ids were in the graph.
func (c *Client) DeleteArticles(ctx context.Context, ids []string) (int, error) {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	n, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := markWrite(ctx, tx, c.window); err != nil {
			return nil, err
		}
		touched, err := eventsOfArticles(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		found, err := runCount(ctx, tx, stArticlesDelete, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		if err := reformEvents(ctx, tx, touched, nil, c.window); err != nil {
			return nil, err
		}
		return int(found), nil
	})
	if errors.Is(err, ErrEventWindow) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("graph: deleting %d articles: %w", len(ids), classify(c.uri, err))
	}
	return n.(int), c.RefreshShifts(ctx)
}
