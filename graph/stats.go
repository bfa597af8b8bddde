package graph

import "context"

var stArticleCount = mustStatement("article_count")

// ArticleCount is the number of (:Article) nodes in the graph.
func (c *Client) ArticleCount(ctx context.Context) (int64, error) {
	recs, err := c.Read(ctx, stArticleCount, nil)
	if err != nil {
		return 0, err
	}
	n, _ := recs[0].Values[0].(int64)
	return n, nil
}
