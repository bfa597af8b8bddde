package syntax

import (
	"strings"
	"testing"
)

// tagged splits "Word/TAG Word/TAG ..." into words and tags. A name that
// must stay one noun phrase is written with underscores ("United_States"),
// which become separate words marked as one name.
func tagged(t *testing.T, s string) ([]string, []string, []Span) {
	t.Helper()
	var words, tags []string
	var names []Span
	for _, f := range strings.Fields(s) {
		i := strings.LastIndex(f, "/")
		if i <= 0 {
			t.Fatalf("bad token %q", f)
		}
		w, tag := f[:i], f[i+1:]
		parts := strings.Split(w, "_")
		if len(parts) > 1 {
			names = append(names, Span{len(words), len(words) + len(parts)})
		}
		for _, part := range parts {
			words = append(words, part)
			tags = append(tags, tag)
		}
	}
	return words, tags, names
}

// text of a group, "-" when absent.
func groupText(p *Parse, g int) string {
	if g < 0 {
		return "-"
	}
	var out []string
	for _, x := range p.Groups[g].NPs {
		np := p.NPs[x]
		out = append(out, strings.Join(p.Words[np.Start:np.End], " "))
	}
	return strings.Join(out, " | ")
}

func predicateOf(t *testing.T, p *Parse, verb string) Predicate {
	t.Helper()
	for i, w := range p.Words {
		if w == verb {
			pr, ok := p.PredicateAt(i)
			if !ok {
				t.Fatalf("%q is not in a verb group (tags %v)", verb, p.Tags)
			}
			return pr
		}
	}
	t.Fatalf("no word %q", verb)
	return Predicate{}
}

