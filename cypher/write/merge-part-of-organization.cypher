// Upserts PART_OF relationships Organization → Organization (one per pair). $rows: [{from, to, rule}].
UNWIND $rows AS row
MATCH (a:Organization {id: row.from})
MATCH (b:Organization {id: row.to})
MERGE (a)-[r:PART_OF]->(b)
SET r.rule = row.rule
