package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/build"
)

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of diplograph and of the Neo4j it manages",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(a.Out, "diplograph %s %s/%s %s\nlocal Neo4j %s (Browser %s, APOC core %s)\n",
				build.String(), runtime.GOOS, runtime.GOARCH, runtime.Version(),
				localserver.Neo4jVersion, localserver.BrowserVersion, localserver.APOCVersion)
			return nil
		},
	}
}
