package bench

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/ingest"
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

func TestSynthetic(t *testing.T) {
	pub := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	base := []article.Article{
		{ID: "a", URL: "https://x/a", Published: pub, PublishedPrecision: "day", Text: "Iran and Iraq met."},
		{ID: "b", Published: pub, PublishedPrecision: "day", Text: "France warned Mali."},
	}
	var got []article.Article
	err := Synthetic(base, 5)(context.Background(), func(it ingest.Item) error {
		got = append(got, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("got %d articles, want 5", len(got))
	}
	ids, hashes := map[string]bool{}, map[string]bool{}
	for i, a := range got {
		ids[a.ID] = true
		hashes[ingest.ContentHash(a.Text, "v")] = true
		if !strings.HasPrefix(a.Text, base[i%2].Text) {
			t.Errorf("article %d: text %q does not start with its base's", i, a.Text)
		}
		if a.Published.After(pub) || pub.Sub(a.Published) > SyntheticSpread {
			t.Errorf("article %d: published %v outside the spread", i, a.Published)
		}
	}
	if len(ids) != 5 || len(hashes) != 5 {
		t.Errorf("ids %d, hashes %d: copies must be distinct articles", len(ids), len(hashes))
	}
	if got[0].URL != "https://x/a#syn0" || got[1].URL != "" {
		t.Errorf("URLs %q %q", got[0].URL, got[1].URL)
	}
	if !got[4].Published.Before(got[0].Published) {
		t.Errorf("later rounds must be shifted back: %v vs %v", got[4].Published, got[0].Published)
	}
	var warm []article.Article
	if err := SyntheticTagged(base, 2, "warm")(context.Background(), func(it ingest.Item) error {
		warm = append(warm, it.Article)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(warm) != 2 || warm[0].ID != "a~warm0" || warm[0].URL != "https://x/a#warm0" || ids[warm[0].ID] || !strings.HasSuffix(warm[1].Text, "copy warm1.)") {
		t.Errorf("tagged copies %+v: want other articles than the syn copies", warm)
	}
	if err := Synthetic(nil, 3)(context.Background(), func(ingest.Item) error { return nil }); err == nil {
		t.Error("no base articles: want an error")
	}
}
