// Package build holds what the build stamps into the binary: its version,
// set with -ldflags "-X github.com/diplograph/diplograph/internal/build.Version=v1.2.3",
// and the extractor version every stored article's hash carries.
package build

import "runtime/debug"

// Version is the release, "dev" in a build without -ldflags.
var Version = "dev"

// String is Version with the module version of a `go install` build and
// the VCS revision when the build info has them: "v1.2 (0123456789ab)".
func String() string {
	v, rev := Version, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = s.Value[:12]
			}
		}
	}
	if rev != "" {
		v += " (" + rev + ")"
	}
	return v
}

// ExtractorVersion names the built-in extractor: part of every article's
// hash, so that a new release re-extracts what it reads again.
func ExtractorVersion() string { return "diplograph " + String() }
