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

// Source is one dictionary file: Name is how errors refer to it (a path
// or an embedded file's name), Data its bytes.
type Source struct {
	Name string
	Data []byte
}
