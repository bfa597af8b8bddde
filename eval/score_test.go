package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"math"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/relation"
)

func rel(typ, src, tgt string) GoldRelation {
	return GoldRelation{Type: typ, Source: src, Target: tgt, Evidence: typ + " " + src + " " + tgt}
}

func opt(r GoldRelation) GoldRelation { r.Optional = true; return r }

func pr(typ, src, tgt string) Predicted {
	return Predicted{Type: typ, Source: src, Target: tgt, Sentence: "s: " + typ + " " + src + " " + tgt}
}

func neg(p Predicted) Predicted { p.Negated = true; return p }

// want is the expected TP, TPRequired, FP, FN and Required of one figure.
type want = Counts

func TestScore(t *testing.T) {
	tests := []struct {
		name  string
		gold  []GoldRelation
		pred  []Predicted // nil: the article has no prediction at all
		state want        // state_typed
		all   want        // all_typed
		sdyad want        // state_dyad
		adyad want        // all_dyad
	}{
		{
			name:  "exact match",
			gold:  []GoldRelation{rel(relation.Accused, "USA", "IRN")},
			pred:  []Predicted{pr(relation.Accused, "USA", "IRN")},
			state: want{TP: 1, TPRequired: 1, Required: 1},
			all:   want{TP: 1, TPRequired: 1, Required: 1},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name:  "optional match is TP but not required",
			gold:  []GoldRelation{opt(rel(relation.MetWith, "USA", "IRN"))},
			pred:  []Predicted{pr(relation.MetWith, "USA", "IRN")},
			state: want{TP: 1},
			all:   want{TP: 1},
			sdyad: want{TP: 1},
			adyad: want{TP: 1},
		},
		{
			name:  "optional miss is not FN",
			gold:  []GoldRelation{opt(rel(relation.MetWith, "USA", "IRN")), rel(relation.Accused, "USA", "IRN")},
			pred:  []Predicted{pr(relation.Accused, "USA", "IRN")},
			state: want{TP: 1, TPRequired: 1, Required: 1},
			all:   want{TP: 1, TPRequired: 1, Required: 1},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name:  "negated prediction dropped",
			gold:  []GoldRelation{rel(relation.MetWith, "USA", "IRN")},
			pred:  []Predicted{neg(pr(relation.MetWith, "USA", "IRN")), neg(pr(relation.Attacked, "USA", "IRN"))},
			state: want{FN: 1, Required: 1},
			all:   want{FN: 1, Required: 1},
			sdyad: want{FN: 1, Required: 1},
			adyad: want{FN: 1, Required: 1},
		},
		{
			name:  "negated duplicate of a kept prediction does not remove it",
			gold:  []GoldRelation{rel(relation.MetWith, "USA", "IRN")},
			pred:  []Predicted{neg(pr(relation.MetWith, "USA", "IRN")), pr(relation.MetWith, "USA", "IRN")},
			state: want{TP: 1, TPRequired: 1, Required: 1},
			all:   want{TP: 1, TPRequired: 1, Required: 1},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name:  "symmetric types are unordered",
			gold:  []GoldRelation{rel(relation.MetWith, "USA", "IRN"), rel(relation.AgreedWith, "IRN", "USA")},
			pred:  []Predicted{pr(relation.MetWith, "IRN", "USA"), pr(relation.AgreedWith, "USA", "IRN")},
			state: want{TP: 2, TPRequired: 2, Required: 2},
			all:   want{TP: 2, TPRequired: 2, Required: 2},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name:  "directed types are ordered",
			gold:  []GoldRelation{rel(relation.Accused, "USA", "IRN")},
			pred:  []Predicted{pr(relation.Accused, "IRN", "USA")},
			state: want{FP: 1, FN: 1, Required: 1},
			all:   want{FP: 1, FN: 1, Required: 1},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name: "duplicate predictions count once",
			gold: []GoldRelation{rel(relation.MetWith, "USA", "IRN")},
			pred: []Predicted{
				pr(relation.MetWith, "USA", "IRN"), pr(relation.MetWith, "IRN", "USA"), pr(relation.MetWith, "USA", "IRN"),
				pr(relation.Warned, "USA", "IRN"), pr(relation.Warned, "USA", "IRN"),
			},
			state: want{TP: 1, TPRequired: 1, FP: 1, Required: 1},
			all:   want{TP: 1, TPRequired: 1, FP: 1, Required: 1},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name:  "duplicate gold counts once",
			gold:  []GoldRelation{rel(relation.MetWith, "USA", "IRN"), rel(relation.MetWith, "IRN", "USA")},
			pred:  []Predicted{},
			state: want{FN: 1, Required: 1},
			all:   want{FN: 1, Required: 1},
			sdyad: want{FN: 1, Required: 1},
			adyad: want{FN: 1, Required: 1},
		},
		{
			name:  "gold both required and optional is required",
			gold:  []GoldRelation{opt(rel(relation.MetWith, "USA", "IRN")), rel(relation.MetWith, "IRN", "USA")},
			pred:  []Predicted{},
			state: want{FN: 1, Required: 1},
			all:   want{FN: 1, Required: 1},
			sdyad: want{FN: 1, Required: 1},
			adyad: want{FN: 1, Required: 1},
		},
		{
			name: "state filter excludes organizations from state figures only",
			gold: []GoldRelation{
				rel(relation.Attacked, "ISIL", "IRQ"),
				rel(relation.MetWith, "PAK", "IMF"), // IMF: three letters, but an organization code
				rel(relation.Accused, "ORG:Human Rights Watch", "MMR"),
				rel(relation.Aided, "USA", "UKR"),
			},
			pred: []Predicted{
				pr(relation.Attacked, "ISIL", "IRQ"),
				pr(relation.MetWith, "IMF", "PAK"),
				pr(relation.Supported, "ORG:Human Rights Watch", "MMR"), // FP in all_typed only
				pr(relation.Aided, "USA", "UKR"),
				pr(relation.Warned, "NATO", "RUS"), // FP in all_typed only
			},
			state: want{TP: 1, TPRequired: 1, Required: 1},
			all:   want{TP: 3, TPRequired: 3, FP: 2, FN: 1, Required: 4},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 4, TPRequired: 4, FP: 1, Required: 4},
		},
		{
			name: "target_place relations are ignored",
			gold: []GoldRelation{
				{Type: relation.DeployedTo, Source: "USA", TargetPlace: "Persian Gulf", Optional: true, Evidence: "arrived in the Persian Gulf"},
				rel(relation.DeployedTo, "IRN", "IRQ"),
			},
			pred:  []Predicted{pr(relation.DeployedTo, "IRN", "IRQ")},
			state: want{TP: 1, TPRequired: 1, Required: 1},
			all:   want{TP: 1, TPRequired: 1, Required: 1},
			sdyad: want{TP: 1, TPRequired: 1, Required: 1},
			adyad: want{TP: 1, TPRequired: 1, Required: 1},
		},
		{
			name:  "article without predictions is all FN",
			gold:  []GoldRelation{rel(relation.MetWith, "USA", "IRN"), rel(relation.Accused, "USA", "IRN"), opt(rel(relation.Warned, "USA", "IRN"))},
			pred:  nil,
			state: want{FN: 2, Required: 2},
			all:   want{FN: 2, Required: 2},
			sdyad: want{FN: 1, Required: 1},
			adyad: want{FN: 1, Required: 1},
		},
		{
			name: "dyad ignores type and direction; required if any relation is",
			gold: []GoldRelation{
				rel(relation.Accused, "USA", "CHN"),
				opt(rel(relation.Warned, "RUS", "UKR")),
				opt(rel(relation.Sanctioned, "GBR", "RUS")),
				rel(relation.Attacked, "RUS", "GBR"),
			},
			pred: []Predicted{
				pr(relation.Warned, "CHN", "USA"),     // dyad TP (required)
				pr(relation.Attacked, "UKR", "RUS"),   // dyad TP (optional)
				pr(relation.MetWith, "USA", "FRA"),    // FP everywhere
				pr(relation.Supported, "NATO", "UKR"), // FP in all_* only
			},
			state: want{FP: 3, FN: 2, Required: 2},
			all:   want{FP: 4, FN: 2, Required: 2},
			sdyad: want{TP: 2, TPRequired: 1, FP: 1, FN: 1, Required: 2},
			adyad: want{TP: 2, TPRequired: 1, FP: 2, FN: 1, Required: 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gold := map[string]Gold{"a": {Article: "a", Relations: tc.gold}}
			pred := map[string][]Predicted{}
			if tc.pred != nil {
				pred["a"] = tc.pred
			}
			r := Score(gold, pred, Options{})
			check := func(name string, f Figure, w want) {
				t.Helper()
				if f.Counts != w {
					t.Errorf("%s: got %+v, want %+v", name, f.Counts, w)
				}
				checkRatios(t, name, f)
			}
			check("state_typed", r.StateTyped, tc.state)
			check("all_typed", r.AllTyped, tc.all)
			check("state_dyad", r.StateDyad, tc.sdyad)
			check("all_dyad", r.AllDyad, tc.adyad)
			if tc.pred == nil && (len(r.Missing) != 1 || r.Missing[0] != "a") {
				t.Errorf("Missing = %v, want [a]", r.Missing)
			}
			// Details hold exactly the FP and FN of all_typed.
			var fp, fn int
			for _, d := range r.Detail {
				switch d.Kind {
				case KindFP:
					fp++
				case KindFN:
					fn++
				}
			}
			if fp != r.AllTyped.FP || fn != r.AllTyped.FN {
				t.Errorf("details: %d FP, %d FN; all_typed has %d FP, %d FN", fp, fn, r.AllTyped.FP, r.AllTyped.FN)
			}
		})
	}
}

