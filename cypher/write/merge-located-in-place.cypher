// Upserts LOCATED_IN relationships Place → Place (one per pair). $rows: [{from, to, rule}].
UNWIND $rows AS row
MATCH (a:Place {id: row.from})
MATCH (b:Place {id: row.to})
MERGE (a)-[r:LOCATED_IN]->(b)
SET r.rule = row.rule
