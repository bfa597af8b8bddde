package syntax

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger's features are hashed to 32-bit keys, in training and at run
// time alike, so that the model stores no feature strings and tagging
// builds none. Every word of the sentence is hashed once (tokInfo) and the
// features combine those hashes with the two previous tags.

// Numbers of features of one word (see features): numFeatures in the
// first pass, numFeatures+numAhead in the second, which also sees the
// first pass's tags of the next two words.
const (
	numFeatures = 25
	numAhead    = 6
	maxFeatures = numFeatures + numAhead
)

// Feature templates. The values are part of the model: changing them (or
// what a template hashes) needs a retrained model.
const (
	fBias = iota + 1
	fSuffix
	fSuffix2
	fPrefix
	fPrevTag
	fPrevTag2
	fPrevTags
	fWord
	fPrevTagWord
	fPrevWord
	fPrevSuffix
	fPrevWord2
	fNextWord
	fNextSuffix
	fNextWord2
	fShape
	fFirstShape
	fPrevTagShape
	fCasing
	fSuffix4
	fPrefix3
	fWordNext
	fPrevWordWord
	fPrevTagNextWord
	fLastPart
	fNextTag
	fNextTag2
	fNextTags
	fPrevNextTag
	fWordNextTag
	fSuffixNextTag
)

// Tag ids of the positions before and after the sentence, in the
// previous- and next-tag features. Real tag ids are below maxTags.
const (
	startTag  = 1000
	startTag2 = 1001
	endTag    = 1002
	endTag2   = 1003
)

// tokInfo holds the hashes of one word that features combine.
type tokInfo struct {
	word  string // canonical form, see canonical
	norm  uint64 // normalized lower-case form, see setWord
	suf3  uint64 // last three characters, lower case
	suf2  uint64 // last two characters, lower case
	suf4  uint64
	pre3  uint64
	last  uint64 // the part after the last hyphen, lower case
	pre1  uint64 // first character, case kept
	shape uint64 // character classes, see shapeHash
	// casing tells how the word is capitalized and whether the
	// lower-case vocabulary has it, see casing.
	casing uint64
}

// Hashes of the pseudo-words before and after the sentence.
var (
	startInfo = [2]tokInfo{pseudoInfo("-START2-"), pseudoInfo("-START-")}
	endInfo   = [2]tokInfo{pseudoInfo("-END-"), pseudoInfo("-END2-")}
	hYear     = strHash("!YEAR")
	hDigits   = strHash("!DIGITS")
)

func pseudoInfo(s string) tokInfo {
	h := strHash(s)
	return tokInfo{norm: h, suf3: h, suf2: h, suf4: h, pre3: h, last: h, pre1: h, shape: h}
}

// canonical returns the form of word that the model knows, spelled as in
// Penn Treebank: brackets as -LRB- and -RRB-, dashes as --, and double
// quotes as two backquotes (opening) or two apostrophes (closing). A
// straight double quote opens when an even number of double quotes
// precede it in the sentence; *quotes counts them.
func canonical(word string, quotes *int) string {
	switch word {
	case `"`, "``", "''":
		*quotes++
		if word != `"` {
			return word
		}
		if *quotes%2 == 1 {
			return "``"
		}
		return "''"
	case "\u201c", "\u201e": // “ „
		*quotes++
		return "``"
	case "\u201d": // ”
		*quotes++
		return "''"
	case "\u2018": // ‘
		return "`"
	case "\u2019": // ’
		return "'"
	case "(", "[":
		return "-LRB-"
	case ")", "]":
		return "-RRB-"
	case "{":
		return "-LCB-"
	case "}":
		return "-RCB-"
	case "-", "\u2013", "\u2014", "\u2015": // - – — ―
		return "--"
	case "\u2026": // …
		return "..."
	}
	return word
}

// FNV-1a over runes, then a final mix.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the finalizer of SplitMix64: a bijection that spreads every
// input bit over the output.
func mix64(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func strHash(s string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range s {
		h = (h ^ uint64(r)) * fnvPrime
	}
	return mix64(h)
}

// lowerRune lower-cases r and folds typographic apostrophes to '.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	switch r {
	case '\u2019', '\u2018', '\u02bc':
		return '\''
	}
	return unicode.ToLower(r)
}

