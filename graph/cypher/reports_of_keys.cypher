// The reports of some relation types between some actors (as the reports
// give them: a symmetric key is asked in both orders).
UNWIND $keys AS k
MATCH (r:Report {type: k.type, source: k.source, target: k.target})
RETURN r {.*} AS report
