//go:build unix

package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// A FIFO, among ordinary files or named directly, is never opened: it
// fails alone with an error naming it, and Read and Count return.
func TestReadSkipsNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", bare)
	mkfifo(t, filepath.Join(dir, "b.md"))
	mkfifo(t, filepath.Join(dir, "b2.jsonl"))
	write(t, dir, "c.md", bare)
	mkfifo(t, filepath.Join(dir, "ignored.csv")) // not an article file: not listed
	paths := []string{dir, filepath.Join(dir, "b.md")}
	items, err := readAll(t, context.Background(), paths, SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// b.md named directly has id "b", as in the folder: a clash is not the
	// point here, the FIFO fails before.
	want := "a.md=a\nb.md!\nb2.jsonl!\nc.md=c\nb.md!\n"
	if got := summary(dir, items); got != want {
		t.Fatalf("items:\n%s\nwant:\n%s", got, want)
	}
	for _, it := range items {
		if it.Err != nil && (!strings.Contains(it.Err.Error(), it.Origin) || !strings.Contains(it.Err.Error(), "not a regular file")) {
			t.Errorf("error %q: want the file named and \"not a regular file\"", it.Err)
		}
	}
	if n, ok := countAll(t, paths, SourceOptions{}); !ok || n != len(items) {
		t.Errorf("Count = %d, %v; Read emitted %d items", n, ok, len(items))
	}
}

// A FIFO reached through a symbolic link with an article's name is not
// opened either.
func TestReadSkipsLinkedFIFO(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "pipe"))
	symlink(t, filepath.Join(dir, "pipe"), filepath.Join(dir, "src/a.md"))
	items, err := readAll(t, context.Background(), []string{filepath.Join(dir, "src")}, SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(dir, items), "src/a.md!\n"; got != want {
		t.Fatalf("items:\n%s\nwant:\n%s", got, want)
	}
}

// The opener refuses a FIFO without blocking, should one replace a file
// between its listing and its opening.
func TestOpenRegularRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.md")
	mkfifo(t, p)
	done := make(chan error, 1)
	go func() {
		rc, err := openRegular(p)
		if err == nil {
			rc.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Fatalf("openRegular(FIFO) = %v, want ErrNotRegular", err)
		}
	case <-time.After(hangGuard):
		t.Fatalf("openRegular(FIFO) did not return within %s", hangGuard)
	}
}
