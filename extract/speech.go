package extract

import (
	"strings"

	"github.com/diplograph/diplograph/relation"
)

// The speech words of data/evaluations.txt: speechVerbs introduce reported
// speech (their subject is the speaker); speechGap lists words that may
// stand between a speaker and the speech verb ("Iran also said", "Kenya
// has repeatedly said"); accusingVerbs introduce speech for evaluations
// only ("X warned that Y is dangerous").
var (
	speechVerbs   = evalWords.class("speech")
	speechGap     = evalWords.class("speech-gap")
	accusingVerbs = evalWords.class("accusing")
)

// speaker returns the actors who speak in the current sentence: the
// subject of a speech verb ("Iran said", "..., the ministry said", "said
// Iran's envoy") or the actor after "according to".
func (d *doc) speaker() group {
	return d.speakerOf(speechVerbs)
}

// speakerOf is speaker with the speech verbs of vs.
func (d *doc) speakerOf(vs *wordSet) group {
	n := len(d.toks)
	for v := 0; v < n; v++ {
		w := d.toks[v].w
		if w == "according" && v+1 < n && d.toks[v+1].w == "to" {
			if g := d.actorAt(v + 2); len(g) > 0 {
				return g
			}
			continue
		}
		if !vs.has(w) || d.at[v] >= 0 {
			continue
		}
		// inverted: `..." said Iran's envoy`, `, said the ministry`
		appos := v > 1 && d.toks[v-1].w == "," && d.at[v-2] >= 0 && d.actors[d.at[v-2]].person
		if v > 0 && (d.toks[v-1].w == "\"" || d.toks[v-1].w == ",") && !appos {
			if g := d.actorAt(v + 1); len(g) > 0 {
				return g
			}
		}
		// "Iran said", "Kenya has repeatedly said"
		j := v - 1
		if appos {
			j-- // "X's envoy, Munir Akram, said"
		}
		for j >= 0 && j >= v-4 && d.at[j] < 0 && (speechGap.has(d.toks[j].w) || strings.HasSuffix(d.toks[j].w, "ly")) {
			j--
		}
		if j < 0 || d.at[j] < 0 {
			continue
		}
		ai := d.at[j]
		a := d.actors[ai]
		if a.code == "" || a.place || a.adj || d.prepBefore(a.t0) {
			continue
		}
		return d.extendLeft(group{ai}, a.t0)
	}
	return nil
}

// actorAt returns the usable actor starting at token t (after "the"),
// with its coordinated actors, or nil.
func (d *doc) actorAt(t int) group {
	if t < len(d.toks) && d.toks[t].w == "the" {
		t++
	}
	if t >= len(d.toks) || d.at[t] < 0 {
		return nil
	}
	ai := d.at[t]
	a := d.actors[ai]
	if a.code == "" || a.place || a.adj || a.t0 != t {
		return nil
	}
	return d.extendRight(group{ai}, a.t1, false)
}

// speakerCode returns the one code of a speaker group, or "".
func (d *doc) speakerCode(sp group) (int, bool) {
	if len(sp) == 0 {
		return -1, false
	}
	code := d.actors[sp[0]].code
	for _, ai := range sp[1:] {
		if d.actors[ai].code != code {
			return -1, false
		}
	}
	return sp[0], true
}

// quotePronouns resolves "we", "us" and "I" inside quotation marks to the
// speaker of the sentence: `"We urge Kabul to act," Pakistan said.`
func (d *doc) quotePronouns(sp group) {
	si, ok := d.speakerCode(sp)
	if !ok {
		return
	}
	s := d.actors[si]
	in := false
	for i, t := range d.toks {
		if t.w == "\"" {
			in = !in
			continue
		}
		if !in || d.at[i] >= 0 {
			continue
		}
		if t.w == "we" || t.raw == "us" || (t.raw == "I" && s.person) {
			d.addActor(actor{t0: i, t1: i + 1, code: s.code, ent: s.ent, person: s.person, pron: true})
		}
	}
}

var reportedRequest = &pattern{typ: relation.Requested, verb: true, words: [][]string{{"must"}},
	frames: []frame{{text: "speaker: O must/should/needs to"}}}

// reportedRequests finds requests in reported speech: the speaker says
// another actor must, should or needs to act ("Vietnam said China must
// withdraw its ships", `"Russia must end the war," Britain said`).
func (d *doc) reportedRequests(sp group) {
	if len(sp) == 0 {
		return
	}
	n := len(d.toks)
	for i := 1; i < n; i++ {
		w := d.toks[i].w
		t1 := i + 1
		switch w {
		case "must", "should":
		case "need", "needs", "ought":
			if t1 >= n || d.toks[t1].w != "to" {
				continue
			}
			t1++
		default:
			continue
		}
		if t1 < n && (d.toks[t1].w == "not" || d.toks[t1].w == "also" || d.toks[t1].w == "now") {
			t1++
		}
		if t1 >= n || d.toks[t1].w == "be" || d.toks[t1].w == "have" || d.toks[t1].w == "\"" || d.at[t1] >= 0 {
			continue
		}
		j := i - 1
		for j > 0 && d.at[j] < 0 && (strings.HasSuffix(d.toks[j].w, "ly") || d.toks[j].w == "also" || d.toks[j].w == "now") {
			j--
		}
		ai := d.at[j]
		if ai < 0 {
			continue
		}
		a := d.actors[ai]
		if a.code == "" || a.place || a.adj || a.pron || d.prepBefore(a.t0) {
			continue
		}
		tg := d.extendLeft(group{ai}, a.t0)
		var srcs group
		for _, si := range sp {
			if d.actors[si].t0 > a.t0 && d.actors[si].t0 < t1 {
				continue // the speaker is inside the obligation clause
			}
			srcs = append(srcs, si)
		}
		if len(srcs) == 0 {
			continue
		}
		d.emit(reportedRequest, reportedRequest.frames[0], i, t1, srcs, tg, nil, a.t1)
	}
}
