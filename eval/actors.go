package eval

import "slices"

// The eleven relation types of the guideline (section 2), in the guideline's
// order. Reports list per-type counts in this order.
const (
	MetWith    = "MET_WITH"
	AgreedWith = "AGREED_WITH"
	Supported  = "SUPPORTED"
	Aided      = "AIDED"
	Requested  = "REQUESTED"
	Accused    = "ACCUSED"
	Rejected   = "REJECTED"
	Warned     = "WARNED"
	Sanctioned = "SANCTIONED"
	DeployedTo = "DEPLOYED_TO"
	Attacked   = "ATTACKED"
)

// RelationTypes lists the eleven relation types in the guideline's order.
var RelationTypes = []string{
	MetWith, AgreedWith, Supported, Aided, Requested, Accused,
	Rejected, Warned, Sanctioned, DeployedTo, Attacked,
}

// Symmetric reports whether a relation type is unordered (MET_WITH,
// AGREED_WITH): its source and target may be written in either order.
func Symmetric(typ string) bool {
	return typ == MetWith || typ == AgreedWith
}

// OrgCodes lists the codes the guideline (section 1) gives to international
// organizations and non-state armed groups. Any other organization is written
// "ORG:<name>".
var OrgCodes = []string{
	"UN", "UNSC", "EU", "NATO", "AU", "ARAB_LEAGUE", "ASEAN", "GCC", "OPEC", "IAEA", "ICC",
	"IMF", "WORLD_BANK", "G7", "G20", "SCO", "BRICS", "OSCE", "ECOWAS", "P5+1",
	"ISIL", "AL_QAEDA", "TALIBAN", "HAMAS", "HEZBOLLAH",
	"HOUTHIS", "AL_SHABAAB", "HTS", "SDF", "PKK", "WAGNER", "M23", "BOKO_HARAM",
}

// IsState reports whether an actor code denotes a state: exactly three
// upper-case ASCII letters (an ISO 3166-1 alpha-3 code, or XKX for Kosovo)
// that is not one of the organization codes of the guideline.
//
// The second condition matters: ICC, IMF, SCO, HTS, SDF and PKK are
// organization codes of exactly three letters. The dev gold has two required
// PAK–IMF relations; counting IMF as a state would give 228 state–state
// required relations instead of the 226 the shared README states.
func IsState(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := range len(code) {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return !slices.Contains(OrgCodes, code)
}
