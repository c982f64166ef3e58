// Upserts PART_OF relationships Place → Place (one per pair). $rows: [{from, to, rule}].
UNWIND $rows AS row
MATCH (a:Place {id: row.from})
MATCH (b:Place {id: row.to})
MERGE (a)-[r:PART_OF]->(b)
SET r.rule = row.rule
