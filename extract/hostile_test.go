package extract

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/segment"
)

// hostileShapes are articles made to make extraction super-linear: one
// repeated unit fills the text. They cover brackets and quotes (nesting
// for the parser), one long word, one sentence without a period, many
// short tokens, abbreviations, capitalised names (name chunking), commas
// and "and" (coordination) and country names (actors).
var hostileShapes = []struct{ name, unit string }{
	{"parens", "("},
	{"nested", "([\"\u201c{"},
	{"word", "x"},
	{"a-space", "a "},
	{"no-period", "the minister said that France would talk with Germany about trade "},
	{"US", "U.S. "},
	{"caps", "Alpha Bravo Charlie Delta Echo Foxtrot "},
	{"commas", ", "},
	{"country-commas", "France, "},
	{"ands", "and "},
	{"countries", "France Germany Russia China Iran Iraq "},
	{"news", "Britain and the US are to enter direct talks with Iran over how to stabilise Iraq, the foreign secretary said. "},
	{"denials", "Iran accused Iraq of attacks. Iraq denied the charge. "},
	{"meetings", "Iran's foreign minister met his Iraqi counterpart in %s. "},
	// thousands of officials, each named once (%s: a new name each time)
	{"persons", "French Foreign Minister Jean %s met Mr. %s and Germany's ambassador Hans %s. "},
}

// hostileArticle returns an article of about n bytes made of unit, whose
// %s, if any, is a new capitalized word at each repetition.
func hostileArticle(unit string, n int) article.Article {
	text := strings.Repeat(unit, max(1, n/len(unit)))
	if strings.Contains(unit, "%s") {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			w := string([]byte{byte('A' + i%26), byte('a' + i/26%26), byte('a' + i/676%26), byte('a' + i/17576%26)})
			b.WriteString(strings.ReplaceAll(unit, "%s", w))
		}
		text = b.String()
	}
	return article.Article{
		ID:                 "hostile",
		Text:               text,
		Published:          time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		PublishedPrecision: article.PrecisionDay,
	}
}

// BenchmarkHostile extracts each hostile shape at 256 KB and 1 MB. Linear
// time and memory show as the same ns/byte and B/byte at both sizes.
func BenchmarkHostile(b *testing.B) {
	x := testExtractor(b)
	for _, sh := range hostileShapes {
		for _, sz := range []struct {
			name string
			n    int
		}{{"256KB", 256 << 10}, {"1MB", 1 << 20}} {
			b.Run(sh.name+"/"+sz.name, func(b *testing.B) {
				a := hostileArticle(sh.unit, sz.n)
				n := float64(len(a.Text))
				var ms0, ms1 runtime.MemStats
				runtime.ReadMemStats(&ms0)
				for b.Loop() {
					x.Extract(a)
				}
				runtime.ReadMemStats(&ms1)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/byte")
				b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/n, "B/byte")
			})
		}
	}
}

// allocBytes returns the bytes f allocates (runtime.MemStats.TotalAlloc).
func allocBytes(f func()) uint64 {
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	f()
	runtime.ReadMemStats(&ms1)
	return ms1.TotalAlloc - ms0.TotalAlloc
}

// liveHeap returns the bytes of the heap found live by the last GC.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// liveDuring returns how much heap f holds live, beyond what was live
// before, as seen by the GCs that run while f does (one at every 5% of
// heap growth; a finalizer notes each): the largest and the 75th
// percentile of what they found. A GC also counts as live what is
// allocated while it marks, so a single GC may see more than is held at
// any time; the percentile is not moved by a few of them, and memory held
// over most of f shows in it.
func liveDuring(f func()) (peak, p75 uint64) {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	base := liveHeap()
	var mu sync.Mutex
	var seen []uint64
	stop := false
	type sentinel struct{ _ [16]byte }
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new(sentinel), func(*sentinel) {
			mu.Lock()
			defer mu.Unlock()
			if stop {
				return
			}
			seen = append(seen, max(liveHeap(), base)-base)
			arm()
		})
	}
	arm()
	f()
	mu.Lock()
	stop = true
	mu.Unlock()
	runtime.GC()
	if len(seen) == 0 {
		return 0, 0
	}
	slices.Sort(seen)
	return seen[len(seen)-1], seen[len(seen)*3/4]
}

// TestHostileMemoryLinear checks that extraction takes memory linear in
// the input, with a small constant, for each hostile shape: at 4 times
// the input it may allocate at most 6 times the bytes (TotalAlloc), and
// at 1 MB it may hold at most maxLivePerByte bytes live per input byte
// (the 75th percentile of liveDuring: the resident memory; 4 MB of "("
// used to take 1 GB).
func TestHostileMemoryLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("extracts 1.25 MB per shape; the race detector changes what is allocated")
	}
	const maxLivePerByte = 24
	x := testExtractor(t)
	for _, sh := range hostileShapes {
		t.Run(sh.name, func(t *testing.T) {
			small, large := hostileArticle(sh.unit, 256<<10), hostileArticle(sh.unit, 1<<20)
			bs := allocBytes(func() { x.Extract(small) })
			var bl uint64
			peak, live := liveDuring(func() { bl = allocBytes(func() { x.Extract(large) }) })
			ratio := float64(bl) / float64(max(bs, 1))
			livePerByte := float64(live) / float64(len(large.Text))
			msg := fmt.Sprintf("allocated %d B for %d bytes, %d B for %d bytes (ratio %.2f, %.0f B/byte); live %.1f B/byte (75th percentile of the GCs), %.1f B/byte (largest)",
				bs, len(small.Text), bl, len(large.Text), ratio, float64(bl)/float64(len(large.Text)), livePerByte, float64(peak)/float64(len(large.Text)))
			if ratio > 6 || livePerByte > maxLivePerByte {
				t.Errorf("memory not linear with a small constant: %s", msg)
			} else {
				t.Log(msg)
			}
		})
	}
}

