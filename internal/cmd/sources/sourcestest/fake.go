// Package sourcestest is a fake sources.Runner for the tests of the
// commands that run the configured sources.
package sourcestest

import (
	"context"

	"github.com/diplograph/diplograph/schedule"
)

// Runner answers Options with Opt, and each Once with Report
// and Err (after one call of the run's progress function with the
// report's summary, and OnRun if set); it records what it was asked.
type Runner struct {
	Opt    schedule.Options
	Report schedule.Report
	Err    error
	OnRun  func(ctx context.Context)

	Names []string           // the names Options was given
	Runs  []schedule.Options // the options of each Once
}

// Options returns Opt.
func (r *Runner) Options(names []string) (schedule.Options, error) {
	r.Names = names
	return r.Opt, nil
}

// Once records opt and returns Report and Err.
func (r *Runner) Once(ctx context.Context, opt schedule.Options) (schedule.Report, error) {
	r.Runs = append(r.Runs, opt)
	if opt.Ingest.Progress != nil {
		opt.Ingest.Progress(r.Report.Summary)
	}
	if r.OnRun != nil {
		r.OnRun(ctx)
	}
	return r.Report, r.Err
}