func TestPredicates(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		verb     string
		subject  string
		how      SubjectHow
		object   string
		obliques string // "prep:group; ..."
		passive  bool
		agent    string
	}{
		{
			name:     "simple transitive with PP",
			sentence: "Iran/NNP has/VBZ sent/VBN senior/JJ military/JJ advisers/NNS to/TO Baghdad/NNP ./.",
			verb:     "sent", subject: "Iran", how: SubjDirect, object: "senior military advisers", obliques: "to:Baghdad",
		},
		{
			name:     "coordinated subject list",
			sentence: "Japan/NNP ,/, India/NNP and/CC Brazil/NNP opened/VBD talks/NNS ./.",
			verb:     "opened", subject: "Japan | India | Brazil", how: SubjDirect, object: "talks",
		},
		{
			name:     "list inside a from phrase",
			sentence: "Envoys/NNS from/IN Japan/NNP ,/, India/NNP and/CC Brazil/NNP opened/VBD talks/NNS ./.",
			verb:     "opened", subject: "Envoys", how: SubjDirect, object: "talks",
		},
		{
			name:     "non-restrictive relative clause: antecedent is subject of both verbs",
			sentence: "Britain/NNP ,/, which/WDT blames/VBZ Moscow/NNP for/IN the/DT attack/NN ,/, expelled/VBD 23/CD diplomats/NNS ./.",
			verb:     "blames", subject: "Britain", how: SubjRelative, object: "Moscow", obliques: "for:the attack",
		},
		{
			name:     "main verb after a relative clause skips it",
			sentence: "Britain/NNP ,/, which/WDT blames/VBZ Moscow/NNP for/IN the/DT attack/NN ,/, expelled/VBD 23/CD diplomats/NNS ./.",
			verb:     "expelled", subject: "Britain", how: SubjDirect, object: "23 diplomats",
		},
		{
			name:     "restrictive relative clause",
			sentence: "The/DT country/NN that/WDT attacked/VBD Georgia/NNP condemned/VBD the/DT report/NN ./.",
			verb:     "condemned", subject: "The country", how: SubjDirect, object: "the report",
		},
		{
			name:     "participial clause after a comma takes the main subject",
			sentence: "Chad/NNP cut/VBD ties/NNS with/IN Sudan/NNP ,/, accusing/VBG Khartoum/NNP of/IN backing/VBG rebels/NNS ./.",
			verb:     "accusing", subject: "Chad", how: SubjParticiple, object: "Khartoum",
		},
		{
			name:     "of + gerund takes the object of the governing verb",
			sentence: "Chad/NNP accused/VBD Sudan/NNP of/IN backing/VBG the/DT rebels/NNS ./.",
			verb:     "backing", subject: "Sudan", how: SubjParticiple, object: "the rebels",
		},
		{
			name:     "subject control",
			sentence: "Australia/NNP agreed/VBD to/TO send/VB troops/NNS to/TO the/DT Solomon_Islands/NNP ./.",
			verb:     "send", subject: "Australia", how: SubjControl, object: "troops", obliques: "to:the Solomon Islands",
		},
		{
			name:     "object control",
			sentence: "The/DT resolution/NN urged/VBD Syria/NNP to/TO withdraw/VB its/PRP$ troops/NNS from/IN Lebanon/NNP ./.",
			verb:     "withdraw", subject: "Syria", how: SubjControl, object: "its troops", obliques: "from:Lebanon",
		},
		{
			name:     "passive with a coordinated by-agent",
			sentence: "The/DT talks/NNS were/VBD mediated/VBN by/IN Turkey/NNP and/CC Qatar/NNP ./.",
			verb:     "mediated", subject: "The talks", how: SubjDirect, passive: true, agent: "Turkey | Qatar", obliques: "by:Turkey | Qatar",
		},
		{
			name:     "reduced relative participle",
			sentence: "Rebels/NNS backed/VBN by/IN Rwanda/NNP seized/VBD Goma/NNP ./.",
			verb:     "backed", subject: "Rebels", how: SubjReduced, obliques: "by:Rwanda",
		},
		{
			name:     "main verb after a reduced relative",
			sentence: "Rebels/NNS backed/VBN by/IN Rwanda/NNP seized/VBD Goma/NNP ./.",
			verb:     "seized", subject: "Rebels", how: SubjDirect, object: "Goma",
		},
		{
			name:     "light verb with event noun and PP",
			sentence: "China/NNP held/VBD talks/NNS with/IN India/NNP in/IN New_Delhi/NNP on/IN Monday/NNP ./.",
			verb:     "held", subject: "China", how: SubjDirect, object: "talks", obliques: "with:India; in:New Delhi; on:Monday",
		},
		{
			name:     "coordinated verb phrase",
			sentence: "Iran/NNP met/VBD Iraq/NNP and/CC signed/VBD an/DT accord/NN ./.",
			verb:     "signed", subject: "Iran", how: SubjCoordinated, object: "an accord",
		},
		{
			name:     "object NP then a new clause is not coordinated",
			sentence: "Russia/NNP attacked/VBD Georgia/NNP and/CC France/NNP condemned/VBD the/DT attack/NN ./.",
			verb:     "condemned", subject: "France", how: SubjDirect, object: "the attack",
		},
		{
			name:     "PP subject modifier: head noun further left",
			sentence: "The/DT leaders/NNS of/IN North/NNP and/CC South_Korea/NNP have/VBP met/VBN ./.",
			verb:     "met", subject: "The leaders", how: SubjDirect,
		},
		{
			name:     "apposition between subject and verb",
			sentence: "Hor_Namhong/NNP ,/, the/DT foreign/JJ minister/NN ,/, met/VBD Chinese/JJ officials/NNS ./.",
			verb:     "met", subject: "Hor Namhong", how: SubjDirect, object: "Chinese officials",
		},
		{
			name:     "inverted speech verb",
			sentence: "``/`` We/PRP will/MD respond/VB ,/, ''/'' said/VBD the/DT minister/NN ./.",
			verb:     "said", subject: "the minister", how: SubjInverted,
		},
		{
			name:     "complement clause of said",
			sentence: "Nairobi/NNP said/VBD Kampala/NNP had/VBD armed/VBN the/DT rebels/NNS ./.",
			verb:     "armed", subject: "Kampala", how: SubjDirect, object: "the rebels",
		},
		{
			name:     "sentence-initial participle",
			sentence: "Speaking/VBG in/IN Paris/NNP ,/, Macron/NNP criticized/VBD Russia/NNP ./.",
			verb:     "Speaking", subject: "Macron", how: SubjParticiple, obliques: "in:Paris",
		},
		{
			name:     "subordinate clause subject after a clause opener",
			sentence: "After/IN Iran/NNP attacked/VBD the/DT ship/NN ,/, Britain/NNP protested/VBD ./.",
			verb:     "attacked", subject: "Iran", how: SubjDirect, object: "the ship",
		},
		{
			name:     "possessive subject with adjective premodifier",
			sentence: "12/CD Chinese/JJ diplomats/NNS visited/VBD Hanoi/NNP ./.",
			verb:     "visited", subject: "12 Chinese diplomats", how: SubjDirect, object: "Hanoi",
		},
		{
			name:     "passive in a relative clause",
			sentence: "The/DT plan/NN ,/, which/WDT was/VBD backed/VBN by/IN France/NNP ,/, failed/VBD ./.",
			verb:     "backed", subject: "The plan", how: SubjRelative, passive: true, agent: "France", obliques: "by:France",
		},
		{
			name:     "bare participle with an object is a past tense",
			sentence: "Iran/NNP sent/VBN troops/NNS to/TO Syria/NNP ./.",
			verb:     "sent", subject: "Iran", how: SubjDirect, object: "troops", obliques: "to:Syria",
		},
		{
			name:     "ditransitive",
			sentence: "Washington/NNP gave/VBD Kyiv/NNP the/DT weapons/NNS ./.",
			verb:     "gave", subject: "Washington", how: SubjDirect, object: "Kyiv",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, tags, names := tagged(t, tt.sentence)
			p := ParseTagged(words, tags, Options{Names: names})
			pr := predicateOf(t, p, tt.verb)
			vg := p.VGs[pr.VG]
			if got := groupText(p, pr.Subject); got != tt.subject || pr.How != tt.how {
				t.Errorf("subject = %q (%s), want %q (%s)", got, pr.How, tt.subject, tt.how)
			}
			if tt.object != "" || pr.Object >= 0 {
				if got := groupText(p, pr.Object); got != tt.object && !(tt.object == "" && got == "-") {
					t.Errorf("object = %q, want %q", got, tt.object)
				}
			}
			var obl []string
			for _, o := range pr.Obliques {
				obl = append(obl, o.Prep+":"+groupText(p, o.Group))
			}
			if tt.obliques != "" && strings.Join(obl, "; ") != tt.obliques {
				t.Errorf("obliques = %q, want %q", strings.Join(obl, "; "), tt.obliques)
			}
			if vg.Passive != tt.passive {
				t.Errorf("passive = %v, want %v", vg.Passive, tt.passive)
			}
			if tt.agent != "" {
				if got := groupText(p, pr.Agent); got != tt.agent {
					t.Errorf("agent = %q, want %q", got, tt.agent)
				}
			}
		})
	}
}

