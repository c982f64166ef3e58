// Records documents as completely stored, in the same transaction as their facts. $documents: [{id, hash, path}];
// a null hash records a large document of which only some parts are stored (it is not skipped next time).
UNWIND $documents AS d
MERGE (x:Document {id: d.id})
SET x.hash = d.hash, x.path = d.path, x.storedAt = datetime()
