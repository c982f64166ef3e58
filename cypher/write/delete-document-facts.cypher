// Removes what stored versions of documents contributed, before their facts are written again:
// their articles (and with them MENTIONS, REPORTS and WROTE) and the article-borne relationships that
// hang off the persons and events those articles mention and report (HOLDS, PARTICIPATED_IN, HELD_AT
// are found from there, by their `article`). Orphans go in delete-orphans.cypher. $documents: [name].
UNWIND $documents AS doc
MATCH (a:Article {document: doc})
CALL (a) {
  MATCH (a)-[:MENTIONS]->(:Person)-[r:HOLDS]->()
  WHERE r.article = a.id
  DELETE r
}
CALL (a) {
  MATCH (a)-[:REPORTS]->(e:Event)<-[r:PARTICIPATED_IN]-()
  WHERE r.article = a.id
  DELETE r
}
CALL (a) {
  MATCH (a)-[:REPORTS]->(:Event)-[r:HELD_AT]->()
  WHERE r.article = a.id
  DELETE r
}
DETACH DELETE a
