package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/extract/lexicon"
)

// SyntheticGraphSpec describes a synthetic graph of relation edges between
// states. Equal specs give equal graphs: everything is drawn from Seed.
type SyntheticGraphSpec struct {
	Seed      int64 `json:"seed"`
	Edges     int   `json:"edges"`      // relation edges between actors
	States    int   `json:"states"`     // :Country nodes (real ISO codes and names)
	Years     int   `json:"years"`      // the events span this many calendar years ...
	FirstYear int   `json:"first_year"` // ... starting on 1 January of this one
}

// DefaultSyntheticGraphSpec is the graph `diplograph bench queries` builds:
// a million relation edges among 200 states over twenty years.
func DefaultSyntheticGraphSpec() SyntheticGraphSpec {
	return SyntheticGraphSpec{Seed: 1, Edges: 1_000_000, States: 200, Years: 20, FirstYear: 2005}
}

// syntheticGraphVersion changes whenever the generator draws a different
// graph from the same spec, so a graph built by an older version is rebuilt.
const syntheticGraphVersion = 1

// benchSource is the Article.source of every synthetic article.
const benchSource = "diplograph bench"

func (s SyntheticGraphSpec) validate() error {
	switch {
	case s.Edges < 1:
		return fmt.Errorf("bench: synthetic graph: edges %d: want at least 1", s.Edges)
	case s.States < 3:
		return fmt.Errorf("bench: synthetic graph: states %d: want at least 3", s.States)
	case s.Years < 1 || s.Years > 200:
		return fmt.Errorf("bench: synthetic graph: years %d: want 1 to 200", s.Years)
	case s.FirstYear < 1000 || s.FirstYear > 9000:
		return fmt.Errorf("bench: synthetic graph: first year %d: want a year between 1000 and 9000", s.FirstYear)
	}
	return nil
}

// LastYear is the last calendar year with events.
func (s SyntheticGraphSpec) LastYear() int { return s.FirstYear + s.Years - 1 }

// synthActor is a state or an organization of the synthetic graph.
type synthActor struct {
	Code, Name string
	Country    bool
	Kind       string // organizations: intergovernmental | armed_group
	Capital    string
}

// synthEvent is one relation edge.
type synthEvent struct {
	Type           string
	Source, Target int // indexes into synthModel.actors
	Date           time.Time
	Precision      string
	Modality       string
	Negated        bool
	Confidence     float64
	Meeting        bool // the article's meeting (MET_WITH only), with the two heads as persons
}

// synthArticle is one synthetic article and the events it reports.
type synthArticle struct {
	Seq       int
	ID        string
	Published time.Time
	Events    []synthEvent
}

// regime is a stretch of a dyad's history in which it is friendly or hostile,
// up to (excluding) day until.
type regime struct {
	until    int
	friendly bool
}

// synthModel draws the events of a SyntheticGraphSpec.
type synthModel struct {
	spec     SyntheticGraphSpec
	actors   []synthActor // states first (most active first), then organizations
	states   int
	orgs     []int     // indexes of organizations in actors
	stateCDF []float64 // cumulative activity of states, Zipf by rank
	start    time.Time
	days     int
	regimes  map[[2]int][]regime
}

// majorPowers are the most active states, in this order; the rest follow in
// a seeded shuffle. The news covers a few states far more than the others.
var majorPowers = []string{
	"USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IRN", "ISR", "IND", "JPN", "TUR", "SAU", "UKR",
	"PRK", "KOR", "PAK", "SYR", "IRQ", "AFG", "EGY", "BRA", "CAN", "AUS", "ITA", "QAT", "ARE",
	"VEN", "CUB", "MEX", "ZAF",
}

// benchOrganizations take part in a few events, as counterparts of states.
var benchOrganizations = []string{"UN", "NATO", "EU", "AU", "ASEAN", "IAEA", "ISIL", "HAMAS", "HEZBOLLAH", "HOUTHIS"}

