package event

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// rep is a day-precise asserted report; fields after are changed by the
// test cases.
func rep(id, typ, src, tgt, date string) Report {
	r := Report{ID: id, ArticleID: strings.Split(id, "#")[0], Type: typ, Source: src, Target: tgt,
		Precision: "day", Modality: "asserted", Confidence: 0.5}
	if date != "" {
		r.Date = day(date)
	}
	return r
}

func with(r Report, f func(*Report)) Report { f(&r); return r }

// groups renders events as "TYPE SRC>TGT class precision: report ids".
func groups(es []Event) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s>%s %s %s: %s", e.Type, e.Source, e.Target, e.Class, e.Precision, strings.Join(e.ReportIDs, ",")))
	}
	slices.Sort(out)
	return out
}

func TestKeyOf(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want Key
	}{
		{rep("a#0", "MET_WITH", "USA", "IRN", "2014-06-01"), Key{"MET_WITH", "IRN", "USA", Actual}},
		{rep("a#0", "AGREED_WITH", "USA", "IRN", "2014-06-01"), Key{"AGREED_WITH", "IRN", "USA", Actual}},
		{rep("a#0", "WARNED", "USA", "IRN", "2014-06-01"), Key{"WARNED", "USA", "IRN", Actual}},
		{with(rep("a#0", "WARNED", "USA", "IRN", ""), func(r *Report) { r.Modality = "planned" }), Key{"WARNED", "USA", "IRN", Actual}},
		{with(rep("a#0", "WARNED", "USA", "IRN", ""), func(r *Report) { r.Modality = "hypothetical" }), Key{"WARNED", "USA", "IRN", Hypothetical}},
		{with(rep("a#0", "WARNED", "USA", "IRN", ""), func(r *Report) { r.Modality = "hypothetical"; r.Negated = true }), Key{"WARNED", "USA", "IRN", Negated}},
	} {
		if got := KeyOf(tc.r); got != tc.want {
			t.Errorf("KeyOf(%+v) = %+v, want %+v", tc.r, got, tc.want)
		}
	}
}

