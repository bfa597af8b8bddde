// Package versioncmd is the `diplograph version` command: the version of
// diplograph and of the Neo4j, Browser and APOC it manages.
package versioncmd

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/build"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// Options are what `version` needs.
type Options struct {
	Out io.Writer
}

// NewCmd is the `version` command; runF, if not nil, runs instead of the
// command's behaviour (for tests).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Out: f.Out}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of diplograph and of the Neo4j it manages",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
}

func run(_ context.Context, o *Options) error {
	fmt.Fprintf(o.Out, "diplograph %s %s/%s %s\nlocal Neo4j %s (Browser %s, APOC core %s)\n",
		build.String(), runtime.GOOS, runtime.GOARCH, runtime.Version(),
		localserver.Neo4jVersion, localserver.BrowserVersion, localserver.APOCVersion)
	return nil
}