// checkRatios checks P, R and F1 against the counts and that none is NaN.
func checkRatios(t *testing.T, name string, f Figure) {
	t.Helper()
	for _, v := range []float64{f.Precision, f.Recall, f.F1} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1 {
			t.Errorf("%s: ratio %v out of range in %+v", name, v, f)
		}
	}
	p, r := 0.0, 0.0
	if f.TP+f.FP > 0 {
		p = float64(f.TP) / float64(f.TP+f.FP)
	}
	if f.Required > 0 {
		r = float64(f.TPRequired) / float64(f.Required)
	}
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	if !approx(f.Precision, p) || !approx(f.Recall, r) || !approx(f.F1, f1) {
		t.Errorf("%s: P/R/F1 = %v/%v/%v, want %v/%v/%v", name, f.Precision, f.Recall, f.F1, p, r, f1)
	}
	if f.Required != f.TPRequired+f.FN {
		t.Errorf("%s: required %d != TP(required) %d + FN %d", name, f.Required, f.TPRequired, f.FN)
	}
}

func approx(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestScoreEmpty(t *testing.T) {
	for _, tc := range []struct {
		name string
		gold map[string]Gold
		pred map[string][]Predicted
	}{
		{"nil", nil, nil},
		{"empty gold article, no prediction", map[string]Gold{"a": {Article: "a"}}, nil},
		{"empty gold article, empty prediction", map[string]Gold{"a": {Article: "a"}}, map[string][]Predicted{"a": {}}},
		{"only optional gold", map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{opt(rel(relation.MetWith, "USA", "IRN"))}}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(tc.gold, tc.pred, Options{})
			for name, f := range map[string]Figure{"state_typed": r.StateTyped, "all_typed": r.AllTyped, "state_dyad": r.StateDyad, "all_dyad": r.AllDyad} {
				if f.Counts != (Counts{}) || f.Precision != 0 || f.Recall != 0 || f.F1 != 0 {
					t.Errorf("%s: got %+v, want all zero", name, f)
				}
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatalf("json: %v", err) // NaN would fail here
			}
			if !bytes.Contains(b, []byte(`"unscored":[]`)) || !bytes.Contains(b, []byte(`"missing":[`)) {
				t.Errorf("empty lists should marshal as []: %s", b)
			}
		})
	}
}

