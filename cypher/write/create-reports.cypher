// Creates REPORTS relationships Article → Event (one per article: write() has removed an earlier version's first). $rows: [{from, to, article, sentence, date}].
// Properties are listed, not set from a map: a map would make the planner buffer every row first (Eager).
UNWIND $rows AS row
MATCH (a:Article {id: row.from})
MATCH (b:Event {id: row.to})
CREATE (a)-[:REPORTS {article: row.article, sentence: row.sentence, date: row.date}]->(b)
