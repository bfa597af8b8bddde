// Package schedulecmd is 'diplograph schedule': the sources configured in
// diplograph.yaml run on a cron schedule in the foreground, or once
// (--once); and 'diplograph schedule runs', the recorded runs.
package schedulecmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/internal/cmd/sources"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/schedule"
)

// Options are the dependencies and flags of 'diplograph schedule'.
type Options struct {
	Out io.Writer // the report of a run with --once --json
	Log io.Writer // the scheduler's messages (standard error, also with --quiet)
	// Extractor loads the dictionaries: the scheduler checks them at
	// start, not at the first run.
	Extractor func() (*extract.Extractor, *lexicon.Lexicon, error)
	// Sources runs the sources configured in diplograph.yaml.
	Sources sources.Runner

	Cron  string // --cron, or schedule.cron
	Once  bool
	Now   bool
	Names []string // --source: names of configured sources
	JSON  bool
}

// NewCmd is 'diplograph schedule' and its subcommand 'runs'. runF, if not
// nil, is called instead of running the command (tests use it to check
// the flags).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{}
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Ingest the configured sources on a cron schedule, in the foreground",
		Long: `Run the sources listed under 'sources:' in diplograph.yaml at the times of
schedule.cron (default @hourly), in the foreground, until SIGINT or SIGTERM.

Each run takes a lock held in the graph, so two runs never overlap, also
across processes and machines that share the database: a run that finds the
lock taken is recorded as skipped and waits for the next time. A run renews
the lock while it makes progress; a holder that died on this host is
replaced at once (its run marked abandoned), one elsewhere after
schedule.lock_ttl, and a run stalled for schedule.stall_limit lets it
expire. Each run is recorded as an (:IngestRun) node with its status and
counts ('diplograph schedule runs').
Feeds are read incrementally: the feed's ETag and Last-Modified are kept in
the graph, and items whose link is already in the graph are neither fetched
nor written. On SIGTERM the batch in hand is written, the run is recorded as
interrupted, and the command exits with 0. The ALIGNMENT aggregates that
the alliance queries read are kept up to date by every write, in the same
transaction as the articles: nothing is recomputed after a run.

As with 'diplograph ingest': an article without a published date fails
unless ingest.allow_undated is true; an article read again is rewritten
when its text, date, title, URL or source, or the dictionaries, changed; a
database failure is reported once, with the number of articles it left
unwritten.

Under cron, a systemd timer or a Kubernetes CronJob, let that scheduler keep
the time and run 'diplograph schedule --once' (or 'diplograph ingest' with no
arguments): same lock, same records, exit code of the run.

Sources in diplograph.yaml:

  sources:
    - name: voa
      kind: feed            # feed, web or path; default: by location
      location: https://www.voanews.com/api/zq$omekvi_
      options: {skip_pages: false, source: VOA}
    - name: archive
      kind: path            # relative paths: to the config file's directory
      location: articles/
      options: {include: ["*.md"], exclude: [drafts]}`,
		Example: `  diplograph schedule                       # @hourly, or schedule.cron
  diplograph schedule --cron '*/15 * * * *' --now
  diplograph schedule --once --source voa   # one run, for cron or a CronJob
  diplograph schedule runs --limit 5`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("cron") {
				o.Cron = f.Config.Schedule.Cron
			}
			o.Out, o.Log, o.Extractor = f.Out, f.ErrOut, f.Extractor
			o.Sources = sources.ForFactory(f)
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Cron, "cron", "", "cron expression (default: schedule.cron, env DIPLOGRAPH_SCHEDULE_CRON)")
	fl.BoolVar(&o.Once, "once", false, "run the sources one time now and exit with the run's exit code")
	fl.BoolVar(&o.Now, "now", false, "also run at start, before the first scheduled time")
	fl.StringSliceVar(&o.Names, "source", nil, "run only these configured sources (repeatable)")
	fl.BoolVar(&o.JSON, "json", false, "with --once: print the run's report as JSON")
	cmd.AddCommand(NewRunsCmd(f, nil))
	return cmd
}

func run(ctx context.Context, o *Options) error {
	opt, err := o.Sources.Options(o.Names)
	if err != nil {
		return err
	}
	if o.Once {
		rep, err := o.Sources.Once(ctx, opt)
		if o.JSON && rep.RunID != "" {
			if jerr := cmdutil.WriteJSON(o.Out, rep); jerr != nil {
				return jerr
			}
		}
		return sources.Err(rep, err)
	}
	sched, err := schedule.ParseCron(o.Cron)
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	if _, _, err := o.Extractor(); err != nil { // fail now, not at the first run
		return err
	}
	log := o.Log
	fmt.Fprintf(log, "%s schedule %q: %d sources; stop with Ctrl-C or SIGTERM\n", time.Now().Format(time.RFC3339), o.Cron, len(opt.Sources))
	job := func(ctx context.Context) {
		if _, err := o.Sources.Once(ctx, opt); err != nil && ctx.Err() == nil {
			fmt.Fprintf(log, "%s run failed: %v\n", time.Now().Format(time.RFC3339), err)
		}
	}
	if o.Now {
		job(ctx)
	}
	err = schedule.Every(ctx, sched, nil, func(at time.Time) {
		if ctx.Err() == nil {
			fmt.Fprintf(log, "%s next run at %s\n", time.Now().Format(time.RFC3339), at.Format(time.RFC3339))
		}
	}, job)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(log, "%s schedule stopped\n", time.Now().Format(time.RFC3339))
		return nil // a signal is how a foreground scheduler is stopped
	}
	return err
}
