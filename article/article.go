package article

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Precision values for [Article.PublishedPrecision].
const (
	PrecisionDay    = "day"
	PrecisionSecond = "second"
)

// DefaultMaxBytes is the maximum article text size used when
// [ParseOptions.MaxBytes] is zero (5 MiB).
const DefaultMaxBytes = 5 << 20

// Article is one news article.
type Article struct {
	// ID identifies the article. A file's front matter may set it; else
	// it is [ParseOptions.DefaultID] or, when that is empty, the base name
	// of the file without its extension. Package ingest sets DefaultID to
	// the file's path relative to the source folder it was found in,
	// without its extension and with '/' separators ("2014/001" for
	// coll/2014/001.md read from coll), so that files of the same name in
	// two folders get two ids; a file named directly keeps its base name.
	// A JSON-lines record must carry its id.
	ID     string `json:"id"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	Title  string `json:"title,omitempty"`
	// Published is the publication time, zero when unknown. In JSON it is
	// written as "2006-01-02" when PublishedPrecision is "day" and as RFC
	// 3339 otherwise; it is omitted when zero.
	Published time.Time `json:"published,omitzero"`
	// PublishedPrecision is "day", "second", or "" when Published is
	// unknown.
	PublishedPrecision string `json:"published_precision,omitempty"`
	// Text is the article body with surrounding white space removed.
	Text string `json:"text"`
	// Origin says where the article came from, for messages: the file
	// name ("seeds/003.txt") or the file name and line ("voa.jsonl:12").
	Origin string `json:"origin,omitempty"`
	// TextOffset is the byte offset of Text inside the original file, so
	// that file[TextOffset:TextOffset+len(Text)] == Text. It is 0 for
	// articles read from JSON Lines, whose text is JSON-escaped.
	TextOffset int `json:"text_offset,omitempty"`
}

// ParseOptions controls parsing.
type ParseOptions struct {
	// DefaultPublished is used as the publication time of articles that
	// do not state one (files without front matter, or without a
	// published field). The zero value means unknown. Its precision is
	// "day" when it is midnight UTC, "second" otherwise.
	DefaultPublished time.Time
	// MaxBytes limits the size of an article's text in bytes. Zero means
	// DefaultMaxBytes.
	MaxBytes int
	// DefaultID is the ID of a file article whose front matter sets none.
	// Empty means the base name of the file without its extension. It is
	// not used for JSON lines, whose records must carry their id.
	DefaultID string
}

func (o ParseOptions) maxBytes() int {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// defaultPublished returns the default publication time and its precision.
func (o ParseOptions) defaultPublished() (time.Time, string) {
	t := o.DefaultPublished
	if t.IsZero() {
		return time.Time{}, ""
	}
	if u := t.UTC(); u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0 {
		return t, PrecisionDay
	}
	return t, PrecisionSecond
}

// publishedLayouts are tried in order by parsePublished.
var publishedLayouts = [...]struct {
	layout, precision string
}{
	{"2006-01-02", PrecisionDay},
	{time.RFC3339Nano, PrecisionSecond},
	{"2006-01-02 15:04:05Z07:00", PrecisionSecond},
	{"2006-01-02T15:04:05", PrecisionSecond},
	{"2006-01-02 15:04:05", PrecisionSecond},
}

// parsePublished parses a publication date in one of the accepted
// layouts. Times without a zone are taken as UTC.
func parsePublished(s string) (time.Time, string, error) {
	v := strings.TrimSpace(s)
	for _, l := range publishedLayouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return t, l.precision, nil
		}
	}
	return time.Time{}, "", &dateError{value: s}
}

// articleJSON mirrors Article in JSON, with published as a string.
type articleJSON struct {
	ID                 string `json:"id"`
	URL                string `json:"url,omitempty"`
	Source             string `json:"source,omitempty"`
	Title              string `json:"title,omitempty"`
	Published          string `json:"published,omitempty"`
	PublishedPrecision string `json:"published_precision,omitempty"`
	Text               string `json:"text"`
	Origin             string `json:"origin,omitempty"`
	TextOffset         int    `json:"text_offset,omitempty"`
}

// MarshalJSON implements [json.Marshaler]. It writes published as
// "2006-01-02" for day precision and RFC 3339 otherwise, and omits it
// when zero.
func (a Article) MarshalJSON() ([]byte, error) {
	var pub string
	if !a.Published.IsZero() {
		if a.PublishedPrecision == PrecisionDay {
			pub = a.Published.Format("2006-01-02")
		} else {
			pub = a.Published.Format(time.RFC3339Nano)
		}
	}
	return json.Marshal(articleJSON{
		ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
		Published: pub, PublishedPrecision: a.PublishedPrecision,
		Text: a.Text, Origin: a.Origin, TextOffset: a.TextOffset,
	})
}

// UnmarshalJSON implements [json.Unmarshaler], accepting published in any
// of the layouts accepted by [ParseFile]. When published_precision is
// absent it is derived from the layout.
func (a *Article) UnmarshalJSON(data []byte) error {
	var aux articleJSON
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	*a = Article{
		ID: aux.ID, URL: aux.URL, Source: aux.Source, Title: aux.Title,
		PublishedPrecision: aux.PublishedPrecision,
		Text:               aux.Text, Origin: aux.Origin, TextOffset: aux.TextOffset,
	}
	if aux.Published == "" {
		a.PublishedPrecision = ""
		return nil
	}
	t, prec, err := parsePublished(aux.Published)
	if err != nil {
		return fmt.Errorf("published: %w", err)
	}
	a.Published = t
	if a.PublishedPrecision == "" {
		a.PublishedPrecision = prec
	}
	return nil
}
