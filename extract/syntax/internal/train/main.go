// Command train trains the part-of-speech tagger of package syntax and
// writes its model file. go generate in extract/syntax runs it as
//
//	go run ./internal/train -out model/tagger.bin
//
// It reads the Penn Treebank sample from the Go module cache (see package
// treebank, which fetches it with `go mod download` if needed), holds out
// the last tenth of the sentences, trains on the rest and prints the
// accuracy on the held-out sentences. Training is deterministic: the same
// corpus and flags give a byte-identical model.
//
// Flags:
//
//	-out FILE   write the model to FILE (default: only evaluate)
//	-dev        hold out a further tenth of the training sentences and
//	            report on it instead of the test set (for tuning)
//	-limit N    train on the first N training sentences only
//	-passes N, -iter N, -scale N, -min N, -seed N, -dictmin N,
//	-dictpct N  see syntax.TrainOptions (the embedded model uses the
//	            defaults, with seed 2: the best of seeds 0 to 4 in 5-fold
//	            cross-validation on the training sentences, see MODEL.md)
//	-cv N       cross-validate on N folds of the training sentences
//	-nocontract do not add copies of the sentences with contractions
//	            kept whole ("don't") to the training data
//	-errors     print the commonest confusions
//	-v          print the training accuracy after each iteration
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/extract/syntax"
	"github.com/diplograph/diplograph/extract/syntax/internal/train/treebank"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("train: ")
	var (
		out        = flag.String("out", "", "write the model to this file")
		dev        = flag.Bool("dev", false, "evaluate on a development tenth of the training set")
		limit      = flag.Int("limit", 0, "train on the first N training sentences only")
		iter       = flag.Int("iter", 0, "passes over the training data")
		scale      = flag.Int("scale", 0, "weight scale")
		minWeight  = flag.Int("min", 0, "smallest scaled weight kept")
		seed       = flag.Uint64("seed", 2, "shuffle seed")
		noContract = flag.Bool("nocontract", false, "do not add sentences with whole contractions")
		verbose    = flag.Bool("v", false, "print progress")
		errs       = flag.Bool("errors", false, "print the commonest errors")
		passes     = flag.Int("passes", 0, "tagging passes (1 or 2)")
		dictMin    = flag.Int("dictmin", 0, "dictionary: least count")
		dictPct    = flag.Int("dictpct", 0, "dictionary: least percentage")
		folds      = flag.Int("cv", 0, "cross-validate over N folds of the training set and exit")
	)
	flag.Parse()

	sents, err := treebank.Open()
	if err != nil {
		log.Fatal(err)
	}
	train, test := treebank.Split(sents)
	evalName := "held-out test"
	if *dev {
		train, test = treebank.Split(train)
		evalName = "development"
	}
	if *folds > 1 {
		crossValidate(train, *folds, func(train []treebank.Sentence) []syntax.TaggedSentence {
			return trainingData(train, !*noContract)
		}, syntax.TrainOptions{Iterations: *iter, Scale: *scale, MinWeight: *minWeight, Seed: *seed, DictMinCount: *dictMin, DictMinPercent: *dictPct, Passes: *passes})
		return
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	data := trainingData(train, !*noContract)
	added := len(data) - len(train)
	opt := syntax.TrainOptions{Iterations: *iter, Scale: *scale, MinWeight: *minWeight, Seed: *seed, DictMinCount: *dictMin, DictMinPercent: *dictPct, Passes: *passes}
	if *verbose {
		opt.Progress = func(pass, iter, correct, total int) {
			log.Printf("pass %d, iteration %d: training accuracy %.4f", pass, iter, float64(correct)/float64(total))
		}
	}
	start := time.Now()
	model, err := syntax.TrainTagger(data, opt)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained on %d sentences (%d words; %d of them copies with whole contractions) in %v; model %d bytes",
		len(data), countWords(data), added, time.Since(start).Round(time.Millisecond), len(model))
	tagger, err := syntax.NewTagger(model)
	if err != nil {
		log.Fatal(err)
	}
	report(tagger, train, test, evalName)
	if *errs {
		printErrors(tagger, test)
	}
	if *out != "" {
		if err := os.WriteFile(*out, model, 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", *out)
	}
}

// trainingData converts the sentences, adding a copy with contractions
// kept whole of each sentence that has them if contract is set.
func trainingData(train []treebank.Sentence, contract bool) []syntax.TaggedSentence {
	if contract {
		train = treebank.WithContractions(train)
	}
	data := make([]syntax.TaggedSentence, len(train))
	for i, s := range train {
		data[i] = syntax.TaggedSentence{Words: s.Words, Tags: s.Tags}
	}
	return data
}

