package petrarch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// LineError is a problem at one line of a dictionary.
type LineError struct {
	Source string
	Line   int
	Msg    string
}

func (e *LineError) Error() string {
	return fmt.Sprintf("petrarch: %s:%d: %s", e.Source, e.Line, e.Msg)
}

// ErrorList holds every problem found in a dictionary. The parsers return
// one together with the records they could read, so a caller may choose to
// fail or to go on with a dictionary that has a few broken lines (the
// published Phoenix files have some).
type ErrorList []*LineError

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "petrarch: no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap gives errors.Is and errors.As access to each problem.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func (l *ErrorList) add(src string, line int, format string, args ...any) {
	*l = append(*l, &LineError{Source: src, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Actor is one record of an actor dictionary: a primary phrase, its
// synonyms and its codes.
type Actor struct {
	// Names holds the primary phrase first, then the synonyms ("+" lines),
	// as written but with underscores turned into spaces, runs of blanks
	// collapsed and a final underscore (TABARI's word-end mark) dropped:
	// "SERGEY_LAVROV_" gives "SERGEY LAVROV".
	Names []string
	// Codes are the codes of the record in file order: those written on
	// the primary line and the date restrictions of the following lines.
	Codes  []Code
	Source string
	Line   int // line of the primary phrase
}

// Code is one code of an actor with its date restriction. From and To are
// inclusive; a zero From or To leaves that side open. A code without
// restriction is a default: it applies when no restricted code does.
type Code struct {
	Code string // e.g. "IRNGOV", "IGOUNO"; "" is the null code [---]
	From time.Time
	To   time.Time
	// Restricted is set when the code carries a date restriction
	// (<date, >date or date-date).
	Restricted bool
	Line       int
}

// ValidOn reports whether a restricted code applies on day t. A default
// code is valid on every day.
func (c Code) ValidOn(t time.Time) bool {
	if !c.From.IsZero() && t.Before(c.From) {
		return false
	}
	return c.To.IsZero() || !t.After(c.To)
}

// CodesOn returns the codes the actor has on day t the way PETRARCH
// resolves them: the restricted codes valid on t, or else the default
// codes. The null code is left out.
func (a Actor) CodesOn(t time.Time) []string {
	var dated, def []string
	for _, c := range a.Codes {
		switch {
		case c.Code == "":
		case c.Restricted && c.ValidOn(t):
			dated = append(dated, c.Code)
		case !c.Restricted:
			def = append(def, c.Code)
		}
	}
	if len(dated) > 0 {
		return dated
	}
	return def
}

// ParseActors reads a dictionary in the Phoenix/PETRARCH actor format
// (documented in PETRARCH2's dictionaries.rst):
//
//	PRIMARY_PHRASE_ [CODE] [CODE restriction] ...   # comment
//	+SYNONYM_PHRASE
//		[CODE restriction]
//
// where a restriction is <date (until), >date (from) or date-date, a date
// is YYYYMMDD or YYMMDD (a two-digit year below 30 is 20yy, else 19yy),
// and [---] is the null code. Comments start with # or ; and run to the
// end of the line. Every line that starts with neither "+" nor "[" (after
// white space) begins a new record.
//
// A broken line (an unclosed bracket, a bad date, a code line before any
// record) is skipped; the returned error is then an ErrorList naming src
// and the line of every problem, returned along with the records read.
func ParseActors(src Source) ([]Actor, error) {
	var (
		out  []Actor
		errs ErrorList
		cur  *Actor
	)
	scanLines(src.Data, func(n int, raw string) {
		s := strings.TrimSpace(stripComment(raw))
		if s == "" {
			return
		}
		switch s[0] {
		case '[':
			if cur == nil {
				errs.add(src.Name, n, "code %q before any actor", s)
				return
			}
			codes, err := parseCodes(s, n)
			if err != nil {
				errs.add(src.Name, n, "%v", err)
				return
			}
			cur.Codes = append(cur.Codes, codes...)
		case '+':
			if cur == nil {
				errs.add(src.Name, n, "synonym %q before any actor", s)
				return
			}
			name, rest := splitPhrase(s[1:])
			if name == "" {
				errs.add(src.Name, n, "empty synonym")
				return
			}
			codes, err := parseCodes(rest, n)
			if err != nil {
				errs.add(src.Name, n, "%v", err)
				return
			}
			cur.Names = append(cur.Names, name)
			cur.Codes = append(cur.Codes, codes...)
		default:
			name, rest := splitPhrase(s)
			if name == "" {
				errs.add(src.Name, n, "no phrase before %q", rest)
				cur = nil
				return
			}
			codes, err := parseCodes(rest, n)
			if err != nil {
				errs.add(src.Name, n, "%v", err)
			}
			out = append(out, Actor{Names: []string{name}, Codes: codes, Source: src.Name, Line: n})
			cur = &out[len(out)-1]
		}
	})
	return out, errs.err()
}

// scanLines calls fn with every line of b and its 1-based number.
func scanLines(b []byte, fn func(n int, line string)) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		fn(n, s)
	}
}