func TestScoreAllFPGivesZeroRecall(t *testing.T) {
	gold := map[string]Gold{"a": {Article: "a"}}
	pred := map[string][]Predicted{"a": {pr(relation.MetWith, "USA", "IRN")}}
	r := Score(gold, pred, Options{})
	if r.StateTyped.FP != 1 || r.StateTyped.Precision != 0 || r.StateTyped.Recall != 0 || r.StateTyped.F1 != 0 {
		t.Errorf("got %+v", r.StateTyped)
	}
}

func TestScoreMicroAverageAndArticles(t *testing.T) {
	gold := map[string]Gold{
		"a": {Article: "a", Relations: []GoldRelation{rel(relation.MetWith, "USA", "IRN"), rel(relation.Accused, "USA", "IRN")}},
		"b": {Article: "b", Relations: []GoldRelation{rel(relation.MetWith, "USA", "IRN")}},
		"c": {Article: "c", Relations: []GoldRelation{rel(relation.Attacked, "RUS", "UKR")}},
	}
	pred := map[string][]Predicted{
		"a": {pr(relation.MetWith, "USA", "IRN")},
		"b": {pr(relation.MetWith, "USA", "IRN"), pr(relation.Warned, "USA", "IRN")},
		"x": {pr(relation.Attacked, "RUS", "UKR")}, // no gold: ignored, listed
		// "c" missing: all FN
	}
	r := Score(gold, pred, Options{})
	w := Counts{TP: 2, TPRequired: 2, FP: 1, FN: 2, Required: 4}
	if r.StateTyped.Counts != w {
		t.Errorf("got %+v, want %+v", r.StateTyped.Counts, w)
	}
	if !approx(r.StateTyped.Precision, 2.0/3) || !approx(r.StateTyped.Recall, 0.5) || !approx(r.StateTyped.F1, 4.0/7) {
		t.Errorf("P/R/F1 = %v/%v/%v", r.StateTyped.Precision, r.StateTyped.Recall, r.StateTyped.F1)
	}
	if r.Articles != 3 || strings.Join(r.Unscored, ",") != "x" || strings.Join(r.Missing, ",") != "c" {
		t.Errorf("articles %d, unscored %v, missing %v", r.Articles, r.Unscored, r.Missing)
	}
	pt := r.StateTyped.PerType
	if pt[relation.MetWith] != (Counts{TP: 2, TPRequired: 2, Required: 2}) ||
		pt[relation.Accused] != (Counts{FN: 1, Required: 1}) ||
		pt[relation.Warned] != (Counts{FP: 1}) ||
		pt[relation.Attacked] != (Counts{FN: 1, Required: 1}) {
		t.Errorf("per type: %+v", pt)
	}
	if r.StateDyad.PerType != nil || r.AllDyad.PerType != nil {
		t.Errorf("dyad figures should have no per-type counts")
	}
}

