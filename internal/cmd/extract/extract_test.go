package extractcmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/cmdutil/cmdtest"
)

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
	extractorErr  error
)

// options read paths with the built-in extractor, with --published
// 2021-02-03 for the articles that have no date.
func options(t *testing.T, format string, paths ...string) (*Options, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	extractorOnce.Do(func() { extractor, extractorErr = extract.Load(nil, extract.Options{}) })
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	var out, errOut bytes.Buffer
	return &Options{
		Out: &out, ErrOut: &errOut,
		SourceOptions: func(published string) (ingest.SourceOptions, error) {
			d, err := time.Parse(time.DateOnly, published)
			return ingest.SourceOptions{Published: d}, err
		},
		Extractor: func() (*extract.Extractor, *lexicon.Lexicon, error) { return extractor, nil, nil },
		Format:    format,
		Published: "2021-02-03",
		Paths:     paths,
	}, &out, &errOut
}

// articles writes two articles, the second undated, and returns their paths.
func articles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, a := range []struct{ name, text string }{
		{"a.txt", "---\nid: a\npublished: 2020-05-01\n---\nFrench President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.\n"},
		{"b.txt", "---\nid: b\n---\nFrance warned Russia on Tuesday.\n"},
	} {
		p := filepath.Join(dir, a.name)
		if err := os.WriteFile(p, []byte(a.text), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestFormats(t *testing.T) {
	paths := articles(t)
	check := func(t *testing.T, rs []extract.Result) {
		t.Helper()
		if len(rs) != 2 || rs[0].Article.ID != "a" || rs[1].Article.ID != "b" {
			t.Fatalf("got %d results: %+v", len(rs), rs)
		}
		if rs[1].Article.Published != "2021-02-03" {
			t.Errorf("the undated article is not dated by --published: %+v", rs[1].Article)
		}
		if len(rs[0].Relations) == 0 || len(rs[1].Relations) == 0 {
			t.Errorf("no relations: %+v", rs)
		}
	}

	t.Run("jsonl", func(t *testing.T) {
		o, out, _ := options(t, "jsonl", paths...)
		if err := run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		var rs []extract.Result
		for sc := bufio.NewScanner(out); sc.Scan(); {
			var r extract.Result
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			rs = append(rs, r)
		}
		check(t, rs)
	})
	t.Run("json", func(t *testing.T) {
		o, out, _ := options(t, "json", paths...)
		if err := run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		var rs []extract.Result
		if err := json.Unmarshal(out.Bytes(), &rs); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		check(t, rs)
	})
	t.Run("text", func(t *testing.T) {
		o, out, _ := options(t, "text", paths...)
		if err := run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"article a (2020-05-01) \n", "  MET_WITH DEU -> FRA [asserted, 2020-04-27 day] ",
			"article b (2021-02-03) \n", "  WARNED FRA -> RUS [asserted, 2021-02-02 day] "} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("output lacks %q:\n%s", want, out.String())
			}
		}
	})
	t.Run("json, nothing read", func(t *testing.T) {
		o, out, _ := options(t, "json", filepath.Join(t.TempDir(), "missing.txt"))
		if code := cmdutil.Classify(run(context.Background(), o)); code != cmdutil.ExitPartial {
			t.Errorf("exit %d, want %d", code, cmdutil.ExitPartial)
		}
		if out.String() != "[]\n" {
			t.Errorf("got %q, want an empty array", out.String())
		}
	})
}

// An article that cannot be read is reported with its file and line, and
// the others are extracted: a partial error (exit 5).
func TestUnreadable(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("---\nid: [\n---\nx\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	o, out, errOut := options(t, "jsonl", append(articles(t), bad)...)
	err := run(context.Background(), o)
	if err == nil || err.Error() != "1 of 3 inputs failed" || cmdutil.Classify(err) != cmdutil.ExitPartial {
		t.Errorf("got %v, want 1 of 3 inputs failed (exit 5)", err)
	}
	if !strings.Contains(errOut.String(), "diplograph: "+bad+":3: ") {
		t.Errorf("stderr does not name the file and line:\n%s", errOut.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Errorf("%d articles printed, want 2", n)
	}
}

// A wrong --format is a usage error, found before anything is read.
func TestBadFormat(t *testing.T) {
	o, _, _ := options(t, "yaml", "x")
	o.SourceOptions = func(string) (ingest.SourceOptions, error) {
		t.Fatal("reading options built")
		return ingest.SourceOptions{}, nil
	}
	if code := cmdutil.Classify(run(context.Background(), o)); code != cmdutil.ExitUsage {
		t.Errorf("exit %d, want %d", code, cmdutil.ExitUsage)
	}
}

// parse runs the command on args and returns the Options it would run with.
func parse(t *testing.T, args ...string) *Options {
	t.Helper()
	return cmdtest.Parse(t, nil, NewCmd, args...)
}

func TestFlags(t *testing.T) {
	if o := parse(t, "a.txt", "-"); o.Format != "jsonl" || o.Published != "" || strings.Join(o.Paths, " ") != "a.txt -" {
		t.Errorf("defaults: %+v", o)
	}
	if o := parse(t, "--format", "text", "--published", "2021-02-03", "a.txt"); o.Format != "text" || o.Published != "2021-02-03" || strings.Join(o.Paths, " ") != "a.txt" {
		t.Errorf("--format text --published 2021-02-03 a.txt: %+v", o)
	}
}
