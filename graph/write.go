package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
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
}

// ArticleNode is the provenance of every fact: (:Article).
type ArticleNode struct {
	ID, URL, Source, Title string
	Published              time.Time // zero = unknown
	ContentHash            string    // hash of the text: the same text is never written twice
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

// RelationEdge is one reported event between two actors.
type RelationEdge struct {
	Type           string // MET_WITH, WARNED, ...
	Source, Target string // actor codes
	Date           time.Time
	DatePrecision  string
	Sentence       string
	Span           [2]int
	Modality       string
	Negated        bool
	Confidence     float64
	Weight         float64 // cooperation (+) / conflict (-) weight of the type
	SourcePerson   string  // person id behind the source, for drill-down
	TargetPerson   string
	Meeting        string // meeting id
}

// RelationTypes are the relationship types between actors; the schema has
// a date index for each, and WriteArticle accepts no other.
var RelationTypes = []string{
	"MET_WITH", "AGREED_WITH", "SUPPORTED", "AIDED", "REQUESTED", "ACCUSED",
	"REJECTED", "WARNED", "SANCTIONED", "DEPLOYED_TO", "ATTACKED",
}

func validRelationType(t string) bool {
	for _, rt := range RelationTypes {
		if rt == t {
			return true
		}
	}
	return false
}

// Outcome says what WriteArticle did.
type Outcome string

// Outcomes of WriteArticle.
const (
	New       Outcome = "new"
	Updated   Outcome = "updated"   // same id or URL, new text: old facts replaced
	Unchanged Outcome = "unchanged" // same text already in the graph: nothing written
)

var (
	stArticleLookup   = mustStatement("article_lookup")
	stArticleDelete   = mustStatement("article_delete")
	stArticleCreate   = mustStatement("article_create")
	stActorsMerge     = mustStatement("actors_merge")
	stPersonsMerge    = mustStatement("persons_merge")
	stPlacesMerge     = mustStatement("places_merge")
	stMeetingsCreate  = mustStatement("meetings_create")
	stRelationsCreate = mustStatement("relations_create")
)

// WriteArticle writes f in one managed transaction (retried on transient
// errors). An article whose text is already in the graph (by content hash)
// changes nothing; one whose id or URL is there with other text replaces
// the old version and all its facts.
func (c *Client) WriteArticle(ctx context.Context, f ArticleFacts) (Outcome, error) {
	if f.Article.ID == "" {
		return "", fmt.Errorf("graph: article without id")
	}
	for _, r := range f.Relations {
		if !validRelationType(r.Type) {
			return "", fmt.Errorf("graph: article %s: unknown relation type %q", f.Article.ID, r.Type)
		}
		if r.Source == "" || r.Target == "" || r.Source == r.Target {
			return "", fmt.Errorf("graph: article %s: %s relation needs two different actors, got %q and %q", f.Article.ID, r.Type, r.Source, r.Target)
		}
	}
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	out, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return writeArticle(ctx, tx, f)
	})
	if err != nil {
		return "", fmt.Errorf("graph: article %s: %w", f.Article.ID, classify(c.uri, err))
	}
	return out.(Outcome), nil
}

