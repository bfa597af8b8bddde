package extract

import (
	"sort"

	"github.com/diplograph/diplograph/extract/syntax"
	"github.com/diplograph/diplograph/relation"
)

// This file holds article-level discourse memory kept apart from the
// per-sentence state: who did each act (for event anaphora, "condemned
// the launch"), and the host of talks held in a capital.

// memory is what the extractor remembers across the sentences of one
// article, apart from the per-sentence state: the persons met so far and
// those of the previous sentence (for "he", "the minister"), the previous
// sentence's subject (for "they", "backed the proposal"), who did each
// act (for "condemned the launch") and the states named unambiguously
// (for "Chad", "Korea").
type memory struct {
	persons    []*person
	pidx       personIndex      // finds persons without scanning them
	prevPers   []*person        // persons named in the previous sentence
	prevTitled []titledRef      // officials named by title only in the previous sentence
	prevSubj   []actor          // subject of the previous sentence (shadow copies)
	acts       map[string]actor // event kind -> the last actor that did it
	sure       map[string]bool  // codes the article names unambiguously
	// accusers holds, for each target, the first non-negated ACCUSED
	// relation of each source, in order (see noteAccuser)
	accusers map[string][]Relation
}

// rememberActs records, after a sentence is parsed, the agent of each act
// in it: the one actor subject of a verb of an event kind, or the owner
// of an event noun ("Russia's invasion", "the North Korean launch").
func (d *doc) rememberActs() {
	if d.parse == nil {
		return
	}
	if d.acts == nil {
		d.acts = map[string]actor{}
	}
	// acts in token order, so that the last one of a kind wins
	type act struct {
		at   int
		kind string
		who  actor
	}
	var acts []act
	for _, pr := range d.parse.Predicates {
		vg := d.parse.VGs[pr.VG]
		kind := words.eventVerb[d.toks[vg.Head].w]
		if kind == "" || pr.Subject < 0 {
			continue
		}
		passive := d.parse.PassiveVoice(pr.VG)
		var g group
		if passive {
			g = d.argActors(pr.Agent, false, false)
		} else {
			g = d.argActors(pr.Subject, false, false)
		}
		if g = d.expand(g); len(g) == 1 && d.actors[g[0]].code != "" {
			acts = append(acts, act{vg.Head, kind, d.actors[g[0]]})
		}
	}
	for _, np := range d.parse.NPs {
		kind := words.eventNoun[d.toks[np.Head].w]
		if kind == "" {
			continue
		}
		var owner *actor
		for k := np.Start; k < np.Head; k++ {
			if ai := d.at[k]; ai >= 0 && d.live(ai, false) && !d.actors[ai].pron {
				if owner != nil && owner.code != d.actors[ai].code {
					owner = nil
					break
				}
				a := d.actors[ai]
				owner = &a
			}
		}
		if owner != nil {
			acts = append(acts, act{np.Head, kind, *owner})
		}
	}
	sort.SliceStable(acts, func(i, j int) bool { return acts[i].at < acts[j].at })
	for _, a := range acts {
		d.acts[a.kind] = a.who
	}
}

// anaphoricAct resolves a definite event noun with no actor of its own
// ("condemned the launch", "this attack") to the agent of the last such
// act in the article, as a shadow actor of the current sentence.
func (d *doc) anaphoricAct(np int) (int, bool) {
	switch d.curType {
	case relation.Accused, relation.Supported, relation.Rejected:
		// a reaction to someone's act: "condemned the launch"
	default:
		return 0, false
	}
	n := d.parse.NPs[np]
	kind := words.eventNoun[d.toks[n.Head].w]
	if kind == "" || d.acts == nil {
		return 0, false
	}
	det := d.toks[n.Start].w
	if det != "the" && det != "this" && det != "that" && det != "these" {
		return 0, false
	}
	for k := n.Start; k <= n.Head; k++ {
		if d.at[k] >= 0 {
			return 0, false // an actor of its own
		}
	}
	a, ok := d.acts[kind]
	if !ok {
		return 0, false
	}
	a.t0, a.t1, a.shadow, a.pron, a.members = n.Head, n.Head+1, true, true, nil
	d.actors = append(d.actors, a)
	return len(d.actors) - 1, true
}

