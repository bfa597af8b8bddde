package cmdutil

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/build"
)

// Extractor loads the dictionaries (built in, extended by
// extract.lexicon_dirs and extract.dictionaries) and the extractor that
// uses them.
func (f *Factory) Extractor() (*extract.Extractor, *lexicon.Lexicon, error) {
	var dirs []fs.FS
	for _, d := range f.Config.Extract.LexiconDirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return nil, nil, Usagef("extract.lexicon_dirs: %s is not a directory", d)
		}
		dirs = append(dirs, lexicon.Dir(d))
	}
	verbs, actors, err := f.dictionaries()
	if err != nil {
		return nil, nil, err
	}
	var lex *lexicon.Lexicon
	if len(dirs) == 0 && len(actors) == 0 {
		lex, err = lexicon.Default()
	} else {
		lex, err = lexicon.LoadOptions(lexicon.Options{Dirs: dirs, Dictionaries: actors})
	}
	if err != nil {
		return nil, nil, UsageError{err}
	}
	x, err := extract.Load(lex, extract.Options{PatternFS: dirs, VerbDictionaries: verbs})
	if err != nil {
		return nil, nil, UsageError{err}
	}
	return x, lex, nil
}

// dictionaries reads the files of extract.dictionaries and sorts them by
// format: CAMEO verb dictionaries for the extractor, Phoenix actor
// dictionaries for the lexicon. Agent dictionaries are refused: the
// built-in agents come from Phoenix.agents.txt at build time.
func (f *Factory) dictionaries() (verbs, actors []petrarch.Source, err error) {
	for _, name := range f.Config.Extract.Dictionaries {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, Usagef("extract.dictionaries: %v", err)
		}
		src := petrarch.Source{Name: name, Data: data}
		switch petrarch.Sniff(src) {
		case petrarch.KindVerbs:
			verbs = append(verbs, src)
		case petrarch.KindActors:
			actors = append(actors, src)
		default:
			return nil, nil, Usagef("extract.dictionaries: %s is an agent dictionary; only CAMEO verb and Phoenix actor dictionaries are read", name)
		}
	}
	return verbs, actors, nil
}

// Weights are the alliance weights with the configuration's overrides.
func (f *Factory) Weights() (alliance.Weights, error) {
	w, err := alliance.NewWeights(f.Config.Alliance.Weights)
	if err != nil {
		return nil, UsageError{err}
	}
	return w, nil
}

// Fingerprint is the extractor version with a digest of the user's
// dictionaries as configured: the files of extract.lexicon_dirs and of
// extract.dictionaries, by content (and name within a directory). It is
// part of every article's hash, so that re-ingesting the same files after
// the dictionaries changed re-extracts them. Reading the files costs little
// next to loading them.
func (f *Factory) Fingerprint() (string, error) {
	h := sha256.New()
	n := 0
	add := func(kind, name string, data []byte) {
		fmt.Fprintf(h, "%s %d:%s %d:", kind, len(name), name, len(data))
		h.Write(data)
		n++
	}
	for _, dir := range f.Config.Extract.LexiconDirs {
		fsys := os.DirFS(dir)
		err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || !e.Type().IsRegular() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			add("dir", p, data) // where the directory lies does not matter
			return nil
		})
		if err != nil {
			return "", Usagef("extract.lexicon_dirs: %s: %v", dir, err)
		}
		add("end", "", nil) // an empty directory counts too
	}
	for _, file := range f.Config.Extract.Dictionaries {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", Usagef("extract.dictionaries: %v", err)
		}
		add("file", "", data) // nor where the file lies
	}
	if n == 0 {
		return build.ExtractorVersion(), nil
	}
	return fmt.Sprintf("%s; dictionaries %x", build.ExtractorVersion(), h.Sum(nil)[:12]), nil
}

// IngestOptions is the one builder of ingest.Options from the
// configuration: workers, batch size, weights, undated articles, and the
// extractor fingerprint as the dictionaries are now. A caller sets what is
// its own (DryRun, Reextract, Progress).
func (f *Factory) IngestOptions() (ingest.Options, error) {
	// The weights apply when queries run; a bad one fails here, before
	// anything is ingested.
	if _, err := f.Weights(); err != nil {
		return ingest.Options{}, err
	}
	fp, err := f.Fingerprint()
	if err != nil {
		return ingest.Options{}, err
	}
	in := f.Config.Ingest
	return ingest.Options{
		Workers:          in.Workers,
		BatchSize:        in.BatchSize,
		ExtractorVersion: fp,
		AllowUndated:     in.AllowUndated,
	}, nil
}
