package extract

import (
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/extract/segment"
	"github.com/diplograph/diplograph/extract/syntax"
)

// Modalities of a relation.
const (
	Asserted     = "asserted"
	Planned      = "planned"
	Hypothetical = "hypothetical"
)

// Date precisions of a relation.
const (
	PrecDay     = "day"
	PrecWeek    = "week"
	PrecMonth   = "month"
	PrecYear    = "year"
	PrecUnknown = "unknown"
)

// Entity kinds.
const (
	KindCountry      = "country"
	KindOrganization = "organization"
	KindPerson       = "person"
	KindPlace        = "place"
	KindMeeting      = "meeting"
)

// Options adjusts an Extractor. The zero value uses the embedded patterns.
type Options struct {
	// PatternFS lists file systems whose patterns.txt (at the root)
	// extends the embedded data/patterns.txt, in order. A file system
	// without patterns.txt is skipped.
	PatternFS []fs.FS
	// VerbDictionaries are CAMEO verb dictionaries in the PETRARCH2
	// format. They extend the embedded CAMEO.2.0.txt: they are read after
	// it as one dictionary (its synsets can be used), and their patterns
	// load after the embedded ones and before PatternFS, whose !remove
	// lines can drop any of them.
	VerbDictionaries []petrarch.Source
	// KeepHypothetical keeps relations whose modality is "hypothetical"
	// ("if it is attacked"). The guideline does not annotate them, so
	// they are dropped by default.
	KeepHypothetical bool
}

// Extractor turns articles into entities and relations. It is immutable
// after New and safe for concurrent use.
type Extractor struct {
	lex    *lexicon.Lexicon
	ps     *patternSet
	opts   Options
	err    error
	tagger *syntax.Tagger
	// traceParse, when set (by tests), receives each sentence's parse
	traceParse func(string)
	// traceTrigger, when set (by tests), receives each sentence whose
	// words match a trigger, with the pattern's type and trigger
	traceTrigger func(sentence, trigger string)
}

// New returns an Extractor using lex (nil means lexicon.Default()). When a
// user pattern file of opts.PatternFS cannot be loaded, the Extractor
// falls back to the embedded patterns and Err reports the problem; use
// Load to get the error directly.
func New(lex *lexicon.Lexicon, opts Options) *Extractor {
	x, err := Load(lex, opts)
	if err == nil {
		return x
	}
	x2, err2 := Load(lex, Options{KeepHypothetical: opts.KeepHypothetical})
	if err2 != nil {
		return x // entities still work, with no patterns
	}
	x2.err = err
	return x2
}

// Load is like New but returns an error when the lexicon or a pattern file
// cannot be loaded. Pattern errors are *PatternError values naming the file
// and line. On an error the Extractor returned has no patterns (it still
// finds entities) and Err reports the error.
func Load(lex *lexicon.Lexicon, opts Options) (*Extractor, error) {
	if lex == nil {
		l, err := lexicon.Default()
		if err != nil {
			return newExtractor(nil, &patternSet{byFirst: map[string][]*pattern{}}, opts, err), err
		}
		lex = l
	}
	ps, err := loadPatternSet(opts.VerbDictionaries, opts.PatternFS)
	if err != nil {
		return newExtractor(lex, &patternSet{byFirst: map[string][]*pattern{}}, opts, err), err
	}
	return newExtractor(lex, ps, opts, nil), nil
}

// newExtractor assembles an Extractor with the embedded tagger.
func newExtractor(lex *lexicon.Lexicon, ps *patternSet, opts Options, err error) *Extractor {
	return &Extractor{lex: lex, ps: ps, opts: opts, err: err, tagger: syntax.DefaultTagger()}
}

// Err reports a problem met by New (a pattern file that did not load).
func (x *Extractor) Err() error { return x.err }

// ArticleRef identifies the article a Result belongs to.
type ArticleRef struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// Entity is an actor, official, place or meeting found in an article.
type Entity struct {
	ID           string   `json:"id"`
	Kind         string   `json:"kind"`
	Name         string   `json:"name"`
	Country      string   `json:"country"`
	Title        string   `json:"title"`
	Mentions     [][2]int `json:"mentions"`
	Place        string   `json:"place,omitempty"`
	Date         string   `json:"date,omitempty"`
	Participants []string `json:"participants,omitempty"`
}

