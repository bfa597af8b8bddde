package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/diplograph/diplograph/extract/lexicon/internal/phoenix"
	"github.com/diplograph/diplograph/extract/petrarch"
)

// Options configure LoadOptions.
type Options struct {
	// Dirs are user lexicon directories (config extract.lexicon_dirs),
	// read after the embedded defaults, in order, as by Load.
	Dirs []fs.FS
	// Dictionaries are actor dictionaries in the Phoenix/PETRARCH format
	// (config extract.dictionaries), read after Dirs. A record with dated
	// codes of a state office (sectors GOV, MIL, SPY, COP) or of an
	// organization with a guideline code is an office holder; a record
	// with only undated codes of one state or organization gives names
	// ([USA], [IGOUNO]) or bodies ([INDGOV], [INDMIL]) of it. Forms that
	// the lexicon already gives to another code are skipped; any syntax
	// error fails the load, naming the source and line.
	Dictionaries []petrarch.Source
	// NoPhoenix leaves out the embedded defaults derived from the Phoenix
	// dictionaries (phoenix_holders.tsv and phoenix_agents.txt).
	NoPhoenix bool
}

// Names of the embedded files derived from the Phoenix dictionaries by
// internal/genphoenix.
const (
	phoenixHolders = "phoenix_holders.tsv"
	phoenixAgents  = "phoenix_agents.txt"
)

// LoadOptions is Load with user dictionaries: it reads the embedded data
// files, then each of opts.Dirs, then opts.Dictionaries.
//
// Office holders from dictionaries (embedded or given) form a second tier:
// OfficeHolders consults them only for a name that no entry of an
// officeholders.tsv file matches on the day asked, so the curated file
// wins on conflict.
func LoadOptions(opts Options) (*Lexicon, error) {
	sub, err := fs.Sub(defaultData, "data")
	if err != nil {
		return nil, err
	}
	l := &Lexicon{
		root:      newNode(),
		countries: map[string]*Country{},
		orgs:      map[string]*Organization{},
		places:    map[string]*Place{},
		titles:    map[string]string{},
		byName:    map[string][]*OfficeHolder{},
		byDict:    map[string][]*OfficeHolder{},
		termIndex: map[string]int{},
	}
	skip := ""
	if opts.NoPhoenix {
		skip = phoenixAgents
	}
	if err := l.loadFSSkip(sub, skip); err != nil {
		return nil, err
	}
	if !opts.NoPhoenix {
		b, err := fs.ReadFile(sub, phoenixHolders)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("lexicon: %s: %w", phoenixHolders, err)
		}
		if err := l.parseDictHolders(phoenixHolders, b); err != nil {
			return nil, err
		}
	}
	for _, f := range opts.Dirs {
		if err := l.loadFS(f); err != nil {
			return nil, err
		}
	}
	for _, src := range opts.Dictionaries {
		if err := l.loadDictionary(src); err != nil {
			return nil, err
		}
	}
	if err := l.finish(); err != nil {
		return nil, err
	}
	return l, nil
}

// parseDictHolders reads the compact office-holder file made by
// internal/genphoenix: one person a line,
//
//	name<TAB>aliases<TAB>bare keys<TAB>terms
//
// aliases and bare keys comma-separated or "-", terms
// CODE/title/YYYYMMDD/YYYYMMDD separated by ";" (an empty end date is an
// open term). Bare keys are the one-word forms (surnames) the person is
// found by.
func (l *Lexicon) parseDictHolders(file string, b []byte) error {
	return lines(b, func(n int, s string) error {
		cols := strings.Split(s, "\t")
		if len(cols) != 4 {
			return errf(file, n, "want 4 tab-separated columns (name, aliases, bare keys, terms), got %d", len(cols))
		}
		var aliases, bare []string
		if cols[1] != "-" {
			aliases = strings.Split(cols[1], ",")
		}
		if cols[2] != "-" {
			bare = strings.Split(cols[2], ",")
		}
		keys := make([]string, 0, 1+len(aliases)+len(bare))
		keys = append(keys, foldKey(cols[0]))
		for _, a := range aliases {
			keys = append(keys, foldKey(a))
		}
		for _, k := range bare {
			keys = append(keys, foldKey(k))
		}
		for _, t := range strings.Split(cols[3], ";") {
			f := strings.Split(t, "/")
			if len(f) != 4 {
				return errf(file, n, "bad term %q (want CODE/title/from/to)", t)
			}
			h := &OfficeHolder{Name: cols[0], Aliases: aliases, Code: f[0], Title: f[1], File: file, Line: n}
			var err error
			if h.From, err = compactDate(f[2]); err != nil {
				return errf(file, n, "bad from date %q (want YYYYMMDD)", f[2])
			}
			if h.To, err = compactDate(f[3]); err != nil {
				return errf(file, n, "bad to date %q (want YYYYMMDD or empty)", f[3])
			}
			if !isCountryCode(h.Code) && !isOrgCode(h.Code) {
				return errf(file, n, "bad country or organization code %q", h.Code)
			}
			l.addDictHolder(h, keys)
		}
		return nil
	})
}

