package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hangGuard bounds the wait for a Read or Count that should return: a test
// fails, instead of hanging, when it does not. It is no timing assertion.
const hangGuard = 60 * time.Second

// readAll runs Read in a goroutine and returns its items and error, failing
// the test if Read does not return within hangGuard.
func readAll(t *testing.T, ctx context.Context, paths []string, opt SourceOptions) ([]Item, error) {
	t.Helper()
	type result struct {
		items []Item
		err   error
	}
	done := make(chan result, 1)
	go func() {
		var items []Item
		err := Read(ctx, paths, opt, func(it Item) error {
			items = append(items, it)
			return nil
		})
		done <- result{items, err}
	}()
	select {
	case r := <-done:
		return r.items, r.err
	case <-time.After(hangGuard):
		t.Fatalf("Read(%v) did not return within %s", paths, hangGuard)
		return nil, nil
	}
}

// countAll runs Count like readAll runs Read.
func countAll(t *testing.T, paths []string, opt SourceOptions) (int, bool) {
	t.Helper()
	type result struct {
		n  int
		ok bool
	}
	done := make(chan result, 1)
	go func() {
		n, ok := Count(context.Background(), paths, opt)
		done <- result{n, ok}
	}()
	select {
	case r := <-done:
		return r.n, r.ok
	case <-time.After(hangGuard):
		t.Fatalf("Count(%v) did not return within %s", paths, hangGuard)
		return 0, false
	}
}

// summary writes items as "origin=id" for articles and "origin!" for
// failures, origins relative to dir, one per line.
func summary(dir string, items []Item) string {
	var b strings.Builder
	for _, it := range items {
		o := filepath.ToSlash(strings.TrimPrefix(it.Origin, dir+string(filepath.Separator)))
		if it.Err != nil {
			fmt.Fprintf(&b, "%s!\n", o)
		} else {
			fmt.Fprintf(&b, "%s=%s\n", o, it.Article.ID)
		}
	}
	return b.String()
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
}

const bare = "Iran and Iraq held talks in Baghdad on Monday.\n"

// Read's default id is the path relative to the source root without its
// extension, so files of the same name in two folders stay apart; Count
// agrees with Read. Symlinked roots, folders and files are followed, and a
// symlink loop is walked once.
func TestReadTree(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) []string // returns the paths to read
		want  string                                  // summary of the items
	}{
		{
			name: "same base names in two folders",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "coll/2014/001.md", bare)
				write(t, dir, "coll/2015/001.md", bare)
				write(t, dir, "coll/top.txt", bare)
				return []string{filepath.Join(dir, "coll")}
			},
			want: "coll/2014/001.md=2014/001\ncoll/2015/001.md=2015/001\ncoll/top.txt=top\n",
		},
		{
			name: "single file keeps its base name",
			setup: func(t *testing.T, dir string) []string {
				return []string{write(t, dir, "coll/2014/001.md", bare)}
			},
			want: "coll/2014/001.md=001\n",
		},
		{
			name: "front matter id wins",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "coll/sub/x.md", good)
				return []string{filepath.Join(dir, "coll")}
			},
			want: "coll/sub/x.md=a1\n",
		},
		{
			name: "symlinked root",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "data/a.md", bare)
				write(t, dir, "data/sub/b.md", bare)
				symlink(t, filepath.Join(dir, "data"), filepath.Join(dir, "linkdir"))
				return []string{filepath.Join(dir, "linkdir")}
			},
			want: "linkdir/a.md=a\nlinkdir/sub/b.md=sub/b\n",
		},
		{
			name: "relative symlinked root",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "data/a.md", bare)
				symlink(t, "data", filepath.Join(dir, "linkdir"))
				return []string{filepath.Join(dir, "linkdir")}
			},
			want: "linkdir/a.md=a\n",
		},
		{
			name: "symlinked subfolder and file",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "elsewhere/2016/c.md", bare)
				write(t, dir, "other/d.md", bare)
				write(t, dir, "root/a.md", bare)
				symlink(t, filepath.Join(dir, "elsewhere"), filepath.Join(dir, "root/ext"))
				symlink(t, filepath.Join(dir, "other/d.md"), filepath.Join(dir, "root/e.md"))
				return []string{filepath.Join(dir, "root")}
			},
			want: "root/a.md=a\nroot/e.md=e\nroot/ext/2016/c.md=ext/2016/c\n",
		},
		{
			name: "symlink loop",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "root/a.md", bare)
				write(t, dir, "root/sub/b.md", bare)
				symlink(t, "..", filepath.Join(dir, "root/sub/up"))
				symlink(t, filepath.Join(dir, "root"), filepath.Join(dir, "root/self"))
				return []string{filepath.Join(dir, "root")}
			},
			want: "root/a.md=a\nroot/sub/b.md=sub/b\n",
		},
		{
			name: "symlinked folder inside the tree is read once, by its own path",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "root/z/a.md", bare)
				symlink(t, "z", filepath.Join(dir, "root/a-link"))
				return []string{filepath.Join(dir, "root")}
			},
			want: "root/z/a.md=z/a\n",
		},
		{
			name: "dangling symlink fails alone",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "root/a.md", bare)
				symlink(t, filepath.Join(dir, "nowhere.md"), filepath.Join(dir, "root/b.md"))
				return []string{filepath.Join(dir, "root")}
			},
			want: "root/a.md=a\nroot/b.md!\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := tt.setup(t, dir)
			items, err := readAll(t, context.Background(), paths, SourceOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(dir, items); got != tt.want {
				for _, it := range items {
					t.Logf("%s: %v", it.Origin, it.Err)
				}
				t.Errorf("items:\n%s\nwant:\n%s", got, tt.want)
			}
			if n, ok := countAll(t, paths, SourceOptions{}); !ok || n != len(items) {
				t.Errorf("Count = %d, %v; Read emitted %d items", n, ok, len(items))
			}
		})
	}
}