func TestScoreDetail(t *testing.T) {
	gold := map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{
		rel(relation.Accused, "USA", "IRN"),
		opt(rel(relation.MetWith, "USA", "IRN")),
		rel(relation.Attacked, "ISIL", "IRQ"),
	}}}
	pred := map[string][]Predicted{"a": {
		{Type: relation.MetWith, Source: "IRN", Target: "GBR", Sentence: "first"},
		{Type: relation.MetWith, Source: "GBR", Target: "IRN", Sentence: "second"},
	}}
	r := Score(gold, pred, Options{})
	want := []Detail{
		{Article: "a", Kind: KindFN, Type: relation.Accused, Source: "USA", Target: "IRN", States: true, Text: "ACCUSED USA IRN"},
		{Article: "a", Kind: KindFN, Type: relation.Attacked, Source: "ISIL", Target: "IRQ", Text: "ATTACKED ISIL IRQ"},
		{Article: "a", Kind: KindFP, Type: relation.MetWith, Source: "GBR", Target: "IRN", States: true, Text: "first"},
		{Article: "a", Kind: KindMissedOptional, Type: relation.MetWith, Source: "IRN", Target: "USA", States: true, Optional: true, Text: "MET_WITH USA IRN"},
	}
	if len(r.Detail) != len(want) {
		t.Fatalf("got %d details %+v, want %d", len(r.Detail), r.Detail, len(want))
	}
	for i := range want {
		if r.Detail[i] != want[i] {
			t.Errorf("detail %d: got %+v, want %+v", i, r.Detail[i], want[i])
		}
	}
}

