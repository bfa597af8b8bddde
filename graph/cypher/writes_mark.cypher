// Counts one more write transaction and returns the event window the
// graph's events were formed with (setting it on a graph that has none).
// Every writer runs it first: the lock on this node serializes writers
// before they read events, so two never form events from different views.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
MERGE (w:DiplographWrites {name: 'articles'})
SET w.seq = coalesce(w.seq, 0) + 1, w.at = datetime(),
    w.event_window = coalesce(w.event_window, $window)
RETURN w.event_window AS window
