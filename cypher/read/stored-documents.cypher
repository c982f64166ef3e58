// Which of these documents are stored (under any hash). $ids: [document name].
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id
