package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/segment"
)

// meeting returns the meeting entity of a MET_WITH trigger at [t0, t1),
// merging it with an earlier meeting of the same name and date. Its name
// comes from the trigger's words (@meeting_name, else @meeting_verb of
// data/words.txt), a word after it (@meeting_medium: "by phone") or the
// event it took place at (hostEvent).
func (d *doc) meeting(t0, t1 int, date string) *Entity {
	name := "meeting"
	for j := t0; j < t1; j++ {
		if n, ok := words.meetingName[d.toks[j].w]; ok {
			name = n
			break
		}
		if n, ok := words.meetingVerb[d.toks[j].w]; ok {
			name = n
		}
	}
	for j := t1; j < len(d.toks) && j < t1+6; j++ {
		if n, ok := words.meetingMedium[d.toks[j].w]; ok {
			name = n
		}
	}
	if ev := d.hostEvent(t1); ev != "" {
		name = ev // "held talks at a conference on Iraq": the meeting is the conference
	}
	place := d.meetingPlace()
	for _, m := range d.meetings {
		if m.Name == name && (m.Place == place || m.Place == "" || place == "") {
			if m.Place == "" {
				m.Place = place
			}
			m.Mentions = append(m.Mentions, d.orig(d.toks[t0].s, d.toks[t1-1].e))
			return m
		}
	}
	m := &Entity{ID: "m:" + strconv.Itoa(len(d.meetings)+1), Kind: KindMeeting, Name: name, Place: place, Date: date,
		Mentions: [][2]int{d.orig(d.toks[t0].s, d.toks[t1-1].e)}}
	d.meetings = append(d.meetings, m)
	return m
}

// hostEvent is the name of the event a meeting took place at, when the
// words after the trigger say so: "at a conference", "on the sidelines of
// the summit", "during the meeting"; the event nouns and their meeting
// names are @host_event of data/words.txt, the words that may come before
// them @host_event_modifier. It is "" when they do not.
func (d *doc) hostEvent(t1 int) string {
	for j := t1; j < len(d.toks) && j < t1+8; j++ {
		w := d.toks[j].w
		if w == "." || w == ";" || w == "," {
			return ""
		}
		if w != "at" && w != "during" && w != "of" {
			continue
		}
		for k := j + 1; k < len(d.toks) && k <= j+3; k++ {
			kw := d.toks[k].w
			if words.hostEventModifier[kw] {
				continue
			}
			if ev, ok := words.hostEvent[kw]; ok {
				return ev
			}
			break
		}
	}
	return ""
}

// meetingPlace is the first place of the sentence after "in" or "at".
func (d *doc) meetingPlace() string {
	for _, a := range d.actors {
		if !a.place || a.t0 == 0 {
			continue
		}
		if w := d.toks[a.t0-1].w; w == "in" || w == "at" || (w == "the" && a.t0 > 1 && d.toks[a.t0-2].w == "in") {
			if e := d.ents[a.ent]; e != nil {
				return e.Name
			}
		}
	}
	return ""
}

func addParticipant(m *Entity, code string) {
	for _, c := range m.Participants {
		if c == code {
			return
		}
	}
	m.Participants = append(m.Participants, code)
	sort.Strings(m.Participants)
}

// headlinePlaces gives a meeting that the body leaves without a place the
// place its headline names beside the meeting's own word: "talks at
// Baghdad conference" (the conference), "summit in Vienna" (the summit).
// Only cities, regions and capitals count, never a state's name, and only
// when the headline names exactly one such place.
func (d *doc) headlinePlaces() {
	open := false
	for _, m := range d.meetings {
		open = open || m.Place == ""
	}
	if !open || strings.TrimSpace(d.a.Title) == "" {
		return
	}
	title, _ := segment.Normalize(d.a.Title)
	toks := segment.Tokens(title, segment.Span{Start: 0, End: len(title)})
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(title[t.Start:t.End])
	}
	type place struct {
		m      lexicon.Mention
		t0, t1 int
	}
	var places []place
	for _, m := range d.x.lex.Find(title) {
		if !(m.Kind == lexicon.KindPlace || m.Form == lexicon.FormCapital) {
			continue
		}
		t0 := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		t1 := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.End })
		if t0 >= t1 {
			continue
		}
		// An ambiguous name still counts as a place named, and a place
		// inside a word ("Moscow-led talks") is a modifier, not a venue:
		// either leaves the headline's place unknown.
		if m.Ambiguous || toks[t0].Start < m.Start || toks[t1-1].End > m.End {
			return
		}
		places = append(places, place{m, t0, t1})
	}
	if len(places) != 1 {
		return // none, or several: which one is the meeting's is a guess
	}
	names := func(i int) string {
		if i < 0 || i >= len(lower) {
			return ""
		}
		return words.meetingName[lower[i]]
	}
	for _, mt := range d.meetings {
		if mt.Place != "" {
			continue
		}
		var found []lexicon.Mention
		for _, p := range places { // one
			// "Baghdad conference", "Vienna talks"
			ok := names(p.t1) == mt.Name
			// "conference in Baghdad", "talks at the UN in Geneva"
			if !ok && p.t0 > 0 && (lower[p.t0-1] == "in" || lower[p.t0-1] == "at") {
				for j := p.t0 - 2; j >= 0 && j >= p.t0-5; j-- {
					if names(j) == mt.Name {
						ok = true
						break
					}
				}
			}
			if ok {
				found = append(found, p.m)
			}
		}
		if len(found) == 1 {
			mt.Place = d.ents[d.placeEntity(found[0])].Name
		}
	}
}
