package ingestcmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/diplograph/diplograph/ingest"
)

// writeSummary prints what a run did, and each failure.
func writeSummary(w io.Writer, s ingest.Summary, dry bool) {
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Finished()) / s.Seconds
	}
	if dry {
		fmt.Fprintf(w, "dry run: %s seen, %d extracted, %d failed, %s found, %.1fs (%s)\n",
			quantity(s.Seen, "article"), s.Extracted, s.Failed, quantity(s.Relations, "relation"), s.Seconds, perSecond(rate, "article"))
	} else {
		fmt.Fprintf(w, "ingested: %s seen, %d new, %d updated, %d unchanged, %d failed; %s written; %.1fs (%s)\n",
			quantity(s.Seen, "article"), s.New, s.Updated, s.Unchanged, s.Failed, quantity(s.Relations, "relation"), s.Seconds, perSecond(rate, "article"))
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  failed: %s\n", f.Error)
	}
}

// quantity is n and the noun, plural unless n is 1: "1 article", "2 articles".
func quantity(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, nounFor(n, noun))
}

// nounFor is noun with an s unless n is 1.
func nounFor(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// perSecond is a rate rounded to a whole number, with the noun agreeing
// with the number shown: "1 article/s", "12 articles/s".
func perSecond(rate float64, noun string) string {
	shown := fmt.Sprintf("%.0f", rate)
	if shown == "1" {
		return shown + " " + noun + "/s"
	}
	return shown + " " + noun + "s/s"
}

// progress reports a long run: a rewritten line on a terminal, a log line
// every 10 seconds otherwise. It counts finished articles (Summary.Finished:
// written, unchanged, failed, or extracted in a dry run), not articles read,
// so that it reaches 100% when the last write is done.
type progress struct {
	w        io.Writer
	terminal bool
	dry      bool // a dry run: articles are extracted, not written
	last     time.Time
	shown    bool // a line is on the terminal, to be cleared
	logged   int  // articles finished in the last line logged; -1 = none logged
	total    int  // articles expected; 0 = unknown (no bar, no ETA)
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, last: time.Now(), logged: -1}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) update(s ingest.Summary) {
	interval := 10 * time.Second
	if p.terminal {
		interval = 200 * time.Millisecond
	}
	if time.Since(p.last) < interval {
		return
	}
	p.last = time.Now()
	p.show(s)
}

func (p *progress) show(s ingest.Summary) {
	line := p.line(s)
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		p.shown = true
	} else {
		fmt.Fprintf(p.w, "progress: %s\n", line)
		p.logged = s.Finished()
	}
}

// line is one progress report: with a known total, a bar (on a terminal),
// the share finished and the time left at the rate so far.
func (p *progress) line(s ingest.Summary) string {
	done := s.Finished()
	rate := float64(done) / max(s.Seconds, 1e-9)
	outcomes := fmt.Sprintf("%d new, %d unchanged, %d failed", s.New+s.Updated, s.Unchanged, s.Failed)
	if p.dry {
		outcomes = fmt.Sprintf("%d extracted, %d failed", s.Extracted, s.Failed)
	}
	counts := fmt.Sprintf("(%s), %s, %s", outcomes, quantity(s.Relations, "relation"), perSecond(rate, "article"))
	if p.total <= 0 || done > p.total {
		return fmt.Sprintf("%s %s", quantity(done, "article"), counts)
	}
	frac := float64(done) / float64(p.total)
	eta := "?"
	if rate > 0 {
		eta = time.Duration(float64(p.total-done) / rate * float64(time.Second)).Round(time.Second).String()
	}
	bar := ""
	if p.terminal {
		const width = 24
		filled := int(frac * width)
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat("-", width-filled) + "] "
	}
	return fmt.Sprintf("%s%d/%d %s (%.0f%%) %s, ETA %s", bar, done, p.total, nounFor(p.total, "article"), 100*frac, counts, eta)
}

// done ends the display with the final counts: on a terminal the line is
// cleared (the summary follows); in a log that showed progress, a last
// line with the final counts is written unless the last one had them.
func (p *progress) done(s ingest.Summary) {
	switch {
	case p.terminal && p.shown:
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	case !p.terminal && p.logged >= 0 && p.logged != s.Finished():
		p.show(s)
	}
}
