package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
)

// ingestPaths runs one ingest of paths into c.
func ingestPaths(t *testing.T, c *graph.Client, paths ...string) ingest.Summary {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.Load(lex, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ingest.Run(context.Background(), func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, paths, ingest.SourceOptions{}, emit)
	}, x, lex, c, ingest.Options{Workers: 2, ExtractorVersion: "test"})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

// Files of the same name in two folders, without an id, are two articles
// (ids 2014/001 and 2015/001), stored once each and unchanged by a second
// run; a symlinked source folder is read like the folder itself.
func TestIngestSameNamesInTwoFolders(t *testing.T) {
	c := graphtest.Client(t)
	dir := t.TempDir()
	files := map[string]string{
		"coll/2014/001.md": "---\npublished: 2014-06-16\n---\nBritish Foreign Secretary William Hague met Iranian Foreign Minister Mohammad Javad Zarif in Vienna on Monday.\n",
		"coll/2015/001.md": "---\npublished: 2015-03-02\n---\nThe United States warned Iran on Monday.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "linkdir")
	if err := os.Symlink(filepath.Join(dir, "coll"), link); err != nil {
		t.Fatal(err)
	}
	if sum := ingestPaths(t, c, filepath.Join(dir, "coll")); sum.New != 2 || sum.Updated+sum.Failed != 0 {
		t.Fatalf("first run = %+v", sum)
	}
	for _, root := range []string{filepath.Join(dir, "coll"), link} {
		if sum := ingestPaths(t, c, root); sum.Unchanged != 2 || sum.New+sum.Updated+sum.Failed != 0 {
			t.Fatalf("run of %s = %+v", root, sum)
		}
	}
	if n := graphtest.Counts(t, c)["Article"]; n != 2 {
		t.Fatalf("%d articles in the graph, want 2", n)
	}
}
