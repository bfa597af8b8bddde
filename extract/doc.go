// Package extract turns news articles into actors, officials, meetings and
// typed relations between states and organizations, following the
// annotation guideline in shared/eval/GUIDELINE.md.
//
// # Pipeline
//
// Extract is a pure function of the article (no I/O, safe for concurrent
// use):
//
//  1. The text is normalized and split into sentences and tokens with
//     package segment; all offsets in the Result are byte offsets into the
//     original article.Text (mapped back with segment.OffsetMap).
//  2. Actors come from lexicon.Find: states by name, abbreviation, capital
//     or seat, government bodies ("the Iraqi army"), organizations. A bare
//     adjective ("Russian") only modifies; a capital after "in", "at" or
//     "from" is a place, not the government; ambiguous forms are skipped.
//  3. Officials: a title with a preceding state ("U.S. Secretary of State
//     John Kerry"), an "of X" complement, an apposition ("William Hague, the
//     foreign secretary"), a body plus a name ("his Iranian counterpart
//     Mohammad Javad Zarif"); an ambassador or envoy "to X" acts for the
//     sending state. Later mentions by surname ("Mr Hague") or by title
//     ("the foreign secretary", when unique) refer back; bare names are
//     looked up in the office-holder lexicon on the article date; "he" and
//     "she" resolve to the one official named before in the sentence, or
//     else in the previous sentence, when there is exactly one.
//  4. Relations come from the patterns of data/patterns.txt (format in
//     data/README.md): a trigger (verb lemma with particles, or noun) and
//     argument frames. The subject is the nearest actor to the left that is
//     not inside a prepositional phrase, with its coordinated actors
//     ("Britain and the US"); objects follow the trigger directly or after
//     a preposition; passives take the agent of "by" as the source;
//     coordinated objects and "talks between A, B and C" give one relation
//     per pair. Reported speech needs no rule: the speaker is the subject
//     of the speech verb ("X warned Y").
//     Further rules (speech.go, groups.go): the speaker of a sentence ("X
//     said", "..., X said", "according to X") stands for "we", "us" and
//     "I" inside quotation marks, and "X said Y must/should/needs to ..."
//     is a request of X to Y; informal groups ("Quad", "E3", "AUKUS")
//     and hyphenated pairs ("Russia-Ukraine talks") stand for each
//     member; "the two leaders/countries" and "both sides" are the two
//     officials of the previous sentence or the parties of the last
//     meeting or agreement; a sentence-initial "they" (or a non-expletive
//     "it") is the previous sentence's subject; a verb after "and" takes
//     the subject of the first conjunct; "its/their support for Y" is
//     owned by the clause subject; "backed the proposal" (slot last:O)
//     targets the previous sentence's subject.
//     Evaluations (evaluate.go) are accusations without an accusing verb:
//     a speaker saying another actor "is defying", "was failing" or "is
//     dangerous", calling it or its conduct something bad ("called
//     Chinese subsidies 'unbearable'"), or speaking of its "aggression"
//     or "coercion by" it. "its offer" after a verb of another subject
//     belongs to the sentence's first actor (or the previous subject).
//     Named organizations without a guideline code become actors
//     "ORG:<name>" (orgs.go and organizations.txt): capitalized names
//     headed by Watch, Front, Movement, Alliance of, Commission on, an
//     international Court and similar.
//  5. Modality: negation cues before the trigger ("not", "never",
//     "refused to", "ruled out", "denied") set Negated; "will", "to",
//     "plans", "expected", "likely" and similar give "planned"; "if" or
//     "unless" in the clause gives "hypothetical" (dropped unless
//     Options.KeepHypothetical: the guideline does not annotate them). A
//     planned sanction or attack announced with "will", "could" or
//     "threatened" is a WARNED relation.
//  6. Meetings: every MET_WITH trigger yields a Meeting entity (talks,
//     summit, phone call, visit) with its place ("in Vienna"), date and
//     participants; MET_WITH relations name their meeting.
//  7. Dates: the first date expression of the sentence, resolved against
//     the published date (weekdays: the most recent such day on or before
//     it; "at the weekend": that Saturday; "last week"; month names;
//     explicit dates and years); otherwise the published date ("day"), or
//     "unknown" without one.
//
// A relation needs two different actors; a state and its own bodies or
// officials give none. Symmetric types (MET_WITH, AGREED_WITH) are written
// once per pair per article; other relations at most once per (type,
// source, target, negated) and sentence.
//
// # Data
//
// The patterns are embedded from data/patterns.txt. Options.PatternFS
// adds file systems whose patterns.txt extends them (a "!remove" line drops
// default patterns). Errors name the file and line (*PatternError).
package extract
