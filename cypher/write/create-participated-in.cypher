// Creates PARTICIPATED_IN relationships Person → Event (one per article: write() has removed an earlier version's first). $rows: [{from, to, article, sentence, date, roles, evidence}].
// Properties are listed, not set from a map: a map would make the planner buffer every row first (Eager).
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Event {id: row.to})
CREATE (a)-[:PARTICIPATED_IN {article: row.article, sentence: row.sentence, date: row.date, roles: row.roles, evidence: row.evidence}]->(b)
