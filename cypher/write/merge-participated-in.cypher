// Upserts PARTICIPATED_IN relationships Person → Event, keyed by {article}. $rows: [{from, to, key, props}].
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Event {id: row.to})
MERGE (a)-[r:PARTICIPATED_IN {article: row.key.article}]->(b)
SET r += row.props
