package syntax

import "strings"

// Span is a half-open range of token indices [Start, End).
type Span struct{ Start, End int }

// Contains reports whether token i lies in the span.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// NP is a noun phrase chunk.
type NP struct {
	Span
	// Head is the token index of the head noun (the last noun, number or
	// pronoun before any possessive marker of a following noun).
	Head int
	// Poss is the span of the possessor ("Russia" in "Russia's invasion");
	// empty (Start == End) when there is none.
	Poss Span
	// Comps are the prepositional phrases that complement the noun
	// ("ministers of Germany and France", "envoys from Japan"), as indices
	// into Parse.PPs.
	Comps []int
	// PP is the index into Parse.PPs of the prepositional phrase whose
	// object this noun phrase is (or belongs to, when coordinated), -1 if
	// none.
	PP int
	// Group is the index into Parse.Groups of the coordination this noun
	// phrase belongs to; every noun phrase belongs to exactly one group.
	Group int
	// Appos is the group of an apposition set off by a comma ("their Gulf
	// neighbor, Qatar"; "Hor Namhong, the foreign minister,"), or -1.
	Appos int
}

// Group is one argument: one noun phrase, or several coordinated ones
// ("Japan, India and Brazil").
type Group struct {
	Span
	NPs []int // indices into Parse.NPs, in order
}

// PP is a prepositional phrase: the preposition and its object.
type PP struct {
	Prep  int    // token index of the preposition
	Word  string // the preposition, lower case ("with", "of")
	Group int    // its object, an index into Parse.Groups
}

// VG is a verb group: auxiliaries, adverbs and the main verb.
type VG struct {
	Span
	Head       int  // the main verb
	Finite     bool // has a tensed verb or a modal
	Passive    bool // a form of "be" or "get" with a past participle
	Infinitive bool // "to" + verb
	Participle bool // a bare -ing or -ed form heading a non-finite clause
	Negated    bool // "not", "n't", "never" inside the group
}

// SubjectHow says how a predicate's subject was found.
type SubjectHow string

// Ways a subject is found.
const (
	SubjNone        SubjectHow = ""
	SubjDirect      SubjectHow = "direct"      // the noun phrase before the verb
	SubjRelative    SubjectHow = "relative"    // the antecedent of "which", "who", "that"
	SubjControl     SubjectHow = "control"     // "agreed to send": the controller
	SubjParticiple  SubjectHow = "participle"  // ", accusing X": the main clause's subject
	SubjReduced     SubjectHow = "reduced"     // "troops deployed to X", "countries backing X"
	SubjCoordinated SubjectHow = "coordinated" // "met X and signed": the first verb's subject
	SubjInverted    SubjectHow = "inverted"    // `"...," said the minister`
)

// Oblique is a prepositional argument of a predicate.
type Oblique struct {
	Prep  string // lower case
	PP    int    // index into Parse.PPs
	Group int    // the object of the preposition
}

// Predicate is a verb group with its arguments. Group indices are -1 when
// the argument is absent.
type Predicate struct {
	VG         int // index into Parse.VGs
	Subject    int
	How        SubjectHow
	Object     int
	Object2    int // a second object ("gave Iran weapons": weapons)
	Obliques   []Oblique
	Agent      int  // the "by" phrase of a passive
	Complement bool // a clause follows ("said that ...", "said Iran ...")
	// GapObject is the group of the noun phrase an object relative clause
	// modifies,
	// whose object the verb lacks: "the sanctions [Washington has imposed
	// on Moscow]", "the weapons that Iran sent". -1 if none.
	GapObject int
}

// Parse is the structure of one sentence.
type Parse struct {
	Words []string
	Tags  []string

	NPs        []NP
	Groups     []Group
	PPs        []PP
	VGs        []VG
	Predicates []Predicate // one per verb group, same order as VGs

	// kind and idx give, per token, the chunk it belongs to.
	kind []chunkKind
	idx  []int
	// parenStart marks parentheticals set off by commas (an apposition,
	// a non-restrictive relative or participial clause): the first token
	// of the parenthetical token i is in (its closing comma included), or
	// -1.
	parenStart []int
	// relStart marks restrictive relative clauses: the first token of the
	// relative clause token i is in, or -1.
	relStart []int
	// quoted marks quote marks that are transparent to chunking
	quoted []bool
	// name gives, per token, 1 + the index of the name span it is in, or 0
	name []int
}

type chunkKind uint8

const (
	kOther chunkKind = iota
	kNP
	kVG
	kPrep
	kCC
	kComma
	kStop // ; : quotes, brackets
	kRel  // which, who, whom, whose, that (as a relative pronoun or complementizer)
	kSub  // subordinating conjunction: because, if, although, while, ...
	kAdv
)

// Options adjust Parse.
type Options struct {
	// Names are spans the caller knows to be one name (actors found by a
	// lexicon); each ends up inside a single noun phrase.
	Names []Span
}

// ParseTagged parses a tagged sentence. words and tags have the same
// length; tags are Penn Treebank tags.
func ParseTagged(words, tags []string, opts Options) *Parse {
	n := len(words)
	p := &Parse{Words: words, Tags: tags, kind: make([]chunkKind, n), idx: make([]int, n),
		parenStart: make([]int, n), relStart: make([]int, n)}
	for i := range p.idx {
		p.idx[i] = -1
		p.parenStart[i] = -1
		p.relStart[i] = -1
	}
	if len(tags) != n {
		return p
	}
	name := make([]int, n) // name id + 1 per token
	for k, s := range opts.Names {
		for i := max(s.Start, 0); i < s.End && i < n; i++ {
			name[i] = k + 1
		}
	}
	p.name = name
	p.chunk(name)
	p.coordinate()
	p.appositions()
	p.prepositions()
	p.parentheticals()
	p.relatives()
	p.predicates()
	return p
}

func (p *Parse) lw(i int) string { return strings.ToLower(p.Words[i]) }

func isNoun(t string) bool { return strings.HasPrefix(t, "NN") }

func isVerb(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }

// npTag reports whether a tag can stand inside a noun phrase.
func npTag(t string) bool {
	switch t {
	case "DT", "PDT", "PRP$", "POS", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "$", "#", "FW", "HYPH":
		return true
	}
	return false
}

