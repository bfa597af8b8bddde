// Package phoenix turns records of Phoenix/PETRARCH actor dictionaries
// (parsed by package petrarch) into what diplograph's lexicon holds: office
// holders with dated terms, and names of states, organizations and state
// bodies. Package lexicon uses it for user dictionaries at load time, and
// the generator internal/genphoenix for the embedded defaults.
package phoenix

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/extract/petrarch"
)

// Term is one dated office of a person.
type Term struct {
	Code  string // alpha-3 state code or organization code
	Title string // lower case, from the Phoenix sector ("official", "military officer")
	From  time.Time
	To    time.Time // zero while open
}

// Person is an office holder read from a dictionary record.
type Person struct {
	// Names are the record's phrases that may be a person's full name
	// (two words or more), in display case, primary first.
	Names []string
	// Bare are the one-word phrases of the record and the last words of
	// Names, in lower case: candidates for lookup by surname alone.
	Bare   []string
	Terms  []Term
	Source string
	Line   int
}

// Form is a name of a state or organization, or a body of a state, read
// from an undated dictionary record.
type Form struct {
	Code   string // alpha-3 state code or organization code
	Kind   string // "name" (of a state or organization) or "body" (of a state)
	Text   string // surface form in lexicon spelling (see Surface)
	Source string
	Line   int
}

// Options steer Convert.
type Options struct {
	// Codes maps Phoenix codes; nil means petrarch.DefaultCodeMap.
	Codes *petrarch.CodeMap
	// Known reports whether a mapped code is a state or organization of
	// the lexicon; codes it rejects are dropped.
	Known func(code string) bool
	// From and To clip the terms of office; a term outside them is
	// dropped, an open end is closed at To. Zero leaves a side open.
	From, To time.Time
}

// sectorTitle gives the title of a state office from the first sector of
// a Phoenix code; sectors not listed (ELI former elites, OPP opposition,
// REB rebels, LEG legislators, JUD judges, ...) are not offices that act
// for a state.
func sectorTitle(sector string) (string, bool) {
	switch {
	case strings.HasPrefix(sector, "GOV"):
		return "official", true
	case strings.HasPrefix(sector, "MIL"):
		return "military officer", true
	case strings.HasPrefix(sector, "SPY"):
		return "intelligence official", true
	case strings.HasPrefix(sector, "COP"):
		return "police official", true
	}
	return "", false
}

// Convert sorts dictionary records into office holders (records with at
// least one dated code of a state office or a known organization) and
// forms (records whose undated codes all map to one known state or
// organization). Records that are neither are left out.
func Convert(actors []petrarch.Actor, opt Options) ([]Person, []Form, error) {
	cm := opt.Codes
	if cm == nil {
		var err error
		if cm, err = petrarch.DefaultCodeMap(); err != nil {
			return nil, nil, err
		}
	}
	known := opt.Known
	if known == nil {
		known = func(string) bool { return true }
	}
	var persons []Person
	var forms []Form
	for _, a := range actors {
		dated := false
		var terms []Term
		defCode, defSector, defOK := "", "", true
		for _, c := range a.Codes {
			if c.Code == "" {
				continue
			}
			code, sector, ok := cm.Map(c.Code)
			if c.Restricted {
				dated = true
				if !ok || !known(code) {
					continue
				}
				title, office := sectorTitle(sector)
				if isState(code) && !office {
					continue
				}
				if !isState(code) {
					title = "official"
				}
				if t, ok := clip(c, opt.From, opt.To); ok {
					terms = append(terms, Term{Code: code, Title: title, From: t.From, To: t.To})
				}
				continue
			}
			switch {
			case !ok || !known(code):
				defOK = false
			case defCode == "":
				defCode, defSector = code, sector
			case defCode != code || defSector != sector:
				defOK = false
			}
		}
		if dated {
			if p := person(a, terms); p != nil {
				persons = append(persons, *p)
			}
			continue
		}
		if !defOK || defCode == "" {
			continue
		}
		kind := "name"
		if isState(defCode) && defSector != "" {
			if _, office := sectorTitle(defSector); !office {
				continue
			}
			kind = "body"
		}
		for _, n := range a.Names {
			if s := Surface(n); s != "" {
				forms = append(forms, Form{Code: defCode, Kind: kind, Text: s, Source: a.Source, Line: a.Line})
			}
		}
	}
	return persons, forms, nil
}

func isState(code string) bool {
	return len(code) == 3 && strings.ToUpper(code) == code && !strings.ContainsAny(code, "_:+0123456789")
}

// clip restricts a dated code to [from, to].
func clip(c petrarch.Code, from, to time.Time) (petrarch.Code, bool) {
	if !from.IsZero() && (c.From.IsZero() || c.From.Before(from)) {
		c.From = from
	}
	if !to.IsZero() && (c.To.IsZero() || c.To.After(to)) {
		c.To = to
	}
	if !c.From.IsZero() && !c.To.IsZero() && c.To.Before(c.From) {
		return c, false
	}
	return c, true
}

func person(a petrarch.Actor, terms []Term) *Person {
	if len(terms) == 0 {
		return nil
	}
	p := &Person{Terms: terms, Source: a.Source, Line: a.Line}
	seen := map[string]bool{}
	addBare := func(w string) {
		w = strings.ToLower(w)
		if !seen["\x00"+w] {
			seen["\x00"+w] = true
			p.Bare = append(p.Bare, w)
		}
	}
	for _, n := range a.Names {
		words := strings.Fields(n)
		if !nameWords(words) {
			continue
		}
		if len(words) == 1 {
			addBare(words[0])
			continue
		}
		d := Display(n)
		if k := strings.ToLower(d); !seen[k] {
			seen[k] = true
			p.Names = append(p.Names, d)
		}
		addBare(words[len(words)-1])
	}
	if len(p.Names) == 0 {
		return nil
	}
	return p
}

// nameWords reports whether every word looks like part of a person's name:
// letters with inner hyphens, apostrophes or periods (initials).
func nameWords(words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		letters := 0
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				letters++
			case r == '-' || r == '\'' || r == '.':
			default:
				return false
			}
		}
		if letters == 0 {
			return false
		}
	}
	return true
}

// Display writes an upper-case dictionary name in the usual case of
// names: "SERGEY V. LAVROV" -> "Sergey V. Lavrov", "BAN KI-MOON" ->
// "Ban Ki-Moon", "BASHAR AL-ASSAD" -> "Bashar Al-Assad". (The lexicon
// matches office holders' names without regard to case.)
func Display(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if start {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = false
		default:
			b.WriteRune(r)
			start = r == ' ' || r == '-' || r == '.'
		}
	}
	return b.String()
}

// Surface writes a dictionary phrase as a lexicon surface form. An
// acronym (one word of at most five letters, or one with periods such as
// U.N.) stays upper case and must match exactly; anything else is written
// in lower case, which the lexicon matches in any case. Phrases with
// characters the lexicon format reserves give "".
func Surface(s string) string {
	if s == "" || strings.ContainsAny(s, "|\t~!") {
		return ""
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		w := words[0]
		if n := utf8.RuneCountInString(strings.ReplaceAll(w, ".", "")); n >= 2 && (n <= 5 || strings.Contains(w, ".")) {
			return w
		}
	}
	return strings.ToLower(strings.Join(words, " "))
}
