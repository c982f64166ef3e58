// Upserts Person nodes by id. $rows: [{id, props}].
// The props follow from the id (the key entity resolution gives it), except the rule: `org-region`
// and `document-home` give the same key, and a person placed by posts in any document says so,
// whatever order the documents are written in (remergedProps in src/graph/assemble.ts). A person the
// identities file makes or keeps (`identities-file`, with `merged` and `evidence`) is so in every
// document written with that file; one it no longer names takes the rule written now, and loses them.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
ON CREATE SET n += row.props
ON MATCH SET
  n.resolution = CASE
    WHEN row.props.resolution = 'identities-file' OR n.resolution = 'identities-file' THEN row.props.resolution
    WHEN row.props.resolution = 'org-region' THEN 'org-region'
    ELSE n.resolution END,
  n.merged = row.props.merged,
  n.evidence = row.props.evidence
