// The test database's state before the tests wipe it: whether it holds the tests' marker, and how
// many other nodes it holds (tests/support/neo4j.ts refuses to wipe foreign data).
OPTIONAL MATCH (m:GuanxiTestDatabase)
WITH count(m) AS markers
OPTIONAL MATCH (n)
WHERE NOT n:GuanxiTestDatabase
RETURN markers, count(n) AS others
