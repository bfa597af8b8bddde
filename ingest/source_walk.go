package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// maxDepth bounds the nesting of folders walked in one source, a last
// guard against loops where directories have no device and inode.
const maxDepth = 256

// entry is one input of a local source: a file to read, or the reason it
// cannot be read, reported in its place.
type entry struct {
	path string // as opened and named in messages
	id   string // default article id; "" = the file's base name
	err  error  // when set, the file is not read and err is reported
}

// listSource lists the inputs of local path root, a file or a folder, in
// the order Read reads them. Each input is listed with the default id of
// its article: for a file named directly, its base name (id ""); in a
// folder, its path relative to root without extension, with '/'
// separators. A folder is walked recursively in lexical order, following
// symbolic links to folders and files; a folder already walked (same
// device and inode) is skipped, so that a link loop is walked once, and
// links are followed only after the real folders of the tree, so that a
// link to a folder of the tree does not read it again under another name.
// Files of folders are filtered by opt.Include and opt.Exclude (on base
// names); non-regular files (FIFOs, sockets, devices) and entries that
// cannot be read are listed with an error and never opened. listSource
// fails only when ctx ends.
func listSource(ctx context.Context, g fileGuard, root string, opt SourceOptions) ([]entry, error) {
	g.root = root
	fi, err := g.stat(ctx, root)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return []entry{{path: root, err: fmt.Errorf("%s: %w", root, unwrapPathError(err))}}, nil
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return []entry{{path: root, err: fmt.Errorf("%s: %w", root, notRegular(fi.Mode()))}}, nil
		}
		return []entry{{path: root}}, nil
	}
	w := walker{g: g, opt: opt, seen: map[fileKey]bool{}}
	w.visit(fi)
	if err := w.walk(ctx, root, "", 0); err != nil {
		return nil, err
	}
	for len(w.links) > 0 {
		l := w.links[0]
		w.links = w.links[1:]
		if !w.visit(l.fi) {
			continue // reached already, by its own path or another link
		}
		if err := w.walk(ctx, l.path, l.rel, l.depth); err != nil {
			return nil, err
		}
	}
	sort.Slice(w.out, func(i, j int) bool { return w.out[i].path < w.out[j].path })
	return w.out, nil
}

type walker struct {
	g     fileGuard
	opt   SourceOptions
	seen  map[fileKey]bool
	links []linkedDir // symbolic links to folders, walked after the real tree
	out   []entry
}

type linkedDir struct {
	path, rel string
	depth     int
	fi        fs.FileInfo // of the target
}

// visit records folder fi as walked; it reports false if it was already.
func (w *walker) visit(fi fs.FileInfo) bool {
	k, ok := keyOf(fi)
	if !ok {
		return true
	}
	if w.seen[k] {
		return false
	}
	w.seen[k] = true
	return true
}

func (w *walker) fail(p string, err error) {
	w.out = append(w.out, entry{path: p, err: fmt.Errorf("%s: %w", p, unwrapPathError(err))})
}

// walk lists folder dir, whose path relative to the root is rel ("" for
// the root), depth folders below the root.
func (w *walker) walk(ctx context.Context, dir, rel string, depth int) error {
	if depth > maxDepth {
		w.fail(dir, fmt.Errorf("more than %d nested folders (a link loop?): skipped", maxDepth))
		return nil
	}
	des, err := w.g.readDir(ctx, dir)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		w.fail(dir, err) // what was listed, if anything, is still read
	}
	for _, d := range des {
		name := d.Name()
		if matchAny(w.opt.Exclude, name) {
			continue
		}
		p, r := filepath.Join(dir, name), path.Join(rel, name)
		mode := d.Type()
		var fi fs.FileInfo
		if mode&fs.ModeSymlink != 0 || mode.IsDir() {
			fi, err = w.g.stat(ctx, p) // the target's, for links
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if mode&fs.ModeSymlink != 0 {
					err = fmt.Errorf("symbolic link: %w", unwrapPathError(err))
				}
				if mode.IsDir() || matchAny(w.opt.Include, name) {
					w.fail(p, err) // a broken link: reported if it looks like an input
				}
				continue
			}
			if mode&fs.ModeSymlink != 0 && fi.IsDir() {
				w.links = append(w.links, linkedDir{path: p, rel: r, depth: depth + 1, fi: fi})
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if w.visit(fi) {
				if err := w.walk(ctx, p, r, depth+1); err != nil {
					return err
				}
			}
		case !matchAny(w.opt.Include, name):
		case mode.IsRegular():
			w.out = append(w.out, entry{path: p, id: strings.TrimSuffix(r, path.Ext(r))})
		default:
			w.out = append(w.out, entry{path: p, err: fmt.Errorf("%s: %w", p, notRegular(mode))})
		}
	}
	return nil
}