// compactDate parses YYYYMMDD; "" is the zero time.
func compactDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) != 8 {
		return time.Time{}, errors.New("bad date")
	}
	var v [3]int
	for i, r := range [3][2]int{{0, 4}, {4, 6}, {6, 8}} {
		for _, c := range s[r[0]:r[1]] {
			if c < '0' || c > '9' {
				return time.Time{}, errors.New("bad date")
			}
			v[i] = v[i]*10 + int(c-'0')
		}
	}
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 {
		return time.Time{}, errors.New("bad date")
	}
	return time.Date(v[0], time.Month(v[1]), v[2], 0, 0, 0, 0, time.UTC), nil
}

func (l *Lexicon) addDictHolder(h *OfficeHolder, keys []string) {
	l.dict = append(l.dict, h)
	for i, k := range keys {
		if k == "" || containsKey(keys[:i], k) {
			continue
		}
		l.byDict[k] = append(l.byDict[k], h)
	}
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// removeDictHolder deletes the dictionary office holders called name (by
// full name or alias); it reports whether there were any.
func (l *Lexicon) removeDictHolder(name string) bool {
	k := foldKey(name)
	hs := l.byDict[k]
	if len(hs) == 0 {
		return false
	}
	gone := map[*OfficeHolder]bool{}
	for _, h := range hs {
		gone[h] = true
	}
	for key, list := range l.byDict {
		kept := list[:0]
		for _, h := range list {
			if !gone[h] {
				kept = append(kept, h)
			}
		}
		if len(kept) == 0 {
			delete(l.byDict, key)
		} else {
			l.byDict[key] = kept
		}
	}
	kept := l.dict[:0]
	for _, h := range l.dict {
		if !gone[h] {
			kept = append(kept, h)
		}
	}
	l.dict = kept
	return true
}

// loadDictionary reads one Phoenix-format actor dictionary.
func (l *Lexicon) loadDictionary(src petrarch.Source) error {
	actors, err := petrarch.ParseActors(src)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	persons, forms, err := phoenix.Convert(actors, phoenix.Options{Known: l.knownCode})
	if err != nil {
		return fmt.Errorf("lexicon: %s: %w", src.Name, err)
	}
	words := l.formWords()
	// A one-word key (a surname) finds a person only when no other person
	// of the dictionary has it and it is no word of the lexicon's forms.
	count := map[string]int{}
	for _, p := range persons {
		for _, b := range p.Bare {
			count[b]++
		}
	}
	for _, p := range persons {
		var names []string
		for _, n := range p.Names {
			if !l.badName(n, words) {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			continue
		}
		keys := make([]string, 0, len(names)+len(p.Bare))
		for _, n := range names {
			keys = append(keys, foldKey(n))
		}
		for _, b := range p.Bare {
			if count[b] == 1 && len(b) >= 4 && !words[foldKey(b)] {
				keys = append(keys, foldKey(b))
			}
		}
		for _, t := range p.Terms {
			h := &OfficeHolder{Name: names[0], Aliases: names[1:], Code: t.Code, Title: t.Title,
				From: t.From, To: t.To, File: src.Name, Line: p.Line}
			l.addDictHolder(h, keys)
		}
	}
	if len(forms) == 0 {
		return nil
	}
	codes := l.entityCodes()
	for _, f := range forms {
		k := foldKey(f.Text)
		if k == "" || codes[k] != "" {
			continue // the lexicon already has this form (for this or another code)
		}
		codes[k] = f.Code
		rk := f.Kind
		if rk == "body" && l.orgs[f.Code] != nil {
			rk = "name"
		}
		if err := l.add(src.Name, f.Line, f.Code, rk, recKinds[rk], f.Text); err != nil {
			return err
		}
	}
	return nil
}

// knownCode reports whether code is a loaded state or organization.
func (l *Lexicon) knownCode(code string) bool {
	return l.countries[code] != nil || l.orgs[code] != nil
}

// entityCodes maps the key of every entity form loaded so far to a code.
func (l *Lexicon) entityCodes() map[string]string {
	m := make(map[string]string, len(l.entries))
	for _, e := range l.entries {
		if !e.removed && e.ns == nsEntity {
			m[e.Key] = e.Code + "."
		}
	}
	return m
}

// formWords is the set of folded words that names a state, organization
// or place on its own, or that is part of a title or body noun ("Russian",
// "minister", "foreign", "army").
func (l *Lexicon) formWords() map[string]bool {
	m := map[string]bool{}
	for _, e := range l.entries {
		if e.removed || e.ns == nsBlock {
			continue
		}
		if e.ns == nsEntity && len(e.pattern) != 1 {
			continue
		}
		for _, p := range e.pattern {
			if len(p.key) > 2 {
				m[p.key] = true
			}
		}
	}
	return m
}

// badName reports whether a dictionary name has a word the lexicon knows
// as a form ("Russian Foreign Minister Lavrov", "Ambassador Lavrov").
func (l *Lexicon) badName(name string, words map[string]bool) bool {
	for _, w := range strings.Fields(foldKey(name)) {
		if words[w] {
			return true
		}
	}
	return false
}
