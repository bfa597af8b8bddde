package extract

import (
	_ "embed"
	"fmt"
	"strings"
)

// The word lists of the actor, meeting, modality, official and
// organization rules are in data/words.txt (its header documents the
// format); parseWords reads them into a wordLists.

//go:embed data/words.txt
var wordsData string

// words are the embedded word lists, read once. The data is part of the
// binary and checked by the tests, so a parse error is a programming error.
var words = mustWords()

func mustWords() *wordLists {
	w, err := parseWords(wordsData)
	if err != nil {
		panic("extract: " + err.Error())
	}
	return w
}

// wordLists holds the lists of data/words.txt, one field per list; the
// comments give the list names.
type wordLists struct {
	// groups.go
	group            map[string][]string // @group: group name (as written) -> member state codes
	pairNoun         map[string]bool     // @pair_noun
	pairNounModifier map[string]bool     // @pair_noun_modifier
	personPairNoun   map[string]bool     // @person_pair_noun
	proposalNoun     map[string]bool     // @proposal_noun
	proposalModifier map[string]bool     // @proposal_modifier
	reportingVerb    map[string]bool     // @reporting_verb
	sentenceOpener   map[string]bool     // @sentence_opener
	expletiveItCue   map[string]bool     // @expletive_it_cue
	offerNoun        map[string]bool     // @offer_noun
	offerModifier    map[string]bool     // @offer_modifier
	// meetings.go
	meetingName       map[string]string // @meeting_name: trigger word -> meeting name
	meetingVerb       map[string]string // @meeting_verb: trigger verb -> meeting name
	meetingMedium     map[string]string // @meeting_medium: word after the trigger -> meeting name
	hostEvent         map[string]string // @host_event: event noun -> meeting name
	hostEventModifier map[string]bool   // @host_event_modifier
	// modality.go
	negation             map[string]bool // @negation
	nounNegation         map[string]bool // @noun_negation
	ruleOutVerb          map[string]bool // @rule_out_verb
	planCue              map[string]bool // @plan_cue
	planCueAfter         map[string]bool // @plan_cue_after
	threatCue            map[string]bool // @threat_cue
	hypotheticalCue      map[string]bool // @hypothetical_cue
	hypotheticalCueAfter map[string]bool // @hypothetical_cue_after
	prohibition          map[string]bool // @prohibition
	hearsayNoun          map[string]bool // @hearsay_noun
	// extract.go
	ethnicMarker map[string]bool // @ethnic_marker
	// args.go and discourse.go
	agentState   map[string]bool   // @agent_state
	agentOrg     map[string]bool   // @agent_org
	supportVerb  map[string]bool   // @support_verb
	eventNoun    map[string]string // @event_noun: noun -> event kind
	eventVerb    map[string]string // @event_verb: verb form -> event kind
	measureNoun  map[string]bool   // @measure_noun
	stayVerb     map[string]bool   // @stay_verb
	quantityHead map[string]bool   // @quantity_head
	// relations.go and extract.go: word-order rules
	blockPrep            map[string]bool // @block_prep
	objectStop           map[string]bool // @object_stop
	subjectStop          map[string]bool // @subject_stop
	beForm               map[string]bool // @be_form
	determiner           map[string]bool // @determiner
	adjunctOpener        map[string]bool // @adjunct_opener
	coordinationModifier map[string]bool // @coordination_modifier
	objectSkip           map[string]bool // @object_skip
	placePrep            map[string]bool // @place_prep
	// officials.go
	nameStop       map[string]bool // @name_stop
	honorific      map[string]bool // @honorific
	nameParticle   map[string]bool // @name_particle
	namePrefix     map[string]bool // @name_prefix
	titleModifier  map[string]bool // @title_modifier
	formerModifier map[string]bool // @former_modifier
	portfolio      map[string]bool // @portfolio
	nameTitle      map[string]bool // @name_title
	// orgs.go
	orgHead     map[string]bool // @org_head
	orgNotFirst map[string]bool // @org_not_first
	orgJoin     map[string]bool // @org_join
}

// wordList describes one list of data/words.txt: exactly one of set,
// text and fields is set, and says the kind of list and where it goes.
type wordList struct {
	name   string
	set    *map[string]bool     // @name word ...
	text   *map[string]string   // @name word ... = value
	fields *map[string][]string // @name word ... = value, split at spaces
	cased  bool                 // words are matched as written, not lower case
}