// hostOf gives the host of a meeting whose other party is named only by
// an agent noun and a capital: "met with officials in Beijing" → the
// state whose capital (or city) it is. The place must be a prepositional
// argument "in" or "at" of the same predicate, and the with-group a bare
// agent noun ("officials", "leaders", "counterparts").
func (d *doc) hostOf(pr syntax.Predicate, with int) group {
	pg := d.parse.Groups[with]
	if len(pg.NPs) != 1 || agentKind(d.toks[d.parse.NPs[pg.NPs[0]].Head].w) != agentState {
		return nil
	}
	for _, o := range pr.Obliques {
		if o.Prep != "in" && o.Prep != "at" {
			continue
		}
		for _, x := range d.parse.Groups[o.Group].NPs {
			np := d.parse.NPs[x]
			if ai := d.at[np.Head]; ai >= 0 && d.actors[ai].place && isStateCode(d.actors[ai].code) {
				return group{ai}
			}
		}
	}
	return nil
}

// presencePattern is the pattern recorded for a military presence.
var presencePattern = &pattern{typ: relation.DeployedTo, words: [][]string{{"troops"}},
	frames: []frame{{text: "presence: <state's> troops/forces/base in <state>"}}}

// presence finds forces of one state stationed in another, named in a
// noun phrase: "Syria's estimated 17,000 troops in Lebanon", "the French
// base in Abidjan", "Russian troops remain inside Georgia". The head is a
// military noun (the @presence class of patterns.txt), its
// owner a state (possessive or adjective, not inside a hyphenated word),
// and a place or state follows after "in", "inside" or "into" — as the
// noun's complement or as the location argument of "remain", "stay" or
// "be". The guide counts forces where they are as deployed there.
func (d *doc) presence() {
	if d.parse == nil {
		return
	}
	mil := d.x.ps.classes["@presence"]
	for _, np := range d.parse.NPs {
		head := d.toks[np.Head].w
		if !mil[head] {
			continue
		}
		var owner group
		for k := np.Start; k < np.Head; k++ {
			ai := d.at[k]
			if ai < 0 || !d.live(ai, false) || d.actors[ai].pron || !isStateCode(d.actors[ai].code) {
				continue
			}
			if d.hyphenModifier(d.actors[ai]) {
				continue
			}
			owner = append(owner, ai)
			k = d.actors[ai].t1 - 1
		}
		if ai := d.at[np.Head]; len(owner) == 0 && ai >= 0 && d.live(ai, false) && isStateCode(d.actors[ai].code) {
			owner = group{ai} // a body: "Russian troops"
		}
		if len(owner) == 0 {
			continue
		}
		var where group
		for _, pi := range d.parse.NounPPs(np.End-1, 2) {
			pp := d.parse.PPs[pi]
			if pp.Word == "in" || pp.Word == "inside" || pp.Word == "into" {
				where = d.placeActors(pp.Group)
				break
			}
		}
		for _, pr := range d.parse.Predicates {
			if len(where) > 0 {
				break
			}
			vg := d.parse.VGs[pr.VG]
			if pr.Subject != np.Group || !words.stayVerb[d.toks[vg.Head].w] {
				continue
			}
			for _, o := range pr.Obliques {
				if o.Prep == "in" || o.Prep == "inside" {
					where = d.placeActors(o.Group)
					break
				}
			}
		}
		if len(where) == 0 {
			continue
		}
		d.emit(presencePattern, presencePattern.frames[0], np.Head, np.Head+1, owner, where, nil, -1)
	}
}

// placeActors gives the state actors (or places of a state) a group names.
func (d *doc) placeActors(g int) group {
	var out group
	for _, x := range d.parse.Groups[g].NPs {
		np := d.parse.NPs[x]
		if ai := d.at[np.Head]; ai >= 0 && d.actors[ai].code != "" && isStateCode(d.actors[ai].code) {
			out = append(out, ai)
		}
	}
	return out
}

// eventHost gives the host of a meeting named as the object ("attended
// the summit in Brazil", "joined talks in Doha"): the state or the state
// of the city in an "in" or "at" argument, when the object is a meeting
// noun (the @meeting_name words).
func (d *doc) eventHost(pr syntax.Predicate) group {
	pg := d.parse.Groups[pr.Object]
	if len(pg.NPs) != 1 {
		return nil
	}
	if _, ok := words.meetingName[d.toks[d.parse.NPs[pg.NPs[0]].Head].w]; !ok {
		return nil
	}
	for _, o := range pr.Obliques {
		if o.Prep != "in" && o.Prep != "at" {
			continue
		}
		if g := d.placeActors(o.Group); len(g) > 0 {
			return g[:1]
		}
	}
	return nil
}
