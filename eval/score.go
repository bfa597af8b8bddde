package eval

import (
	"cmp"
	"maps"
	"slices"

	"github.com/diplograph/diplograph/relation"
)

// Predicted is one relation found by the extractor. Source and Target are
// actor codes (ISO alpha-3 for states, an organization code such as ISIL or
// NATO, or "ORG:<name>"); persons must already be reduced to the state they
// act for. Negated relations are dropped before scoring. Sentence is only
// shown in the report's details.
//
// Date is when the extractor places the event: "YYYY-MM-DD", "YYYY-MM",
// "YYYY" or empty when it found none; it counts only for date accuracy.
// Background marks an event the article recalls from well before its own
// date; it is carried into the details and does not change any count.
type Predicted struct {
	Type       string `json:"type"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	Negated    bool   `json:"negated,omitempty"`
	Sentence   string `json:"sentence,omitempty"`
	Date       string `json:"date,omitempty"`
	Background bool   `json:"background,omitempty"`
}

// Options adjusts Score. The zero value scores exactly as the annotation guide
// says.
type Options struct {
	// IsState decides which actor codes are states for the state_* figures
	// and for Detail.States. Nil means the package's IsState.
	IsState func(code string) bool
}

// Counts are the matching counts of one figure or one relation type.
type Counts struct {
	// TP counts predicted relations found in the gold set, required or
	// optional.
	TP int `json:"tp"`
	// TPRequired counts the true positives that match a required gold
	// relation; it is the numerator of recall.
	TPRequired int `json:"tp_required"`
	// FP counts predicted relations not in the gold set.
	FP int `json:"fp"`
	// FN counts required gold relations that were not predicted.
	FN int `json:"fn"`
	// Required counts required gold relations (TPRequired + FN).
	Required int `json:"required"`
}

// Precision is TP/(TP+FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TPRequired/Required, or 0 when there is no required relation.
func (c Counts) Recall() float64 { return ratio(c.TPRequired, c.Required) }

// F1 is the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Figure is one micro-averaged score. A ratio whose denominator is 0 is
// defined as 0 (not NaN): no prediction gives precision 0, no required gold
// relation gives recall 0, and F1 is 0 when precision and recall are both 0.
type Figure struct {
	Counts
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// PerType holds the counts per relation type; nil for the dyad figures.
	// It carries counts only, no ratios. A type with no required gold
	// relation (Required 0) has no meaningful recall or F1: the Counts
	// methods return 0 for it, and WriteText prints "n/a" instead of a
	// per-type F1. Readers of the JSON should do the same rather than read
	// such a type as a failure.
	PerType map[string]Counts `json:"per_type,omitzero"`
}

// DateAccuracy measures the dates of the true positives of one typed
// figure whose gold relation has a date (required or optional alike).
type DateAccuracy struct {
	// Matched counts those true positives.
	Matched int `json:"matched"`
	// Correct counts the ones whose predicted date agrees with the gold
	// date at the gold date's precision (see DateAgrees).
	Correct int `json:"correct"`
	// Accuracy is Correct/Matched, or 0 when Matched is 0.
	Accuracy float64 `json:"accuracy"`
}

// Dates holds the date accuracy of the two typed figures. AllTyped is the
// one the annotation guide defines; StateTyped restricts it to relations
// between two states, like the headline figure.
type Dates struct {
	StateTyped DateAccuracy `json:"state_typed"`
	AllTyped   DateAccuracy `json:"all_typed"`
}

// DateAgrees reports whether a predicted date matches a gold date at the
// gold date's precision: the same year for "2019", the same month for
// "2019-05", the same day for "2019-05-12". A predicted date less precise
// than the gold one does not agree ("2019-05" against "2019-05-12"); one more
// precise does when it falls within the gold period ("2019-05-12" against
// "2019-05"). An empty gold or predicted date never agrees.
func DateAgrees(gold, pred string) bool {
	return gold != "" && len(pred) >= len(gold) && pred[:len(gold)] == gold &&
		(len(pred) == len(gold) || pred[len(gold)] == '-')
}

// Detail kinds.
const (
	KindFP = "FP" // predicted, not in the gold set
	KindFN = "FN" // required gold relation, not predicted
	// KindDate is a true positive of all_typed whose gold relation has a
	// date the predicted date does not agree with (see DateAgrees). It
	// counts only in the date accuracy.
	KindDate = "DATE"
	// KindMissedOptional is an optional gold relation that was not predicted.
	// It is listed for error analysis only and counts nowhere.
	KindMissedOptional = "MISSED_OPTIONAL"
)

// Detail is one error of the all_typed figure (which contains every error of
// state_typed; States tells which ones count for the headline figure).
// Symmetric relations are shown with their two codes in sorted order.
type Detail struct {
	Article string `json:"article"`
	Kind    string `json:"kind"`
	Type    string `json:"type"`
	Source  string `json:"source"`
	Target  string `json:"target"`
	// States is true when both ends are states (the error counts in
	// state_typed too).
	States bool `json:"states"`
	// Optional is true for a gold relation annotated optional.
	Optional bool `json:"optional"`
	// GoldDate is the gold relation's date (FN, DATE, MISSED_OPTIONAL), if
	// it has one.
	GoldDate string `json:"gold_date,omitempty"`
	// Date is the predicted date (FP, DATE), if there is one, and
	// Background the prediction's background flag.
	Date       string `json:"date,omitempty"`
	Background bool   `json:"background,omitempty"`
	// Text is the predicted sentence for FP and DATE (for DATE, the sentence
	// the date was taken from), the gold evidence otherwise.
	Text string `json:"text"`
}

// Report is the result of Score.
type Report struct {
	// Articles is the number of gold articles scored.
	Articles int `json:"articles"`
	// Missing lists gold articles with no prediction; all their required
	// relations count as FN.
	Missing []string `json:"missing"`
	// Unscored lists articles with predictions but no gold; they are ignored.
	Unscored []string `json:"unscored"`

	// StateTyped is the headline figure: only relations whose two ends are
	// states, compared by (type, source, target).
	StateTyped Figure `json:"state_typed"`
	// AllTyped compares (type, source, target) for all actors.
	AllTyped Figure `json:"all_typed"`
	// StateDyad ignores type and direction and compares unordered pairs of
	// states.
	StateDyad Figure `json:"state_dyad"`
	// AllDyad ignores type and direction and compares unordered pairs of any
	// actors.
	AllDyad Figure `json:"all_dyad"`

	// Dates is the date accuracy of the typed figures.
	Dates Dates `json:"dates"`

	// Detail lists every FP and FN of AllTyped, every date mismatch of
	// AllTyped and every missed optional relation, sorted by article, kind
	// (FN, FP, DATE, MISSED_OPTIONAL), type, source and target.
	Detail []Detail `json:"detail"`
}

// key is a reduced relation; for the dyad figures typ is empty and the pair
// is sorted.
type key struct{ typ, src, tgt string }

func (k key) less(o key) int {
	return cmp.Or(cmp.Compare(k.typ, o.typ), cmp.Compare(k.src, o.src), cmp.Compare(k.tgt, o.tgt))
}

// entry is what a reduced relation carries: for gold, whether it is
// optional, its evidence and its date; for predictions, the first non-empty
// sentence, the first non-empty date with the sentence and background flag
// of the prediction that gave it.
type entry struct {
	optional   bool
	text       string
	date       string
	dateText   string
	background bool
}

func reduce(typ, src, tgt string, dyad bool) key {
	if dyad {
		typ = ""
	}
	if (dyad || relation.Symmetric(typ)) && tgt < src {
		src, tgt = tgt, src
	}
	return key{typ, src, tgt}
}

// goldSet reduces an article's gold relations to a set. Relations with only a
// target_place are skipped. When one reduced relation is annotated both
// required and optional, it is required, with the required annotation's
// evidence. Its date is that of the annotation kept, or else the first
// non-empty date among the others.
func goldSet(g Gold, keep func(src, tgt string) bool, dyad bool) map[key]entry {
	set := map[key]entry{}
	for _, r := range g.Relations {
		if r.Target == "" || !keep(r.Source, r.Target) {
			continue
		}
		k := reduce(r.Type, r.Source, r.Target, dyad)
		e := entry{optional: r.Optional, text: r.Evidence, date: r.Date}
		old, seen := set[k]
		switch {
		case !seen:
			set[k] = e
		case old.optional && !r.Optional:
			e.date = cmp.Or(e.date, old.date)
			set[k] = e
		default:
			old.date = cmp.Or(old.date, e.date)
			set[k] = old
		}
	}
	return set
}

// predSet reduces an article's predictions to a set, dropping negated ones.
// Predictions with an empty source or target are kept (and so are false
// positives): the caller is expected to reduce every actor to a code.
func predSet(ps []Predicted, keep func(src, tgt string) bool, dyad bool) map[key]entry {
	set := map[key]entry{}
	for _, p := range ps {
		if p.Negated || !keep(p.Source, p.Target) {
			continue
		}
		k := reduce(p.Type, p.Source, p.Target, dyad)
		e := set[k]
		e.text = cmp.Or(e.text, p.Sentence)
		if e.date == "" && p.Date != "" {
			e.date, e.dateText, e.background = p.Date, p.Sentence, p.Background
		}
		set[k] = e
	}
	return set
}

// emitFunc receives one error of a comparison: the reduced relation, and its
// gold and predicted entries (the zero entry for the side that lacks it).
type emitFunc func(kind string, k key, gold, pred entry)

// compare adds one article's counts to f and calls emit for every FP, FN and
// missed optional gold relation. When dates is not nil it also counts the
// date accuracy of the true positives and emits their date mismatches.
func (f *Figure) compare(gold, pred map[key]entry, dates *DateAccuracy, emit emitFunc) {
	add := func(typ string, fn func(*Counts)) {
		fn(&f.Counts)
		if f.PerType != nil {
			c := f.PerType[typ]
			fn(&c)
			f.PerType[typ] = c
		}
	}
	for k, p := range pred {
		g, ok := gold[k]
		switch {
		case !ok:
			add(k.typ, func(c *Counts) { c.FP++ })
			emit(KindFP, k, entry{}, p)
			continue
		case g.optional:
			add(k.typ, func(c *Counts) { c.TP++ })
		default:
			add(k.typ, func(c *Counts) { c.TP++; c.TPRequired++; c.Required++ })
		}
		if dates == nil || g.date == "" {
			continue
		}
		dates.Matched++
		if DateAgrees(g.date, p.date) {
			dates.Correct++
		} else {
			emit(KindDate, k, g, p)
		}
	}
	for k, g := range gold {
		if _, ok := pred[k]; ok {
			continue
		}
		if g.optional {
			emit(KindMissedOptional, k, g, entry{})
			continue
		}
		add(k.typ, func(c *Counts) { c.FN++; c.Required++ })
		emit(KindFN, k, g, entry{})
	}
}

func (f *Figure) finish() {
	f.Precision, f.Recall, f.F1 = f.Counts.Precision(), f.Counts.Recall(), f.Counts.F1()
}

// Score compares predictions with gold as the scoring section of the
// annotation guide says.
//
// For every gold article, negated predictions are dropped and the rest, like
// the gold relations, are reduced to a set of (type, source, target):
// duplicates count once and MET_WITH and AGREED_WITH are unordered. Gold
// relations with only a target_place (always optional) give no country-level
// relation and are ignored. A prediction in the gold set, required or
// optional, is a TP; a prediction not in it is an FP; a required gold relation
// not predicted is an FN. Counts are summed over articles (micro average);
// precision = TP/(TP+FP), recall = TP(required)/required.
//
// The four figures differ in which relations they keep and how they reduce
// them:
//   - state_typed, the headline: only relations whose two ends are states
//     (see IsState), filtered on both sides before comparing;
//   - all_typed: all actors;
//   - state_dyad and all_dyad: the guide's dyad figure, where type and
//     direction do not matter: relations are reduced to unordered actor
//     pairs; a gold pair is required when any required relation joins the
//     two actors. state_dyad (pairs of states, like the headline) is the one
//     to quote, all_dyad is given as well.
//
// Date accuracy (Report.Dates) is counted over the true positives of
// all_typed whose gold relation has a date, as the guide defines it, and
// over those of state_typed as well. When several predictions reduce to the
// same relation, the first non-empty date among them is the predicted date.
//
// Gold articles without predictions count as all FN and are listed in
// Missing; predictions for articles without gold are ignored and listed in
// Unscored.
func Score(gold map[string]Gold, pred map[string][]Predicted, opts Options) Report {
	isState := opts.IsState
	if isState == nil {
		isState = IsState
	}
	states := func(src, tgt string) bool { return isState(src) && isState(tgt) }
	all := func(string, string) bool { return true }

	r := Report{
		Articles:   len(gold),
		Missing:    []string{},
		Unscored:   []string{},
		Detail:     []Detail{},
		StateTyped: Figure{PerType: map[string]Counts{}},
		AllTyped:   Figure{PerType: map[string]Counts{}},
	}
	for _, id := range slices.Sorted(maps.Keys(pred)) {
		if _, ok := gold[id]; !ok {
			r.Unscored = append(r.Unscored, id)
		}
	}
	none := func(string, key, entry, entry) {}
	for _, id := range slices.Sorted(maps.Keys(gold)) {
		g := gold[id]
		ps, ok := pred[id]
		if !ok {
			r.Missing = append(r.Missing, id)
		}
		r.StateTyped.compare(goldSet(g, states, false), predSet(ps, states, false), &r.Dates.StateTyped, none)
		r.StateDyad.compare(goldSet(g, states, true), predSet(ps, states, true), nil, none)
		r.AllDyad.compare(goldSet(g, all, true), predSet(ps, all, true), nil, none)
		r.AllTyped.compare(goldSet(g, all, false), predSet(ps, all, false), &r.Dates.AllTyped, func(kind string, k key, ge, pe entry) {
			d := Detail{
				Article:  id,
				Kind:     kind,
				Type:     k.typ,
				Source:   k.src,
				Target:   k.tgt,
				States:   states(k.src, k.tgt),
				Optional: ge.optional,
				GoldDate: ge.date,
				Date:     pe.date,
				Text:     ge.text,
			}
			switch kind {
			case KindFP:
				d.Text, d.Background = pe.text, pe.background
			case KindDate:
				d.Text, d.Background = cmp.Or(pe.dateText, pe.text), pe.background
			}
			r.Detail = append(r.Detail, d)
		})
	}
	for _, f := range []*Figure{&r.StateTyped, &r.AllTyped, &r.StateDyad, &r.AllDyad} {
		f.finish()
	}
	for _, d := range []*DateAccuracy{&r.Dates.StateTyped, &r.Dates.AllTyped} {
		d.Accuracy = ratio(d.Correct, d.Matched)
	}
	kinds := map[string]int{KindFN: 0, KindFP: 1, KindDate: 2, KindMissedOptional: 3}
	slices.SortFunc(r.Detail, func(a, b Detail) int {
		return cmp.Or(
			cmp.Compare(a.Article, b.Article),
			cmp.Compare(kinds[a.Kind], kinds[b.Kind]),
			key{a.Type, a.Source, a.Target}.less(key{b.Type, b.Source, b.Target}),
		)
	})
	return r
}
