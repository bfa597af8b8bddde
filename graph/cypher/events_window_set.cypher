// Records the event window a rebuild forms the events with (writers with
// another window are refused from now on), under the writers' lock.
MERGE (w:DiplographWrites {name: 'articles'})
SET w.seq = coalesce(w.seq, 0) + 1, w.at = datetime(), w.event_window = $window
