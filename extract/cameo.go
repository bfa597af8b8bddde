package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/relation"
)

// The CAMEO verb dictionary of PETRARCH2 (MIT, Open Event Data Alliance;
// data/petrarch/LICENSE) and the tables that turn it into relation
// patterns. See data/README.md.
var (
	//go:embed data/petrarch/CAMEO.2.0.txt
	cameoDictionary []byte
	//go:embed data/cameo_types.tsv
	cameoTypesData []byte
	//go:embed data/cameo_frames.tsv
	cameoFramesData []byte
	//go:embed data/cameo_stop.txt
	cameoStopData []byte
)

// CAMEOFile is the name of the embedded CAMEO verb dictionary, as errors
// and the origin tags of its patterns name it.
const CAMEOFile = "CAMEO.2.0.txt"

// Names of the tables in errors.
const (
	cameoTypesFile  = "cameo_types.tsv"
	cameoFramesFile = "cameo_frames.tsv"
	cameoStopFile   = "cameo_stop.txt"
)

// Forms of CAMEO entries (the second column of cameo_frames.tsv).
const (
	formVerb   = "verb"
	formObject = "object"
)

// cameoTables is the data that maps CAMEO entries to patterns.
type cameoTables struct {
	types      map[string]string              // code prefix -> type; "" for none
	scope      map[string]string              // code prefix -> "mutual" or "noun" when the row is restricted
	frames     map[string]map[string][]string // type -> form -> frames
	stopVerbs  map[string]bool                // lower-case words joined by "_"
	stopBlocks map[string]bool                // block names as written
}

// loadCAMEOTables reads the embedded tables.
func loadCAMEOTables() (*cameoTables, error) {
	t := &cameoTables{
		types:      map[string]string{},
		scope:      map[string]string{},
		frames:     map[string]map[string][]string{},
		stopVerbs:  map[string]bool{},
		stopBlocks: map[string]bool{},
	}
	if err := t.readTypes(cameoTypesFile, cameoTypesData); err != nil {
		return nil, err
	}
	if err := t.readFrames(cameoFramesFile, cameoFramesData); err != nil {
		return nil, err
	}
	if err := t.readStop(cameoStopFile, cameoStopData); err != nil {
		return nil, err
	}
	return t, nil
}

// eachDataLine calls fn with the number and text of every line of b that is
// not blank or a "#" comment.
func eachDataLine(b []byte, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

func (t *cameoTables) readTypes(file string, b []byte) error {
	return eachDataLine(b, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 4 || strings.TrimSpace(f[3]) == "" {
			return &PatternError{File: file, Line: n, Msg: "want code, type, scope and comment separated by tabs"}
		}
		code, typ, scope := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
		if code == "" || strings.Trim(code, "0123456789") != "" {
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("code %q: want digits", code)}
		}
		if _, dup := t.types[code]; dup {
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("code %s given twice", code)}
		}
		switch {
		case typ == "-":
			typ = ""
		case !relation.Valid(typ):
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("unknown relation type %q", typ)}
		}
		switch scope {
		case "any":
		case scopeMutual, scopeNoun:
			t.scope[code] = scope
		default:
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("scope %q: want any, mutual or noun", scope)}
		}
		t.types[code] = typ
		return nil
	})
}

func (t *cameoTables) readFrames(file string, b []byte) error {
	err := eachDataLine(b, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return &PatternError{File: file, Line: n, Msg: "want type, form and frames separated by tabs"}
		}
		typ, form := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if !relation.Valid(typ) {
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("unknown relation type %q", typ)}
		}
		if form != formVerb && form != formObject {
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("form %q: want verb or object", form)}
		}
		var frs []string
		for _, fr := range strings.Split(f[2], ";") {
			frs = append(frs, strings.Join(strings.Fields(fr), " "))
		}
		// Check the frames as the pattern loader reads them.
		var uses []classUse
		scratch := &patternSet{classes: map[string]map[string]bool{}}
		if err := scratch.parseLine(file, n, typ+" v x :: "+strings.Join(frs, " ; "), "", &uses); err != nil {
			return err
		}
		if t.frames[typ] == nil {
			t.frames[typ] = map[string][]string{}
		}
		if t.frames[typ][form] != nil {
			return &PatternError{File: file, Line: n, Msg: fmt.Sprintf("%s %s given twice", typ, form)}
		}
		t.frames[typ][form] = frs
		return nil
	})
	if err != nil {
		return err
	}
	for _, typ := range relation.Types {
		for _, form := range []string{formVerb, formObject} {
			if t.frames[typ][form] == nil {
				return &PatternError{File: file, Line: 0, Msg: fmt.Sprintf("no %s frames for %s", form, typ)}
			}
		}
	}
	return nil
}

