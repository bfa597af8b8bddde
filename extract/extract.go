package extract

import (
	"io/fs"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/extract/segment"
	"github.com/diplograph/diplograph/extract/syntax"
	"github.com/diplograph/diplograph/slug"
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
	x    *Extractor
	a    article.Article
	norm string
	offs segment.OffsetMap
	pub  time.Time
	// sents are the sentences, before overlong ones are split (see
	// walkSentences)
	sents []segment.Span
	// lead caches leadDate, which depends on the first sentence only
	lead struct {
		done, ok bool
		date     string
	}

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
	// dates are the sentence's date expressions, found at its first
	// relation (eventDate)
	dates *sentenceDates
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
	d.readSentences(nil)
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

// maxSentenceTokens caps the tokens of a sentence that the per-sentence
// stages (actors, tagger, parser, patterns, dates) read. Some of them are
// quadratic in the sentence, and a relation carries its sentence's text,
// so an unbounded sentence (a hostile article of 4 MB of "(" or of words
// without a period) would make time, memory and output grow with the
// square of the article. No real sentence comes near the cap: the longest
// of the evaluation sets and the VOA corpus has 78 tokens.
const maxSentenceTokens = 200

// maxSentenceWindow is the most bytes of one sentence tokenized at once:
// a longer sentence (there is none in news) is tokenized window by window,
// each cut after a space (else at a character boundary), so the tokens
// held stay bounded however long the sentence.
const maxSentenceWindow = 32 << 10

// walkSentences calls f with the span and the tokens of each sentence of
// sents (spans of norm), in order, until f returns false. A sentence of
// more than maxSentenceTokens tokens is split into pieces of at most that
// many, each passed as a sentence of its own; a piece ends at the last
// clause punctuation (, ; : or a dash) of its second half, else at the
// cap. The tokens passed to f are valid until f returns.
func walkSentences(norm string, sents []segment.Span, f func(segment.Span, []segment.Token) bool) {
	var toks []segment.Token
	for _, s := range sents {
		if s.End-s.Start <= maxSentenceWindow {
			toks = segment.AppendTokens(toks[:0], norm, s)
			if len(toks) <= maxSentenceTokens {
				if !f(s, toks) {
					return
				}
				continue
			}
			if !walkPieces(norm, toks, f) {
				return
			}
			continue
		}
		for start := s.Start; start < s.End; {
			end := windowEnd(norm, start, s.End, maxSentenceWindow)
			toks = segment.AppendTokens(toks[:0], norm, segment.Span{Start: start, End: end})
			if !walkPieces(norm, toks, f) {
				return
			}
			start = end
		}
	}
}

// walkPieces calls f with each piece of at most maxSentenceTokens of toks
// (see walkSentences) and reports whether f always returned true.
func walkPieces(norm string, toks []segment.Token, f func(segment.Span, []segment.Token) bool) bool {
	for i := 0; i < len(toks); {
		j := len(toks)
		if j-i > maxSentenceTokens {
			j = i + maxSentenceTokens
			for k := j - 1; k > i+maxSentenceTokens/2; k-- {
				if clausePunct(norm[toks[k].Start:toks[k].End]) {
					j = k + 1
					break
				}
			}
		}
		if !f(segment.Span{Start: toks[i].Start, End: toks[j-1].End}, toks[i:j:j]) {
			return false
		}
		i = j
	}
	return true
}

// windowEnd returns where the window of text that starts at start ends,
// before limit: at most size bytes on, after the last white space, else at
// a character boundary.
func windowEnd(text string, start, limit, size int) int {
	end := start + size
	if end >= limit {
		return limit
	}
	if k := strings.LastIndexAny(text[start:end], " \t\n"); k > 0 {
		return start + k + 1
	}
	for end > start+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// findChunk is the most text lexicon.Find reads at once. Find holds a
// token for each word and punctuation mark of its text, and the mentions
// of an article of 4 MB of "U.S." would take 100 MB, so a longer article
// (no news article comes near) is read in chunks: cut at a sentence end,
// else at a white space, else at a character boundary, once for the codes
// it names unambiguously (see pickCandidates) and, when it has more than
// maxHeldMentions mentions, once more as its sentences need them. Chunks
// only lose a name spanning two sentences, which no sentence would take
// anyway.
const findChunk = 64 << 10

// maxHeldMentions is the most mentions (of about 120 bytes) of a long
// article kept from its first reading; an article with more is read a
// second time, chunk by chunk.
const maxHeldMentions = 1 << 14

// mentionReader gives the gazetteer mentions of an article sentence by
// sentence, holding those of about one chunk at a time.
type mentionReader struct {
	lex   *lexicon.Lexicon
	norm  string
	sents []segment.Span
	sure  map[string]bool // codes the article names unambiguously
	ments []lexicon.Mention
	next  int // mentions before next are used
	end   int // the text before end is read
	k     int // the first sentence not ending before end (chunkEnd)
}

// newMentionReader reads the codes that norm, whose sentences are sents,
// names unambiguously, keeping its mentions when there are at most
// maxHeld.
func newMentionReader(lex *lexicon.Lexicon, norm string, sents []segment.Span, maxHeld int) *mentionReader {
	r := &mentionReader{lex: lex, norm: norm, sents: sents, sure: map[string]bool{}}
	if len(norm) <= findChunk {
		r.ments = lex.Find(norm)
		r.end = len(norm)
		r.noteSure(r.ments)
		r.pickCandidates(r.ments)
		return r
	}
	// the mentions are kept from the first reading while they are few
	held, keep := []lexicon.Mention(nil), true
	for start := 0; start < len(norm); {
		end := r.chunkEnd(start)
		ms := lex.Find(norm[start:end])
		r.noteSure(ms)
		if keep = keep && len(held)+len(ms) <= maxHeld; keep {
			for i := range ms {
				ms[i].Start += start
				ms[i].End += start
			}
			held = append(held, ms...)
		} else {
			held = nil
		}
		start = end
	}
	r.k = 0
	if keep {
		r.ments, r.end = held, len(norm)
		r.pickCandidates(r.ments)
	}
	return r
}

// noteSure adds the codes that ms name unambiguously to r.sure.
func (r *mentionReader) noteSure(ms []lexicon.Mention) {
	for _, o := range ms {
		if !o.Ambiguous && o.Code != "" {
			r.sure[o.Code] = true
		}
	}
}

// chunkEnd returns the end of the chunk of text that starts at start.
func (r *mentionReader) chunkEnd(start int) int {
	end := start + findChunk
	if end >= len(r.norm) {
		return len(r.norm)
	}
	for r.k < len(r.sents) && r.sents[r.k].End <= end {
		r.k++
	}
	if r.k > 0 && r.sents[r.k-1].End > start {
		return r.sents[r.k-1].End
	}
	return windowEnd(r.norm, start, len(r.norm), findChunk)
}

// within returns the mentions inside the span s. Spans are asked in
// order; a mention that starts before s is skipped for good.
func (r *mentionReader) within(s segment.Span) []lexicon.Mention {
	for r.end < s.End && r.end < len(r.norm) {
		// drop the used mentions, then read the next chunk
		r.ments = append(r.ments[:0], r.ments[r.next:]...)
		r.next = 0
		start := r.end
		r.end = r.chunkEnd(start)
		ms := r.lex.Find(r.norm[start:r.end])
		for i := range ms {
			ms[i].Start += start
			ms[i].End += start
		}
		r.pickCandidates(ms)
		r.ments = append(r.ments, ms...)
	}
	mi := r.next
	for mi < len(r.ments) && r.ments[mi].Start < s.Start {
		mi++
	}
	mj := mi
	for mj < len(r.ments) && r.ments[mj].End <= s.End {
		mj++
	}
	r.next = mj
	return r.ments[mi:mj:mj]
}

// pickCandidates resolves the ambiguous state names of ms that have
// several candidate states ("Korea") to the one candidate the article
// names unambiguously elsewhere ("South Korea"), before any stage uses
// them. The codes it gives are in r.sure already.
func (r *mentionReader) pickCandidates(ms []lexicon.Mention) {
	for i := range ms {
		m := &ms[i]
		if !m.Ambiguous || m.Kind != lexicon.KindState || len(m.Codes) < 2 {
			continue
		}
		code := ""
		for _, c := range m.Codes {
			if r.sure[c] {
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

// readSentences reads the article's sentences in order (d.sentence),
// calling after, when not nil, after each.
func (d *doc) readSentences(after func()) {
	d.sents = segment.Sentences(d.norm)
	mr := newMentionReader(d.x.lex, d.norm, d.sents, maxHeldMentions)
	d.sure = mr.sure
	walkSentences(d.norm, d.sents, func(s segment.Span, toks []segment.Token) bool {
		d.sentence(s, toks, mr.within(s))
		if after != nil {
			after()
		}
		return true
	})
}

// clausePunct reports whether a token is punctuation that may end a
// piece of an overlong sentence.
func clausePunct(w string) bool {
	switch w {
	case ",", ";", ":", "-", "--", "\u2013", "\u2014":
		return true
	}
	return false
}

func (d *doc) sentence(s segment.Span, segToks []segment.Token, ments []lexicon.Mention) {
	d.sent = s
	d.osent = d.orig(s.Start, s.End)
	d.toks = appendToks(d.toks[:0], d.norm, segToks)
	d.dates = nil
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
	return d.sure[m.Code]
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
	id := "pl:" + slug.Make(name)
	if d.ents[id] == nil {
		e := d.entity(id, KindPlace, name)
		e.Country = m.Code
	}
	return id
}
