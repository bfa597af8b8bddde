// Package slug makes the name part of ids: the graph's person and place
// ids (slug + "@" + country, written by package ingest, so stored in every
// graph) and the extractor's entity ids within one article ("p:" + slug).
//
// The rule: lower case (strings.ToLower); letters and digits (Unicode's
// categories L and N, unicode.IsLetter and unicode.IsDigit) are kept as
// they are, accents included; every run of other characters (spaces,
// punctuation, hyphens, apostrophes, combining marks) becomes one hyphen;
// there is none at either end. So "José Manuel Barroso" is
// "josé-manuel-barroso" and "Recep Tayyip Erdoğan" "recep-tayyip-erdoğan":
// accents are not folded, and a name spelt with and without them gives
// two slugs. The rule is that of the ids already stored: changing it
// would give the same person a second node in an existing graph.
package slug

import (
	"strings"
	"unicode"
)

// Make returns the slug of s, "" when s has no letter or digit.
func Make(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
