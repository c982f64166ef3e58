// Nodes of each of the graph's labels and relationships of each of its types (not the documents'
// bookkeeping), as graphCounts gives them for the in-memory graph; zero counts are left out.
CALL () {
  UNWIND $labels AS label
  CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
  RETURN label AS name, count
  UNION ALL
  UNWIND $types AS type
  CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
  RETURN type AS name, count
}
WITH name, count WHERE count > 0
RETURN name, count ORDER BY name
