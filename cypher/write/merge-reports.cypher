// Upserts REPORTS relationships Article → Event, keyed by {article}. $rows: [{from, to, key, props}].
UNWIND $rows AS row
MATCH (a:Article {id: row.from})
MATCH (b:Event {id: row.to})
MERGE (a)-[r:REPORTS {article: row.key.article}]->(b)
SET r += row.props
