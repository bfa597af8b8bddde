package extract

import "strings"

var negWords = map[string]bool{"not": true, "never": true, "no": true, "cannot": true, "neither": true, "nor": true,
	"denied": true, "denies": true, "deny": true, "denying": true, "refused": true, "refuses": true, "refuse": true, "refusing": true,
	"declined": true, "declines": true, "decline": true, "failed": true, "fails": true, "fail": true, "without": true,
	"rejected": true, "rejects": true, "reject": true, "dismissed": true, "halt": true, "halted": true, "stopped": true, "ended": true, "end": true,
	"suspended": true, "withdrew": true, "scrapped": true, "cancelled": true, "canceled": true, "postponed": true, "reluctance": true, "reluctant": true, "unwilling": true, "refusal": true,
	"seldom": true, "rarely": true, "hardly": true, "barely": true}

var planWords = map[string]bool{"will": true, "'ll": true, "shall": true, "would": true, "could": true, "may": true, "might": true,
	"should": true, "must": true, "expected": true, "likely": true, "plans": true, "plan": true, "planned": true, "planning": true,
	"proposed": true, "possible": true, "upcoming": true, "future": true, "intends": true, "intend": true, "seeks": true, "seek": true,
	"hopes": true, "hope": true, "wants": true, "want": true, "due": true, "prepared": true, "ready": true, "aims": true, "potential": true,
	"next": true, "considering": true, "consider": true, "weighing": true, "offered": true, "offer": true, "promised": true,
	"pledged": true, "vowed": true, "threatened": true, "urged": true, "asked": true, "called": true, "wanted": true, "tried": true,
	"trying": true, "attempt": true, "attempts": true, "efforts": true, "effort": true, "push": true, "need": true, "needs": true}

var hypoWords = map[string]bool{"if": true, "unless": true, "whether": true, "conditional": true, "hypothetical": true, "otherwise": true}

// modality classifies the trigger at tokens [t0, t1): negated, and
// asserted, planned or hypothetical. subjEnd is the end of the subject
// (or -1); the words between it and the trigger carry most of the signal.
func (d *doc) modality(p *pattern, t0, t1, subjEnd int) (bool, string, string) {
	from := t0 - 6
	if subjEnd >= 0 && subjEnd > from && subjEnd <= t0 {
		from = subjEnd
	}
	if from < 0 {
		from = 0
	}
	neg := false
	mod := Asserted
	cue := ""
	for j := from; j < t0; j++ {
		w := d.toks[j].w
		switch {
		case w == "ruled" || w == "rule" || w == "rules" || w == "ruling":
			if j+1 < t0 && d.toks[j+1].w == "out" {
				if neg {
					neg = false
					mod = Planned
				} else {
					neg = true
				}
			}
		case negWords[w] || strings.HasSuffix(w, "n't"):
			if w == "no" && j < t0-1 && !p.verb {
				// "no talks" only right before the noun
				if j != t0-1 {
					break
				}
			}
			if d.at[j] >= 0 {
				break
			}
			neg = true
		case planWords[w]:
			if mod == Asserted {
				mod = Planned
			}
			if threatCues[w] {
				cue = w
			}
		case w == "to" && j == t0-1 && p.verb:
			mod = Planned
		}
	}
	// "talks were likely", "talks are expected", "a visit planned for"
	if !p.verb {
		for j := t1; j < len(d.toks) && j < t1+3; j++ {
			w := d.toks[j].w
			if w == "likely" || w == "expected" || w == "planned" || w == "scheduled" || w == "will" || w == "due" || w == "set" {
				mod = Planned
			}
		}
		if t0 > 0 && (d.toks[t0-1].w == "no" || d.toks[t0-1].w == "without") {
			neg = true
		}
	}
	// hypotheticals: "if" in the same clause before the trigger, or right
	// after it (not for warnings and threats, which are made now).
	for j := t0 - 1; j >= 0 && j >= t0-10; j-- {
		w := d.toks[j].w
		if w == ";" || w == "." {
			break
		}
		if hypoWords[w] {
			mod = Hypothetical
			break
		}
	}
	if p.typ != "WARNED" && p.typ != "REQUESTED" {
		for j := t1; j < len(d.toks) && j < t1+8; j++ {
			w := d.toks[j].w
			if w == ";" || w == "." || w == "," {
				break
			}
			if w == "if" || w == "unless" {
				mod = Hypothetical
				break
			}
		}
	}
	return neg, mod, cue
}

// threatCues are the words that make a planned sanction or attack a threat
// ("will impose tariffs on", "threatened to strike").
var threatCues = map[string]bool{"will": true, "'ll": true, "would": true, "could": true, "might": true, "may": true,
	"threatened": true, "vowed": true, "warned": true}
