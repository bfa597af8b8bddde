// Package relation is the single home of diplograph's eleven relation
// types: their names, their order (the annotation guide's), which are
// symmetric and which side of the cooperation/conflict scale they fall on.
// Every other package (extraction, scoring, the graph writer, the alliance
// scores) takes the types from here.
package relation

import "slices"

// Type is a relation type name as stored in the graph ("MET_WITH").
type Type = string

// The eleven relation types, aligned with the PLOVER event ontology.
const (
	MetWith    Type = "MET_WITH"    // PLOVER CONSULT
	AgreedWith Type = "AGREED_WITH" // PLOVER AGREE, COOPERATE
	Supported  Type = "SUPPORTED"   // PLOVER SUPPORT
	Aided      Type = "AIDED"       // PLOVER AID
	Requested  Type = "REQUESTED"   // PLOVER REQUEST
	Accused    Type = "ACCUSED"     // PLOVER ACCUSE
	Rejected   Type = "REJECTED"    // PLOVER REJECT
	Warned     Type = "WARNED"      // PLOVER THREATEN
	Sanctioned Type = "SANCTIONED"  // PLOVER SANCTION
	DeployedTo Type = "DEPLOYED_TO" // PLOVER MOBILIZE
	Attacked   Type = "ATTACKED"    // PLOVER ASSAULT, COERCE
)

// Types lists the eleven types in the annotation guide's order; reports
// list per-type figures in this order.
var Types = []Type{
	MetWith, AgreedWith, Supported, Aided, Requested, Accused,
	Rejected, Warned, Sanctioned, DeployedTo, Attacked,
}

// Valid reports whether t is one of the eleven types.
func Valid(t string) bool { return slices.Contains(Types, t) }

// Symmetric reports whether a type is unordered (MET_WITH, AGREED_WITH):
// its two actors may be written in either order and it is stored once per
// pair.
func Symmetric(t string) bool { return t == MetWith || t == AgreedWith }

// Polarity is the side of the cooperation/conflict scale a type is on.
type Polarity int

// Polarities.
const (
	Conflict    Polarity = -1
	Neutral     Polarity = 0
	Cooperation Polarity = 1
)

// String names the polarity as the Browser style and the README do.
func (p Polarity) String() string {
	switch p {
	case Conflict:
		return "conflict"
	case Cooperation:
		return "cooperation"
	}
	return "neutral"
}

// PolarityOf gives the polarity of a type: meetings, agreements, support
// and aid are cooperation; accusations, rejections, warnings, sanctions and
// attacks conflict; requests (PLOVER gives them no sign) and deployments
// (help or threat) are neutral. Unknown types are neutral.
func PolarityOf(t string) Polarity {
	switch t {
	case MetWith, AgreedWith, Supported, Aided:
		return Cooperation
	case Accused, Rejected, Warned, Sanctioned, Attacked:
		return Conflict
	}
	return Neutral
}