func writeArticle(ctx context.Context, tx neo4j.ManagedTransaction, f ArticleFacts) (Outcome, error) {
	a := f.Article
	res, err := tx.Run(ctx, stArticleLookup.Text, map[string]any{"id": a.ID, "url": a.URL, "hash": a.ContentHash})
	if err != nil {
		return "", err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return "", err
	}
	get := func(k string) string { v, _ := rec.Get(k); s, _ := v.(string); return s }
	if get("hash_match") != "" {
		return Unchanged, nil
	}
	outcome := New
	for _, old := range []string{get("id_match"), get("url_match")} {
		if old == "" {
			continue
		}
		outcome = Updated
		if err := run(ctx, tx, stArticleDelete, map[string]any{"id": old}); err != nil {
			return "", err
		}
	}
	id := a.ID
	steps := []struct {
		st     Statement
		params map[string]any
		n      int
	}{
		{stArticleCreate, map[string]any{"article": map[string]any{
			"id": a.ID, "url": a.URL, "source": a.Source, "title": a.Title,
			"published": dateOrNil(a.Published), "content_hash": a.ContentHash,
		}}, 1},
		{stActorsMerge, map[string]any{"article_id": id, "actors": actorParams(f.Actors)}, len(f.Actors)},
		{stPersonsMerge, map[string]any{"article_id": id, "persons": personParams(f.Persons)}, len(f.Persons)},
		{stPlacesMerge, map[string]any{"article_id": id, "places": placeParams(f.Places)}, len(f.Places)},
		{stMeetingsCreate, map[string]any{"article_id": id, "meetings": meetingParams(f.Meetings)}, len(f.Meetings)},
		{stRelationsCreate, map[string]any{"relations": relationParams(id, f.Relations)}, len(f.Relations)},
	}
	for _, step := range steps[:len(steps)-1] {
		if step.n == 0 {
			continue
		}
		if err := run(ctx, tx, step.st, step.params); err != nil {
			return "", err
		}
	}
	if len(f.Relations) > 0 {
		rel := steps[len(steps)-1]
		res, err := tx.Run(ctx, rel.st.Text, rel.params)
		if err != nil {
			return "", fmt.Errorf("%s: %w", rel.st.Name, err)
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return "", fmt.Errorf("%s: %w", rel.st.Name, err)
		}
		if n, _ := rec.Values[0].(int64); int(n) != len(f.Relations) {
			// Returning an error rolls the whole article back.
			return "", fmt.Errorf("%s: %d of %d relations have an end that is not among the article's actors",
				rel.st.Name, len(f.Relations)-int(n), len(f.Relations))
		}
	}
	return outcome, nil
}

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

func actorParams(as []ActorNode) []map[string]any {
	out := make([]map[string]any, len(as))
	for i, a := range as {
		label := "Organization"
		if a.Country {
			label = "Country"
		}
		out[i] = map[string]any{"code": a.Code, "name": a.Name, "label": label, "kind": a.Kind}
	}
	return out
}

func personParams(ps []PersonNode) []map[string]any {
	out := make([]map[string]any, len(ps))
	for i, p := range ps {
		out[i] = map[string]any{"id": p.ID, "name": p.Name, "actor": p.Actor, "title": p.Title, "date": dateOrNil(p.Date)}
	}
	return out
}

func placeParams(ps []PlaceNode) []map[string]any {
	out := make([]map[string]any, len(ps))
	for i, p := range ps {
		out[i] = map[string]any{"id": p.ID, "name": p.Name, "country": p.Country}
	}
	return out
}

func meetingParams(ms []MeetingNode) []map[string]any {
	out := make([]map[string]any, len(ms))
	for i, m := range ms {
		parts, persons := m.Participants, m.Persons
		if parts == nil {
			parts = []string{}
		}
		if persons == nil {
			persons = []string{}
		}
		out[i] = map[string]any{"id": m.ID, "kind": m.Kind, "name": m.Name, "date": dateOrNil(m.Date),
			"place": m.Place, "place_id": m.PlaceID, "participants": parts, "persons": persons}
	}
	return out
}

func relationParams(articleID string, rs []RelationEdge) []map[string]any {
	out := make([]map[string]any, len(rs))
	for i, r := range rs {
		props := map[string]any{
			"date": dateOrNil(r.Date), "date_precision": r.DatePrecision,
			"article_id": articleID, "sentence": r.Sentence, "span": []int64{int64(r.Span[0]), int64(r.Span[1])},
			"modality": r.Modality, "negated": r.Negated, "confidence": r.Confidence, "weight": r.Weight,
		}
		for k, v := range map[string]string{"source_person": r.SourcePerson, "target_person": r.TargetPerson, "meeting": r.Meeting} {
			if v != "" {
				props[k] = v
			}
		}
		out[i] = map[string]any{"type": r.Type, "source": r.Source, "target": r.Target, "props": props}
	}
	return out
}