func (t *cameoTables) readStop(file string, b []byte) error {
	return eachDataLine(b, func(n int, line string) error {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case f[0] == "block":
			if len(f) != 2 {
				return &PatternError{File: file, Line: n, Msg: "want block NAME"}
			}
			t.stopBlocks[f[1]] = true
		default:
			for _, w := range f {
				t.stopVerbs[strings.ToLower(w)] = true
			}
		}
		return nil
	})
}

// Scopes of a row of cameo_types.tsv that does not apply to every code.
const (
	// scopeMutual: only codes paired with themselves, "[062:062]": a joint
	// exercise is cooperation, a one-sided "[062]" is one actor equipping
	// another.
	scopeMutual = "mutual"
	// scopeNoun: only patterns that name a noun. A general code like
	// [160] is the default of loose verb blocks (BETRAY, SPY, UNDERMINE)
	// but specific in a pattern: "- * TIES [160] # CUT".
	scopeNoun = "noun"
)

// typeOf returns the relation type of a CAMEO code (that of its longest
// prefix in the table, "" for none) and the row's scope.
func (t *cameoTables) typeOf(code string) (string, string) {
	for n := len(code); n > 0; n-- {
		if typ, ok := t.types[code[:n]]; ok {
			return typ, t.scope[code[:n]]
		}
	}
	return "", ""
}

// codeType returns the relation type of an event code; noun says whether
// the entry names a noun (a pattern with an object or condition noun). It
// is the forward code's type, or for a code with only a reverse part, the
// reverse type when it is symmetric ("[:040]" met is also "met"). Other
// reverse codes ("[:173]", the subject is arrested) need a frame whose
// subject is the target, which the pattern format has not.
func (t *cameoTables) codeType(c petrarch.EventCode, noun bool) string {
	typ, scope := "", ""
	switch {
	case c.Forward != "" && c.Forward != petrarch.NullCode:
		typ, scope = t.typeOf(c.Forward)
		if scope == scopeMutual && c.Reverse != c.Forward {
			return ""
		}
	case c.Reverse != "" && c.Reverse != petrarch.NullCode:
		typ, scope = t.typeOf(c.Reverse)
		if !relation.Symmetric(typ) || scope == scopeMutual {
			return ""
		}
	}
	if scope == scopeNoun && !noun {
		return ""
	}
	return typ
}

// cameoRecord is one line in the pattern-file format generated from a CAMEO
// entry at file:line.
type cameoRecord struct {
	file string
	line int
	text string
	src  string // origin tag, "CAMEO.2.0.txt:7520 [112]"
}

// cameoStats counts what the conversion did, for tests and the README.
type cameoStats struct {
	verbs, verbTriggers           int // verbs read; isolated-verb patterns made
	stopped, handWritten, precomp int // verbs without an isolated pattern, by reason
	patterns, patternTriggers     int // typed patterns read; patterns made from them
	unsupported                   int // typed patterns whose form has no frame
}

// cameoConverter turns a verb dictionary into pattern records.
type cameoConverter struct {
	d    *petrarch.VerbDictionary
	t    *cameoTables
	have map[string]map[string]bool // one-word verb triggers of the pattern files read before -> their types
	// preps are the lower-case words that head a prepositional phrase
	// somewhere in the dictionary
	preps map[string]bool
	// caches: one-word forms of synsets; for each block, its verbs by
	// the forms a note may name them with
	synsets map[string][]string
	named   map[*petrarch.VerbBlock]map[string][]*petrarch.Verb
	recs    []cameoRecord
	// need classes made so far, by their sorted words
	classes map[string]string
	seen    map[string]bool // records made, to drop duplicates
	stats   cameoStats
}

