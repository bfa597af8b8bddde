// Keeps a feed's HTTP validators for the next run.
MERGE (f:Feed {url: $url})
SET f.etag = $etag, f.last_modified = $last_modified, f.checked_at = datetime()
