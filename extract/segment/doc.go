// Package segment splits news article text into sentences and tokens.
//
// All functions are pure: they do no I/O, keep no state between calls and
// are safe for concurrent use. They work on byte offsets into the text
// they are given and never panic, whatever the input (including invalid
// UTF-8).
//
// The usual pipeline is
//
//	norm, offs := segment.Normalize(text)
//	for _, s := range segment.Sentences(norm) {
//		toks := segment.Tokens(norm, s)
//		// ... offs.Orig(s.Start), offs.Orig(s.End) locate s in text.
//	}
//
// [Normalize] folds typographic variants (curly quotes, dashes, Unicode
// spaces) to ASCII so that later stages need to handle only one form, and
// returns an [OffsetMap] to translate offsets back to the original text.
//
// # Sentence boundaries
//
// [Sentences] is a rule-based splitter tuned for English news prose:
//
//   - A line break (\n, \r, U+0085, U+2028, U+2029) always ends a
//     sentence: articles have one paragraph per line. ([Normalize]
//     rejoins the lines of hard-wrapped text first, see below.)
//   - Otherwise a sentence can end only after a run of terminal
//     punctuation (. ? ! … or "...") optionally followed by closing quotes
//     or brackets, and only when white space follows. So "3.5", "1,000.5",
//     "U.S.-led" and "e.g.," never split.
//   - The next word is examined. A sentence never starts with a lowercase
//     letter or a dash, nor with "(...)" followed by a dash. This keeps
//     datelines such as "WASHINGTON, D.C. —" or "ST. PAUL, Minn. (AP) —"
//     inside the first sentence.
//   - After ? or !, the sentence ends unless the rules above forbid it.
//   - After a plain word and a single period, the sentence ends unless the
//     rules above forbid it.
//   - Titles that always precede a name (Mr., Mrs., Ms., Dr., Gen., Lt.,
//     Col., Sen., Rep., Gov., Pres., Prof., Sgt., ...) and "e.g.", "i.e.",
//     "vs." never end a sentence; "No." does not before a digit.
//   - Ambiguous abbreviations can legitimately end a sentence: dotted
//     initialisms (U.S., U.K., U.N., H.W., D.C., a.m.), single capital
//     initials ("George W. Bush"), months (Jan., Feb., ..., Sept., Dec.;
//     May is a word), Jr., Sr., Inc., Corp., Co., Ltd., St., etc., US state
//     abbreviations (Calif., Minn., ...), and ellipses. After these the
//     sentence ends only when the next word is a common sentence starter,
//     a capitalized function word such as The, A, He, She, It, They, We,
//     But, In, On, After, However, Meanwhile (see sentenceStarters). So
//     "U.S. officials" and "George W. Bush" stay together while "...
//     to the U.S. The next day ..." splits. They also end a sentence
//     when a closing quote follows and the next word is not lowercase
//     ("... in the U.S.” Trump said"). The price is that a sentence
//     ending in an abbreviation followed by a sentence starting with a
//     name ("... in the U.S. Obama said ...") is not split.
//
// The rules are checked only at terminal punctuation, with no regular
// expressions and no allocation other than the result slice, so the
// splitter runs at hundreds of megabytes per second.
//
// # Hard-wrapped text
//
// Hard-wrapped text has line breaks inside its paragraphs, at about the
// same width (e-mail at 72 columns, press releases with hard line
// breaks). Since a line break ends a sentence, [Normalize] rejoins such
// lines before [Sentences] sees them, and leaves text with one paragraph
// per line as it is.
//
// A text is taken to be hard-wrapped when, over the pairs of consecutive
// non-blank lines that could be joined (neither is a heading or a rule,
// the second is not a list item),
//
//   - the median width of the first line of each pair is a plausible
//     wrap width (30 to 160 characters), and at least half of these lines
//     are within a fifth of it (at least 6 characters): the "full" lines;
//   - at least two thirds of the full lines end without terminal
//     punctuation (. ? ! :), and at least a third of them (and at least
//     one) are followed by a line that continues the sentence, that is,
//     starts with a lowercase word (after any opening quotes or brackets)
//     or with , ; : ) ] } % &;
//   - at most one line in ten is wider than 160 characters.
//
// One paragraph per line fails these tests: the lines are long and of
// varied width, they end with punctuation and the next starts with a
// capital. So does a list of headlines, where no line continues another.
//
// In a hard-wrapped text, the line break between two non-blank lines A
// and B becomes a space (together with the blanks around it) unless
//
//   - A or B is a Markdown heading ("# Talks") or a rule ("-----",
//     "* * *"), or B is a list item: "* ", "• ", "a) ", "(2) ", "3) ",
//     or "1. " after a line that ends with terminal punctuation (not an
//     abbreviation: "on Feb." and "13. The" are joined), or "- " after a
//     line that ends with punctuation or ";" or is a "- " item itself;
//   - B does not continue the sentence on A, and A is short (narrower
//     than three quarters of the wrap width and than nine in ten of the
//     lines followed by a continuation, since balanced wrapping as by fmt
//     leaves some lines well short of the width; and B's first word would
//     have fitted on A), as a title, a byline or the last line of a
//     paragraph is;
//   - B does not continue the sentence on A, and B is indented more than
//     A, as the first line of a paragraph is;
//   - B does not continue the sentence on A, and the paragraph (the lines
//     between blank lines) ends without terminal punctuation, as a
//     headline and byline or an address do;
//   - B does not continue the sentence on A, and A, a line of its own
//     that ends without punctuation, is followed by a dateline
//     ("BAGHDAD, March 3 --", "VIENNA (Reuters) -").
//
// A full line is joined to the next whatever its last character: if it
// ends a sentence, [Sentences] splits there anyway, and if it ends with
// an abbreviation ("Gen.", "U.S.") Sentences decides as inside a line. A
// word broken after a hyphen ("U.S.-" and "led" on the next line) is
// joined without a space, except before the words of data/suspended.txt
// ("5- and 8-year-old"); a dash folded to "-" is not a hyphen. The blanks
// and line break removed are mapped back by the [OffsetMap], so a span
// of the normalized text maps to a span of the original that covers all
// the lines it was joined from.
package segment
