// Creates Article nodes. $rows: [{id, props}]. An article belongs to one document, and the store
// deletes a stored version of the document first, so every article of a batch is new (the unique
// constraint on Article.id would refuse a duplicate rather than merge it silently).
UNWIND $rows AS row
CREATE (n:Article {id: row.id})
SET n += row.props