func TestScoreCustomIsState(t *testing.T) {
	gold := map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{rel(relation.MetWith, "PAK", "IMF")}}}
	r := Score(gold, nil, Options{IsState: func(c string) bool { return len(c) == 3 }})
	if r.StateTyped.Required != 1 {
		t.Errorf("custom IsState not used: %+v", r.StateTyped)
	}
}

func TestIsState(t *testing.T) {
	for code, want := range map[string]bool{
		"USA": true, "PSE": true, "XKX": true, "TWN": true,
		"IMF": false, "ICC": false, "SCO": false, "HTS": false, "SDF": false, "PKK": false,
		"UN": false, "NATO": false, "ISIL": false, "ORG:Shiite militias": false,
		"usa": false, "US": false, "": false, "G20": false, "M23": false,
	} {
		if got := IsState(code); got != want {
			t.Errorf("IsState(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestReportJSONAndText(t *testing.T) {
	gold := map[string]Gold{
		"003": {Article: "003", Relations: []GoldRelation{rel(relation.MetWith, "GBR", "IRN"), rel(relation.DeployedTo, "IRN", "IRQ"), rel(relation.Attacked, "ISIL", "IRQ")}},
	}
	pred := map[string][]Predicted{
		"003": {pr(relation.MetWith, "IRN", "GBR"), pr(relation.DeployedTo, "USA", "IRQ")},
		"999": {pr(relation.MetWith, "USA", "IRN")},
	}
	r := Score(gold, pred, Options{})

	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"articles", "missing", "unscored", "state_typed", "all_typed", "state_dyad", "all_dyad", "detail"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	var fig map[string]json.RawMessage
	if err := json.Unmarshal(m["state_typed"], &fig); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"tp", "tp_required", "fp", "fn", "required", "precision", "recall", "f1", "per_type"} {
		if _, ok := fig[k]; !ok {
			t.Errorf("state_typed JSON lacks %q: %s", k, m["state_typed"])
		}
	}

	var buf bytes.Buffer
	if err := r.WriteText(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{"state_typed", "all_typed", "state_dyad", "all_dyad", "0.500", "0.400", "MET_WITH", "DEPLOYED_TO", "999", "\n003\n", "FP", "FN", `"s: DEPLOYED_TO USA IRQ"`} {
		if !strings.Contains(out, s) {
			t.Errorf("text output lacks %q:\n%s", s, out)
		}
	}
	buf.Reset()
	if err := r.WriteText(&buf, false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "details") {
		t.Errorf("details written without detail:\n%s", buf.String())
	}
	if testing.Verbose() {
		buf.Reset()
		r.WriteText(&buf, true)
		t.Log("\n" + buf.String())
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errFail
	}
	return len(p), nil
}

var errFail = errors.New("write failed")

func TestWriteTextError(t *testing.T) {
	r := Score(map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{rel(relation.MetWith, "USA", "IRN")}}}, nil, Options{})
	for n := range 4 {
		if err := r.WriteText(&failWriter{n: n}, true); err == nil {
			t.Errorf("failing after %d writes: no error", n)
		}
	}
}

func TestDateAgrees(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"2019-05-12", "2019-05-12", true},
		{"2019-05-12", "2019-05-13", false},
		{"2019-05-12", "2019-05", false}, // less precise than the gold
		{"2019-05-12", "2019", false},
		{"2019-05-12", "", false},
		{"2019-05", "2019-05-12", true}, // within the gold month
		{"2019-05", "2019-05", true},
		{"2019-05", "2019-06-01", false},
		{"2019-05", "2019", false},
		{"2019", "2019-12-31", true},
		{"2019", "2019-01", true},
		{"2019", "2019", true},
		{"2019", "2018-12-31", false},
		{"2019", "20190", false}, // not a date the gold year contains
		{"", "2019", false},
		{"", "", false},
	}
	for _, tc := range tests {
		if got := DateAgrees(tc.gold, tc.pred); got != tc.want {
			t.Errorf("DateAgrees(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
		}
	}
}

// dated returns a gold relation with a date.
func dated(r GoldRelation, date string) GoldRelation { r.Date = date; return r }

// on returns a prediction with a date.
func on(p Predicted, date string) Predicted { p.Date = date; return p }

