// Upserts Person nodes by id. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n += row.props