// Two inputs of one Read that yield the same id: the first is kept, the
// second fails with an error naming both.
func TestReadIDClash(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", good) // id a1
	write(t, dir, "b.jsonl", `{"id":"j1","text":"Iran and Iraq met."}`+"\n"+`{"id":"a1","text":"Iran and Iraq met."}`+"\n")
	write(t, dir, "c.md", good)
	write(t, dir, "d.md", "---\nid: j1\n---\n"+bare)
	one, other := t.TempDir(), t.TempDir()
	items, err := readAll(t, context.Background(), []string{dir, write(t, one, "x.md", bare), write(t, other, "x.md", bare)}, SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		origin string // suffix
		id     string // "" = a failure
		names  []string
	}{
		{"a.md", "a1", nil},
		{"b.jsonl:1", "j1", nil},
		{"b.jsonl:2", "", []string{"b.jsonl:2", "a.md", `"a1"`}},
		{"c.md", "", []string{"c.md", "a.md", `"a1"`}},
		{"d.md", "", []string{"d.md", "b.jsonl:1", `"j1"`}},
		{"x.md", "x", nil},
		{"x.md", "", []string{filepath.Join(other, "x.md"), filepath.Join(one, "x.md")}},
	}
	if len(items) != len(want) {
		for _, it := range items {
			t.Logf("%s: %q %v", it.Origin, it.Article.ID, it.Err)
		}
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		it := items[i]
		if !strings.HasSuffix(it.Origin, w.origin) {
			t.Errorf("item %d: origin %q, want …%s", i, it.Origin, w.origin)
		}
		if w.id != "" {
			if it.Err != nil || it.Article.ID != w.id {
				t.Errorf("%s: id %q, error %v; want id %q", it.Origin, it.Article.ID, it.Err, w.id)
			}
			continue
		}
		if it.Err == nil {
			t.Errorf("%s: no error, want an id clash", it.Origin)
			continue
		}
		if !errors.Is(it.Err, ErrDuplicateID) {
			t.Errorf("%s: %v is not ErrDuplicateID", it.Origin, it.Err)
		}
		for _, n := range w.names {
			if !strings.Contains(it.Err.Error(), n) {
				t.Errorf("%s: error %q does not name %s", it.Origin, it.Err, n)
			}
		}
	}
}