// Relation is one typed relation between two actors, found in one sentence.
type Relation struct {
	Type          string  `json:"type"`
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	SourceActor   string  `json:"source_actor"`
	TargetActor   string  `json:"target_actor"`
	Negated       bool    `json:"negated"`
	Modality      string  `json:"modality"`
	Date          string  `json:"date"`
	DatePrecision string  `json:"date_precision"`
	Sentence      string  `json:"sentence"`
	Span          [2]int  `json:"span"`
	Meeting       string  `json:"meeting"`
	Confidence    float64 `json:"confidence"`
	// Background is true when the event lies well before the article
	// (history the article recalls, "broke off ties in 1979"): Date is then
	// the event's own date, not the article's.
	Background bool `json:"background,omitempty"`
	// Trigger is the pattern that fired ("ACCUSED v accuse"), for
	// debugging; it is not part of the output contract.
	Trigger string `json:"trigger,omitempty"`
}

// Result is the extraction of one article.
type Result struct {
	Article   ArticleRef `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

// tok is a token of a sentence.
type tok struct {
	s, e int    // byte offsets in the normalized text
	w    string // lower-cased text
	raw  string
	up   bool // starts with an upper-case letter
}

// actor is an actor mention in a sentence, over tokens [t0, t1).
type actor struct {
	t0, t1 int
	code   string
	ent    string // entity id
	adj    bool   // a bare adjective ("Russian"): only a modifier
	place  bool   // a place (also a capital after "in"): not the government
	person bool
	pron   bool
	// members are the shadow actors of an informal group ("Quad"); a
	// shadow actor is not indexed by token.
	members []int
	shadow  bool
}

// doc is the per-article state of one Extract call.
type doc struct {
	x     *Extractor
	a     article.Article
	norm  string
	offs  segment.OffsetMap
	pub   time.Time
	ments []lexicon.Mention

	// what the article gives, in order
	ents     map[string]*Entity
	order    []string
	rels     []Relation
	symSeen  map[string]int
	meetings []*Entity

	// memory is what later sentences may refer back to (discourse.go)
	memory
	// sentenceState is the state of the sentence being read, replaced at
	// each sentence
	sentenceState
}

// sentenceState is the per-sentence state of an Extract call: tokens,
// actors, the parse and what the current pattern needs.
type sentenceState struct {
	toks    []tok
	actors  []actor
	at      []int // token -> actor index or -1
	sent    segment.Span
	osent   [2]int
	sPers   []*person
	sTitled []titledRef
	relKey  map[string]bool
	// the parse of the sentence (args.go)
	words []string
	tags  []string
	names []syntax.Span
	parse *syntax.Parse
	// nonfinite is set while a trigger heads an infinitival clause
	nonfinite bool
	// curType is the type of the pattern being applied
	curType string
}

// Extract runs the pipeline on one article. It does no I/O.
func (x *Extractor) Extract(a article.Article) Result {
	res := Result{Article: ArticleRef{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title}}
	if !a.Published.IsZero() {
		if a.PublishedPrecision == article.PrecisionSecond {
			res.Article.Published = a.Published.Format(time.RFC3339)
		} else {
			res.Article.Published = a.Published.Format("2006-01-02")
		}
	}
	res.Entities = []Entity{}
	res.Relations = []Relation{}
	if x == nil || x.lex == nil || x.ps == nil || x.tagger == nil {
		return res
	}
	d := &doc{x: x, a: a, ents: map[string]*Entity{}, symSeen: map[string]int{}, pub: a.Published}
	d.norm, d.offs = segment.Normalize(a.Text)
	d.ments = x.lex.Find(d.norm)
	d.pickCandidates()
	sents := segment.Sentences(d.norm)
	mi := 0
	for _, s := range sents {
		for mi < len(d.ments) && d.ments[mi].Start < s.Start {
			mi++
		}
		mj := mi
		for mj < len(d.ments) && d.ments[mj].End <= s.End {
			mj++
		}
		d.sentence(s, d.ments[mi:mj])
		mi = mj
	}
	d.headlinePlaces()
	for _, id := range d.order {
		res.Entities = append(res.Entities, *d.ents[id])
	}
	for _, m := range d.meetings {
		res.Entities = append(res.Entities, *m)
	}
	res.Relations = append(res.Relations, d.rels...)
	return res
}

// orig maps a normalized span to the original text.
func (d *doc) orig(s, e int) [2]int {
	return [2]int{d.offs.Orig(s), d.offs.Orig(e)}
}

func (d *doc) sentence(s segment.Span, ments []lexicon.Mention) {
	d.sent = s
	d.osent = d.orig(s.Start, s.End)
	segToks := segment.Tokens(d.norm, s)
	d.toks = d.toks[:0]
	for _, t := range segToks {
		raw := d.norm[t.Start:t.End]
		d.toks = append(d.toks, tok{s: t.Start, e: t.End, raw: raw, w: strings.ToLower(raw), up: raw != "" && raw[0] >= 'A' && raw[0] <= 'Z'})
	}
	d.actors = d.actors[:0]
	if cap(d.at) < len(d.toks) {
		d.at = make([]int, len(d.toks))
	}
	d.at = d.at[:len(d.toks)]
	for i := range d.at {
		d.at[i] = -1
	}
	d.sPers = d.sPers[:0]
	d.sTitled = d.sTitled[:0]
	d.relKey = nil
	d.mentionActors(ments)
	d.orgActors()
	d.officials(ments)
	d.pronouns()
	d.groupActors()
	d.subjectPronouns()
	d.possessiveOthers()
	d.parseSentence()
	sp := d.speaker()
	d.quotePronouns(sp)
	d.relations()
	d.presence()
	d.reportedRequests(sp)
	if len(sp) == 0 {
		d.evaluations(d.speakerOf(accusingVerbs))
	} else {
		d.evaluations(sp)
	}
	d.noteSubject()
	d.rememberActs()
	d.prevPers = append(d.prevPers[:0], d.sPers...)
	d.prevTitled = append(d.prevTitled[:0], d.sTitled...)
}

// tokRange returns the tokens covering bytes [s, e) and whether the
// mention covers whole tokens.
func (d *doc) tokRange(s, e int) (int, int, bool) {
	t0 := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].e > s })
	t1 := t0
	for t1 < len(d.toks) && d.toks[t1].s < e {
		t1++
	}
	if t0 >= t1 {
		return 0, 0, false
	}
	whole := d.toks[t0].s >= s && d.toks[t1-1].e <= e
	return t0, t1, whole
}

func (d *doc) addActor(a actor) {
	for i := a.t0; i < a.t1; i++ {
		if j := d.at[i]; j >= 0 {
			// replace an overlapped actor: mark it dead
			d.actors[j].code = ""
			for k := d.actors[j].t0; k < d.actors[j].t1; k++ {
				d.at[k] = -1
			}
		}
	}
	d.actors = append(d.actors, a)
	for i := a.t0; i < a.t1; i++ {
		d.at[i] = len(d.actors) - 1
	}
}

// stateSense decides an ambiguous state name ("Chad", "Jordan",
// "Georgia") from its context: it names the state when the article also
// names that state unambiguously (its adjective, capital or a body), and
// this mention is not a person's first name (followed by a capitalized
// word) nor a place after a comma ("Atlanta, Georgia").
func (d *doc) stateSense(m *lexicon.Mention, t0, t1 int) bool {
	if m.Kind != lexicon.KindState || m.Code == "" || len(m.Codes) > 1 {
		return false
	}
	if t1 < len(d.toks) && d.toks[t1].up {
		return false
	}
	if t0 > 0 && d.toks[t0-1].w == "," && t0 > 1 && d.toks[t0-2].up {
		return false
	}
	if d.sure == nil {
		d.sure = map[string]bool{}
		for _, o := range d.ments {
			if !o.Ambiguous && o.Code != "" {
				d.sure[o.Code] = true
			}
		}
	}
	return d.sure[m.Code]
}

// pickCandidates resolves the ambiguous state names that have several
// candidate states ("Korea") to the one candidate the article names
// unambiguously elsewhere ("South Korea"), before any stage uses them.
func (d *doc) pickCandidates() {
	sure := map[string]bool{}
	for _, o := range d.ments {
		if !o.Ambiguous && o.Code != "" {
			sure[o.Code] = true
		}
	}
	for i := range d.ments {
		m := &d.ments[i]
		if !m.Ambiguous || m.Kind != lexicon.KindState || len(m.Codes) < 2 {
			continue
		}
		code := ""
		for _, c := range m.Codes {
			if sure[c] {
				if code != "" {
					code = "-"
					break
				}
				code = c
			}
		}
		if code != "" && code != "-" {
			m.Code, m.Ambiguous = code, false
		}
	}
}

// mentionActors turns lexicon mentions into actors.
func (d *doc) mentionActors(ments []lexicon.Mention) {
	for _, m := range ments {
		if m.Kind == lexicon.KindTitle || m.Kind == lexicon.KindNone {
			continue
		}
		if m.Code == "" && m.Kind != lexicon.KindPlace {
			continue
		}
		t0, t1, whole := d.tokRange(m.Start, m.End)
		if t0 >= t1 {
			continue
		}
		if m.Ambiguous && !d.stateSense(&m, t0, t1) {
			continue
		}
		if m.Kind == lexicon.KindState && m.Form == lexicon.FormAdjective && t0 > 0 && words.ethnicMarker[d.toks[t0-1].w] {
			continue // "ethnic Albanians" are not Albania
		}
		a := actor{t0: t0, t1: t1, code: m.Code}
		switch m.Kind {
		case lexicon.KindPlace:
			a.place = true
			a.ent = d.placeEntity(m)
		case lexicon.KindOrganization:
			a.ent = d.orgEntity(m.Code)
		default:
			a.ent = d.countryEntity(m.Code)
		}
		if m.Kind == lexicon.KindState && m.Form == lexicon.FormAdjective {
			// A plural demonym ("Iranians") or "the British" stands for
			// the state; a bare adjective only modifies.
			if !strings.HasSuffix(strings.ToLower(m.Text), "s") || strings.HasSuffix(strings.ToLower(m.Text), "ss") {
				a.adj = true
			}
		}
		if !whole {
			// "Iran-backed", "U.S.-led": a modifier inside a word.
			a.adj = true
		}
		if m.Form == lexicon.FormCapital && t0 > 0 && words.placePrep[d.toks[t0-1].w] {
			a.place = true
			a.ent = d.placeEntity(m)
		}
		if m.Kind == lexicon.KindPlace && m.Code == "" {
			a.code = ""
		}
		d.mention(a.ent, m.Start, m.End)
		if !whole && t1 == t0+1 && !a.place && a.code != "" {
			// "Russia-Ukraine talks": two states in one hyphenated word
			// form a group.
			if j := d.at[t0]; j >= 0 {
				if b := d.actors[j]; b.t0 == t0 && b.t1 == t1 && b.adj && !b.place && b.code != "" && b.code != a.code {
					a.shadow = true
					d.actors = append(d.actors, a)
					d.actors[j].members = append(d.actors[j].members, len(d.actors)-1)
					continue
				}
			}
		}
		d.addActor(a)
	}
}

func (d *doc) mention(id string, s, e int) {
	if ent := d.ents[id]; ent != nil {
		ent.Mentions = append(ent.Mentions, d.orig(s, e))
	}
}

func (d *doc) entity(id, kind, name string) *Entity {
	if e := d.ents[id]; e != nil {
		return e
	}
	e := &Entity{ID: id, Kind: kind, Name: name, Mentions: [][2]int{}}
	d.ents[id] = e
	d.order = append(d.order, id)
	return e
}

func (d *doc) countryEntity(code string) string {
	id := "c:" + code
	if d.ents[id] == nil {
		name := code
		if c, ok := d.x.lex.Country(code); ok {
			name = c.Name
		}
		d.entity(id, KindCountry, name)
	}
	return id
}

func (d *doc) orgEntity(code string) string {
	id := "o:" + code
	if d.ents[id] == nil {
		name := code
		if o, ok := d.x.lex.Organization(code); ok {
			name = o.Name
		}
		d.entity(id, KindOrganization, name)
	}
	return id
}

func (d *doc) placeEntity(m lexicon.Mention) string {
	name := m.Place
	if name == "" {
		name = m.Text
	}
	id := "pl:" + slug(name)
	if d.ents[id] == nil {
		e := d.entity(id, KindPlace, name)
		e.Country = m.Code
	}
	return id
}

// slug makes an id part: lower case ASCII letters and digits joined by "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r > 127:
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(foldLatin(r))
		default:
			dash = true
		}
	}
	return b.String()
}

func foldLatin(r rune) rune {
	switch {
	case strings.ContainsRune("àáâãäåā", r):
		return 'a'
	case strings.ContainsRune("çćč", r):
		return 'c'
	case strings.ContainsRune("èéêëēę", r):
		return 'e'
	case strings.ContainsRune("ìíîïī", r):
		return 'i'
	case strings.ContainsRune("ñń", r):
		return 'n'
	case strings.ContainsRune("òóôõöøō", r):
		return 'o'
	case strings.ContainsRune("ùúûüū", r):
		return 'u'
	case strings.ContainsRune("šś", r):
		return 's'
	case strings.ContainsRune("žźż", r):
		return 'z'
	case strings.ContainsRune("ğ", r):
		return 'g'
	case strings.ContainsRune("ı", r):
		return 'i'
	}
	return r
}
