// Upserts WROTE relationships Person → Article, keyed by {article, role}. $rows: [{from, to, key, props}].
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Article {id: row.to})
MERGE (a)-[r:WROTE {article: row.key.article, role: row.key.role}]->(b)
SET r += row.props
