// Package bench measures diplograph's real code paths on real inputs, for
// `diplograph bench`. Figures are medians over repeated runs, because the
// machines this runs on are shared and noisy.
package bench

import (
	"context"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/segment"
)

// ExtractResult is what one extraction benchmark measured.
type ExtractResult struct {
	Articles      int       `json:"articles"`
	Sentences     int       `json:"sentences"`
	Bytes         int       `json:"bytes"`
	Relations     int       `json:"relations"`
	Runs          int       `json:"runs"`
	Seconds       []float64 `json:"seconds"`        // each run
	MedianSeconds float64   `json:"median_seconds"` // median run
	SentencesPerS float64   `json:"sentences_per_second"`
	MBPerS        float64   `json:"mb_per_second"`
	PeakRSSMB     float64   `json:"peak_rss_mb"` // of the whole process, from /proc (0 where unavailable)
}

// Extract runs x over arts runs times on the calling goroutine (one core)
// and reports the median throughput.
func Extract(ctx context.Context, x *extract.Extractor, arts []article.Article, runs int) (ExtractResult, error) {
	if runs < 1 {
		runs = 1
	}
	var r ExtractResult
	r.Articles, r.Runs = len(arts), runs
	for _, a := range arts {
		r.Bytes += len(a.Text)
		r.Sentences += len(segment.Sentences(a.Text))
	}
	for i := 0; i < runs; i++ {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		rels := 0
		t0 := time.Now()
		for _, a := range arts {
			rels += len(x.Extract(a).Relations)
		}
		r.Seconds = append(r.Seconds, time.Since(t0).Seconds())
		r.Relations = rels
	}
	r.MedianSeconds = Median(r.Seconds)
	if r.MedianSeconds > 0 {
		r.SentencesPerS = float64(r.Sentences) / r.MedianSeconds
		r.MBPerS = float64(r.Bytes) / 1e6 / r.MedianSeconds
	}
	runtime.GC()
	r.PeakRSSMB = PeakRSSMB()
	return r, nil
}

// Median of xs (0 for none).
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// LoadAverage is the system's load averages over 1, 5 and 15 minutes as
// /proc/loadavg shows them ("" where it is not available).
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// PeakRSSMB is the process's peak resident set size (VmHWM) in MB, or 0
// where /proc is not available.
func PeakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}
