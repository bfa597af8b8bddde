package lexicon

import (
	"strings"
	"time"
)

// OfficeHolder is a person who held an office of a state or organization
// between From and To (To is zero while in office).
type OfficeHolder struct {
	Name    string
	Aliases []string
	Code    string // alpha-3 state code or organization code
	Title   string // lowercase title, e.g. "foreign minister"
	From    time.Time
	To      time.Time
	File    string
	Line    int
}

// ValidOn reports whether the office was held on day t (inclusive bounds).
// A zero t matches every term.
func (h OfficeHolder) ValidOn(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if !h.From.IsZero() && d.Before(h.From) {
		return false
	}
	return h.To.IsZero() || !d.After(h.To)
}

const dateLayout = "2006-01-02"

// parseHolders reads officeholders.tsv: name, aliases (comma-separated or
// "-"), code, title, from, to ("-" while in office). A line
// "!remove<TAB>name" deletes the terms loaded so far for that name.
func (l *Lexicon) parseHolders(file string, b []byte) error {
	return lines(b, func(n int, s string) error {
		cols := strings.Split(s, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if cols[0] == "!remove" {
			if len(cols) != 2 || cols[1] == "" {
				return errf(file, n, "!remove wants a name")
			}
			k := foldKey(cols[1])
			kept := l.holders[:0]
			found := false
			for _, h := range l.holders {
				if foldKey(h.Name) == k {
					found = true
					continue
				}
				kept = append(kept, h)
			}
			if l.removeDictHolder(cols[1]) {
				found = true
			}
			if !found {
				return errf(file, n, "!remove matches no office holder")
			}
			l.holders = kept
			l.indexHolders()
			return nil
		}
		if len(cols) != 6 {
			return errf(file, n, "want 6 tab-separated columns (name, aliases, country, title, from, to), got %d", len(cols))
		}
		h := &OfficeHolder{Name: cols[0], Code: cols[2], Title: strings.ToLower(cols[3]), File: file, Line: n}
		if h.Name == "" || h.Name == "-" {
			return errf(file, n, "empty name")
		}
		if cols[1] != "-" && cols[1] != "" {
			for _, a := range strings.Split(cols[1], ",") {
				if a = strings.TrimSpace(a); a != "" {
					h.Aliases = append(h.Aliases, a)
				}
			}
		}
		if !isCountryCode(h.Code) && !isOrgCode(h.Code) {
			return errf(file, n, "bad country or organization code %q", h.Code)
		}
		var err error
		if cols[4] != "-" && cols[4] != "" {
			if h.From, err = time.Parse(dateLayout, cols[4]); err != nil {
				return errf(file, n, "bad from date %q (want YYYY-MM-DD)", cols[4])
			}
		}
		if cols[5] != "-" && cols[5] != "" {
			if h.To, err = time.Parse(dateLayout, cols[5]); err != nil {
				return errf(file, n, "bad to date %q (want YYYY-MM-DD or -)", cols[5])
			}
			if !h.From.IsZero() && h.To.Before(h.From) {
				return errf(file, n, "to date %s before from date %s", cols[5], cols[4])
			}
		}
		if i, ok := l.termIndex[termKey(h)]; ok {
			// The same term again (a user file restating a default): the
			// later line wins.
			l.holders[i] = h
			l.indexHolders()
			return nil
		}
		l.holders = append(l.holders, h)
		l.termIndex[termKey(h)] = len(l.holders) - 1
		l.indexHolder(h)
		return nil
	})
}

// termKey identifies one office term: person, office and start date.
func termKey(h *OfficeHolder) string {
	return foldKey(h.Name) + "\x00" + h.Code + "\x00" + h.Title + "\x00" + h.From.Format(dateLayout)
}

func (l *Lexicon) indexHolders() {
	l.byName = map[string][]*OfficeHolder{}
	l.termIndex = make(map[string]int, len(l.holders))
	for i, h := range l.holders {
		l.indexHolder(h)
		l.termIndex[termKey(h)] = i
	}
}

func (l *Lexicon) indexHolder(h *OfficeHolder) {
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			l.byName[k] = append(l.byName[k], h)
		}
	}
	for _, n := range append([]string{h.Name}, h.Aliases...) {
		k := foldKey(n)
		add(k)
		if i := strings.LastIndexByte(k, ' '); i >= 0 {
			add(k[i+1:]) // surname
		}
	}
}

var honorifics = []string{"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh", "prince", "king", "queen"}

// OfficeHolders returns the terms of office of the person named name, by
// full name, alias or surname ("Mr Hague", "Hague", "William Hague"),
// valid on date on (a zero on matches every term). Case, diacritics and a
// leading honorific are ignored. The office holders of officeholders.tsv
// files come first: those of actor dictionaries (the embedded Phoenix
// defaults and Options.Dictionaries) are returned only when none of them
// matches.
func (l *Lexicon) OfficeHolders(name string, on time.Time) []OfficeHolder {
	k := foldKey(name)
	for _, h := range honorifics {
		if strings.HasPrefix(k, h+" ") {
			k = strings.TrimPrefix(k[len(h)+1:], ". ")
			break
		}
	}
	if out := validOn(l.byName[k], on); len(out) > 0 {
		return out
	}
	return validOn(l.byDict[k], on)
}

func validOn(hs []*OfficeHolder, on time.Time) []OfficeHolder {
	var out []OfficeHolder
	for _, h := range hs {
		if h.ValidOn(on) {
			c := *h
			c.Aliases = append([]string(nil), h.Aliases...)
			out = append(out, c)
		}
	}
	return out
}

// AllOfficeHolders returns every loaded term of office in load order:
// those of officeholders.tsv files, then those of actor dictionaries.
func (l *Lexicon) AllOfficeHolders() []OfficeHolder {
	out := make([]OfficeHolder, 0, len(l.holders)+len(l.dict))
	for _, h := range l.holders {
		out = append(out, *h)
	}
	for _, h := range l.dict {
		out = append(out, *h)
	}
	return out
}
