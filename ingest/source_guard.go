package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// DefaultReadTimeout is the default of [SourceOptions.ReadTimeout].
const DefaultReadTimeout = time.Minute

// ErrStalled marks a file operation (listing, stat, open or read of a local
// file) that did not return within [SourceOptions.ReadTimeout]: the file
// fails alone, as on a hung network mount.
var ErrStalled = errors.New("no answer")

// ErrNotRegular marks a FIFO, socket or device met in a source: it is
// never opened, and fails alone.
var ErrNotRegular = errors.New("not a regular file")

// File operations left blocked in the kernel (each holds a thread until
// the file system answers) are bounded: once maxStuckPerRoot are
// outstanding under one source path, or maxStuck in all, later operations
// there fail at once instead of adding more. A hung mount thus costs a few
// threads and a few time limits per run, and other sources go on.
const (
	maxStuckPerRoot = 4
	maxStuck        = 64
)

// stuck counts the operations abandoned by bounded that have not
// returned, by source path.
var stuck = stuckOps{byRoot: map[string]int{}}

type stuckOps struct {
	mu     sync.Mutex
	total  int
	byRoot map[string]int
}

// check fails when too many operations under root, or in all, are stuck.
func (s *stuckOps) check(root, what string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := s.byRoot[root]; n >= maxStuckPerRoot {
		return fmt.Errorf("%s: %w: %d earlier file operations under %s are still blocked (a hung file system?)", what, ErrStalled, n, root)
	}
	if s.total >= maxStuck {
		return fmt.Errorf("%s: %w: %d earlier file operations are still blocked (a hung file system?)", what, ErrStalled, s.total)
	}
	return nil
}

func (s *stuckOps) add(root string, d int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.total += d
	s.byRoot[root] += d
	if s.byRoot[root] == 0 {
		delete(s.byRoot, root)
	}
}

// bounded runs op in its own goroutine and waits for its result, for ctx
// to end or for limit, whichever comes first. An abandoned op goes on
// until the system call returns; then discard, if set, releases what it
// returned. root is the source path the operation belongs to; what names
// the operation in the error ("open", "read").
func bounded[T any](ctx context.Context, limit time.Duration, root, what string, op func() (T, error), discard func(T)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	if err := stuck.check(root, what); err != nil {
		return zero, err
	}
	var (
		mu                  sync.Mutex
		finished, abandoned bool
		v                   T
		err                 error
	)
	done := make(chan struct{})
	go func() {
		rv, rerr := op()
		mu.Lock()
		finished, v, err = true, rv, rerr
		ab := abandoned
		mu.Unlock()
		close(done)
		if ab {
			stuck.add(root, -1)
			if rerr == nil && discard != nil {
				discard(rv)
			}
		}
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	var cause error
	select {
	case <-done:
		return v, err
	case <-ctx.Done():
		cause = ctx.Err()
	case <-timer.C:
		cause = fmt.Errorf("%s: %w within %s (a hung file system?)", what, ErrStalled, limit)
	}
	mu.Lock()
	defer mu.Unlock()
	if finished {
		return v, err
	}
	abandoned = true
	stuck.add(root, 1)
	return zero, cause
}

// fileGuard performs the file system operations of local sources, each
// bounded by limit and by the context.
type fileGuard struct {
	limit time.Duration
	root  string // the source path read, for the count of stuck operations
	// open opens a file to read. It must not block on a FIFO or device
	// and must fail for anything but a regular file.
	open func(name string) (io.ReadCloser, error)
}

func newFileGuard(opt SourceOptions) fileGuard {
	g := fileGuard{limit: opt.ReadTimeout, open: opt.openFile}
	if g.limit <= 0 {
		g.limit = DefaultReadTimeout
	}
	if g.open == nil {
		g.open = openRegular
	}
	return g
}

// stat returns the FileInfo of name, following symbolic links.
func (g fileGuard) stat(ctx context.Context, name string) (fs.FileInfo, error) {
	return bounded(ctx, g.limit, g.root, "stat", func() (fs.FileInfo, error) { return os.Stat(name) }, nil)
}

// readDir lists directory name, sorted by file name.
func (g fileGuard) readDir(ctx context.Context, name string) ([]fs.DirEntry, error) {
	return bounded(ctx, g.limit, g.root, "list", func() ([]fs.DirEntry, error) { return os.ReadDir(name) }, nil)
}

// openFile opens name; every read of the result is bounded too. The
// reader is bound to ctx: a read after ctx ends fails.
func (g fileGuard) openFile(ctx context.Context, name string) (io.ReadCloser, error) {
	rc, err := bounded(ctx, g.limit, g.root, "open", func() (io.ReadCloser, error) { return g.open(name) },
		func(rc io.ReadCloser) { rc.Close() })
	if err != nil {
		return nil, err
	}
	return &boundedReader{ctx: ctx, limit: g.limit, root: g.root, r: rc}, nil
}

// boundedReader bounds each Read of r by a time limit and a context. Once
// a read is abandoned, the reader fails for good: the abandoned read may
// still write into buf.
type boundedReader struct {
	ctx   context.Context
	limit time.Duration
	root  string
	r     io.ReadCloser
	buf   []byte
	err   error
}

type readResult struct {
	n   int
	err error
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if cap(b.buf) < len(p) {
		b.buf = make([]byte, len(p))
	}
	buf, r := b.buf[:len(p)], b.r
	res, err := bounded(b.ctx, b.limit, b.root, "read", func() (readResult, error) {
		n, err := r.Read(buf)
		return readResult{n, err}, nil
	}, nil)
	if err != nil {
		b.err = err
		b.r = nil
		go r.Close() // closing a file that a blocked read holds may wait for it
		return 0, err
	}
	copy(p, buf[:res.n])
	return res.n, res.err
}

func (b *boundedReader) Close() error {
	if b.r == nil {
		return nil
	}
	r := b.r
	b.r = nil
	if b.err == nil {
		b.err = fs.ErrClosed
	}
	return r.Close()
}
