// Upserts HELD_AT relationships Event → Place, keyed by {article}. $rows: [{from, to, key, props}].
UNWIND $rows AS row
MATCH (a:Event {id: row.from})
MATCH (b:Place {id: row.to})
MERGE (a)-[r:HELD_AT {article: row.key.article}]->(b)
SET r += row.props
