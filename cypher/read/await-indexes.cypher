// Waits until every index is populated, at most $seconds: a bulk load is done when they are.
CALL db.awaitIndexes($seconds)