// determinerTag reports tags that open a new noun phrase.
func determinerTag(t string) bool { return t == "DT" || t == "PDT" || t == "PRP$" }

// beForm reports forms of "be" and "get" that make a passive.
func beForm(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'re", "'s", "get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

func negation(w string) bool { return w == "not" || w == "n't" || w == "never" }

// subordinator reports words that open an adverbial clause.
func subordinator(w string) bool {
	switch w {
	case "because", "if", "unless", "although", "though", "whether", "whereas", "while", "when", "whenever", "once", "as", "after", "before", "since", "until", "till":
		return true
	}
	return false
}

// clauseOpener reports words that can open a clause as well as a
// prepositional phrase; an NP after one of them directly followed by a
// finite verb is that verb's subject.
func clauseOpener(w string) bool {
	switch w {
	case "after", "before", "since", "until", "till", "as", "while", "when", "because", "if", "unless", "although", "though", "once", "whether":
		return true
	}
	return false
}

// chunk groups tokens into noun phrases, verb groups and the rest.
func (p *Parse) chunk(name []int) {
	n := len(p.Words)
	quoted := make([]bool, n) // a quote mark around one word: `"welcomed"`
	for i := 0; i+2 < n; i++ {
		if quote(p.Words[i], p.Tags[i]) && quote(p.Words[i+2], p.Tags[i+2]) && !quote(p.Words[i+1], p.Tags[i+1]) && p.Words[i+1] != "," {
			quoted[i], quoted[i+2] = true, true
		}
	}
	// quote marks around a short phrase with no verb or comma inside are
	// transparent: `there is "complete understanding" between`
	for i := 0; i < n; i++ {
		if !quote(p.Words[i], p.Tags[i]) || quoted[i] {
			continue
		}
		for k := i + 1; k < n && k <= i+6; k++ {
			if quote(p.Words[k], p.Tags[k]) {
				if k > i+1 {
					quoted[i], quoted[k] = true, true
				}
				i = k
				break
			}
			if isVerb(p.Tags[k]) || p.Words[k] == "," || p.Words[k] == "." {
				break
			}
		}
	}
	// quote marks around a phrase inside a noun phrase: `an "operational
	// liaison and reconnaissance team" from`
	for i := 1; i < n; i++ {
		if !quote(p.Words[i], p.Tags[i]) || quoted[i] || !(p.Tags[i-1] == "DT" || p.Tags[i-1] == "PRP$" || p.Tags[i-1] == "CD") {
			continue
		}
		for k := i + 1; k < n && k < i+10; k++ {
			if quote(p.Words[k], p.Tags[k]) {
				if k+1 < n && (isNoun(p.Tags[k-1])) {
					quoted[i], quoted[k] = true, true
				}
				break
			}
			if isVerb(p.Tags[k]) || p.Words[k] == "," {
				break
			}
		}
	}
	p.quoted = quoted
	for i := 0; i < n; {
		if quoted[i] {
			p.kind[i] = kAdv
			i++
			continue
		}
		t := p.Tags[i]
		w := p.lw(i)
		switch {
		case name[i] > 0 || npTag(t) && !(t == "DT" && (w == "that") && i+1 < n && !npStart(p.Tags[i+1])):
			i = p.nounPhrase(i, name)
		case t == "IN" && approx(w) && i+1 < n && p.Tags[i+1] == "CD" && (i == 0 || p.kind[i-1] != kVG || p.clauseAhead(i+1)):
			// "About 275 US military personnel": a number's modifier
			i = p.nounPhrase(i, name)
		case (t == "VBG" || t == "VBN") && i+1 < n && (i > 0 && (p.Tags[i-1] == "CC" || p.Tags[i-1] == "DT") &&
			(npStart(p.Tags[i+1]) && p.Tags[i+1] != "DT" && p.Tags[i+1] != "PRP" || name[i+1] > 0) || i == 0 && name[i+1] > 0):
			// a participle as the first modifier: "and outgoing Canadian
			// Prime Minister", "the proposed deal"
			i = p.nounPhrase(i, name)
		case t == "TO" && i+1 < n && (p.Tags[i+1] == "VB" || p.Tags[i+1] == "RB" && i+2 < n && p.Tags[i+2] == "VB"):
			i = p.verbGroup(i)
		case isVerb(t) || (t == "RB" || negation(w)) && p.verbAhead(i):
			i = p.verbGroup(i)
		default:
			k := kOther
			switch {
			case w == "and" || w == "or" || w == "but" || w == "nor" || t == "CC":
				k = kCC
			case w == ",":
				k = kComma
			case w == ";" || w == ":" || w == "\"" || t == "``" || t == "''" || w == "(" || w == ")" || w == "--" || w == "—" || w == "–" || w == "." || w == "?" || w == "!":
				k = kStop
			case t == "WDT" || t == "WP" || t == "WP$" || w == "that":
				k = kRel
			case subordinator(w) && !(t == "IN" && i+1 < n && npStart(p.Tags[i+1]) && !p.clauseAhead(i+1)):
				k = kSub
			case t == "IN" || t == "TO":
				k = kPrep
			case t == "RB" || t == "RBR" || t == "RBS" || t == "WRB":
				k = kAdv
			}
			if t == "WRB" {
				k = kSub
			}
			p.kind[i] = k
			i++
		}
	}
}

// quote reports a quotation mark.
func quote(w, t string) bool {
	return t == "``" || t == "''" || w == "\"" || w == "“" || w == "”" || w == "'"
}

// npStart reports tags that can start a noun phrase.
func npStart(t string) bool { return npTag(t) && t != "POS" }

// clauseAhead reports whether a noun phrase starting at i is directly
// followed by a finite verb (so a word before it opened a clause).
func (p *Parse) clauseAhead(i int) bool {
	j := i
	for j < len(p.Tags) && (npTag(p.Tags[j]) || p.name != nil && p.name[j] > 0) {
		j++
	}
	for j < len(p.Tags) && p.Tags[j] == "RB" {
		j++
	}
	return j > i && j < len(p.Tags) && (p.Tags[j] == "MD" || p.Tags[j] == "VBD" || p.Tags[j] == "VBZ" || p.Tags[j] == "VBP")
}

// verbAhead reports whether adverbs starting at i lead to a verb.
func (p *Parse) verbAhead(i int) bool {
	for j := i; j < len(p.Tags) && j < i+4; j++ {
		if isVerb(p.Tags[j]) {
			return true
		}
		if p.Tags[j] != "RB" && !negation(p.lw(j)) {
			return false
		}
	}
	return false
}

// nounPhrase chunks the noun phrase starting at i and returns its end.
func (p *Parse) nounPhrase(i int, name []int) int {
	n := len(p.Words)
	np := NP{Span: Span{i, i}, Head: -1, PP: -1, Group: -1, Appos: -1}
	j := i
	sawNoun := false
	for j < n {
		t := p.Tags[j]
		if p.quoted[j] && j > np.Start {
			p.kind[j] = kAdv
			j++
			continue
		}
		if sawNoun && np.Head >= 0 && p.Tags[np.Head] == "NNS" && (name[j] > 0 || strings.HasPrefix(t, "NNP")) {
			// a plural common noun does not take a name after it: "the
			// sanctions [Washington] has imposed"
			goto done
		}
		if name[j] > 0 {
			id := name[j]
			for j < n && name[j] == id {
				j++
			}
			np.Head = j - 1
			sawNoun = true
			continue
		}
		w := p.lw(j)
		if j > np.Start && sawNoun && timeNoun(w) {
			goto done // "South Korea today rejected"
		}
		switch {
		case t == "POS":
			if j == np.Start {
				return j + 1
			}
			// the possessor ends here; the possessed noun follows
			np.Poss = Span{np.Start, j}
			sawNoun = false
			j++
			continue
		case t == "PRP":
			if j > np.Start {
				goto done
			}
			np.Head = j
			j++
			goto done
		case determinerTag(t) && j > np.Start && p.Tags[j-1] != "POS":
			if pw := p.lw(j - 1); sawNoun || !(p.Tags[j-1] == "DT" || p.Tags[j-1] == "PDT") || pw != "all" && pw != "both" && pw != "half" {
				goto done // "both the" and "all the" stay one phrase
			}
		case j == np.Start && t == "IN" && approx(w):
		case t == "IN" && w == "than" && j > np.Start && p.Tags[j-1] == "JJR" && j+1 < n && p.Tags[j+1] == "CD":
			// "more than eight hours": a number's modifier
		case (t == "VBN" || t == "VBG") && j+1 < n && (isNoun(p.Tags[j+1]) || p.Tags[j+1] == "JJ" || p.Tags[j+1] == "CD" && j > np.Start || name[j+1] > 0) && !sawNoun:
			// a participle as a premodifier: "the proposed deal"
		case t == "HYPH" || w == "-":
			if j == np.Start || j+1 >= n || !npStart(p.Tags[j+1]) {
				goto done
			}
		case !npTag(t):
			goto done
		}
		if isNoun(t) || t == "CD" || t == "PRP" || t == "$" {
			np.Head = j
			sawNoun = true
		} else if sawNoun && (t == "JJ" || t == "JJR" || t == "JJS") && j+1 < n && !npTag(p.Tags[j+1]) && name[j+1] == 0 {
			// "troops loyal to": a postnominal adjective ends the phrase
			goto done
		}
		j++
	}
done:
	if j == i {
		j = i + 1
	}
	np.End = j
	if np.Head < 0 {
		np.Head = j - 1
	}
	for k := np.Start; k < np.End; k++ {
		p.kind[k] = kNP
		p.idx[k] = len(p.NPs)
	}
	p.NPs = append(p.NPs, np)
	return j
}

// verbGroup chunks the verb group starting at i and returns its end.
func (p *Parse) verbGroup(i int) int {
	n := len(p.Words)
	vg := VG{Span: Span{i, i}, Head: -1}
	j := i
	hasBe, hasAux := false, false
	if p.Tags[j] == "TO" {
		vg.Infinitive = true
		j++
	}
	for j < n {
		t, w := p.Tags[j], p.lw(j)
		switch {
		case isVerb(t):
			if vg.Head >= 0 {
				hw := p.lw(vg.Head)
				if p.Tags[vg.Head] == "VBN" && !beForm(hw) && t != "VBN" && t != "VBG" {
					goto done // "deployed are": a new verb group
				}
				if !auxVerb(hw) && p.Tags[vg.Head] != "MD" {
					goto done // two main verbs: "began talking" stays two groups
				}
				// the verb before is an auxiliary of this one
				if beForm(hw) {
					hasBe = true
				}
				hasAux = true
			}
			vg.Head = j
			if t == "MD" || t == "VBD" || t == "VBZ" || t == "VBP" {
				vg.Finite = true
			}
		case negation(w):
			vg.Negated = true
		case t == "RB" && p.verbAhead(j):
		case t == "RP" && vg.Head >= 0:
			// a particle: "called off", "cut off"
		default:
			goto done
		}
		j++
	}
done:
	if vg.Head < 0 {
		// adverbs without a verb: not a verb group
		for k := i; k < max(j, i+1); k++ {
			p.kind[k] = kAdv
		}
		return max(j, i+1)
	}
	// trailing particles/adverbs after the head belong to the group only
	// when they are particles
	end := vg.Head + 1
	for end < j && p.Tags[end] == "RP" {
		end++
	}
	vg.End = end
	ht := p.Tags[vg.Head]
	if ht == "VBN" && hasBe {
		vg.Passive = true
	}
	if ht == "VBN" && !hasAux && !vg.Infinitive && vg.Start > 0 && (p.Tags[vg.Start-1] == "PRP" || strings.HasPrefix(p.Tags[vg.Start-1], "NNP") ||
		end < n && npStart(p.Tags[end]) && p.Tags[end] != "PRP$" && p.Tags[vg.Start-1] != "DT") {
		// after a personal pronoun or a name ("They called on",
		// "Obama called on"), or followed by
		// its object ("Iran sent troops"):
		// a bare participle followed by its object is a past tense the
		// tagger took for a participle ("Iran sent troops")
		ht = "VBD"
		vg.Finite = true
	}
	// a group opened by a participle ("having met", "being pressed") is
	// non-finite too
	nonfiniteStart := !vg.Infinitive && (p.Tags[vg.Start] == "VBG" || p.Tags[vg.Start] == "VBN")
	if !vg.Finite && !vg.Infinitive && (!hasAux || nonfiniteStart) && (ht == "VBG" || ht == "VBN") {
		vg.Participle = true
	}
	if !vg.Finite && !vg.Infinitive && !vg.Participle && (ht == "VB" || hasAux) && vg.Start > 0 {
		// "do not", "did" handled by tags; a bare VB after a modal in a
		// separate group is rare; treat it as finite (imperative or a
		// tagging slip)
		vg.Finite = true
	}
	for k := vg.Start; k < vg.End; k++ {
		p.kind[k] = kVG
		p.idx[k] = len(p.VGs)
	}
	for k := vg.End; k < j; k++ {
		p.kind[k] = kAdv
	}
	p.VGs = append(p.VGs, vg)
	return j
}

// approx reports words that modify a number ("about 275", "nearly 600").
func approx(w string) bool {
	switch w {
	case "about", "around", "nearly", "almost", "approximately", "over", "some", "roughly":
		return true
	}
	return false
}

// timeNoun reports deictic time nouns that stand alone as adverbials.
func timeNoun(w string) bool {
	return w == "today" || w == "yesterday" || w == "tomorrow" || w == "tonight"
}

// auxVerb reports verbs that can be followed by another verb in one group.
func auxVerb(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'re", "'s",
		"have", "has", "had", "having", "'ve", "'d",
		"do", "does", "did",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
		"get", "gets", "got", "gotten":
		return true
	}
	return false
}

