// Package sources is what 'diplograph ingest' with no SOURCE and
// 'diplograph schedule' share: the sources configured under 'sources:' in
// diplograph.yaml, the options of a run of them, one locked, recorded run
// (schedule.Once) with the dictionaries read again, and the exit code of a
// run's report.
package sources

import (
	"context"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/schedule"
)

// Runner runs the configured sources. Commands hold one in their Options,
// so that their run functions can be tested with a fake.
type Runner interface {
	// Options are the options of a run of the sources named (all when
	// names is empty).
	Options(names []string) (schedule.Options, error)
	// Once is one locked, recorded run.
	Once(ctx context.Context, opt schedule.Options) (schedule.Report, error)
}

// ForFactory is the Runner of f's configuration, database and extractor.
func ForFactory(f *cmdutil.Factory) Runner { return factoryRunner{f} }

type factoryRunner struct{ f *cmdutil.Factory }

// selectSources is the configured sources named (all when names is empty): a
// usage error when none are configured or a name is unknown.
func selectSources(cfg *config.Config, names []string) ([]ingest.SourceConfig, error) {
	all, err := cfg.Sources()
	if err != nil {
		return nil, cmdutil.UsageError{Err: err}
	}
	if len(all) == 0 {
		return nil, cmdutil.Usagef("no sources configured: list them under 'sources:' in diplograph.yaml (see 'diplograph schedule --help')")
	}
	srcs, err := ingest.SelectSources(all, names)
	if err != nil {
		return nil, cmdutil.UsageError{Err: err}
	}
	return srcs, nil
}

// Options are the library options of a run of the sources named: the
// sources, how to read them and the lock. Their Ingest holds only what a
// command sets itself (Reextract, Progress): Once builds the rest at each
// run.
func (r factoryRunner) Options(names []string) (schedule.Options, error) {
	srcs, err := selectSources(r.f.Config, names)
	if err != nil {
		return schedule.Options{}, err
	}
	sopt, err := r.f.SourceOptions("")
	if err != nil {
		return schedule.Options{}, err
	}
	return schedule.Options{
		Sources:    srcs,
		Source:     sopt,
		LockTTL:    r.f.Config.Schedule.LockTTL,
		StallLimit: r.f.Config.Schedule.StallLimit,
		Log:        r.f.Progress(),
	}, nil
}

// Once is one locked, recorded run of the sources of opt (see
// schedule.Once). The dictionaries are read again at each run, and so is
// their fingerprint: a change re-extracts what the run reads. The ingest
// options are built now (Factory.IngestOptions), with opt.Ingest's
// Reextract and Progress.
func (r factoryRunner) Once(ctx context.Context, opt schedule.Options) (schedule.Report, error) {
	x, lex, err := r.f.Extractor()
	if err != nil {
		return schedule.Report{}, err
	}
	if opt.Ingest, err = ingestOptions(r.f, opt.Ingest); err != nil {
		return schedule.Report{}, err
	}
	c, err := r.f.Connect(ctx, true)
	if err != nil {
		return schedule.Report{}, err
	}
	defer c.Close(context.Background())
	return schedule.Once(ctx, c, x, lex, opt)
}

// ingestOptions are the ingest options of a run, built now, with what the
// command set itself in own.
func ingestOptions(f *cmdutil.Factory, own ingest.Options) (ingest.Options, error) {
	opt, err := f.IngestOptions()
	opt.Reextract, opt.Progress = own.Reextract, own.Progress
	return opt, err
}

// Err is the command's error (and so its exit code) for a run's report
// and error: a partial run exits 5, a skipped one 0.
func Err(rep schedule.Report, err error) error {
	if err != nil {
		return err
	}
	if rep.Status == schedule.StatusPartial {
		return cmdutil.PartialError{Failed: rep.Summary.Failed, Total: rep.Summary.Seen}
	}
	return nil
}