// lowerHash hashes the lower-cased s.
func lowerHash(s string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range s {
		h = (h ^ uint64(lowerRune(r))) * fnvPrime
	}
	return mix64(h)
}

// firstRunes returns the byte offset in s where its rune n starts (or
// len(s)).
func firstRunes(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// lastRunes returns the byte offset in s where its last n runes start.
func lastRunes(s string, n int) int {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		i--
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
	}
	return i
}

// shapeHash hashes the character classes of s: X for an upper-case
// letter, x for a lower-case one, d for a digit, other characters as they
// are, with runs of one class cut to two ("Iran" Xxx, "U.S." X.X., "1,000"
// d,dd, "S-400" X-dd).
func shapeHash(s string) uint64 {
	h := uint64(fnvOffset)
	var last rune = -1
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case 'a' <= r && r <= 'z':
			c = 'x'
		case 'A' <= r && r <= 'Z':
			c = 'X'
		case '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = r
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = lowerRune(r)
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return mix64(h)
}

// setWord fills t for the canonical word w, given the vocabulary of
// lower-case words.
func (t *tokInfo) setWord(w string, vocab *wordSet) {
	t.word = w
	t.norm = normHash(w)
	t.suf3 = lowerHash(w[lastRunes(w, 3):])
	t.suf2 = lowerHash(w[lastRunes(w, 2):])
	t.suf4 = lowerHash(w[lastRunes(w, 4):])
	t.pre3 = lowerHash(w[:firstRunes(w, 3)])
	t.last = t.norm
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		t.last = normHash(w[i+1:])
	}
	r, _ := utf8.DecodeRuneInString(w)
	t.pre1 = mix64(uint64(r) + 1)
	t.shape = shapeHash(w)
	t.casing = casing(w)
	if (t.casing == caseTitle || t.casing == caseUpper) && vocab.has(wordKey(t.norm)) {
		t.casing |= caseKnown
	}
}

// Capitalization classes of a word, see casing.
const (
	caseNone  = iota // no letter
	caseLower        // starts with a lower-case letter
	caseTitle        // starts with an upper-case letter, not all upper case
	caseUpper        // two letters or more, all upper case ("U.S.", "NATO")
	caseKnown = 4    // added when the vocabulary has the word in lower case
)

// casing returns the capitalization class of w.
func casing(w string) uint64 {
	letters, upper := 0, 0
	firstUpper, firstLetter := false, true
	for _, r := range w {
		isUpper, isLetter := false, false
		switch {
		case 'a' <= r && r <= 'z':
			isLetter = true
		case 'A' <= r && r <= 'Z':
			isLetter, isUpper = true, true
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			isLetter, isUpper = true, unicode.IsUpper(r)
		}
		if !isLetter {
			continue
		}
		if firstLetter {
			firstUpper, firstLetter = isUpper, false
		}
		letters++
		if isUpper {
			upper++
		}
	}
	switch {
	case letters == 0:
		return caseNone
	case !firstUpper:
		return caseLower
	case letters >= 2 && upper == letters:
		return caseUpper
	}
	return caseTitle
}

