package graph

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	stRunStart         = mustStatement("run_start")
	stRunFinish        = mustStatement("run_finish")
	stRunsRecent       = mustStatement("runs_recent")
	stFeedStateGet     = mustStatement("feed_state_get")
	stFeedStateSet     = mustStatement("feed_state_set")
	stArticleURLExists = mustStatement("article_url_exists")
)

// IngestRun is one recorded run of the scheduled ingest: (:IngestRun).
type IngestRun struct {
	ID                  string
	StartedAt, Finished time.Time // Finished is zero while it runs
	Status              string    // running, succeeded, partial, failed, interrupted, skipped, abandoned
	Host                string
	PID                 int64
	Sources             []string
	Seen, New, Updated  int64
	Unchanged, Failed   int64
	Relations           int64
	Seconds             float64
	Error               string
}

// StartRun records the start of run id.
func (c *Client) StartRun(ctx context.Context, r IngestRun) error {
	sources := r.Sources
	if sources == nil {
		sources = []string{}
	}
	return c.Write(ctx, stRunStart, map[string]any{
		"id": r.ID, "status": r.Status, "host": r.Host, "pid": r.PID, "sources": sources,
	})
}

// FinishRun records how run r.ID ended: its status, counts and error.
func (c *Client) FinishRun(ctx context.Context, r IngestRun) error {
	return c.Write(ctx, stRunFinish, map[string]any{
		"id": r.ID, "status": r.Status, "error": r.Error, "seen": r.Seen, "new": r.New, "updated": r.Updated,
		"unchanged": r.Unchanged, "failed": r.Failed, "relations": r.Relations, "seconds": r.Seconds,
	})
}

// RecentRuns returns the last limit runs, newest first.
func (c *Client) RecentRuns(ctx context.Context, limit int) ([]IngestRun, error) {
	recs, err := c.Read(ctx, stRunsRecent, map[string]any{"limit": int64(limit)})
	if err != nil {
		return nil, err
	}
	out := make([]IngestRun, 0, len(recs))
	for _, rec := range recs {
		m := rec.AsMap()
		r := IngestRun{}
		r.ID, _ = m["id"].(string)
		r.StartedAt, _ = m["started_at"].(time.Time)
		r.Finished, _ = m["finished_at"].(time.Time)
		r.Status, _ = m["status"].(string)
		r.Host, _ = m["host"].(string)
		r.PID, _ = m["pid"].(int64)
		if ss, ok := m["sources"].([]any); ok {
			for _, s := range ss {
				if str, ok := s.(string); ok {
					r.Sources = append(r.Sources, str)
				}
			}
		}
		for k, p := range map[string]*int64{"seen": &r.Seen, "new": &r.New, "updated": &r.Updated,
			"unchanged": &r.Unchanged, "failed": &r.Failed, "relations": &r.Relations} {
			*p, _ = m[k].(int64)
		}
		r.Seconds, _ = m["seconds"].(float64)
		r.Error, _ = m["error"].(string)
		out = append(out, r)
	}
	return out, nil
}

// FeedValidators are the HTTP validators a feed's server sent last time.
type FeedValidators struct{ ETag, LastModified string }

// FeedState returns the validators kept for the feed at url (empty when
// none are).
func (c *Client) FeedState(ctx context.Context, url string) (FeedValidators, error) {
	recs, err := c.Read(ctx, stFeedStateGet, map[string]any{"url": url})
	if err != nil || len(recs) == 0 {
		return FeedValidators{}, err
	}
	m := recs[0].AsMap()
	var v FeedValidators
	v.ETag, _ = m["etag"].(string)
	v.LastModified, _ = m["last_modified"].(string)
	return v, nil
}

// SaveFeedState keeps the validators of the feed at url for the next run.
func (c *Client) SaveFeedState(ctx context.Context, url string, v FeedValidators) error {
	return c.Write(ctx, stFeedStateSet, map[string]any{"url": url, "etag": v.ETag, "last_modified": v.LastModified})
}

// HasArticleURL reports whether an article with this URL is in the graph.
func (c *Client) HasArticleURL(ctx context.Context, url string) (bool, error) {
	recs, err := c.Read(ctx, stArticleURLExists, map[string]any{"url": url})
	if err != nil {
		return false, err
	}
	found, _ := recs[0].Values[0].(bool)
	return found, nil
}

// Update runs st in a managed write transaction (retried on transient
// errors) and returns its records.
func (c *Client) Update(ctx context.Context, st Statement, params map[string]any) ([]*neo4j.Record, error) {
	return c.records(ctx, neo4j.AccessModeWrite, st, params)
}