func stripComment(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		return s[:i]
	}
	return s
}

// splitPhrase splits "PHRASE_ [CODE ...]" into the normalized phrase and
// the rest starting at the first bracket.
func splitPhrase(s string) (phrase, rest string) {
	if i := strings.IndexByte(s, '['); i >= 0 {
		s, rest = s[:i], s[i:]
	}
	return normPhrase(s), rest
}

// normPhrase turns underscores into spaces and collapses blanks.
func normPhrase(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// parseCodes reads zero or more bracketed codes: "[IRNGOV 030101-070731] [ELI]".
func parseCodes(s string, line int) ([]Code, error) {
	var out []Code
	s = strings.TrimSpace(s)
	for s != "" {
		if s[0] != '[' {
			return out, fmt.Errorf("unexpected %q after the phrase (want [CODE ...])", s)
		}
		end := strings.IndexAny(s, "]}")
		if end < 0 {
			return out, fmt.Errorf("unclosed bracket in %q", s)
		}
		c, err := parseCode(s[1:end])
		if err != nil {
			return out, err
		}
		c.Line = line
		out = append(out, c)
		s = strings.TrimSpace(s[end+1:])
	}
	return out, nil
}

func parseCode(s string) (Code, error) {
	f := strings.Fields(s)
	if len(f) == 3 && (f[1] == "<" || f[1] == ">") {
		f = []string{f[0], f[1] + f[2]} // "[EGYGOV > 140608]"
	}
	if len(f) == 0 || len(f) > 2 {
		return Code{}, fmt.Errorf("bad code %q (want [CODE] or [CODE restriction])", "["+s+"]")
	}
	c := Code{Code: f[0]}
	if strings.Trim(c.Code, "-") == "" {
		c.Code = ""
	}
	if len(f) == 1 {
		return c, nil
	}
	c.Restricted = true
	r := f[1]
	var err error
	switch {
	case r[0] == '<':
		c.To, err = parseDate(r[1:])
	case r[0] == '>':
		c.From, err = parseDate(r[1:])
	default:
		a, b, ok := strings.Cut(r, "-")
		if !ok {
			return c, fmt.Errorf("bad date restriction %q (want <date, >date or date-date)", r)
		}
		if c.From, err = parseDate(a); err == nil {
			c.To, err = parseDate(b)
		}
		if err == nil && c.To.Before(c.From) {
			err = fmt.Errorf("date restriction %q ends before it starts", r)
		}
	}
	return c, err
}

// parseDate reads YYYYMMDD or YYMMDD.
func parseDate(s string) (time.Time, error) {
	var y int
	var md string
	switch len(s) {
	case 8:
		n, err := strconv.Atoi(s[:4])
		if err != nil {
			return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
		}
		y, md = n, s[4:]
	case 6:
		n, err := strconv.Atoi(s[:2])
		if err != nil {
			return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
		}
		y, md = 1900+n, s[2:]
		if n < 30 {
			y = 2000 + n
		}
	default:
		return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	}
	t, err := time.Parse("20060102", fmt.Sprintf("%04d%s", y, md))
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYYMMDD or YYMMDD)", s)
	}
	return t, nil
}

// Agent is one record of an agent dictionary: a noun phrase for a kind of
// actor ("FOREIGN MINISTER", "TROOPS") and its agent code.
type Agent struct {
	// Phrase is the singular form with underscores turned into spaces.
	Phrase string
	// Forms are all the forms that match: Phrase (unless it only names a
	// marker), its plurals, or the expansions of a substitution marker.
	Forms []string
	// Code is the agent code without the ~ ("GOV", "GOVFRM", "NGO").
	Code string
	// Prefix is set when the code goes before the actor code ("NGO~")
	// rather than after it ("~GOV").
	Prefix bool
	// Loose is set when the phrase separates words with a blank rather
	// than an underscore: other words may then stand between them.
	Loose  bool
	Source string
	Line   int
}