// crossValidate trains on all but one of n contiguous blocks of the
// sentences and tests on that block, for each block, and prints the
// accuracies and the accuracy over all blocks.
func crossValidate(sents []treebank.Sentence, n int, data func([]treebank.Sentence) []syntax.TaggedSentence, opt syntax.TrainOptions) {
	var all, unk, capUnk, first counter
	for k := range n {
		lo, hi := k*len(sents)/n, (k+1)*len(sents)/n
		train := append(append([]treebank.Sentence(nil), sents[:lo]...), sents[hi:]...)
		model, err := syntax.TrainTagger(data(train), opt)
		if err != nil {
			log.Fatal(err)
		}
		t, err := syntax.NewTagger(model)
		if err != nil {
			log.Fatal(err)
		}
		known := map[string]bool{}
		for _, s := range train {
			for _, w := range s.Words {
				known[w] = true
			}
		}
		var fold counter
		for _, s := range sents[lo:hi] {
			got := t.Tag(s.Words)
			for i, w := range s.Words {
				ok := got[i] == s.Tags[i]
				fold.add(ok)
				all.add(ok)
				if !known[w] {
					unk.add(ok)
					if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
						capUnk.add(ok)
					}
				}
				if i == 0 {
					first.add(ok)
				}
			}
		}
		fmt.Printf("fold %d: %s, model %d bytes\n", k+1, fold, len(model))
	}
	fmt.Printf("cross-validation: accuracy %s, unknown words %s\n", all, unk)
	fmt.Printf("  unknown capitalized words %s, sentence-initial words %s\n", capUnk, first)
}

func countWords(data []syntax.TaggedSentence) int {
	n := 0
	for _, s := range data {
		n += len(s.Words)
	}
	return n
}

// report prints the accuracy on the evaluation sentences: overall, on
// words not in the training data, on those of them that are capitalized,
// on sentence-initial words, and on the sentences that have contractions
// or punctuation that news text spells differently, before and after
// rewriting them that way.
func report(t *syntax.Tagger, train, test []treebank.Sentence, name string) {
	known := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			known[w] = true
		}
	}
	var all, unk, capUnk, first counter
	var contracted, plain [2]counter
	for _, s := range test {
		got := t.Tag(s.Words)
		for i, w := range s.Words {
			ok := got[i] == s.Tags[i]
			all.add(ok)
			if !known[w] {
				unk.add(ok)
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					capUnk.add(ok)
				}
			}
			if i == 0 {
				first.add(ok)
			}
		}
		if c, ok := treebank.Contract(s); ok {
			contracted[0].addSentence(t, s)
			contracted[1].addSentence(t, c)
		}
		if p, ok := treebank.Plain(s); ok {
			plain[0].addSentence(t, s)
			plain[1].addSentence(t, p)
		}
	}
	fmt.Printf("%s set: %d sentences, %d words\n", name, len(test), all.total)
	fmt.Printf("  accuracy                   %s\n", all)
	fmt.Printf("  unknown words              %s\n", unk)
	fmt.Printf("  unknown capitalized words  %s\n", capUnk)
	fmt.Printf("  sentence-initial words     %s\n", first)
	fmt.Printf("  sentences with contractions: split %s, kept whole %s\n", contracted[0], contracted[1])
	fmt.Printf("  sentences with quotes, brackets or dashes: as in the treebank %s, plain (\" ( ) -) %s\n", plain[0], plain[1])
}

// printErrors prints the commonest confusions, and the errors on
// sentence-initial words.
func printErrors(t *syntax.Tagger, test []treebank.Sentence) {
	conf := map[string]int{}
	var initial []string
	for _, s := range test {
		got := t.Tag(s.Words)
		for i, w := range s.Words {
			if got[i] != s.Tags[i] {
				conf[s.Tags[i]+" tagged "+got[i]]++
				if i == 0 {
					initial = append(initial, fmt.Sprintf("%s/%s→%s", w, s.Tags[i], got[i]))
				}
			}
		}
	}
	keys := make([]string, 0, len(conf))
	for k := range conf {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if conf[a] != conf[b] {
			return conf[b] - conf[a]
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys[:min(len(keys), 25)] {
		fmt.Printf("  %5d  %s\n", conf[k], k)
	}
	fmt.Println("  sentence-initial errors:", strings.Join(initial, " "))
}

type counter struct{ right, total int }

func (c *counter) add(ok bool) {
	c.total++
	if ok {
		c.right++
	}
}

func (c *counter) addSentence(t *syntax.Tagger, s treebank.Sentence) {
	for i, tag := range t.Tag(s.Words) {
		c.add(tag == s.Tags[i])
	}
}

func (c counter) String() string {
	if c.total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.4f (%d/%d)", float64(c.right)/float64(c.total), c.right, c.total)
}
