// Upserts Organization nodes by id. $rows: [{id, props}].
// The props follow from the id (the key entity resolution gives it), so an existing node needs no write.
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
ON CREATE SET n += row.props
