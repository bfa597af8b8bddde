package syntax

import (
	"errors"
	"fmt"
	"slices"
)

// TaggedSentence is a tokenized sentence with one gold tag per word, the
// input of [TrainTagger].
type TaggedSentence struct {
	Words []string
	Tags  []string
}

// TrainOptions sets up [TrainTagger]. Zero fields take the defaults
// given.
type TrainOptions struct {
	// Iterations is the number of passes over the sentences (8).
	Iterations int
	// Seed seeds the shuffle of the sentences before each pass.
	Seed uint64
	// Scale multiplies the averaged weights before they are rounded to
	// integers (64).
	Scale int
	// MinWeight drops scaled weights of a smaller magnitude (1).
	MinWeight int
	// DictMinCount and DictMinPercent select the dictionary words, whose
	// tag is fixed: a word seen at least DictMinCount times (20), at least
	// DictMinPercent percent of them with one tag (97).
	DictMinCount   int
	DictMinPercent int
	// Passes is the number of tagging passes (1). With 2 the second
	// pass also sees the first pass's tags of the next two words: on the
	// held-out tenth 0.9649 against 0.9642 with one pass, at half the
	// speed, so the embedded model uses one (MODEL.md). A second pass's
	// training data gets the first pass's tags by jackknifing: the
	// sentences are cut into Folds blocks (4), and each block is tagged by
	// a first pass trained on the others.
	Passes int
	Folds  int
	// Progress, if not nil, is called after each iteration over the
	// sentences with the pass being trained (1 or 2), the iteration, the
	// number of words tagged right during the iteration and the number of
	// words. The first pass trained for jackknifing does not report.
	Progress func(pass, iteration, correct, total int)
}

func (o *TrainOptions) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Iterations, 8)
	def(&o.Scale, 64)
	def(&o.MinWeight, 1)
	def(&o.DictMinCount, 20)
	def(&o.DictMinPercent, 97)
	def(&o.Passes, 1)
	def(&o.Folds, 4)
}

// trainWeight is a weight under training with what averaging needs: the
// sum of its values over all steps up to ts.
type trainWeight struct {
	tag   byte
	w     int32
	total int64
	ts    int64
}

// perceptron is an averaged perceptron under training.
type perceptron struct {
	index   map[uint32]int32 // feature key → index in weights
	keys    []uint32         // feature keys by index
	weights [][]trainWeight  // by index, in tag order
	now     int64            // number of training steps so far
}

