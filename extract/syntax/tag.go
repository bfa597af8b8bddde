package syntax

import (
	_ "embed"
	"sync"
)

//go:generate go run ./internal/train -out model/tagger.bin

// taggerModel is the trained model, see MODEL.md and
// internal/train.
//
//go:embed model/tagger.bin
var taggerModel []byte

// Tagger assigns Penn Treebank part-of-speech tags. It is a greedy
// averaged-perceptron tagger: it tags each word left to right from
// features of the word (its form, suffixes, prefixes, shape and
// capitalization), of the two words either side and of the two tags
// already assigned. A model trained with two passes (TrainOptions.Passes)
// reads the sentence again with the first pass's tags of the next two
// words as further features; the embedded model has one (MODEL.md).
// Frequent words that the training data always tags the same way take
// that tag from a dictionary.
//
// A Tagger is immutable and safe for concurrent use.
type Tagger struct {
	tags  []string        // tag names by id
	tagID map[string]byte // tag name → id
	dict  map[string]byte // word → tag id for frequent unambiguous words
	// vocab holds the words seen in lower case in the training data.
	vocab *wordSet
	// passes holds the weights of each pass: one or two.
	passes []weightTable
}

// weightTable is an open-addressing hash table from feature key to the
// feature's weights. A slot is key<<32 | start<<8 | count, where
// entries[start:start+count] are the weights, each weight<<8 | tag id; a
// zero key marks an empty slot.
type weightTable struct {
	slots   []uint64
	mask    uint32
	entries []int32
}

var (
	defaultTagger     *Tagger
	defaultTaggerOnce sync.Once
)

// DefaultTagger returns the tagger of the embedded model, loaded once; it
// is safe for concurrent use. It panics if the embedded model is corrupt,
// which the package's tests rule out.
func DefaultTagger() *Tagger {
	defaultTaggerOnce.Do(func() {
		t, err := NewTagger(taggerModel)
		if err != nil {
			panic("syntax: embedded tagger model: " + err.Error())
		}
		defaultTagger = t
	})
	return defaultTagger
}

// Tag returns one Penn Treebank tag per word, one of
//
//	NN NNS NNP NNPS VB VBD VBG VBN VBP VBZ MD IN TO DT PDT PRP PRP$
//	JJ JJR JJS RB RBR RBS RP CC CD EX FW UH LS SYM POS WDT WP WP$ WRB
//	$ # , . : `` '' -LRB- -RRB-
//
// words are the tokens of one sentence as they appear in the text, case
// kept. Brackets ( [ { are tagged -LRB- and ) ] } -RRB-. Double quotes
// are tagged as opening or closing ones, as above; a straight double
// quote opens when an even number of double quotes precede it in the
// sentence and closes otherwise. A lone dash (-, --, an en or em dash)
// is tagged ":". A possessive or contracted 's should be a token of its
// own ("Russia" "'s"), as in Penn Treebank; other contractions may be
// split the Penn Treebank way ("do" "n't") or kept whole ("don't" takes
// the tag of its first part, VBP, and "they're" PRP).
//
// The returned strings are shared constants; Tag allocates only the
// result slice.
func (t *Tagger) Tag(words []string) []string {
	return t.TagInto(make([]string, 0, len(words)), words)
}

// TagInto is [Tagger.Tag] with a buffer: it appends the tags to dst[:0]
// and returns the result, allocating only when dst is too short.
func (t *Tagger) TagInto(dst []string, words []string) []string {
	dst = dst[:0]
	if len(words) == 0 {
		return dst
	}
	var (
		w      window
		f      [maxFeatures]uint32
		scores [maxTags]int32
		ahead  [2]int
	)
	for pass := range t.passes {
		w.reset(words, t.vocab)
		prev, prev2 := startTag, startTag2
		for i := range words {
			tag, ok := t.dict[w.at(i).word]
			if !ok {
				var a *[2]int
				if pass > 0 {
					// dst holds the first pass's tags.
					ahead = [2]int{endTag, endTag2}
					for k := range 2 {
						if i+1+k < len(dst) {
							ahead[k] = int(t.tagID[dst[i+1+k]])
						}
					}
					a = &ahead
				}
				tag = t.passes[pass].predict(w.features(&f, i, prev, prev2, a), scores[:len(t.tags)])
			}
			if pass == 0 {
				dst = append(dst, t.tags[tag])
			} else {
				dst[i] = t.tags[tag]
			}
			prev, prev2 = int(tag), prev
			w.push()
		}
	}
	return dst
}

// predict returns the tag id with the highest score for the features f;
// ties go to the lower id. scores, one per tag, is scratch space.
func (wt *weightTable) predict(f []uint32, scores []int32) byte {
	clear(scores)
	for _, k := range f {
		i := k & wt.mask
		for {
			s := wt.slots[i]
			if key := uint32(s >> 32); key == k {
				start, cnt := uint32(s)>>8, uint32(s)&0xff
				for _, e := range wt.entries[start : start+cnt] {
					scores[e&0xff] += e >> 8
				}
				break
			} else if key == 0 {
				break
			}
			i = (i + 1) & wt.mask
		}
	}
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return byte(best)
}
