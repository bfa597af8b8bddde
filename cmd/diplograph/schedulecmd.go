package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/build"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/schedule"
)

type scheduleOptions struct {
	Cron    string
	Once    bool
	Now     bool
	Sources []string
	JSON    bool
}

func newScheduleCmd(a *app) *cobra.Command {
	var o scheduleOptions
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
interrupted, and the command exits with 0. After a run that wrote articles,
the ALIGNMENT edges of the period lengths in alliance.materialize_after_ingest
(e.g. month) are recomputed while the lock is still held.

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
				o.Cron = a.Config.Schedule.Cron
			}
			return runSchedule(cmd.Context(), a, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Cron, "cron", "", "cron expression (default: schedule.cron, env DIPLOGRAPH_SCHEDULE_CRON)")
	f.BoolVar(&o.Once, "once", false, "run the sources one time now and exit with the run's exit code")
	f.BoolVar(&o.Now, "now", false, "also run at start, before the first scheduled time")
	f.StringSliceVar(&o.Sources, "source", nil, "run only these configured sources (repeatable)")
	f.BoolVar(&o.JSON, "json", false, "with --once: print the run's report as JSON")
	cmd.AddCommand(newScheduleRunsCmd(a))
	return cmd
}

// scheduleOptions builds the library options of a run of sources.
func scheduleOptionsFor(a *app, names []string) (schedule.Options, error) {
	all, err := a.Config.Sources()
	if err != nil {
		return schedule.Options{}, cmdutil.UsageError{Err: err}
	}
	if len(all) == 0 {
		return schedule.Options{}, cmdutil.Usagef("no sources configured: list them under 'sources:' in diplograph.yaml (see 'diplograph schedule --help')")
	}
	srcs, err := ingest.SelectSources(all, names)
	if err != nil {
		return schedule.Options{}, cmdutil.UsageError{Err: err}
	}
	sopt, err := a.SourceOptions("")
	if err != nil {
		return schedule.Options{}, err
	}
	w, err := a.Weights()
	if err != nil {
		return schedule.Options{}, err
	}
	periods, err := a.Config.Alliance.MaterializeAfterIngest, error(nil)
	if err != nil {
		return schedule.Options{}, err
	}
	return schedule.Options{
		Materialize:   periods,
		PlannedFactor: a.Config.Alliance.PlannedFactor,
		Sources:       srcs,
		Source:        sopt,
		Ingest: ingest.Options{
			Workers:          a.Config.Ingest.Workers,
			BatchSize:        a.Config.Ingest.BatchSize,
			Weights:          w,
			ExtractorVersion: build.ExtractorVersion(), // with the dictionaries' digest at each run
			AllowUndated:     a.Config.Ingest.AllowUndated,
		},
		LockTTL:    a.Config.Schedule.LockTTL,
		StallLimit: a.Config.Schedule.StallLimit,
		Log:        a.Progress(),
	}, nil
}

// runSourcesOnce is one locked, recorded run of the configured sources.
func runSourcesOnce(a *app, ctx context.Context, opt schedule.Options) (schedule.Report, error) {
	x, lex, err := a.Extractor()
	if err != nil {
		return schedule.Report{}, err
	}
	// The dictionaries are read again at each run, and so is their
	// fingerprint: a change re-extracts what the run reads.
	if opt.Ingest.ExtractorVersion, err = a.Fingerprint(); err != nil {
		return schedule.Report{}, err
	}
	c, err := a.Connect(ctx, true)
	if err != nil {
		return schedule.Report{}, err
	}
	defer c.Close(context.Background())
	return schedule.Once(ctx, c, x, lex, opt)
}

// reportError maps a run's report to the command's error (and so its exit
// code): partial runs exit 5, skipped ones 0.
func reportError(rep schedule.Report, err error) error {
	if err != nil {
		return err
	}
	if rep.Status == schedule.StatusPartial {
		return cmdutil.PartialError{Failed: rep.Summary.Failed, Total: rep.Summary.Seen}
	}
	return nil
}

func runSchedule(ctx context.Context, a *app, o scheduleOptions) error {
	opt, err := scheduleOptionsFor(a, o.Sources)
	if err != nil {
		return err
	}
	if o.Once {
		rep, err := runSourcesOnce(a, ctx, opt)
		if o.JSON && rep.RunID != "" {
			if jerr := cmdutil.WriteJSON(a.Out, rep); jerr != nil {
				return jerr
			}
		}
		return reportError(rep, err)
	}
	sched, err := schedule.ParseCron(o.Cron)
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	if _, _, err := a.Extractor(); err != nil { // fail now, not at the first run
		return err
	}
	log := a.ErrOut
	fmt.Fprintf(log, "%s schedule %q: %d sources; stop with Ctrl-C or SIGTERM\n", time.Now().Format(time.RFC3339), o.Cron, len(opt.Sources))
	job := func(ctx context.Context) {
		if _, err := runSourcesOnce(a, ctx, opt); err != nil && ctx.Err() == nil {
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

func newScheduleRunsCmd(a *app) *cobra.Command {
	var limit int
	var format string
	cmd := &cobra.Command{
		Use:   "runs",
		Short: "List the recorded ingest runs, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := cmdutil.CheckFormat(format, cmdutil.FormatTable, cmdutil.FormatJSON, cmdutil.FormatCSV); err != nil {
				return err
			}
			c, err := a.Connect(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer c.Close(context.Background())
			runs, err := c.RecentRuns(cmd.Context(), limit)
			if err != nil {
				return err
			}
			if format == cmdutil.FormatJSON {
				return cmdutil.WriteJSON(a.Out, runs)
			}
			rows := make([][]any, len(runs))
			for i, r := range runs {
				finished := ""
				if !r.Finished.IsZero() {
					finished = r.Finished.Local().Format(time.DateTime)
				}
				rows[i] = []any{r.StartedAt.Local().Format(time.DateTime), finished, r.Status, r.Seen, r.New, r.Updated,
					r.Unchanged, r.Failed, r.Relations, fmt.Sprintf("%.1f", r.Seconds), r.Host, r.Error}
			}
			return cmdutil.WriteRows(a.Out, format, []string{"started", "finished", "status", "seen", "new", "updated",
				"unchanged", "failed", "relations", "seconds", "by", "error"}, rows)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "how many runs")
	cmd.Flags().StringVar(&format, "format", cmdutil.FormatTable, "output format: table, json or csv")
	return cmd
}
