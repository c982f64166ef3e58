// After a bulk import (src/store/neo4j-bulk.ts): the importer leaves out an empty list (the evidence
// of a participation without roles), which the incremental writer stores as []. Run auto-commit.
MATCH ()-[r:PARTICIPATED_IN]->()
WHERE r.evidence IS NULL
CALL (r) { SET r.evidence = [] } IN TRANSACTIONS OF 50000 ROWS
