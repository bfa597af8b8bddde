// Command genphoenix derives two embedded data files of package lexicon
// from the PETRARCH2 Phoenix dictionaries copied to data/petrarch/ (MIT,
// see data/petrarch/SOURCE.md):
//
//   - data/phoenix_holders.tsv: office holders of states and of
//     organizations with a guideline code, with their terms of 1990–2016;
//   - data/phoenix_agents.txt: agent nouns of state sectors (GOV, MIL, SPY,
//     COP) that titles.txt and bodies.txt lack, as title and noun records.
//
// Run it through `go generate ./extract/lexicon` (the directive is in
// extract/lexicon/doc.go), from extract/lexicon:
//
//	go run ./internal/genphoenix
//
// Phoenix holds many ambiguous one-word names and noise, so the filter is
// hard. A person is kept only with a full name of at least two words of
// two letters or more, with no word that the lexicon knows as a state,
// place, title or body word ("Russian Foreign Minister Lavrov"), not
// made of common English words only, and with a term of a state office or
// guideline organization in 1990–2016 (open terms end 2016-12-31, where
// the dictionaries stop). A person whom officeholders.tsv names is left
// out (the curated file wins). A one-word key (surname) is written only
// if exactly one kept person has it, it has four letters or more, is no
// common English word, no lexicon word, no key of officeholders.tsv, and
// no given name (a word that stands before the last in another name).
//
// Common English words are the lower-case entries of a word list
// (Debian's wamerican, /usr/share/dict/words) that occur in Phoenix names;
// they are kept in common.txt. Run with -words /usr/share/dict/words to
// rebuild that file.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/lexicon/internal/phoenix"
	"github.com/diplograph/diplograph/extract/petrarch"
)

//go:embed heads.txt
var headsData []byte

//go:embed common.txt
var commonData []byte

var (
	windowFrom = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	windowTo   = time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC)
)

func main() {
	data := flag.String("data", "data", "the lexicon's data directory")
	words := flag.String("words", "", "a word list (one word a line) to rebuild common.txt from")
	common := flag.String("common", "internal/genphoenix/common.txt", "where -words writes the common words")
	flag.Parse()
	if err := run(*data, *words, *common); err != nil {
		log.Fatal(err)
	}
}

func run(data, wordList, commonOut string) error {
	lex, err := lexicon.LoadOptions(lexicon.Options{NoPhoenix: true})
	if err != nil {
		return err
	}
	var actors []petrarch.Actor
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"} {
		path := filepath.Join(data, "petrarch", name)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		as, err := petrarch.ParseActors(petrarch.Source{Name: name, Data: b})
		var el petrarch.ErrorList
		if err != nil && !errors.As(err, &el) {
			return err
		}
		for _, e := range el {
			log.Printf("skipped: %v", e)
		}
		actors = append(actors, as...)
	}
	known := func(code string) bool {
		if _, ok := lex.Country(code); ok {
			return true
		}
		_, ok := lex.Organization(code)
		return ok
	}
	persons, _, err := phoenix.Convert(actors, phoenix.Options{Known: known, From: windowFrom, To: windowTo})
	if err != nil {
		return err
	}
	var commonWords map[string]bool
	if wordList != "" {
		if commonWords, err = rebuildCommon(wordList, commonOut, persons); err != nil {
			return err
		}
	} else {
		commonWords = wordSet(commonData)
	}
	lw := lexWords(lex)
	people := filterPersons(persons, lex, lw, commonWords)
	n, err := writeHolders(filepath.Join(data, "phoenix_holders.tsv"), people)
	if err != nil {
		return err
	}
	log.Printf("phoenix_holders.tsv: %d people, %d terms", len(people), n)

	b, err := os.ReadFile(filepath.Join(data, "petrarch", "Phoenix.agents.txt"))
	if err != nil {
		return err
	}
	agents, err := petrarch.ParseAgents(petrarch.Source{Name: "Phoenix.agents.txt", Data: b})
	var el petrarch.ErrorList
	if err != nil && !errors.As(err, &el) {
		return err
	}
	for _, e := range el {
		log.Printf("skipped: %v", e)
	}
	titles, nouns, err := writeAgents(filepath.Join(data, "phoenix_agents.txt"), agents, lex)
	if err != nil {
		return err
	}
	log.Printf("phoenix_agents.txt: %d titles, %d body nouns", titles, nouns)
	return nil
}

// wordSet reads one lower-case word a line (# comments allowed).
func wordSet(b []byte) map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s != "" && s[0] != '#' {
			m[s] = true
		}
	}
	return m
}