func TestGroup(t *testing.T) {
	month := func(r Report) Report { r.Precision = "month"; return r }
	year := func(r Report) Report { r.Precision = "year"; return r }
	week := func(r Report) Report { r.Precision = "week"; return r }
	for _, tc := range []struct {
		name    string
		window  int
		reports []Report
		want    []string
	}{
		{"one meeting reported by three articles in both orders", 1, []Report{
			rep("a#0", "MET_WITH", "USA", "IRN", "2014-06-01"),
			rep("b#0", "MET_WITH", "IRN", "USA", "2014-06-01"),
			rep("c#3", "MET_WITH", "USA", "IRN", "2014-06-02"),
		}, []string{"MET_WITH IRN>USA actual day: a#0,b#0,c#3"}},
		{"a three-day summit is one event (single linkage)", 1, []Report{
			rep("a#0", "MET_WITH", "USA", "IRN", "2014-06-01"),
			rep("b#0", "MET_WITH", "USA", "IRN", "2014-06-02"),
			week(rep("c#0", "MET_WITH", "USA", "IRN", "2014-06-03")),
		}, []string{"MET_WITH IRN>USA actual day: a#0,b#0,c#0"}},
		{"a gap longer than the window splits", 1, []Report{
			rep("a#0", "WARNED", "USA", "IRN", "2014-06-01"),
			rep("b#0", "WARNED", "USA", "IRN", "2014-06-03"),
		}, []string{"WARNED USA>IRN actual day: a#0", "WARNED USA>IRN actual day: b#0"}},
		{"window 0: the same day only", 0, []Report{
			rep("a#0", "WARNED", "USA", "IRN", "2014-06-01"),
			rep("b#0", "WARNED", "USA", "IRN", "2014-06-02"),
			rep("c#0", "WARNED", "USA", "IRN", "2014-06-02"),
		}, []string{"WARNED USA>IRN actual day: a#0", "WARNED USA>IRN actual day: b#0,c#0"}},
		{"window 3 joins across two days", 3, []Report{
			rep("a#0", "WARNED", "USA", "IRN", "2014-06-01"),
			rep("b#0", "WARNED", "USA", "IRN", "2014-06-04"),
		}, []string{"WARNED USA>IRN actual day: a#0,b#0"}},
		{"direction, type and class separate events", 1, []Report{
			rep("a#0", "WARNED", "USA", "IRN", "2014-06-01"),
			rep("a#1", "WARNED", "IRN", "USA", "2014-06-01"),
			rep("a#2", "ACCUSED", "USA", "IRN", "2014-06-01"),
			with(rep("a#3", "WARNED", "USA", "IRN", "2014-06-01"), func(r *Report) { r.Negated = true }),
			with(rep("a#4", "WARNED", "USA", "IRN", "2014-06-01"), func(r *Report) { r.Modality = "hypothetical" }),
			with(rep("a#5", "WARNED", "USA", "IRN", "2014-06-01"), func(r *Report) { r.Modality = "planned" }),
		}, []string{
			"ACCUSED USA>IRN actual day: a#2", "WARNED IRN>USA actual day: a#1",
			"WARNED USA>IRN actual day: a#0,a#5", "WARNED USA>IRN hypothetical day: a#4", "WARNED USA>IRN negated day: a#3",
		}},
		{"month and year buckets, apart from day events", 1, []Report{
			month(rep("a#0", "AIDED", "USA", "IRQ", "2014-06-01")),
			month(rep("b#0", "AIDED", "USA", "IRQ", "2014-06-01")),
			month(rep("c#0", "AIDED", "USA", "IRQ", "2014-07-01")),
			rep("d#0", "AIDED", "USA", "IRQ", "2014-06-01"),
			year(rep("e#0", "AIDED", "USA", "IRQ", "2014-01-01")),
			year(rep("f#0", "AIDED", "USA", "IRQ", "2014-01-01")),
		}, []string{
			"AIDED USA>IRQ actual day: d#0", "AIDED USA>IRQ actual month: a#0,b#0", "AIDED USA>IRQ actual month: c#0",
			"AIDED USA>IRQ actual year: e#0,f#0",
		}},
		{"undated: one event per article", 1, []Report{
			rep("a#0", "AIDED", "USA", "IRQ", ""),
			rep("a#1", "AIDED", "USA", "IRQ", ""),
			rep("b#0", "AIDED", "USA", "IRQ", ""),
		}, []string{"AIDED USA>IRQ actual unknown: a#0,a#1", "AIDED USA>IRQ actual unknown: b#0"}},
	} {
		got := groups(Group(tc.reports, tc.window))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestGroupProperties(t *testing.T) {
	rs := []Report{
		with(rep("b#0", "MET_WITH", "IRN", "USA", "2014-06-02"), func(r *Report) {
			r.Modality = "planned"
			r.Confidence = 0.9
			r.Sentence = "later"
		}),
		with(rep("a#1", "MET_WITH", "USA", "IRN", "2014-06-01"), func(r *Report) {
			r.Background = true
			r.Sentence = "first"
			r.Modality = "planned"
		}),
		with(rep("a#0", "MET_WITH", "USA", "IRN", "2014-06-03"), func(r *Report) { r.Background = true }),
	}
	es := Group(rs, 1)
	if len(es) != 1 {
		t.Fatalf("events = %+v", es)
	}
	e := es[0]
	if !e.Date.Equal(day("2014-06-01")) || !e.Last.Equal(day("2014-06-03")) || e.Precision != Day || e.Modality != "asserted" ||
		e.Negated() || e.Background || e.Reports != 3 || e.Articles != 2 || e.Confidence != 0.9 || e.First.Sentence != "first" {
		t.Errorf("event = %+v", e)
	}
	if !strings.HasPrefix(e.ID, "ev:") || len(e.ID) != 19 || e.ID != ID(e.Key, e.Date, Day, "") {
		t.Errorf("id %q", e.ID)
	}
	// Only planned reports: a planned event.
	if e := Group(rs[:2], 1)[0]; e.Modality != "planned" || e.Reports != 2 {
		t.Errorf("planned event = %+v", e)
	}
	// The same earliest date under ties: the lowest report id comes first.
	tie := []Report{rep("b#0", "WARNED", "USA", "IRN", "2014-06-01"), rep("a#9", "WARNED", "USA", "IRN", "2014-06-01")}
	if e := Group(tie, 1)[0]; e.First.ID != "a#9" {
		t.Errorf("first report %s, want a#9", e.First.ID)
	}
}

// randomReports draws reports over few actors, types and days, so that
// they share keys and chain into events.
func randomReports(rng *rand.Rand, n int) []Report {
	actors := []string{"IRN", "USA", "GBR"}
	types := []string{"MET_WITH", "WARNED", "AIDED"}
	modalities := []string{"asserted", "asserted", "planned", "hypothetical"}
	precisions := []string{"day", "day", "week", "month", "year", "unknown"}
	out := make([]Report, n)
	for i := range out {
		s := rng.IntN(len(actors))
		tg := (s + 1 + rng.IntN(len(actors)-1)) % len(actors)
		r := rep(fmt.Sprintf("a%d#%d", rng.IntN(8), i), types[rng.IntN(len(types))], actors[s], actors[tg], "")
		r.Precision = precisions[rng.IntN(len(precisions))]
		if r.Precision != "unknown" {
			r.Date = day("2014-01-25").AddDate(0, 0, rng.IntN(20))
		}
		r.Modality = modalities[rng.IntN(len(modalities))]
		r.Negated = rng.IntN(6) == 0
		r.Confidence = float64(rng.IntN(10)) / 10
		out[i] = r
	}
	return out
}

// Grouping depends on the set of reports only: shuffled, it gives the
// same events.
func TestGroupOrderIndependent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 50 {
		rs := randomReports(rng, 30)
		want := Group(rs, trial%3)
		for range 5 {
			rng.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
			if got := Group(rs, trial%3); !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d: shuffled reports gave other events:\n%v\nwant\n%v", trial, groups(got), groups(want))
			}
		}
	}
}

