package benchcmd

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// scratchGraph opens an empty graph for a benchmark that must not touch
// the user's data: with no neo4j.uri configured, a throw-away local server
// in a temporary home (sharing the configured home's assembled
// distribution, on free ports), removed by the returned cleanup and killed
// with this process if that is killed first (on Linux); with a
// configured URI, that database, which must hold no articles.
func scratchGraph(ctx context.Context, a *cmdutil.Factory) (*graph.Client, func(), error) {
	gc, err := a.Config.Graph()
	if err != nil {
		return nil, nil, cmdutil.UsageError{Err: err}
	}
	if gc.URI != "" {
		c, err := a.Connect(ctx, true)
		if err != nil {
			return nil, nil, err
		}
		n, err := c.ArticleCount(ctx)
		if err != nil {
			c.Close(context.Background())
			return nil, nil, err
		}
		if n > 0 {
			c.Close(context.Background())
			return nil, nil, cmdutil.Usagef("%s already holds %d articles: a benchmark needs an empty database (leave neo4j.uri unset to use a throw-away local server)", gc.URI, n)
		}
		return c, func() { c.Close(context.Background()) }, nil
	}
	opt, err := a.Config.LocalServer(a.Progress())
	if err != nil {
		return nil, nil, cmdutil.UsageError{Err: err}
	}
	// The configured home's distribution; a new home and password, free
	// ports. Throw-away: it must not outlive this command, even a killed one.
	opt.Dist, opt.Home, opt.Password = opt.Home, "", ""
	fmt.Fprintf(a.Progress(), "Starting a throw-away Neo4j (heap %s, page cache %s)\n", opt.Heap, opt.PageCache)
	srv, err := localserver.StartThrowaway(ctx, localserver.ThrowawayOptions{Options: opt, HomePrefix: "diplograph-bench-"})
	if err != nil {
		return nil, nil, cmdutil.StartError(err)
	}
	stop := func() {
		if err := srv.Stop(context.Background()); err != nil {
			fmt.Fprintf(a.ErrOut, "warning: stopping the benchmark's Neo4j: %v\n", err)
		}
	}
	gc.URI, gc.User, gc.Password = srv.Server().BoltURI(), localserver.User, srv.Password()
	c, err := graph.Open(ctx, gc)
	if err != nil {
		stop()
		return nil, nil, err
	}
	if _, err := c.Migrate(ctx); err != nil {
		c.Close(context.Background())
		stop()
		return nil, nil, err
	}
	return c, func() { c.Close(context.Background()); stop() }, nil
}
