// Forgets documents once their facts are gone (delete-document-facts.cypher). $documents: [id].
UNWIND $documents AS id
MATCH (d:Document {id: id})
DELETE d
