package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/slug"
)

// person is an official named in the article.
type person struct {
	id      string
	name    string
	surname string // lower case
	code    string
	title   string // as written
	ntitle  string // normalized
	idx     int    // its index in memory.persons
}

// personIndex finds the article's persons by id, name, surname and title
// without scanning them all, which made an article naming thousands of
// people quadratic. A lookup takes the candidates of the index, checks
// each against the condition a scan of memory.persons would test, and
// keeps the first in that order (the least idx), so it finds what the
// scan found. An entry is added whenever a person's name, title or code
// changes; a stale one fails the check.
type personIndex struct {
	byID      map[string]*person   // the first person with the id
	byLower   map[string][]*person // by strings.ToLower of a name
	byFold    map[string][]*person // by foldKey of a name
	bySurname map[string][]*person
	byBare    map[string][]*person // by bareSurname of the surname
	byTitle   map[string][]*person // by normalized title, with a code
}

// foldKey returns a key that two strings share when strings.EqualFold
// holds between them: each rune (an invalid byte as U+FFFD, as EqualFold
// reads it) becomes the least rune of its case-folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r >= utf8.RuneSelf:
			m := r
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				m = min(m, f)
			}
			r = m
		}
		b.WriteRune(r)
	}
	return b.String()
}

// indexPerson adds p to the index under its current id, name, surname
// and title.
func (d *doc) indexPerson(p *person) {
	ix := &d.pidx
	if ix.byID == nil {
		ix.byID = map[string]*person{}
		ix.byLower = map[string][]*person{}
		ix.byFold = map[string][]*person{}
		ix.bySurname = map[string][]*person{}
		ix.byBare = map[string][]*person{}
		ix.byTitle = map[string][]*person{}
	}
	if ix.byID[p.id] == nil {
		ix.byID[p.id] = p
	}
	addOnce(ix.byLower, strings.ToLower(p.name), p)
	addOnce(ix.byFold, foldKey(p.name), p)
	addOnce(ix.bySurname, p.surname, p)
	addOnce(ix.byBare, bareSurname(p.surname), p)
	if p.ntitle != "" && p.code != "" {
		addOnce(ix.byTitle, p.ntitle, p)
	}
}

// addOnce appends p to m[k] unless it is its last entry already.
func addOnce(m map[string][]*person, k string, p *person) {
	if l := m[k]; len(l) == 0 || l[len(l)-1] != p {
		m[k] = append(l, p)
	}
}

// firstPerson returns the candidate of lists with the least idx that
// satisfies ok, or nil.
func firstPerson(ok func(*person) bool, lists ...[]*person) *person {
	var best *person
	for _, l := range lists {
		for _, p := range l {
			if (best == nil || p.idx < best.idx) && ok(p) {
				best = p
			}
		}
	}
	return best
}

// isNameTok reports whether token i can be part of a person's name: a
// capitalized word (after an article prefix of @name_prefix) that is not
// in @name_stop of data/words.txt.
func (d *doc) isNameTok(i int) bool {
	if i < 0 || i >= len(d.toks) || d.at[i] >= 0 {
		return false
	}
	t := d.toks[i]
	raw := t.raw
	if p := namePrefix(raw); p > 0 {
		raw = raw[p:] // "al-Maliki"
	}
	r, _ := utf8.DecodeRuneInString(raw)
	if !unicode.IsUpper(r) {
		return false
	}
	if words.nameStop[t.w] {
		return false
	}
	for _, c := range t.raw {
		if !(unicode.IsLetter(c) || c == '-' || c == '\'' || c == '.') {
			return false
		}
	}
	if strings.HasSuffix(t.raw, ".") && utf8.RuneCountInString(t.raw) > 2 {
		return false
	}
	return true
}

// namePrefix returns the length of a lower-case Arabic article prefix
// ("al-", "el-", "ad-": @name_prefix) of a name token, or 0. The prefix
// runs to the first hyphen and must be followed by more of the name.
func namePrefix(raw string) int {
	if i := strings.IndexByte(raw, '-'); i >= 0 && i+1 < len(raw) && words.namePrefix[raw[:i+1]] {
		return i + 1
	}
	return 0
}

// bareSurname drops an article prefix from a lower-case surname.
func bareSurname(s string) string {
	return s[namePrefix(s):]
}

// nameSpan returns the name starting at token i (after an optional
// honorific, @honorific), as tokens [n0, n1), possibly with lower-case
// particles inside (@name_particle: "bin", "al"); n0 == n1 when there is
// none.
func (d *doc) nameSpan(i int) (int, int) {
	if i < len(d.toks) && words.honorific[d.toks[i].w] && d.at[i] < 0 {
		i++
	}
	j := i
	for j < len(d.toks) && j-i < 5 {
		if d.isNameTok(j) {
			j++
			continue
		}
		if j > i && words.nameParticle[d.toks[j].w] && d.isNameTok(j+1) && d.at[j] < 0 {
			j++
			continue
		}
		break
	}
	// a single initial is no name
	if j == i+1 && len(d.toks[i].raw) <= 2 && strings.HasSuffix(d.toks[i].raw, ".") {
		return i, i
	}
	return i, j
}

