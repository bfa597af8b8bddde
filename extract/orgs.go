package extract

import (
	"strings"

	"github.com/diplograph/diplograph/slug"
)

// Named organizations without a guideline code ("ORG:<name>", guideline
// section 1): a run of capitalized words, possibly joined by "of", "for",
// "on", "the" or "and", whose head marks a non-state organization: rights
// groups ("Human Rights Watch", "Amnesty International"), movements,
// fronts and brigades, alliances and commissions ("Alliance of
// Democracies", "Commission on the Limits of the Continental Shelf"),
// international courts. Runs that touch a lexicon actor are left alone:
// "the Iraqi army" is the state, the "European Council" the EU. The heads
// are @org_head of data/words.txt, the words that do not start a name
// @org_not_first, the joining words @org_join.

// orgActors adds the named organizations of the current sentence.
func (d *doc) orgActors() {
	n := len(d.toks)
	for i := 0; i < n; i++ {
		if !d.orgWord(i) || words.orgNotFirst[d.toks[i].w] {
			continue
		}
		if i > 0 && (d.at[i-1] >= 0 || d.toks[i-1].w == "'s" || d.toks[i-1].up && d.toks[i-1].w != "the") {
			continue // owned by a state or inside a longer name
		}
		j := i + 1
		last := i
		for j < n {
			if d.orgWord(j) {
				last = j
				j++
				continue
			}
			if words.orgJoin[d.toks[j].w] && j+1 < n && (d.orgWord(j+1) || d.toks[j+1].w == "the" && j+2 < n && d.orgWord(j+2)) {
				j++
				continue
			}
			break
		}
		end := last + 1
		if end-i < 2 || end < n && d.at[end] >= 0 || end < n && d.toks[end].w == "'s" && end+1 < n && d.toks[end+1].up {
			i = last
			continue
		}
		head := false
		if words.orgHead[d.toks[last].w] && last > i {
			head = true
		}
		if w := d.toks[i].w; words.orgHead[w] && w != "international" && i+1 < end && (d.toks[i+1].w == "of" || d.toks[i+1].w == "on" || d.toks[i+1].w == "for") {
			head = true // "Alliance of Democracies"
		}
		if d.toks[last].w == "court" && !strings.Contains(strings.ToLower(d.spanText(i, end)), "international") {
			head = false // a domestic court
		}
		if !head {
			i = last
			continue
		}
		name := d.spanText(i, end)
		code := "ORG:" + name
		id := "o:" + slug.Make(name)
		if d.ents[id] == nil {
			d.entity(id, KindOrganization, name)
		}
		d.mention(id, d.toks[i].s, d.toks[end-1].e)
		d.addActor(actor{t0: i, t1: end, code: code, ent: id})
		i = last
	}
}

// orgWord reports whether token i can be part of an organization name: a
// capitalized word that is no actor.
func (d *doc) orgWord(i int) bool {
	t := d.toks[i]
	if !t.up || d.at[i] >= 0 || len(t.raw) < 2 {
		return false
	}
	for _, c := range t.raw {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}
