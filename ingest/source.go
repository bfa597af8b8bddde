package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/diplograph/diplograph/article"
)

// Item is one article read from a source, or the error that kept it from
// being read. Origin names it for messages: "dir/x.md" or "corpus.jsonl:12".
type Item struct {
	Article article.Article
	Origin  string
	Err     error
}

// SourceOptions controls how paths are read.
type SourceOptions struct {
	Include   []string  // glob patterns on base names of files in directories (default: *.txt *.md *.markdown *.jsonl *.ndjson)
	Exclude   []string  // glob patterns on base names, files and directories, skipped in directories
	Published time.Time // published date of articles that carry none (zero = unknown)
	MaxBytes  int       // largest article accepted (default article.DefaultMaxBytes)
	Stdin     io.Reader // what "-" reads (default os.Stdin)
	HTTP      HTTPOptions
	// Seen, if set, tells which feed items are already in the graph: they
	// are neither fetched nor emitted.
	Seen func(url string) bool
	// ReadTimeout bounds each listing, open and read of a local file: one
	// that takes longer (a hung network mount) fails alone with
	// [ErrStalled]. Zero means DefaultReadTimeout.
	ReadTimeout time.Duration

	// ids, if set, is shared by several Reads (the sources of one run),
	// so that an id clash between two of them fails too.
	ids *idSet

	// openFile, if set, replaces the opener of local files (tests).
	openFile func(name string) (io.ReadCloser, error)
}

var defaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.jsonl", "*.ndjson"}

func isJSONL(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}

// Read streams the articles of paths to emit, in order: a file is one
// article (text or Markdown with optional front matter) or, for .jsonl and
// .ndjson, one article per line; a directory is walked recursively in
// lexical order, following symbolic links to directories and files (a
// directory reached twice, as through a link loop, is walked once); "-" is
// standard input (JSON lines if its first byte is '{', else one article);
// an http:// or https:// URL is an RSS or Atom feed (each item an article,
// the text from its linked page) or a web page.
//
// The default id of a file article (no id in its front matter) is its path
// relative to the directory named in paths, without extension and with
// '/' separators ("2014/001" for coll/2014/001.md when reading coll), or
// its base name when the file itself is named. Ids must be unique among
// the files, JSON-lines records and standard input of one Read: an article
// whose id an earlier one has fails with [ErrDuplicateID], naming both.
//
// Files that are not regular (FIFOs, sockets, devices) are never opened:
// each fails alone with [ErrNotRegular]. Every listing, open and read of
// a local file is bounded by opt.ReadTimeout (a file that stalls fails
// alone with [ErrStalled]) and by ctx, so that a hung file system neither
// hangs the run nor keeps it from being cancelled.
//
// Errors of single articles are emitted as Items;
// Read returns an error only when ctx ends or emit fails.
func Read(ctx context.Context, paths []string, opt SourceOptions, emit func(Item) error) error {
	if len(opt.Include) == 0 {
		opt.Include = defaultInclude
	}
	popt := article.ParseOptions{DefaultPublished: opt.Published, MaxBytes: opt.MaxBytes}
	g := newFileGuard(opt)
	ids := opt.ids
	if ids == nil {
		ids = newIDSet()
	}
	local := func(it Item) error {
		if it.Err == nil {
			if err := ids.add(it.Article.ID, it.Origin); err != nil {
				it = Item{Origin: it.Origin, Err: err}
			}
		}
		return emit(it)
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://"):
			_, err = ReadURL(ctx, p, FeedOptions{HTTP: opt.HTTP, Seen: opt.Seen}, emit)
		case p == "-":
			in := opt.Stdin
			if in == nil {
				in = os.Stdin
			}
			err = readStream(ctx, "stdin", in, popt, local)
		default:
			err = readPath(ctx, g, p, opt, popt, local)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readPath(ctx context.Context, g fileGuard, p string, opt SourceOptions, popt article.ParseOptions, emit func(Item) error) error {
	g.root = p
	entries, err := listSource(ctx, g, p, opt)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		if e.err != nil {
			if err := emit(Item{Origin: e.path, Err: e.err}); err != nil {
				return err
			}
			continue
		}
		fopt := popt
		fopt.DefaultID = e.id
		if err := readFile(ctx, g, e.path, fopt, emit); err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many inputs Read will emit for paths (articles, or
// failures in their place), for progress and an ETA: a file counts one, a
// JSON-lines file one per non-blank line. It lists and reads only local
// files, as Read does (following the same links, skipping the same
// special files, bounded by the same time limit); ok is false when paths
// include standard input or a URL, whose size is not known in advance, or
// when ctx ends.
func Count(ctx context.Context, paths []string, opt SourceOptions) (n int, ok bool) {
	if len(opt.Include) == 0 {
		opt.Include = defaultInclude
	}
	g := newFileGuard(opt)
	countFile := func(f string) int {
		if !isJSONL(f) {
			return 1
		}
		fh, err := g.openFile(ctx, f)
		if err != nil {
			return 1
		}
		defer fh.Close()
		lines := 0
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 64<<10), 1<<30)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) > 0 {
				lines++
			}
		}
		if sc.Err() != nil {
			lines++ // the read error is one more failure
		}
		return lines
	}
	for _, p := range paths {
		if ctx.Err() != nil || p == "-" || strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			return 0, false
		}
		g.root = p
		entries, err := listSource(ctx, g, p, opt)
		if err != nil {
			return 0, false
		}
		for _, e := range entries {
			if ctx.Err() != nil {
				return 0, false
			}
			if e.err != nil {
				n++
				continue
			}
			n += countFile(e.path)
		}
	}
	if ctx.Err() != nil {
		return 0, false
	}
	return n, true
}

