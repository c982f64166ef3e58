// Upserts Event nodes by id. $rows: [{id, props}].
// The first report's props stay; the event gains every report's dates, sorted, so the node is the
// same in whatever order the documents are written (remergedProps in src/graph/assemble.ts).
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
ON CREATE SET n += row.props, n.guanxiCreated = true
WITH n, row
SET n.dates = CASE WHEN n.guanxiCreated THEN n.dates
  ELSE COLLECT { UNWIND coalesce(n.dates, []) + coalesce(row.props.dates, []) AS d RETURN DISTINCT d ORDER BY d } END
REMOVE n.guanxiCreated
