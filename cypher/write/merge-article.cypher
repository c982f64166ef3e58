// Upserts Article nodes by id. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Article {id: row.id})
SET n += row.props