// ParseAgents reads a dictionary in the PETRARCH agent format:
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//	FOREIGN_MINISTER [~GOVFRM]
//	POLICE {} [~COP]
//	ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
//	CONGRESS!PERSON! [~LEG]
//
// A phrase without {...} gets the regular plural of its last word (+S;
// +IES after a consonant and Y; +ES after SS); {} means no plural and
// {A B} lists irregular plurals. A !MARKER! defined before is replaced by
// each element of its list, without further plurals. Comments start with
// #. As in the published dictionaries, a code may be closed with } instead
// of ].
//
// Broken records are skipped; the returned error is then an ErrorList
// naming src and every problem's line, returned with the records read.
func ParseAgents(src Source) ([]Agent, error) {
	var (
		out  []Agent
		errs ErrorList
	)
	markers := map[string][]string{}
	scanLines(src.Data, func(n int, raw string) {
		s := raw
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "<!--") {
			return
		}
		if s[0] == '!' {
			if name, list, ok := strings.Cut(s, "="); ok {
				name = strings.TrimSpace(name)
				if len(name) < 3 || !strings.HasSuffix(name, "!") || strings.Count(name, "!") != 2 {
					errs.add(src.Name, n, "bad substitution marker %q (want !NAME! = A, B)", name)
					return
				}
				var items []string
				for _, it := range strings.Split(list, ",") {
					if it = strings.TrimSpace(it); it != "" {
						items = append(items, it)
					}
				}
				if len(items) == 0 {
					errs.add(src.Name, n, "substitution marker %s has an empty list", name)
					return
				}
				markers[name] = items
				return
			}
		}
		a, err := parseAgent(s, markers)
		if err != nil {
			errs.add(src.Name, n, "%v", err)
			return
		}
		a.Source, a.Line = src.Name, n
		out = append(out, a)
	})
	return out, errs.err()
}

func parseAgent(s string, markers map[string][]string) (Agent, error) {
	var a Agent
	open := strings.IndexByte(s, '[')
	if open < 0 {
		return a, fmt.Errorf("no agent code in %q (want PHRASE [~CODE])", s)
	}
	end := strings.IndexAny(s[open:], "]}")
	if end < 0 {
		return a, fmt.Errorf("unclosed code bracket in %q", s)
	}
	code := strings.TrimSpace(s[open+1 : open+end])
	if rest := strings.TrimSpace(s[open+end+1:]); rest != "" {
		return a, fmt.Errorf("unexpected %q after the code", rest)
	}
	switch {
	case strings.HasPrefix(code, "~") && len(code) > 1:
		a.Code = code[1:]
	case strings.HasSuffix(code, "~") && len(code) > 1:
		a.Code, a.Prefix = code[:len(code)-1], true
	default:
		return a, fmt.Errorf("bad agent code %q (want ~CODE or CODE~)", code)
	}
	head := s[:open]
	var plurals []string
	explicit := false
	if i := strings.IndexByte(head, '{'); i >= 0 {
		j := strings.IndexByte(head[i:], '}')
		if j < 0 {
			return a, errors.New("unclosed {plural}")
		}
		explicit = true
		for _, p := range strings.Fields(head[i+1 : i+j]) {
			plurals = append(plurals, normPhrase(p))
		}
		head = head[:i] + head[i+j+1:]
	}
	head = strings.TrimSpace(head)
	if head == "" {
		return a, errors.New("empty agent phrase")
	}
	a.Loose = strings.ContainsAny(head, " \t")
	a.Phrase = normPhrase(head)
	if strings.Contains(a.Phrase, "!") {
		forms, err := expandMarkers(a.Phrase, markers)
		if err != nil {
			return a, err
		}
		a.Forms = forms
		return a, nil
	}
	a.Forms = append([]string{a.Phrase}, plurals...)
	if !explicit {
		a.Forms = append(a.Forms, RegularPlural(a.Phrase))
	}
	return a, nil
}

// expandMarkers replaces the first !MARKER! of phrase by each element of
// its list (recursively for further markers).
func expandMarkers(phrase string, markers map[string][]string) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("unclosed substitution marker in %q", phrase)
	}
	name := phrase[i : i+j+2]
	items, ok := markers[name]
	if !ok {
		return nil, fmt.Errorf("substitution marker %s is not defined", name)
	}
	var out []string
	for _, it := range items {
		more, err := expandMarkers(phrase[:i]+it+phrase[i+j+2:], markers)
		if err != nil {
			return nil, err
		}
		for _, m := range more {
			out = append(out, normPhrase(m))
		}
	}
	return out, nil
}

// RegularPlural forms the plural of a phrase's last word by the agent
// dictionary's rule: +IES for a consonant and Y, +ES after SS, else +S.
// Case follows the word's last letter.
func RegularPlural(phrase string) string {
	if phrase == "" {
		return ""
	}
	lower := strings.ToLower(phrase)
	up := phrase != lower
	suf := func(s string) string {
		if up {
			return strings.ToUpper(s)
		}
		return s
	}
	n := len(lower)
	switch {
	case strings.HasSuffix(lower, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(lower[n-2])):
		return phrase[:n-1] + suf("ies")
	case strings.HasSuffix(lower, "ss"):
		return phrase + suf("es")
	}
	return phrase + suf("s")
}
