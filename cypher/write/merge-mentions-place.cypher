// Upserts MENTIONS relationships Article → Place, keyed by {article}. $rows: [{from, to, key, props}].
UNWIND $rows AS row
MATCH (a:Article {id: row.from})
MATCH (b:Place {id: row.to})
MERGE (a)-[r:MENTIONS {article: row.key.article}]->(b)
SET r += row.props
