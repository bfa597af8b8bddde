package extract

import "strings"

// modality classifies the trigger at tokens [t0, t1): negated, and
// asserted, planned or hypothetical. subjEnd is the end of the subject
// (or -1); the words between it and the trigger carry most of the signal.
// The cue words are lists of data/words.txt: @negation, @noun_negation,
// @rule_out_verb, @plan_cue, @plan_cue_after, @threat_cue,
// @hypothetical_cue and @hypothetical_cue_after. The third result is the
// threat cue of a planned event ("will", "threatened"), or "".
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
		case words.ruleOutVerb[w]:
			if j+1 < t0 && d.toks[j+1].w == "out" {
				if neg {
					neg = false
					mod = Planned
				} else {
					neg = true
				}
			}
		case words.negation[w] || strings.HasSuffix(w, "n't"):
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
		case words.planCue[w]:
			if mod == Asserted {
				mod = Planned
			}
			if words.threatCue[w] {
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
			if words.planCueAfter[w] {
				mod = Planned
			}
		}
		if t0 > 0 && words.nounNegation[d.toks[t0-1].w] {
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
		if words.hypotheticalCue[w] {
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
			if words.hypotheticalCueAfter[w] {
				mod = Hypothetical
				break
			}
		}
	}
	return neg, mod, cue
}
