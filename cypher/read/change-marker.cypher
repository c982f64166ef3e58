// What moves whenever the graph changes: every write marks its documents (storedAt), every removal deletes them.
MATCH (d:Document)
RETURN toString(count(d)) + ':' + coalesce(toString(max(d.storedAt)), '') AS marker