func (p *perceptron) predict(f []uint32, scores []int64) byte {
	clear(scores)
	for _, k := range f {
		if i, ok := p.index[k]; ok {
			for _, w := range p.weights[i] {
				scores[w.tag] += int64(w.w)
			}
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

func (p *perceptron) update(f []uint32, truth, guess byte) {
	for _, k := range f {
		i, ok := p.index[k]
		if !ok {
			i = int32(len(p.keys))
			p.index[k] = i
			p.keys = append(p.keys, k)
			p.weights = append(p.weights, nil)
		}
		p.add(i, truth, 1)
		p.add(i, guess, -1)
	}
}

func (p *perceptron) add(i int32, tag byte, d int32) {
	ws := p.weights[i]
	j, found := slices.BinarySearchFunc(ws, tag, func(w trainWeight, t byte) int { return int(w.tag) - int(t) })
	if !found {
		ws = slices.Insert(ws, j, trainWeight{tag: tag, ts: p.now})
		p.weights[i] = ws
	}
	w := &ws[j]
	w.total += (p.now - w.ts) * int64(w.w)
	w.ts = p.now
	w.w += d
}

// average returns the averaged weights, scaled and rounded, without those
// below minWeight, in the model's form.
func (p *perceptron) average(scale, minWeight int) (pw passWeights, err error) {
	order := make([]int32, len(p.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmpUint32(p.keys[a], p.keys[b]) })
	n := max(p.now, 1)
	for _, i := range order {
		var ws []weight
		for _, w := range p.weights[i] {
			total := w.total + (p.now-w.ts)*int64(w.w)
			q := roundDiv(total*int64(scale), n)
			if q >= int64(minWeight) || q <= -int64(minWeight) {
				if q > maxWeight || q < -maxWeight {
					return pw, fmt.Errorf("syntax: weight %d too large for the model; lower Scale", q)
				}
				ws = append(ws, weight{w.tag, int32(q)})
			}
		}
		if len(ws) > 0 {
			pw.keys = append(pw.keys, p.keys[i])
			pw.feats = append(pw.feats, ws)
		}
	}
	return pw, nil
}

func cmpUint32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// roundDiv divides a by b > 0, rounding half away from zero.
func roundDiv(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// splitMix is the SplitMix64 generator: small, and the same sequence on
// every platform and Go version.
type splitMix uint64

func (s *splitMix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	return mix64(uint64(*s))
}

// TrainTagger trains an averaged perceptron on the sentences and returns
// the model file, for [NewTagger]. The result depends only on the
// sentences, their order and opt: training twice gives the same bytes.
//
// It is used by the model's trainer (internal/train, run by go generate)
// and by tests; programs that tag use [DefaultTagger].
func TrainTagger(sents []TaggedSentence, opt TrainOptions) ([]byte, error) {
	opt.defaults()
	// The tag set, in byte order.
	var tagNames []string
	seen := map[string]bool{}
	for si, s := range sents {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("syntax: sentence %d has %d words but %d tags", si, len(s.Words), len(s.Tags))
		}
		for _, t := range s.Tags {
			if t == "" {
				return nil, fmt.Errorf("syntax: sentence %d has an empty tag", si)
			}
			if !seen[t] {
				seen[t] = true
				tagNames = append(tagNames, t)
			}
		}
	}
	if len(tagNames) == 0 {
		return nil, errors.New("syntax: no training data")
	}
	if len(tagNames) > maxTags {
		return nil, fmt.Errorf("syntax: %d tags, at most %d", len(tagNames), maxTags)
	}
	slices.Sort(tagNames)
	tagID := make(map[string]byte, len(tagNames))
	for i, t := range tagNames {
		tagID[t] = byte(i)
	}

	// Gold tag ids, and the dictionary.
	gold := make([][]byte, len(sents))
	counts := map[string][]int{}
	for si, s := range sents {
		gold[si] = make([]byte, len(s.Tags))
		quotes := 0
		for i, t := range s.Tags {
			id := tagID[t]
			gold[si][i] = id
			w := canonical(s.Words[i], &quotes)
			c := counts[w]
			if c == nil {
				c = make([]int, len(tagNames))
				counts[w] = c
			}
			c[id]++
		}
	}
	var vocab []uint32
	for w := range counts {
		if casing(w) == caseLower {
			vocab = append(vocab, wordKey(normHash(w)))
		}
	}
	slices.Sort(vocab)
	vocab = slices.Compact(vocab)
	vocabSet := newWordSet(vocab)
	dict := map[string]byte{}
	for w, c := range counts {
		total, best := 0, 0
		for id, n := range c {
			total += n
			if n > c[best] {
				best = id
			}
		}
		if total >= opt.DictMinCount && c[best]*100 >= opt.DictMinPercent*total {
			dict[w] = byte(best)
		}
	}

	if opt.Passes > maxPasses {
		return nil, fmt.Errorf("syntax: %d passes, at most %d", opt.Passes, maxPasses)
	}
	tr := &trainer{opt: opt, sents: sents, gold: gold, dict: dict, vocab: vocabSet, nTags: len(tagNames)}
	m := &taggerModelData{tags: tagNames, dict: dict, vocab: vocab}
	all := make([]int, len(sents))
	for i := range all {
		all[i] = i
	}
	first, err := tr.train(all, nil, 0, 1)
	if err != nil {
		return nil, err
	}
	m.passes = append(m.passes, first)
	if opt.Passes == 1 {
		return m.encode(), nil
	}

	// The first pass's tags of each sentence, from a first pass trained
	// without the sentence's block.
	ahead := make([][]byte, len(sents))
	folds := min(opt.Folds, len(sents))
	for k := range folds {
		lo, hi := k*len(sents)/folds, (k+1)*len(sents)/folds
		others := append(append([]int(nil), all[:lo]...), all[hi:]...)
		if len(others) == 0 {
			others = all
		}
		pw, err := tr.train(others, nil, uint64(2+k), 0)
		if err != nil {
			return nil, err
		}
		fold := &taggerModelData{tags: tagNames, dict: dict, vocab: vocab, passes: []passWeights{pw}}
		t, err := NewTagger(fold.encode())
		if err != nil {
			return nil, err
		}
		var buf []string
		for si := lo; si < hi; si++ {
			buf = t.TagInto(buf, sents[si].Words)
			ahead[si] = make([]byte, len(buf))
			for i, tag := range buf {
				ahead[si][i] = t.tagID[tag]
			}
		}
	}
	second, err := tr.train(all, ahead, 1, 2)
	if err != nil {
		return nil, err
	}
	m.passes = append(m.passes, second)
	return m.encode(), nil
}

// trainer holds what training the passes needs.
type trainer struct {
	opt   TrainOptions
	sents []TaggedSentence
	gold  [][]byte // gold tag ids by sentence
	dict  map[string]byte
	vocab *wordSet
	nTags int
}

// train trains a pass on the sentences idx and returns its averaged
// weights. ahead, for the second pass, holds the first pass's tags of
// every sentence; stream selects the random shuffles (the seed is
// opt.Seed+stream); report is the pass number given to opt.Progress, 0
// for none.
func (tr *trainer) train(idx []int, ahead [][]byte, stream uint64, report int) (passWeights, error) {
	p := &perceptron{index: map[uint32]int32{}}
	order := slices.Clone(idx)
	rng := splitMix(tr.opt.Seed + stream)
	scores := make([]int64, tr.nTags)
	var (
		w window
		f [maxFeatures]uint32
		a [2]int
	)
	for iter := 1; iter <= tr.opt.Iterations; iter++ {
		for i := len(order) - 1; i > 0; i-- {
			j := int(rng.next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		correct, total := 0, 0
		for _, si := range order {
			words := tr.sents[si].Words
			if len(words) == 0 {
				continue
			}
			w.reset(words, tr.vocab)
			prev, prev2 := startTag, startTag2
			for i := range words {
				truth := tr.gold[si][i]
				guess, ok := tr.dict[w.at(i).word]
				if !ok {
					var ap *[2]int
					if ahead != nil {
						a = [2]int{endTag, endTag2}
						for k := range 2 {
							if i+1+k < len(words) {
								a[k] = int(ahead[si][i+1+k])
							}
						}
						ap = &a
					}
					fs := w.features(&f, i, prev, prev2, ap)
					guess = p.predict(fs, scores)
					p.now++
					if guess != truth {
						p.update(fs, truth, guess)
					}
				}
				if guess == truth {
					correct++
				}
				total++
				prev, prev2 = int(guess), prev
				w.push()
			}
		}
		if tr.opt.Progress != nil && report > 0 {
			tr.opt.Progress(report, iter, correct, total)
		}
	}
	return p.average(tr.opt.Scale, tr.opt.MinWeight)
}
