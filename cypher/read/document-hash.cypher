// The content hash a document was stored with, if it is stored. $id: document name.
MATCH (d:Document {id: $id})
RETURN d.hash AS hash
