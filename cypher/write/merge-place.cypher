// Upserts Place nodes by id. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Place {id: row.id})
SET n += row.props
