// After a bulk import (src/store/neo4j-bulk.ts): the importer leaves out an empty list, which the
// incremental writer stores as []. Run auto-commit.
MATCH ()-[r:PARTICIPATED_IN]->()
WHERE r.roles IS NULL
CALL (r) { SET r.roles = [] } IN TRANSACTIONS OF 50000 ROWS
