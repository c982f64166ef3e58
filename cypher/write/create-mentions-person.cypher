// Creates MENTIONS relationships Article → Person (one per article: write() has removed an earlier version's first). $rows: [{from, to, article, sentence, mention, date, count, titles, resolution, basis}].
// Properties are listed, not set from a map: a map would make the planner buffer every row first (Eager).
UNWIND $rows AS row
MATCH (a:Article {id: row.from})
MATCH (b:Person {id: row.to})
CREATE (a)-[:MENTIONS {article: row.article, sentence: row.sentence, mention: row.mention, date: row.date, count: row.count, titles: row.titles, resolution: row.resolution, basis: row.basis}]->(b)
