// Upserts LOCATED_IN relationships Organization → Place (one per pair). $rows: [{from, to, rule}].
UNWIND $rows AS row
MATCH (a:Organization {id: row.from})
MATCH (b:Place {id: row.to})
MERGE (a)-[r:LOCATED_IN]->(b)
SET r.rule = row.rule
