// Creates WROTE relationships Person → Article (one per article: write() has removed an earlier version's first). $rows: [{from, to, article, sentence, date, role}].
// Properties are listed, not set from a map: a map would make the planner buffer every row first (Eager).
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Article {id: row.to})
CREATE (a)-[:WROTE {article: row.article, sentence: row.sentence, date: row.date, role: row.role}]->(b)