func TestScoreDates(t *testing.T) {
	tests := []struct {
		name       string
		gold       []GoldRelation
		pred       []Predicted
		state, all DateAccuracy
		mismatches []string // "gold date|extracted date" of the DATE details, in order
	}{
		{
			name:  "same day",
			gold:  []GoldRelation{dated(rel(relation.MetWith, "USA", "IRN"), "2019-05-12")},
			pred:  []Predicted{on(pr(relation.MetWith, "IRN", "USA"), "2019-05-12")},
			state: DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
			all:   DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
		},
		{
			name:       "other day",
			gold:       []GoldRelation{dated(rel(relation.Accused, "USA", "IRN"), "2019-05-12")},
			pred:       []Predicted{on(pr(relation.Accused, "USA", "IRN"), "2019-05-10")},
			state:      DateAccuracy{Matched: 1},
			all:        DateAccuracy{Matched: 1},
			mismatches: []string{"2019-05-12|2019-05-10"},
		},
		{
			name: "gold precision decides",
			gold: []GoldRelation{
				dated(rel(relation.Accused, "USA", "IRN"), "2019-05"),
				dated(rel(relation.Warned, "USA", "IRN"), "2019"),
				dated(rel(relation.Sanctioned, "USA", "IRN"), "2019-05-12"),
			},
			pred: []Predicted{
				on(pr(relation.Accused, "USA", "IRN"), "2019-05-30"),
				on(pr(relation.Warned, "USA", "IRN"), "2019-11"),
				on(pr(relation.Sanctioned, "USA", "IRN"), "2019-05"),
			},
			state:      DateAccuracy{Matched: 3, Correct: 2, Accuracy: 2.0 / 3},
			all:        DateAccuracy{Matched: 3, Correct: 2, Accuracy: 2.0 / 3},
			mismatches: []string{"2019-05-12|2019-05"},
		},
		{
			name:       "no extracted date is wrong",
			gold:       []GoldRelation{dated(rel(relation.Aided, "USA", "UKR"), "2022")},
			pred:       []Predicted{pr(relation.Aided, "USA", "UKR")},
			state:      DateAccuracy{Matched: 1},
			all:        DateAccuracy{Matched: 1},
			mismatches: []string{"2022|"},
		},
		{
			name: "only gold relations with a date and a match count",
			gold: []GoldRelation{
				rel(relation.MetWith, "USA", "IRN"),                         // no gold date
				dated(rel(relation.Warned, "USA", "IRN"), "2019-05-12"),     // not extracted
				dated(opt(rel(relation.Aided, "USA", "IRQ")), "2019-05-11"), // optional, extracted
			},
			pred: []Predicted{
				on(pr(relation.MetWith, "USA", "IRN"), "2019-05-12"),
				on(pr(relation.Attacked, "USA", "IRN"), "2019-05-12"), // FP
				on(pr(relation.Aided, "USA", "IRQ"), "2019-05-11"),
			},
			state: DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
			all:   DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
		},
		{
			name: "first non-empty date of duplicate predictions",
			gold: []GoldRelation{
				dated(rel(relation.MetWith, "USA", "IRN"), "2019-05-12"),
				dated(rel(relation.Accused, "USA", "IRN"), "2019-05-12"),
			},
			pred: []Predicted{
				pr(relation.MetWith, "USA", "IRN"),
				on(pr(relation.MetWith, "IRN", "USA"), "2019-05-12"),
				on(pr(relation.MetWith, "USA", "IRN"), "2019-05-01"),
				on(pr(relation.Accused, "USA", "IRN"), "2019-05-01"),
				on(pr(relation.Accused, "USA", "IRN"), "2019-05-12"),
			},
			state:      DateAccuracy{Matched: 2, Correct: 1, Accuracy: 0.5},
			all:        DateAccuracy{Matched: 2, Correct: 1, Accuracy: 0.5},
			mismatches: []string{"2019-05-12|2019-05-01"},
		},
		{
			name:       "negated prediction gives no date",
			gold:       []GoldRelation{dated(rel(relation.MetWith, "USA", "IRN"), "2019-05-12")},
			pred:       []Predicted{neg(on(pr(relation.MetWith, "USA", "IRN"), "2019-05-12")), on(pr(relation.MetWith, "USA", "IRN"), "2019-04-12")},
			state:      DateAccuracy{Matched: 1},
			all:        DateAccuracy{Matched: 1},
			mismatches: []string{"2019-05-12|2019-04-12"},
		},
		{
			name: "organizations count in all_typed only",
			gold: []GoldRelation{
				dated(rel(relation.Attacked, "ISIL", "IRQ"), "2015-06"),
				dated(rel(relation.MetWith, "PAK", "IMF"), "2019"),
				dated(rel(relation.Aided, "USA", "UKR"), "2022-03-01"),
			},
			pred: []Predicted{
				on(pr(relation.Attacked, "ISIL", "IRQ"), "2015-07-02"),
				on(pr(relation.MetWith, "IMF", "PAK"), "2019-02"),
				on(pr(relation.Aided, "USA", "UKR"), "2022-03-01"),
			},
			state:      DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
			all:        DateAccuracy{Matched: 3, Correct: 2, Accuracy: 2.0 / 3},
			mismatches: []string{"2015-06|2015-07-02"},
		},
		{
			name: "gold both required and optional: the dated annotation gives the date",
			gold: []GoldRelation{
				dated(opt(rel(relation.MetWith, "USA", "IRN")), "2019-05"),
				rel(relation.MetWith, "IRN", "USA"),
			},
			pred:  []Predicted{on(pr(relation.MetWith, "USA", "IRN"), "2019-05-03")},
			state: DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
			all:   DateAccuracy{Matched: 1, Correct: 1, Accuracy: 1},
		},
		{
			name: "no gold date at all",
			gold: []GoldRelation{rel(relation.MetWith, "USA", "IRN")},
			pred: []Predicted{on(pr(relation.MetWith, "USA", "IRN"), "2019-05-12")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(map[string]Gold{"a": {Article: "a", Relations: tc.gold}}, map[string][]Predicted{"a": tc.pred}, Options{})
			if !approxDates(r.Dates.StateTyped, tc.state) {
				t.Errorf("state_typed: got %+v, want %+v", r.Dates.StateTyped, tc.state)
			}
			if !approxDates(r.Dates.AllTyped, tc.all) {
				t.Errorf("all_typed: got %+v, want %+v", r.Dates.AllTyped, tc.all)
			}
			var got []string
			for _, d := range r.Detail {
				if d.Kind == KindDate {
					got = append(got, d.GoldDate+"|"+d.Date)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.mismatches, ",") {
				t.Errorf("date mismatches %q, want %q", got, tc.mismatches)
			}
			if n := r.Dates.AllTyped.Matched - r.Dates.AllTyped.Correct; n != len(got) {
				t.Errorf("%d date details for %d wrong dates", len(got), n)
			}
		})
	}
}

func approxDates(a, b DateAccuracy) bool {
	return a.Matched == b.Matched && a.Correct == b.Correct && approx(a.Accuracy, b.Accuracy)
}

func TestScoreDateDetail(t *testing.T) {
	gold := map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{
		dated(rel(relation.Sanctioned, "USA", "IRN"), "1979-11"),
		dated(rel(relation.Accused, "USA", "IRN"), "2019-05-12"),
	}}}
	pred := map[string][]Predicted{"a": {
		{Type: relation.Sanctioned, Source: "USA", Target: "IRN", Sentence: "undated"},
		{Type: relation.Sanctioned, Source: "USA", Target: "IRN", Sentence: "dated", Date: "2019-05-12", Background: true},
		{Type: relation.Attacked, Source: "USA", Target: "IRN", Sentence: "fp", Date: "2019-05-11"},
	}}
	r := Score(gold, pred, Options{})
	want := []Detail{
		{Article: "a", Kind: KindFN, Type: relation.Accused, Source: "USA", Target: "IRN", States: true, GoldDate: "2019-05-12", Text: "ACCUSED USA IRN"},
		{Article: "a", Kind: KindFP, Type: relation.Attacked, Source: "USA", Target: "IRN", States: true, Date: "2019-05-11", Text: "fp"},
		{Article: "a", Kind: KindDate, Type: relation.Sanctioned, Source: "USA", Target: "IRN", States: true, GoldDate: "1979-11", Date: "2019-05-12", Background: true, Text: "dated"},
	}
	if len(r.Detail) != len(want) {
		t.Fatalf("got %d details %+v, want %d", len(r.Detail), r.Detail, len(want))
	}
	for i := range want {
		if r.Detail[i] != want[i] {
			t.Errorf("detail %d: got %+v, want %+v", i, r.Detail[i], want[i])
		}
	}
}

