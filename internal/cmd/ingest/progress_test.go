package ingestcmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/ingest"
)

// The progress line counts finished articles (written, unchanged, failed,
// or extracted in a dry run), not articles read: while writes lag behind
// the reading, it stays below 100%. Nouns agree with their numbers.
func TestProgressLineCountsFinished(t *testing.T) {
	for _, tt := range []struct {
		name     string
		s        ingest.Summary
		total    int
		dry      bool
		terminal bool
		want     string
	}{
		{"all read, few written", ingest.Summary{Seen: 100, New: 10, Seconds: 1}, 100, false, false,
			"10/100 articles (10%) (10 new, 0 unchanged, 0 failed), 0 relations, 10 articles/s, ETA 9s"},
		{"all read, few written, on a terminal", ingest.Summary{Seen: 100, New: 10, Seconds: 1}, 100, false, true,
			"[##----------------------] 10/100 articles (10%) (10 new, 0 unchanged, 0 failed), 0 relations, 10 articles/s, ETA 9s"},
		{"all written", ingest.Summary{Seen: 100, New: 50, Updated: 10, Unchanged: 30, Failed: 10, Relations: 200, Seconds: 10}, 100, false, true,
			"[########################] 100/100 articles (100%) (60 new, 30 unchanged, 10 failed), 200 relations, 10 articles/s, ETA 0s"},
		{"one of one, one relation, one per second", ingest.Summary{Seen: 1, New: 1, Relations: 1, Seconds: 1}, 1, false, false,
			"1/1 article (100%) (1 new, 0 unchanged, 0 failed), 1 relation, 1 article/s, ETA 0s"},
		{"a rate shown as 1 is singular", ingest.Summary{Seen: 3, New: 3, Seconds: 2.5}, 0, false, false,
			"3 articles (3 new, 0 unchanged, 0 failed), 0 relations, 1 article/s"},
		{"one article, no total", ingest.Summary{Seen: 2, Unchanged: 1, Seconds: 0.5}, 0, false, false,
			"1 article (0 new, 1 unchanged, 0 failed), 0 relations, 2 articles/s"},
		{"nothing finished yet", ingest.Summary{Seen: 40, Seconds: 2}, 100, false, false,
			"0/100 articles (0%) (0 new, 0 unchanged, 0 failed), 0 relations, 0 articles/s, ETA ?"},
		{"more finished than counted: no bar, no ETA", ingest.Summary{Seen: 120, New: 120, Seconds: 4}, 100, false, true,
			"120 articles (120 new, 0 unchanged, 0 failed), 0 relations, 30 articles/s"},
		{"dry run", ingest.Summary{Seen: 30, Extracted: 18, Failed: 2, Relations: 45, Seconds: 2}, 40, true, false,
			"20/40 articles (50%) (18 extracted, 2 failed), 45 relations, 10 articles/s, ETA 2s"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := &progress{total: tt.total, dry: tt.dry, terminal: tt.terminal}
			if got := p.line(tt.s); got != tt.want {
				t.Errorf("line(%+v), total %d:\n got %q\nwant %q", tt.s, tt.total, got, tt.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	for _, tt := range []struct {
		name string
		s    ingest.Summary
		dry  bool
		want string
	}{
		{"one article", ingest.Summary{Seen: 1, New: 1, Relations: 1, Seconds: 1},
			false, "ingested: 1 article seen, 1 new, 0 updated, 0 unchanged, 0 failed; 1 relation written; 1.0s (1 article/s)\n"},
		{"several", ingest.Summary{Seen: 3, New: 1, Updated: 1, Unchanged: 1, Relations: 7, Seconds: 0.5},
			false, "ingested: 3 articles seen, 1 new, 1 updated, 1 unchanged, 0 failed; 7 relations written; 0.5s (6 articles/s)\n"},
		{"nothing", ingest.Summary{}, false, "ingested: 0 articles seen, 0 new, 0 updated, 0 unchanged, 0 failed; 0 relations written; 0.0s (0 articles/s)\n"},
		{"failures listed", ingest.Summary{Seen: 2, New: 1, Failed: 1, Relations: 2, Seconds: 2,
			Failures: []ingest.Failure{{Origin: "a.md", Error: "a.md: article has no id", Count: 1}}},
			false, "ingested: 2 articles seen, 1 new, 0 updated, 0 unchanged, 1 failed; 2 relations written; 2.0s (1 article/s)\n  failed: a.md: article has no id\n"},
		{"dry run of one", ingest.Summary{Seen: 1, Extracted: 1, Relations: 1, Seconds: 0.25},
			true, "dry run: 1 article seen, 1 extracted, 0 failed, 1 relation found, 0.2s (4 articles/s)\n"},
		{"dry run of several", ingest.Summary{Seen: 4, Extracted: 3, Failed: 1, Relations: 9, Seconds: 4},
			true, "dry run: 4 articles seen, 3 extracted, 1 failed, 9 relations found, 4.0s (1 article/s)\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeSummary(&b, tt.s, tt.dry)
			if b.String() != tt.want {
				t.Errorf("\n got %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}

func TestPerSecond(t *testing.T) {
	for _, tt := range []struct {
		rate float64
		want string
	}{
		{0, "0 articles/s"},
		{0.4, "0 articles/s"},
		{0.5, "0 articles/s"}, // rounds half to even, as %.0f does
		{0.6, "1 article/s"},
		{1, "1 article/s"},
		{1.49, "1 article/s"},
		{1.5, "2 articles/s"},
		{250, "250 articles/s"},
	} {
		if got := perSecond(tt.rate, "article"); got != tt.want {
			t.Errorf("perSecond(%v) = %q, want %q", tt.rate, got, tt.want)
		}
	}
}

// done leaves a log with the final counts when it showed progress that
// the run has since passed, and clears a terminal's line.
func TestProgressDone(t *testing.T) {
	final := ingest.Summary{Seen: 5, New: 5, Seconds: 1}
	for _, tt := range []struct {
		name     string
		terminal bool
		before   *ingest.Summary // last progress shown, if any
		want     string
	}{
		{"log, nothing shown", false, nil, ""},
		{"log, behind", false, &ingest.Summary{Seen: 5, New: 2, Seconds: 0.5},
			"progress: 2/5 articles (40%) (2 new, 0 unchanged, 0 failed), 0 relations, 4 articles/s, ETA 1s\n" +
				"progress: 5/5 articles (100%) (5 new, 0 unchanged, 0 failed), 0 relations, 5 articles/s, ETA 0s\n"},
		{"log, already final", false, &ingest.Summary{Seen: 5, New: 5, Seconds: 0.9},
			"progress: 5/5 articles (100%) (5 new, 0 unchanged, 0 failed), 0 relations, 6 articles/s, ETA 0s\n"},
		{"terminal, nothing shown", true, nil, ""},
		{"terminal, cleared", true, &ingest.Summary{Seen: 5, New: 2, Seconds: 0.5},
			"\r\033[K[#########---------------] 2/5 articles (40%) (2 new, 0 unchanged, 0 failed), 0 relations, 4 articles/s, ETA 1s\r\033[K"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			p := &progress{w: &b, terminal: tt.terminal, total: 5, logged: -1}
			if tt.before != nil {
				p.show(*tt.before)
			}
			p.done(final)
			if got := b.String(); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestProgressLine(t *testing.T) {
	s := ingest.Summary{Seen: 250, New: 200, Unchanged: 40, Failed: 10, Relations: 600, Seconds: 5}
	for _, tt := range []struct {
		total    int
		terminal bool
		want     string
	}{
		{0, false, "250 articles (200 new, 40 unchanged, 10 failed), 600 relations, 50 articles/s"},
		{1000, false, "250/1000 articles (25%) (200 new, 40 unchanged, 10 failed), 600 relations, 50 articles/s, ETA 15s"},
		{1000, true, "[######------------------] 250/1000 articles (25%)"},
		{100, false, "250 articles ("}, // more than counted: no ETA
	} {
		p := &progress{total: tt.total, terminal: tt.terminal}
		if got := p.line(s); !strings.HasPrefix(got, tt.want) {
			t.Errorf("total %d, terminal %v:\n got %q\nwant %q...", tt.total, tt.terminal, got, tt.want)
		}
	}
}
