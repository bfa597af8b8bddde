package bench

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
)

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestExtractCounts(t *testing.T) {
	x := extract.New(nil, extract.Options{})
	arts := []article.Article{{ID: "a", Text: "Britain and Iran held talks on Monday. The US warned Iran."}}
	r, err := Extract(context.Background(), x, arts, 3)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != 1 || r.Sentences != 2 || r.Bytes != len(arts[0].Text) || r.Runs != 3 || len(r.Seconds) != 3 || r.Relations == 0 {
		t.Fatalf("result = %+v", r)
	}
	if r.SentencesPerS <= 0 || r.MBPerS <= 0 {
		t.Fatalf("no throughput: %+v", r)
	}
	if PeakRSSMB() <= 0 {
		t.Error("no peak RSS on Linux")
	}
}