// cameoPatterns converts d into pattern records. have maps the verbs
// (lemmas and forms written in the trigger) that earlier pattern files
// already use as a one-word trigger to their types: the hand-written
// pattern decides their type and frames, so CAMEO adds no one-word pattern
// for them, and no pattern of a type they have.
func cameoPatterns(d *petrarch.VerbDictionary, t *cameoTables, have map[string]map[string]bool) ([]cameoRecord, cameoStats) {
	c := &cameoConverter{d: d, t: t, have: have, classes: map[string]string{}, seen: map[string]bool{}, preps: map[string]bool{},
		synsets: map[string][]string{}, named: map[*petrarch.VerbBlock]map[string][]*petrarch.Verb{}}
	for _, b := range d.Blocks {
		for _, p := range b.Patterns {
			for _, e := range append(append([]petrarch.Element(nil), p.Before...), p.After...) {
				if e.Kind == petrarch.Prep {
					c.preps[strings.ToLower(e.Words[0])] = true
				}
			}
		}
	}
	// Patterns with conditions first: among triggers of one length the
	// loader tries patterns in the order they are read, and a verb's
	// conditioned pattern ("ask ... for aid") must come before the verb's
	// own code.
	for _, b := range d.Blocks {
		for _, p := range b.Patterns {
			c.pattern(b, p)
		}
	}
	for _, b := range d.Blocks {
		for _, v := range b.Verbs {
			c.verb(b, v)
		}
	}
	return c.recs, c.stats
}

// verbTrigger returns the trigger words of a verb: its lower-case head
// with the irregular forms CAMEO lists ("speak/spoke/spoken"; the regular
// ones are made by the loader), then the other words. ok is false for a
// verb whose head is not its first word ("WIRE_+TAP"): the pattern format
// inflects only the first word of a trigger.
func verbTrigger(v *petrarch.Verb) (string, bool) {
	if v.Head != 0 {
		return "", false
	}
	base := strings.ToLower(v.Words[0])
	regular := map[string]bool{}
	for _, f := range inflect(base) {
		regular[f] = true
	}
	alts := []string{base}
	rest := strings.ToLower(strings.Join(v.Words[1:], " "))
	for _, f := range v.Forms {
		w := strings.ToLower(f[0])
		if regular[w] || strings.ToLower(strings.Join(f[1:], " ")) != rest {
			continue
		}
		regular[w] = true
		alts = append(alts, w)
	}
	s := strings.Join(alts, "/")
	if rest != "" {
		s += " " + rest
	}
	return s, true
}

// verbKey is the stop-list key of a verb: its lower-case words joined by
// "_".
func verbKey(v *petrarch.Verb) string {
	return strings.ToLower(strings.Join(v.Words, "_"))
}

// stopped reports whether a verb gives no trigger alone: it is in the stop
// list, or its block is and the verb has no code of its own.
func (c *cameoConverter) stopped(b *petrarch.VerbBlock, v *petrarch.Verb) bool {
	return c.t.stopVerbs[verbKey(v)] || c.t.stopBlocks[b.Name] && !v.OwnCode
}

// handWritten returns the types of the one-word trigger of an earlier
// pattern file that v's head is ("meet" for "+MEET_WITH"), if any.
func (c *cameoConverter) handWritten(v *petrarch.Verb) map[string]bool {
	return c.have[strings.ToLower(v.Words[v.Head])]
}

// ownType returns the type v has alone, "" for none: its code's, unless it
// is stopped or a hand-written pattern decides it (see verb).
func (c *cameoConverter) ownType(b *petrarch.VerbBlock, v *petrarch.Verb) string {
	typ := c.t.codeType(v.Code, false)
	if c.stopped(b, v) || len(v.Words) == 1 && c.handWritten(v) != nil || c.handWritten(v)[typ] {
		return ""
	}
	return typ
}

