package petrarch

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed actordata/codes.tsv
var defaultCodes []byte

// CodeMap converts Phoenix (CAMEO) actor codes to diplograph's actor codes:
// ISO 3166-1 alpha-3 for states and the annotation guideline's
// organization codes (UN, EU, NATO, AL_QAEDA, ...).
type CodeMap struct {
	country map[string]string // three-letter CAMEO code -> alpha-3 or ""
	exact   map[string]string // organization code -> guideline code or ""
	prefix  map[string]string // organization code prefix -> guideline code or ""
	maxLen  int
}

var (
	defaultMapOnce sync.Once
	defaultMap     *CodeMap
	defaultMapErr  error
)

// DefaultCodeMap returns the code map of the embedded table
// actordata/codes.tsv.
func DefaultCodeMap() (*CodeMap, error) {
	defaultMapOnce.Do(func() {
		defaultMap, defaultMapErr = ParseCodeMap(Source{Name: "actordata/codes.tsv", Data: defaultCodes})
	})
	return defaultMap, defaultMapErr
}

// ParseCodeMap reads a code table: lines "PHOENIX<TAB>DIPLOGRAPH" where a
// three-letter PHOENIX code maps a CAMEO country code, a longer one an
// organization code (a final * extends it to every code starting with
// it), and DIPLOGRAPH "-" means no actor. Blank lines and # comments are
// skipped.
func ParseCodeMap(src Source) (*CodeMap, error) {
	m := &CodeMap{country: map[string]string{}, exact: map[string]string{}, prefix: map[string]string{}}
	var errs ErrorList
	scanLines(src.Data, func(n int, raw string) {
		s := strings.TrimSpace(raw)
		if s == "" || s[0] == '#' {
			return
		}
		f := strings.Split(s, "\t")
		if len(f) != 2 {
			errs.add(src.Name, n, "want 2 tab-separated columns (phoenix code, diplograph code), got %d", len(f))
			return
		}
		from, to := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if to == "-" {
			to = ""
		}
		star := strings.HasSuffix(from, "*")
		from = strings.TrimSuffix(from, "*")
		if !isUpperCode(from) || len(from)%3 != 0 {
			errs.add(src.Name, n, "bad Phoenix code %q (upper-case letters in groups of three)", f[0])
			return
		}
		if to != "" && !isProjectCode(to) {
			errs.add(src.Name, n, "bad diplograph code %q", to)
			return
		}
		switch {
		case len(from) == 3 && !star:
			m.country[from] = to
		case star:
			m.prefix[from] = to
		default:
			m.exact[from] = to
		}
		if len(from) > m.maxLen {
			m.maxLen = len(from)
		}
	})
	if err := errs.err(); err != nil {
		return nil, err
	}
	return m, nil
}

func isUpperCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isProjectCode(s string) bool {
	if name, ok := strings.CutPrefix(s, "ORG:"); ok {
		return name != "" && strings.TrimSpace(name) == name
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+') {
			return false
		}
	}
	return s != ""
}

// Map converts a Phoenix actor code. For an organization listed in the
// table it returns the organization's code and the rest of the Phoenix
// code as sector; for a state actor ("IRNGOV", "USAMILSPY") the alpha-3
// code of the state and the sector ("GOV", "MILSPY"). ok is false for
// codes that name no actor of diplograph: regions, non-state classes
// without a guideline code (NGO, MNC, most IGO codes), historical
// entities and the null code. A three-letter code not in the table is
// returned as is (CAMEO country codes are mostly ISO alpha-3); callers
// check it against their list of states.
func (m *CodeMap) Map(code string) (actor, sector string, ok bool) {
	if !isUpperCode(code) {
		return "", "", false
	}
	if to, found := m.exact[code]; found {
		return found1(to, "")
	}
	for n := min(len(code), m.maxLen); n > 3; n-- {
		if to, found := m.prefix[code[:n]]; found {
			return found1(to, code[n:])
		}
	}
	if len(code) < 3 {
		return "", "", false
	}
	c := code[:3]
	if to, found := m.country[c]; found {
		return found1(to, code[3:])
	}
	return c, code[3:], true
}

// found1 returns a table hit; "" (a "-" entry) is no actor.
func found1(to, sector string) (string, string, bool) {
	if to == "" {
		return "", "", false
	}
	return to, sector, true
}

// String describes the map's size, for logs.
func (m *CodeMap) String() string {
	return fmt.Sprintf("petrarch.CodeMap(%d countries, %d organizations)", len(m.country), len(m.exact)+len(m.prefix))
}