// officials finds office holders: titles with names, appositions, bare
// names of the office-holder lexicon, and title coreference.
func (d *doc) officials(ments []lexicon.Mention) {
	for _, m := range ments {
		if m.Kind != lexicon.KindTitle {
			continue
		}
		ti0, ti1, _ := d.tokRange(m.Start, m.End)
		if ti0 >= ti1 || d.at[ti0] >= 0 {
			continue
		}
		d.titled(ti0, ti1, m)
	}
	// body + name: "his Iranian counterpart Mohammad Javad Zarif"
	for ai := 0; ai < len(d.actors); ai++ {
		a := d.actors[ai]
		if a.code == "" || a.person || a.place || a.adj {
			continue
		}
		n0, n1 := d.nameSpan(a.t1)
		if n1 > n0 && n0 == a.t1 {
			name := d.spanText(n0, n1)
			p := d.personFor(name, a.code, "", "")
			if p != nil {
				d.addPersonActor(p, a.t0, n1, n0, n1)
			}
		}
	}
	// bare names
	for i := 0; i < len(d.toks); i++ {
		if d.at[i] >= 0 {
			continue
		}
		n0, n1 := d.nameSpan(i)
		if n1 <= n0 {
			continue
		}
		if p := d.lookupName(n0, n1); p != nil {
			d.addPersonActor(p, i, n1, n0, n1)
		} else if p := d.namedTitled(n0, n1); p != nil {
			d.addPersonActor(p, i, n1, n0, n1)
		}
		i = n1 - 1
		if i < n0 {
			i = n0
		}
	}
}

func (d *doc) spanText(t0, t1 int) string {
	return d.norm[d.toks[t0].s:d.toks[t1-1].e]
}

