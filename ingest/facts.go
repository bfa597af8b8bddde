package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/calendar"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/relation"
	"github.com/diplograph/diplograph/slug"
)

// ContentHash identifies an article's text alone, as extracted by a given
// extractor version. What decides whether a stored article is unchanged is
// ArticleHash, which also covers the article's other stored fields.
func ContentHash(text, extractorVersion string) string {
	h := sha256.New()
	h.Write([]byte(extractorVersion))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(text)))
	return hex.EncodeToString(h.Sum(nil))
}

// ArticleHash identifies everything an article's stored facts come from:
// its text, published date, title, URL and source, and the fingerprint of
// the extractor and its dictionaries. An article read again with the same
// hash under its id is unchanged; a corrected date or title, or a new
// extractor or dictionaries, changes the hash and so re-extracts it.
func ArticleHash(a article.Article, fingerprint string) string {
	h := sha256.New()
	published := ""
	if !a.Published.IsZero() {
		published = a.Published.Format(time.DateOnly) // the graph stores the day
	}
	for _, part := range []string{"diplograph article hash 2", fingerprint, published, a.Title, a.URL, a.Source,
		strings.TrimSpace(a.Text)} {
		// Each part is preceded by its length, so that no two articles
		// share a hash by moving text from one field to the next.
		fmt.Fprintf(h, "%d:", len(part))
		h.Write([]byte(part))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Facts converts one article's extraction into the facts written to the
// graph. Relations reported more than once in the article (same type,
// actors, polarity and date) become one report, carrying the sentence of
// the first mention. Weights are not stored: queries apply them.
func Facts(a article.Article, res extract.Result, lex *lexicon.Lexicon, extractorVersion string) graph.ArticleFacts {
	f := graph.ArticleFacts{Article: graph.ArticleNode{
		ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Published: a.Published,
		ContentHash: ArticleHash(a, extractorVersion),
	}}
	actors := map[string]graph.ActorNode{}
	addActor := func(code string) bool {
		if _, ok := actors[code]; ok {
			return true
		}
		n, ok := actorNode(code, lex)
		if ok {
			actors[code] = n
		}
		return ok
	}

	byID := map[string]extract.Entity{}
	personIDs := map[string]string{} // entity id -> person node id
	placeIDs := map[string]string{}  // place name -> place node id
	for _, e := range res.Entities {
		byID[e.ID] = e
		switch e.Kind {
		case "country", "organization":
			addActor(entityCode(e))
		case "person":
			if e.Country == "" || !addActor(e.Country) {
				continue // an official must act for a known state or organization
			}
			id := slug.Make(e.Name) + "@" + e.Country
			personIDs[e.ID] = id
			f.Persons = append(f.Persons, graph.PersonNode{ID: id, Name: e.Name, Actor: e.Country, Title: e.Title, Date: a.Published})
		case "place":
			id := slug.Make(e.Name)
			if e.Country != "" && addActor(e.Country) {
				id += "@" + e.Country
			}
			placeIDs[e.Name] = id
			f.Places = append(f.Places, graph.PlaceNode{ID: id, Name: e.Name, Country: actorIfCountry(e.Country, actors)})
		}
	}

	meetingPersons := map[string]map[string]bool{}
	type key struct {
		typ, src, tgt, date string
		negated             bool
	}
	seen := map[key]bool{}
	for _, r := range res.Relations {
		if !addActor(r.SourceActor) || !addActor(r.TargetActor) || r.SourceActor == r.TargetActor {
			continue
		}
		src, tgt := r.SourceActor, r.TargetActor
		k := key{r.Type, src, tgt, r.Date, r.Negated}
		if relation.Symmetric(r.Type) && k.src > k.tgt {
			k.src, k.tgt = k.tgt, k.src
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		date, precision := parseDate(r.Date, r.DatePrecision, a.Published)
		edge := graph.RelationEdge{
			Type: r.Type, Source: src, Target: tgt, Date: date, DatePrecision: precision, Background: r.Background,
			Sentence: r.Sentence, Span: r.Span, Modality: r.Modality, Negated: r.Negated,
			Confidence:   r.Confidence,
			SourcePerson: personIDs[r.Source], TargetPerson: personIDs[r.Target],
		}
		if r.Meeting != "" {
			edge.Meeting = a.ID + ":" + r.Meeting
			for _, pid := range []string{edge.SourcePerson, edge.TargetPerson} {
				if pid != "" {
					if meetingPersons[r.Meeting] == nil {
						meetingPersons[r.Meeting] = map[string]bool{}
					}
					meetingPersons[r.Meeting][pid] = true
				}
			}
		}
		f.Relations = append(f.Relations, edge)
	}

	for _, e := range res.Entities {
		if e.Kind != "meeting" {
			continue
		}
		m := graph.MeetingNode{ID: a.ID + ":" + e.ID, Kind: meetingKind(e.Name), Name: e.Name, Place: e.Place, PlaceID: placeIDs[e.Place]}
		if e.Date != "" {
			m.Date, _ = parseDate(e.Date, "", time.Time{})
		}
		for _, code := range e.Participants {
			if addActor(code) {
				m.Participants = append(m.Participants, code)
			}
		}
		for pid := range meetingPersons[e.ID] {
			m.Persons = append(m.Persons, pid)
		}
		sort.Strings(m.Persons)
		f.Meetings = append(f.Meetings, m)
	}

	for _, n := range actors {
		f.Actors = append(f.Actors, n)
	}
	sort.Slice(f.Actors, func(i, j int) bool { return f.Actors[i].Code < f.Actors[j].Code })
	return f
}

func entityCode(e extract.Entity) string {
	if e.Country != "" {
		return e.Country
	}
	_, code, _ := strings.Cut(e.ID, ":")
	return code
}

func actorIfCountry(code string, actors map[string]graph.ActorNode) string {
	if n, ok := actors[code]; ok && n.Country {
		return code
	}
	return ""
}

// actorNode names a state, a guideline organization, or an ORG:<name>.
func actorNode(code string, lex *lexicon.Lexicon) (graph.ActorNode, bool) {
	if code == "" {
		return graph.ActorNode{}, false
	}
	if c, ok := lex.Country(code); ok {
		return graph.ActorNode{Code: code, Name: c.Name, Country: true}, true
	}
	if o, ok := lex.Organization(code); ok {
		return graph.ActorNode{Code: code, Name: o.Name, Kind: o.Kind}, true
	}
	if name, ok := strings.CutPrefix(code, "ORG:"); ok && strings.TrimSpace(name) != "" {
		return graph.ActorNode{Code: code, Name: strings.TrimSpace(name), Kind: "other"}, true
	}
	return graph.ActorNode{}, false
}

// parseDate reads a relation's or a meeting's date as package calendar
// does (YYYY-MM-DD, YYYY-MM or YYYY), with the extractor's precision when
// it gives one ("week" is a day's date) and the date's own otherwise;
// anything else falls back to the published date, at day precision.
func parseDate(s, precision string, published time.Time) (time.Time, string) {
	if d, err := calendar.Parse(s); err == nil {
		if precision == "" || precision == "unknown" {
			precision = string(d.Precision)
		}
		return d.First, precision
	}
	if published.IsZero() {
		return time.Time{}, "unknown"
	}
	return published, "day"
}

// meetingKind reduces a meeting's name to one of the kinds the graph
// model documents: talks, summit, conference, phone call, visit, meeting.
func meetingKind(name string) string {
	n := strings.ToLower(name)
	for _, k := range []struct{ word, kind string }{
		{"phone", "phone call"}, {"call", "phone call"}, {"summit", "summit"}, {"conference", "conference"},
		{"visit", "visit"}, {"talk", "talks"}, {"negotiation", "talks"},
	} {
		if strings.Contains(n, k.word) {
			return k.kind
		}
	}
	return "meeting"
}