// coordinate joins noun phrases into coordination groups.
func (p *Parse) coordinate() {
	for i := 0; i < len(p.NPs); {
		g := Group{Span: p.NPs[i].Span, NPs: []int{i}}
		k := i
		commas := 0
		for k+1 < len(p.NPs) {
			next := p.NPs[k+1]
			// tokens between NPs k and k+1
			a, b := p.NPs[k].End, next.Start
			sep := strings.ToLower(strings.Join(p.Words[a:b], " "))
			ok := false
			switch sep {
			case ",":
				// a list goes on only if it ends with "and"/"or"
				if p.listContinues(k + 1) {
					ok = true
					commas++
				}
			case "and", "or", "and the", "or the", "as well as", "and other":
				ok = true
			case ", and", ", or", ", as well as":
				ok = commas > 0 || len(g.NPs) > 1
			}
			if !ok {
				break
			}
			if (sep == "and" || sep == "or") && len(g.NPs) == 1 && p.clauseAhead(next.Start) && p.objectPosition(g.NPs[0]) {
				// "Iran attacked Iraq and Syria condemned it"
				break
			}
			g.NPs = append(g.NPs, k+1)
			g.End = next.End
			k++
		}
		for _, x := range g.NPs {
			p.NPs[x].Group = len(p.Groups)
		}
		p.Groups = append(p.Groups, g)
		i = k + 1
	}
}

