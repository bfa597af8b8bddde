// Package treebank reads the Penn Treebank sample that the tagger is
// trained and evaluated on: the NLTK 10% sample of the Wall Street Journal
// part of the Penn Treebank, as shipped in the test data of the Go module
// github.com/jdkato/prose/v2 (treebank_tokens.json, treebank_tags.json).
// See extract/syntax/MODEL.md for what is known about its licence; the
// corpus is read from the Go module cache and never copied into this
// repository.
//
// The files hold one flat list of tokens and one of tags, without sentence
// boundaries; [Load] drops the empty elements (tag -NONE-) and splits the
// list into sentences after sentence-final punctuation (tag "."),
// keeping closing quotes and brackets that follow it in the sentence, and
// undoes the escapes of "/" and "*" ("Guber\/Peters").
// NLTK counts 3,914 sentences in the sample; the split finds 3,874, since
// a sentence that does not end in "." stays joined to the next one.
package treebank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Module and Version name the Go module whose test data holds the corpus.
const (
	Module  = "github.com/jdkato/prose/v2"
	Version = "v2.0.0"
)

// Sentence is a tokenized sentence with one Penn Treebank tag per word.
type Sentence struct {
	Words []string
	Tags  []string
}

// Locate returns the directory of the module [Module]@[Version] in the Go
// module cache, downloading it with `go mod download -json` (through the
// module proxy) when it is not there yet. The go command runs in a
// temporary directory, so no go.mod is read or changed.
func Locate() (string, error) {
	tmp, err := os.MkdirTemp("", "treebank-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "mod", "download", "-json", Module+"@"+Version)
	cmd.Dir = tmp
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr == nil && info.Error != "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", Module, Version, info.Error)
	}
	if err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v: %s", Module, Version, err, strings.TrimSpace(stderr.String()))
	}
	if info.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: no directory in %q", Module, Version, out)
	}
	return info.Dir, nil
}

// Load reads the corpus from the module directory dir (see [Locate]) and
// returns its sentences in corpus order, without empty elements.
func Load(dir string) ([]Sentence, error) {
	var toks []struct {
		Text string `json:"text"`
	}
	var tags []string
	if err := readJSON(filepath.Join(dir, "testdata", "treebank_tokens.json"), &toks); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "testdata", "treebank_tags.json"), &tags); err != nil {
		return nil, err
	}
	if len(toks) != len(tags) {
		return nil, fmt.Errorf("treebank: %d tokens but %d tags", len(toks), len(tags))
	}
	words := make([]string, 0, len(toks))
	kept := make([]string, 0, len(tags))
	for i, t := range toks {
		if tags[i] == "-NONE-" {
			continue
		}
		if t.Text == "" || tags[i] == "" {
			return nil, fmt.Errorf("treebank: empty token or tag at %d", i)
		}
		// Penn Treebank escapes slashes and asterisks: "Guber\/Peters".
		words = append(words, strings.NewReplacer(`\/`, "/", `\*`, "*").Replace(t.Text))
		kept = append(kept, tags[i])
	}
	return split(words, kept), nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// split cuts the token list after each "." tag, together with the closing
// quotes and brackets that follow it.
func split(words, tags []string) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i < len(words); i++ {
		if tags[i] != "." {
			continue
		}
		for i+1 < len(words) && (tags[i+1] == "''" || tags[i+1] == "-RRB-") {
			i++
		}
		out = append(out, Sentence{Words: words[start : i+1 : i+1], Tags: tags[start : i+1 : i+1]})
		start = i + 1
	}
	if start < len(words) {
		out = append(out, Sentence{Words: words[start:], Tags: tags[start:]})
	}
	return out
}

// Split divides the sentences into a training set and a held-out test set:
// the last tenth of the corpus (whole articles the training set never
// sees) is held out.
func Split(sents []Sentence) (train, test []Sentence) {
	cut := len(sents) - len(sents)/10
	return sents[:cut:cut], sents[cut:]
}

// ErrNoCorpus is wrapped by [Open] when the corpus cannot be had.
var ErrNoCorpus = errors.New("treebank: corpus not available")

// Open locates and loads the corpus.
func Open() ([]Sentence, error) {
	dir, err := Locate()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoCorpus, err)
	}
	return Load(dir)
}

// Contract rewrites the sentence as a tokenizer that keeps contractions
// whole would give it: "do n't" becomes "don't", "ca n't" "can't", "wo
// n't" "won't" and "they 're", "we 've", "I 'm", "he 'll", "she 'd" one
// word each. The whole word takes the tag of its first part (the verb or
// modal before n't, the pronoun before 're). A possessive or contracted
// 's stays a word of its own, as in Penn Treebank. It reports whether
// anything changed; s itself is never modified.
func Contract(s Sentence) (Sentence, bool) {
	var out Sentence
	changed := false
	for i := 0; i < len(s.Words); i++ {
		w, t := s.Words[i], s.Tags[i]
		if i+1 < len(s.Words) && isClitic(s.Words[i+1]) && w != "" && isLetter(w[len(w)-1]) {
			if !changed {
				out.Words = append([]string(nil), s.Words[:i]...)
				out.Tags = append([]string(nil), s.Tags[:i]...)
				changed = true
			}
			out.Words = append(out.Words, joinClitic(w, s.Words[i+1]))
			out.Tags = append(out.Tags, t)
			i++
			continue
		}
		if changed {
			out.Words = append(out.Words, w)
			out.Tags = append(out.Tags, t)
		}
	}
	if !changed {
		return s, false
	}
	return out, true
}

// Plain rewrites the sentence's punctuation as news text after
// segment.Normalize spells it: both kinds of double quotes as ", brackets
// as ( ) { }, the opening single quote as ' and the dash -- as -. It
// reports whether anything changed; s itself is never modified.
func Plain(s Sentence) (Sentence, bool) {
	out := Sentence{Words: make([]string, len(s.Words)), Tags: s.Tags}
	changed := false
	for i, w := range s.Words {
		p, ok := plain[w]
		if !ok {
			p = w
		}
		out.Words[i] = p
		changed = changed || ok
	}
	if !changed {
		return s, false
	}
	return out, true
}

var plain = map[string]string{
	"``": `"`, "''": `"`, "`": "'",
	"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}",
	"--": "-",
}

// WithContractions returns the sentences followed by a copy, rewritten by
// [Contract], of each one that has contractions: the training set of the
// embedded model, which so learns both spellings.
func WithContractions(sents []Sentence) []Sentence {
	out := append([]Sentence(nil), sents...)
	for _, s := range sents {
		if c, ok := Contract(s); ok {
			out = append(out, c)
		}
	}
	return out
}

func isClitic(w string) bool {
	switch strings.ToLower(w) {
	case "n't", "'re", "'ve", "'m", "'ll", "'d":
		return true
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// joinClitic joins a word and its clitic: "ca"+"n't" is "can't" (Penn
// Treebank splits "can't" as "ca n't"), "wo"+"n't" is "won't".
func joinClitic(w, clitic string) string {
	if strings.EqualFold(clitic, "n't") && strings.EqualFold(w, "ca") {
		if w[1] == 'A' {
			w += "N"
		} else {
			w += "n"
		}
	}
	return w + clitic
}