// wordKey is the key of a word's normalized hash in a wordSet, never 0.
func wordKey(norm uint64) uint32 {
	k := uint32(norm) ^ uint32(norm>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// wordSet is a set of word keys: open addressing, 0 marks an empty slot.
type wordSet struct {
	slots []uint32
	mask  uint32
}

func newWordSet(keys []uint32) *wordSet {
	size := 1 << bits.Len(uint(2*len(keys)))
	s := &wordSet{slots: make([]uint32, size), mask: uint32(size - 1)}
	for _, k := range keys {
		i := k & s.mask
		for s.slots[i] != 0 && s.slots[i] != k {
			i = (i + 1) & s.mask
		}
		s.slots[i] = k
	}
	return s
}

func (s *wordSet) has(k uint32) bool {
	for i := k & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// normHash hashes the normalized form of w: !YEAR for four digits,
// !DIGITS for other words that start with a digit, else w in lower case.
func normHash(w string) uint64 {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return lowerHash(w)
	}
	if len(w) == 4 {
		year := true
		for i := 1; i < 4; i++ {
			year = year && '0' <= w[i] && w[i] <= '9'
		}
		if year {
			return hYear
		}
	}
	return hDigits
}

// fhash combines a template with up to two hashes into a feature key,
// never 0 (the empty slot of the weight table).
func fhash(tmpl, a, b uint64) uint32 {
	h := mix64(tmpl*0x9e3779b97f4a7c15 ^ a)
	h = mix64(h ^ b)
	k := uint32(h) ^ uint32(h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// window slides over a sentence and keeps the hashes of the words from
// two before to two after the current one.
type window struct {
	vocab  *wordSet
	words  []string
	ring   [5]tokInfo
	next   int // next position to hash
	quotes int // double quotes up to next
}

func (w *window) reset(words []string, vocab *wordSet) {
	w.words, w.vocab, w.next, w.quotes = words, vocab, -2, 0
	for w.next < 3 {
		w.push()
	}
}

// push hashes position w.next into the slot of w.next-5.
func (w *window) push() {
	p := w.next
	slot := &w.ring[(p+5)%5]
	switch {
	case p < 0:
		*slot = startInfo[p+2]
	case p >= len(w.words):
		*slot = endInfo[min(p-len(w.words), 1)]
	default:
		slot.setWord(canonical(w.words[p], &w.quotes), w.vocab)
	}
	w.next++
}

// at returns the hashes of position p, within two of the current one.
func (w *window) at(p int) *tokInfo { return &w.ring[(p+5)%5] }

// features computes the features of position i, given the previous two
// tags and, in the second pass, the first pass's tags of the next two
// positions (ahead, nil in the first pass), and returns them. The window
// must be at i: reset for i = 0, then one push after each position.
func (w *window) features(f *[maxFeatures]uint32, i, prev, prev2 int, ahead *[2]int) []uint32 {
	c, m1, m2, p1, p2 := w.at(i), w.at(i-1), w.at(i-2), w.at(i+1), w.at(i+2)
	pt, pt2 := uint64(prev)+1, uint64(prev2)+1
	first := uint64(1)
	if i == 0 {
		first = 2
	}
	f[0] = fhash(fBias, 0, 0)
	f[1] = fhash(fSuffix, c.suf3, 0)
	f[2] = fhash(fSuffix2, c.suf2, 0)
	f[3] = fhash(fPrefix, c.pre1, 0)
	f[4] = fhash(fPrevTag, pt, 0)
	f[5] = fhash(fPrevTag2, pt2, 0)
	f[6] = fhash(fPrevTags, pt, pt2)
	f[7] = fhash(fWord, c.norm, 0)
	f[8] = fhash(fPrevTagWord, pt, c.norm)
	f[9] = fhash(fPrevWord, m1.norm, 0)
	f[10] = fhash(fPrevSuffix, m1.suf3, 0)
	f[11] = fhash(fPrevWord2, m2.norm, 0)
	f[12] = fhash(fNextWord, p1.norm, 0)
	f[13] = fhash(fNextSuffix, p1.suf3, 0)
	f[14] = fhash(fNextWord2, p2.norm, 0)
	f[15] = fhash(fShape, c.shape, 0)
	f[16] = fhash(fFirstShape, c.shape, first)
	f[17] = fhash(fPrevTagShape, pt, c.shape)
	f[18] = fhash(fCasing, c.casing, first)
	f[19] = fhash(fSuffix4, c.suf4, 0)
	f[20] = fhash(fPrefix3, c.pre3, 0)
	f[21] = fhash(fWordNext, c.norm, p1.norm)
	f[22] = fhash(fPrevWordWord, m1.norm, c.norm)
	f[23] = fhash(fPrevTagNextWord, pt, p1.norm)
	f[24] = fhash(fLastPart, c.last, 0)
	if ahead == nil {
		return f[:numFeatures]
	}
	n1, n2 := uint64(ahead[0])+1, uint64(ahead[1])+1
	f[25] = fhash(fNextTag, n1, 0)
	f[26] = fhash(fNextTag2, n2, 0)
	f[27] = fhash(fNextTags, n1, n2)
	f[28] = fhash(fPrevNextTag, pt, n1)
	f[29] = fhash(fWordNextTag, c.norm, n1)
	f[30] = fhash(fSuffixNextTag, c.suf3, n1)
	return f[:maxFeatures]
}