// appositions links a noun phrase to a single noun phrase after a comma
// that is itself followed by a comma, a stop or the end: "their Gulf
// neighbor, Qatar." A proper-name apposition or one after a name counts;
// lists were joined by coordinate before.
func (p *Parse) appositions() {
	n := len(p.Words)
	for x := 0; x+1 < len(p.NPs); x++ {
		a, b := p.NPs[x], p.NPs[x+1]
		if a.End >= n || p.Words[a.End] != "," || b.Start != a.End+1 {
			continue
		}
		if len(p.Groups[a.Group].NPs) != 1 || len(p.Groups[b.Group].NPs) != 1 {
			continue
		}
		if e := b.End; e < n && p.Words[e] != "," && p.Tags[e] != "." && p.kind[e] != kStop {
			continue
		}
		if !strings.HasPrefix(p.Tags[b.Head], "NNP") && !strings.HasPrefix(p.Tags[a.Head], "NNP") {
			continue
		}
		p.NPs[x].Appos = b.Group
	}
}

// listContinues reports whether the NP at index k is followed, through
// commas and NPs, by "and"/"or" and a last NP: "A, B, C and D".
func (p *Parse) listContinues(k int) bool {
	for ; k < len(p.NPs); k++ {
		e := p.NPs[k].End
		if e >= len(p.Words) {
			return false
		}
		w := p.lw(e)
		if w == "and" || w == "or" {
			return k+1 < len(p.NPs) && (p.NPs[k+1].Start == e+1 || p.NPs[k+1].Start == e+2 && p.lw(e+1) == "the")
		}
		if w != "," || k+1 >= len(p.NPs) {
			return false
		}
		if p.NPs[k+1].Start == e+1 {
			continue
		}
		if e+1 < len(p.Words) && (p.lw(e+1) == "and" || p.lw(e+1) == "or") && k+1 < len(p.NPs) && p.NPs[k+1].Start == e+2 {
			return true
		}
		return false
	}
	return false
}

// objectPosition reports whether NP x directly follows a verb group.
func (p *Parse) objectPosition(x int) bool {
	j := p.NPs[x].Start - 1
	for j >= 0 && (p.kind[j] == kAdv) {
		j--
	}
	return j >= 0 && p.kind[j] == kVG
}

// prepositions builds prepositional phrases and attaches "of" and "from"
// complements to the noun phrase before them.
func (p *Parse) prepositions() {
	for i := range p.Words {
		if p.kind[i] != kPrep || i+1 >= len(p.Words) || p.kind[i+1] != kNP {
			continue
		}
		g := p.NPs[p.idx[i+1]].Group
		pp := PP{Prep: i, Word: p.lw(i), Group: g}
		for _, x := range p.Groups[g].NPs {
			p.NPs[x].PP = len(p.PPs)
		}
		p.idx[i] = len(p.PPs)
		p.PPs = append(p.PPs, pp)
		if (pp.Word == "of" || pp.Word == "from") && i > 0 && p.kind[i-1] == kNP {
			h := p.idx[i-1]
			p.NPs[h].Comps = append(p.NPs[h].Comps, len(p.PPs)-1)
		}
	}
}

