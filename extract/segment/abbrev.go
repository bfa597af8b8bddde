package segment

import "strings"

// Abbreviation classes, see the package documentation.
const (
	classRegular   = iota // an ordinary word
	classNever            // never ends a sentence (titles, e.g., vs.)
	classAmbiguous        // ends a sentence only before a sentence starter
	classNumber           // "No.": never ends a sentence before a digit
)

// abbreviations maps an abbreviation (without its final period) to its
// class. Title-case entries are also registered in upper case, for
// datelines and headlines ("GEN.", "ST. PETERSBURG").
var abbreviations = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(class uint8, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = class
			if u := strings.ToUpper(w); u != w && w[0] >= 'A' && w[0] <= 'Z' {
				m[u] = class
			}
		}
	}
	add(classNever, `Mr Mrs Ms Messrs Mmes Mme Dr Drs Prof Gen Gens Lt Col Maj Capt Cpt Cmdr
		Adm Brig Sgt Cpl Pvt Sen Sens Rep Reps Gov Govs Pres Rev Hon Amb Supt Insp Atty Pfc
		Sec Secs Fr Mt Ft
		vs v e.g i.e cf viz approx`)
	// Jr. and Sr. follow a name and may end a sentence; Mt. and Ft.
	// (Mount, Fort) above always precede a name.
	add(classAmbiguous, `Jr Sr Inc Corp Co Cos Ltd Bros Plc LLC Dept Univ Assn St Ave Blvd Rd al
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
		Mon Tue Tues Wed Thu Thurs Fri Sat Sun
		etc a.m p.m
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss
		Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo`)
	add(classNumber, `No Nos`)
	return m
}()

// abbrevClass classifies the word before a single period.
func abbrevClass(w string) uint8 {
	if w == "" {
		return classRegular
	}
	if c, ok := abbreviations[w]; ok {
		return c
	}
	if len(w) == 1 {
		if w[0] >= 'A' && w[0] <= 'Z' {
			return classAmbiguous // an initial, as in "George W. Bush"
		}
		return classRegular
	}
	if isInitialism(w) {
		return classAmbiguous
	}
	return classRegular
}

// isInitialism reports whether w looks like the inside of a dotted
// abbreviation: groups of one or two ASCII letters separated by single
// periods, with at least one period ("U.S", "H.W", "Ph.D", "a.m").
func isInitialism(w string) bool {
	if len(w) < 3 || len(w) > 16 {
		return false
	}
	group, dots := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isASCIILetter(c):
			group++
			if group > 2 {
				return false
			}
		case c == '.':
			if group == 0 {
				return false
			}
			group = 0
			dots++
		default:
			return false
		}
	}
	return dots > 0 && group > 0
}

// maxStarterLen is the length of the longest entry of sentenceStarters.
const maxStarterLen = 12

// sentenceStarters are capitalized words that commonly begin a sentence
// and rarely follow an abbreviation inside one. After an ambiguous
// abbreviation (U.S., Inc., an initial, a month, an ellipsis) a sentence
// ends only when one of these words follows.
var sentenceStarters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		The A An This That These Those There Here Then Thus Hence
		He She It We I You They His Her Its Our Their My Your
		But And Or So Yet Nor Still Also Even Instead Indeed Meanwhile However Moreover
		Furthermore Nevertheless Nonetheless Therefore Otherwise Besides Likewise Similarly
		In On At As After Before By For From With Without Within Under Over During Since
		Until Despite Among Amid Amongst Across Against Along Around Through Throughout
		To Into Of Upon About Above Below Beyond Following According Asked Speaking
		When While Where Whereas Why What Which Who Whom Whose How If Although Though
		Because Once Unless Whether Now Today Yesterday Tomorrow Earlier Later Last Next
		Some Many Most Much More Few Several All Both Each Every Either Neither Such
		Other Another No Not None Nothing One Two Three Only Just
		Officials Analysts Experts Critics Observers Sources Witnesses Police Authorities
		Is Are Was Were Do Does Did Has Have Had Would Can Could Should Must
		Let Please Yes`) {
		if len(w) > maxStarterLen {
			panic("segment: sentence starter longer than maxStarterLen: " + w)
		}
		m[w] = true
	}
	return m
}()