// verb adds the pattern of a verb alone, with its own or its block's code.
func (c *cameoConverter) verb(b *petrarch.VerbBlock, v *petrarch.Verb) {
	c.stats.verbs++
	typ := c.t.codeType(v.Code, false)
	if typ == "" {
		return
	}
	trig, ok := verbTrigger(v)
	switch {
	case !ok:
		c.stats.precomp++
		return
	case c.stopped(b, v):
		c.stats.stopped++
		return
	case len(v.Words) == 1 && c.handWritten(v) != nil || c.handWritten(v)[typ]:
		// A hand-written pattern decides a verb's own type and frames;
		// a multiword verb ("meet with") adds nothing when its head has
		// the type already.
		c.stats.handWritten++
		return
	}
	if c.add(b.Source, v.Line, v.Code, typ, "v", trig, c.t.frames[typ][formVerb]) {
		c.stats.verbTriggers++
	}
}

// shape is what a CAMEO pattern adds to each verb of its block: trigger
// words after the verb (" ~ sanctions"), a need: condition and frames.
type shape struct {
	suffix string
	need   []string
	frames []string
}

// pattern adds the patterns of a CAMEO pattern for every verb of its block.
func (c *cameoConverter) pattern(b *petrarch.VerbBlock, p *petrarch.Pattern) {
	noun := namesNoun(p)
	typ := c.t.codeType(p.Code, noun)
	if typ == "" {
		return
	}
	c.stats.patterns++
	type use struct {
		v    *petrarch.Verb
		trig string
	}
	var uses []use
	for _, v := range c.noteVerbs(b, p) {
		vt, ok := verbTrigger(v)
		if !ok {
			continue
		}
		if typ == c.ownType(b, v) || c.handWritten(v)[typ] {
			continue // the verb alone has the type already
		}
		if !noun && len(p.Before) == 0 && (c.stopped(b, v) || len(v.Words) == 1 && c.handWritten(v) != nil) {
			continue // a pattern that names no noun is the verb's own
		}
		uses = append(uses, use{v, vt})
	}
	if len(uses) == 0 {
		return
	}
	shapes, ok := c.shapes(typ, p)
	if !ok {
		c.stats.unsupported++
		return
	}
	made := false
	for _, u := range uses {
		for _, sh := range shapes {
			frames := sh.frames
			if len(sh.need) > 0 {
				cls := c.class(p.Source, p.Line, sh.need)
				frames = make([]string, len(sh.frames))
				for i, fr := range sh.frames {
					frames[i] = fr + " need:" + cls
				}
			}
			if c.add(p.Source, p.Line, p.Code, typ, "v", u.trig+sh.suffix, frames) {
				made = true
			}
		}
	}
	if made {
		c.stats.patternTriggers++
	}
}

// noteVerbs returns the verbs of b a pattern applies to. PETRARCH2 applies
// a pattern to every verb of its block, but the comment of a pattern names
// the verb it was written for ("- * PROTEST [110] # LODGE"; the header of
// CAMEO.2.0.txt says so), and a block is a loose synonym set: "LODGE *
// PROTEST" is a complaint, "FILE * PROTEST" under the same block something
// else again. So a pattern whose note names a verb of the block (in any of
// its forms: "CALLED_OFF" names "+CALL_OFF") applies to that verb; one
// whose note names none, to all.
func (c *cameoConverter) noteVerbs(b *petrarch.VerbBlock, p *petrarch.Pattern) []*petrarch.Verb {
	note := strings.Fields(p.Note)
	if len(note) == 0 {
		return b.Verbs
	}
	byForm := c.named[b]
	if byForm == nil {
		byForm = map[string][]*petrarch.Verb{}
		for _, v := range b.Verbs {
			for _, f := range namedForms(v) {
				byForm[f] = append(byForm[f], v)
			}
		}
		c.named[b] = byForm
	}
	if vs := byForm[strings.ToLower(strings.Trim(note[0], ",;:"))]; len(vs) > 0 {
		return vs
	}
	return b.Verbs
}