func newSynthModel(spec SyntheticGraphSpec) (*synthModel, error) {
	if err := spec.validate(); err != nil {
		return nil, err
	}
	lex, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("bench: synthetic graph: %w", err)
	}
	m := &synthModel{spec: spec, regimes: map[[2]int][]regime{}}
	m.start = time.Date(spec.FirstYear, 1, 1, 0, 0, 0, 0, time.UTC)
	m.days = int(time.Date(spec.FirstYear+spec.Years, 1, 1, 0, 0, 0, 0, time.UTC).Sub(m.start).Hours() / 24)

	// States: the major powers, then sovereign states, then territories.
	all := lex.Countries()
	byCode := map[string]lexicon.Country{}
	for _, c := range all {
		byCode[c.Code] = c
	}
	used := map[string]bool{}
	var states []lexicon.Country
	for _, code := range majorPowers {
		if c, ok := byCode[code]; ok && len(states) < spec.States {
			states = append(states, c)
			used[code] = true
		}
	}
	var rest, territories []lexicon.Country
	for _, c := range all {
		switch {
		case used[c.Code]:
		case c.Sovereign:
			rest = append(rest, c)
		default:
			territories = append(territories, c)
		}
	}
	r := rand.New(rand.NewPCG(uint64(spec.Seed), 0x5eed))
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	r.Shuffle(len(territories), func(i, j int) { territories[i], territories[j] = territories[j], territories[i] })
	for _, c := range append(rest, territories...) {
		if len(states) == spec.States {
			break
		}
		states = append(states, c)
	}
	if len(states) < spec.States {
		return nil, fmt.Errorf("bench: synthetic graph: %d states wanted, the lexicon knows %d", spec.States, len(states))
	}
	for _, c := range states {
		m.actors = append(m.actors, synthActor{Code: c.Code, Name: c.Name, Country: true, Capital: c.Capital})
	}
	m.states = len(m.actors)
	for _, code := range benchOrganizations {
		if o, ok := lex.Organization(code); ok {
			m.orgs = append(m.orgs, len(m.actors))
			m.actors = append(m.actors, synthActor{Code: o.Code, Name: o.Name, Kind: o.Kind})
		}
	}
	// Activity falls with rank as 1/rank (Zipf): the first state takes part
	// in about a third of all events, the 200th in a fraction of a percent.
	total := 0.0
	for i := range m.states {
		total += 1 / float64(i+1)
		m.stateCDF = append(m.stateCDF, total)
	}
	return m, nil
}

func (m *synthModel) pickState(r *rand.Rand) int {
	x := r.Float64() * m.stateCDF[len(m.stateCDF)-1]
	i := sort.SearchFloat64s(m.stateCDF, x)
	return min(i, m.states-1)
}

// pickCounterpart draws the other end of an event of state s: mostly a
// state (by activity), sometimes an organization.
func (m *synthModel) pickCounterpart(r *rand.Rand, s int) int {
	if len(m.orgs) > 0 && r.Float64() < 0.04 {
		return m.orgs[r.IntN(len(m.orgs))]
	}
	for {
		if t := m.pickState(r); t != s {
			return t
		}
	}
}

// friendly reports whether the dyad of actors a and b is friendly on day d.
// Each dyad starts friendly (70%) or hostile and flips zero to three times
// at days drawn from its own seeded stream, so alliances change over time.
func (m *synthModel) friendly(a, b, d int) bool {
	key := [2]int{min(a, b), max(a, b)}
	rs, ok := m.regimes[key]
	if !ok {
		r := rand.New(rand.NewPCG(uint64(m.spec.Seed), uint64(key[0])<<32|uint64(key[1])))
		friendly := r.Float64() < 0.7
		flips := []int{0, 0, 0, 1, 1, 1, 2, 2, 2, 3}[r.IntN(10)]
		var at []int
		for range flips {
			at = append(at, r.IntN(m.days))
		}
		slices.Sort(at)
		for _, day := range at {
			rs = append(rs, regime{until: day, friendly: friendly})
			friendly = !friendly
		}
		rs = append(rs, regime{until: math.MaxInt, friendly: friendly})
		m.regimes[key] = rs
	}
	for _, rg := range rs {
		if d < rg.until {
			return rg.friendly
		}
	}
	return rs[len(rs)-1].friendly
}

type typeShare struct {
	typ   string
	share float64
}