// TestWalkSentences checks that walkSentences passes a sentence of at
// most maxSentenceTokens tokens whole and splits a longer one into pieces
// of at most that many, which together hold all its tokens in order.
func TestWalkSentences(t *testing.T) {
	long := strings.Repeat("the minister said that France would talk with Germany ", 60)
	tests := []struct {
		name, text string
		pieces     int // 0: more than one
	}{
		{"short", "Iran and Iraq met on Monday. They agreed.", 2},
		{"at the cap", strings.Repeat("a ", maxSentenceTokens), 1},
		{"one over the cap", strings.Repeat("a ", maxSentenceTokens+1), 2},
		{"no period", long, 0},
		{"commas", strings.Repeat("France, ", 1000), 0},
		{"parens", strings.Repeat("(", 100_000), 0},
		{"one word", strings.Repeat("x", 100_000), 0},
		{"spaced words over windows", strings.Repeat("abcdefghi ", 20_000), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents := segment.Sentences(tc.text)
			var all []segment.Token
			for _, s := range sents {
				all = segment.AppendTokens(all, tc.text, s)
			}
			var got []segment.Token
			n := 0
			prev := 0
			walkSentences(tc.text, sents, func(s segment.Span, toks []segment.Token) bool {
				n++
				if len(toks) > maxSentenceTokens {
					t.Fatalf("piece %d has %d tokens", n, len(toks))
				}
				if s.Start < prev || len(toks) > 0 && (toks[0].Start < s.Start || toks[len(toks)-1].End > s.End) {
					t.Fatalf("piece %d %v out of order or not holding its tokens", n, s)
				}
				prev = s.End
				got = append(got, toks...)
				return true
			})
			if tc.pieces > 0 && n != tc.pieces || tc.pieces == 0 && n < 2 {
				t.Errorf("%d pieces, want %d (0: several)", n, tc.pieces)
			}
			if tc.name == "one word" {
				return // cut at the windows
			}
			if len(got) != len(all) {
				t.Fatalf("%d tokens in the pieces, %d in the sentences", len(got), len(all))
			}
			for i := range all {
				if got[i] != all[i] {
					t.Fatalf("token %d: %v, want %v", i, got[i], all[i])
				}
			}
		})
	}
}

// TestMentionReaderChunks checks that an article longer than findChunk,
// read chunk by chunk, gives each sentence the mentions that reading it
// whole gives.
func TestMentionReaderChunks(t *testing.T) {
	x := testExtractor(t)
	unit := "Britain and the U.S. are to enter direct talks with Iran over Iraq and Georgia. " +
		"Korea said the Iraqi army would meet in Tehran, Georgia and Jordan said.\n"
	text := strings.Repeat(unit, 3*findChunk/len(unit))
	sents := segment.Sentences(text)
	whole := x.lex.Find(text)
	sure := map[string]bool{}
	for _, m := range whole {
		if !m.Ambiguous && m.Code != "" {
			sure[m.Code] = true
		}
	}
	for _, maxHeld := range []int{0, maxHeldMentions} {
		r := newMentionReader(x.lex, text, sents, maxHeld)
		if fmt.Sprint(r.sure) != fmt.Sprint(sure) {
			t.Errorf("sure codes %v, want %v", r.sure, sure)
		}
		ref := &mentionReader{lex: x.lex, norm: text, sents: sents, sure: sure, ments: whole, end: len(text)}
		ref.pickCandidates(ref.ments)
		total := 0
		for _, s := range sents {
			got, want := r.within(s), ref.within(s)
			total += len(got)
			if len(got) != len(want) {
				t.Fatalf("held %d, sentence %v: %d mentions, want %d", maxHeld, s, len(got), len(want))
			}
			for i := range got {
				if g, w := got[i], want[i]; g.Start != w.Start || g.End != w.End || g.Text != w.Text || g.Code != w.Code || g.Ambiguous != w.Ambiguous {
					t.Fatalf("held %d, sentence %v mention %d: %+v, want %+v", maxHeld, s, i, g, w)
				}
			}
		}
		if total == 0 || maxHeld == 0 && len(r.ments) > len(whole)/2 {
			t.Errorf("held %d: %d mentions read, %d held at the end of %d", maxHeld, total, len(r.ments), len(whole))
		}
	}
}

// TestHostileRelationSentences checks that a relation found in an
// overlong sentence carries a piece of it, not the whole sentence.
func TestHostileRelationSentences(t *testing.T) {
	x := testExtractor(t)
	for _, sh := range hostileShapes {
		t.Run(sh.name, func(t *testing.T) {
			a := hostileArticle(sh.unit, 64<<10)
			rels := x.Extract(a).Relations
			if sh.name == "no-period" && len(rels) == 0 {
				t.Fatal("no relation: nothing checked")
			}
			for _, r := range rels {
				if n := len(segment.Tokens(r.Sentence, segment.Span{Start: 0, End: len(r.Sentence)})); n > maxSentenceTokens+1 {
					t.Fatalf("a relation's sentence has %d tokens: %.80q...", n, r.Sentence)
				}
			}
		})
	}
}
