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
	"sort"
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
}

var defaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.jsonl", "*.ndjson"}

func isJSONL(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}

// Read streams the articles of paths to emit, in order: a file is one
// article (text or Markdown with optional front matter) or, for .jsonl and
// .ndjson, one article per line; a directory is walked recursively in
// lexical order; "-" is standard input (JSON lines if its first byte is
// '{', else one article); an http:// or https:// URL is an RSS or Atom feed
// (each item an article, the text from its linked page) or a web page.
// Errors of single articles are emitted as Items;
// Read returns an error only when ctx ends or emit fails.
func Read(ctx context.Context, paths []string, opt SourceOptions, emit func(Item) error) error {
	if len(opt.Include) == 0 {
		opt.Include = defaultInclude
	}
	popt := article.ParseOptions{DefaultPublished: opt.Published, MaxBytes: opt.MaxBytes}
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
			err = readStream(ctx, "stdin", in, popt, emit)
		default:
			err = readPath(ctx, p, opt, popt, emit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readPath(ctx context.Context, p string, opt SourceOptions, popt article.ParseOptions, emit func(Item) error) error {
	fi, err := os.Stat(p)
	if err != nil {
		return emit(Item{Origin: p, Err: fmt.Errorf("%s: %w", p, unwrapPathError(err))})
	}
	if !fi.IsDir() {
		return readFile(ctx, p, popt, emit)
	}
	files, werr := dirFiles(p, opt)
	if werr != nil {
		return emit(Item{Origin: p, Err: werr})
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readFile(ctx, f, popt, emit); err != nil {
			return err
		}
	}
	return nil
}

// dirFiles lists the files of directory p that Read reads, in order;
// unreadable entries are listed too, so that reading them reports them.
func dirFiles(p string, opt SourceOptions) ([]string, error) {
	var files []string
	err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path) // reported when read
			return nil
		}
		if path != p && matchAny(opt.Exclude, d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && matchAny(opt.Include, d.Name()) {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// Count returns how many inputs Read will emit for paths (articles, or
// failures in their place), for progress and an ETA: a file counts one, a
// JSON-lines file one per non-blank line. It reads only local files; ok is
// false when paths include standard input or a URL, whose size is not
// known in advance, or when ctx ends.
func Count(ctx context.Context, paths []string, opt SourceOptions) (n int, ok bool) {
	if len(opt.Include) == 0 {
		opt.Include = defaultInclude
	}
	countFile := func(f string) int {
		if !isJSONL(f) {
			return 1
		}
		fh, err := os.Open(f)
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
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			n++
		case !fi.IsDir():
			n += countFile(p)
		default:
			files, werr := dirFiles(p, opt)
			if werr != nil {
				n++
			}
			for _, f := range files {
				if ctx.Err() != nil {
					return 0, false
				}
				n += countFile(f)
			}
		}
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

func readFile(ctx context.Context, path string, popt article.ParseOptions, emit func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(Item{Origin: path, Err: fmt.Errorf("%s: %w", path, unwrapPathError(err))})
	}
	defer f.Close()
	if isJSONL(path) {
		return readJSONL(ctx, path, f, popt, emit)
	}
	return readArticle(path, f, popt, emit)
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
			var aerr *article.Error
			if !errors.As(err, &aerr) {
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
	return readArticle(name, br, popt, emit)
}

// readArticle reads r as one article file named name.
func readArticle(name string, r io.Reader, popt article.ParseOptions, emit func(Item) error) error {
	a, err := article.ParseFile(name, r, popt)
	if err != nil {
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