// titled handles one title mention at tokens [ti0, ti1), with the
// modifiers before it (@title_modifier; @former_modifier marks a former
// holder, who acts for no one).
func (d *doc) titled(ti0, ti1 int, m lexicon.Mention) {
	start, end := ti0, ti1
	code := ""
	former := false
	j := ti0 - 1
	for j >= 0 && d.at[j] < 0 && (words.titleModifier[d.toks[j].w] || d.toks[j].w == "-") {
		if words.formerModifier[d.toks[j].w] {
			former = true
		}
		j--
	}
	// a portfolio before the title: "Chinese Commerce Minister", "Indian
	// External Affairs Minister"
	if q := d.portfolioStart(j, m.Title); q != j {
		j = q
		for j >= 0 && d.at[j] < 0 && (words.titleModifier[d.toks[j].w] || d.toks[j].w == "-") {
			if words.formerModifier[d.toks[j].w] {
				former = true
			}
			j--
		}
	}
	if j >= 0 && d.at[j] >= 0 {
		a := d.actors[d.at[j]]
		if a.code != "" && !a.place && !a.person {
			code = a.code
			start = a.t0
			// "Iran's U.N. ambassador", "British Deputy U.N. Ambassador":
			// a state's envoy to an organization acts for the state.
			if _, isOrg := d.x.lex.Organization(a.code); isOrg && (m.Title == "ambassador" || m.Title == "envoy") {
				q := a.t0 - 1
				for q >= 0 && d.at[q] < 0 && (words.titleModifier[d.toks[q].w] || d.toks[q].w == "-") {
					q--
				}
				if q >= 0 && d.at[q] >= 0 {
					b := d.actors[d.at[q]]
					if b.code != "" && !b.place && !b.person {
						if _, bOrg := d.x.lex.Organization(b.code); !bOrg {
							code = b.code
							start = b.t0
						}
					}
				}
			}
		}
	}
	ntitle := m.Title
	k := ti1
	// "ambassador to Iraq": the host is not the state the person acts for.
	if (ntitle == "ambassador" || ntitle == "envoy") && k < len(d.toks) && d.toks[k].w == "to" {
		q := k + 1
		if q < len(d.toks) && d.toks[q].w == "the" {
			q++
		}
		if q < len(d.toks) && d.at[q] >= 0 {
			k = d.actors[d.at[q]].t1
			end = k
		}
	} else if k < len(d.toks) && (d.toks[k].w == "of" || d.toks[k].w == "for" && ntitle == "spokesperson") {
		q := k + 1
		if q < len(d.toks) && d.toks[q].w == "the" {
			q++
		}
		if q < len(d.toks) && d.at[q] >= 0 {
			a := d.actors[d.at[q]]
			if a.code != "" && !a.person && (!a.place || code == "") {
				if code == "" {
					code = a.code
				}
				k = a.t1
				end = k
			}
		}
	}
	// name after the title, possibly after a comma
	n0, n1 := d.nameSpan(k)
	if n1 <= n0 && k < len(d.toks) && d.toks[k].w == "," {
		q := k + 1
		if q < len(d.toks) && words.nameTitle[d.toks[q].w] && d.at[q] < 0 && d.toks[q].up {
			q++ // ", Ambassador Shafqat Ali Khan"
		}
		n0, n1 = d.nameSpan(q)
		if n1 > n0 && q > k+1 {
			end = n1
		}
	}
	if n1 <= n0 {
		// apposition before: "William Hague, the foreign secretary"
		q := start - 1
		if q >= 0 && (d.toks[q].w == "the" || d.toks[q].w == "a" || d.toks[q].w == "an") {
			q--
		}
		if q >= 1 && d.toks[q].w == "," {
			e := q
			b := e
			for b > 0 && e-b < 5 && (d.isNameTok(b-1) || (b-1 > 0 && words.nameParticle[d.toks[b-1].w] && d.isNameTok(b-2))) {
				b--
			}
			if b < e && b >= 0 {
				if b > 0 && words.honorific[d.toks[b-1].w] {
					b--
				}
				n0, n1 = b, e
			}
		}
	}
	title := m.Text
	if former {
		code = ""
	}
	if n1 > n0 {
		name := d.spanText(n0, n1)
		if !former && code == "" {
			code = d.holderCode(name)
		}
		if former {
			// a former official acts for no one
			return
		}
		p := d.personFor(name, code, title, ntitle)
		if p == nil {
			return
		}
		s, e := start, end
		if n0 < s {
			s = n0
		}
		if n1 > e {
			e = n1
		}
		d.addPersonActor(p, s, e, n0, n1)
		return
	}
	if former {
		return
	}
	if code != "" {
		d.addActor(actor{t0: start, t1: end, code: code, ent: d.codeEntity(code), person: true})
		d.sTitled = append(d.sTitled, titledRef{code: code, title: title, ntitle: ntitle})
		return
	}
	// "the foreign secretary": an official named before with that title
	if start > 0 && d.toks[start-1].w == "the" {
		var found *person
		for _, p := range d.pidx.byTitle[ntitle] {
			if p.ntitle == ntitle && p.code != "" {
				if found != nil && found != p {
					return
				}
				found = p
			}
		}
		if found != nil {
			d.addActor(actor{t0: start, t1: end, code: found.code, ent: found.id, person: true})
			d.notePerson(found)
			d.mention(found.id, d.toks[start].s, d.toks[end-1].e)
		}
	}
}

// titledRef is an official named by title only ("China's U.N.
// ambassador").
type titledRef struct{ code, title, ntitle string }

// namedTitled gives the full name at the start of a sentence ("Fu Cong
// blamed ...") to the one official the previous sentence named by title
// only, when it named no other person.
func (d *doc) namedTitled(n0, n1 int) *person {
	if len(d.prevTitled) != 1 || len(d.prevPers) != 0 || n1-n0 < 2 || n1 >= len(d.toks) {
		return nil
	}
	if n0 != 0 && !(n0 == 1 && d.toks[0].w == "\"") {
		return nil
	}
	if words.honorific[d.toks[n0].w] || d.toks[n1].up || !isWordTok(d.toks[n1].w) {
		return nil
	}
	t := d.prevTitled[0]
	return d.personFor(d.spanText(n0, n1), t.code, t.title, t.ntitle)
}

