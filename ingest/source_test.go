package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func collect(t *testing.T, paths []string, opt SourceOptions) []Item {
	t.Helper()
	var items []Item
	if err := Read(context.Background(), paths, opt, func(it Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return items
}

const good = "---\nid: a1\npublished: 2014-06-16\ntitle: T\n---\nBritain and Iran held talks.\n"

func TestReadBadInputsFailAlone(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "01-good.md", good)
	write(t, dir, "02-bad-front-matter.md", "---\nid: [x\n---\ntext\n")
	write(t, dir, "03-bad-date.md", "---\nid: b\npublished: 13/2020\n---\ntext\n")
	write(t, dir, "04-invalid-utf8.txt", "---\nid: c\n---\nok line\nbad \xff byte\n")
	write(t, dir, "05-empty.txt", "---\nid: d\n---\n\n")
	write(t, dir, "06-large.txt", "---\nid: e\n---\n"+strings.Repeat("word ", 300))
	write(t, dir, "07-mixed.jsonl", `{"id":"j1","published":"2014-06-16","text":"Iran and Iraq met."}
{"id":"j2","published":"2014-06-16"
{"id":"j3","published":"2014-06-16 10:00:00Z","text":"The US warned Iran."}
`)
	write(t, dir, "notes.csv", "ignored")
	write(t, dir, "skip/x.md", good)
	unreadable := write(t, dir, "08-unreadable.md", good)
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	opt := SourceOptions{MaxBytes: 1000, Exclude: []string{"skip"}}
	items := collect(t, []string{dir, filepath.Join(dir, "missing.md")}, opt)
	if n, ok := Count(context.Background(), []string{dir, filepath.Join(dir, "missing.md")}, opt); !ok || n != len(items) {
		t.Errorf("Count = %d, %v; Read emitted %d items", n, ok, len(items))
	}

	want := []struct {
		origin string // suffix
		err    string // "" = a good article
	}{
		{"01-good.md", ""},
		{"02-bad-front-matter.md", "02-bad-front-matter.md:3: front matter: YAML"}, // where the parser notices the unclosed [
		{"03-bad-date.md", `03-bad-date.md:3: front matter: published: cannot parse "13/2020"`},
		{"04-invalid-utf8.txt", "04-invalid-utf8.txt:5"},
		{"05-empty.txt", "05-empty.txt"},
		{"06-large.txt", "06-large.txt"},
		{"07-mixed.jsonl:1", ""},
		{"07-mixed.jsonl:2", "07-mixed.jsonl:2"},
		{"07-mixed.jsonl:3", ""},
		{"08-unreadable.md", "08-unreadable.md"},
		{"missing.md", "missing.md: no such file or directory"},
	}
	if os.Geteuid() == 0 { // root reads files whatever their mode
		want = append(want[:9], want[10:]...)
		items = dropOrigin(items, "08-unreadable.md")
	}
	if len(items) != len(want) {
		for _, it := range items {
			t.Logf("%s: %v", it.Origin, it.Err)
		}
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		it := items[i]
		if !strings.HasSuffix(it.Origin, w.origin) {
			t.Errorf("item %d origin %q, want …%s", i, it.Origin, w.origin)
		}
		switch {
		case w.err == "" && it.Err != nil:
			t.Errorf("%s: unexpected error %v", it.Origin, it.Err)
		case w.err != "" && (it.Err == nil || !strings.Contains(it.Err.Error(), w.err)):
			t.Errorf("%s: error %v, want one containing %q", it.Origin, it.Err, w.err)
		}
	}
	if items[0].Article.ID != "a1" || items[6].Article.ID != "j1" || items[8].Article.Published.Hour() != 10 {
		t.Errorf("articles not read right: %+v %+v", items[0].Article, items[8].Article)
	}
}

func dropOrigin(items []Item, suffix string) []Item {
	var out []Item
	for _, it := range items {
		if !strings.HasSuffix(it.Origin, suffix) {
			out = append(out, it)
		}
	}
	return out
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name, in string
		ids      []string
	}{
		{"json lines", `{"id":"s1","text":"a"}` + "\n" + `{"id":"s2","text":"b"}` + "\n", []string{"s1", "s2"}},
		{"one article", good, []string{"a1"}},
		{"bare text", "Iran and Iraq met on Monday.\n", []string{"stdin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(t, []string{"-"}, SourceOptions{Stdin: strings.NewReader(tt.in)})
			var ids []string
			for _, it := range items {
				if it.Err != nil {
					t.Fatalf("%s: %v", it.Origin, it.Err)
				}
				ids = append(ids, it.Article.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Fatalf("ids = %v, want %v", ids, tt.ids)
			}
		})
	}
}

func TestReadPublishedDefault(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "bare.txt", "Iran and Iraq met.\n")
	items := collect(t, []string{p}, SourceOptions{Published: day("2014-06-16")})
	if items[0].Err != nil || !items[0].Article.Published.Equal(day("2014-06-16")) || items[0].Article.ID != "bare" {
		t.Fatalf("item = %+v", items[0])
	}
}

func TestReadCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", good)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Read(ctx, []string{dir}, SourceOptions{}, func(Item) error { return nil }); err == nil {
		t.Fatal("Read ignored a cancelled context")
	}
}

// A 10 MB article is over the default limit (5 MB): a clear error naming
// the file, and the next article is still read.
func TestReadHugeArticle(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a-huge.md", "---\nid: huge\n---\n"+strings.Repeat("Iran and Iraq held talks in Baghdad on Monday. ", 10<<20/48+1))
	write(t, dir, "b-next.md", good)
	items := collect(t, []string{dir}, SourceOptions{})
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "a-huge.md") || !strings.Contains(items[0].Err.Error(), "too large") {
		t.Fatalf("huge article: %v", items[0].Err)
	}
	if items[1].Err != nil || items[1].Article.ID != "a1" {
		t.Fatalf("next article: %+v", items[1])
	}
}

func TestCountUnknownForStreams(t *testing.T) {
	for _, paths := range [][]string{{"-"}, {"https://example.org/rss"}, {".", "http://x/"}} {
		if _, ok := Count(context.Background(), paths, SourceOptions{}); ok {
			t.Errorf("Count(%v): ok, want unknown", paths)
		}
	}
}
