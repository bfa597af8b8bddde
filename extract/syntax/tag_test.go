package syntax

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/extract/syntax/internal/train/treebank"
)

// tagRaceDetector is set when the race detector is on (tag_race_test.go).
var tagRaceDetector bool

// tagLine formats words with their tags as "word/TAG ...".
func tagLine(words, tags []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		b.WriteByte('/')
		if i < len(tags) {
			b.WriteString(tags[i])
		}
	}
	return b.String()
}

// TestTagNews checks the tags of news sentences with the constructions
// the parser relies on. Tokens are separated by spaces, as the segment
// tokenizer would give them; "JJ|NNP" accepts either tag where the
// difference does not matter to the parser.
func TestTagNews(t *testing.T) {
	tests := []struct {
		name, sentence, want string
	}{
		{"perfect", "Iran has sent senior military advisers to Baghdad",
			"NNP VBZ VBN JJ JJ NNS TO NNP"},
		{"passive with agent", "The embassy was attacked by protesters on Sunday .",
			"DT NN VBD VBN IN NNS IN NNP ."},
		{"relative clause", "Britain , which blames Moscow for the attack , expelled 23 diplomats .",
			"NNP , WDT VBZ NNP IN DT NN , VBD CD NNS ."},
		{"infinitive", "China agreed to send 1,200 troops to the region .",
			"NNP VBD TO VB CD NNS TO DT NN ."},
		{"held talks", "Putin held talks with Erdogan in Ankara on Tuesday .",
			"NNP VBD NNS IN NNP IN NNP IN NNP ."},
		{"possessive", "Russia 's invasion of Ukraine began in February 2022 .",
			"NNP POS NN IN NNP VBD IN NNP CD ."},
		{"U.S. as noun", "The U.S. imposed sanctions on North Korea .",
			"DT NNP VBD NNS IN NNP NNP ."},
		{"U.S. as modifier, decimals", "U.S. officials said 3.5 million people had fled .",
			"NNP NNS VBD CD CD NNS VBD VBN ."},
		{"coordination, passive participle", "Israel and Hamas agreed to a ceasefire brokered by Qatar and Egypt .",
			"NNP CC NNP VBD TO DT NN VBN IN NNP CC NNP ."},
		{"modal", "Germany will supply tanks to Kyiv , Scholz said .",
			"NNP MD VB NNS TO NNP , NNP VBD ."},
		{"quotes and contraction", `" We don't want war , " the minister told reporters .`,
			"`` PRP VBP VB NN , '' DT NN VBD NNS ."},
		{"participial clause", "NATO condemned the strike , calling it a violation of international law .",
			"NNP VBD DT NN , VBG PRP DT NN IN JJ NN ."},
		{"titles and names", "The president met Japanese Prime Minister Fumio Kishida at the White House .",
			"DT NN VBD JJ|NNP NNP NNP NNP NNP IN DT NNP NNP ."},
		{"brackets", "Venezuela accused Guyana of provoking the dispute ( which dates to 1899 ) .",
			"NNP VBD NNP IN VBG DT NN -LRB- WDT VBZ TO CD -RRB- ."},
		{"numbers and currency", "The deal is valued at $ 2.5 billion , or 40 % of the budget .",
			"DT NN VBZ VBN IN $ CD CD , CC CD NN IN DT NN ."},
	}
	tg := DefaultTagger()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			words := strings.Fields(tc.sentence)
			want := strings.Fields(tc.want)
			if len(want) != len(words) {
				t.Fatalf("bad test: %d words, %d tags", len(words), len(want))
			}
			got := tg.Tag(words)
			for i := range words {
				if !slices.Contains(strings.Split(want[i], "|"), got[i]) {
					t.Errorf("Tag:\n got %s\nwant %s", tagLine(words, got), tagLine(words, want))
					break
				}
			}
		})
	}
}