func isWordTok(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

// portfolioStart skips capitalized portfolio words (@portfolio of
// data/words.txt) before a minister's or secretary's title at token j
// (the token before the title) and returns the token before them; j
// itself when there are none.
func (d *doc) portfolioStart(j int, ntitle string) int {
	if ntitle != "minister" && !strings.HasSuffix(ntitle, "minister") && !strings.HasSuffix(ntitle, "secretary") {
		return j
	}
	q := j
	for q >= 0 && j-q < 3 && d.at[q] < 0 && words.portfolio[d.toks[q].w] && (d.toks[q].up || d.toks[q].w == "and" || d.toks[q].w == "&") {
		q--
	}
	if q == j || q < 0 || d.at[q] < 0 || d.toks[q+1].w == "and" {
		return j
	}
	return q
}

func (d *doc) codeEntity(code string) string {
	if o, ok := d.x.lex.Organization(code); ok {
		return d.orgEntity(o.Code)
	}
	return d.countryEntity(code)
}

// holderCode returns the one state or organization the office-holder
// lexicon gives for name on the article date, or "".
func (d *doc) holderCode(name string) string {
	hs := d.x.lex.OfficeHolders(name, d.pub)
	code := ""
	for _, h := range hs {
		if code != "" && h.Code != code {
			return ""
		}
		code = h.Code
	}
	return code
}

// lookupName resolves a bare name at tokens [n0, n1) to a person: one
// named before in the article (full name or surname), else the office
// holder lexicon on the article date.
func (d *doc) lookupName(n0, n1 int) *person {
	for s := n0; s < n1; s++ {
		name := d.spanText(s, n1)
		lname := strings.ToLower(name)
		ok := func(p *person) bool {
			return strings.EqualFold(p.name, name) || p.surname == lname || bareSurname(p.surname) == bareSurname(lname)
		}
		if p := firstPerson(ok, d.pidx.byFold[foldKey(name)], d.pidx.bySurname[lname], d.pidx.byBare[bareSurname(lname)]); p != nil {
			return p
		}
	}
	for s := n0; s < n1; s++ {
		name := d.spanText(s, n1)
		hs := d.x.lex.OfficeHolders(name, d.pub)
		if len(hs) == 0 {
			continue
		}
		code := ""
		for _, h := range hs {
			if code != "" && h.Code != code {
				return nil
			}
			code = h.Code
		}
		h := hs[0]
		return d.personFor(h.Name, code, h.Title, h.Title)
	}
	return nil
}

// personFor returns the article's person called name, creating it.
func (d *doc) personFor(name, code, title, ntitle string) *person {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	lname := strings.ToLower(name)
	sur := lname
	if i := strings.LastIndexByte(lname, ' '); i >= 0 {
		sur = lname[i+1:]
	}
	ok := func(p *person) bool {
		return strings.ToLower(p.name) == lname || (p.surname == sur && (code == "" || p.code == "" || p.code == code) && (strings.HasSuffix(lname, " "+p.surname) || !strings.Contains(lname, " ")))
	}
	if p := firstPerson(ok, d.pidx.byLower[lname], d.pidx.bySurname[sur]); p != nil {
		if p.code == "" && code != "" {
			p.code = code
			d.ents[p.id].Country = code
		}
		if p.title == "" && title != "" {
			p.title, p.ntitle = title, ntitle
			d.ents[p.id].Title = title
		}
		if len(name) > len(p.name) {
			p.name = name
			d.ents[p.id].Name = name
		}
		d.indexPerson(p)
		return p
	}
	if code == "" {
		code = d.holderCode(name)
	}
	p := &person{id: "p:" + slug.Make(name), name: name, surname: sur, code: code, title: title, ntitle: ntitle}
	if p.id == "p:" {
		return nil
	}
	if ntitle == "" && title == "" && code != "" {
		for _, h := range d.x.lex.OfficeHolders(name, d.pub) {
			p.title, p.ntitle = h.Title, h.Title
			break
		}
	}
	p.idx = len(d.persons)
	d.persons = append(d.persons, p)
	d.indexPerson(p)
	e := d.entity(p.id, KindPerson, name)
	e.Country = code
	e.Title = p.title
	return p
}

func (d *doc) notePerson(p *person) {
	for _, q := range d.sPers {
		if q == p {
			return
		}
	}
	d.sPers = append(d.sPers, p)
}

func (d *doc) addPersonActor(p *person, t0, t1, n0, n1 int) {
	d.addActor(actor{t0: t0, t1: t1, code: p.code, ent: p.id, person: true})
	d.mention(p.id, d.toks[n0].s, d.toks[n1-1].e)
	d.notePerson(p)
}

// pronouns resolves "he" and "she" to the one official named before in
// the sentence, or else in the previous sentence, when there is exactly one.
func (d *doc) pronouns() {
	for i, t := range d.toks {
		if (t.w != "he" && t.w != "she") || d.at[i] >= 0 {
			continue
		}
		var cand *person
		ambiguous := false
		for _, a := range d.actors {
			if !a.person || a.t1 > i || a.code == "" {
				continue
			}
			p := d.personByID(a.ent)
			if p == nil {
				continue
			}
			if cand != nil && cand != p {
				ambiguous = true
			}
			cand = p
		}
		if cand == nil && !ambiguous {
			for _, p := range d.prevPers {
				if p.code == "" {
					continue
				}
				if cand != nil && cand != p {
					ambiguous = true
				}
				cand = p
			}
		}
		if ambiguous || cand == nil {
			continue
		}
		d.addActor(actor{t0: i, t1: i + 1, code: cand.code, ent: cand.id, person: true, pron: true})
		d.notePerson(cand)
	}
}

func (d *doc) personByID(id string) *person {
	return d.pidx.byID[id]
}
