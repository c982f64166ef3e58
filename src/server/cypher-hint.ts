/**
 * What to do to get Cypher, in one line: said by the viewer's console on the embedded store and by
 * POST /api/query when it is sent Cypher there. No imports, so that the viewer's bundle can hold it.
 */
export const CYPHER_HINT =
  'Cypher needs Neo4j: `npm run neo4j:start`, then `guanxi ingest --neo4j bolt://127.0.0.1:7687` and `guanxi serve --neo4j bolt://127.0.0.1:7687` (or NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD for a server of your own); the named queries run here.';
