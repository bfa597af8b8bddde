// The HTTP validators kept for a feed.
MATCH (f:Feed {url: $url})
RETURN f.etag AS etag, f.last_modified AS last_modified
