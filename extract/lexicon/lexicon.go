package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The embedded defaults: data files of the lexicon format, the office
// holder files and the README (not data/petrarch/, the Phoenix sources of
// the generated phoenix_* files).
//
//go:embed data/*.txt data/*.tsv data/README.md
var defaultData embed.FS

// Kind says what a mention or gazetteer entry denotes.
type Kind uint8

// Kinds of mentions.
const (
	KindNone         Kind = iota
	KindState             // a state, named by name, abbreviation, adjective, capital or seat
	KindOrganization      // an international organization or a non-state armed group
	KindPlace             // a city, region, province or body of water
	KindBody              // a government body of a state ("State Department", "Iraqi army")
	KindTitle             // an office title ("foreign minister")
)

var kindNames = [...]string{"none", "state", "organization", "place", "body", "title"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Form says how a mention names its referent.
type Form uint8

// Forms of mentions.
const (
	FormNone      Form = iota
	FormName           // "Iran", "the United States", "Islamic Republic of Iran"
	FormAbbrev         // "US", "U.S.", "UK", "DPRK"
	FormAdjective      // "Iranian", "British", also plural demonyms "Iranians"
	FormCapital        // "Tehran", "Washington"
	FormSeat           // "the Kremlin", "the White House", "Downing Street"
	FormBody           // "the State Department", "the Iraqi army"
	FormPlace          // "Mosul", "the Persian Gulf"
	FormOrg            // "NATO", "Islamic State"
	FormTitle          // "foreign minister"
)

var formNames = [...]string{"none", "name", "abbrev", "adjective", "capital", "seat", "body", "place", "org", "title"}

func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", f)
}

// Country is a state or territory of the gazetteer.
type Country struct {
	Code      string // ISO 3166-1 alpha-3 (XKX for Kosovo)
	Name      string // display name
	Capital   string // capital city, "" if unknown
	Sovereign bool   // true for states, false for dependent territories
}

// Organization is an international organization or a non-state armed group.
type Organization struct {
	Code string // guideline code: UN, NATO, ISIL, ...
	Name string // display name
	Kind string // "intergovernmental" or "armed_group"
}

// Place is a named place. Code is the alpha-3 code of the state it belongs to,
// or "" for waters and regions that are no one state's.
type Place struct {
	Name string // canonical name (first surface form of its record)
	Code string
	Kind string // city, capital, region, province, water, island, site
}

// Entry is one surface form as loaded, for inspection and tests.
type Entry struct {
	Surface   string
	Key       string // folded token key used for matching
	Code      string // state/org code, place owner, normalized title; "" for nouns and blocks
	Kind      Kind   // KindNone for body nouns and blocked phrases
	Form      Form
	Record    string // the record kind as written in the file ("adjective", "city", ...)
	Ambiguous bool
	File      string
	Line      int
}

// Lexicon is a loaded set of gazetteers. It is immutable after Load and safe
// for concurrent use.
type Lexicon struct {
	root      *node
	countries map[string]*Country
	orgs      map[string]*Organization
	places    map[string]*Place // by folded key of every surface form
	titles    map[string]string // folded key -> normalized title
	entries   []*entry
	holders   []*OfficeHolder
	termIndex map[string]int             // termKey -> index in holders, to find a restated term
	byName    map[string][]*OfficeHolder // folded full names, aliases and surnames
	dict      []*OfficeHolder            // office holders from actor dictionaries (second tier)
	byDict    map[string][]*OfficeHolder // their folded names, aliases and bare keys
}

// namespaces of entries; entities compete for the same surface form, the
// others live in separate namespaces.
type namespace uint8

const (
	nsEntity namespace = iota
	nsNoun
	nsTitle
	nsBlock
)

type entry struct {
	Entry
	ns      namespace
	pattern []tokPat
	removed bool
}

// record kinds and what they become.
type recKind struct {
	ns   namespace
	kind Kind
	form Form
}