func TestWriteTextDatesAndNA(t *testing.T) {
	gold := map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{
		dated(rel(relation.MetWith, "USA", "IRN"), "2019-05-12"),
		dated(rel(relation.Accused, "USA", "IRN"), "2019-05"),
		dated(rel(relation.Attacked, "ISIL", "IRQ"), "2019"),
	}}}
	pred := map[string][]Predicted{"a": {
		on(pr(relation.MetWith, "USA", "IRN"), "2019-05-12"),
		on(pr(relation.Accused, "USA", "IRN"), "2019-04-30"),
		pr(relation.Attacked, "ISIL", "IRQ"),
		pr(relation.Warned, "USA", "IRN"), // FP of a type with no required gold
	}}
	var buf bytes.Buffer
	if err := Score(gold, pred, Options{}).WriteText(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(out, "\n")
	line := func(prefix string) string {
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), prefix) {
				return l
			}
		}
		t.Errorf("no line starting with %q:\n%s", prefix, out)
		return ""
	}
	for _, tc := range []struct{ prefix, want string }{
		{"date accuracy (all_typed):", "date accuracy (all_typed): 0.333 (1 of 3 matched relations with a gold date)"},
		{"date accuracy (state_typed):", "date accuracy (state_typed): 0.500 (1 of 2 matched relations with a gold date)"},
	} {
		if got := line(tc.prefix); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	for _, tc := range []struct {
		prefix string
		want   []string // fields after the type name
	}{
		{"WARNED", []string{"0", "1", "0", "n/a", "|", "0", "1", "0", "n/a"}},
		{"MET_WITH", []string{"1", "0", "0", "1.000", "|", "1", "0", "0", "1.000"}},
		{"ATTACKED", []string{"0", "0", "0", "n/a", "|", "1", "0", "0", "1.000"}},
	} {
		got := strings.Fields(line(tc.prefix + " "))
		if len(got) == 0 || strings.Join(got[1:], " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s row: got %q, want %q", tc.prefix, got, tc.want)
		}
	}
	for _, s := range []string{
		`* date ACCUSED     USA -> IRN  gold 2019-05, extracted 2019-04-30  "s: ACCUSED USA IRN"`,
		`  date ATTACKED    ISIL -> IRQ  gold 2019, extracted none  "s: ATTACKED ISIL IRQ"`,
	} {
		if !strings.Contains(out, s) {
			t.Errorf("text output lacks %q:\n%s", s, out)
		}
	}
	if testing.Verbose() {
		t.Log("\n" + out)
	}
}

func TestWriteTextNoDates(t *testing.T) {
	r := Score(map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{rel(relation.MetWith, "USA", "IRN")}}}, nil, Options{})
	var buf bytes.Buffer
	if err := r.WriteText(&buf, false); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"date accuracy (all_typed): n/a (no matched relation with a gold date)\n",
		"date accuracy (state_typed): n/a (no matched relation with a gold date)\n",
	} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("text output lacks %q:\n%s", s, buf.String())
		}
	}
}

func TestReportJSONDates(t *testing.T) {
	gold := map[string]Gold{"a": {Article: "a", Relations: []GoldRelation{dated(rel(relation.MetWith, "USA", "IRN"), "2019")}}}
	pred := map[string][]Predicted{"a": {on(pr(relation.MetWith, "USA", "IRN"), "2019-05-12")}}
	b, err := json.Marshal(Score(gold, pred, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Dates map[string]map[string]float64 `json:"dates"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, fig := range []string{"state_typed", "all_typed"} {
		want := map[string]float64{"matched": 1, "correct": 1, "accuracy": 1}
		if got := m.Dates[fig]; !maps.Equal(got, want) {
			t.Errorf("dates.%s = %v, want %v (%s)", fig, got, want, b)
		}
	}
}
