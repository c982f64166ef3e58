// Upserts Event nodes by id. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n += row.props