// parentheticals marks stretches set off by commas after a noun phrase:
// appositions (", the foreign minister,"), non-restrictive relatives
// (", which blames Moscow,") and participial clauses (", citing X,").
func (p *Parse) parentheticals() {
	n := len(p.Words)
	for i := 1; i < n; i++ {
		if p.kind[i] != kComma || p.kind[i-1] != kNP {
			continue
		}
		s := i + 1
		if s >= n {
			continue
		}
		// find the closing comma
		e := -1
		hasVerb := false
		for j := s; j < n; j++ {
			if p.kind[j] == kComma {
				e = j
				break
			}
			if p.kind[j] == kStop {
				break
			}
			if p.kind[j] == kVG {
				hasVerb = true
			}
		}
		if e < 0 || e == s {
			continue
		}
		first := p.lw(s)
		ok := false
		switch {
		case p.kind[s] == kRel && first != "that":
			ok = true
		case p.kind[s] == kVG && p.VGs[p.idx[s]].Participle:
			ok = true
		case !hasVerb && (p.kind[s] == kNP || p.kind[s] == kPrep || p.kind[s] == kAdv):
			// an apposition or an aside ("according to X", "however");
			// it must be followed by a verb or the end to be an aside
			ok = e+1 < n && (p.kind[e+1] == kVG || p.kind[e+1] == kAdv && p.verbAhead(e+1))
		}
		if !ok {
			continue
		}
		for j := s; j <= e; j++ {
			p.parenStart[j] = s // the closing comma belongs to it
		}
	}
}

// relatives marks restrictive relative clauses: a relative pronoun right
// after a noun phrase up to the verb group of the outer clause.
func (p *Parse) relatives() {
	n := len(p.Words)
	for i := 1; i < n; i++ {
		if p.kind[i] != kRel || p.kind[i-1] != kNP || p.parenStart[i] >= 0 {
			continue
		}
		// the relative clause: its own verb group, then anything up to a
		// finite verb group with no subject of its own, a comma or a stop
		j := i + 1
		seenVG := false
		for ; j < n; j++ {
			k := p.kind[j]
			if k == kStop || k == kComma || k == kRel || k == kSub {
				break
			}
			if k == kVG {
				vg := p.VGs[p.idx[j]]
				if seenVG && vg.Finite && p.kind[p.prevIndex(j)] != kCC {
					// the relative clause has its verb: a second finite
					// verb belongs to the outer clause ("the country that
					// attacked Georgia condemned ...")
					break
				}
				seenVG = true
				j = vg.End - 1
			}
		}
		if !seenVG || j >= n || p.kind[j] != kVG {
			continue // only a relative clause followed by the outer verb matters
		}
		for k := i; k < j; k++ {
			p.relStart[k] = i
		}
	}
}

// predicates finds the arguments of every verb group.
func (p *Parse) predicates() {
	p.Predicates = make([]Predicate, len(p.VGs))
	for v := range p.VGs {
		p.Predicates[v] = Predicate{VG: v, Subject: -1, Object: -1, Object2: -1, Agent: -1, GapObject: -1}
	}
	// a bare verb coordinated with an infinitive is one too ("to hold
	// X accountable and cooperate with Y")
	for v := range p.VGs {
		vg := &p.VGs[v]
		if vg.Infinitive || p.Tags[vg.Head] != "VB" || vg.Head != vg.Start {
			continue
		}
		if j := p.prevIndex(vg.Start); j >= 0 && p.kind[j] == kCC {
			if u := p.verbBefore(j); u >= 0 && p.VGs[u].Infinitive {
				vg.Infinitive, vg.Finite = true, false
			}
		}
	}
	// a sentence needs a finite verb: with none outside parentheticals and
	// relative clauses, a bare past participle is the tagger's mistake for
	// a past tense ("William Hague, the foreign secretary, spoke by phone")
	top := false
	for _, vg := range p.VGs {
		if p.mainVerb(vg.Start) >= 0 {
			top = true
			break
		}
	}
	if !top {
		for v := range p.VGs {
			vg := &p.VGs[v]
			if vg.Participle && p.Tags[vg.Head] == "VBN" && p.parenStart[vg.Start] < 0 && vg.Start > 0 {
				vg.Participle, vg.Finite = false, true
				break
			}
		}
	}
	// finite verbs first, then non-finite ones (which borrow subjects)
	done := make([]bool, len(p.VGs))
	for v, vg := range p.VGs {
		if vg.Finite {
			p.subject(v, done)
		}
	}
	for v := range p.VGs {
		p.subject(v, done)
	}
	for v := range p.VGs {
		p.objects(v)
	}
	p.gaps()
}

// gaps finds object relative clauses: a finite verb with a subject of its
// own right before it and no object, whose subject follows another noun
// phrase directly or after "that"/"which" ("the sanctions Washington has
// imposed on Moscow", "the weapons that Iran sent to Russia"): that noun
// phrase is the verb's missing object.
func (p *Parse) gaps() {
	for v := range p.Predicates {
		pr := &p.Predicates[v]
		vg := p.VGs[v]
		if !vg.Finite || vg.Passive || pr.How != SubjDirect || pr.Object >= 0 || pr.Complement || pr.Subject < 0 {
			continue
		}
		if p.Groups[pr.Subject].End != p.prevIndex(vg.Start)+1 {
			continue // the subject must stand right before the verb
		}
		j := p.prevIndex(p.Groups[pr.Subject].Start)
		if j >= 0 && p.kind[j] == kRel && (p.lw(j) == "that" || p.lw(j) == "which") {
			j = p.prevIndex(j)
		}
		if j < 0 || p.kind[j] != kNP {
			continue
		}
		x := p.idx[j]
		np := p.NPs[x]
		if np.Group == pr.Subject || np.PP >= 0 || timeNoun(p.lw(np.Head)) || !isNoun(p.Tags[np.Head]) || strings.HasPrefix(p.Tags[np.Head], "NNP") {
			continue // ("After the talks Iran withdrew": inside a phrase)
		}
		pr.GapObject = np.Group
	}
}

