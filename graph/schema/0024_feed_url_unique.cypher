// Feed.url identifies a feed whose HTTP validators (ETag, Last-Modified)
// are kept between scheduled runs.
CREATE CONSTRAINT feed_url_unique IF NOT EXISTS
FOR (n:Feed) REQUIRE n.url IS UNIQUE
