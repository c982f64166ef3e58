// What no document supports any more, after a document was removed or read again, as the snapshot
// (which builds the graph from its documents) would not hold it: persons and events nothing links to,
// and organizations and places that neither an article's fact names nor lie above one that it names.
CALL () {
  MATCH (n)
  WHERE (n:Person OR n:Event) AND NOT (n)--()
  DELETE n
}
CALL () {
  MATCH (n)
  WHERE (n:Organization OR n:Place)
    AND NOT EXISTS { MATCH (n)<-[:PART_OF|LOCATED_IN*0..]-(m)<-[:MENTIONS|HOLDS|HELD_AT]-() }
  DETACH DELETE n
}
