// ALIGNMENT edges by dyad ("CHN-USA", lower code first): alliance-timeline
// reads a pair's materialized months through it instead of its events.
CREATE INDEX alignment_dyad IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.dyad)
