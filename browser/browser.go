// Package browser holds what diplograph gives Neo4j Browser, embedded in
// the binary:
//
//   - a style sheet, diplograph.grass, in Browser's grass syntax: states,
//     organizations, people, meetings, places and articles in their own
//     colours and captioned by name (articles by title); relation types
//     coloured by polarity, green for cooperation, orange to red for
//     conflict by severity, purple for deployments, grey for structure;
//   - a guide, guide.html, in Browser's guide format (<slide> elements with
//     runnable <pre> blocks), rendered from the predefined queries of
//     package queries: one slide per query with a block that sets its
//     parameters (:param k => expr) and a block with its exact Cypher;
//   - the predefined queries as a zip of .cypher files that Browser imports
//     as favourites when the file is dropped on its window.
//
// Browser fetches a remote guide or style only from hosts in the server's
// browser.remote_content_hostname_allowlist (by default guides.neo4j.com
// and localhost) and only when the response allows cross-origin reads, so
// Handler serves the files with CORS headers and the commands to type use
// the host name localhost. ParseStyle, Slides and ParamCommands read the
// style and the guide the way Browser does, so tests can check what an
// analyst gets.
package browser

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/diplograph/diplograph/queries"
)

// Names under which the files are served and written.
const (
	StyleFile     = "diplograph.grass"
	GuideFile     = "guide.html"
	FavoritesFile = "diplograph-queries.zip"
)

//go:embed diplograph.grass
var style []byte

// Style returns the style sheet (grass syntax).
func Style() []byte { return bytes.Clone(style) }

// File is one file for Browser.
type File struct {
	Name        string
	ContentType string
	Content     []byte
}

// Files returns the style sheet, the guide and the favourites zip, rendered
// from the embedded queries.
func Files() ([]File, error) {
	qs, err := queries.All()
	if err != nil {
		return nil, fmt.Errorf("browser: %w", err)
	}
	guide, shown, err := renderGuide(qs)
	if err != nil {
		return nil, err
	}
	fav, err := favorites(qs, shown)
	if err != nil {
		return nil, err
	}
	return []File{
		{Name: GuideFile, ContentType: "text/html; charset=utf-8", Content: guide},
		{Name: StyleFile, ContentType: "text/plain; charset=utf-8", Content: Style()},
		{Name: FavoritesFile, ContentType: "application/zip", Content: fav},
	}, nil
}

// Write stores the files in dir, creating it if needed, and returns the
// paths written.
func Write(dir string) ([]string, error) {
	files, err := Files()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("browser: %w", err)
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			return paths, fmt.Errorf("browser: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// favoritesFolder is the folder the favourites land in: Browser makes a
// folder of each directory in the zip.
const favoritesFolder = "diplograph"

// zipTime keeps the zip byte-for-byte the same from run to run.
var zipTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// Favorites returns a zip with one .cypher file per query, in a folder
// "diplograph". Browser names a favourite after its first line when that
// is a comment, so each file starts with "// NAME" and "// description",
// then sets
// the query's parameters to the values the guide uses (the values to edit
// before running) and ends with the statement; Browser runs the lines as
// one script, since they are separated by semicolons.
func Favorites(qs []queries.Query) ([]byte, error) {
	_, shown, err := renderGuide(qs)
	if err != nil {
		return nil, err
	}
	return favorites(qs, shown)
}

// favorites builds the zip with the parameter blocks of shown; a query the
// guide does not show gets its defaults, and its required parameters are
// left for the user to set.
func favorites(qs []queries.Query, shown map[string]queryBlocks) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, q := range qs {
		block := shown[q.Name].Params
		if _, ok := shown[q.Name]; !ok {
			optional := q
			optional.Params = nil
			for _, p := range q.Params {
				if !p.Required {
					optional.Params = append(optional.Params, p)
				}
			}
			var err error
			if block, err = paramBlock(optional, nil); err != nil {
				return nil, err
			}
		}
		content := fmt.Sprintf("// %s\n// %s\n", q.Name, q.Description)
		if block != "" {
			content += block + ";\n"
		}
		content += q.Cypher + "\n"
		w, err := zw.CreateHeader(&zip.FileHeader{
			Name: favoritesFolder + "/" + q.Name + ".cypher", Method: zip.Deflate, Modified: zipTime,
		})
		if err != nil {
			return nil, fmt.Errorf("browser: favourites: %w", err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			return nil, fmt.Errorf("browser: favourites: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("browser: favourites: %w", err)
	}
	return buf.Bytes(), nil
}
