package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/relation"
)

// SyntheticGraphSpec describes a synthetic graph of relations between
// states. Equal specs give equal graphs: everything is drawn from Seed.
type SyntheticGraphSpec struct {
	Seed      int64 `json:"seed"`
	Edges     int   `json:"edges"`      // events drawn: relation edges between actors, one per event
	States    int   `json:"states"`     // :Country nodes (real ISO codes and names)
	Years     int   `json:"years"`      // the events span this many calendar years ...
	FirstYear int   `json:"first_year"` // ... starting on 1 January of this one
	// MultiReport is the share of events that two or three articles
	// report (the others are reported once), published on the same or the
	// next day.
	MultiReport float64 `json:"multi_report"`
}

// DefaultMultiReport is the share of events reported by several articles.
const DefaultMultiReport = 0.3

// DefaultSyntheticGraphSpec is the graph `diplograph bench queries` builds:
// a million relation edges among 200 states over twenty years.
func DefaultSyntheticGraphSpec() SyntheticGraphSpec {
	return SyntheticGraphSpec{Seed: 1, Edges: 1_000_000, States: 200, Years: 20, FirstYear: 2005, MultiReport: DefaultMultiReport}
}

// syntheticGraphVersion changes whenever the generator draws a different
// graph from the same spec or the graph is written differently, so a graph
// built by an older version is rebuilt.
const syntheticGraphVersion = 2

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
	case !(s.MultiReport >= 0 && s.MultiReport <= 1):
		return fmt.Errorf("bench: synthetic graph: multi-report share %v: want 0 to 1", s.MultiReport)
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

// synthEvent is one report of a relation: the first report of an event
// (Echo false), or a further report of it in a later article (Echo true).
type synthEvent struct {
	Type           string
	Source, Target int // indexes into synthModel.actors
	Date           time.Time
	Precision      string // day, month or year
	Modality       string
	Negated        bool
	Confidence     float64
	Meeting        bool // the article's meeting (MET_WITH only), with the heads of state as persons
	Echo           bool // a further report of an event an earlier article reported first
	Echoes         int  // first reports: how many further articles report the event (0 to 2)
}

// synthMeeting is the meeting an article reports: two states or more.
type synthMeeting struct {
	Participants []int // indexes into synthModel.actors
	Date         time.Time
	Precision    string
}

