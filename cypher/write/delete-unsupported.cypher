// After documents were removed: what no document supports any more, as the snapshot (which builds the
// graph from its documents) would not hold it. Persons and events nothing links to, and organizations
// and places that no article's fact names and that lie above none that one names, with the hierarchy
// between them. Relationships are deleted by name, never DETACH: a fact another transaction has just
// linked to one of these nodes makes this one fail rather than vanish.
CALL () {
  MATCH (n)
  WHERE (n:Person OR n:Event) AND NOT (n)--()
  DELETE n
}
CALL () {
  MATCH (n)
  WHERE (n:Organization OR n:Place)
    AND NOT EXISTS { MATCH (n)<-[:PART_OF|LOCATED_IN*0..]-(m)<-[:MENTIONS|HOLDS|HELD_AT]-() }
  OPTIONAL MATCH (n)-[s:PART_OF|LOCATED_IN]-()
  DELETE s
  WITH DISTINCT n
  DELETE n
}
