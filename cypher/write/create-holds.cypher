// Creates HOLDS relationships Person → Organization (one per article: write() has removed an earlier version's first). $rows: [{from, to, article, sentence, date, title, rank?, act?}].
// Properties are listed, not set from a map: a map would make the planner buffer every row first (Eager).
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Organization {id: row.to})
CREATE (a)-[:HOLDS {article: row.article, sentence: row.sentence, date: row.date, title: row.title, rank: row.rank, act: row.act}]->(b)
