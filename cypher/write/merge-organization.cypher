// Upserts Organization nodes by id. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n += row.props