func matchAny(patterns []string, name string) bool {
	for _, pat := range patterns {
		if ok, _ := filepath.Match(pat, name); ok {
			return true
		}
	}
	return false
}

func readFile(ctx context.Context, g fileGuard, path string, popt article.ParseOptions, emit func(Item) error) error {
	f, err := g.openFile(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return emit(Item{Origin: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))})
	}
	defer f.Close()
	if isJSONL(path) {
		return readJSONL(ctx, path, f, popt, emit)
	}
	return readArticle(ctx, path, f, popt, emit)
}

func readJSONL(ctx context.Context, name string, r io.Reader, popt article.ParseOptions, emit func(Item) error) error {
	jr := article.NewJSONLReader(name, r, popt)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := jr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		origin := fmt.Sprintf("%s:%d", name, jr.Line())
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			var aerr *article.Error
			if !errors.As(err, &aerr) || errors.Is(err, article.ErrRead) {
				// Not a bad record but a failed read: the rest is unreadable.
				return emit(Item{Origin: origin, Err: err})
			}
			if err := emit(Item{Origin: origin, Err: err}); err != nil {
				return err
			}
			continue
		}
		a.Origin = origin
		if err := emit(Item{Article: a, Origin: origin}); err != nil {
			return err
		}
	}
}

// readStream reads standard input: JSON lines, or else one article.
func readStream(ctx context.Context, name string, r io.Reader, popt article.ParseOptions, emit func(Item) error) error {
	br := bufio.NewReader(r)
	head, _ := br.Peek(64)
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) {
		return readJSONL(ctx, name, br, popt, emit)
	}
	return readArticle(ctx, name, br, popt, emit)
}

// readArticle reads r as one article file named name.
func readArticle(ctx context.Context, name string, r io.Reader, popt article.ParseOptions, emit func(Item) error) error {
	a, err := article.ParseFile(name, r, popt)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return emit(Item{Origin: name, Err: err})
	}
	a.Origin = name
	return emit(Item{Article: a, Origin: name})
}

// unwrapPathError drops the *fs.PathError wrapper, whose message repeats
// the path the caller already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