// namedForms returns the ways a note may name v: its words with the head
// in its base, a listed or a regular form, lower case, joined by "_".
func namedForms(v *petrarch.Verb) []string {
	base := strings.ToLower(v.Words[v.Head])
	heads := inflect(base)
	for _, f := range v.Forms {
		heads = append(heads, strings.ToLower(f[v.Head]))
	}
	words := lowerAll(v.Words)
	out := make([]string, 0, len(heads))
	for _, h := range heads {
		words[v.Head] = h
		out = append(out, strings.Join(words, "_"))
	}
	return out
}

// namesNoun reports whether a pattern names a noun after the verb: an
// object or the object of a preposition.
func namesNoun(p *petrarch.Pattern) bool {
	for _, e := range p.After {
		switch e.Kind {
		case petrarch.Word, petrarch.Phrase, petrarch.SynsetRef:
			return true
		case petrarch.Prep:
			for _, o := range e.Objects {
				if o.Kind == petrarch.Word || o.Kind == petrarch.Phrase || o.Kind == petrarch.SynsetRef {
					return true
				}
			}
		}
	}
	return false
}

// shapes works out the trigger words, conditions and frames of a pattern.
// ok is false for a pattern whose form the pattern format cannot express:
// a target before the verb, a source after it, a noun phrase of several
// words as a condition, "^" and "%".
func (c *cameoConverter) shapes(typ string, p *petrarch.Pattern) ([]shape, bool) {
	var need []string
	conds := 0 // condition elements: a need: class can ask for one
	// addNeed adds a condition word or synset.
	addNeed := func(e petrarch.Element) bool {
		ws, ok := c.needWords(e)
		need = append(need, ws...)
		conds++
		return ok
	}
	for _, e := range p.Before {
		switch e.Kind {
		case petrarch.SourceMark:
		case petrarch.Word, petrarch.SynsetRef:
			if !addNeed(e) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	var objs []petrarch.Element
	i := 0
	for ; i < len(p.After); i++ {
		k := p.After[i].Kind
		if k != petrarch.Word && k != petrarch.Phrase && k != petrarch.SynsetRef {
			break
		}
		objs = append(objs, p.After[i])
	}
	target := "" // slot of the other actor: "O" or "prep:O"
	prep := ""   // the preposition of a prep:O target
	for _, e := range p.After[i:] {
		switch e.Kind {
		case petrarch.TargetMark:
			if target != "" || len(objs) > 0 {
				return nil, false
			}
			target = "O"
		case petrarch.Prep:
			pw := strings.ToLower(e.Words[0])
			marked := false
			for _, o := range e.Objects {
				switch o.Kind {
				case petrarch.TargetMark:
					marked = true
				case petrarch.Word, petrarch.SynsetRef:
					if o.Kind == petrarch.Word && c.preps[strings.ToLower(o.Words[0])] {
						return nil, false // "(OUT OF)": a preposition of two words
					}
					if !addNeed(o) {
						return nil, false
					}
				default:
					return nil, false
				}
			}
			switch {
			case marked:
				if target != "" && target != pw+":O" {
					return nil, false
				}
				target, prep = pw+":O", pw
			case len(e.Objects) == 0 && target == "":
				target, prep = pw+":O", pw
			}
		case petrarch.Word, petrarch.SynsetRef:
			if !addNeed(e) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if conds > 1 {
		return nil, false // "- * TO ACT": a class matches any one word
	}
	form := formVerb
	if len(objs) > 0 {
		form = formObject
	}
	tmpl := c.t.frames[typ][form]
	frames := tmpl
	if target != "" {
		frames = []string{withTarget(tmpl[0], target)}
		for _, fr := range tmpl[1:] {
			if strings.Contains(fr, "S+") {
				frames = append(frames, fr)
			}
		}
	}
	if prep != "" && !strings.Contains(frames[0], ":P") {
		// A preposition the pattern names belongs to the verb ("decided
		// against", "mediated between"): it joins the trigger, within a
		// few words of the verb, and the other actor follows it.
		frames[0] = withTarget(frames[0], "O")
		suffix := ""
		for _, e := range objs {
			w, ok := c.triggerWords(e)
			if !ok {
				return nil, false
			}
			suffix += " ~ " + w
		}
		if len(need) > 0 && strings.Contains(strings.Join(frames, " "), "need:") {
			return nil, false
		}
		return []shape{{suffix: suffix + " ~ " + prep, need: need, frames: frames}}, true
	}
	// Realize each frame: one that takes the direct object finds the
	// target right after the verb, so the object nouns become a condition
	// ("gave Ukraine weapons"); the others look after the nouns, which join
	// the trigger ("imposed sanctions on Iran").
	var objSuffix string
	var objNeed []string
	objNeedOK := true
	for _, e := range objs {
		s, ok := c.triggerWords(e)
		if !ok {
			return nil, false
		}
		objSuffix += " ~ " + s
		if ws, ok := c.needWords(e); ok {
			objNeed = append(objNeed, ws...)
		} else {
			objNeedOK = false
		}
	}
	var out []shape
	addFrame := func(suffix string, need []string, fr string) {
		if len(need) > 0 && strings.Contains(fr, "need:") {
			return // one condition per frame
		}
		for k := range out {
			if out[k].suffix == suffix && strings.Join(out[k].need, " ") == strings.Join(need, " ") {
				out[k].frames = append(out[k].frames, fr)
				return
			}
		}
		out = append(out, shape{suffix: suffix, need: need, frames: []string{fr}})
	}
	for _, fr := range frames {
		switch {
		case len(objs) == 0:
			addFrame("", need, fr)
		case hasField(fr, "O"):
			if objNeedOK && len(objs)+conds == 1 {
				addFrame("", append(append([]string(nil), objNeed...), need...), fr)
			}
		default:
			addFrame(objSuffix, need, fr)
		}
	}
	return out, len(out) > 0
}

// withTarget returns frame fr with its target slot (O, prep:O or prep:P)
// replaced by target; a place slot stays one ("to:P").
func withTarget(fr, target string) string {
	f := strings.Fields(fr)
	for i, s := range f {
		if s == "O" || strings.HasSuffix(s, ":O") || strings.HasSuffix(s, ":P") {
			if strings.HasSuffix(s, ":P") && strings.HasSuffix(target, ":O") {
				f[i] = strings.TrimSuffix(target, "O") + "P"
			} else {
				f[i] = target
			}
			return strings.Join(f, " ")
		}
	}
	return fr
}

func hasField(s, field string) bool {
	for _, f := range strings.Fields(s) {
		if f == field {
			return true
		}
	}
	return false
}

// triggerWords writes an element as trigger words: a word with its plural
// as an alternative ("sanctions" stays, "strike/strikes"), the words of a
// "_"-joined compound in a row ("air strike/strikes"), a phrase's words with
// gaps ("mock ~ attack/attacks"), a synset's one-word members as
// alternatives.
func (c *cameoConverter) triggerWords(e petrarch.Element) (string, bool) {
	switch e.Kind {
	case petrarch.Word:
		ws := lowerAll(e.Words)
		ws[len(ws)-1] = withPlural(ws[len(ws)-1])
		return strings.Join(ws, " "), true
	case petrarch.SynsetRef:
		alts := c.synsetWords(e.Words[0])
		if len(alts) == 0 {
			return "", false
		}
		return strings.Join(alts, "/"), true
	case petrarch.Phrase:
		var parts []string
		for k, w := range e.Words {
			if strings.HasPrefix(w, "&") {
				alts := c.synsetWords(w)
				if len(alts) == 0 {
					return "", false
				}
				parts = append(parts, strings.Join(alts, "/"))
				continue
			}
			w = strings.ToLower(w)
			if k == len(e.Words)-1 {
				w = withPlural(w)
			}
			parts = append(parts, w)
		}
		return strings.Join(parts, " ~ "), true
	}
	return "", false
}

// needWords returns the one-word forms an element stands for, as a need:
// condition: a word and its plural, a synset's one-word members. A
// compound or phrase of several words cannot be a condition.
func (c *cameoConverter) needWords(e petrarch.Element) ([]string, bool) {
	switch e.Kind {
	case petrarch.Word:
		if len(e.Words) != 1 {
			return nil, false
		}
		return strings.Split(withPlural(strings.ToLower(e.Words[0])), "/"), true
	case petrarch.SynsetRef:
		ws := c.synsetWords(e.Words[0])
		return ws, len(ws) > 0
	}
	return nil, false
}

// synsetWords returns the one-word forms of a synset's members, lower case.
func (c *cameoConverter) synsetWords(label string) []string {
	if ws, ok := c.synsets[label]; ok {
		return ws
	}
	ws := c.makeSynsetWords(label)
	c.synsets[label] = ws
	return ws
}

func (c *cameoConverter) makeSynsetWords(label string) []string {
	s := c.d.Synsets[label]
	if s == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range s.Forms() {
		if len(f) != 1 {
			continue
		}
		w := strings.ToLower(f[0])
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// class returns the name of a need: class holding words, adding its record
// the first time.
func (c *cameoConverter) class(file string, line int, words []string) string {
	ws := append([]string(nil), words...)
	sort.Strings(ws)
	ws = compactStrings(ws)
	key := strings.Join(ws, " ")
	if name, ok := c.classes[key]; ok {
		return name
	}
	name := fmt.Sprintf("@cameo%d", len(c.classes)+1)
	c.classes[key] = name
	c.recs = append(c.recs, cameoRecord{file: file, line: line, text: name + " " + key})
	return name
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, w := range s {
		if i == 0 || w != s[i-1] {
			out = append(out, w)
		}
	}
	return out
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// withPlural returns "w/plural" for a word that may be a singular noun,
// else w: a word ending in "s", or like a participle or adverb ("-ed",
// "-ly"), stays as it is.
func withPlural(w string) string {
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") {
		return w
	}
	return w + "/" + nounPlural(w)
}

// nounPlural returns the regular plural of a lower-case noun.
func nounPlural(w string) string {
	n := len(w)
	switch {
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z"):
		return w + "es"
	}
	return w + "s"
}

// add records one pattern from line of file; it reports false for a
// duplicate.
func (c *cameoConverter) add(file string, line int, code petrarch.EventCode, typ, kind, trig string, frames []string) bool {
	text := typ + "  " + kind + "  " + trig + "  ::  " + strings.Join(frames, " ; ")
	if c.seen[text] {
		return false
	}
	c.seen[text] = true
	c.recs = append(c.recs, cameoRecord{file: file, line: line, text: text, src: fmt.Sprintf("%s:%d [%s]", file, line, code)})
	return true
}

// addCAMEO converts the embedded CAMEO verb dictionary, extended by the
// user dictionaries verbs, into patterns and adds them.
func (ps *patternSet) addCAMEO(verbs []petrarch.Source) error {
	t, err := loadCAMEOTables()
	if err != nil {
		return err
	}
	srcs := append([]petrarch.Source{{Name: CAMEOFile, Data: cameoDictionary}}, verbs...)
	d, err := petrarch.ParseVerbs(srcs...)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	recs, _ := cameoPatterns(d, t, ps.oneWordVerbs())
	var uses []classUse
	for _, r := range recs {
		if err := ps.parseLine(r.file, r.line, r.text, r.src, &uses); err != nil {
			var pe *PatternError
			if errors.As(err, &pe) {
				pe.Msg = fmt.Sprintf("pattern %q made from this entry: %s", r.text, pe.Msg)
			}
			return err
		}
	}
	return ps.checkUses(uses)
}

// oneWordVerbs maps the words of the one-word verb triggers read so far to
// their types.
func (ps *patternSet) oneWordVerbs() map[string]map[string]bool {
	have := map[string]map[string]bool{}
	for _, p := range ps.all {
		if p.verb && len(p.words) == 1 {
			for _, w := range p.words[0] {
				if have[w] == nil {
					have[w] = map[string]bool{}
				}
				have[w][p.typ] = true
			}
		}
	}
	return have
}
