// Package petrarch reads the dictionaries of the PETRARCH2 event coder
// (MIT, Open Event Data Alliance): the CAMEO verb dictionary and the
// Phoenix actor and agent dictionaries, in the formats their documentation
// describes. Analysts in political event data keep their own dictionaries
// in these formats; diplograph reads them as a supported input and derives
// part of its embedded defaults from them.
//
// ParseVerbs reads the CAMEO verb dictionary (synonym sets, verb blocks,
// patterns, transformations) into a VerbDictionary.
//
// The package only parses: it does no I/O of its own (callers pass Sources)
// and knows nothing of diplograph's relation types; package extract maps
// CAMEO codes to relation types through a data table.
package petrarch

import "strings"

// Source is one dictionary file: Name is how errors refer to it (a path
// or an embedded file's name), Data its bytes.
type Source struct {
	Name string
	Data []byte
}

// Kind is the format of a dictionary file.
type Kind int

// Dictionary formats.
const (
	KindActors Kind = iota // Phoenix actor dictionary (states, office holders, organizations)
	KindAgents             // agent dictionary ("MINISTER [~GOV]")
	KindVerbs              // CAMEO verb dictionary ("--- ACCUSE [112] ---")
)

// String names the format as errors and help text do.
func (k Kind) String() string {
	switch k {
	case KindAgents:
		return "agent dictionary"
	case KindVerbs:
		return "CAMEO verb dictionary"
	}
	return "actor dictionary"
}

// Sniff tells the format of a dictionary from its content: a verb block
// header ("--- NAME [code] ---") makes a verb dictionary; records whose
// code starts with "~" or ends with "~" ("[~GOV]", "[NGO~]") an agent
// dictionary; anything else is read as actors.
func Sniff(src Source) Kind {
	agents, records := 0, 0
	for _, line := range strings.Split(string(src.Data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "---") && strings.HasSuffix(line, "---") && strings.Contains(line, "[") {
			return KindVerbs
		}
		if i := strings.IndexByte(line, '['); i >= 0 {
			records++
			code := strings.TrimLeft(line[i+1:], " ")
			if strings.HasPrefix(code, "~") || strings.Contains(strings.SplitN(code, "]", 2)[0], "~") {
				agents++
			}
		}
		if records >= 50 {
			break
		}
	}
	if records > 0 && agents*2 > records {
		return KindAgents
	}
	return KindActors
}
