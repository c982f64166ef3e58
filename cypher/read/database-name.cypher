// The name of the database the session uses (the bulk import's target, src/store/neo4j-bulk.ts).
CALL db.info() YIELD name
RETURN name