// subject resolves the subject of verb group v (memoized through done).
func (p *Parse) subject(v int, done []bool) (int, SubjectHow) {
	pr := &p.Predicates[v]
	if done[v] {
		return pr.Subject, pr.How
	}
	done[v] = true // guards against cycles
	vg := p.VGs[v]
	g, how := -1, SubjNone
	switch {
	case vg.Infinitive && vg.Start < len(p.Words) && p.Tags[vg.Start] != "TO":
		// coordinated with an infinitive: its subject
		if j := p.prevIndex(vg.Start); j >= 0 {
			if u := p.verbBefore(j); u >= 0 {
				g, _ = p.subject(u, done)
				how = SubjCoordinated
			}
		}
	case vg.Infinitive:
		g, how = p.controller(v, done)
	case vg.Participle:
		g, how = p.participleSubject(v, done)
	default:
		g, how = p.finiteSubject(v, done)
	}
	pr.Subject, pr.How = g, how
	return g, how
}

// prevIndex returns the index before i, skipping adverbs.
func (p *Parse) prevIndex(i int) int {
	j := i - 1
	for j >= 0 && p.kind[j] == kAdv {
		j--
	}
	return j
}

// finiteSubject walks left from a finite verb group to its subject.
func (p *Parse) finiteSubject(v int, done []bool) (int, SubjectHow) {
	vg := p.VGs[v]
	j := p.prevIndex(vg.Start)
	// a relative pronoun right before: the antecedent
	if j >= 0 && p.kind[j] == kRel {
		r := j
		k := p.prevIndex(r)
		if k >= 0 && p.kind[k] == kComma {
			k = p.prevIndex(k)
		}
		w := p.lw(r)
		if k >= 0 && p.kind[k] == kNP && (w != "that" || p.parenStart[r] < 0) {
			return p.antecedent(k), SubjRelative
		}
		if w == "that" && k >= 0 && p.kind[k] == kNP {
			return p.antecedent(k), SubjRelative
		}
		return -1, SubjNone
	}
	if j >= 0 && p.kind[j] == kCC {
		// "met X and signed": the first verb's subject
		if u := p.verbBefore(j); u >= 0 {
			if g, _ := p.subject(u, done); g >= 0 {
				return g, SubjCoordinated
			}
		}
		return -1, SubjNone
	}
	inPP := false
	for j >= 0 {
		if ps := p.parenStart[j]; ps >= 0 && p.parenStart[vg.Start] != ps {
			j = ps - 2 // before the opening comma
			continue
		}
		if rs := p.relStart[j]; rs >= 0 && p.relStart[vg.Start] != rs {
			j = rs - 1
			continue
		}
		switch p.kind[j] {
		case kAdv, kOther:
			j--
		case kCC:
			j--
		case kComma:
			if inPP {
				return -1, SubjNone
			}
			if j == p.prevIndex(vg.Start) && j > 0 && p.kind[j-1] == kNP {
				// the comma closing an apposition that began inside a
				// name: "The US ambassador to Iraq, Zalmay Khalilzad,
				// criticised"
				j--
				continue
			}
			// "In Tehran, officials said": nothing between comma and verb
			return p.inverted(v)
		case kStop, kRel, kSub:
			return p.inverted(v)
		case kVG:
			u := p.idx[j]
			if w := p.VGs[u]; !w.Finite {
				// a non-finite verb modifying the subject ("rebels backed
				// by Rwanda seized", "the decision to send troops
				// angered"): step over it
				j = w.Start - 1
				inPP = false
				continue
			}
			return -1, SubjNone
		case kPrep:
			j--
		case kNP:
			x := p.idx[j]
			np := p.NPs[x]
			g := np.Group
			if t := p.Tags[np.Head]; (t == "JJ" || t == "JJR" || t == "RB" || timeNoun(p.lw(np.Head))) && np.End-np.Start == 1 {
				// a lone adjective is an adverbial the tagger took
				// for a noun phrase ("the two leaders later signed")
				j = np.Start - 1
				continue
			}
			if np.PP >= 0 {
				prep := p.PPs[np.PP]
				if clauseOpener(prep.Word) && p.Groups[g].End == p.prevIndex(vg.Start)+1 {
					return g, SubjDirect // "after Iran attacked"
				}
				// inside a PP: the head noun is further left ("the
				// leaders of North and South Korea have met")
				inPP = true
				j = prep.Prep - 1
				continue
			}
			if k := p.prevIndex(p.Groups[g].Start); k >= 0 && p.kind[k] == kVG && !p.VGs[p.idx[k]].Finite {
				// the object of a non-finite verb: keep looking left
				j = k
				continue
			}
			return g, SubjDirect
		default:
			j--
		}
	}
	return p.inverted(v)
}

// antecedent returns the group of the noun phrase at token k, climbing
// out of a complement PP ("the leaders of X, who ..." → the leaders).
func (p *Parse) antecedent(k int) int {
	x := p.idx[k]
	np := p.NPs[x]
	if np.PP >= 0 {
		prep := p.PPs[np.PP]
		if prep.Word == "of" && prep.Prep > 0 && p.kind[prep.Prep-1] == kNP {
			return p.NPs[p.idx[prep.Prep-1]].Group
		}
	}
	return np.Group
}

// inverted finds the subject after a speech verb: `"...," said X.`
func (p *Parse) inverted(v int) (int, SubjectHow) {
	vg := p.VGs[v]
	if vg.End-vg.Start != 1 || !(p.Tags[vg.Head] == "VBD" || p.Tags[vg.Head] == "VBZ") {
		return -1, SubjNone
	}
	j := p.prevIndex(vg.Start)
	if j < 0 || !(p.kind[j] == kComma || p.kind[j] == kStop) {
		return -1, SubjNone
	}
	k := vg.End
	if k >= len(p.Words) || p.kind[k] != kNP {
		return -1, SubjNone
	}
	g := p.NPs[p.idx[k]].Group
	e := p.Groups[g].End
	if e < len(p.Words) && !(p.kind[e] == kStop || p.kind[e] == kComma) {
		return -1, SubjNone
	}
	return g, SubjInverted
}