var (
	friendlyTypes = cumulative([]typeShare{
		{"MET_WITH", 40}, {"AGREED_WITH", 20}, {"SUPPORTED", 12}, {"AIDED", 6}, {"REQUESTED", 7},
		{"ACCUSED", 5}, {"REJECTED", 4}, {"WARNED", 3}, {"DEPLOYED_TO", 2}, {"SANCTIONED", 1},
	})
	hostileTypes = cumulative([]typeShare{
		{"MET_WITH", 12}, {"AGREED_WITH", 3}, {"SUPPORTED", 2}, {"REQUESTED", 5}, {"ACCUSED", 22},
		{"REJECTED", 12}, {"WARNED", 18}, {"SANCTIONED", 12}, {"ATTACKED", 8}, {"DEPLOYED_TO", 6},
	})
)

func cumulative(ts []typeShare) []typeShare {
	out := make([]typeShare, len(ts))
	total := 0.0
	for i, t := range ts {
		total += t.share
		out[i] = typeShare{t.typ, total}
	}
	for i := range out {
		out[i].share /= total
	}
	return out
}

func pickType(r *rand.Rand, ts []typeShare) string {
	x := r.Float64()
	for _, t := range ts {
		if x < t.share {
			return t.typ
		}
	}
	return ts[len(ts)-1].typ
}

// eventsPerArticle is how many events an article reports (mean about 3.2).
var eventsPerArticle = []int{1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6}

// articles draws the articles in order, spec.Edges events in all, and
// calls yield for each.
func (m *synthModel) articles(yield func(synthArticle) error) error {
	r := rand.New(rand.NewPCG(uint64(m.spec.Seed), 1))
	edges := 0
	for seq := 0; edges < m.spec.Edges; seq++ {
		day := r.IntN(m.days)
		a := synthArticle{Seq: seq, ID: fmt.Sprintf("bench-%d-%d", m.spec.Seed, seq), Published: m.start.AddDate(0, 0, day)}
		n := min(eventsPerArticle[r.IntN(len(eventsPerArticle))], m.spec.Edges-edges)
		s := m.pickState(r)
		t := m.pickCounterpart(r, s)
		meeting := false
		for range n {
			x, y := s, t
			if r.Float64() < 0.25 { // a side event of one of the two with a third party
				if r.IntN(2) == 0 {
					x = t
				}
				y = m.pickCounterpart(r, x)
				if y == s || y == t {
					y = m.pickCounterpart(r, x)
				}
			}
			if y == x {
				continue
			}
			if r.IntN(2) == 0 {
				x, y = y, x
			}
			d := day
			if r.Float64() < 0.3 {
				d = max(0, day-1-r.IntN(3))
			}
			ts := hostileTypes
			if m.friendly(x, y, d) {
				ts = friendlyTypes
			}
			ev := synthEvent{
				Type: pickType(r, ts), Source: x, Target: y, Date: m.start.AddDate(0, 0, d),
				Precision: "day", Modality: "asserted", Confidence: math.Round((0.55+0.45*r.Float64())*100) / 100,
			}
			if r.Float64() < 0.07 {
				ev.Precision = "month"
				ev.Date = time.Date(ev.Date.Year(), ev.Date.Month(), 1, 0, 0, 0, 0, time.UTC)
			}
			switch p := r.Float64(); {
			case p < 0.10:
				ev.Modality = "planned"
			case p < 0.15:
				ev.Modality = "hypothetical"
			}
			ev.Negated = r.Float64() < 0.03
			if ev.Type == "MET_WITH" && !meeting && m.actors[x].Country && m.actors[y].Country && r.Float64() < 0.3 {
				ev.Meeting, meeting = true, true
			}
			a.Events = append(a.Events, ev)
		}
		edges += len(a.Events)
		if len(a.Events) == 0 {
			continue
		}
		if err := yield(a); err != nil {
			return err
		}
	}
	return nil
}

// synthWeight is the alliance weight the real writer gives a type.
func synthWeight(typ string) float64 { return alliance.DefaultWeights[typ] }

var typePhrases = map[string]string{
	"MET_WITH": "held talks with", "AGREED_WITH": "signed an agreement with", "SUPPORTED": "backed",
	"AIDED": "sent aid to", "REQUESTED": "asked for help from", "ACCUSED": "accused", "REJECTED": "rejected a proposal of",
	"WARNED": "warned", "SANCTIONED": "imposed sanctions on", "DEPLOYED_TO": "sent troops to", "ATTACKED": "struck targets in",
}

// officials are the people each synthetic state has, by title.
var officials = []string{"head of state", "foreign minister", "defence minister"}

func personID(code string, i int) string { return fmt.Sprintf("bench-official-%d@%s", i, code) }
