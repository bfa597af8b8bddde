// Package lexicon holds diplograph's gazetteers (states, organizations,
// places, government bodies, office titles and office holders) as plain
// data files, and a fast matcher that finds their mentions in text.
//
// # Data files
//
// The defaults are embedded from data/ (see data/README.md). Load reads them
// and then the same-named files of each user fs.FS in order, so a user
// directory (config extract.lexicon_dirs) extends the defaults; any other
// *.txt file in a user directory is read too. Files are read in this order:
// countries.txt, states.txt, organizations.txt, places.txt, bodies.txt,
// titles.txt, other *.txt files, then officeholders.tsv.
//
// Every *.txt file is line based. Blank lines and lines starting with # are
// ignored. A record is
//
//	CODE<TAB>kind<TAB>surface form | surface form | ...
//
// where kind is one of
//
//	state, territory      define a country (first form = display name)
//	display               set the display name of a country (also a form)
//	name, abbrev, adjective, capital, seat, body
//	                      more forms of a country (or of an organization)
//	intergovernmental, armed_group
//	                      define an organization (first form = display name)
//	city, region, province, water, island, site
//	                      a place; CODE is its state or "-" for none
//	noun                  a body noun for the adjective+body rule; CODE "-"
//	title                 an office title; CODE is the normalized title
//	block                 a phrase that yields no mention ("Washington Post")
//
// A surface form starting with ~ is ambiguous: it may not denote its code
// ("Georgia", "Jordan") or it denotes several ("Brussels": BEL and EU). Two
// codes may share a surface form only when every one of them marks it with
// ~; otherwise Load fails. A line
//
//	!remove<TAB>CODE[<TAB>kind[<TAB>form | form ...]]
//
// deletes entries loaded before it (all of a code, all of a kind of a code,
// or single forms). Errors name the file and line, like
// `lexicon: countries.txt:42: unknown kind "cuntry"`.
//
// officeholders.tsv has six tab-separated columns: name, aliases
// (comma-separated or -), country or organization code, title (lower
// case), from (YYYY-MM-DD) and to (YYYY-MM-DD or - while in office);
// "!remove<TAB>name" deletes a person. The file may be absent.
//
// countries.txt is generated from github.com/biter777/countries; run
// `go generate ./extract/lexicon` to refresh it. Hand-curated state forms go
// to states.txt.
//
// # Matching
//
// Find tokenizes text into words and punctuation (hyphens and white space
// separate words and are dropped, so "al-Qaeda" equals "al Qaeda"), folds
// case and Latin diacritics, and walks a token trie built at load time:
// leftmost-longest, non-overlapping matches, whole words only. Case rules
// come from how a form is written:
//
//   - an all-caps word (US, U.S., UK, IS, EU, DPRK) must appear exactly so:
//     "us" is never the United States, "Is" at a sentence start is never
//     Islamic State; a one- or two-letter acronym next to an all-caps word
//     of three or more letters ("WHAT IS THE") is ignored as shouting;
//   - a capitalized word (Iran, Turkey) must start with an upper-case
//     letter in the text, the rest may be in any case (IRAN): "turkey" the
//     bird is not a state, "Turkey" always is;
//   - a lower-case word (of, the, army) matches in any case.
//
// Spans never include a leading article ("the Kremlin" gives "Kremlin"),
// and a possessive 's is left out of a name's span ("Iran's" gives "Iran").
// A state adjective, abbreviation or name (also possessive) directly
// followed by a body noun of bodies.txt or by a body of the same state
// gives one KindBody mention spanning the phrase: "Iraqi army",
// "U.S. troops", "Iranian Revolutionary Guards", "China's foreign ministry".
//
// Choices for ambiguous names: "Georgia", "Jordan", "Chad", "Congo",
// "Korea", "Brussels", "Male" (Malé) and a few more are found but marked
// Ambiguous; "Washington" is always the United States unless a longer
// blocked phrase ("Washington Post", "George Washington") covers it.
//
// A Lexicon is immutable after loading and safe for concurrent use.
package lexicon

//go:generate go run ./internal/gencountries -o data/countries.txt