var recKinds = map[string]recKind{
	"state":             {nsEntity, KindState, FormName},
	"territory":         {nsEntity, KindState, FormName},
	"display":           {nsEntity, KindState, FormName},
	"name":              {nsEntity, KindState, FormName},
	"abbrev":            {nsEntity, KindState, FormAbbrev},
	"adjective":         {nsEntity, KindState, FormAdjective},
	"capital":           {nsEntity, KindState, FormCapital},
	"seat":              {nsEntity, KindState, FormSeat},
	"body":              {nsEntity, KindBody, FormBody},
	"intergovernmental": {nsEntity, KindOrganization, FormOrg},
	"armed_group":       {nsEntity, KindOrganization, FormOrg},
	"city":              {nsEntity, KindPlace, FormPlace},
	"region":            {nsEntity, KindPlace, FormPlace},
	"province":          {nsEntity, KindPlace, FormPlace},
	"water":             {nsEntity, KindPlace, FormPlace},
	"island":            {nsEntity, KindPlace, FormPlace},
	"site":              {nsEntity, KindPlace, FormPlace},
	"noun":              {nsNoun, KindBody, FormBody},
	"title":             {nsTitle, KindTitle, FormTitle},
	"block":             {nsBlock, KindNone, FormNone},
}

// fileOrder is the order in which the known data files are read; any other
// *.txt file follows in lexical order.
var fileOrder = []string{"countries.txt", "states.txt", "organizations.txt", "places.txt", "bodies.txt", "titles.txt"}

const holdersFile = "officeholders.tsv"

// patternsFile is the extractor's relation patterns; a user directory of
// extract.lexicon_dirs may hold it beside lexicon files, and the lexicon
// leaves it alone.
const patternsFile = "patterns.txt"

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the lexicon of the embedded data files only. It is loaded
// once and shared.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Load() })
	return defaultLex, defaultErr
}

// Load reads the embedded data files and then, in order, the same-named files
// of each fsys (for example os.DirFS of a directory listed in config
// extract.lexicon_dirs). A user file extends the defaults; its `!remove`
// lines delete entries loaded before it. Files are read from the root of each
// fsys.
func Load(fsyss ...fs.FS) (*Lexicon, error) {
	return LoadOptions(Options{Dirs: fsyss})
}

func (l *Lexicon) loadFS(fsys fs.FS) error { return l.loadFSSkip(fsys, "") }

// loadFSSkip is loadFS leaving out the *.txt file named skip.
func (l *Lexicon) loadFSSkip(fsys fs.FS, skip string) error {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return err
	}
	kept := names[:0]
	for _, n := range names {
		// patterns.txt in the same directory belongs to the extractor
		// (extract.lexicon_dirs serves both)
		if n != skip && n != patternsFile {
			kept = append(kept, n)
		}
	}
	names = kept
	rank := func(n string) int {
		for i, k := range fileOrder {
			if k == n {
				return i
			}
		}
		return len(fileOrder)
	}
	sort.SliceStable(names, func(i, j int) bool {
		ri, rj := rank(names[i]), rank(names[j])
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	dir := DirName(fsys)
	shown := func(n string) string {
		if dir == "" {
			return n
		}
		return filepath.Join(dir, n)
	}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return fmt.Errorf("lexicon: %s: %w", shown(n), err)
		}
		if err := l.parseFile(shown(n), b); err != nil {
			return err
		}
	}
	b, err := fs.ReadFile(fsys, holdersFile)
	switch {
	case err == nil:
		return l.parseHolders(shown(holdersFile), b)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	default:
		return fmt.Errorf("lexicon: %s: %w", shown(holdersFile), err)
	}
}

// Dir is a user directory of dictionary files, read like os.DirFS(path),
// that keeps its path so that errors name "path/countries.txt:3" and not
// only the base name. Callers reading extract.lexicon_dirs use it.
func Dir(path string) fs.FS { return dirFS{FS: os.DirFS(path), path: path} }

type dirFS struct {
	fs.FS
	path string
}

// DirName is the path of a file system made by [Dir], "" for any other
// (the embedded data, fstest.MapFS, a plain os.DirFS).
func DirName(fsys fs.FS) string {
	if d, ok := fsys.(dirFS); ok {
		return d.path
	}
	return ""
}

type lineErr struct {
	file string
	line int
	msg  string
}

