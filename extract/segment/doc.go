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
//     sentence: articles have one paragraph per line.
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
package segment
