// After a bulk import (src/store/neo4j-bulk.ts): the importer leaves out an empty list, which the
// incremental writer stores as []. Most mentions have no bare titles. Run auto-commit.
MATCH ()-[r:MENTIONS]->()
WHERE r.titles IS NULL
CALL (r) { SET r.titles = [] } IN TRANSACTIONS OF 50000 ROWS