// TestTagPunctuation checks the spellings of punctuation that the model
// maps to Penn Treebank's.
func TestTagPunctuation(t *testing.T) {
	tests := []struct {
		words string
		want  string
	}{
		{`He said " no " and left .`, "PRP VBD `` DT '' CC VBD ."},
		{`" Yes , " he said , " now . "`, "`` UH , '' PRP VBD , `` RB . ''"},
		{"\u201c Yes , \u201d he said .", "`` UH , '' PRP VBD ."},
		{"the talks ( in Geneva ) failed", "DT NNS -LRB- IN NNP -RRB- VBD"},
		{"the talks [ in Geneva ] failed", "DT NNS -LRB- IN NNP -RRB- VBD"},
		{"the talks - in Geneva - failed", "DT NNS : IN NNP : VBD"},
		{"the talks \u2014 in Geneva \u2014 failed", "DT NNS : IN NNP : VBD"},
		{"the talks -- in Geneva -- failed", "DT NNS : IN NNP : VBD"},
	}
	tg := DefaultTagger()
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		got := tg.Tag(words)
		// Only the punctuation is checked; the rest is context.
		want := strings.Fields(tc.want)
		for i, w := range words {
			if strings.ContainsAny(w, "\"()[]-\u201c\u201d\u2014") && got[i] != want[i] {
				t.Errorf("%q: %s tagged %s, want %s (%s)", tc.words, w, got[i], want[i], tagLine(words, got))
			}
		}
	}
}

// TestTagAnyInput checks that any input gives one tag per word, without
// panicking.
func TestTagAnyInput(t *testing.T) {
	long := strings.Fields(strings.Repeat("the talks failed , officials said ; ", 200))
	inputs := [][]string{
		nil,
		{},
		{""},
		{"", "", ""},
		{"\xff\xfe", "a\x00b", "\u0301"},
		{"\"", "\"", "\""},
		{"Ünïcödé", "ΑΘΗΝΑ", "Москва", "北京", "😀"},
		{"S-400", "al-Sudani", "U.S.-led", "1990s", "'s", "n't", "’s"},
		long,
	}
	tg := DefaultTagger()
	known := map[string]bool{}
	for _, tag := range tg.tags {
		known[tag] = true
	}
	for _, words := range inputs {
		got := tg.Tag(words)
		if len(got) != len(words) {
			t.Errorf("Tag(%q): %d tags for %d words", words, len(got), len(words))
		}
		for i, tag := range got {
			if !known[tag] {
				t.Errorf("Tag(%q): word %d tagged %q", words, i, tag)
			}
		}
	}
}

// FuzzTag checks that any tokens get one known tag each.
func FuzzTag(f *testing.F) {
	f.Add("Iran has sent senior military advisers to Baghdad .")
	f.Add(`" Yes , " he said ( twice ) -- \u2014 \u201c`)
	f.Add("\xff \x00 ’s n't U.S.-led 1,000.5 S-400")
	tg := DefaultTagger()
	known := map[string]bool{}
	for _, tag := range tg.tags {
		known[tag] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		got := tg.Tag(words)
		if len(got) != len(words) {
			t.Fatalf("%d tags for %d words", len(got), len(words))
		}
		for i, tag := range got {
			if !known[tag] {
				t.Fatalf("word %q tagged %q", words[i], tag)
			}
		}
	})
}

