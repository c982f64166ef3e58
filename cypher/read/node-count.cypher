// How many nodes the database holds (a bulk load, src/store/neo4j-bulk.ts, fills an empty one only).
MATCH (n)
RETURN count(n) AS nodes