// rebuildCommon writes the lower-case words of the word list that occur
// in Phoenix person names.
func rebuildCommon(wordList, out string, persons []phoenix.Person) (map[string]bool, error) {
	b, err := os.ReadFile(wordList)
	if err != nil {
		return nil, err
	}
	dict := map[string]bool{}
	for _, w := range strings.Fields(string(b)) {
		if w == strings.ToLower(w) && !strings.ContainsAny(w, "'") {
			dict[w] = true
		}
	}
	used := map[string]bool{}
	for _, p := range persons {
		for _, n := range p.Names {
			for _, w := range strings.Fields(strings.ToLower(n)) {
				if dict[w] {
					used[w] = true
				}
			}
		}
		for _, w := range p.Bare {
			if dict[w] {
				used[w] = true
			}
		}
	}
	list := make([]string, 0, len(used))
	for w := range used {
		list = append(list, w)
	}
	sort.Strings(list)
	var buf bytes.Buffer
	buf.WriteString("# GENERATED by genphoenix -words: lower-case words of Debian's wamerican word list\n")
	buf.WriteString("# (SCOWL) that occur in Phoenix person names. Do not edit.\n")
	for _, w := range list {
		buf.WriteString(w + "\n")
	}
	return used, os.WriteFile(out, buf.Bytes(), 0o644)
}

// lexWords is the set of lower-case words that the lexicon uses on their
// own for a state, organization or place, or inside a title or body noun.
func lexWords(lex *lexicon.Lexicon) map[string]bool {
	m := map[string]bool{}
	for _, e := range lex.Entries() {
		if e.Record == "block" {
			continue
		}
		ws := strings.Fields(e.Key)
		if e.Kind != lexicon.KindTitle && e.Record != "noun" && len(ws) != 1 {
			continue
		}
		for _, w := range ws {
			if len(w) > 2 {
				m[w] = true
			}
		}
	}
	return m
}

// person is a kept office holder.
type person struct {
	names []string
	bare  []string
	terms []phoenix.Term
}

func filterPersons(in []phoenix.Person, lex *lexicon.Lexicon, lw, common map[string]bool) []*person {
	byName := map[string]*person{}
	var order []*person
	curated := func(name string) bool { return len(lex.OfficeHolders(name, time.Time{})) > 0 }
	for _, p := range in {
		var names []string
		conflict := false
		for _, n := range p.Names {
			if curated(n) {
				conflict = true
				break
			}
			if goodName(n, lw, common) {
				names = append(names, n)
			}
		}
		if conflict || len(names) == 0 || variantOfCurated(lex, names[0]) {
			continue
		}
		q := byName[strings.ToLower(names[0])]
		if q == nil {
			q = &person{}
			order = append(order, q)
		}
		for _, n := range names {
			k := strings.ToLower(n)
			if byName[k] == nil {
				byName[k] = q
				q.names = append(q.names, n)
			}
		}
		for _, b := range p.Bare {
			if !contains(q.bare, b) {
				q.bare = append(q.bare, b)
			}
		}
		q.terms = append(q.terms, p.Terms...)
	}
	// One-word keys: unique, long enough, not common, not given names.
	owners := map[string]int{}
	given := map[string]bool{}
	for _, q := range order {
		for _, b := range q.bare {
			owners[b]++
		}
		for _, n := range q.names {
			ws := strings.Fields(strings.ToLower(n))
			for _, w := range ws[:len(ws)-1] {
				given[w] = true
			}
		}
	}
	for _, q := range order {
		var keep []string
		for _, b := range q.bare {
			if owners[b] == 1 && len(b) >= 4 && !common[b] && !lw[b] && !given[b] && !curated(b) && isWord(b) {
				keep = append(keep, displayWord(b))
			}
		}
		q.bare = keep
		q.terms = mergeTerms(q.terms)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.terms[0].Code != b.terms[0].Code {
			return a.terms[0].Code < b.terms[0].Code
		}
		return a.names[0] < b.names[0]
	})
	return order
}

// variantOfCurated reports whether name looks like another spelling of a
// person of officeholders.tsv: same surname and same first initial
// ("Kofi Atta Annan" for Kofi Annan, "Sergey Lavrov" for Sergei Lavrov).
func variantOfCurated(lex *lexicon.Lexicon, name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	for _, h := range lex.OfficeHolders(ws[len(ws)-1], time.Time{}) {
		for _, n := range append([]string{h.Name}, h.Aliases...) {
			if n != "" && strings.ToLower(n)[0] == ws[0][0] {
				return true
			}
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// goodName: two words of two letters or more, no lexicon word, not only
// common words.
func goodName(n string, lw, common map[string]bool) bool {
	long, plain := 0, 0
	for _, w := range strings.Fields(strings.ToLower(n)) {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '.' || r == '\'' }) {
			if lw[part] {
				return false
			}
		}
		if len(strings.Trim(w, ".")) >= 2 && !strings.Contains(w, ".") {
			long++
			if !common[w] {
				plain++
			}
		}
	}
	return long >= 2 && plain >= 1
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-' || r == '\'') {
			return false
		}
	}
	return true
}

func displayWord(s string) string { return phoenix.Display(strings.ToUpper(s)) }

