// Package extract turns news articles into actors, officials, meetings and
// typed relations between states and organizations, following the
// project's annotation guide (docs/annotation-guide.md). The eleven
// relation types, their symmetry and polarity come from package relation.
//
// # Pipeline
//
// Extract is a pure function of the article (no I/O, safe for concurrent
// use). All offsets in the Result are byte offsets into the original
// article.Text.
//
// Time and memory stay linear in the article whatever its text (a hostile
// one: megabytes of "(", of words without a period): a sentence of more
// than 200 tokens is read in pieces of at most 200 (walkSentences), a
// longer article than 64 KB is searched for mentions in chunks
// (mentionReader), and what a sentence needs more than once (its dates,
// the lead's date) is found once.
//
// For the whole article: segment.Normalize folds typography and rejoins
// the lines of hard-wrapped text (segment.OffsetMap maps offsets back);
// lexicon.Find finds every mention; an ambiguous name with several
// candidate states ("Korea") takes the one candidate the article names
// unambiguously elsewhere. Then, for each sentence (segment.Sentences):
//
//  1. Actors (extract.go, orgs.go, officials.go, groups.go). Lexicon
//     mentions become actors: states by name, abbreviation, capital or
//     seat, government bodies, organizations. A bare adjective
//     ("Russian") only modifies; a capital after "in", "at" or "from" is
//     a place; an ambiguous state name ("Chad", "Jordan") counts only when
//     the article names that state unambiguously too; a demonym after
//     "ethnic" names no state. Named organizations without a guide code
//     become "ORG:<name>". Officials come from titles, "of X" complements,
//     appositions and counterparts; ambassadors act for the sending state;
//     later mentions by surname, title or "he"/"she" refer back; bare
//     names are looked up in the office-holder lexicon on the article
//     date. Informal groups ("Quad", "E3") and hyphenated pairs
//     ("Russia-Ukraine talks") stand for their members; "the two
//     countries" and "both leaders" for the two officials just named or
//     the parties of the last meeting or agreement; a sentence-initial
//     "they" or "it" for the previous sentence's subject. The word lists
//     are in data/words.txt.
//  2. Tag and parse (args.go). A sentence with at least one actor is
//     tagged by syntax.DefaultTagger and parsed by syntax.ParseTagged, each
//     actor kept inside one noun phrase. A word the patterns know only as
//     a verb, tagged as a noun right after a name ("Blinken met with"),
//     is retagged as a verb.
//  3. Relations (relations.go, args.go). A trigger of a pattern
//     (data/patterns.txt, and patterns made from the CAMEO verb dictionary
//     by cameo.go; format in data/README.md) is tried frame by frame. A
//     verb trigger takes its subject from the parse only (direct subject,
//     relative antecedent, controller of an infinitive, subject of a
//     participle or of a coordinated verb, "by" agent of a passive; a
//     pronoun subject of a complement clause is the matrix subject); when
//     the parse has no predicate at the trigger, word order decides. Its
//     object (for a one-word trigger) and prepositional arguments come
//     from the predicate, else from the words after the trigger. A noun
//     phrase stands for a state through its head: an actor, an agent noun
//     modified by a state (@agent_state of data/words.txt: "Indian and
//     Pakistani troops",
//     "ministers of Germany and France"), an apposition or a quantity
//     ("dozens of Chinese vessels"). A noun trigger is owned by the
//     possessive, adjective or name before it, by the subject of a support
//     verb whose object it is (@support_verb: "Canada announced
//     sanctions"), or by the subject of the clause of an adjunct
//     ("following talks"); a request or warning by X ("calls by X",
//     "warnings from X") is addressed to the clause subject. "each other"
//     pairs the subject's actors; coordinated or "between" groups give one
//     relation per pair, both ways for a directed act ("clashed").
//  4. Discourse (discourse.go, groups.go, speech.go), which steps 3 and 5
//     use. The article keeps a memory of who did each act
//     (@event_noun, @event_verb), so that "condemned the launch" targets the
//     launch's agent; the host of a meeting "with officials in Beijing"
//     is the state of the capital; "backed the proposal" (slot last:O)
//     targets the previous sentence's subject. The speaker of a sentence
//     ("X said", "according to X") stands for "we", "us" and "I" in
//     quotes, and "X said Y must ..." is a request of X to Y.
//  5. Evaluations and implicit relations (evaluate.go, speech.go,
//     data/evaluations.txt): accusations, warnings, protests and denials
//     said without a verb that names them ("called the launch
//     'provocative'", "Y will pay a price", "summoned Y's ambassador",
//     "said Y had armed the rebels"). Such a relation is the speech act.
//
// Each relation found gets:
//
//   - Modality (modality.go, cue lists in data/words.txt): negation cues
//     before the trigger set Negated; plan cues, or a trigger heading an
//     infinitival clause, give "planned"; conditional cues, and a clause
//     complementing a hearsay noun ("reports that X bombed Y"), give
//     "hypothetical", dropped unless Options.KeepHypothetical. A planned
//     sanction or attack announced with a threat cue is WARNED.
//   - A date (dates.go, data/dates.txt): the date expression of the
//     trigger's clause nearest to the trigger, else one of a main or
//     reporting clause; dates inside other subordinate or relative clauses
//     belong to their own events. Expressions are resolved against the
//     published date (backward unless a future cue says otherwise), with
//     a precision (day, week, month, year); Background marks history well
//     before the article. An undated article lead takes the day the next
//     sentences give; other undated events the published date, or
//     "unknown" without one.
//   - For MET_WITH, a Meeting entity (meetings.go) named by its kind
//     (talks, summit, phone call, visit), with place, date and
//     participants.
//
// A relation needs two different actors; a state and its own bodies or
// officials give none. Symmetric types (MET_WITH, AGREED_WITH) are written
// once per pair per article; other relations at most once per (type,
// source, target, negated) and sentence.
//
// # Data
//
// All data files are embedded. Relation patterns load in this order:
// data/patterns.txt; the patterns made from data/petrarch/CAMEO.2.0.txt
// through data/cameo_types.tsv, data/cameo_frames.tsv and
// data/cameo_stop.txt, extended by Options.VerbDictionaries; the
// patterns.txt of each file system of Options.PatternFS, whose "!remove"
// lines drop earlier patterns. Errors name the file and line
// (*PatternError). The other files (words.txt, evaluations.txt,
// dates.txt) change only with the source. data/README.md describes every file.
package extract