// controller finds the understood subject of an infinitive.
func (p *Parse) controller(v int, done []bool) (int, SubjectHow) {
	vg := p.VGs[v]
	j := p.prevIndex(vg.Start)
	if j < 0 {
		return -1, SubjNone
	}
	switch p.kind[j] {
	case kVG:
		// "agreed to send"; "Iran was asked to": the passive subject
		g, _ := p.subject(p.idx[j], done)
		return g, SubjControl
	case kNP:
		x := p.idx[j]
		g := p.NPs[x].Group
		if h := p.Tags[p.NPs[x].Head]; (h == "JJ" || h == "JJR") && p.NPs[x].Start > 0 {
			// "is ready to accept", "was willing to": the copula's subject
			if k := p.prevIndex(p.NPs[x].Start); k >= 0 && p.kind[k] == kVG {
				g, _ := p.subject(p.idx[k], done)
				return g, SubjControl
			}
		}
		if p.NPs[x].PP < 0 && p.objectPosition(p.Groups[g].NPs[0]) {
			return g, SubjControl // "urged Iran to stop"
		}
		if p.lw(p.NPs[x].Head) == "order" && x > 0 {
			// "in order to": the clause subject
			return p.clauseSubject(vg.Start, done)
		}
	}
	return -1, SubjNone
}

// participleSubject finds the understood subject of a participle.
func (p *Parse) participleSubject(v int, done []bool) (int, SubjectHow) {
	vg := p.VGs[v]
	j := p.prevIndex(vg.Start)
	if j < 0 {
		g, _ := p.nextFiniteSubject(vg.End, done)
		return g, SubjParticiple
	}
	switch p.kind[j] {
	case kComma, kSub:
		g, _ := p.clauseSubject(vg.Start, done)
		return g, SubjParticiple
	case kPrep:
		w := p.lw(j)
		u := p.governor(j)
		if (w == "of" || w == "for") && u >= 0 {
			// "accused Sudan of backing", "thanked Turkey for mediating"
			p.objects(u)
			if o := p.Predicates[u].Object; o >= 0 {
				return o, SubjParticiple
			}
		}
		if u >= 0 {
			// "accusing Baghdad of being in breach by firing on":
			// the subject of the verb the phrase modifies
			if g, _ := p.subject(u, done); g >= 0 {
				return g, SubjParticiple
			}
		}
		g, _ := p.clauseSubject(vg.Start, done)
		return g, SubjParticiple
	case kNP:
		x := p.idx[j]
		return p.NPs[x].Group, SubjReduced
	case kVG:
		g, _ := p.subject(p.idx[j], done)
		return g, SubjCoordinated
	case kCC:
		if u := p.verbBefore(j); u >= 0 {
			g, _ := p.subject(u, done)
			return g, SubjCoordinated
		}
	}
	return -1, SubjNone
}

// verbBefore returns the verb group of the clause before the conjunction
// at token j: the nearest verb group to the left outside parentheticals
// and relative clauses, within the sentence part up to a stop.
func (p *Parse) verbBefore(j int) int {
	for k := j - 1; k >= 0; k-- {
		switch {
		case p.kind[k] == kStop && !quote(p.Words[k], p.Tags[k]):
			return -1
		case p.kind[k] == kVG && p.parenStart[k] < 0 && p.relStart[k] < 0:
			return p.idx[k]
		}
	}
	return -1
}

// governor returns the verb group whose clause token i is in: the nearest
// verb group to the left in the same clause, or -1.
func (p *Parse) governor(i int) int {
	for j := i - 1; j >= 0; j-- {
		switch p.kind[j] {
		case kVG:
			return p.idx[j]
		case kStop, kRel, kSub:
			return -1
		}
	}
	return -1
}

// mainVerb returns the verb group at token j when it is finite and
// outside parentheticals and relative clauses (a verb of a main or
// complement clause), else -1.
func (p *Parse) mainVerb(j int) int {
	if p.kind[j] != kVG || p.parenStart[j] >= 0 || p.relStart[j] >= 0 || !p.VGs[p.idx[j]].Finite {
		return -1
	}
	return p.idx[j]
}

// clauseSubject returns the subject of the main clause around token i:
// the nearest main verb to the left with a subject, else the first main
// verb to the right.
func (p *Parse) clauseSubject(i int, done []bool) (int, SubjectHow) {
	for j := i - 1; j >= 0; j-- {
		if p.kind[j] == kStop && p.lw(j) != "." {
			break
		}
		if u := p.mainVerb(j); u >= 0 {
			if g, _ := p.subject(u, done); g >= 0 {
				return g, SubjParticiple
			}
		}
	}
	return p.nextFiniteSubject(i, done)
}

// nextFiniteSubject returns the subject of the first main verb at or
// after token i.
func (p *Parse) nextFiniteSubject(i int, done []bool) (int, SubjectHow) {
	for j := i; j < len(p.Words); j++ {
		if u := p.mainVerb(j); u >= 0 {
			if g, _ := p.subject(u, done); g >= 0 {
				return g, SubjParticiple
			}
			return -1, SubjNone
		}
	}
	return -1, SubjNone
}

// objects finds the object(s) and prepositional arguments of v.
func (p *Parse) objects(v int) {
	pr := &p.Predicates[v]
	if pr.Object >= 0 || len(pr.Obliques) > 0 || pr.Complement {
		return
	}
	vg := p.VGs[v]
	if pr.How == SubjInverted {
		return
	}
	n := len(p.Words)
	j := vg.End
	for j < n && p.kind[j] == kAdv {
		j++
	}
	if j < n && p.kind[j] == kNP && !vg.Passive {
		g := p.NPs[p.idx[j]].Group
		if p.clauseAhead(p.Groups[g].Start) {
			pr.Complement = true // "said Iran would"
			return
		}
		pr.Object = g
		j = p.Groups[g].End
		if j < n && p.kind[j] == kNP {
			g2 := p.NPs[p.idx[j]].Group
			pr.Object2 = g2
			j = p.Groups[g2].End
		}
	}
	if j < n && p.kind[j] == kRel && p.lw(j) == "that" && pr.Object < 0 {
		pr.Complement = true
	}
	// prepositional arguments up to the end of the clause
	for j < n {
		switch p.kind[j] {
		case kPrep:
			pi := p.idx[j]
			if pi < 0 {
				return
			}
			pp := p.PPs[pi]
			pr.Obliques = append(pr.Obliques, Oblique{Prep: pp.Word, PP: pi, Group: pp.Group})
			if pp.Word == "by" && p.PassiveVoice(v) && pr.Agent < 0 {
				pr.Agent = pp.Group
			}
			j = p.Groups[pp.Group].End
		case kNP:
			// a noun phrase after the object's complements ("talks with
			// X on Monday") — step over it
			j = p.Groups[p.NPs[p.idx[j]].Group].End
		case kAdv, kOther:
			j++
		case kStop:
			if p.Words[j] != "(" {
				return
			}
			// "held talks (over the phone) late Thursday with X": step
			// over the parenthesis
			k := j + 1
			for k < n && p.Words[k] != ")" && p.Words[k] != "(" && k < j+12 {
				k++
			}
			if k >= n || p.Words[k] != ")" {
				return
			}
			j = k + 1
		case kComma:
			// a PP may follow a comma-separated aside only if another PP
			// comes right after
			if j+1 < n && p.kind[j+1] == kPrep && p.parenStart[j+1] < 0 {
				j++
				continue
			}
			return
		default:
			return
		}
	}
}