// mergeTerms sorts terms and joins overlapping or adjacent ones of the
// same code and title.
func mergeTerms(ts []phoenix.Term) []phoenix.Term {
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].Code != ts[j].Code {
			return ts[i].Code < ts[j].Code
		}
		if ts[i].Title != ts[j].Title {
			return ts[i].Title < ts[j].Title
		}
		return ts[i].From.Before(ts[j].From)
	})
	var out []phoenix.Term
	for _, t := range ts {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Code == t.Code && last.Title == t.Title && !t.From.After(last.To.AddDate(0, 0, 1)) {
				if t.To.After(last.To) {
					last.To = t.To
				}
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func writeHolders(path string, people []*person) (int, error) {
	var buf bytes.Buffer
	buf.WriteString(`# GENERATED by extract/lexicon/internal/genphoenix from data/petrarch/Phoenix.*.actors.txt
# (PETRARCH2 Phoenix dictionaries, MIT, Copyright (c) 2014 Open Event Data Alliance; see
# data/petrarch/LICENSE and SOURCE.md). Do not edit: run go generate ./extract/lexicon.
# Office holders of 1990-2016, a second tier below officeholders.tsv (which wins on conflict).
# name<TAB>aliases (comma-separated or -)<TAB>one-word keys (comma-separated or -)<TAB>terms
# terms: CODE/title/from/to (YYYYMMDD) separated by ";"
`)
	terms := 0
	for _, p := range people {
		aliases, bare := "-", "-"
		if len(p.names) > 1 {
			aliases = strings.Join(p.names[1:], ",")
		}
		if len(p.bare) > 0 {
			bare = strings.Join(p.bare, ",")
		}
		var ts []string
		for _, t := range p.terms {
			ts = append(ts, fmt.Sprintf("%s/%s/%s/%s", t.Code, t.Title, t.From.Format("20060102"), t.To.Format("20060102")))
		}
		terms += len(ts)
		fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\n", p.names[0], aliases, bare, strings.Join(ts, ";"))
	}
	return terms, os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeAgents writes the agent nouns of state sectors that the lexicon
// lacks: person heads as titles (singular) and body nouns (plurals),
// group heads as body nouns.
func writeAgents(path string, agents []petrarch.Agent, lex *lexicon.Lexicon) (titles, nouns int, err error) {
	heads := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(headsData))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		for _, w := range f[1:] {
			heads[w] = f[0]
		}
	}
	have := map[string]bool{}   // keys of every lexicon form
	prefix := map[string]bool{} // proper word prefixes of title and noun forms
	for _, e := range lex.Entries() {
		have[e.Key] = true
		if e.Kind == lexicon.KindTitle || e.Record == "noun" {
			ws := strings.Fields(e.Key)
			for i := 1; i < len(ws); i++ {
				prefix[strings.Join(ws[:i], " ")] = true
			}
		}
	}
	ok := func(form string) bool {
		for _, r := range form {
			if !(r >= 'a' && r <= 'z' || r == ' ' || r == '-') {
				return false
			}
		}
		k := strings.ReplaceAll(form, "-", " ")
		return !have[k] && !prefix[k]
	}
	var tl, nl []string
	seen := map[string]bool{}
	for _, a := range agents {
		if a.Prefix || !(strings.HasPrefix(a.Code, "GOV") || strings.HasPrefix(a.Code, "MIL") ||
			strings.HasPrefix(a.Code, "SPY") || strings.HasPrefix(a.Code, "COP")) {
			continue
		}
		for i, f := range a.Forms {
			f = strings.ToLower(f)
			ws := strings.Fields(f)
			if len(ws) == 0 || seen[f] || !ok(f) {
				continue
			}
			kind := heads[ws[len(ws)-1]]
			// the singular of a plain record, or a marker's expansion
			// ending in a singular title head ("home minister")
			singular := i == 0 || strings.Contains(a.Phrase, "!")
			switch {
			case kind == "title" && singular:
				seen[f] = true
				tl = append(tl, fmt.Sprintf("%s\ttitle\t%s", f, f))
			case kind == "title" || kind == "noun":
				seen[f] = true
				nl = append(nl, f)
			}
		}
	}
	sort.Strings(tl)
	sort.Strings(nl)
	var buf bytes.Buffer
	buf.WriteString(`# GENERATED by extract/lexicon/internal/genphoenix from data/petrarch/Phoenix.agents.txt
# (PETRARCH2, MIT, Copyright (c) 2014 Open Event Data Alliance; see data/petrarch/LICENSE).
# Do not edit: run go generate ./extract/lexicon. Agent nouns of state sectors (GOV, MIL, SPY,
# COP) that titles.txt and bodies.txt lack: persons as office titles, groups as body nouns.
`)
	for _, t := range tl {
		buf.WriteString(t + "\n")
	}
	for i := 0; i < len(nl); i += 8 {
		j := min(i+8, len(nl))
		fmt.Fprintf(&buf, "-\tnoun\t%s\n", strings.Join(nl[i:j], " | "))
	}
	return len(tl), len(nl), os.WriteFile(path, buf.Bytes(), 0o644)
}