func (e *lineErr) Error() string { return fmt.Sprintf("lexicon: %s:%d: %s", e.file, e.line, e.msg) }

func errf(file string, line int, format string, args ...any) error {
	return &lineErr{file, line, fmt.Sprintf(format, args...)}
}

// lines calls fn for each non-blank, non-comment line with its number.
func lines(b []byte, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		s := strings.TrimRight(sc.Text(), " \r")
		if n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(n, s); err != nil {
			return err
		}
	}
	return sc.Err()
}

func splitForms(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "|") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (l *Lexicon) parseFile(file string, b []byte) error {
	return lines(b, func(n int, s string) error {
		cols := strings.Split(s, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if cols[0] == "!remove" {
			return l.remove(file, n, cols[1:])
		}
		if len(cols) != 3 {
			return errf(file, n, "want 3 tab-separated columns (CODE, kind, forms), got %d", len(cols))
		}
		code, rk, forms := cols[0], cols[1], splitForms(cols[2])
		k, ok := recKinds[rk]
		if !ok {
			return errf(file, n, "unknown kind %q", rk)
		}
		if len(forms) == 0 {
			return errf(file, n, "no surface forms")
		}
		if err := l.checkCode(file, n, code, rk, k); err != nil {
			return err
		}
		if err := l.define(file, n, code, rk, k, forms); err != nil {
			return err
		}
		for _, f := range forms {
			if err := l.add(file, n, code, rk, k, f); err != nil {
				return err
			}
			if rk == "adjective" {
				// plural demonym: Iranian -> Iranians, Iraqi -> Iraqis
				f = strings.TrimPrefix(f, "~")
				if !strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "sh") && !strings.HasSuffix(f, "ese") && !strings.HasSuffix(f, "ch") {
					if err := l.add(file, n, code, rk, k, plural(forms, f)); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

func plural(forms []string, f string) string {
	amb := false
	for _, g := range forms {
		if strings.TrimPrefix(g, "~") == f && strings.HasPrefix(g, "~") {
			amb = true
		}
	}
	if amb {
		return "~" + f + "s"
	}
	return f + "s"
}

func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isOrgCode(s string) bool {
	if s == "" {
		return false
	}
	if name, ok := strings.CutPrefix(s, "ORG:"); ok {
		// an organization without a guideline code: "ORG:<its name>"
		return strings.TrimSpace(name) == name && name != "" && !strings.ContainsAny(name, "\t|")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+') {
			return false
		}
	}
	return true
}

func (l *Lexicon) checkCode(file string, n int, code, rk string, k recKind) error {
	switch {
	case k.ns == nsNoun || k.ns == nsBlock:
		if code != "-" && code != "*" {
			return errf(file, n, "kind %q wants code \"-\", got %q", rk, code)
		}
	case k.ns == nsTitle:
		if code == "" || strings.ToLower(code) != code {
			return errf(file, n, "title wants a lowercase normalized title in the first column, got %q", code)
		}
	case k.kind == KindOrganization:
		if !isOrgCode(code) {
			return errf(file, n, "bad organization code %q", code)
		}
		if _, ok := l.countries[code]; ok {
			return errf(file, n, "organization code %q is a country code", code)
		}
	case k.kind == KindPlace:
		if code != "-" && !isCountryCode(code) {
			return errf(file, n, "bad place owner %q (alpha-3 code or \"-\")", code)
		}
		if code != "-" && l.countries[code] == nil {
			return errf(file, n, "place owner %q is not a known country", code)
		}
	case rk == "state" || rk == "territory":
		if !isCountryCode(code) {
			return errf(file, n, "bad country code %q", code)
		}
	default: // name, abbrev, adjective, capital, seat, body, display
		if l.countries[code] == nil && l.orgs[code] == nil {
			return errf(file, n, "unknown code %q (define it with a state, territory or organization record first)", code)
		}
		if l.orgs[code] != nil && (rk == "adjective" || rk == "capital" || rk == "display") {
			return errf(file, n, "kind %q is for states, %q is an organization", rk, code)
		}
	}
	return nil
}

// define creates or updates the Country, Organization or Place a record names.
func (l *Lexicon) define(file string, n int, code, rk string, k recKind, forms []string) error {
	first := strings.TrimPrefix(forms[0], "~")
	switch {
	case rk == "state" || rk == "territory":
		if c := l.countries[code]; c == nil {
			l.countries[code] = &Country{Code: code, Name: first, Sovereign: rk == "state"}
		} else {
			c.Sovereign = rk == "state"
		}
	case rk == "display":
		l.countries[code].Name = first
	case rk == "capital":
		c := l.countries[code]
		if c.Capital == "" {
			c.Capital = first
		}
		for _, f := range forms {
			l.places[foldKey(strings.TrimPrefix(f, "~"))] = &Place{Name: c.Capital, Code: code, Kind: "capital"}
		}
	case k.kind == KindOrganization:
		if o := l.orgs[code]; o == nil {
			l.orgs[code] = &Organization{Code: code, Name: first, Kind: rk}
		} else {
			o.Kind = rk
		}
	case k.kind == KindPlace:
		owner := code
		if owner == "-" {
			owner = ""
		}
		for _, f := range forms {
			key := foldKey(strings.TrimPrefix(f, "~"))
			if p := l.places[key]; p != nil && p.Code != owner {
				if p.Kind != "capital" {
					return errf(file, n, "place %q already belongs to %q", f, p.Code)
				}
			}
			l.places[key] = &Place{Name: first, Code: owner, Kind: rk}
		}
	case k.ns == nsTitle:
		for _, f := range forms {
			l.titles[foldKey(f)] = code
		}
	}
	return nil
}

func (l *Lexicon) add(file string, n int, code, rk string, k recKind, surface string) error {
	amb := strings.HasPrefix(surface, "~")
	surface = strings.TrimSpace(strings.TrimPrefix(surface, "~"))
	pat := compilePattern(surface)
	if len(pat) == 0 {
		return errf(file, n, "surface form %q has no words", surface)
	}
	e := &entry{
		Entry: Entry{Surface: surface, Key: patKey(pat), Code: code, Kind: k.kind, Form: k.form,
			Record: rk, Ambiguous: amb, File: file, Line: n},
		ns: k.ns, pattern: pat,
	}
	switch {
	case k.ns == nsNoun || k.ns == nsBlock:
		e.Code = ""
	case k.kind == KindPlace && code == "-":
		e.Code = ""
	}
	if k.kind == KindState || k.kind == KindBody && k.ns == nsEntity {
		if l.orgs[code] != nil {
			e.Kind = KindOrganization
			if k.form == FormName {
				e.Form = FormOrg
			}
		}
	}
	l.entries = append(l.entries, e)
	return nil
}

// remove handles `!remove CODE [kind [forms]]` and `!remove - kind forms`.
func (l *Lexicon) remove(file string, n int, args []string) error {
	if len(args) == 0 || len(args) > 3 || args[0] == "" {
		return errf(file, n, "!remove wants CODE [TAB kind [TAB form | form ...]]")
	}
	code := args[0]
	rk := ""
	if len(args) > 1 {
		rk = args[1]
		if _, ok := recKinds[rk]; !ok {
			return errf(file, n, "unknown kind %q", rk)
		}
	}
	var keys map[string]bool
	if len(args) > 2 {
		keys = map[string]bool{}
		for _, f := range splitForms(args[2]) {
			keys[patKey(compilePattern(strings.TrimPrefix(f, "~")))] = true
		}
	}
	found := false
	for _, e := range l.entries {
		c := e.Code
		if e.ns == nsNoun || e.ns == nsBlock || (e.Kind == KindPlace && c == "") {
			c = "-"
		}
		if e.removed || c != code || (rk != "" && e.Record != rk) || (keys != nil && !keys[e.Key]) {
			continue
		}
		e.removed = true
		found = true
		switch {
		case e.Kind == KindPlace || e.Record == "capital":
			delete(l.places, e.Key)
		case e.ns == nsTitle:
			delete(l.titles, e.Key)
		}
	}
	if !found {
		return errf(file, n, "!remove matches no entry")
	}
	if rk == "" && keys == nil {
		delete(l.countries, code)
		delete(l.orgs, code)
	} else if rk == "capital" {
		if c := l.countries[code]; c != nil {
			c.Capital = ""
		}
	}
	return nil
}

// finish checks the ambiguity invariant and builds the trie.
func (l *Lexicon) finish() error {
	type codeInfo struct {
		amb bool
		e   *entry
		seq int // order of first appearance under this key
	}
	byKey := map[string]map[string]*codeInfo{}
	var keys []string
	for _, e := range l.entries {
		if e.removed || e.ns != nsEntity {
			continue
		}
		m := byKey[e.Key]
		if m == nil {
			m = map[string]*codeInfo{}
			byKey[e.Key] = m
			keys = append(keys, e.Key)
		}
		ci := m[e.Code]
		if ci == nil {
			ci = &codeInfo{e: e, seq: len(m)}
			m[e.Code] = ci
		}
		ci.amb = ci.amb || e.Ambiguous
	}
	for _, k := range keys {
		m := byKey[k]
		if len(m) < 2 {
			continue
		}
		// In load order, so the error names the same line every time.
		infos := make([]*codeInfo, 0, len(m))
		for _, ci := range m {
			infos = append(infos, ci)
		}
		sort.Slice(infos, func(i, j int) bool { return infos[i].seq < infos[j].seq })
		for _, ci := range infos {
			if !ci.amb {
				var others []string
				for c := range m {
					if c != ci.e.Code {
						others = append(others, fmt.Sprintf("%q", c))
					}
				}
				sort.Strings(others)
				return errf(ci.e.File, ci.e.Line, "surface form %q of %q also names %s; mark every such form ambiguous with a leading ~",
					ci.e.Surface, ci.e.Code, strings.Join(others, ", "))
			}
		}
	}
	// Ambiguity is a property of the (form, code) pair: propagate it.
	for _, e := range l.entries {
		if e.removed || e.ns != nsEntity {
			continue
		}
		if m := byKey[e.Key]; m[e.Code].amb {
			e.Ambiguous = true
		}
	}
	for _, e := range l.entries {
		if !e.removed {
			l.root.insert(e)
		}
	}
	return nil
}

// Country returns the state or territory with an alpha-3 code.
func (l *Lexicon) Country(code string) (Country, bool) {
	c := l.countries[code]
	if c == nil {
		return Country{}, false
	}
	return *c, true
}

// Countries returns all states and territories sorted by code.
func (l *Lexicon) Countries() []Country {
	out := make([]Country, 0, len(l.countries))
	for _, c := range l.countries {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Organization returns the organization or armed group with a code.
func (l *Lexicon) Organization(code string) (Organization, bool) {
	o := l.orgs[code]
	if o == nil {
		return Organization{}, false
	}
	return *o, true
}

// Organizations returns all organizations sorted by code.
func (l *Lexicon) Organizations() []Organization {
	out := make([]Organization, 0, len(l.orgs))
	for _, o := range l.orgs {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Place looks a place up by any of its surface forms, case-insensitively
// ("Kiev" and "Kyiv" give the same Place). Capitals are places of kind
// "capital".
func (l *Lexicon) Place(name string) (Place, bool) {
	p := l.places[foldKey(name)]
	if p == nil {
		return Place{}, false
	}
	return *p, true
}

// Title returns the normalized title for an office title as written
// ("Foreign Secretary" -> "foreign secretary", "spokeswoman" -> "spokesperson"),
// matched case-insensitively on the whole text.
func (l *Lexicon) Title(text string) (string, bool) {
	t, ok := l.titles[foldKey(text)]
	return t, ok
}

// Entries returns every loaded surface form (after removals), in load order.
func (l *Lexicon) Entries() []Entry {
	out := make([]Entry, 0, len(l.entries))
	for _, e := range l.entries {
		if !e.removed {
			out = append(out, e.Entry)
		}
	}
	return out
}

// Lookup returns the entries whose surface form equals text after folding
// case and diacritics.
func (l *Lexicon) Lookup(text string) []Entry {
	k := foldKey(text)
	var out []Entry
	for _, e := range l.entries {
		if !e.removed && e.Key == k {
			out = append(out, e.Entry)
		}
	}
	return out
}
