package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// blocker opens files as the system does, except those whose base name
// starts with "block-open" (the open blocks) or "block-read" (the first
// read returns the file's first line, the next blocks), until the test
// ends. entered receives the name of each file that blocks.
type blocker struct {
	release chan struct{}
	entered chan string
}

func newBlocker(t *testing.T) *blocker {
	b := &blocker{release: make(chan struct{}), entered: make(chan string, 16)}
	t.Cleanup(func() { close(b.release) })
	return b
}

func (b *blocker) open(name string) (io.ReadCloser, error) {
	base := filepath.Base(name)
	switch {
	case strings.HasPrefix(base, "block-open"):
		b.entered <- name
		<-b.release
		return nil, errors.New("released")
	case strings.HasPrefix(base, "block-read"):
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		first, _, _ := strings.Cut(string(data), "\n")
		return &blockingReader{b: b, name: name, first: first + "\n"}, nil
	}
	return openRegular(name)
}

type blockingReader struct {
	b     *blocker
	name  string
	first string
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if r.first != "" {
		n := copy(p, r.first)
		r.first = r.first[n:]
		return n, nil
	}
	r.b.entered <- r.name
	<-r.b.release
	return 0, errors.New("released")
}

func (r *blockingReader) Close() error { return nil }

// Cancelling ctx makes Read return while an open or a read blocks (the
// time limit is left at its default, a minute, so cancellation is what
// ends the wait).
func TestReadCancelWhileBlocked(t *testing.T) {
	for _, name := range []string{"block-open.md", "block-read.md", "block-read.jsonl"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "a.md", bare)
			write(t, dir, name, `{"id":"j1","text":"Iran and Iraq met."}`+"\n"+`{"id":"j2","text":"Iran and Iraq met."}`+"\n")
			write(t, dir, "c.md", bare)
			b := newBlocker(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				select {
				case <-b.entered:
					cancel()
				case <-b.release:
				}
			}()
			items, err := readAll(t, ctx, []string{dir}, SourceOptions{openFile: b.open})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Read returned %v, want context.Canceled", err)
			}
			for _, it := range items {
				if it.Err != nil {
					t.Errorf("%s: %v, want no failure emitted for a cancelled read", it.Origin, it.Err)
				}
			}
		})
	}
}

// A file whose open or read stalls beyond ReadTimeout fails alone, with
// an error naming it; the others are read, and Count agrees.
func TestReadStalledFileFailsAlone(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", bare)
	write(t, dir, "b/block-open.md", bare)
	write(t, dir, "c/block-read.jsonl", `{"id":"j1","text":"Iran and Iraq met."}`+"\n"+`{"id":"j2","text":"Iran and Iraq met."}`+"\n")
	write(t, dir, "d/block-read.md", "Iran and Iraq\nheld talks.\n")
	write(t, dir, "e.md", bare)
	b := newBlocker(t)
	go func() { // drain
		for {
			select {
			case <-b.entered:
			case <-b.release:
				return
			}
		}
	}()
	opt := SourceOptions{openFile: b.open, ReadTimeout: 50 * time.Millisecond}
	items, err := readAll(t, context.Background(), []string{dir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := "a.md=a\nb/block-open.md!\nc/block-read.jsonl:1=j1\nc/block-read.jsonl:1!\nd/block-read.md!\ne.md=e\n"
	if got := summary(dir, items); got != want {
		t.Fatalf("items:\n%s\nwant:\n%s", got, want)
	}
	for _, it := range items {
		if it.Err != nil && (!errors.Is(it.Err, ErrStalled) || !strings.Contains(it.Err.Error(), "block-")) {
			t.Errorf("%s: error %v, want ErrStalled naming the file", it.Origin, it.Err)
		}
	}
	if n, ok := countAll(t, []string{dir}, opt); !ok || n != len(items) {
		t.Errorf("Count = %d, %v; Read emitted %d items", n, ok, len(items))
	}
}

// A hung source (every open blocks) leaves at most maxStuckPerRoot
// operations blocked: its other files fail at once, without being opened,
// and another source in the same Read is still read.
func TestReadHungSourceBounded(t *testing.T) {
	hung, healthy := t.TempDir(), t.TempDir()
	for i := range 2 * maxStuckPerRoot {
		write(t, hung, fmt.Sprintf("block-open-%02d.md", i), bare)
	}
	write(t, healthy, "a.md", bare)
	b := newBlocker(t)
	opt := SourceOptions{openFile: b.open, ReadTimeout: 20 * time.Millisecond}
	items, err := readAll(t, context.Background(), []string{hung, healthy}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2*maxStuckPerRoot+1 {
		t.Fatalf("%d items, want %d", len(items), 2*maxStuckPerRoot+1)
	}
	for _, it := range items[:2*maxStuckPerRoot] {
		if !errors.Is(it.Err, ErrStalled) {
			t.Errorf("%s: %v, want ErrStalled", it.Origin, it.Err)
		}
	}
	if last := items[len(items)-1]; last.Err != nil || last.Article.ID != "a" {
		t.Errorf("healthy source: %+v", last)
	}
	if n := len(b.entered); n != maxStuckPerRoot {
		t.Errorf("%d opens blocked, want %d", n, maxStuckPerRoot)
	}
}