func TestTagInto(t *testing.T) {
	tg := DefaultTagger()
	words := strings.Fields("Iran has sent senior military advisers to Baghdad .")
	want := tg.Tag(words)
	buf := make([]string, 3, 64)
	buf[0] = "stale"
	got := tg.TagInto(buf, words)
	if tagLine(words, got) != tagLine(words, want) {
		t.Errorf("TagInto = %v, want %v", got, want)
	}
	if &got[0] != &buf[:1][0] {
		t.Error("TagInto did not reuse its buffer")
	}
	if n := testing.AllocsPerRun(100, func() { got = tg.TagInto(got, words) }); n != 0 {
		t.Errorf("TagInto with a large enough buffer: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = tg.Tag(words) }); n != 1 {
		t.Errorf("Tag: %v allocations, want 1 (the result)", n)
	}
}

func TestDefaultTaggerConcurrent(t *testing.T) {
	words := strings.Fields("Russia 's invasion of Ukraine began in February 2022 .")
	want := tagLine(words, DefaultTagger().Tag(words))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if got := tagLine(words, DefaultTagger().Tag(words)); got != want {
					t.Errorf("concurrent Tag = %s, want %s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestNewTaggerCorrupt checks that a damaged model file is an error, not
// a panic.
func TestNewTaggerCorrupt(t *testing.T) {
	if _, err := NewTagger(nil); err == nil {
		t.Error("NewTagger(nil): no error")
	}
	for _, n := range []int{len(taggerMagic), len(taggerMagic) + 5, len(taggerModel) / 2, len(taggerModel) - 1} {
		if _, err := NewTagger(taggerModel[:n]); err == nil {
			t.Errorf("NewTagger of the first %d bytes: no error", n)
		}
	}
	for _, i := range []int{len(taggerMagic) + 1, len(taggerModel) / 3, len(taggerModel) - 2} {
		bad := bytes.Clone(taggerModel)
		bad[i] ^= 0x10
		if _, err := NewTagger(bad); err == nil {
			t.Errorf("NewTagger with byte %d changed: no error", i)
		}
	}
}

// tagMiniCorpus is a small tagged corpus for training tests that must run
// without the treebank.
var tagMiniCorpus = func() []TaggedSentence {
	var out []TaggedSentence
	for _, s := range []string{
		"Iran/NNP has/VBZ sent/VBN advisers/NNS to/TO Baghdad/NNP ./.",
		"The/DT embassy/NN was/VBD attacked/VBN by/IN protesters/NNS ./.",
		"China/NNP agreed/VBD to/TO send/VB troops/NNS ./.",
		"Putin/NNP held/VBD talks/NNS with/IN Erdogan/NNP ./.",
		"Russia/NNP 's/POS invasion/NN of/IN Ukraine/NNP began/VBD in/IN 2022/CD ./.",
		`"/` + "``" + ` We/PRP will/MD not/RB attack/VB ,/, "/'' he/PRP said/VBD ./.`,
		"The/DT talks/NNS (/-LRB- in/IN Geneva/NNP )/-RRB- failed/VBD ./.",
	} {
		var ts TaggedSentence
		for _, wt := range strings.Fields(s) {
			i := strings.LastIndexByte(wt, '/')
			ts.Words = append(ts.Words, wt[:i])
			ts.Tags = append(ts.Tags, wt[i+1:])
		}
		out = append(out, ts)
	}
	return out
}()

func TestTrainTagger(t *testing.T) {
	for _, passes := range []int{1, 2} {
		model, err := TrainTagger(tagMiniCorpus, TrainOptions{Iterations: 10, DictMinCount: 3, Passes: passes})
		if err != nil {
			t.Fatal(err)
		}
		tg, err := NewTagger(model)
		if err != nil {
			t.Fatal(err)
		}
		if len(tg.passes) != passes {
			t.Errorf("%d passes, want %d", len(tg.passes), passes)
		}
		// The model learns its training data.
		wrong := 0
		for _, s := range tagMiniCorpus {
			got := tg.Tag(s.Words)
			for i := range got {
				if got[i] != s.Tags[i] {
					wrong++
				}
			}
		}
		if wrong > 2 {
			t.Errorf("%d passes: %d training words tagged wrong", passes, wrong)
		}
	}
	if _, err := TrainTagger(tagMiniCorpus, TrainOptions{Passes: 3}); err == nil {
		t.Error("TrainTagger with 3 passes: no error")
	}
	for _, bad := range [][]TaggedSentence{
		nil,
		{{Words: []string{"a", "b"}, Tags: []string{"DT"}}},
		{{Words: []string{"a"}, Tags: []string{""}}},
	} {
		if _, err := TrainTagger(bad, TrainOptions{}); err == nil {
			t.Errorf("TrainTagger(%v): no error", bad)
		}
	}
}

// TestTrainTaggerDeterministic checks that training twice gives the same
// bytes: on the small corpus, and on a slice of the treebank when it is
// available.
func TestTrainTaggerDeterministic(t *testing.T) {
	corpora := [][]TaggedSentence{tagMiniCorpus}
	if sents, err := treebank.Open(); err == nil {
		corpora = append(corpora, tagSentences(sents[:300]))
	} else {
		t.Logf("treebank slice skipped: %v", err)
	}
	for _, c := range corpora {
		opt := TrainOptions{Iterations: 3, Seed: 7}
		a, err := TrainTagger(c, opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := TrainTagger(c, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("two trainings on %d sentences differ", len(c))
		}
	}
}

func tagSentences(sents []treebank.Sentence) []TaggedSentence {
	out := make([]TaggedSentence, len(sents))
	for i, s := range sents {
		out[i] = TaggedSentence{Words: s.Words, Tags: s.Tags}
	}
	return out
}

// tagHeldOut returns the held-out test sentences of the treebank, skipping
// the test when the corpus cannot be had (no module cache and no proxy).
func tagHeldOut(tb testing.TB) []treebank.Sentence {
	sents, err := treebank.Open()
	if errors.Is(err, treebank.ErrNoCorpus) {
		tb.Skipf("no held-out data: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	_, test := treebank.Split(sents)
	return test
}

// TestHeldOutAccuracy checks the embedded model on the held-out tenth of
// the treebank, which it was not trained on (see MODEL.md).
func TestHeldOutAccuracy(t *testing.T) {
	test := tagHeldOut(t)
	tg := DefaultTagger()
	right, total := 0, 0
	for _, s := range test {
		got := tg.Tag(s.Words)
		for i := range got {
			total++
			if got[i] == s.Tags[i] {
				right++
			}
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("held-out accuracy %.4f (%d/%d words, %d sentences)", acc, right, total, len(test))
	if acc < 0.93 {
		t.Errorf("held-out accuracy %.4f, want at least 0.93", acc)
	}
}

// TestModelIsReproducible retrains the model as go generate does and
// checks that it is the embedded one, byte for byte. It is skipped in
// -short mode and under the race detector.
func TestModelIsReproducible(t *testing.T) {
	if testing.Short() || tagRaceDetector {
		t.Skip("retraining takes 10 s, minutes under the race detector")
	}
	sents, err := treebank.Open()
	if errors.Is(err, treebank.ErrNoCorpus) {
		t.Skipf("no training data: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	train, _ := treebank.Split(sents)
	// The options of go generate: the defaults, with seed 2 (MODEL.md).
	model, err := TrainTagger(tagSentences(treebank.WithContractions(train)), TrainOptions{Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(model, taggerModel) {
		t.Errorf("retrained model (%d bytes) differs from model/tagger.bin (%d bytes); run go generate", len(model), len(taggerModel))
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewTagger(taggerModel); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag tags the held-out sentences, or news sentences when they
// are not available.
func BenchmarkTag(b *testing.B) {
	var sents [][]string
	if test, err := treebank.Open(); err == nil {
		_, held := treebank.Split(test)
		for _, s := range held {
			sents = append(sents, s.Words)
		}
	} else {
		for range 100 {
			sents = append(sents,
				strings.Fields("Iran has sent senior military advisers to Baghdad ."),
				strings.Fields("Britain , which blames Moscow for the attack , expelled 23 diplomats ."))
		}
	}
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	tg := DefaultTagger()
	var buf []string
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			buf = tg.TagInto(buf, s)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