func TestNounPhrases(t *testing.T) {
	tests := []struct {
		sentence string
		word     string // a word of the noun phrase
		np       string
		head     string
		poss     string
		comps    string
	}{
		{"Russia/NNP 's/POS invasion/NN of/IN Ukraine/NNP began/VBD ./.", "invasion", "Russia 's invasion", "invasion", "Russia", "of:Ukraine"},
		{"the/DT foreign/JJ ministers/NNS of/IN Germany/NNP ,/, France/NNP ,/, and/CC Britain/NNP met/VBD", "ministers", "the foreign ministers", "ministers", "", "of:Germany | France | Britain"},
		{"the/DT proposed/VBN deal/NN failed/VBD", "deal", "the proposed deal", "deal", "", ""},
		{"Washington/NNP gave/VBD Kyiv/NNP the/DT weapons/NNS", "Kyiv", "Kyiv", "Kyiv", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			words, tags, names := tagged(t, tt.sentence)
			p := ParseTagged(words, tags, Options{Names: names})
			x := -1
			for i, w := range words {
				if w == tt.word {
					x = p.NPAt(i)
				}
			}
			if x < 0 {
				t.Fatalf("%q not in a noun phrase", tt.word)
			}
			np := p.NPs[x]
			if got := strings.Join(words[np.Start:np.End], " "); got != tt.np {
				t.Errorf("np = %q, want %q", got, tt.np)
			}
			if words[np.Head] != tt.head {
				t.Errorf("head = %q, want %q", words[np.Head], tt.head)
			}
			if got := strings.Join(words[np.Poss.Start:np.Poss.End], " "); got != tt.poss {
				t.Errorf("possessor = %q, want %q", got, tt.poss)
			}
			var comps []string
			for _, c := range np.Comps {
				comps = append(comps, p.PPs[c].Word+":"+groupText(p, p.PPs[c].Group))
			}
			if got := strings.Join(comps, "; "); got != tt.comps {
				t.Errorf("comps = %q, want %q", got, tt.comps)
			}
		})
	}
}

// TestParseNoPanic checks odd inputs: empty, mismatched, only punctuation.
func TestParseNoPanic(t *testing.T) {
	for _, s := range [][2][]string{
		{nil, nil},
		{{"a"}, nil},
		{{",", ",", "and"}, {",", ",", "CC"}},
		{{"to", "to"}, {"TO", "TO"}},
		{{"'s"}, {"POS"}},
		{{"which", "was", "by"}, {"WDT", "VBD", "IN"}},
	} {
		p := ParseTagged(s[0], s[1], Options{Names: []Span{{-1, 5}}})
		for i := range s[0] {
			p.PredicateAt(i)
			p.NPAt(i)
		}
	}
}

func TestGapObject(t *testing.T) {
	tests := []struct{ sentence, verb, gap string }{
		{"the/DT sanctions/NNS Washington/NNP has/VBZ imposed/VBN on/IN Moscow/NNP were/VBD harsh/JJ ./.", "imposed", "the sanctions"},
		{"The/DT weapons/NNS that/WDT Iran/NNP sent/VBD to/TO Russia/NNP arrived/VBD ./.", "sent", "The weapons"},
		{"Iran/NNP sent/VBD weapons/NNS to/TO Russia/NNP ./.", "sent", "-"},
	}
	for _, tt := range tests {
		words, tags, names := tagged(t, tt.sentence)
		p := ParseTagged(words, tags, Options{Names: names})
		pr := predicateOf(t, p, tt.verb)
		if got := groupText(p, pr.GapObject); got != tt.gap {
			t.Errorf("%s: gap object = %q, want %q", tt.sentence, got, tt.gap)
		}
	}
}
