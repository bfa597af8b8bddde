package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/config"
)

// ingest --help describes what the code does: batches of
// ingest.batch_size per transaction, the article-by-article retry, and
// progress that counts finished articles.
func TestIngestHelp(t *testing.T) {
	isolate(t)
	out, _, code := runCLI(t, "", "ingest", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	flat := strings.Join(strings.Fields(out), " ")
	var batch any
	for _, s := range config.Registry {
		if s.Key == "ingest.batch_size" {
			batch = s.Def
		}
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{fmt.Sprintf("in batches of ingest.batch_size articles (default %v), one transaction per batch", batch), true},
		{"A batch that fails is retried article by article, so a bad article fails alone", true},
		{"reaches 100% when the last write is done", true},
		{"one article per transaction", false},
		{"../", false}, // no path outside the repository
	} {
		if got := strings.Contains(flat, tt.text); got != tt.want {
			t.Errorf("ingest --help contains %q: %v, want %v", tt.text, got, tt.want)
		}
	}
}