// synthArticle is one synthetic article and the reports it holds.
type synthArticle struct {
	Seq       int
	ID        string
	Published time.Time
	Events    []synthEvent
	Meeting   *synthMeeting // nil: none
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

// eventsPerArticle is how many events an article reports first (mean about 3.2).
var eventsPerArticle = []int{1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6}

// Shares of the drawn reports.
const (
	shareMonth      = 0.06 // dated to a month only
	shareYear       = 0.02 // dated to a year only
	sharePlanned    = 0.10
	shareHypothesis = 0.05
	shareNegated    = 0.03
	shareMeeting    = 0.30 // of MET_WITH between states: the article's meeting
	shareMultiParty = 0.30 // of meetings: three or four states
	shareNextDay    = 0.30 // of further reports of a day-precise event: dated the next day
)

// reportKey is what makes two reports of one article the same report for
// ingest (ingest.Facts keeps one): type, actors (sorted for symmetric
// types), date and negation.
type reportKey struct {
	typ            string
	source, target int
	date           time.Time
	precision      string
	negated        bool
}

func keyOf(e synthEvent) reportKey {
	k := reportKey{e.Type, e.Source, e.Target, e.Date, e.Precision, e.Negated}
	if relation.Symmetric(e.Type) && k.source > k.target {
		k.source, k.target = k.target, k.source
	}
	return k
}

// articles draws the articles in order and calls yield for each: spec.Edges
// events in all, each first reported by an article of its own drawing; an
// event drawn for further reports (a share spec.MultiReport) is reported
// again by one or two articles published the same or the next day, which
// follow the first article.
func (m *synthModel) articles(yield func(synthArticle) error) error {
	r := rand.New(rand.NewPCG(uint64(m.spec.Seed), 1))
	edges, seq := 0, 0
	next := func(published time.Time) synthArticle {
		a := synthArticle{Seq: seq, ID: fmt.Sprintf("bench-%d-%d", m.spec.Seed, seq), Published: published}
		seq++
		return a
	}
	lastDay := m.start.AddDate(0, 0, m.days-1)
	for edges < m.spec.Edges {
		day := r.IntN(m.days)
		n := min(eventsPerArticle[r.IntN(len(eventsPerArticle))], m.spec.Edges-edges)
		s := m.pickState(r)
		t := m.pickCounterpart(r, s)
		var evs []synthEvent
		var meeting *synthMeeting
		seen := map[reportKey]bool{}
		add := func(ev synthEvent) bool {
			if k := keyOf(ev); !seen[k] && len(evs) < n {
				seen[k] = true
				if r.Float64() < m.spec.MultiReport {
					ev.Echoes = 1 + r.IntN(2)
				}
				evs = append(evs, ev)
				return true
			}
			return false
		}
		for range n {
			if len(evs) >= n {
				break
			}
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
			switch p := r.Float64(); {
			case p < shareMonth:
				ev.Precision = "month"
				ev.Date = time.Date(ev.Date.Year(), ev.Date.Month(), 1, 0, 0, 0, 0, time.UTC)
			case p < shareMonth+shareYear:
				ev.Precision = "year"
				ev.Date = time.Date(ev.Date.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			}
			switch p := r.Float64(); {
			case p < sharePlanned:
				ev.Modality = "planned"
			case p < sharePlanned+shareHypothesis:
				ev.Modality = "hypothetical"
			}
			ev.Negated = r.Float64() < shareNegated
			if ev.Type == "MET_WITH" && meeting == nil && !ev.Negated && m.actors[x].Country && m.actors[y].Country && r.Float64() < shareMeeting {
				meeting = &synthMeeting{Participants: []int{x, y}, Date: ev.Date, Precision: ev.Precision}
				if r.Float64() < shareMultiParty {
					for range 1 + r.IntN(2) {
						if z := m.pickState(r); !slices.Contains(meeting.Participants, z) {
							meeting.Participants = append(meeting.Participants, z)
						}
					}
				}
				ev.Meeting = true
				if !add(ev) {
					meeting = nil
					continue
				}
				// Every two participants met: one MET_WITH each, as far as
				// the article's share of events goes.
				for i, p := range meeting.Participants {
					for _, q := range meeting.Participants[i+1:] {
						if (p == x && q == y) || (p == y && q == x) {
							continue
						}
						pair := ev
						pair.Source, pair.Target = p, q
						pair.Confidence = math.Round((0.55+0.45*r.Float64())*100) / 100
						add(pair)
					}
				}
				continue
			}
			add(ev)
		}
		if len(evs) == 0 {
			continue
		}
		edges += len(evs)
		a := next(m.start.AddDate(0, 0, day))
		a.Events, a.Meeting = evs, meeting
		if err := yield(a); err != nil {
			return err
		}
		// Further reports: echo i holds the events reported more than i times.
		for i := 1; i <= 2; i++ {
			var echoes []synthEvent
			// A report moved to the next day must not become one of the
			// article's other reports: ingest would keep only one.
			taken := map[reportKey]bool{}
			for _, ev := range evs {
				if ev.Echoes >= i {
					taken[keyOf(ev)] = true
				}
			}
			for _, ev := range evs {
				if ev.Echoes < i {
					continue
				}
				e := ev
				e.Echo, e.Echoes = true, 0
				e.Confidence = math.Round((0.55+0.45*r.Float64())*100) / 100
				if e.Precision == "day" && r.Float64() < shareNextDay && e.Date.Before(lastDay) {
					moved := e
					moved.Date = e.Date.AddDate(0, 0, 1)
					if k := keyOf(moved); !taken[k] {
						taken[k] = true
						e = moved
					}
				}
				echoes = append(echoes, e)
			}
			if len(echoes) == 0 {
				break
			}
			published := a.Published
			if r.IntN(2) == 1 && published.Before(lastDay) {
				published = published.AddDate(0, 0, 1)
			}
			echo := next(published)
			echo.Events = echoes
			for _, e := range echoes {
				if e.Meeting {
					mt := *meeting
					echo.Meeting = &mt
					break
				}
			}
			if err := yield(echo); err != nil {
				return err
			}
		}
	}
	return nil
}

var typePhrases = map[string]string{
	"MET_WITH": "held talks with", "AGREED_WITH": "signed an agreement with", "SUPPORTED": "backed",
	"AIDED": "sent aid to", "REQUESTED": "asked for help from", "ACCUSED": "accused", "REJECTED": "rejected a proposal of",
	"WARNED": "warned", "SANCTIONED": "imposed sanctions on", "DEPLOYED_TO": "sent troops to", "ATTACKED": "struck targets in",
}

// headTitle is the title of the official each state sends to a meeting.
const headTitle = "head of state"

func personID(code string, i int) string { return fmt.Sprintf("bench-official-%d@%s", i, code) }
