// Package eval scores extracted relations against gold annotations, following
// the scoring section of the project's annotation guide
// (docs/annotation-guide.md).
//
// It is pure logic: gold files are read through an fs.FS with LoadGold, the
// extractor's output is passed in as Predicted values already reduced to actor
// codes, and Score returns a Report that can be written as JSON (it has
// snake_case tags) or as a text table with Report.WriteText.
//
// Scoring in short (see Score for the details):
//
//   - per article, negated predictions are dropped and both sides are reduced
//     to sets of (type, source, target); MET_WITH and AGREED_WITH are unordered;
//   - TP: a predicted relation that is in the gold set (required or optional);
//     FP: a predicted relation that is not; FN: a required gold relation that
//     was not predicted;
//   - precision = TP/(TP+FP), recall = TP(required)/required, F1 their harmonic
//     mean, micro-averaged over articles;
//   - four figures: state_typed (the headline: both ends are states),
//     all_typed (all actors), state_dyad and all_dyad (type and direction
//     ignored);
//   - date accuracy: among the true positives whose gold relation has a
//     date, the share whose predicted date agrees with it at the gold
//     date's precision (year, month or day).
package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/diplograph/diplograph/relation"
)

// Gold is one gold file: the annotation of one article (annotation guide,
// section 6).
type Gold struct {
	Article   string         `json:"article"`
	Published string         `json:"published"`
	Relations []GoldRelation `json:"relations"`
	Officials []GoldOfficial `json:"officials"`
	Meetings  []GoldMeeting  `json:"meetings"`
}

// GoldRelation is one annotated relation. Target is empty when the relation
// names only a place that is no one state's (TargetPlace, e.g. "Persian Gulf");
// such relations give no country-level relation and are ignored by Score.
//
// Date, when present, is when the event happened, at the precision the
// article allows: "2019", "2019-05" or "2019-05-12". Note is a free comment
// of the annotator; scoring does not read it.
type GoldRelation struct {
	Type        string `json:"type"`
	Source      string `json:"source"`
	Target      string `json:"target,omitempty"`
	TargetPlace string `json:"target_place,omitempty"`
	Optional    bool   `json:"optional,omitempty"`
	Date        string `json:"date,omitempty"`
	Evidence    string `json:"evidence"`
	Note        string `json:"note,omitempty"`
}

// GoldOfficial is a named office holder mentioned in the article. Country is
// the code of the state or organization the person acts for (for ambassadors
// and envoys, the state they represent, not the host).
type GoldOfficial struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Title   string `json:"title"`
}

// GoldMeeting is a named or clearly described meeting. Place and Date are nil
// when the gold file has null (not given in the article).
type GoldMeeting struct {
	Name         string   `json:"name"`
	Place        *string  `json:"place"`
	Date         *string  `json:"date"`
	Participants []string `json:"participants"`
}

// LoadGold reads every *.json file directly in dir of fsys (not recursively)
// and returns the gold annotations keyed by their "article" field, or by the
// file's base name without ".json" when that field is empty.
//
// Fields the Gold types do not know are ignored, as the annotation guide
// allows. Everything else is checked: trailing data, an unknown relation
// type, a relation with neither or both of target and target_place, an empty
// source, a date that is not YYYY, YYYY-MM or YYYY-MM-DD (a real calendar
// date), and two files for the same article are errors. Every error names
// the file; JSON syntax and type errors also give the line and column.
func LoadGold(fsys fs.FS, dir string) (map[string]Gold, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: listing gold files in %s: %w", dir, err)
	}
	slices.Sort(names)
	out := make(map[string]Gold, len(names))
	from := make(map[string]string, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", name, err)
		}
		g, err := parseGold(data)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", name, err)
		}
		if g.Article == "" {
			g.Article = strings.TrimSuffix(path.Base(name), ".json")
		}
		if prev, ok := from[g.Article]; ok {
			return nil, fmt.Errorf("eval: %s: article %q already defined in %s", name, g.Article, prev)
		}
		from[g.Article] = name
		out[g.Article] = g
	}
	return out, nil
}

// parseGold decodes and validates one gold file.
func parseGold(data []byte) (Gold, error) {
	var g Gold
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&g); err != nil {
		return Gold{}, positioned(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := lineCol(data, int(dec.InputOffset())-1)
		return Gold{}, fmt.Errorf("line %d, column %d: unexpected data after the JSON object", line, col)
	}
	for i, r := range g.Relations {
		if err := validRelation(r); err != nil {
			return Gold{}, fmt.Errorf("relation %d (%s %s -> %s): %w", i+1, r.Type, r.Source, r.Target+r.TargetPlace, err)
		}
	}
	return g, nil
}

func validRelation(r GoldRelation) error {
	switch {
	case !relation.Valid(r.Type):
		return fmt.Errorf("unknown relation type %q", r.Type)
	case r.Source == "":
		return errors.New("empty source")
	case r.Target == "" && r.TargetPlace == "":
		return errors.New("neither target nor target_place")
	case r.Target != "" && r.TargetPlace != "":
		return errors.New("both target and target_place")
	case r.Date != "" && !validDate(r.Date):
		return fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", r.Date)
	}
	return nil
}

// dateLayouts are the accepted gold date forms (each of its own length).
var dateLayouts = []string{"2006", "2006-01", "2006-01-02"}

// validDate reports whether s is a year, a year and month, or a calendar
// day in the ISO forms of dateLayouts.
func validDate(s string) bool {
	for _, layout := range dateLayouts {
		if len(s) == len(layout) {
			_, err := time.Parse(layout, s)
			return err == nil
		}
	}
	return false
}

// positioned adds "line L, column C" to JSON syntax and type errors.
func positioned(data []byte, err error) error {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col := lineCol(data, len(data))
		return fmt.Errorf("line %d, column %d: unexpected end of file: %w", line, col, err)
	}
	if off < 0 {
		return err
	}
	// encoding/json reports the number of bytes read when the error was
	// found, so the offending byte is the one just before that offset.
	line, col := lineCol(data, int(off)-1)
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}

// lineCol gives the 1-based line and 1-based byte column of data[idx]
// (idx is clamped to [0, len(data)]; len(data) is the position after the end).
func lineCol(data []byte, idx int) (line, col int) {
	before := data[:min(max(idx, 0), len(data))]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}
