// Upserts Person nodes by id. $rows: [{id, props}].
// The props follow from the id (the key entity resolution gives it), except the rule: `org-region`
// and `document-home` give the same key, and a person placed by posts in any document says so,
// whatever order the documents are written in (remergedProps in src/graph/assemble.ts).
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
ON CREATE SET n += row.props
ON MATCH SET n.resolution = CASE WHEN row.props.resolution = 'org-region' THEN 'org-region' ELSE n.resolution END