// lists returns the lists of data/words.txt with the fields of w they
// fill.
func (w *wordLists) lists() []wordList {
	return []wordList{
		{name: "group", fields: &w.group, cased: true},
		{name: "pair_noun", set: &w.pairNoun},
		{name: "pair_noun_modifier", set: &w.pairNounModifier},
		{name: "person_pair_noun", set: &w.personPairNoun},
		{name: "proposal_noun", set: &w.proposalNoun},
		{name: "proposal_modifier", set: &w.proposalModifier},
		{name: "reporting_verb", set: &w.reportingVerb},
		{name: "sentence_opener", set: &w.sentenceOpener},
		{name: "expletive_it_cue", set: &w.expletiveItCue},
		{name: "offer_noun", set: &w.offerNoun},
		{name: "offer_modifier", set: &w.offerModifier},

		{name: "meeting_name", text: &w.meetingName},
		{name: "meeting_verb", text: &w.meetingVerb},
		{name: "meeting_medium", text: &w.meetingMedium},
		{name: "host_event", text: &w.hostEvent},
		{name: "host_event_modifier", set: &w.hostEventModifier},

		{name: "negation", set: &w.negation},
		{name: "noun_negation", set: &w.nounNegation},
		{name: "rule_out_verb", set: &w.ruleOutVerb},
		{name: "plan_cue", set: &w.planCue},
		{name: "plan_cue_after", set: &w.planCueAfter},
		{name: "threat_cue", set: &w.threatCue},
		{name: "hypothetical_cue", set: &w.hypotheticalCue},
		{name: "hypothetical_cue_after", set: &w.hypotheticalCueAfter},
		{name: "prohibition", set: &w.prohibition},
		{name: "hearsay_noun", set: &w.hearsayNoun},
		{name: "ethnic_marker", set: &w.ethnicMarker},
		{name: "agent_state", set: &w.agentState},
		{name: "agent_org", set: &w.agentOrg},
		{name: "support_verb", set: &w.supportVerb},
		{name: "event_noun", text: &w.eventNoun},
		{name: "event_verb", text: &w.eventVerb},
		{name: "measure_noun", set: &w.measureNoun},
		{name: "stay_verb", set: &w.stayVerb},
		{name: "quantity_head", set: &w.quantityHead},
		{name: "block_prep", set: &w.blockPrep},
		{name: "object_stop", set: &w.objectStop},
		{name: "subject_stop", set: &w.subjectStop},
		{name: "be_form", set: &w.beForm},
		{name: "determiner", set: &w.determiner},
		{name: "adjunct_opener", set: &w.adjunctOpener},
		{name: "coordination_modifier", set: &w.coordinationModifier},
		{name: "object_skip", set: &w.objectSkip},
		{name: "place_prep", set: &w.placePrep},

		{name: "name_stop", set: &w.nameStop},
		{name: "honorific", set: &w.honorific},
		{name: "name_particle", set: &w.nameParticle},
		{name: "name_prefix", set: &w.namePrefix},
		{name: "title_modifier", set: &w.titleModifier},
		{name: "former_modifier", set: &w.formerModifier},
		{name: "portfolio", set: &w.portfolio},
		{name: "name_title", set: &w.nameTitle},

		{name: "org_head", set: &w.orgHead},
		{name: "org_not_first", set: &w.orgNotFirst},
		{name: "org_join", set: &w.orgJoin},
	}
}

// parseWords reads the format of data/words.txt. Errors name the file and
// line ("words.txt:12: ...").
func parseWords(text string) (*wordLists, error) {
	w := &wordLists{}
	byName := map[string]wordList{}
	for _, l := range w.lists() {
		switch {
		case l.set != nil:
			*l.set = map[string]bool{}
		case l.text != nil:
			*l.text = map[string]string{}
		case l.fields != nil:
			*l.fields = map[string][]string{}
		}
		byName[l.name] = l
	}
	seen := map[string]bool{}
	for n, line := range strings.Split(text, "\n") {
		errf := func(format string, args ...any) error {
			return fmt.Errorf("words.txt:%d: "+format, append([]any{n + 1}, args...)...)
		}
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if !strings.HasPrefix(f[0], "@") || len(f[0]) == 1 {
			return nil, errf("want @list and words, got %q", f[0])
		}
		name := f[0][1:]
		l, ok := byName[name]
		if !ok {
			return nil, errf("unknown list @%s", name)
		}
		seen[name] = true
		keys, val := f[1:], []string(nil)
		for i, k := range keys {
			if k == "=" {
				keys, val = keys[:i], keys[i+1:]
				break
			}
		}
		if len(keys) == 0 {
			return nil, errf("@%s: no words", name)
		}
		for _, k := range keys {
			if !l.cased && k != strings.ToLower(k) {
				return nil, errf("@%s: %q is not lower case", name, k)
			}
		}
		if l.set != nil {
			if val != nil {
				return nil, errf("@%s is a set of words: no \"=\"", name)
			}
			for _, k := range keys {
				(*l.set)[k] = true
			}
			continue
		}
		if len(val) == 0 {
			return nil, errf("@%s: want words = value", name)
		}
		v := strings.Join(val, " ")
		for _, k := range keys {
			var old string
			var dup bool
			if l.text != nil {
				old, dup = (*l.text)[k]
				(*l.text)[k] = v
			} else {
				var o []string
				o, dup = (*l.fields)[k]
				old = strings.Join(o, " ")
				(*l.fields)[k] = append([]string(nil), val...)
			}
			if dup && old != v {
				return nil, errf("@%s: %q is %q and %q", name, k, old, v)
			}
		}
	}
	for _, l := range w.lists() {
		if !seen[l.name] {
			return nil, fmt.Errorf("words.txt: list @%s is missing", l.name)
		}
	}
	return w, nil
}
