package cmdutil

import (
	"context"
	"io"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/config"
)

// Factory gives every command what it shares with the others: the
// streams, the typed configuration (loaded by the root command before any
// command runs), and builders of the things that need the configuration:
// the database connection, the local server, the extractor, the options of
// a read and of an ingest. A command's Options hold the Factory's results
// (or functions returning them), so that its run function can be tested
// with fakes.
type Factory struct {
	In          io.Reader
	Out, ErrOut io.Writer
	// Quiet: progress messages are dropped (--quiet).
	Quiet bool
	// Config is the loaded configuration; nil until the root command's
	// PersistentPreRunE has loaded it.
	Config *config.Config
}

// Progress is where progress messages go: stderr, or nowhere with --quiet.
func (f *Factory) Progress() io.Writer {
	if f.Quiet {
		return io.Discard
	}
	return f.ErrOut
}

// LocalServer is the managed local server as configured.
func (f *Factory) LocalServer() (*localserver.Server, error) {
	opt, err := f.Config.LocalServer(f.Progress())
	if err != nil {
		return nil, UsageError{err}
	}
	s, err := localserver.New(opt)
	if err != nil {
		return nil, UsageError{err}
	}
	return s, nil
}

// GraphConfig is how to reach the database: the configured URI, or else
// the local server, which is started first if it is not running (the
// embedded default).
func (f *Factory) GraphConfig(ctx context.Context) (graph.Config, error) {
	gc, err := f.Config.Graph()
	if err != nil {
		return gc, UsageError{err}
	}
	if gc.URI != "" {
		return gc, nil
	}
	srv, err := f.LocalServer()
	if err != nil {
		return gc, err
	}
	if _, err := srv.Start(ctx); err != nil {
		return gc, StartError(err)
	}
	pw, err := srv.Password()
	if err != nil {
		return gc, err
	}
	gc.URI, gc.User, gc.Password = srv.BoltURI(), localserver.User, pw
	return gc, nil
}

// Connect opens the database GraphConfig names. The schema is brought up
// to date when migrate is set, as every writing command does.
func (f *Factory) Connect(ctx context.Context, migrate bool) (*graph.Client, error) {
	gc, err := f.GraphConfig(ctx)
	if err != nil {
		return nil, err
	}
	c, err := graph.Open(ctx, gc)
	if err != nil {
		return nil, err
	}
	if migrate {
		if _, err := c.Migrate(ctx); err != nil {
			c.Close(context.Background())
			return nil, err
		}
	}
	return c, nil
}