func TestAggregate(t *testing.T) {
	planned := func(r Report) Report { r.Modality = "planned"; return r }
	es := Group([]Report{
		rep("a#0", "MET_WITH", "USA", "IRN", "2014-06-01"),
		rep("b#0", "MET_WITH", "IRN", "USA", "2014-06-02"), // the same event
		rep("a#1", "WARNED", "USA", "IRN", "2014-06-20"),
		planned(rep("a#2", "WARNED", "USA", "IRN", "2014-06-28")),
		rep("a#3", "WARNED", "IRN", "USA", "2014-07-01"),
		with(rep("a#4", "AIDED", "USA", "IRN", "2014-06-01"), func(r *Report) { r.Precision = "month" }),
		with(rep("a#5", "AIDED", "USA", "IRN", "2014-03-01"), func(r *Report) { r.Precision = "year" }),
		with(rep("a#6", "WARNED", "USA", "IRN", "2014-06-10"), func(r *Report) { r.Negated = true }),
		with(rep("a#7", "WARNED", "USA", "IRN", "2014-06-11"), func(r *Report) { r.Modality = "hypothetical" }),
		rep("a#8", "WARNED", "USA", "IRN", ""), // undated: no period
	}, 1)
	got := Aggregate(es)
	want := map[Period]Counts{
		{"IRN", "USA", Month, "2014-06"}: {"events": 4, "MET_WITH": 1, "WARNED": 1, "WARNED_planned": 1, "AIDED": 1},
		{"IRN", "USA", Month, "2014-07"}: {"events": 1, "WARNED": 1},
		{"IRN", "USA", Year, "2014"}:     {"events": 1, "AIDED": 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Aggregate = %v\nwant %v", got, want)
	}
	totals := YearTotals(got)
	wantTotals := map[Period]Counts{
		{"IRN", "USA", Year, "2014"}: {"events": 6, "MET_WITH": 1, "WARNED": 2, "WARNED_planned": 1, "AIDED": 2},
	}
	if !reflect.DeepEqual(totals, wantTotals) {
		t.Fatalf("YearTotals = %v\nwant %v", totals, wantTotals)
	}
	if p := (Period{"IRN", "USA", Month, "2014-06"}); !p.Start().Equal(day("2014-06-01")) || p.Dyad() != "IRN-USA" {
		t.Errorf("start %v dyad %s", p.Start(), p.Dyad())
	}
	if p := (Period{"IRN", "USA", Year, "2014"}); !p.Start().Equal(day("2014-01-01")) {
		t.Errorf("year start %v", p.Start())
	}
}

// Applying the differences of a sequence of changes to the reports gives
// the aggregates of the final events, and their year totals the totals
// of the final aggregates: incremental updates equal recomputation.
func TestDiffIncremental(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 20 {
		window := trial % 3
		var reports []Report
		events := Group(nil, window)
		aggs, totals := map[Period]Counts{}, map[Period]Counts{}
		for step := range 40 {
			if len(reports) > 0 && rng.IntN(3) == 0 { // remove some reports
				rng.Shuffle(len(reports), func(i, j int) { reports[i], reports[j] = reports[j], reports[i] })
				reports = reports[:rng.IntN(len(reports))]
			} else {
				for _, r := range randomReports(rng, 1+rng.IntN(4)) {
					r.ID = fmt.Sprintf("%s-%d-%d", r.ID, step, len(reports))
					reports = append(reports, r)
				}
			}
			next := Group(reports, window)
			diff := Diff(events, next)
			apply(aggs, diff)
			apply(totals, YearTotals(diff))
			events = next
			if want := Aggregate(events); !maps.EqualFunc(aggs, want, maps.Equal) {
				t.Fatalf("trial %d step %d: incremental %v\nrecomputed %v", trial, step, aggs, want)
			}
			if want := YearTotals(Aggregate(events)); !maps.EqualFunc(totals, want, maps.Equal) {
				t.Fatalf("trial %d step %d: incremental year totals %v\nrecomputed %v", trial, step, totals, want)
			}
		}
	}
}

// apply adds a difference to aggregates (in place) and deletes those whose
// events fall to 0: what the graph writer does to ALIGNMENT relationships
// (alignment_apply.cypher), the test's model of it.
func apply(aggs, diff map[Period]Counts) {
	for p, d := range diff {
		c := aggs[p]
		if c == nil {
			c = Counts{}
			aggs[p] = c
		}
		for k, n := range d {
			c[k] += n
			if c[k] == 0 {
				delete(c, k)
			}
		}
		if c["events"] == 0 {
			delete(aggs, p)
		}
	}
}
