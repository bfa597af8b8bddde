// Package syntax gives a sentence the structure that argument finding
// needs: part-of-speech tags from a trained tagger (tag*.go, model in
// model/, see MODEL.md) and, on top of them, a chunk-and-clause parse
// (Parse) that tells for each predicate who its subject, object and
// oblique arguments are.
//
// The parse is a cascade of small deterministic steps, each a separate
// function over the tagged tokens; none does I/O:
//
//  1. chunk: noun phrases (with their head, possessor and premodifiers),
//     verb groups (auxiliaries, negation, voice, finiteness) and
//     prepositions; spans the caller knows to be one name (an actor found
//     by the lexicon) are kept inside one noun phrase.
//  2. coordinate: noun phrases joined by "and", "or" and commas form one
//     argument with several conjuncts ("Japan, India and Brazil"), also
//     inside prepositional phrases ("envoys from Japan, India and
//     Brazil"); a noun phrase keeps its "of" and "from" complements.
//  3. clauses: relative clauses with their antecedent ("Britain, which
//     blames Moscow"), appositions and parentheticals set off by commas,
//     participial clauses (", accusing X of ..."; "troops deployed to
//     X"), infinitival clauses with their controller ("agreed to send"
//     takes the subject of "agreed"; "urged Iran to stop" its object),
//     coordinated verb phrases ("met X and signed") and passives with
//     their "by" agents.
//
// The result is a Parse: its Predicates list, for every verb group, the
// subject, object and prepositional arguments as token spans, and how the
// subject was found (SubjectHow). Package extract maps those spans to
// actors.
package syntax
