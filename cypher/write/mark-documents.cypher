// Records documents as completely stored, in the same transaction as their facts. $documents: [{id, hash, path}].
UNWIND $documents AS d
MERGE (x:Document {id: d.id})
SET x.hash = d.hash, x.path = d.path, x.storedAt = datetime()
