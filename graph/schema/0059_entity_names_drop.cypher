// The full-text index over names (0021) is re-created by 0060 as
// eventually consistent: Lucene then takes new names in a background
// thread after the commit, not inside every write transaction. It serves
// exploration in Browser, where a name written a moment ago may show up a
// moment later.
DROP INDEX entity_names IF EXISTS
