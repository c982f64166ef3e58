// Creates HELD_AT relationships Event → Place (one per article: write() has removed an earlier version's first). $rows: [{from, to, article, sentence, date}].
// Properties are listed, not set from a map: a map would make the planner buffer every row first (Eager).
UNWIND $rows AS row
MATCH (a:Event {id: row.from})
MATCH (b:Place {id: row.to})
CREATE (a)-[:HELD_AT {article: row.article, sentence: row.sentence, date: row.date}]->(b)