// Matrix returns the verb group whose complement clause contains verb
// group v ("Mogadishu announced [it was cutting ties]": announced), or -1.
// The complement starts right after the matrix verb, or after its "that".
func (p *Parse) Matrix(v int) int {
	pr := p.Predicates[v]
	if pr.Subject < 0 {
		return -1
	}
	j := p.prevIndex(p.Groups[pr.Subject].Start)
	for steps := 0; j >= 0 && steps < 6; steps++ {
		switch {
		case p.kind[j] == kRel && p.lw(j) == "that":
			j = p.prevIndex(j)
		case p.kind[j] == kNP && p.NPs[p.idx[j]].PP >= 0:
			// "confirmed on Wednesday they are": step over the PP
			j = p.prevIndex(p.PPs[p.NPs[p.idx[j]].PP].Prep)
		case p.kind[j] == kVG:
			return p.idx[j]
		default:
			return -1
		}
	}
	return -1
}

// ClauseVerb returns the verb group of the clause that token i (an
// adjunct) belongs to: the nearest finite or participial verb to the left
// within the clause, or for a sentence-initial adjunct the first finite
// verb after it; -1 if none.
func (p *Parse) ClauseVerb(i int) int {
	for j := i - 1; j >= 0; j-- {
		switch p.kind[j] {
		case kVG:
			if p.parenStart[j] < 0 && p.relStart[j] < 0 || p.parenStart[j] == p.parenStart[i] && p.relStart[j] == p.relStart[i] {
				return p.idx[j]
			}
		case kStop, kRel, kSub:
			return -1
		}
	}
	for j := i + 1; j < len(p.Words); j++ {
		if u := p.mainVerb(j); u >= 0 {
			return u
		}
		if p.kind[j] == kStop || p.kind[j] == kRel {
			return -1
		}
	}
	return -1
}

// PassiveVoice reports whether verb group v is in the passive voice: a
// form of "be" or "get" with a past participle, or a bare past participle
// heading a reduced clause ("rebels backed by Rwanda").
func (p *Parse) PassiveVoice(v int) bool {
	vg := p.VGs[v]
	return vg.Passive || vg.Participle && p.Tags[vg.Head] == "VBN"
}

// PredicateAt returns the predicate whose verb group contains token i.
func (p *Parse) PredicateAt(i int) (Predicate, bool) {
	if i < 0 || i >= len(p.kind) || p.kind[i] != kVG {
		return Predicate{}, false
	}
	return p.Predicates[p.idx[i]], true
}

// PPAt returns the index into PPs of the prepositional phrase headed by
// the preposition at token i, or -1.
func (p *Parse) PPAt(i int) int {
	if i < 0 || i >= len(p.kind) || p.kind[i] != kPrep {
		return -1
	}
	return p.idx[i]
}

// NounPPs returns the prepositional phrases that follow the noun phrase
// containing token i, in order (at most max): "talks [with Iran] [in
// Vienna]", "a meeting [between X and Y]".
func (p *Parse) NounPPs(i, max int) []int {
	x := p.NPAt(i)
	if x < 0 {
		return nil
	}
	var out []int
	j := p.NPs[x].End
	for len(out) < max && j < len(p.Words) {
		pi := p.PPAt(j)
		if pi < 0 {
			break
		}
		out = append(out, pi)
		j = p.Groups[p.PPs[pi].Group].End
	}
	return out
}

// NPAt returns the index of the noun phrase containing token i, or -1.
func (p *Parse) NPAt(i int) int {
	if i < 0 || i >= len(p.kind) || p.kind[i] != kNP {
		return -1
	}
	return p.idx[i]
}

// Describe renders the parse for debugging: the tagged words with noun
// phrases in [brackets] and verb groups in <angle brackets>, then one line
// per predicate with its arguments.
func (p *Parse) Describe() string {
	var b strings.Builder
	for i, w := range p.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if p.kind[i] == kNP && p.NPs[p.idx[i]].Start == i {
			b.WriteByte('[')
		}
		if p.kind[i] == kVG && p.VGs[p.idx[i]].Start == i {
			b.WriteByte('<')
		}
		b.WriteString(w + "/" + p.Tags[i])
		if p.kind[i] == kNP && p.NPs[p.idx[i]].End == i+1 {
			b.WriteByte(']')
		}
		if p.kind[i] == kVG && p.VGs[p.idx[i]].End == i+1 {
			b.WriteByte('>')
		}
	}
	group := func(g int) string {
		if g < 0 {
			return "-"
		}
		s := p.Groups[g].Span
		return strings.Join(p.Words[s.Start:s.End], " ")
	}
	for _, pr := range p.Predicates {
		vg := p.VGs[pr.VG]
		b.WriteString("\n  " + strings.Join(p.Words[vg.Start:vg.End], " "))
		if vg.Passive {
			b.WriteString(" (passive)")
		}
		b.WriteString(" subj=" + group(pr.Subject) + " (" + string(pr.How) + ") obj=" + group(pr.Object))
		for _, o := range pr.Obliques {
			b.WriteString(" " + o.Prep + ":" + group(o.Group))
		}
	}
	return b.String()
}
