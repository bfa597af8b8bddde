package syntax

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/bits"
	"slices"
)

// The model file (model/tagger.bin, written by TrainTagger) is, with
// uvarint and varint as in encoding/binary:
//
//	magic "dgpos\x00\x00\x01" (the last byte is the format version)
//	uvarint number of tags, then each tag: uvarint length, bytes
//	uvarint number of dictionary words, then each in byte order:
//	    uvarint length, bytes, tag id byte
//	uvarint number of vocabulary keys, then each in increasing order:
//	    uvarint key minus the previous key (the first: minus 0)
//	uvarint number of passes (1 or 2), then for each pass:
//	    uvarint number of features, uvarint number of weights, then
//	    each feature in increasing key order:
//	        uvarint key minus the previous key (the first: minus 0)
//	        uvarint number of weights, then each in increasing tag id
//	        order: tag id byte, varint weight
//	CRC-32 (IEEE) of all the above, 4 bytes little-endian
//
// Weights are the averaged perceptron weights times a fixed scale,
// rounded to integers; only their order matters, so the scale is not
// stored.

const taggerMagic = "dgpos\x00\x00\x02"

// maxTags bounds the number of tags: ids are bytes.
const maxTags = 256

// maxPasses bounds the number of passes.
const maxPasses = 2

// maxEntries bounds the total number of weights: a slot holds a 24-bit
// start.
const maxEntries = 1 << 24

// maxWeight bounds a weight's magnitude: an entry holds it in 24 bits.
const maxWeight = 1<<23 - 1

// taggerModelData is the decoded content of a model file.
type taggerModelData struct {
	tags   []string
	dict   map[string]byte
	vocab  []uint32 // increasing
	passes []passWeights
}

// passWeights are the weights of one pass.
type passWeights struct {
	keys  []uint32   // increasing
	feats [][]weight // by key
}

// weight is one tag's weight for a feature.
type weight struct {
	tag byte
	w   int32
}

// encode writes the model file.
func (m *taggerModelData) encode() []byte {
	b := []byte(taggerMagic)
	b = binary.AppendUvarint(b, uint64(len(m.tags)))
	for _, t := range m.tags {
		b = appendString(b, t)
	}
	words := make([]string, 0, len(m.dict))
	for w := range m.dict {
		words = append(words, w)
	}
	slices.Sort(words)
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = appendString(b, w)
		b = append(b, m.dict[w])
	}
	b = appendKeys(b, m.vocab)
	b = binary.AppendUvarint(b, uint64(len(m.passes)))
	for _, p := range m.passes {
		b = binary.AppendUvarint(b, uint64(len(p.keys)))
		nw := 0
		for _, ws := range p.feats {
			nw += len(ws)
		}
		b = binary.AppendUvarint(b, uint64(nw))
		var last uint32
		for i, k := range p.keys {
			b = binary.AppendUvarint(b, uint64(k-last))
			last = k
			b = binary.AppendUvarint(b, uint64(len(p.feats[i])))
			for _, w := range p.feats[i] {
				b = append(b, w.tag)
				b = binary.AppendVarint(b, int64(w.w))
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// appendKeys appends increasing keys, delta-coded.
func appendKeys(b []byte, keys []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(keys)))
	var last uint32
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k-last))
		last = k
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// modelReader decodes a model file, remembering the first error.
type modelReader struct {
	b   []byte
	err error
}

func (r *modelReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
	r.b = nil
}

func (r *modelReader) uvarint(max uint64, what string) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > max {
		r.fail("bad %s", what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// key reads a key coded as its difference to the previous key last.
func (r *modelReader) key(last uint32, what string) uint32 {
	d := r.uvarint(1<<32-1, what)
	if r.err == nil && (d == 0 || uint64(last)+d > 1<<32-1) {
		r.fail("%ss out of order", what)
	}
	return last + uint32(d)
}

func (r *modelReader) varint(what string) int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("bad %s", what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *modelReader) byte(what string) byte {
	if len(r.b) == 0 {
		r.fail("truncated %s", what)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *modelReader) string(what string) string {
	n := r.uvarint(uint64(len(r.b)), what)
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// NewTagger loads a tagger from a model file as written by [TrainTagger].
func NewTagger(model []byte) (*Tagger, error) {
	if len(model) < len(taggerMagic)+4 || string(model[:len(taggerMagic)]) != taggerMagic {
		return nil, errors.New("syntax: not a tagger model (or an unknown version)")
	}
	body := model[:len(model)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(model[len(body):]) {
		return nil, errors.New("syntax: tagger model checksum mismatch")
	}
	r := &modelReader{b: body[len(taggerMagic):]}
	t := &Tagger{}
	nTags := int(r.uvarint(maxTags, "tag count"))
	t.tags = make([]string, 0, nTags)
	for range nTags {
		t.tags = append(t.tags, r.string("tag"))
	}
	nDict := int(r.uvarint(uint64(len(r.b)), "dictionary size"))
	t.dict = make(map[string]byte, nDict)
	for range nDict {
		w := r.string("dictionary word")
		if c := r.byte("dictionary tag"); int(c) < nTags {
			t.dict[w] = c
		} else {
			r.fail("dictionary tag %d out of range", c)
		}
	}
	nVocab := int(r.uvarint(uint64(len(r.b)), "vocabulary size"))
	vocab := make([]uint32, 0, nVocab)
	var key uint32
	for range nVocab {
		key = r.key(key, "vocabulary key")
		vocab = append(vocab, key)
	}
	t.vocab = newWordSet(vocab)
	nPass := int(r.uvarint(maxPasses, "pass count"))
	for range nPass {
		t.passes = append(t.passes, r.weights(nTags))
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d trailing bytes", len(r.b))
	}
	if r.err != nil {
		return nil, fmt.Errorf("syntax: tagger model: %w", r.err)
	}
	if nTags == 0 || nPass == 0 {
		return nil, errors.New("syntax: tagger model has no tags or no weights")
	}
	t.tagID = make(map[string]byte, nTags)
	for i, tag := range t.tags {
		t.tagID[tag] = byte(i)
	}
	return t, nil
}

// weights reads the weights of one pass.
func (r *modelReader) weights(nTags int) weightTable {
	nFeat := int(r.uvarint(uint64(len(r.b)), "feature count"))
	size := 1 << bits.Len(uint(2*nFeat))
	if r.err != nil {
		size = 1
	}
	wt := weightTable{slots: make([]uint64, size), mask: uint32(size - 1)}
	// A weight takes at least two bytes.
	nw := int(r.uvarint(min(uint64(len(r.b)/2), maxEntries), "weight count"))
	wt.entries = make([]int32, 0, nw)
	var key uint32
	for range nFeat {
		key = r.key(key, "feature key")
		n := int(r.uvarint(uint64(nTags), "weight count"))
		start := len(wt.entries)
		for range n {
			c := r.byte("weight tag")
			w := r.varint("weight")
			if int(c) >= nTags || w > maxWeight || w < -maxWeight {
				r.fail("weight out of range")
			}
			wt.entries = append(wt.entries, int32(w)<<8|int32(c))
		}
		if len(wt.entries) > nw {
			r.fail("more weights than announced")
		}
		if r.err != nil {
			break
		}
		j := key & wt.mask
		for wt.slots[j] != 0 {
			j = (j + 1) & wt.mask
		}
		wt.slots[j] = uint64(key)<<32 | uint64(start)<<8 | uint64(n)
	}
	if r.err == nil && len(wt.entries) != nw {
		r.fail("fewer weights than announced")
	}
	return wt
}
