// Package configtest helps tests that load the configuration: Isolate
// keeps the machine's own settings out.
package configtest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/config"
)

// Isolate clears every setting's environment variables and DIPLOGRAPH_CONFIG,
// points XDG_CONFIG_HOME into a new empty directory and runs the test
// there, so no config file or variable of the machine can leak in. It
// returns the directory.
func Isolate(t *testing.T) string {
	t.Helper()
	for _, s := range config.Registry {
		for _, e := range s.Env {
			t.Setenv(e, "")
			os.Unsetenv(e)
		}
	}
	t.Setenv("DIPLOGRAPH_CONFIG", "")
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg"))
	t.Chdir(dir)
	return dir
}
