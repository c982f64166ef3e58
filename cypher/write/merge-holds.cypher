// Upserts HOLDS relationships Person → Organization, keyed by {article, title}. $rows: [{from, to, key, props}].
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Organization {id: row.to})
MERGE (a)-[r:HOLDS {article: row.key.article, title: row.key.title}]->(b)
SET r += row.props
