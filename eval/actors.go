package eval

import "slices"

// OrgCodes lists the codes the annotation guide (docs/annotation-guide.md,
// section 1) gives to international organizations and non-state armed
// groups. Any other organization is written "ORG:<name>".
var OrgCodes = []string{
	"UN", "UNSC", "EU", "NATO", "AU", "ARAB_LEAGUE", "ASEAN", "GCC", "OPEC", "IAEA", "ICC",
	"IMF", "WORLD_BANK", "G7", "G20", "SCO", "BRICS", "OSCE", "ECOWAS", "P5+1",
	"ISIL", "AL_QAEDA", "TALIBAN", "HAMAS", "HEZBOLLAH",
	"HOUTHIS", "AL_SHABAAB", "HTS", "SDF", "PKK", "WAGNER", "M23", "BOKO_HARAM",
}

// IsState reports whether an actor code denotes a state: exactly three
// upper-case ASCII letters (an ISO 3166-1 alpha-3 code, or XKX for Kosovo)
// that is not one of the organization codes of the annotation guide.
//
// The second condition matters: ICC, IMF, SCO, HTS, SDF and PKK are
// organization codes of exactly three letters. The dev gold has two required
// PAK–IMF relations; counting IMF as a state would give 228 state–state
// required relations instead of 226 (testdata/README.md).
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
