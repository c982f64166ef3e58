// Removes what earlier versions of documents contributed before their new facts are written:
// their articles (and with them MENTIONS and REPORTS) and the article-borne relationships keyed by
// those articles. Nodes left without relationships go in delete-orphans.cypher. $documents: [name].
UNWIND $documents AS doc
MATCH (a:Article {document: doc})
CALL (a) { MATCH ()-[r:HOLDS {article: a.id}]->() DELETE r }
CALL (a) { MATCH ()-[r:PARTICIPATED_IN {article: a.id}]->() DELETE r }
CALL (a) { MATCH ()-[r:HELD_AT {article: a.id}]->() DELETE r }
CALL (a) { MATCH ()-[r:WROTE {article: a.id}]->() DELETE r }
DETACH DELETE a
