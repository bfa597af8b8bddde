// Package cmdtest helps the tests of command packages: Parse runs a
// command's flag parsing and returns the Options its run function would
// get, without running it.
package cmdtest

import (
	"context"
	"testing"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// Parse builds the command with newCmd on f (an empty Factory when nil),
// executes it on args with a runF that keeps the Options, and returns them.
// A parse error fails the test.
func Parse[O any](t testing.TB, f *cmdutil.Factory, newCmd func(*cmdutil.Factory, func(context.Context, *O) error) *cobra.Command, args ...string) *O {
	t.Helper()
	if f == nil {
		f = &cmdutil.Factory{}
	}
	var got *O
	cmd := newCmd(f, func(_ context.Context, o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil {
		t.Fatalf("%s %v: the command did not run", cmd.Name(), args)
	}
	return got
}
